import type { Queryable } from '../../db';
import type { Actor } from '../../permissions';
import { meetingInvitationIcs } from './report/ics';
import { getMeeting } from './queries';
import { m } from '../../../paraglide/messages.js';

/**
 * The iCalendar invitation of a session: one event whose UID stays the same for the session's life, and
 * whose SEQUENCE follows the plan's revision, so a calendar replaces the earlier invitation on a change.
 */
export async function meetingInvitation(q: Queryable, actor: Actor | null, meetingId: string, baseUrl: string): Promise<{ ics: string; filename: string }> {
	const { meeting, creator, invitees, state } = await getMeeting(q, actor, meetingId);
	const url = new URL(`/sessies/${meeting.id}`, baseUrl).toString();
	const agenda = state.entries.map((e) => m.meetings_ics_agenda_line({ position: e.position, title: e.title, minutes: e.plannedMinutes }));
	const description = [m.meetings_ics_agenda_heading(), ...agenda, '', url].join('\n');
	const ics = meetingInvitationIcs({
		uid: `${meeting.id}@regioportaal`,
		title: meeting.title,
		startsAt: meeting.startsAt.toISOString(),
		endsAt: meeting.endsAt.toISOString(),
		location: meeting.location,
		onlineUrl: meeting.onlineUrl,
		description,
		url,
		sequence: meeting.revision - 1,
		organizer: creator ? { name: creator.name, email: creator.email } : null,
		attendees: invitees.map((p) => ({ name: p.name, email: p.email })),
		cancelled: false
	});
	return { ics, filename: `sessie-${meeting.startsAt.toISOString().slice(0, 10)}.ics` };
}
