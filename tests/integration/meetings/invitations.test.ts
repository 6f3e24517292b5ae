import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq, inArray, sql } from 'drizzle-orm';
import { destroy, testDb, type TestDb } from '../../fixtures/db';
import { newUser, testOrigin } from '../../fixtures/factories';
import { mailOutbox, meetings as meetingsTable, users } from '../../../src/lib/server/db/schema';
import * as meetings from '../../../src/lib/server/modules/meetings';
import { DomainError, ValidationError } from '../../../src/lib/server/errors';
import { ForbiddenError } from '../../../src/lib/server/permissions';
import { recordPublished, rejection } from '../agenda/helpers';
import { cast, liveMeeting, meetingAudit, planInput, type Cast } from './helpers';

let t: TestDb;
let c: Cast;
let rec: ReturnType<typeof recordPublished>;

beforeAll(async () => {
	t = await testDb();
	c = await cast(t.db);
	// Olga reads the portal in English: her mails are in English too.
	await t.db.update(users).set({ locale: 'en' }).where(eq(users.id, c.kbOegstgeest.id));
});
afterAll(() => destroy(t));
beforeEach(() => (rec = recordPublished()));
afterEach(() => rec.stop());

type OutboxRow = typeof mailOutbox.$inferSelect;

/** The mails queued while `act` ran, by recipient's name (sorted). */
async function mailsDuring(act: () => Promise<unknown>): Promise<OutboxRow[]> {
	const before = new Set((await t.db.select({ id: mailOutbox.id }).from(mailOutbox)).map((r) => r.id));
	await act();
	const rows = await t.db.select().from(mailOutbox);
	return rows.filter((r) => !before.has(r.id)).sort((a, b) => a.to.localeCompare(b.to));
}

const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '');
const icsOf = (mail: OutboxRow) => {
	expect(mail.attachments).toHaveLength(1);
	return unfold(mail.attachments[0].content);
};
const field = (ics: string, name: string) =>
	ics
		.split('\r\n')
		.find((l) => l.startsWith(`${name}:`))
		?.slice(name.length + 1);
const to = (...who: { email: string }[]) => who.map((w) => w.email).sort();

async function status(id: string) {
	const [row] = await t.db.select().from(meetingsTable).where(eq(meetingsTable.id, id));
	return row;
}

