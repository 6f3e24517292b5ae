import type { z } from 'zod';
import { forbiddenCharactersError, ValidationError } from './errors';
import { forbiddenTextPaths } from '../validation/text';

/**
 * Parses input with a zod schema whose messages are message keys; throws a ValidationError per field. Before
 * the schema, every text in the input (keys included) is checked for characters no text may hold (NUL,
 * control characters, half characters): one rule for every command, whether it came from a form, the API
 * or a socket.
 */
export function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
	const forbidden = forbiddenTextPaths(input);
	if (forbidden.length) throw forbiddenCharactersError(forbidden);
	const result = schema.safeParse(input);
	if (result.success) return result.data;
	const fields: Record<string, string> = {};
	for (const issue of result.error.issues) {
		const field = issue.path.join('.') || '_';
		fields[field] ??= issue.message.startsWith('validation_') ? issue.message : 'validation_invalid';
	}
	throw new ValidationError(fields);
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether an id from an address has the shape of a uuid (anything else is "not found" without a query). */
export function isUuid(id: string): boolean {
	return uuidPattern.test(id);
}
