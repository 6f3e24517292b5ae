/**
 * The search beyond items and comments: sessions and their minutes, what earlier versions said, the register's
 * arrangements and cover notes (an internal note found only inside its municipality, by any word of it), each
 * kind through its own rule, its result linking to the page that shows it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { agendaItems } from '../../../src/lib/server/db/schema';
import { testOrigin } from '../../fixtures/factories';
import * as meetings from '../../../src/lib/server/modules/meetings';
import * as register from '../../../src/lib/server/modules/register';
import { captureVersion, updateItemFields } from '../../../src/lib/server/modules/agenda-items';
import { search, type SearchResults } from '../../../src/lib/server/modules/search';
import { searchFromParams } from '../../../src/lib/validation/search';
import { RANK_CAP } from '../../../src/lib/server/modules/search/sql';
import type { Actor } from '../../../src/lib/server/permissions';
import { newItem } from '../agenda/helpers';
import { registerSuite } from '../register/helpers';
import { arrangementWithMeeting, locals, type Locals } from '../register/governance-helpers';

const s = registerSuite();
let l: Locals;
let item: string, meetingId: string, minuteId: string, collaborationId: string, boardMeetingId: string, internalNote: string, sharedNote: string;

const find = (actor: Actor, params: Record<string, string>) => search(s.db, actor, searchFromParams(new URLSearchParams(params)));
const hitsOf = (r: SearchResults, kind: string) => r.groups.find((g) => g.kind === kind)?.hits ?? [];
const ids = (r: SearchResults, kind: string) => hitsOf(r, kind).map((h) => h.id);

async function revisionOf(itemId: string) {
	const [{ revision }] = await s.db.select({ revision: agendaItems.revision }).from(agendaItems).where(eq(agendaItems.id, itemId));
	return revision;
}

beforeAll(async () => {
	l = await locals(s.db);
	item = await newItem(s.db, s.verkenner.actor, { title: 'Regionale jeugdhulp', summary: 'Inkoop via de Kempenaerstraat-methode.' });
	await captureVersion(s.db, s.verkenner.actor, { itemId: item }, testOrigin);
	// The sentence goes: only version 1 still holds it.
	await updateItemFields(
		s.db,
		s.verkenner.actor,
		{ itemId: item, revision: await revisionOf(item), summary: 'Inkoop samen met Holland Rijnland.' },
		testOrigin
	);
	({ id: meetingId } = await meetings.createMeeting(
		s.db,
		s.verkenner.actor,
		{
			title: 'Klankbordgroep over kustverdediging',
			date: '2026-03-10',
			startTime: '19:30',
			endTime: '21:30',
			location: 'Raadhuis Oegstgeest',
			onlineUrl: '',
			agenda: [{ itemId: item, plannedMinutes: 20 }],
			invitees: [s.kbLeiden.id]
		},
		testOrigin
	));
	await meetings.nameChair(s.db, s.verkenner.actor, { meetingId, chairUserId: s.verkenner.actor.userId }, testOrigin);
	await meetings.startLive(s.db, s.verkenner.actor, { meetingId }, testOrigin);
	minuteId = crypto.randomUUID();
	await meetings.writeMinute(
		s.db,
		s.verkenner.actor,
		{
			id: minuteId,
			meetingId,
			itemId: item,
			kind: 'actiepunt',
			body: 'Zandsuppleties navragen bij het hoogheemraadschap',
			ownerName: 'Kees Leiden',
			dueOn: '2026-04-01'
		},
		testOrigin
	);
	({ collaborationId, meetingId: boardMeetingId } = await arrangementWithMeeting(s));
	const note = (municipalityId: string, proposedInput: string) => ({
		boardMeetingId,
		municipalityId,
		revision: 0,
		agenda: 'Ontwerpbegroting',
		relevance: 'Bijdrage stijgt.',
		proposedInput
	});
	internalNote = (await register.saveCoverNote(s.db, s.adviseurLeiden.actor, note('leiden', 'Vraag om een taakstelling op de huisvestingslasten.'), testOrigin))
		.id;
	sharedNote = (
		await register.saveCoverNote(s.db, s.adviseurOegstgeest.actor, note('oegstgeest', 'Wij steunen de begroting met het kwijtscheldingsbeleid.'), testOrigin)
	).id;
	await register.shareCoverNote(s.db, s.adviseurOegstgeest.actor, { coverNoteId: sharedNote, shared: true }, testOrigin);
});

describe('sessions and minutes', () => {
	it('finds a session by a word of its title or place, and an action point by a word of it or its owner', async () => {
		expect(ids(await find(s.kbLeiden.actor, { q: 'kustverdediging' }), 'sessions')).toEqual([meetingId]);
		expect(ids(await find(s.kbLeiden.actor, { q: 'raadhuis oegstgeest' }), 'sessions')).toEqual([meetingId]);
		const r = await find(s.kbLeiden.actor, { q: 'zandsuppletie' });
		expect(hitsOf(r, 'minutes')).toEqual([expect.objectContaining({ id: minuteId, href: `/sessies/${meetingId}`, detail: 'actiepunt', itemId: item })]);
		expect(ids(await find(s.kbLeiden.actor, { q: 'hoogheemraadschap kees' }), 'minutes')).toEqual([minuteId]);
	});

	it('leaves a deleted minute out', async () => {
		const gone = crypto.randomUUID();
		await meetings.writeMinute(
			s.db,
			s.verkenner.actor,
			{ id: gone, meetingId, itemId: item, kind: 'besproken', body: 'Duinversterking besproken' },
			testOrigin
		);
		expect(ids(await find(s.kbLeiden.actor, { q: 'duinversterking' }), 'minutes')).toEqual([gone]);
		await meetings.deleteMinute(s.db, s.verkenner.actor, { meetingId, id: gone }, testOrigin);
		expect(ids(await find(s.kbLeiden.actor, { q: 'duinversterking' }), 'minutes')).toEqual([]);
	});
});

describe('earlier versions', () => {
	it("finds what only an earlier version says, linked to that version beside today's text", async () => {
		const r = await find(s.kbLeiden.actor, { q: 'kempenaerstraat' });
		expect(ids(r, 'items')).toEqual([]);
		expect(hitsOf(r, 'versions')).toEqual([expect.objectContaining({ itemId: item, detail: '1', href: `/agenda/${item}/versies?van=1&met=huidig` })]);
	});

	it('does not repeat an item whose current text matches as each of its versions', async () => {
		const r = await find(s.kbLeiden.actor, { q: 'jeugdhulp' });
		expect(ids(r, 'items')).toEqual([item]);
		expect(ids(r, 'versions')).toEqual([]);
	});
});

describe('the register', () => {
	it('finds an arrangement by its name', async () => {
		const r = await find(s.meelezer.actor, { q: 'servicepunt' });
		expect(hitsOf(r, 'arrangements')).toEqual([expect.objectContaining({ id: collaborationId, href: `/samenwerkingen/${collaborationId}` })]);
	});

	it("finds Leiden's internal cover note for Leiden's own people only, by any word of it", async () => {
		for (const q of ['taakstelling', 'huisvestingslasten', 'taakstelling huisvestingslasten']) {
			expect(ids(await find(s.adviseurLeiden.actor, { q }), 'covernotes'), q).toEqual([internalNote]);
			expect(ids(await find(s.kbLeiden.actor, { q }), 'covernotes'), q).toEqual([internalNote]);
			for (const outsider of [s.adviseurOegstgeest, l.adviseurLeiderdorp, l.raadLeiderdorp, s.meelezer, s.verkenner])
				expect(ids(await find(outsider.actor, { q }), 'covernotes'), `${outsider.name}: ${q}`).toEqual([]);
		}
		const own = hitsOf(await find(s.adviseurLeiden.actor, { q: 'taakstelling' }), 'covernotes')[0];
		expect(own).toMatchObject({ internal: true, municipalityId: 'leiden', href: `/samenwerkingen/${collaborationId}/vergaderingen/${boardMeetingId}` });
	});

	it("finds Oegstgeest's shared note for every reader of the register", async () => {
		for (const reader of [s.meelezer, l.raadLeiderdorp, s.adviseurLeiden])
			expect(hitsOf(await find(reader.actor, { q: 'kwijtscheldingsbeleid' }), 'covernotes')).toEqual([
				expect.objectContaining({ id: sharedNote, internal: false })
			]);
	});
});

describe('a word in very many texts', () => {
	it('ranks and counts the first 1,000 matches of a kind and says there are more', async () => {
		await s.db.execute(sql`
			insert into meeting_minutes (id, meeting_id, kind, body, created_by_name)
			select gen_random_uuid(), ${meetingId}, 'besproken', 'Stormvloedkering punt ' || i, 'Vera Verkenner' from generate_series(1, ${RANK_CAP + 5}) i`);
		const [group] = (await find(s.kbLeiden.actor, { q: 'stormvloedkering' })).groups.filter((g) => g.kind === 'minutes');
		expect([group.total, group.more, group.hits.length]).toEqual([RANK_CAP, true, 5]);
		// Every word is also a prefix: 1005 is the only number that starts so.
		const one = (await find(s.kbLeiden.actor, { q: 'stormvloedkering 1005' })).groups.find((g) => g.kind === 'minutes');
		expect([one?.total, one?.more]).toEqual([1, false]);
	});
});

describe('filters and kinds', () => {
	it('leaves out kinds that lack a filter given, and narrows to one kind', async () => {
		const r = await find(s.kbLeiden.actor, { q: 'ontwerpbegroting', status: 'concept' });
		expect(r.groups.map((g) => g.kind)).toEqual(['items', 'comments', 'versions']);
		const only = await find(s.kbLeiden.actor, { q: 'kustverdediging', soort: 'sessions' });
		expect(only.groups.map((g) => g.kind)).toEqual(['sessions']);
	});
});
