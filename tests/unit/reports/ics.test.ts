import { describe, expect, it } from 'vitest';
import { meetingInvitationIcs, type IcsInput } from '../../../src/lib/server/modules/meetings/report/ics';

function input(overrides: Partial<IcsInput> = {}): IcsInput {
	return {
		uid: 'meeting-7f3a@regioportaal-leidse-regio',
		title: 'Klankbordgroep: wonen, groen; zorg',
		// 19:30 Amsterdam summer time (UTC+2).
		startsAt: '2025-07-01T19:30:00+02:00',
		endsAt: '2025-07-01T21:30:00+02:00',
		location: 'Stadhuis Leiden, Stadhuisplein 1',
		onlineUrl: 'https://meet.example.nl/klankbord-juli',
		description: 'Agenda: woningbouw, energie; ouderenzorg.\nGraag vóór 1 juli de stukken lezen — bijdrage € 2,50 per inwoner.',
		url: 'https://regioportaal.example.nl/sessies/7f3a',
		sequence: 2,
		organizer: { name: 'Marieke Verkenner', email: 'verkenner@leidseregio.example.nl' },
		attendees: [
			{ name: 'Joëlle Bakker', email: 'j.bakker@leiden.example.nl' },
			{ name: 'Noël Jansen', email: 'n.jansen@voorschoten.example.nl' },
			{ name: 'Eefje Ruïsdael', email: 'e.ruisdael@zoeterwoude.example.nl' }
		],
		method: 'REQUEST',
		...overrides
	};
}

/** Content lines after unfolding (RFC 5545 §3.1): a CRLF followed by one space or tab continues the line. */
const unfold = (ics: string) =>
	ics
		.replace(/\r\n[ \t]/g, '')
		.split('\r\n')
		.filter(Boolean);
