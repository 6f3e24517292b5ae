import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db';
import { itemScenarios, meetingScenarioChecks, type MeetingRow } from '../../db/schema';
import { DomainError } from '../../errors';
import { authorize, can, type Actor } from '../../permissions';
import { parse } from '../../validate';
import { record, type Origin } from '../audit';
import { scenarioCheckSchema } from '../../../validation/meetings';
import type { MeetingState } from '../../../meetings/live';
import { changeMeeting } from './change';
import { assertStatus } from './rules';
import { currentEntry } from './current-entry';
import { recordPresence } from './presence';

/**
 * A klankbordgroep member gives their municipality's temperature on one scenario of the item in view, while
 * the chair has the comparison on screen. The last one given counts. Like the item's check, giving it records
 * the member as present for that municipality when they had not checked in.
 */
export async function giveScenarioTemperature(db: Db, actor: Actor | null, input: unknown, origin: Origin): Promise<MeetingState> {
	authorize(actor, 'meeting.read');
	const data = parse(scenarioCheckSchema, input);
	if (!can(actor, 'meeting.temperature', { municipalityId: data.municipalityId }))
		throw new DomainError('meetings_temperature_other_municipality', {}, { municipalityId: 'meetings_temperature_other_municipality' }, 403);
	return changeMeeting(db, actor, data.meetingId, origin, async (tx, meeting, now) => {
		const itemId = await scenarioInView(tx, meeting, data.scenarioId);
		const values = { value: data.value, givenBy: actor.userId, givenByName: actor.name, givenAt: now };
		await tx
			.insert(meetingScenarioChecks)
			.values({ meetingId: meeting.id, scenarioId: data.scenarioId, municipalityId: data.municipalityId, ...values })
			.onConflictDoUpdate({
				target: [meetingScenarioChecks.meetingId, meetingScenarioChecks.scenarioId, meetingScenarioChecks.municipalityId],
				set: values
			});
		const present = await recordPresence(tx, actor, meeting, data.municipalityId, now, 'temperature');
		if (present) await record(tx, { actor, objectType: 'meeting', objectId: meeting.id, origin, ...present });
		return {
			action: 'meeting.scenario_temperature_given',
			details: { itemId, scenarioId: data.scenarioId, municipalityId: data.municipalityId, value: data.value }
		};
	});
}

/**
 * The item of a scenario that may be checked now: the session live, the comparison on screen, the scenario
 * one of the current item's and not removed (a member never checks an option the chair has moved away from).
 */
async function scenarioInView(tx: Tx, meeting: MeetingRow, scenarioId: string): Promise<string> {
	assertStatus(meeting, 'live');
	const entry = await currentEntry(tx, meeting);
	if (meeting.scenariosShownEntryId !== entry.id) throw new DomainError('meetings_scenarios_not_shown', {}, {}, 409);
	const [scenario] = await tx
		.select({ itemId: itemScenarios.itemId, removedAt: itemScenarios.removedAt })
		.from(itemScenarios)
		.where(eq(itemScenarios.id, scenarioId));
	if (!scenario || scenario.itemId !== entry.itemId) throw new DomainError('meetings_scenario_not_current', {}, {}, 409);
	if (scenario.removedAt) throw new DomainError('meetings_scenario_removed', {}, {}, 409);
	return entry.itemId;
}
