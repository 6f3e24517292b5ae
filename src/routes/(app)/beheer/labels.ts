import { m } from '$lib/paraglide/messages.js';

export type AdminSection = 'users' | 'municipalities' | 'signIn' | 'audit' | 'mail';

type Label = () => string;
const pick = (labels: Record<string, Label>, key: string) => (Object.hasOwn(labels, key) ? labels[key]() : key);

export { roleLabel } from '$lib/components/labels/roles';

const statuses: Record<string, Label> = {
	active: m.admin_status_active,
	invited: m.admin_status_invited,
	disabled: m.admin_status_disabled
};
export const statusLabel = (status: string) => pick(statuses, status);

/** Where each administration section lives and how it is named and described. */
export const sectionInfo: Record<AdminSection, { href: string; title: Label; description: Label }> = {
	users: { href: '/beheer/gebruikers', title: m.admin_users_title, description: m.admin_users_description },
	municipalities: {
		href: '/beheer/gemeenten',
		title: m.admin_municipalities_title,
		description: m.admin_municipalities_description
	},
	signIn: { href: '/beheer/inlogdiensten', title: m.signin_admin_title, description: m.signin_admin_description },
	audit: { href: '/beheer/audit', title: m.admin_audit_title, description: m.admin_audit_description },
	mail: { href: '/beheer/uitgaande-mail', title: m.admin_mail_title, description: m.admin_mail_description }
};

/** Dates and times as people in the region read them, whatever the server's or browser's zone. */
export function dateTimeFormat(locale: string): Intl.DateTimeFormat {
	return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-NL', {
		dateStyle: 'medium',
		timeStyle: 'medium',
		timeZone: 'Europe/Amsterdam'
	});
}
