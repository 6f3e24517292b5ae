import type { Db } from '../../db';
import { meetingTemperatureChecks } from '../../db/schema';
import { DomainError } from '../../errors';
import { authorize, can, type Actor } from '../../permissions';
import { parse } from '../../validate';
import { record, type Origin } from '../audit';
import { temperatureSchema } from '../../../validation/meetings';
import type { MeetingState } from '../../../meetings/live';
import { changeMeeting } from './change';
import { loadEntries } from './state';
import { assertStatus } from './rules';
import { recordPresence } from './presence';

/**
 * A klankbordgroep member gives their municipality's quick temperature check on the item in view, while
 * the session is live. The last one given counts (and a new one undoes an earlier "made formal"). Giving it
 * records the member as present for that municipality when they had not checked in.
 */
export async function giveTemperature(db: Db, actor: Actor | null, input: unknown, origin: Origin): Promise<MeetingState> {
	authorize(actor, 'meeting.read');
	const data = parse(temperatureSchema, input);
	if (!can(actor, 'meeting.temperature', { municipalityId: data.municipalityId }))
		throw new DomainError('meetings_temperature_other_municipality', {}, { municipalityId: 'meetings_temperature_other_municipality' }, 403);
	return changeMeeting(db, actor, data.meetingId, origin, async (tx, meeting, now) => {
		assertStatus(meeting, 'live');
		const current = (await loadEntries(tx, meeting.id)).find((e) => e.id === meeting.currentEntryId);
		if (!current || current.itemId !== data.itemId) throw new DomainError('meetings_temperature_not_current', {}, {}, 409);
		const values = { value: data.value, givenBy: actor.userId, givenByName: actor.name, givenAt: now, positionSetAt: null };
		await tx
			.insert(meetingTemperatureChecks)
			.values({ meetingId: meeting.id, itemId: data.itemId, municipalityId: data.municipalityId, ...values })
			.onConflictDoUpdate({
				target: [meetingTemperatureChecks.meetingId, meetingTemperatureChecks.itemId, meetingTemperatureChecks.municipalityId],
				set: values
			});
		// Giving a check is taking part: a member who did not check in is present from now on.
		const present = await recordPresence(tx, actor, meeting, data.municipalityId, now, 'temperature');
		if (present) await record(tx, { actor, objectType: 'meeting', objectId: meeting.id, origin, ...present });
		return { action: 'meeting.temperature_given', details: { itemId: data.itemId, municipalityId: data.municipalityId, value: data.value } };
	});
}
