/** What a form action of the scenarios page answers, as the page reads it (a success or a refusal, with the form's name). */
export interface FormResult {
	form?: string;
	scenarioId?: string | null;
	saved?: boolean;
	message?: string;
	errors?: Record<string, string>;
	values?: Record<string, unknown>;
	/** The command asks to be confirmed (what it would remove holds scores). */
	confirm?: boolean;
}

/** The answer when it is this form's (and this scenario's, if given), else null. */
export function resultFor(form: unknown, name: string, scenarioId?: string): FormResult | null {
	const r = form as FormResult | null;
	if (!r || r.form !== name) return null;
	if (scenarioId !== undefined && r.scenarioId !== scenarioId) return null;
	return r;
}
