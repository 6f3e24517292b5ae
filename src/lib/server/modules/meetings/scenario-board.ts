import { asc, eq } from 'drizzle-orm';
import type { Queryable } from '../../db';
import { itemScenarios, meetingScenarioChecks, municipalities, type MeetingRow } from '../../db/schema';
import { scenarioComparison } from '../scenarios';
import type { ScenarioBoardView, ScenarioCheckView } from '../../../meetings/live';
import type { TemperatureValue } from '../../../meetings/constants';

/**
 * The comparison of the item in view, compact: only what a session puts on screen (the options, their costs,
 * the proposal, the klankbordgroep's appreciation and preferred option per municipality). Null when the
 * session is not live or the item has no (live) scenarios.
 */
export async function loadScenarioBoard(q: Queryable, meeting: MeetingRow, currentItemId: string | null): Promise<ScenarioBoardView | null> {
	if (meeting.status !== 'live' || !currentItemId) return null;
	const c = await scenarioComparison(q, currentItemId);
	if (!c.scenarios.length) return null;
	return {
		itemId: currentItemId,
		shown: meeting.scenariosShownEntryId !== null && meeting.scenariosShownEntryId === meeting.currentEntryId,
		scenarios: c.scenarios.map(({ id, title, oneOffCents, yearlyCents, proposed }) => ({ id, title, oneOffCents, yearlyCents, proposed })),
		municipalityIds: c.municipalityIds,
		appreciations: c.appreciations
			.filter((a) => a.voice === 'klankbordgroep')
			.map(({ municipalityId, scenarioId, value }) => ({ municipalityId, scenarioId, value })),
		preferred: c.preferred.klankbordgroep
	};
}

/** Every scenario check of the session (the last one per scenario and municipality), in the options' order. */
export async function loadScenarioChecks(q: Queryable, meetingId: string): Promise<ScenarioCheckView[]> {
	const rows = await scenarioChecksOfMeeting(q, meetingId);
	return rows.map(({ itemId, scenarioId, municipalityId, value, givenByName, givenAt }) => ({
		itemId,
		scenarioId,
		municipalityId,
		value,
		givenByName,
		givenAt: givenAt.toISOString()
	}));
}

/** The scenario checks with what the live state and the report need: the scenario's item and title, the municipality's name. */
export async function scenarioChecksOfMeeting(q: Queryable, meetingId: string) {
	const rows = await q
		.select({
			check: meetingScenarioChecks,
			itemId: itemScenarios.itemId,
			scenarioTitle: itemScenarios.title,
			removedAt: itemScenarios.removedAt,
			municipalityName: municipalities.name
		})
		.from(meetingScenarioChecks)
		.innerJoin(itemScenarios, eq(itemScenarios.id, meetingScenarioChecks.scenarioId))
		.innerJoin(municipalities, eq(municipalities.id, meetingScenarioChecks.municipalityId))
		.where(eq(meetingScenarioChecks.meetingId, meetingId))
		.orderBy(asc(itemScenarios.position), asc(municipalities.sortOrder));
	return rows.map(({ check: x, itemId, scenarioTitle, removedAt, municipalityName }) => ({
		itemId,
		scenarioId: x.scenarioId,
		scenarioTitle,
		removed: removedAt !== null,
		municipalityId: x.municipalityId,
		municipalityName,
		value: x.value as TemperatureValue,
		givenByName: x.givenByName,
		givenAt: x.givenAt
	}));
}
