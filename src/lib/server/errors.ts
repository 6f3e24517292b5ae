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

/** Thrown by `parse` when input does not match its zod schema. */
export class ValidationError extends DomainError {
	constructor(fields: Record<string, string>) {
		super('error_validation', {}, fields, 400);
	}
}
