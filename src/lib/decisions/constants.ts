import { z } from 'zod';

/** A municipality's position (standpunt) on an agenda item. */
export const positionKinds = ['steunt', 'steunt_onder_voorwaarden', 'neutraal', 'nog_geen_standpunt', 'bezwaar', 'neemt_niet_deel'] as const;
export type PositionKind = (typeof positionKinds)[number];
export const positionKindSchema = z.enum(positionKinds, { message: 'validation_decisions_position_unknown' });
/** Positions that need reasons. */
export const positionsNeedingReasons: readonly PositionKind[] = ['steunt_onder_voorwaarden', 'bezwaar'];

/** A college decision in the sign-off round. */
export const signOffDecisions = ['akkoord', 'akkoord_onder_voorwaarden', 'niet_akkoord'] as const;
export type SignOffDecision = (typeof signOffDecisions)[number];
export const signOffDecisionSchema = z.enum(signOffDecisions, { message: 'validation_decisions_signoff_decision' });

/** Why sign-offs stopped counting. */
export const voidReasons = ['reopened', 'edited', 'niet_akkoord'] as const;
export type VoidReason = (typeof voidReasons)[number];

/** What a council did with an item. */
export const councilOutcomes = ['ingestemd', 'wensen_en_bedenkingen', 'verworpen', 'niet_van_toepassing'] as const;
export type CouncilOutcome = (typeof councilOutcomes)[number];
export const councilOutcomeSchema = z.enum(councilOutcomes, { message: 'validation_decisions_council_outcome' });

/**
 * Statuses in which an item's signed content (server/modules/decisions/signed-content.ts: everything but the
 * status and milestones' done flags) is frozen: from gereed voor besluitvorming on, the text the colleges sign
 * or signed is read-only for everyone, over every channel. Changing it is an explicit act (Heropenen, by the
 * verkenner, with a reason), which voids the sign-offs and returns the item to in bespreking. Implementation
 * data (progress, a milestone marked done) stays editable.
 */
export const frozenStatuses = ['gereed_voor_besluitvorming', 'vastgesteld', 'afgewezen', 'in_uitvoering', 'afgerond'] as const;

export function isFrozenStatus(status: string): boolean {
	return (frozenStatuses as readonly string[]).includes(status);
}

/** Statuses in which implementation progress may be reported. */
export const implementationStatuses = ['vastgesteld', 'in_uitvoering', 'afgerond'] as const;

/** Statuses after which the council follow-up may be recorded. */
export const councilStatuses = ['vastgesteld', 'afgewezen', 'in_uitvoering', 'afgerond'] as const;

/** Consensus summary: how many of the participating municipalities support the item (with or without conditions). */
export function consensusOf(positions: readonly (PositionKind | null)[]): {
	support: number;
	objections: number;
	undecided: number;
	total: number;
	level: 'consensus' | 'near' | 'open' | 'blocked';
} {
	const counted = positions.filter((p) => p !== 'neemt_niet_deel');
	const support = counted.filter((p) => p === 'steunt' || p === 'steunt_onder_voorwaarden').length;
	const objections = counted.filter((p) => p === 'bezwaar').length;
	const undecided = counted.length - support - objections;
	const total = counted.length;
	const level = objections > 0 ? 'blocked' : total > 0 && support === total ? 'consensus' : support >= Math.ceil(total / 2) && total > 0 ? 'near' : 'open';
	return { support, objections, undecided, total, level };
}
