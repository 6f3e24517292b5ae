import { error, fail, isActionFailure, type ActionFailure } from '@sveltejs/kit';
import { DomainError } from '../errors';
import { ForbiddenError } from '../permissions';
import { t, translateFields } from '../i18n';
import { isDatabaseUnavailable } from '../db/unavailable';

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
	// The database is briefly out of reach: the form stays filled in and says to try again in a moment.
	if (isDatabaseUnavailable(err)) return fail(503, { message: t('error_database_unavailable'), errors: {}, values });
	throw err;
}

/**
 * Runs the use case of a form action: its result is the action's answer. A refused command becomes the form
 * failure instead (with the submitted `values` that should be shown again, and `extra` naming the form or section
 * that answered); `refuse` may answer some errors its own way first. Anything else (redirects too) is rethrown.
 */
export async function runForm<T, E extends object = object, R extends ActionFailure<object> = never>(
	call: () => Promise<T>,
	values: Record<string, unknown> = {},
	extra?: E,
	refuse?: (err: unknown) => R | undefined
): Promise<T | ActionFailure<FormFailure & E> | R> {
	try {
		return await call();
	} catch (err) {
		const own = refuse?.(err);
		if (own) return own;
		const res = formFailure(err, values);
		return extra ? fail(res.status, { ...res.data, ...extra }) : (res as ActionFailure<FormFailure & E>);
	}
}

/** Whether `runForm` answered a refusal instead of the use case's result (keeps the failure's type for the page). */
export function isRefused<T>(res: T): res is Extract<T, ActionFailure<object>> {
	return isActionFailure(res);
}

/**
 * The fields of a submitted form as a plain object (last value wins; `name[]` fields become arrays). The object
 * has no prototype, so no field name (`__proto__[]`, `constructor`) reaches Object.prototype, and `x[]` next
 * to a plain `x` makes `x` the list of both instead of failing. A body that is no form at all is refused with 400.
 */
export async function formValues(request: Request): Promise<Record<string, unknown>> {
	const out: Record<string, unknown> = Object.create(null);
	for (const [key, value] of await readFormData(request)) {
		if (typeof value !== 'string') continue;
		if (!key.endsWith('[]')) {
			out[key] = value;
			continue;
		}
		const name = key.slice(0, -2);
		const earlier = out[name];
		if (Array.isArray(earlier)) earlier.push(value);
		else out[name] = earlier === undefined ? [value] : [earlier, value];
	}
	return out;
}

async function readFormData(request: Request): Promise<FormData> {
	try {
		return await request.formData();
	} catch {
		error(400, t('error_form_unreadable'));
	}
}
