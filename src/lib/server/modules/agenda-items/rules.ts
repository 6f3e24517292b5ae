import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Queryable } from '../../db';
import { ambitions, users } from '../../db/schema';
import { ValidationError } from '../../errors';
import { CostSplitError, splitCosts } from '../../../agenda/costs';
import type { ItemFieldName } from '../../../validation/agenda';
import type { ItemState } from './state';

/** Refuses an unknown ambition as a field error (before the foreign key would). */
export async function assertAmbitionExists(q: Queryable, ambitionId: number): Promise<void> {
	const [found] = await q.select({ id: ambitions.id }).from(ambitions).where(eq(ambitions.id, ambitionId));
	if (!found) throw new ValidationError({ ambitionId: 'validation_agenda_ambition_unknown' });
}

const costFields: readonly ItemFieldName[] = ['costEstimateCents', 'verdeelsleutel', 'contributions', 'shares'];

/**
 * The rules that span fields or need the database, checked on the item as it would be after the change.
 * Collects every problem as field → message key and refuses them together (nothing is stored).
 */
export async function checkItemRules(q: Queryable, next: ItemState, changed: ReadonlySet<ItemFieldName>): Promise<void> {
	const fields: Record<string, string> = {};

	if (changed.has('ambitionId')) {
		const [found] = await q.select({ id: ambitions.id }).from(ambitions).where(eq(ambitions.id, next.ambitionId));
		if (!found) fields.ambitionId = 'validation_agenda_ambition_unknown';
	}

	if (changed.has('people') && next.people.length) {
		const found = await q
			.select({ id: users.id })
			.from(users)
			.where(and(inArray(users.id, next.people), isNull(users.disabledAt)));
		if (found.length !== next.people.length) fields.people = 'validation_agenda_person_unknown';
	}

	if (next.startDate && next.endDate && next.startDate > next.endDate) {
		fields.endDate = 'validation_agenda_end_before_start';
	}
	next.milestones.forEach((ms, i) => {
		if (next.endDate && ms.dueDate > next.endDate) fields[`milestones.${i}.dueDate`] = 'validation_agenda_milestone_after_end';
		else if (next.startDate && ms.dueDate < next.startDate) fields[`milestones.${i}.dueDate`] = 'validation_agenda_milestone_before_start';
	});

	if (costFields.some((f) => changed.has(f))) {
		try {
			// Inhabitants do not matter for these checks; the page shows the split itself.
			splitCosts(
				next.costEstimateCents,
				next.contributions,
				next.verdeelsleutel,
				next.participants.map((p) => ({ ...p, inhabitants: 1 }))
			);
		} catch (err) {
			if (!(err instanceof CostSplitError)) throw err;
			if (err.key === 'agenda_costs_external_exceeds_total') fields.contributions = 'validation_agenda_external_exceeds_total';
			if (err.key === 'agenda_costs_percentages_sum' || err.key === 'agenda_costs_percentages_missing') fields.shares = 'validation_agenda_percentages_sum';
		}
	}

	if (Object.keys(fields).length) throw new ValidationError(fields);
}
