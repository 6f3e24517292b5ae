import { describe, expect, it } from 'vitest';
import { fail } from '@sveltejs/kit';
import { isRefused, runForm } from '../../../src/lib/server/http/form-failure';
import { DomainError } from '../../../src/lib/server/errors';

describe('runForm: one form action, one use case', () => {
	it('answers the use case result as it is', async () => {
		expect(await runForm(async () => ({ saved: true }), { name: 'x' }, { section: 'name' })).toEqual({ saved: true });
	});

	it('turns a refused command into the form failure with the values and the section it concerns', async () => {
		const res = await runForm(
			async () => {
				throw new DomainError('validation_required', {}, { title: 'validation_required' }, 422);
			},
			{ title: '' },
			{ section: 'algemeen' }
		);
		if (!isRefused(res)) throw new Error('not refused');
		expect(res.status).toBe(422);
		expect(res.data).toMatchObject({ values: { title: '' }, section: 'algemeen' });
		expect(Object.keys(res.data.errors)).toEqual(['title']);
	});

	it('lets `refuse` answer some errors its own way first', async () => {
		const res = await runForm(
			async () => {
				throw new DomainError('agenda_conflict', {}, {}, 409);
			},
			{},
			{ section: 'planning' },
			(err) => (err instanceof DomainError && err.status === 409 ? fail(409, { conflict: true }) : undefined)
		);
		expect(isRefused(res) && res.data).toEqual({ conflict: true });
	});

	it('rethrows anything that is not a refusal (a redirect, a bug)', async () => {
		await expect(runForm(async () => Promise.reject(new TypeError('bug')))).rejects.toThrow('bug');
	});
});
