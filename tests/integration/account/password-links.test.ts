import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { destroy, testDb, type TestDb } from '../../fixtures/db';
import { newUser, testOrigin } from '../../fixtures/factories';
import { authenticate } from '../../../src/lib/server/auth/authenticate';
import { createAuthSession, validateAuthSessionToken } from '../../../src/lib/server/auth/auth-session';
import { createEmailToken } from '../../../src/lib/server/auth/email-tokens';
import { setPasswordLink } from '../../../src/lib/server/auth/links';
import { login } from '../../../src/lib/server/auth/login';
import { requestPasswordReset } from '../../../src/lib/server/auth/password-reset-request';
import { findSetPasswordLink, setPasswordFromLink } from '../../../src/lib/server/auth/set-password';
import { emailTokens, mailOutbox, memberships, users } from '../../../src/lib/server/db/schema';
import { auditOf, enrolled, refusal } from '../auth/two-factor-helpers';

let t: TestDb;
beforeAll(async () => (t = await testDb()));
afterAll(() => destroy(t));

const ORIGIN = 'http://localhost:5173';
const NEW_PASSWORD = 'een-nieuw-en-lang-wachtwoord';
const linkFor = (token: string) => setPasswordLink(ORIGIN, token);
const minutes = (n: number) => n * 60 * 1000;

/** The token from the newest mail to this address, read the way the person would: from the link. */
async function tokenFromMail(to: string): Promise<string> {
	const mails = await t.db.select().from(mailOutbox).where(eq(mailOutbox.to, to));
	const body = mails.at(-1)?.body ?? '';
	const match = body.match(/\/wachtwoord-instellen\/([a-z0-9]+)/);
	expect(match, 'a set-password link in the mail').not.toBeNull();
	return match![1];
}

const mailsTo = async (to: string) => t.db.select().from(mailOutbox).where(eq(mailOutbox.to, to));

describe('set-password link', () => {
	it('is built from the request origin', () => {
		expect(setPasswordLink('https://regio.example.nl', 'abc')).toBe('https://regio.example.nl/wachtwoord-instellen/abc');
		expect(setPasswordLink('https://regio.example.nl/', 'abc')).toBe('https://regio.example.nl/wachtwoord-instellen/abc');
	});
});

describe('forgot password', () => {
	it('mails a one-hour link to an existing account, in Dutch, and audits without the token', async () => {
		const u = await newUser(t.db, [], { email: 'Reset.Hoofdletters@test.regioportaal.nl' });
		await requestPasswordReset(t.db, { email: '  reset.hoofdletters@TEST.regioportaal.nl ' }, testOrigin, linkFor);
		const [mail] = await mailsTo(u.email);
		expect(mail.subject).toContain('wachtwoord');
		expect(mail.body).toContain(`${ORIGIN}/wachtwoord-instellen/`);
		expect(mail.body).toContain('60 minuten');
		const token = await tokenFromMail(u.email);
		const [row] = await t.db.select().from(emailTokens).where(eq(emailTokens.userId, u.id));
		expect(row.purpose).toBe('password_reset');
		expect(row.id).not.toBe(token);
		const audit = await auditOf(t.db, u.id);
		expect(audit.map((r) => r.action)).toContain('auth.password_reset_requested');
		expect(JSON.stringify(audit)).not.toContain(token);
	});

	it('answers the same for an unknown or disabled address, and sends nothing', async () => {
		await expect(requestPasswordReset(t.db, { email: 'niemand@test.regioportaal.nl' }, testOrigin, linkFor)).resolves.toBeUndefined();
		expect(await mailsTo('niemand@test.regioportaal.nl')).toHaveLength(0);
		const off = await newUser(t.db, [], { disabled: true });
		await expect(requestPasswordReset(t.db, { email: off.email }, testOrigin, linkFor)).resolves.toBeUndefined();
		expect(await mailsTo(off.email)).toHaveLength(0);
		expect(await t.db.select().from(emailTokens).where(eq(emailTokens.userId, off.id))).toHaveLength(0);
	});

	it('refuses an invalid address with a field error', async () => {
		const err = await refusal(requestPasswordReset(t.db, { email: 'geen-adres' }, testOrigin, linkFor), 'error_validation');
		expect(err.fields.email).toBe('validation_email');
	});

	it('limits requests per e-mail address, whether or not it has an account', async () => {
		for (const email of ['veel@test.regioportaal.nl', (await newUser(t.db)).email]) {
			const origin = { ...testOrigin, ip: `198.51.100.${Math.floor(Math.random() * 200)}` };
			for (let i = 0; i < 3; i++) await requestPasswordReset(t.db, { email }, origin, linkFor);
			const err = await refusal(requestPasswordReset(t.db, { email }, origin, linkFor), 'auth_reset_rate_limited');
			expect(err.status).toBe(429);
		}
	});
});

