import type { Queryable } from '../../db';
import type { Actor } from '../../permissions';
import { DomainError } from '../../errors';
import * as agenda from '../agenda-items';
import * as decisions from '../decisions';
import * as region from '../region';
import { trySplitCosts } from '../../../agenda/costs';
import type { ItemStatus, Verdeelsleutel } from '../../../agenda/constants';
import type { CouncilDecisionView, ProgressView, SignOffView } from '../../../decisions/views';

/** Which text the letter shows: the adopted version, the one up for decision, the latest captured one, or the draft. */
export type BriefTextKind = 'adopted' | 'frozen' | 'version' | 'draft';

export interface BriefText {
	kind: BriefTextKind;
	versionNumber: number | null;
	contentHash: string | null;
	/** The stored snapshot still hashes to its recorded hash (a draft has nothing to verify: true). */
	verified: boolean;
	/** The item's current text is no longer this version. */
	currentDiffers: boolean;
	content: agenda.ItemContent;
}

/** Everything a raadsinformatiebrief says about one item for one municipality: data only, no words. */
export interface ItemBrief {
	item: { id: string; title: string; status: ItemStatus; ambition: string };
	municipality: { id: string; name: string };
	/** All municipalities in the region's order (names for the tables). */
	municipalities: { id: string; name: string }[];
	text: BriefText;
	/** The split of the shown text's costs by its verdeelsleutel and today's inhabitants, or why it cannot be made. */
	costs: ReturnType<typeof trySplitCosts>;
	/** The college decisions that count now (voided ones left out), by participating municipality. */
	colleges: { municipalityId: string; signOff: SignOffView | null }[];
	councils: { municipalityId: string; decision: CouncilDecisionView | null }[];
	progress: ProgressView | null;
	generatedAt: Date;
}

/**
 * The read model of an item's raadsinformatiebrief for a participating municipality (item.read; an unknown
 * item is 404, a municipality that does not take part in the shown text is refused).
 */
export async function itemBrief(q: Queryable, actor: Actor | null, itemId: string, municipalityId: string, now = new Date()): Promise<ItemBrief> {
	const detail = await agenda.getItem(q, actor, itemId);
	const [decided, munis] = await Promise.all([decisions.getItemDecisions(q, actor, itemId), region.listMunicipalities(q, actor)]);
	const text = await shownText(q, actor, detail, decided);
	const municipality = munis.find((mu) => mu.id === municipalityId);
	if (!municipality) throw new DomainError('validation_documents_municipality', {}, { gemeente: 'validation_documents_municipality' }, 400);
	const participants = munis.filter((mu) => text.content.participants.some((p) => p.municipalityId === mu.id));
	if (!participants.some((mu) => mu.id === municipalityId)) {
		throw new DomainError('brief_not_participating', { municipality: municipality.name }, { gemeente: 'brief_not_participating' }, 400);
	}
	const share = (id: string) => text.content.participants.find((p) => p.municipalityId === id)?.customShareBp ?? null;
	const current = (s: SignOffView) => !s.voided;
	return {
		item: { id: itemId, title: text.content.title, status: detail.item.status, ambition: detail.ambition.title },
		municipality: { id: municipality.id, name: municipality.name },
		municipalities: munis.map((mu) => ({ id: mu.id, name: mu.name })),
		text,
		costs: trySplitCosts(
			text.content.costEstimateCents,
			text.content.contributions,
			text.content.verdeelsleutel as Verdeelsleutel,
			participants.map((mu) => ({ municipalityId: mu.id, inhabitants: mu.inhabitants, customShareBp: share(mu.id) }))
		),
		colleges: participants.map((mu) => ({
			municipalityId: mu.id,
			signOff: decided.signOffs.filter(current).findLast((s) => s.municipalityId === mu.id) ?? null
		})),
		councils: participants.map((mu) => ({ municipalityId: mu.id, decision: decided.council.findLast((c) => c.municipalityId === mu.id) ?? null })),
		progress: decided.progress,
		generatedAt: now
	};
}

/** The text as signed when there is one; else the latest captured version; else the current text as a draft. */
async function shownText(q: Queryable, actor: Actor | null, detail: agenda.ItemDetail, decided: decisions.ItemDecisions): Promise<BriefText> {
	const current = agenda.contentOf({ ...detail.item, pendingContributors: detail.pendingContributors });
	const signed = decided.adopted?.versionNumber ?? decided.round?.number ?? null;
	const number = signed ?? detail.versions[0]?.number ?? null;
	if (number === null) return { kind: 'draft', versionNumber: null, contentHash: null, verified: true, currentDiffers: false, content: current };
	const version = await agenda.getVersion(q, actor, detail.item.id, number);
	const kind: BriefTextKind = decided.adopted ? 'adopted' : decided.round ? 'frozen' : 'version';
	return {
		kind,
		versionNumber: version.number,
		contentHash: version.contentHash,
		verified: version.verified,
		currentDiffers: decided.adopted?.currentDiffers ?? agenda.freeze({ ...current, status: version.content.status }).hash !== version.contentHash,
		content: version.content
	};
}
