import { eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { meetings } from '../../db/schema';
import { DomainError } from '../../errors';
import { authorize, type Actor } from '../../permissions';
import { parse } from '../../validate';
import type { Origin } from '../audit';
import { showScenariosSchema } from '../../../validation/meetings';
import type { MeetingState } from '../../../meetings/live';
import { changeMeeting } from './change';
import { assertChair, assertStatus } from './rules';
import { currentEntry } from './current-entry';
import { loadScenarioBoard } from './scenario-board';

/**
 * The chair puts the scenario comparison of the current item on screen for everyone in the session, or takes
 * it off. It is part of the live state, so every screen follows; it belongs to the entry, so moving on hides it.
 */
export async function showScenarios(db: Db, actor: Actor | null, input: unknown, origin: Origin): Promise<MeetingState> {
	authorize(actor, 'meeting.read');
	const data = parse(showScenariosSchema, input);
	return changeMeeting(db, actor, data.meetingId, origin, async (tx, meeting) => {
		assertChair(actor, meeting);
		assertStatus(meeting, 'live');
		const entry = await currentEntry(tx, meeting);
		const shownNow = meeting.scenariosShownEntryId === entry.id;
		if (shownNow === data.shown) return null;
		if (data.shown && !(await loadScenarioBoard(tx, meeting, entry.itemId))) throw new DomainError('meetings_scenarios_none', {}, {}, 409);
		await tx
			.update(meetings)
			.set({ scenariosShownEntryId: data.shown ? entry.id : null })
			.where(eq(meetings.id, meeting.id));
		return { action: data.shown ? 'meeting.scenarios_shown' : 'meeting.scenarios_hidden', details: { entryId: entry.id, itemId: entry.itemId } };
	});
}
