import * as comments from '$lib/server/modules/comments';
import * as region from '$lib/server/modules/region';
import { can } from '$lib/server/permissions';

/** What the comments section of the item page needs; opening the page marks the item's comments as read. */
export async function commentsFor(locals: App.Locals, itemId: string) {
	const { db, actor } = locals;
	const [initial, mentionOptions, municipalities] = await Promise.all([
		comments.listComments(db, actor, itemId),
		comments.mentionOptions(db, actor),
		region.listMunicipalities(db, actor)
	]);
	await comments.markItemRead(db, actor, itemId);
	const own = actor ? comments.ownMunicipalities(actor) : [];
	return {
		initial,
		canComment: can(actor, 'item.comment'),
		ownMunicipalities: municipalities.filter((mu) => own.includes(mu.id)).map((mu) => ({ id: mu.id, name: mu.name })),
		mentionOptions,
		municipalities: municipalities.map((mu) => ({ id: mu.id, name: mu.name }))
	};
}
