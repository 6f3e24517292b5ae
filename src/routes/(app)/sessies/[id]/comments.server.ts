import * as comments from '$lib/server/modules/comments';
import * as region from '$lib/server/modules/region';
import { can } from '$lib/server/permissions';

/**
 * The live comments of every item on the session's agenda, so the comments of the item in view are there
 * at once when the chair moves on (the comments component then catches up over the socket).
 */
export async function commentsForItems(locals: App.Locals, itemIds: string[]) {
	const { db, actor } = locals;
	const [lists, mentionOptions, municipalities] = await Promise.all([
		Promise.all(itemIds.map((id) => comments.listComments(db, actor, id))),
		comments.mentionOptions(db, actor),
		region.listMunicipalities(db, actor)
	]);
	const own = actor ? comments.ownMunicipalities(actor) : [];
	return {
		byItem: Object.fromEntries(itemIds.map((id, i) => [id, lists[i]])),
		canComment: can(actor, 'item.comment'),
		ownMunicipalities: municipalities.filter((mu) => own.includes(mu.id)).map((mu) => ({ id: mu.id, name: mu.name })),
		mentionOptions,
		municipalities: municipalities.map((mu) => ({ id: mu.id, name: mu.name }))
	};
}