describe('invitations by e-mail', () => {
	it('planning a session queues one invitation per invitee, in their language, with the REQUEST attached and its delivery job', async () => {
		let id = '';
		const mails = await mailsDuring(async () => {
			id = (await meetings.createMeeting(t.db, c.verkenner.actor, planInput(c, { onlineUrl: 'https://meet.example.nl/maart' }), testOrigin)).id;
		});
		expect(mails.map((m) => m.to)).toEqual(to(c.kbLeiden, c.kbOegstgeest, c.collegeLeiden));
		for (const mail of mails) {
			expect(mail).toMatchObject({ kind: 'meeting', state: 'queued' });
			expect(mail.attachments[0]).toMatchObject({ filename: 'uitnodiging.ics', method: 'REQUEST' });
			expect(mail.attachments[0].contentType).toMatch(/^text\/calendar/);
			const ics = icsOf(mail);
			expect(field(ics, 'METHOD')).toBe('REQUEST');
			expect(field(ics, 'UID')).toBe(`${id}@regioportaal`);
			expect(field(ics, 'SEQUENCE')).toBe('0');
			expect(field(ics, 'DTSTART')).toBe('20260310T183000Z');
			expect(ics).toContain(`ORGANIZER;CN="Vera Verkenner":MAILTO:${c.verkenner.email}`);
			for (const who of [c.kbLeiden, c.kbOegstgeest, c.collegeLeiden]) expect(ics).toContain(`:mailto:${who.email}`);
			expect(ics).toContain('RSVP=TRUE');
		}
		const kees = mails.find((m) => m.to === c.kbLeiden.email)!;
		expect(kees.userId).toBe(c.kbLeiden.id);
		expect(kees.subject).toBe('Uitnodiging: Klankbordgroep maart, dinsdag 10 maart 2026, 19:30–21:30');
		expect(kees.body).toContain('Beste Kees Leiden,');
		expect(kees.body).toContain('Wanneer: dinsdag 10 maart 2026, 19:30–21:30 (Nederlandse tijd)');
		expect(kees.body).toContain('Waar: Stadhuis Leiden, Burgerzaal');
		expect(kees.body).toContain('Online: https://meet.example.nl/maart');
		expect(kees.body).toContain('1. Woningbouw versnellen (10 min.)\n2. Energietransitie ruimte (15 min.)\n3. Jeugdhulp inkopen (20 min.)');
		expect(kees.body).toMatch(new RegExp(`/sessies/${id}`));
		expect(kees.html).toContain('<html lang="nl">');
		expect(kees.html).toContain(`/sessies/${id}"`);
		expect(kees.html).toContain('<li>Woningbouw versnellen (10 min.)</li>');
		expect(field(icsOf(kees), 'DESCRIPTION')).toContain('Agenda:');

		const olga = mails.find((m) => m.to === c.kbOegstgeest.email)!;
		// (Whether a comma follows the weekday depends on the ICU data of the Node build.)
		expect(olga.subject).toMatch(/^Invitation: Klankbordgroep maart, Tuesday,? 10 March 2026, 19:30–21:30$/);
		expect(olga.body).toContain('Dear Olga Oegstgeest,');
		expect(olga.body).toMatch(/When: Tuesday,? 10 March 2026, 19:30–21:30 \(Dutch time\)/);
		expect(olga.html).toContain('<html lang="en">');

		// Each mail has its delivery job, queued with it.
		type Row = { id: string };
		const jobs = (await t.db.execute(sql`select data->>'outboxId' as id from pgboss.job where name = 'mail'`)) as unknown as Row[] | { rows: Row[] };
		const jobIds = new Set((Array.isArray(jobs) ? jobs : jobs.rows).map((j) => j.id));
		for (const mail of mails) expect(jobIds.has(mail.id)).toBe(true);
	});

	it('the text of a session is escaped in the HTML part', async () => {
		const mails = await mailsDuring(() =>
			meetings.createMeeting(t.db, c.verkenner.actor, planInput(c, { title: 'Wonen <b>& groen</b>', invitees: [c.kbLeiden.id] }), testOrigin)
		);
		expect(mails).toHaveLength(1);
		expect(mails[0].html).toContain('Wonen &lt;b&gt;&amp; groen&lt;/b&gt;');
		expect(mails[0].html).not.toContain('<b>&');
	});

	it('a change of time sends every invitee an update: REQUEST, same UID, SEQUENCE raised', async () => {
		const { id } = await meetings.createMeeting(t.db, c.verkenner.actor, planInput(c), testOrigin);
		const mails = await mailsDuring(() =>
			meetings.updateMeeting(t.db, c.verkenner.actor, { ...planInput(c, { startTime: '20:00' }), meetingId: id, revision: 1 }, testOrigin)
		);
		expect(mails.map((m) => m.to)).toEqual(to(c.kbLeiden, c.kbOegstgeest, c.collegeLeiden));
		for (const mail of mails) {
			expect(mail.attachments[0].method).toBe('REQUEST');
			const ics = icsOf(mail);
			expect([field(ics, 'METHOD'), field(ics, 'UID'), field(ics, 'SEQUENCE'), field(ics, 'DTSTART')]).toEqual([
				'REQUEST',
				`${id}@regioportaal`,
				'1',
				'20260310T190000Z'
			]);
		}
		const kees = mails.find((m) => m.to === c.kbLeiden.email)!;
		expect(kees.subject).toBe('Gewijzigd: Klankbordgroep maart, dinsdag 10 maart 2026, 20:00–21:30');
		expect(kees.body).toContain('is gewijzigd');
		expect(mails.find((m) => m.to === c.kbOegstgeest.email)!.subject).toMatch(/^Changed: /);
	});

	it('place, online link, title and agenda each count as a change; a save that changes none of them sends nothing', async () => {
		const { id } = await meetings.createMeeting(t.db, c.verkenner.actor, planInput(c), testOrigin);
		let revision = 1;
		const save = async (extra: Record<string, unknown>) =>
			mailsDuring(async () => {
				revision = (await meetings.updateMeeting(t.db, c.verkenner.actor, { ...planInput(c, extra), meetingId: id, revision }, testOrigin)).revision;
			});
		expect(await save({})).toEqual([]);
		expect(await save({ location: 'Stadhuis Leiden, Raadzaal' })).toHaveLength(3);
		expect(await save({ location: 'Stadhuis Leiden, Raadzaal', onlineUrl: 'https://meet.example.nl/x' })).toHaveLength(3);
		expect(await save({ location: 'Stadhuis Leiden, Raadzaal', onlineUrl: 'https://meet.example.nl/x' })).toEqual([]);
		expect(await save({ location: 'Stadhuis Leiden, Raadzaal', onlineUrl: 'https://meet.example.nl/x', title: 'Klankbordgroep april' })).toHaveLength(3);
		const agenda = [{ itemId: c.items[1], plannedMinutes: 30 }];
		const last = await save({ location: 'Stadhuis Leiden, Raadzaal', onlineUrl: 'https://meet.example.nl/x', title: 'Klankbordgroep april', agenda });
		expect(last).toHaveLength(3);
		// Every change raised the revision, so the SEQUENCE of the last update is above all earlier ones.
		const kees = last.find((m) => m.to === c.kbLeiden.email)!;
		expect(field(icsOf(kees), 'SEQUENCE')).toBe(String(revision - 1));
		expect(kees.body).toContain('1. Energietransitie ruimte (30 min.)');
		expect(kees.body).not.toContain('Woningbouw');
	});

	it('an invitee added gets the invitation, one removed a CANCEL naming only them; the others hear nothing when only the list changed', async () => {
		const { id } = await meetings.createMeeting(t.db, c.verkenner.actor, planInput(c), testOrigin);
		const mails = await mailsDuring(() =>
			meetings.updateMeeting(
				t.db,
				c.verkenner.actor,
				{ ...planInput(c, { invitees: [c.kbLeiden.id, c.collegeLeiden.id, c.verkenner.id] }), meetingId: id, revision: 1 },
				testOrigin
			)
		);
		expect(mails.map((m) => m.to)).toEqual(to(c.verkenner, c.kbOegstgeest));
		const added = mails.find((m) => m.to === c.verkenner.email)!;
		expect(added.subject).toMatch(/^Uitnodiging: /);
		expect(added.attachments[0].method).toBe('REQUEST');
		const addedIcs = icsOf(added);
		expect([field(addedIcs, 'METHOD'), field(addedIcs, 'UID'), field(addedIcs, 'SEQUENCE')]).toEqual(['REQUEST', `${id}@regioportaal`, '1']);
		for (const who of [c.kbLeiden, c.collegeLeiden, c.verkenner]) expect(addedIcs).toContain(`:mailto:${who.email}`);
		expect(addedIcs).not.toContain(c.kbOegstgeest.email);

		const removed = mails.find((m) => m.to === c.kbOegstgeest.email)!;
		expect(removed).toMatchObject({ kind: 'meeting', userId: c.kbOegstgeest.id });
		expect(removed.subject).toMatch(/^No longer invited: Klankbordgroep maart/);
		expect(removed.attachments[0]).toMatchObject({ filename: 'annulering.ics', method: 'CANCEL' });
		const removedIcs = icsOf(removed);
		expect([field(removedIcs, 'METHOD'), field(removedIcs, 'UID'), field(removedIcs, 'SEQUENCE'), field(removedIcs, 'STATUS')]).toEqual([
			'CANCEL',
			`${id}@regioportaal`,
			'1',
			'CANCELLED'
		]);
		const attendees = removedIcs.split('\r\n').filter((l) => l.startsWith('ATTENDEE'));
		expect(attendees).toHaveLength(1);
		expect(attendees[0]).toContain(`:mailto:${c.kbOegstgeest.email}`);
	});

	it('a refused change queues no mail', async () => {
		const { id } = await meetings.createMeeting(t.db, c.verkenner.actor, planInput(c), testOrigin);
		const mails = await mailsDuring(async () => {
			const stale = await rejection(
				meetings.updateMeeting(t.db, c.verkenner.actor, { ...planInput(c, { startTime: '18:00' }), meetingId: id, revision: 7 }, testOrigin)
			);
			expect(stale.key).toBe('meetings_conflict');
		});
		expect(mails).toEqual([]);
	});
});

