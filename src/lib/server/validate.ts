import type { z } from 'zod';
import { ValidationError } from './errors';

/** Parses input with a zod schema whose messages are message keys; throws a ValidationError per field. */
export function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
	const result = schema.safeParse(input);
	if (result.success) return result.data;
	const fields: Record<string, string> = {};
	for (const issue of result.error.issues) {
		const field = issue.path.join('.') || '_';
		fields[field] ??= issue.message.startsWith('validation_') ? issue.message : 'validation_invalid';
	}
	throw new ValidationError(fields);
}
