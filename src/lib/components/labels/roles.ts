import { m } from '$lib/paraglide/messages.js';

/** A role's name for people (beheer, invitee lists, meeting details); an unknown role shows as its key. */
const roles: Record<string, () => string> = {
	administrator: m.role_administrator,
	verkenner: m.role_verkenner,
	klankbordgroeplid: m.role_klankbordgroeplid,
	collegelid: m.role_collegelid,
	griffie: m.role_griffie,
	meelezer: m.role_meelezer,
	ambtelijkadviseur: m.role_ambtelijkadviseur
};

export const roleLabel = (role: string): string => (Object.hasOwn(roles, role) ? roles[role]() : role);