describe('cancelling a session', () => {
	it('the verkenner cancels a planned session: status, time and reason stored, revision raised, audit row, state published, every invitee a CANCEL', async () => {
		const { id } = await meetings.createMeeting(t.db, c.verkenner.actor, planInput(c), testOrigin);
		let state: Awaited<ReturnType<typeof meetings.cancelMeeting>> | undefined;
		const mails = await mailsDuring(async () => {
			state = await meetings.cancelMeeting(t.db, c.verkenner.actor, { meetingId: id, reason: '  Verplaatst naar 17 maart.  ' }, testOrigin);
		});
		const row = await status(id);
		expect(row).toMatchObject({ status: 'geannuleerd', cancelReason: 'Verplaatst naar 17 maart.', revision: 2 });
		expect(row.cancelledAt).toBeInstanceOf(Date);
		expect(state).toMatchObject({ status: 'geannuleerd', cancelled: { reason: 'Verplaatst naar 17 maart.' } });
		const audit = await meetingAudit(t.db, id);
		expect(audit.map((a) => a.action)).toEqual(['meeting.created', 'meeting.cancelled']);
		expect(audit[1]).toMatchObject({ actorUserId: c.verkenner.id, details: { reason: 'Verplaatst naar 17 maart.', invitees: 3, revision: 2 } });
		const published = rec.events.filter((e) => e.room === `meeting:${id}` && e.event === 'meeting:state');
		expect(published.map((e) => e.payload.status)).toEqual(['geannuleerd']);

		expect(mails.map((m) => m.to)).toEqual(to(c.kbLeiden, c.kbOegstgeest, c.collegeLeiden));
		for (const mail of mails) {
			expect(mail).toMatchObject({ kind: 'meeting' });
			expect(mail.attachments[0]).toMatchObject({ filename: 'annulering.ics', method: 'CANCEL' });
			const ics = icsOf(mail);
			expect([field(ics, 'METHOD'), field(ics, 'STATUS'), field(ics, 'UID'), field(ics, 'SEQUENCE')]).toEqual([
				'CANCEL',
				'CANCELLED',
				`${id}@regioportaal`,
				'1'
			]);
			for (const who of [c.kbLeiden, c.kbOegstgeest, c.collegeLeiden]) expect(ics).toContain(`:mailto:${who.email}`);
		}
		const kees = mails.find((m) => m.to === c.kbLeiden.email)!;
		expect(kees.userId).toBe(c.kbLeiden.id);
		expect(kees.subject).toBe('Geannuleerd: Klankbordgroep maart, dinsdag 10 maart 2026, 19:30–21:30');
		expect(kees.body).toContain('is geannuleerd');
		expect(kees.body).toContain('Reden: Verplaatst naar 17 maart.');
		expect(kees.body).not.toContain('Woningbouw');
		expect(kees.html).toContain('Verplaatst naar 17 maart.');
		expect(mails.find((m) => m.to === c.kbOegstgeest.email)!.body).toContain('Reason: Verplaatst naar 17 maart.');

		// The downloadable file says it is cancelled too.
		const file = unfold((await meetings.meetingInvitation(t.db, c.kbLeiden.actor, id, 'https://portaal.example.nl', 'nl')).ics);
		expect([field(file, 'METHOD'), field(file, 'STATUS'), field(file, 'SEQUENCE')]).toEqual(['PUBLISH', 'CANCELLED', '1']);
	});

	it('the reason is optional; without one the mail names none', async () => {
		const { id } = await meetings.createMeeting(t.db, c.verkenner.actor, planInput(c, { invitees: [c.kbLeiden.id] }), testOrigin);
		const mails = await mailsDuring(() => meetings.cancelMeeting(t.db, c.verkenner.actor, { meetingId: id }, testOrigin));
		expect(mails).toHaveLength(1);
		expect(mails[0].body).not.toContain('Reden');
		expect(await status(id)).toMatchObject({ status: 'geannuleerd', cancelReason: '' });
	});

	it('a cancelled session cannot be cancelled again, changed, started, chaired or checked in to', async () => {
		const { id } = await meetings.createMeeting(t.db, c.verkenner.actor, planInput(c), testOrigin);
		await meetings.nameChair(t.db, c.verkenner.actor, { meetingId: id, chairUserId: c.verkenner.id }, testOrigin);
		await meetings.cancelMeeting(t.db, c.verkenner.actor, { meetingId: id, reason: 'Ziek' }, testOrigin);
		const mails = await mailsDuring(async () => {
			const refusals = [
				() => meetings.cancelMeeting(t.db, c.verkenner.actor, { meetingId: id }, testOrigin),
				() => meetings.updateMeeting(t.db, c.verkenner.actor, { ...planInput(c), meetingId: id, revision: 2 }, testOrigin),
				() => meetings.startLive(t.db, c.verkenner.actor, { meetingId: id }, testOrigin),
				() => meetings.nameChair(t.db, c.verkenner.actor, { meetingId: id, chairUserId: null }, testOrigin),
				() => meetings.checkIn(t.db, c.kbLeiden.actor, { meetingId: id, municipalityId: 'leiden' }, testOrigin)
			];
			for (const act of refusals) {
				const err = await rejection(act());
				expect(err).toBeInstanceOf(DomainError);
				expect(err.key).toBe('meetings_cancelled');
			}
		});
		expect(mails).toEqual([]);
		expect(await status(id)).toMatchObject({ status: 'geannuleerd', revision: 2, cancelReason: 'Ziek' });
	});

	it('a live or closed session cannot be cancelled: a clear Dutch reason, nothing stored or mailed', async () => {
		const { t: translate } = await import('../../../src/lib/server/i18n');
		const { id: live } = await liveMeeting(t.db, c);
		const { id: closed } = await liveMeeting(t.db, c);
		await meetings.closeMeeting(t.db, c.verkenner.actor, { meetingId: closed }, testOrigin);
		for (const [id, key, message] of [
			[live, 'meetings_cancel_live', 'Deze sessie is al begonnen en kan niet meer worden geannuleerd.'],
			[closed, 'meetings_closed', 'Deze sessie is afgesloten.']
		] as const) {
			const before = await status(id);
			const auditBefore = (await meetingAudit(t.db, id)).length;
			const mails = await mailsDuring(async () => {
				const err = await rejection(meetings.cancelMeeting(t.db, c.verkenner.actor, { meetingId: id, reason: 'Te laat' }, testOrigin));
				expect(err).toBeInstanceOf(DomainError);
				expect(err.key).toBe(key);
				expect(translate(err.key)).toBe(message);
			});
			expect(mails).toEqual([]);
			const after = await status(id);
			expect(after).toMatchObject({ status: before.status, revision: before.revision, cancelledAt: null, cancelReason: '' });
			expect(await meetingAudit(t.db, id)).toHaveLength(auditBefore);
		}
	});

	it('only whoever may plan sessions cancels: others are refused, nothing stored or mailed', async () => {
		const { id } = await meetings.createMeeting(t.db, c.verkenner.actor, planInput(c), testOrigin);
		const admin = await newUser(t.db, [['administrator', null]]);
		const mails = await mailsDuring(async () => {
			for (const who of [c.kbLeiden.actor, c.collegeLeiden.actor, c.griffie.actor, admin.actor, null]) {
				const err = await rejection(meetings.cancelMeeting(t.db, who, { meetingId: id, reason: 'Nee' }, testOrigin));
				expect(err).toBeInstanceOf(ForbiddenError);
			}
		});
		expect(mails).toEqual([]);
		expect(await status(id)).toMatchObject({ status: 'gepland', revision: 1, cancelledAt: null });
		expect((await meetingAudit(t.db, id)).map((a) => a.action)).toEqual(['meeting.created']);
	});

	it('refuses a reason that is too long, with the field named', async () => {
		const { id } = await meetings.createMeeting(t.db, c.verkenner.actor, planInput(c), testOrigin);
		const err = await rejection(meetings.cancelMeeting(t.db, c.verkenner.actor, { meetingId: id, reason: 'x'.repeat(1001) }, testOrigin));
		expect(err).toBeInstanceOf(ValidationError);
		expect(err.fields).toEqual({ reason: 'validation_meeting_cancel_reason' });
		expect((await status(id)).status).toBe('gepland');
	});

	it('a cancelled session stays in the list, marked cancelled', async () => {
		const { id } = await meetings.createMeeting(t.db, c.verkenner.actor, planInput(c, { date: '2099-03-10' }), testOrigin);
		await meetings.cancelMeeting(t.db, c.verkenner.actor, { meetingId: id }, testOrigin);
		const list = await meetings.listMeetings(t.db, c.kbLeiden.actor);
		expect(list.upcoming.find((s) => s.id === id)?.status).toBe('geannuleerd');
		// Not another user's business to see whether mails went: the outbox has no rows for people not invited.
		const rows = await t.db
			.select()
			.from(mailOutbox)
			.where(inArray(mailOutbox.to, [c.griffie.email]));
		expect(rows).toEqual([]);
	});
});
