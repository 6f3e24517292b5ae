import { describe, expect, it } from 'vitest';
import { SignInRefused } from '../../../src/lib/server/modules/sign-in/refusal';
import { refusedSignInTarget, signInCallbackUri } from '../../../src/lib/server/http/sign-in-redirects';

describe('where a refused sign-in sends the person', () => {
	it('back to the login form with the reason and where they were going', () => {
		expect(refusedSignInTarget(new SignInRefused('email_domain'), '/agenda?status=open')).toBe(
			'/inloggen?inlogfout=email_domain&naar=%2Fagenda%3Fstatus%3Dopen'
		);
	});

	it('a step-up back to the confirm page, to the place the stored attempt named', () => {
		const err = new SignInRefused('step_up_no_mfa');
		err.purpose = 'step_up';
		err.next = '/agenda/7#kop-besluiten';
		expect(refusedSignInTarget(err)).toBe('/account/tweestaps-bevestigen?inlogfout=step_up_no_mfa&naar=%2Fagenda%2F7%23kop-besluiten');
	});

	it('names the callback on the portal’s own origin', () => {
		expect(signInCallbackUri(new URL('https://regioportaal.example.nl/inloggen/oidc/abc?naar=/'))).toBe('https://regioportaal.example.nl/inloggen/oidc/terug');
	});
});
