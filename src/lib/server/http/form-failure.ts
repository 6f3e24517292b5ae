import { fail, type ActionFailure } from '@sveltejs/kit';
import { DomainError } from '../errors';
import { ForbiddenError } from '../permissions';
import { t, translateFields } from '../../i18n';

export interface FormFailure {
	message: string;
	errors: Record<string, string>;
	values: Record<string, unknown>;
}

/** Turns a refused command into a form failure with Dutch (or English) messages; rethrows anything else. */
export function formFailure(err: unknown, values: Record<string, unknown> = {}): ActionFailure<FormFailure> {
	if (err instanceof ForbiddenError) {
		return fail(403, { message: t('error_forbidden_action'), errors: {}, values });
	}
	if (err instanceof DomainError) {
		return fail(err.status, { message: t(err.key, err.params), errors: translateFields(err.fields), values });
	}
	throw err;
}

/** The fields of a submitted form as a plain object (last value wins; `name[]` fields become arrays). */
export async function formValues(request: Request): Promise<Record<string, unknown>> {
	const data = await request.formData();
	const out: Record<string, unknown> = {};
	for (const [key, value] of data) {
		if (typeof value !== 'string') continue;
		if (key.endsWith('[]')) ((out[key.slice(0, -2)] ??= []) as string[]).push(value);
		else out[key] = value;
	}
	return out;
}
