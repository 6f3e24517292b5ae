import type { ItemDecisions } from '$lib/decisions/views';

/** The decisions block of the item page as its load function sends it. */
export type DecisionsView = ItemDecisions & { freshTwoFactor: boolean; today: string };

/** The page's form result when it came from this block (`section: 'besluiten'`). */
export type DecisionFormResult = {
	decisionForm?: string;
	decisionSaved?: boolean;
	message?: string;
	errors?: Record<string, string>;
	values?: Record<string, unknown>;
} | null;

/** What every section of the block is given by DecisionsPanel (each takes the part it needs). */
export interface SectionProps {
	decisions: DecisionsView;
	municipalities: { id: string; name: string }[];
	nameOf: Map<string, string>;
	canEdit: boolean;
	form: DecisionFormResult;
}

/**
 * One form of the block: its errors and the values sent back, only when the last answer was for this form
 * (`which`), so a refusal of one form never shows in another.
 */
export function formFor(form: DecisionFormResult, which: string) {
	const mine = form?.decisionForm === which ? form : null;
	return {
		/** This form was sent and answered with its values (a refusal): show what was sent. */
		sent: !!mine?.values,
		errors: mine?.errors ?? {},
		value: (key: string, fallback = '') => (mine?.values && typeof mine.values[key] === 'string' ? (mine.values[key] as string) : fallback)
	};
}
