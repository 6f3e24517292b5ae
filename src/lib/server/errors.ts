/**
 * A rule of the domain was broken. `key` names a message in messages/ (translated where it is shown);
 * `fields` maps form fields to message keys for inline errors.
 */
export class DomainError extends Error {
	constructor(
		readonly key: string,
		readonly params: Record<string, string | number> = {},
		readonly fields: Record<string, string> = {},
		readonly status = 400
	) {
		super(key);
	}
}

/** Thrown by `parse` when input does not match its zod schema (`key` is the message above the form). */
export class ValidationError extends DomainError {
	constructor(fields: Record<string, string>, key = 'error_validation') {
		super(key, {}, fields, 400);
	}
}

/** Input that holds a character no text may hold (validation/text.ts), named per field. */
export function forbiddenCharactersError(paths: string[]): ValidationError {
	return new ValidationError(Object.fromEntries(paths.map((p) => [p || '_', 'validation_forbidden_characters'])), 'validation_forbidden_characters');
}