describe('password reset', () => {
	it('sets the password once, ends every other session and logs in with a new session', async () => {
		const u = await newUser(t.db);
		const elsewhere = await createAuthSession(t.db, u.id, testOrigin, { twoFactorVerified: false });
		await requestPasswordReset(t.db, { email: u.email }, testOrigin, linkFor);
		const token = await tokenFromMail(u.email);
		expect(await findSetPasswordLink(t.db, token)).toMatchObject({ purpose: 'password_reset', email: u.email });

		const result = await setPasswordFromLink(t.db, token, { password: NEW_PASSWORD, repeat: NEW_PASSWORD }, testOrigin);
		expect(await validateAuthSessionToken(t.db, elsewhere.token)).toBeNull();
		expect((await authenticate(t.db, result.token))?.stage).toBe('ok');
		await expect(login(t.db, { email: u.email, password: NEW_PASSWORD }, testOrigin)).resolves.toBeTruthy();

		// the second use is refused, and the page says so
		await refusal(findSetPasswordLink(t.db, token), 'auth_link_used');
		await refusal(setPasswordFromLink(t.db, token, { password: 'nog-een-ander-wachtwoord', repeat: 'nog-een-ander-wachtwoord' }, testOrigin), 'auth_link_used');

		const audit = await auditOf(t.db, u.id);
		const set = audit.find((r) => r.action === 'auth.password_set');
		expect(set?.details).toMatchObject({ purpose: 'password_reset', endedSessions: 1 });
		const text = JSON.stringify(audit);
		expect(text).not.toContain(token);
		expect(text).not.toContain(NEW_PASSWORD);
	});

	it('refuses an expired link', async () => {
		const u = await newUser(t.db);
		const now = new Date();
		const token = await createEmailToken(t.db, { userId: u.id, purpose: 'password_reset', now });
		const later = new Date(now.getTime() + minutes(61));
		await refusal(findSetPasswordLink(t.db, token, later), 'auth_link_expired');
		const err = await refusal(setPasswordFromLink(t.db, token, { password: NEW_PASSWORD, repeat: NEW_PASSWORD }, testOrigin, later), 'auth_link_expired');
		expect(err.status).toBe(410);
	});

	it('refuses an unknown link', async () => {
		await refusal(findSetPasswordLink(t.db, 'bestaat-niet'), 'auth_link_invalid');
	});

	it('lets only the newest link work when two were requested', async () => {
		const u = await newUser(t.db);
		await requestPasswordReset(t.db, { email: u.email }, testOrigin, linkFor);
		const first = await tokenFromMail(u.email);
		await requestPasswordReset(t.db, { email: u.email }, testOrigin, linkFor);
		const second = await tokenFromMail(u.email);
		expect(second).not.toBe(first);
		await refusal(findSetPasswordLink(t.db, first), 'auth_link_used');
		await expect(findSetPasswordLink(t.db, second)).resolves.toBeTruthy();
	});

	it('checks the new password before using up the link', async () => {
		const u = await newUser(t.db);
		const token = await createEmailToken(t.db, { userId: u.id, purpose: 'password_reset' });
		const short = await refusal(setPasswordFromLink(t.db, token, { password: 'kort', repeat: 'kort' }, testOrigin), 'error_validation');
		expect(short.fields.password).toBe('validation_password_too_short');
		const mismatch = await refusal(setPasswordFromLink(t.db, token, { password: NEW_PASSWORD, repeat: `${NEW_PASSWORD}!` }, testOrigin), 'error_validation');
		expect(mismatch.fields.repeat).toBe('validation_password_mismatch');
		await expect(findSetPasswordLink(t.db, token)).resolves.toBeTruthy();
	});

	it('still asks a user with 2FA for a code after the reset', async () => {
		const u = await newUser(t.db, [['collegelid', 'leiden']]);
		await enrolled(t.db, u);
		const token = await createEmailToken(t.db, { userId: u.id, purpose: 'password_reset' });
		const result = await setPasswordFromLink(t.db, token, { password: NEW_PASSWORD, repeat: NEW_PASSWORD }, testOrigin);
		expect((await authenticate(t.db, result.token))?.stage).toBe('two_factor');
	});

	it('is refused for a disabled account', async () => {
		const u = await newUser(t.db);
		const token = await createEmailToken(t.db, { userId: u.id, purpose: 'password_reset' });
		await t.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, u.id));
		await refusal(setPasswordFromLink(t.db, token, { password: NEW_PASSWORD, repeat: NEW_PASSWORD }, testOrigin), 'auth_account_disabled');
	});
});

