import { error, fail } from '@sveltejs/kit';
import * as agenda from '$lib/server/modules/agenda-items';
import * as region from '$lib/server/modules/region';
import * as publicSite from '$lib/server/modules/public';
import { DomainError } from '$lib/server/errors';
import { formValues, runForm } from '$lib/server/http/form-failure';
import { itemPatchFromForm } from '$lib/validation/agenda';
import { isAdoptedStatus } from '$lib/public/visibility';
import { t } from '$lib/server/i18n';
import { commentsFor } from './comments.server';
import * as register from '$lib/server/modules/register';
import { decisionsFor, decisionActions } from './decisions.server';
import { collaborationFor, collaborationActions } from './collaboration.server';

export const load = async ({ locals, params }) => {
	let detail;
	try {
		detail = await agenda.getItem(locals.db, locals.actor, params.id);
	} catch (err) {
		if (err instanceof DomainError && err.status === 404) error(404, t(err.key));
		throw err;
	}
	const can = agenda.itemPermissions(locals.actor, detail.item.status);
	const isPublic = publicSite.isPublicItem(detail.item);
	const comments = await commentsFor(locals, params.id);
	const decisions = await decisionsFor(locals, params.id);
	return {
		...detail,
		can,
		// ---- openbaarheid ----
		publication: {
			public: isPublic,
			adopted: isAdoptedStatus(detail.item.status),
			since: detail.item.publicSince,
			path: isPublic ? publicSite.publicItemPath(detail.item.id) : null
		},
		ambitions: await region.listAmbitions(locals.db, locals.actor),
		municipalities: await region.listMunicipalities(locals.db, locals.actor),
		peopleOptions: can.edit ? await agenda.listPeopleOptions(locals.db, locals.actor) : [],
		// ---- comments ----
		comments,
		// ---- positions, sign-offs, council, progress, timeline ----
		decisions,
		// ---- the arrangement it proposes (linked assessment) ----
		collaboration: await collaborationFor(locals, params.id),
		// ---- the other roles (board seats) of the people named on the page, in one query ----
		doubleHats: await register.doubleHatsOf(locals.db, locals.actor, [
			...comments.initial.comments.map((c) => c.author.id),
			...decisions.positions.map((p) => p.updatedBy),
			...decisions.signOffs.map((so) => so.signedBy)
		])
	};
};

/** Runs one command of a section; a refusal names the section, a conflict also carries the item as it is now, so the editor can compare. */
function run<T>(values: Record<string, unknown>, call: () => Promise<T>) {
	const conflict = (err: unknown) =>
		err instanceof agenda.AgendaConflictError
			? fail(409, { message: t(err.key), errors: {}, values, section: values.section, current: err.current })
			: undefined;
	return runForm(call, values, { section: values.section, current: undefined }, conflict);
}

export const actions = {
	// ---- positions, sign-offs, council, progress ----
	...decisionActions,
	...collaborationActions,
	update: async ({ locals, request }) => {
		const values = await formValues(request);
		return run(values, async () => {
			const res = await agenda.updateItemFields(locals.db, locals.actor, itemPatchFromForm(values), locals.origin);
			return { section: values.section, saved: true, revision: res.revision };
		});
	},
	transition: async ({ locals, request }) => {
		const values = await formValues(request);
		return run({ ...values, section: 'status' }, async () => {
			const res = await agenda.transitionItem(locals.db, locals.actor, values, locals.origin);
			return { section: 'status', transitioned: res };
		});
	},
	reopen: async ({ locals, request }) => {
		const values = await formValues(request);
		return run({ ...values, section: 'status' }, async () => {
			const res = await agenda.reopenItem(locals.db, locals.actor, values, locals.origin);
			return { section: 'status', reopened: res };
		});
	},
	capture: async ({ locals, request }) => {
		const values = await formValues(request);
		return run({ ...values, section: 'versies' }, async () => {
			const res = await agenda.captureVersion(locals.db, locals.actor, values, locals.origin);
			return { section: 'versies', captured: { number: res.version.number, created: res.created } };
		});
	},
	publish: async ({ locals, request }) => {
		const values = await formValues(request);
		return run({ ...values, section: 'openbaarheid' }, async () => {
			const res = await agenda.setItemPublic(locals.db, locals.actor, values, locals.origin);
			return { section: 'openbaarheid', published: res.public };
		});
	},
	restore: async ({ locals, request }) => {
		const values = await formValues(request);
		return run({ ...values, section: 'versies' }, async () => {
			const res = await agenda.restoreVersion(locals.db, locals.actor, values, locals.origin);
			return { section: 'versies', restored: { from: Number(values.number), number: res.version } };
		});
	}
};
