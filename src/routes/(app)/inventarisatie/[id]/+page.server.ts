import { randomUUID } from 'node:crypto';
import * as interviews from '$lib/server/modules/interviews';
import * as region from '$lib/server/modules/region';
import { can } from '$lib/server/permissions';
import { formValues, runForm } from '$lib/server/http/form-failure';
import { guarded } from '$lib/server/http/page-guard';

export const load = async ({ locals, params }) =>
	guarded(async () => {
		const detail = await interviews.getInterview(locals.db, locals.actor, params.id);
		const canManage = can(locals.actor, 'interview.manage');
		return {
			...detail,
			canManage,
			municipalities: await region.listMunicipalities(locals.db, locals.actor),
			ambitions: await region.listAmbitions(locals.db, locals.actor),
			items: canManage ? await interviews.itemOptions(locals.db, locals.actor) : [],
			// For a candidate captured without JavaScript: a fresh id per page, so a resubmitted form stores it once.
			newCandidateId: randomUUID()
		};
	});

/** Runs one command for a form; a failure names the form (`which`) so the page shows it in place. */
async function run(which: string, request: Request, call: (values: Record<string, unknown>) => Promise<Record<string, unknown> | void>) {
	const values = await formValues(request);
	return runForm(async () => ({ which, done: true, ...(await call(values)) }), values, { which });
}

export const actions = {
	details: ({ locals, request, params }) =>
		run('details', request, async (v) => {
			await interviews.updateInterview(locals.db, locals.actor, { ...v, interviewId: params.id }, locals.origin);
		}),
	candidate: ({ locals, request, params }) =>
		run('candidate', request, async (v) => {
			const res = await interviews.captureCandidate(locals.db, locals.actor, { ...v, interviewId: params.id }, locals.origin);
			return { candidateId: res.id };
		}),
	updateCandidate: ({ locals, request }) =>
		run('updateCandidate', request, async (v) => {
			await interviews.updateCandidate(locals.db, locals.actor, v, locals.origin);
			return { candidateId: v.candidateId as string };
		}),
	deleteCandidate: ({ locals, request }) =>
		run('deleteCandidate', request, async (v) => {
			await interviews.deleteCandidate(locals.db, locals.actor, v, locals.origin);
		}),
	promote: ({ locals, request }) =>
		run('promote', request, async (v) => {
			const res = await interviews.promoteCandidate(locals.db, locals.actor, v, locals.origin);
			return { candidateId: v.candidateId as string, itemId: res.itemId };
		}),
	attach: ({ locals, request }) =>
		run('attach', request, async (v) => {
			const res = await interviews.attachCandidate(locals.db, locals.actor, v, locals.origin);
			return { candidateId: v.candidateId as string, itemId: res.itemId };
		})
};