describe('invitation', () => {
	it('lets an invitee without a password set one, once, and sends a collegelid on to 2FA set-up', async () => {
		const admin = await newUser(t.db, [['administrator', null]]);
		const [invitee] = await t.db.insert(users).values({ email: 'nieuw.collegelid@test.regioportaal.nl', name: 'Nieuw Collegelid' }).returning();
		await t.db.insert(memberships).values({ userId: invitee.id, role: 'collegelid', municipalityId: 'leiden' });
		const token = await createEmailToken(t.db, { userId: invitee.id, purpose: 'invitation', createdBy: admin.id });
		expect(await findSetPasswordLink(t.db, token)).toMatchObject({ purpose: 'invitation', email: invitee.email, name: 'Nieuw Collegelid' });
		const result = await setPasswordFromLink(t.db, token, { password: NEW_PASSWORD, repeat: NEW_PASSWORD }, testOrigin);
		expect((await authenticate(t.db, result.token))?.stage).toBe('two_factor_setup');
		await refusal(setPasswordFromLink(t.db, token, { password: NEW_PASSWORD, repeat: NEW_PASSWORD }, testOrigin), 'auth_link_used');
		const audit = await auditOf(t.db, invitee.id);
		expect(audit.find((r) => r.action === 'auth.password_set')?.details).toMatchObject({ purpose: 'invitation' });
	});

	it('expires after seven days', async () => {
		const u = await newUser(t.db);
		const now = new Date();
		const token = await createEmailToken(t.db, { userId: u.id, purpose: 'invitation', now });
		await expect(findSetPasswordLink(t.db, token, new Date(now.getTime() + 6 * 24 * 60 * minutes(1)))).resolves.toBeTruthy();
		const late = new Date(now.getTime() + 7 * 24 * 60 * minutes(1) + 1000);
		await refusal(setPasswordFromLink(t.db, token, { password: NEW_PASSWORD, repeat: NEW_PASSWORD }, testOrigin, late), 'auth_link_expired');
	});

	it('uses a link once even when it is submitted twice at the same moment', async () => {
		const u = await newUser(t.db);
		const token = await createEmailToken(t.db, { userId: u.id, purpose: 'invitation' });
		const input = { password: NEW_PASSWORD, repeat: NEW_PASSWORD };
		const results = await Promise.allSettled([setPasswordFromLink(t.db, token, input, testOrigin), setPasswordFromLink(t.db, token, input, testOrigin)]);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
	});
});
