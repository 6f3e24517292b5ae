import { and, eq } from 'drizzle-orm';
import type { Db, Queryable } from '../../db';
import { meetingTemperatureChecks } from '../../db/schema';
import { DomainError } from '../../errors';
import { authorize, type Actor } from '../../permissions';
import { parse } from '../../validate';
import type { Origin } from '../audit';
import { setPosition, type SetPositionResult } from '../decisions';
import { setPositionSchema } from '../../../validation/decisions';
import { adoptTemperatureSchema } from '../../../validation/meetings';
import type { MeetingState } from '../../../meetings/live';
import type { TemperatureValue } from '../../../meetings/constants';
import { changeMeeting } from './change';
import { loadMeeting } from './state';
import { assertStatus } from './rules';

/**
 * Turns a temperature check (a session result) into the municipality's formal position on the item,
 * through the positions module, so its rules hold: reasons where the position needs them, conditions for
 * "onder voorwaarden", only for one's own municipality, with its history and live event.
 *
 * Two commits, in this order: the position (setPosition's own transaction), then the mark on the
 * temperature check. Everything that can refuse is checked before the first; the mark only says "made
 * formal" and is written again by retrying, so a failure between the two never leaves a wrong position.
 */
export async function adoptTemperature(
	db: Db,
	actor: Actor | null,
	input: unknown,
	origin: Origin
): Promise<{ position: SetPositionResult; state: MeetingState }> {
	authorize(actor, 'meeting.read');
	const data = parse(adoptTemperatureSchema, input);
	const meeting = await loadMeeting(db, data.meetingId);
	assertStatus(meeting, 'live', 'afgesloten');
	const check = await findCheck(db, data);
	const positionInput = { itemId: data.itemId, municipalityId: data.municipalityId, position: check.value, reasons: data.reasons, conditions: data.conditions };
	// The positions module's own checks first (permission, reasons), so a refusal stores nothing at all.
	parse(setPositionSchema, positionInput);
	authorize(actor, 'position.set', { municipalityId: data.municipalityId });

	const position = await setPosition(db, actor, positionInput, origin);
	const state = await changeMeeting(db, actor, data.meetingId, origin, async (tx, _meeting, now) => {
		const again = await findCheck(tx, data);
		// Someone gave a new check meanwhile: that one is not what was made formal.
		if (again.value !== check.value) throw new DomainError('meetings_temperature_changed', {}, {}, 409);
		await tx
			.update(meetingTemperatureChecks)
			.set({ positionSetAt: now })
			.where(
				and(
					eq(meetingTemperatureChecks.meetingId, data.meetingId),
					eq(meetingTemperatureChecks.itemId, data.itemId),
					eq(meetingTemperatureChecks.municipalityId, data.municipalityId)
				)
			);
		return { action: 'meeting.temperature_adopted', details: { itemId: data.itemId, municipalityId: data.municipalityId, position: check.value } };
	});
	return { position, state };
}

async function findCheck(q: Queryable, ref: { meetingId: string; itemId: string; municipalityId: string }) {
	const [check] = await q
		.select()
		.from(meetingTemperatureChecks)
		.where(
			and(
				eq(meetingTemperatureChecks.meetingId, ref.meetingId),
				eq(meetingTemperatureChecks.itemId, ref.itemId),
				eq(meetingTemperatureChecks.municipalityId, ref.municipalityId)
			)
		);
	if (!check) throw new DomainError('meetings_temperature_missing', {}, {}, 404);
	return { ...check, value: check.value as TemperatureValue };
}
