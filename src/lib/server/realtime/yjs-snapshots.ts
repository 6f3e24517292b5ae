import type { Contributor } from '../modules/agenda-items';
import type { Actor } from '../permissions';
import { afterEditingPause, writeSnapshot, fragmentToSnapshot } from '../modules/collaboration';
import { unref, type DocumentScope } from './yjs-options';

/**
 * When a live document's text reaches the item row: the HTML/text snapshot after a pause in the changes (and
 * at least every snapshotMaxWaitMs while typing goes on), an automatic version after a longer pause.
 */
export class SnapshotSchedule {
	private dirty = false;
	private versionDue = false;
	/** Who changed the text since the last snapshot. */
	private contributors = new Map<string, Contributor>();
	private versionTimer: ReturnType<typeof setTimeout> | undefined;
	private pauseTimer: ReturnType<typeof setTimeout> | undefined;
	private maxWaitTimer: ReturnType<typeof setTimeout> | undefined;
	private flushing: Promise<void> = Promise.resolve();

	constructor(private readonly scope: DocumentScope) {}

	contributed(actor: Pick<Actor, 'userId' | 'name'>): void {
		this.contributors.set(actor.userId, { userId: actor.userId, name: actor.name });
	}

	/**
	 * The document changed (stored): the pauses start again. A change another node stored (`version` false)
	 * makes a snapshot due here too, so the last node to write one writes the whole text; the version after
	 * the longer pause is the storing node's.
	 */
	changed(version = true): void {
		const { options } = this.scope;
		this.dirty = true;
		if (version) this.versionDue = true;
		clearTimeout(this.pauseTimer);
		this.pauseTimer = unref(setTimeout(() => void this.flush(false), options.snapshotDebounceMs));
		this.maxWaitTimer ??= unref(setTimeout(() => void this.flush(false), options.snapshotMaxWaitMs));
		if (!version) return;
		clearTimeout(this.versionTimer);
		this.versionTimer = unref(setTimeout(() => void this.flush(true), options.versionPauseMs));
	}

	/** Writes the HTML/text snapshot if anything changed; with `version`, then lets agenda-items capture a version. */
	flush(version: boolean): Promise<void> {
		this.flushing = this.flushing.then(() => this.run(version));
		return this.flushing;
	}

	/** No version will be taken any more (the document closes). */
	stop(): void {
		clearTimeout(this.versionTimer);
	}

	private async run(version: boolean): Promise<void> {
		clearTimeout(this.pauseTimer);
		clearTimeout(this.maxWaitTimer);
		this.maxWaitTimer = undefined;
		if (this.dirty && !(await this.writeSnapshot())) return;
		if (version && this.versionDue) await this.captureVersion();
	}

	/** False when the snapshot could not be written: it stays due, with its contributors. */
	private async writeSnapshot(): Promise<boolean> {
		const { db, itemId, field, room, doc } = this.scope;
		this.dirty = false;
		const contributors = [...this.contributors.values()];
		this.contributors.clear();
		try {
			await writeSnapshot(db, itemId, field, fragmentToSnapshot(doc.getXmlFragment(field)), contributors);
			return true;
		} catch (err) {
			console.error(`collab: snapshot of ${room} not written`, err);
			for (const c of contributors) this.contributors.set(c.userId, c);
			this.dirty = true;
			return false;
		}
	}

	private async captureVersion(): Promise<void> {
		clearTimeout(this.versionTimer);
		this.versionDue = false;
		try {
			await afterEditingPause(this.scope.db, this.scope.itemId);
		} catch (err) {
			console.error(`collab: automatic version of item ${this.scope.itemId} failed`, err);
		}
	}
}
