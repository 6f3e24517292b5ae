import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { collaborationContributions } from '../../db/schema';
import { ValidationError } from '../../errors';
import type { Actor } from '../../permissions';
import { parse } from '../../validate';
import type { Origin } from '../audit';
import { contributionSchema } from '../../../validation/register';
import { FULL_SHARE_BP } from '../../../agenda/constants';
import { changeMunicipalPart } from './change';

/**
 * Records one municipality's contribution in a year, as its own officials know it from their budget. A year
 * follows one key for all participants; with custom percentages they may not together exceed 100 % (the
 * year's split by the verkenner makes them add up to exactly 100 %).
 */
export async function setContribution(db: Db, actor: Actor | null, input: unknown, origin: Origin): Promise<{ seq: number }> {
	const data = parse(contributionSchema, input);
	const id = data.collaborationId;
	return changeMunicipalPart(db, actor, 'register.contribution', data, origin, async (tx) => {
		const year = await tx
			.select()
			.from(collaborationContributions)
			.where(and(eq(collaborationContributions.collaborationId, id), eq(collaborationContributions.year, data.year)));
		const others = year.filter((r) => r.municipalityId !== data.municipalityId);
		if (others.some((r) => r.key !== data.key)) throw new ValidationError({ key: 'validation_register_key_differs' });
		if (data.key === 'maatwerk' && others.reduce((sum, r) => sum + (r.shareBp ?? 0), data.shareBp ?? 0) > FULL_SHARE_BP)
			throw new ValidationError({ shareBp: 'validation_register_percentages_over' });
		const before = year.find((r) => r.municipalityId === data.municipalityId)?.cents ?? null;
		const values = { cents: data.cents, key: data.key, shareBp: data.key === 'maatwerk' ? data.shareBp : null };
		await tx
			.insert(collaborationContributions)
			.values({ collaborationId: id, municipalityId: data.municipalityId, year: data.year, ...values })
			.onConflictDoUpdate({
				target: [collaborationContributions.collaborationId, collaborationContributions.municipalityId, collaborationContributions.year],
				set: values
			});
		return {
			action: 'collaboration.contribution_set',
			details: { year: data.year, municipalityId: data.municipalityId, key: data.key, cents: data.cents, before },
			part: 'contributions',
			municipalityId: data.municipalityId
		};
	});
}
