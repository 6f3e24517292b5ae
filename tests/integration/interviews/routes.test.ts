import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { destroy, testDb, type TestDb } from '../../fixtures/db';
import { newUser, testOrigin, type NewUser } from '../../fixtures/factories';
import { POST as notesPost } from '../../../src/routes/(app)/inventarisatie/[id]/notities/+server';
import { actions } from '../../../src/routes/(app)/inventarisatie/[id]/+page.server';
import * as interviews from '../../../src/lib/server/modules/interviews';
import { doc, newInterview } from './helpers';

let t: TestDb;
let verkenner: NewUser, klankbord: NewUser;
let id: string, secret: string;

beforeAll(async () => {
	t = await testDb();
	verkenner = await newUser(t.db, [['verkenner', null]]);
	klankbord = await newUser(t.db, [['klankbordgroeplid', 'leiden']]);
	id = await newInterview(t.db, verkenner.actor);
	secret = await newInterview(t.db, verkenner.actor, { visibility: 'vertrouwelijk' });
});
afterAll(() => destroy(t));

const post = (who: NewUser, interviewId: string, body: string) =>
	notesPost({
		locals: { db: t.db, actor: who.actor, origin: testOrigin },
		params: { id: interviewId },
		request: new Request('http://localhost/x', { method: 'POST', body, headers: { 'content-type': 'application/json' } })
	} as never);

const formEvent = (who: NewUser, fields: [string, string][]) => {
	const body = new FormData();
	for (const [k, v] of fields) body.append(k, v);
	return {
		locals: { db: t.db, actor: who.actor, origin: testOrigin },
		params: { id },
		request: new Request('http://localhost/x', { method: 'POST', body })
	} as never;
};

describe('the notes endpoint of the editor', () => {
	it('saves, and answers a stale revision with 409, the Dutch message and the stored notes', async () => {
		const ok = await post(verkenner, id, JSON.stringify({ baseRevision: 0, doc: doc('Eerste versie') }));
		expect(ok.status).toBe(200);
		expect(await ok.json()).toMatchObject({ notesRevision: 1, changed: true });
		const stale = await post(verkenner, id, JSON.stringify({ baseRevision: 0, doc: doc('Andere versie') }));
		expect(stale.status).toBe(409);
		expect(await stale.json()).toEqual({
			code: 'interviews_notes_conflict',
			message: expect.stringMatching(/^Deze aantekeningen zijn intussen elders opgeslagen/),
			current: { html: '<p>Eerste versie</p>', text: 'Eerste versie', revision: 1, savedAt: expect.any(String) }
		});
	});

	it('refuses malformed JSON, oversized bodies, the klankbordgroep (403 whatever the interview) and unknown interviews (404)', async () => {
		expect((await post(verkenner, id, '{kapot')).status).toBe(400);
		expect((await post(verkenner, id, JSON.stringify({ baseRevision: 1, doc: 'x'.repeat(1_000_001) }))).status).toBe(413);
		expect((await post(klankbord, id, JSON.stringify({ baseRevision: 1, doc: doc('x') }))).status).toBe(403);
		const other = await post(verkenner, randomUUID(), JSON.stringify({ baseRevision: 0, doc: doc('x') }));
		expect(other.status).toBe(404);
		expect((await interviews.getInterview(t.db, verkenner.actor, secret)).interview.notesRevision).toBe(0);
	});
});

describe('the forms of the interview page', () => {
	it('a candidate without an ambition comes back with a Dutch field error and the typed values', async () => {
		const res = (await actions.candidate(
			formEvent(verkenner, [
				['id', randomUUID()],
				['title', 'Campus'],
				['ambitionId', ''],
				['horizon', 'voor_verkiezingen']
			])
		)) as any;
		expect(res.status).toBe(400);
		expect(res.data).toMatchObject({
			which: 'candidate',
			errors: { ambitionId: 'Kies de ambitie waar deze activiteit onder valt.' },
			values: { title: 'Campus' }
		});
		expect((await interviews.getInterview(t.db, verkenner.actor, id)).candidates).toHaveLength(0);
	});

	it('a captured candidate, then made into an agenda item, from the forms', async () => {
		const candidateId = randomUUID();
		const fields: [string, string][] = [
			['id', candidateId],
			['title', 'Campus'],
			['ambitionId', '2'],
			['horizon', 'na_verkiezingen'],
			['interested[]', 'leiden'],
			['interested[]', 'oegstgeest']
		];
		expect(await actions.candidate(formEvent(verkenner, fields))).toMatchObject({ which: 'candidate', done: true, candidateId });
		const promoted = (await actions.promote(formEvent(verkenner, [['candidateId', candidateId]]))) as any;
		expect(promoted).toMatchObject({ which: 'promote', done: true, candidateId, itemId: expect.any(String) });
		const again = (await actions.promote(formEvent(verkenner, [['candidateId', candidateId]]))) as any;
		expect(again.status).toBe(409);
		expect(again.data.message).toMatch(/staat al op de agenda/);
	});
});
