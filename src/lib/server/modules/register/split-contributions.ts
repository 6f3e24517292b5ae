import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db';
import { collaborationContributions, municipalities } from '../../db/schema';
import { ValidationError } from '../../errors';
import { authorize, type Actor } from '../../permissions';
import { parse } from '../../validate';
import type { Origin } from '../audit';
import { contributionsSplitSchema } from '../../../validation/register';
import { CostSplitError, splitCosts, type CostSplitProblem } from '../../../agenda/costs';
import { changeCollaboration, participatingMunicipalities } from './change';

/** The split's problems as the register's own messages (the form's field: the percentages or the total). */
const problems: Record<CostSplitProblem, [string, string]> = {
	agenda_costs_invalid_amount: ['totalCents', 'validation_register_amount'],
	agenda_costs_external_exceeds_total: ['totalCents', 'validation_register_amount'],
	agenda_costs_no_participants: ['totalCents', 'validation_register_no_participants'],
	agenda_costs_no_inhabitants: ['key', 'validation_register_no_inhabitants'],
	agenda_costs_percentages_missing: ['shares', 'validation_register_percentages_missing'],
	agenda_costs_percentages_sum: ['shares', 'validation_register_percentages_sum']
};

/**
 * Splits a year's total over the participating municipalities by its key (the same split as an agenda
 * item's costs: whole cents that add up exactly), replacing that year's contributions. With custom
 * percentages every participant has one and together they make exactly 100 %.
 */
export async function splitContributions(db: Db, actor: Actor | null, input: unknown, origin: Origin): Promise<{ seq: number }> {
	const data = parse(contributionsSplitSchema, input);
	authorize(actor, 'register.manage');
	const id = data.collaborationId;
	return changeCollaboration(db, actor, id, origin, async (tx) => {
		const taking = await participatingMunicipalities(tx, id);
		if (data.shares.some((s) => !taking.has(s.municipalityId))) throw new ValidationError({ shares: 'validation_register_not_participant' });
		const five = taking.size
			? await tx
					.select({ id: municipalities.id, inhabitants: municipalities.inhabitants })
					.from(municipalities)
					.where(inArray(municipalities.id, [...taking]))
					.orderBy(asc(municipalities.sortOrder))
			: [];
		const share = new Map<string, number>(data.shares.map((s) => [s.municipalityId, s.shareBp]));
		const participants = five.map((m) => ({ municipalityId: m.id, inhabitants: m.inhabitants, customShareBp: share.get(m.id) ?? null }));
		const split = splitOrRefuse(() => splitCosts(data.totalCents, [], data.key, participants));
		await tx.delete(collaborationContributions).where(and(eq(collaborationContributions.collaborationId, id), eq(collaborationContributions.year, data.year)));
		if (split.shares.length)
			await tx.insert(collaborationContributions).values(
				split.shares.map((s) => ({
					collaborationId: id,
					municipalityId: s.municipalityId,
					year: data.year,
					cents: s.cents,
					key: data.key,
					shareBp: data.key === 'maatwerk' ? (share.get(s.municipalityId) ?? null) : null
				}))
			);
		const shares = split.shares.map((s) => ({ municipalityId: s.municipalityId, cents: s.cents }));
		return {
			action: 'collaboration.contributions_set',
			details: { year: data.year, key: data.key, totalCents: data.totalCents, shares },
			part: 'contributions'
		};
	});
}

function splitOrRefuse<T>(split: () => T): T {
	try {
		return split();
	} catch (err) {
		if (!(err instanceof CostSplitError)) throw err;
		const [field, key] = problems[err.key];
		throw new ValidationError({ [field]: key });
	}
}
