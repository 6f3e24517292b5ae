import type { Queryable } from '../../db';
import { createEmailToken, emailTokenTtlMs } from '../../auth/email-tokens';
import { setPasswordLink } from '../../auth/links';
import { enqueueMail } from '../mail';
import { passwordOffFor } from '../sign-in';
import type { Actor } from '../../permissions';
import { m } from '../../../paraglide/messages.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Creates a fresh invitation token (older ones stop working) and queues the mail with its link,
 * inside the caller's transaction. Returns the mail id; it leaves once the transaction commits.
 */
export async function queueInvitation(
	tx: Queryable,
	invitee: { id: string; name: string; email: string; locale: string },
	inviter: Actor,
	siteUrl: string
): Promise<string> {
	const token = await createEmailToken(tx, { userId: invitee.id, purpose: 'invitation', createdBy: inviter.userId });
	// The mail is read outside the request, so it speaks the invitee's language, not the administrator's.
	const locale = invitee.locale === 'en' ? 'en' : 'nl';
	const params = {
		name: invitee.name,
		inviter: inviter.name,
		link: setPasswordLink(siteUrl, token),
		days: Math.round(emailTokenTtlMs.invitation / DAY_MS)
	};
	// Where the municipality requires its own sign-in service a password link would only be refused: the mail
	// names the button on the login page instead.
	const off = await passwordOffFor(tx, invitee.id);
	const text = off
		? m.signin_invitation_mail_body({ ...params, link: `${siteUrl}/inloggen`, municipality: String(off.refusal.params.municipality) }, { locale })
		: m.admin_invitation_mail_body(params, { locale });
	return enqueueMail(tx, {
		to: invitee.email,
		kind: 'account',
		userId: invitee.id,
		subject: m.admin_invitation_mail_subject({}, { locale }),
		text
	});
}
