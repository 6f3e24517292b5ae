import * as Y from 'yjs';
import { replaceRows } from '../modules/collaboration';
import type { DocumentScope } from './yjs-options';

/**
 * The stored rows of one live document, and their compaction: more than compactAfterRows → replaced by one
 * row with the document's state.
 */
export class Compaction {
	/**
	 * The stored rows whose changes this process has applied to the document: what compaction may replace by the
	 * document's state. Rows another process appended are not here and stay as they are.
	 */
	private storedIds = new Set<number>();
	private compacting = false;

	constructor(private readonly scope: DocumentScope) {}

	/** Rows whose changes are now in the document. */
	add(...ids: number[]): void {
		for (const id of ids) this.storedIds.add(id);
	}

	/** The rows this process knows to be in the document (another node's rows it has not heard of are not). */
	known(): number[] {
		return [...this.storedIds];
	}

	compactIfDue(): void {
		if (this.storedIds.size > this.scope.options.compactAfterRows) void this.compact();
	}

	/**
	 * Replaces the rows this process applied by one row with the document's state: no stored row is read back,
	 * so it costs about as much as a save. Rows stored meanwhile go in the next round, which follows at once when
	 * they are enough.
	 */
	private async compact(): Promise<void> {
		if (this.compacting) return;
		this.compacting = true;
		const { db, itemId, field, room, doc } = this.scope;
		const ids = [...this.storedIds];
		this.storedIds = new Set();
		let done = false;
		try {
			const { id } = await replaceRows(db, itemId, field, ids, Y.encodeStateAsUpdate(doc));
			this.storedIds.add(id);
			done = true;
		} catch (err) {
			console.error(`collab: compaction of ${room} failed (the rows stay as they are)`, err);
			this.add(...ids);
		} finally {
			this.compacting = false;
		}
		// Rows stored while this round ran may already be enough for another; otherwise they would wait for the next
		// keystroke, which may never come (the last burst of typing before everyone leaves). Not after a failure.
		if (done) this.compactIfDue();
	}
}
