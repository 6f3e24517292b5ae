import { DomainError } from '../../errors';

/**
 * Why a sign-in with a municipality's account was refused. Each reason is written to the audit row and named in
 * the address the person is sent back to (`/inloggen?inlogfout=<reason>`), where it becomes a Dutch message.
 * `denied`: a decision about the person (the audit row's result `denied`); the rest are attempts that went wrong
 * (`failure`). `status`: the HTTP status when it is answered directly (400 otherwise).
 */
const reasons = {
	provider_unknown: { key: 'signin_refused_provider_unknown', status: 404 },
	provider_unreachable: { key: 'signin_refused_unreachable', status: 503 },
	provider_refused: { key: 'signin_refused_by_provider', denied: true },
	attempt_invalid: { key: 'signin_refused_attempt' },
	code_refused: { key: 'signin_refused_attempt' },
	token_rejected: { key: 'signin_refused_token' },
	email_unverified: { key: 'signin_refused_email_unverified', denied: true },
	email_domain: { key: 'signin_refused_email_domain', denied: true },
	no_account: { key: 'signin_refused_no_account', denied: true },
	not_member: { key: 'signin_refused_not_member', denied: true },
	other_link: { key: 'signin_refused_other_link', denied: true },
	disabled: { key: 'auth_account_disabled', status: 403, denied: true },
	step_up_other_person: { key: 'signin_refused_step_up_other', denied: true },
	step_up_no_mfa: { key: 'signin_refused_step_up_no_mfa', denied: true },
	rate_limited: { key: 'signin_refused_rate_limited', status: 429, denied: true }
} satisfies Record<string, { key: string; status?: number; denied?: boolean }>;

export type RefusalReason = keyof typeof reasons;
export const refusalReasons = Object.keys(reasons) as RefusalReason[];
type Reason = { key: string; status?: number; denied?: boolean };
const reasonOf = (r: RefusalReason): Reason => reasons[r];

/** Whether the refusal is a decision about the person (audited as denied) rather than an attempt that went wrong. */
export const isDenial = (reason: RefusalReason): boolean => reasonOf(reason).denied === true;

/** The message key of a reason read back from an address; null for anything that is not one. */
export function refusalMessageKey(reason: unknown): string | null {
	return typeof reason === 'string' && Object.hasOwn(reasons, reason) ? reasonOf(reason as RefusalReason).key : null;
}

/** What the audit row of a refusal adds: who it seemed to be and which ID-token claim failed. */
export interface RefusalContext {
	email?: string;
	userId?: string;
	claim?: string;
}

export class SignInRefused extends DomainError {
	/** What the attempt was for (known once its stored attempt is found): where to send the person back to. */
	purpose: 'login' | 'step_up' = 'login';
	/** Where the person was going, once the stored attempt is found: kept on the way back to the form. */
	next: string | undefined;

	constructor(
		readonly reason: RefusalReason,
		readonly context: RefusalContext = {}
	) {
		super(reasonOf(reason).key, {}, {}, reasonOf(reason).status ?? 400);
	}
}
