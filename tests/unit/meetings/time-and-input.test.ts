import { describe, expect, it } from 'vitest';
import { amsterdamParts, amsterdamToUtc } from '../../../src/lib/meetings/time';
import { entryElapsedSeconds } from '../../../src/lib/meetings/live';
import { meetingPlanFromForm, meetingPlanSchema, minuteSchema } from '../../../src/lib/validation/meetings';

describe('Amsterdam wall-clock time', () => {
	it('converts in winter (UTC+1), summer (UTC+2) and on both DST change days', () => {
		expect(amsterdamToUtc('2026-01-13', '19:30').toISOString()).toBe('2026-01-13T18:30:00.000Z');
		expect(amsterdamToUtc('2026-07-01', '09:00').toISOString()).toBe('2026-07-01T07:00:00.000Z');
		expect(amsterdamToUtc('2026-03-29', '12:00').toISOString()).toBe('2026-03-29T10:00:00.000Z');
		expect(amsterdamToUtc('2026-10-25', '12:00').toISOString()).toBe('2026-10-25T11:00:00.000Z');
		expect(amsterdamParts(new Date('2026-07-01T22:30:00Z'))).toEqual({ date: '2026-07-02', time: '00:30' });
	});
});

describe('plan input', () => {
	const base = { title: 'Sessie', date: '2026-03-10', startTime: '19:30', endTime: '21:00', location: 'Leiden' };
	it('reads the agenda and invitees from the form fields, in order', () => {
		const form = { ...base, entry_item: ['a', 'b'], entry_minutes: ['10', '20'], invitees: 'u1' };
		expect(meetingPlanFromForm(form)).toMatchObject({
			agenda: [
				{ itemId: 'a', plannedMinutes: '10' },
				{ itemId: 'b', plannedMinutes: '20' }
			],
			invitees: ['u1']
		});
	});
	it('refuses an end before the start and a non-https link', () => {
		const r = meetingPlanSchema.safeParse({ ...base, endTime: '19:00', onlineUrl: 'http://x.nl' });
		expect(r.success).toBe(false);
		const messages = r.error!.issues.map((i) => [i.path.join('.'), i.message]);
		expect(messages).toContainEqual(['endTime', 'validation_meeting_ends_before_start']);
		expect(messages).toContainEqual(['onlineUrl', 'validation_meeting_online_url']);
	});
	it('keeps only what fits a minute kind', () => {
		const m = minuteSchema.parse({
			id: crypto.randomUUID(),
			meetingId: crypto.randomUUID(),
			itemId: '',
			kind: 'besluit',
			body: ' Ja \r\n',
			ownerName: 'X',
			dueOn: '2026-01-01',
			municipalityId: 'leiden'
		});
		expect(m).toMatchObject({ itemId: null, body: 'Ja', ownerName: '', dueOn: null, municipalityId: null });
	});
});

describe('entry timer', () => {
	const entry = { id: 'e1', itemId: 'i', position: 1, title: 't', plannedMinutes: 10, spentSeconds: 30 };
	it('adds the running stretch of the current entry only', () => {
		const startedAt = '2026-03-10T18:30:00.000Z';
		const now = Date.parse(startedAt) + 65_500;
		expect(entryElapsedSeconds({ currentEntryId: 'e1', timerStartedAt: startedAt }, entry, now)).toBe(95);
		expect(entryElapsedSeconds({ currentEntryId: 'e1', timerStartedAt: null }, entry, now)).toBe(30);
		expect(entryElapsedSeconds({ currentEntryId: 'e2', timerStartedAt: startedAt }, entry, now)).toBe(30);
	});
});
