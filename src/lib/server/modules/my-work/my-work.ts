import type { Queryable } from '../../db';
import { authorize, type Actor } from '../../permissions';
import { unreadNotificationCount } from '../comments';
import {
	actionPointsOf,
	awaitingCouncil,
	awaitingDecision,
	awaitingPosition,
	municipalitiesAs,
	stuckItems,
	voidedDecisions,
	type ActionPoint,
	type StuckItem,
	type VoidedDecision,
	type WaitingItem
} from './queries';

/**
 * What awaits one person, by the roles they hold: the first page after login. Each list is empty for a
 * role the person does not hold (`roles` says which sections apply, so an empty one can say so kindly).
 */
export interface MyWork {
	roles: { college: boolean; griffie: boolean; klankbordgroep: boolean; verkenner: boolean };
	/** College: items up for its decision. */
	decide: WaitingItem[];
	/** College: its decisions voided in the last days (reopened, or another college's niet akkoord). */
	voided: VoidedDecision[];
	/** Griffie: adopted items awaiting the council follow-up. */
	council: WaitingItem[];
	/** Klankbordgroep: items in bespreking awaiting its municipality's position. */
	position: WaitingItem[];
	/** Unread mentions and replies. */
	unread: number;
	/** Klankbordgroep (and anyone named as owner): action points from sessions. */
	actionPoints: ActionPoint[];
	/** Verkenner: what is stuck where. */
	stuck: StuckItem[];
	/** What the navigation counts: the decisions, follow-ups and positions asked of this person now (unread mentions have their own count). */
	count: number;
}

export async function myWork(q: Queryable, actor: Actor | null): Promise<MyWork> {
	authorize(actor, 'region.read');
	const college = municipalitiesAs(actor!, 'collegelid');
	const griffie = municipalitiesAs(actor!, 'griffie');
	const klankbord = municipalitiesAs(actor!, 'klankbordgroeplid');
	const verkenner = actor!.grants.some((g) => g.role === 'verkenner');
	const [decide, voided, council, position, unread, actionPoints, stuck] = await Promise.all([
		awaitingDecision(q, college),
		voidedDecisions(q, college),
		awaitingCouncil(q, griffie),
		awaitingPosition(q, klankbord),
		unreadNotificationCount(q, actor),
		klankbord.length || verkenner ? actionPointsOf(q, actor!.name) : Promise.resolve([]),
		verkenner ? stuckItems(q) : Promise.resolve([])
	]);
	return {
		roles: { college: college.length > 0, griffie: griffie.length > 0, klankbordgroep: klankbord.length > 0, verkenner },
		decide,
		voided,
		council,
		position,
		unread,
		actionPoints,
		stuck,
		count: decide.length + council.length + position.length
	};
}

/** Only the number, for the navigation badge on every page: the same lists as `myWork` counts, nothing else. */
export async function myWorkCount(q: Queryable, actor: Actor | null): Promise<number> {
	authorize(actor, 'region.read');
	const [decide, council, position] = await Promise.all([
		awaitingDecision(q, municipalitiesAs(actor!, 'collegelid')),
		awaitingCouncil(q, municipalitiesAs(actor!, 'griffie')),
		awaitingPosition(q, municipalitiesAs(actor!, 'klankbordgroeplid'))
	]);
	return decide.length + council.length + position.length;
}
