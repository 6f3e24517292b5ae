import * as decisions from '$lib/server/modules/decisions';
import { hasFreshTwoFactor } from '$lib/server/auth/auth-session';
import { formValues, runForm } from '$lib/server/http/form-failure';
import { todayInNl } from '$lib/validation/decisions';

/** What the positions and decisions block of the item page needs. */
export async function decisionsFor(locals: App.Locals, itemId: string) {
	const view = await decisions.getItemDecisions(locals.db, locals.actor, itemId);
	return {
		...view,
		freshTwoFactor: !!locals.authSession && hasFreshTwoFactor(locals.authSession),
		today: todayInNl()
	};
}

type Event = { locals: App.Locals; request: Request };

/** Runs one decisions command for a form; failures carry `section: 'besluiten'` and which form. */
async function run(form: string, { request }: Event, call: (values: Record<string, unknown>) => Promise<unknown>) {
	const values = await formValues(request);
	const section = { section: 'besluiten', decisionForm: form };
	return runForm(
		async () => {
			await call(values);
			return { ...section, decisionSaved: true };
		},
		values,
		section
	);
}

export const decisionActions = {
	position: (e: Event) => run('position', e, (v) => decisions.setPosition(e.locals.db, e.locals.actor, v, e.locals.origin)),
	signoff: (e: Event) => run('signoff', e, (v) => decisions.recordSignOff(e.locals.db, e.locals.actor, e.locals.authSession, v, e.locals.origin)),
	council: (e: Event) => run('council', e, (v) => decisions.recordCouncilDecision(e.locals.db, e.locals.actor, v, e.locals.origin)),
	progress: (e: Event) => run('progress', e, (v) => decisions.reportProgress(e.locals.db, e.locals.actor, v, e.locals.origin))
};
