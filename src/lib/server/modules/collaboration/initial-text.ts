import * as Y from 'yjs';
import type { Db } from '../../db';
import type { Actor } from '../../permissions';
import type { Origin } from '../audit';
import type { RichTextField } from '../../../validation/collab';
import { authorizeWrite, recordUpdates, writeSnapshot } from './commands';
import { fillFragment } from './from-html';
import { fragmentToSnapshot } from './html';
import { loadUpdates } from './store';

/** A passage of a field as an anchored comment sends it: Yjs relative positions (base64) and the quote. */
export interface TextAnchor {
	field: RichTextField;
	start: string;
	end: string;
	quote: string;
}

/**
 * Writes the first text of an empty field in one go, as `actor` typing it in the editor would: the same
 * stored update, audit row ("text edited") and item snapshot as live co-editing. For text from outside the
 * editor (the demo data). Returns `anchor`, which gives a passage of that text as the editor's selection
 * would, so a comment can be anchored to it.
 */
export async function writeInitialText(
	db: Db,
	actor: Actor,
	itemId: string,
	field: RichTextField,
	html: string,
	origin: Origin
): Promise<{ anchor: (quote: string) => TextAnchor }> {
	authorizeWrite(actor);
	// Only a field nobody wrote in: merging a second document's text into a written one would double it.
	if ((await loadUpdates(db, itemId, field)).length) throw new Error(`collaboration: the ${field} of item ${itemId} has been written already`);
	const doc = new Y.Doc();
	const fragment = doc.getXmlFragment(field);
	fillFragment(fragment, html);
	const update = Y.encodeStateAsUpdate(doc);
	await recordUpdates(db, itemId, field, [{ update, userId: actor.userId }], [{ actor, origin }]);
	await writeSnapshot(db, itemId, field, fragmentToSnapshot(fragment), [{ userId: actor.userId, name: actor.name }]);
	return { anchor: (quote) => anchorOf(fragment, field, quote) };
}

/** The first occurrence of `quote` within one run of text of the fragment, as relative positions. */
function anchorOf(fragment: Y.XmlFragment, field: RichTextField, quote: string): TextAnchor {
	for (const text of textsOf(fragment)) {
		const plain = text
			.toDelta()
			.map((d: { insert: unknown }) => (typeof d.insert === 'string' ? d.insert : ''))
			.join('');
		const at = plain.indexOf(quote);
		if (at < 0) continue;
		const position = (index: number) => Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, index))).toString('base64');
		return { field, start: position(at), end: position(at + quote.length), quote };
	}
	throw new Error(`collaboration: "${quote}" is not in the ${field} text`);
}

function textsOf(node: Y.XmlFragment | Y.XmlElement): Y.XmlText[] {
	return node.toArray().flatMap((child) => (child instanceof Y.XmlText ? [child] : child instanceof Y.XmlElement ? textsOf(child) : []));
}
