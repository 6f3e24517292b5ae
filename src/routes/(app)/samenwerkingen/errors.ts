/**
 * A command's field errors come keyed by their path (`documents.2.url`, `municipalities.0.noticeUnit`); a
 * register form shows a list's error once, at the list. These give each error its field, and the error
 * summary's link its target.
 */
export function groupErrors(errors: Record<string, string> = {}): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [path, text] of Object.entries(errors)) out[path.split('.')[0]] ??= text;
	return out;
}

export const fieldId = (path: string) => `veld-${path.split('.')[0]}`;

/** What an action answered to one of the register's forms: its refusal, with what was sent; null when it did not. */
export type FormAnswer = { message?: string; errors?: Record<string, string>; values?: Record<string, unknown> } | null;
