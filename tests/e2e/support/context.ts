import { inject } from 'vitest';

declare module 'vitest' {
	export interface ProvidedContext {
		/** Where the production server of this run listens, e.g. `http://127.0.0.1:41234`. */
		baseURL: string;
		/** The shared Chromium (playwright `launchServer`) every test file connects to. */
		browserWSEndpoint: string;
		/** Whether /account/tweestaps-instellen (TOTP enrolment) answers 200 to a user who must set up 2FA. */
		twoFactorSetupPage: boolean;
	}
}

/** The base URL of the real production server started by global-setup.ts. */
export function baseURL(): string {
	return inject('baseURL');
}

/** An absolute URL on the server under test. */
export function urlOf(path: string): string {
	return new URL(path, baseURL()).toString();
}

/** Whether the TOTP enrolment page exists yet (probed once by global-setup.ts). */
export function twoFactorSetupPageExists(): boolean {
	return inject('twoFactorSetupPage');
}
