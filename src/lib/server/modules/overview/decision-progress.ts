import type { Queryable } from '../../db';
import { authorize, type Actor } from '../../permissions';
import { councilOutcomes, type CouncilOutcome } from '../../../decisions/constants';
import { municipalityIds } from '../../../roles';
import type { ItemStatus } from '../../../agenda/constants';
import * as decisions from '../decisions';
import * as myWork from '../my-work';

/** Up for decision or adopted: the items whose college decisions count in the round's progress. */
const signOffStatuses: readonly ItemStatus[] = ['gereed_voor_besluitvorming', 'vastgesteld', 'in_uitvoering', 'afgerond'];

export interface MunicipalityDecisions {
	id: string;
	name: string;
	/** Its college: items up for decision or adopted it takes part in, with a valid decision or still awaiting one. */
	signOff: { signed: number; awaiting: number };
	/** Its council: items whose follow-up is recorded (by the newest record's outcome) and adopted items still awaiting it. */
	council: { byOutcome: Record<CouncilOutcome, number>; recorded: number; awaiting: number };
}

/**
 * Per municipality how far its college and its council are. Read from `decisions.municipalityOverviews` (the
 * municipality page's own lists: what awaits its college, what it signed, its council's records; all five in
 * the same queries) and from the griffie's list of adopted items without follow-up, so the figures are those
 * lists counted. A fixed number of queries, however many items there are.
 */
export async function decisionProgress(q: Queryable, actor: Actor | null): Promise<MunicipalityDecisions[]> {
	authorize(actor, 'item.read');
	const [overviews, councilWaiting] = await Promise.all([
		decisions.municipalityOverviews(q, actor, [...municipalityIds], { currentText: false }),
		myWork.awaitingCouncil(q, [...municipalityIds])
	]);
	return overviews.map((o) => figuresOf(o, councilWaiting.filter((w) => w.municipalityId === o.municipality.id).length));
}

function figuresOf(o: decisions.MunicipalityOverview, councilAwaiting: number): MunicipalityDecisions {
	const signed = new Set(o.signed.filter((s) => !s.voided && signOffStatuses.includes(s.status)).map((s) => s.itemId));
	// The records are newest first: an item's first is the council's decision as it stands.
	const newest = new Map<string, CouncilOutcome>();
	for (const c of o.council) if (!newest.has(c.itemId)) newest.set(c.itemId, c.outcome);
	const byOutcome = Object.fromEntries(councilOutcomes.map((k) => [k, 0])) as Record<CouncilOutcome, number>;
	for (const outcome of newest.values()) byOutcome[outcome] += 1;
	return {
		id: o.municipality.id,
		name: o.municipality.name,
		signOff: { signed: signed.size, awaiting: o.awaiting.length },
		council: { byOutcome, recorded: newest.size, awaiting: councilAwaiting }
	};
}
