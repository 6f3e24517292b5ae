import { can, type Actor, type Action } from '$lib/server/permissions';
import type { AdminSection } from './labels';

/** Each part of the administration area and the privilege it needs. */
const sections: { id: AdminSection; action: Action }[] = [
	{ id: 'users', action: 'users.manage' },
	{ id: 'municipalities', action: 'municipalities.manage' },
	{ id: 'signIn', action: 'sign_in_providers.manage' },
	{ id: 'audit', action: 'audit.read' },
	{ id: 'mail', action: 'mail.read' }
];

/** The sections this actor may open, in menu order. */
export function adminSections(actor: Actor | null): AdminSection[] {
	return sections.filter((s) => can(actor, s.action)).map((s) => s.id);
}
