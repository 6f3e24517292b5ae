import * as Y from 'yjs';
import type { Db } from '../db';
import { fillFragment, fragmentToSnapshot, transactionStatus } from '../modules/collaboration';
import type { RichTextField } from '../../validation/collab';

/** The update that turns `state` into a document whose field shows `html`; null when it already does. */
export function replacingUpdate(state: Uint8Array, field: RichTextField, html: string): Uint8Array | null {
	const doc = new Y.Doc();
	try {
		Y.applyUpdate(doc, state);
		const fragment = doc.getXmlFragment(field);
		if (fragmentToSnapshot(fragment).html === fragmentToSnapshot(htmlFragment(html, field)).html) return null;
		const before = Y.encodeStateVector(doc);
		doc.transact(() => {
			fragment.delete(0, fragment.length);
			fillFragment(fragment, html);
		});
		return Y.encodeStateAsUpdate(doc, before);
	} finally {
		doc.destroy();
	}
}

function htmlFragment(html: string, field: RichTextField): Y.XmlFragment {
	const doc = new Y.Doc();
	const fragment = doc.getXmlFragment(field);
	fillFragment(fragment, html);
	return fragment;
}

/** Waits until a transaction (seen from outside it) committed (true) or aborted (false). */
export async function whenCommitted(db: Db, xact: string, timeoutMs = 120_000): Promise<boolean> {
	const until = Date.now() + timeoutMs;
	while (Date.now() < until) {
		try {
			const status = await transactionStatus(db, xact);
			if (status === 'committed') return true;
			if (status === 'aborted' || status === null) return false;
		} catch (err) {
			console.error('collab: could not read a transaction status', err);
			return false;
		}
		await new Promise((r) => setTimeout(r, 20));
	}
	return false;
}
