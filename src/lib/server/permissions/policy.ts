import { isRegionalRole, municipalityIds, type MunicipalRole, type RegionalRole, type Role } from '../../roles';
import { isMunicipalAction, type Action, type MunicipalAction, type RegionalAction } from './actions';
import { mayTransition } from '../../agenda/status';
import type { ItemStatus } from '../../agenda/constants';

export interface Grant {
	role: Role;
	/** Null for regional roles. */
	municipalityId: string | null;
}

export interface Actor {
	userId: string;
	name: string;
	grants: readonly Grant[];
}

export interface Resource {
	/** The municipality an action is taken for (a position, a sign-off, a council decision). */
	municipalityId?: string;
	/** For `item.transition`: the status change asked for. Without it, the answer is whether the actor may change any status. */
	transition?: { from: ItemStatus; to: ItemStatus };
	/** For `meeting.drive`: the session's chair. Without it nobody drives. */
	chairUserId?: string | null;
	/** For `notifications.configure`: whose settings. Without it nobody's. */
	userId?: string;
}

/** What each role may do anywhere in the region. */
const regional: Record<Role, readonly RegionalAction[]> = {
	administrator: [
		'region.read',
		'item.read',
		'users.manage',
		'municipalities.manage',
		'sign_in_providers.manage',
		'audit.read',
		'mail.read',
		'mail.resend',
		'interview.read',
		'interview.read_confidential',
		'meeting.read',
		'notifications.configure',
		'register.read',
		'register.manage',
		'register.comment',
		'register.assess'
	],
	verkenner: [
		'region.read',
		'item.read',
		'item.create',
		'item.edit',
		'item.transition',
		'item.comment',
		'item.publish',
		'interview.read',
		'interview.read_confidential',
		'interview.manage',
		'meeting.read',
		'meeting.plan',
		'meeting.cancel',
		'meeting.drive',
		'meeting.publish',
		'notifications.configure',
		'register.read',
		'register.manage',
		'register.comment',
		'register.assess',
		'scenario.criteria'
	],
	klankbordgroeplid: [
		'region.read',
		'item.read',
		'item.edit',
		'item.transition',
		'item.comment',
		'interview.read',
		'meeting.read',
		'meeting.drive',
		'notifications.configure',
		'register.read',
		'register.comment'
	],
	collegelid: ['region.read', 'item.read', 'item.comment', 'meeting.read', 'notifications.configure', 'register.read', 'register.comment'],
	griffie: ['region.read', 'item.read', 'item.comment', 'meeting.read', 'notifications.configure', 'register.read', 'register.comment'],
	meelezer: ['region.read', 'item.read', 'item.comment', 'meeting.read', 'notifications.configure', 'register.read', 'register.comment'],
	ambtelijkadviseur: ['region.read', 'item.read', 'meeting.read', 'notifications.configure', 'register.read', 'register.comment']
};

/** What a municipal role may do for its own municipality only. */
const municipal: Record<MunicipalRole | RegionalRole, readonly MunicipalAction[]> = {
	administrator: [],
	verkenner: [],
	klankbordgroeplid: ['position.set', 'meeting.checkin', 'meeting.temperature', 'register.covernote_read', 'scenario.score'],
	collegelid: ['position.set', 'signoff.record', 'meeting.checkin', 'register.covernote_read', 'scenario.score_college'],
	griffie: ['council.record', 'register.covernote_read'],
	meelezer: ['register.covernote_read'],
	// A municipality's cover notes and scores are its own: the regional roles neither write nor (unshared) read them.
	ambtelijkadviseur: ['register.contribution', 'register.seats', 'register.covernote', 'register.covernote_read', 'register.score']
};

/**
 * Municipal actions a regional role may take for any municipality: whoever keeps the regional register may
 * also correct a municipality's part of it.
 */
const everywhere: Partial<Record<RegionalRole, readonly MunicipalAction[]>> = {
	administrator: ['register.contribution', 'register.seats'],
	verkenner: ['register.contribution', 'register.seats']
};

/** The one policy: may this actor take this action (for this municipality)? */
export function can(actor: Actor | null, action: Action, resource: Resource = {}): boolean {
	if (!actor) return false;
	if (isMunicipalAction(action)) {
		if (!resource.municipalityId) return false;
		return actor.grants.some(
			(g) =>
				(g.municipalityId === resource.municipalityId && municipal[g.role].includes(action)) ||
				(isRegionalRole(g.role) && !!everywhere[g.role]?.includes(action))
		);
	}
	const holding = actor.grants.filter((g) => regional[g.role].includes(action));
	if (action === 'meeting.drive') {
		// Chairing is a role held for one session: the verkenner or a member the verkenner names.
		return holding.length > 0 && !!resource.chairUserId && resource.chairUserId === actor.userId;
	}
	if (action === 'notifications.configure') {
		// Every role may choose, each for themselves only.
		return holding.length > 0 && !!resource.userId && resource.userId === actor.userId;
	}
	if (action === 'item.transition' && resource.transition) {
		const { from, to } = resource.transition;
		return mayTransition(
			holding.map((g) => g.role),
			from,
			to
		);
	}
	return holding.length > 0;
}

/** The municipalities an actor may take a municipal action for. */
export function municipalitiesFor(actor: Actor | null, action: MunicipalAction): string[] {
	if (!actor) return [];
	if (actor.grants.some((g) => isRegionalRole(g.role) && everywhere[g.role]?.includes(action))) return [...municipalityIds];
	const ids = actor.grants.filter((g) => g.municipalityId && municipal[g.role].includes(action)).map((g) => g.municipalityId as string);
	return [...new Set(ids)];
}