const property = (ics: string, name: string) => unfold(ics).filter((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`));
const value = (ics: string, name: string) => {
	const [line] = property(ics, name);
	expect(line, name).toBeDefined();
	return line.slice(line.indexOf(':') + 1);
};

describe('meeting invitation (.ics)', () => {
	it('is one VEVENT in a VCALENDAR with UID, SEQUENCE and METHOD:REQUEST', () => {
		const ics = meetingInvitationIcs(input());
		const lines = unfold(ics);
		expect(lines[0]).toBe('BEGIN:VCALENDAR');
		expect(lines.at(-1)).toBe('END:VCALENDAR');
		expect(lines).toContain('VERSION:2.0');
		expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
		expect(lines.filter((l) => l === 'END:VEVENT')).toHaveLength(1);
		expect(value(ics, 'METHOD')).toBe('REQUEST');
		expect(value(ics, 'UID')).toBe('meeting-7f3a@regioportaal-leidse-regio');
		expect(value(ics, 'SEQUENCE')).toBe('2');
		expect(value(ics, 'STATUS')).toBe('CONFIRMED');
		expect(value(ics, 'DTSTAMP')).toMatch(/^\d{8}T\d{6}Z$/);
	});

	it('writes start and end in UTC, right for Amsterdam summer and winter time', () => {
		const summer = meetingInvitationIcs(input());
		expect(value(summer, 'DTSTART')).toBe('20250701T173000Z');
		expect(value(summer, 'DTEND')).toBe('20250701T193000Z');
		const winter = meetingInvitationIcs(input({ startsAt: '2025-01-14T19:30:00+01:00', endsAt: '2025-01-14T21:00:00+01:00' }));
		expect(value(winter, 'DTSTART')).toBe('20250114T183000Z');
		expect(value(winter, 'DTEND')).toBe('20250114T200000Z');
		// The night the clocks go back: 02:30 CEST is 00:30 UTC.
		const night = meetingInvitationIcs(input({ startsAt: '2025-10-26T02:30:00+02:00', endsAt: '2025-10-26T02:30:00+01:00' }));
		expect(value(night, 'DTSTART')).toBe('20251026T003000Z');
		expect(value(night, 'DTEND')).toBe('20251026T013000Z');
	});

	it('escapes commas, semicolons and newlines in SUMMARY, LOCATION and DESCRIPTION', () => {
		const ics = meetingInvitationIcs(input());
		expect(value(ics, 'SUMMARY')).toBe('Klankbordgroep: wonen\\, groen\\; zorg');
		expect(value(ics, 'LOCATION')).toBe('Stadhuis Leiden\\, Stadhuisplein 1');
		const description = value(ics, 'DESCRIPTION');
		expect(description).toContain('Agenda: woningbouw\\, energie\\; ouderenzorg.\\nGraag vóór 1 juli de stukken lezen — bijdrage € 2\\,50 per inwoner.');
		// The online link and the portal page are in the text too, for clients that ignore URL.
		expect(description).toContain('\\n\\nhttps://meet.example.nl/klankbord-juli\\n\\nhttps://regioportaal.example.nl/sessies/7f3a');
		expect(value(ics, 'URL')).toBe('https://regioportaal.example.nl/sessies/7f3a');
	});

	it('names the organizer and every attendee with their address, asking for a reply', () => {
		const ics = meetingInvitationIcs(input());
		expect(property(ics, 'ORGANIZER')).toEqual(['ORGANIZER;CN="Marieke Verkenner":MAILTO:verkenner@leidseregio.example.nl']);
		const attendees = property(ics, 'ATTENDEE');
		expect(attendees).toHaveLength(3);
		expect(attendees[0]).toBe('ATTENDEE;RSVP=TRUE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;CN="Joëlle Bakker":mailto:j.bakker@leiden.example.nl');
		expect(attendees.map((a) => a.split(':mailto:')[1])).toEqual([
			'j.bakker@leiden.example.nl',
			'n.jansen@voorschoten.example.nl',
			'e.ruisdael@zoeterwoude.example.nl'
		]);
	});

	it('uses the online link as location when there is no place, and leaves out what is empty', () => {
		const ics = meetingInvitationIcs(input({ location: '', organizer: null, attendees: [], description: '', url: '' }));
		expect(value(ics, 'LOCATION')).toBe('https://meet.example.nl/klankbord-juli');
		expect(property(ics, 'ORGANIZER')).toEqual([]);
		expect(property(ics, 'ATTENDEE')).toEqual([]);
		expect(property(ics, 'URL')).toEqual([]);
		expect(property(ics, 'DESCRIPTION')).toEqual([]);
	});

	it('withdraws a cancelled session with METHOD:CANCEL and STATUS:CANCELLED, keeping the UID and raising SEQUENCE', () => {
		const invitation = meetingInvitationIcs(input({ sequence: 2 }));
		const ics = meetingInvitationIcs(input({ method: 'CANCEL', sequence: 3 }));
		expect(value(ics, 'METHOD')).toBe('CANCEL');
		expect(value(ics, 'STATUS')).toBe('CANCELLED');
		expect(value(ics, 'UID')).toBe(value(invitation, 'UID'));
		expect(Number(value(ics, 'SEQUENCE'))).toBeGreaterThan(Number(value(invitation, 'SEQUENCE')));
		expect(value(ics, 'SEQUENCE')).toBe('3');
		// The attendees it is withdrawn for are named; a cancellation asks no reply.
		const attendees = property(ics, 'ATTENDEE');
		expect(attendees).toHaveLength(3);
		for (const a of attendees) expect(a).not.toContain('RSVP');
		expect(property(ics, 'ORGANIZER')).toHaveLength(1);
	});

	it('an update is a REQUEST with the same UID and a higher SEQUENCE', () => {
		const first = meetingInvitationIcs(input({ sequence: 0 }));
		const update = meetingInvitationIcs(input({ sequence: 1, startsAt: '2025-07-01T20:00:00+02:00' }));
		expect(value(update, 'METHOD')).toBe('REQUEST');
		expect(value(update, 'STATUS')).toBe('CONFIRMED');
		expect(value(update, 'UID')).toBe(value(first, 'UID'));
		expect([value(first, 'SEQUENCE'), value(update, 'SEQUENCE')]).toEqual(['0', '1']);
		expect(value(update, 'DTSTART')).toBe('20250701T180000Z');
	});

	it('a file to import is METHOD:PUBLISH: same UID and SEQUENCE, the organizer, no attendees and no reply asked', () => {
		const ics = meetingInvitationIcs(input({ method: 'PUBLISH', sequence: 4 }));
		expect(value(ics, 'METHOD')).toBe('PUBLISH');
		expect(value(ics, 'UID')).toBe('meeting-7f3a@regioportaal-leidse-regio');
		expect(value(ics, 'SEQUENCE')).toBe('4');
		expect(value(ics, 'STATUS')).toBe('CONFIRMED');
		expect(property(ics, 'ATTENDEE')).toEqual([]);
		expect(ics).not.toContain('RSVP');
		expect(property(ics, 'ORGANIZER')).toHaveLength(1);
		// A cancelled session published stays cancelled.
		const cancelled = meetingInvitationIcs(input({ method: 'PUBLISH', cancelled: true }));
		expect([value(cancelled, 'METHOD'), value(cancelled, 'STATUS')]).toEqual(['PUBLISH', 'CANCELLED']);
	});

	it('ends every line with CRLF and folds at 75 octets without splitting a character', () => {
		const title = 'Sessie over één regionale ambitie: ' + 'café-overleg ë ï € '.repeat(8);
		const ics = meetingInvitationIcs(input({ title }));
		expect(ics.endsWith('\r\n')).toBe(true);
		expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
		const physical = ics.split('\r\n').slice(0, -1);
		for (const line of physical) expect(Buffer.byteLength(line, 'utf8'), line).toBeLessThanOrEqual(75);
		expect(physical.some((line) => line.startsWith(' '))).toBe(true);
		expect(ics).not.toContain('\uFFFD');
		// Unfolded, the title is whole again.
		expect(value(ics, 'SUMMARY')).toBe(title.replace(/,/g, '\\,'));
	});
});
