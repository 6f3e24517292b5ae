/**
 * What the signed-in pages need to show and change what is public: the item's `publicSince` and whether the
 * reader may publish it (`itemPermissions().publish`), whether each position is shared (the item page's table
 * and the matrix).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { destroy, testDb, type TestDb } from '../../fixtures/db';
import { newUser, testOrigin, type NewUser } from '../../fixtures/factories';
import { getItem, itemPermissions, setItemPublic } from '../../../src/lib/server/modules/agenda-items';
import { getItemDecisions, positionMatrix, setPosition } from '../../../src/lib/server/modules/decisions';
import { itemWith } from '../decisions/helpers';

let t: TestDb;
let verkenner: NewUser;
let klankbordLeiden: NewUser;
let klankbordOegstgeest: NewUser;
let itemId: string;

beforeAll(async () => {
	t = await testDb();
	verkenner = await newUser(t.db, [['verkenner', null]]);
	klankbordLeiden = await newUser(t.db, [['klankbordgroeplid', 'leiden']]);
	klankbordOegstgeest = await newUser(t.db, [['klankbordgroeplid', 'oegstgeest']]);
	itemId = await itemWith(t.db, verkenner.actor, ['leiden', 'oegstgeest']);
}, 60_000);
afterAll(() => destroy(t));

describe('the item page: Openbaarheid', () => {
	it('reads publicSince: null until the verkenner makes the item public, the moment after, null again when taken back', async () => {
		expect((await getItem(t.db, verkenner.actor, itemId)).item.publicSince).toBeNull();
		const before = Date.now();
		await setItemPublic(t.db, verkenner.actor, { itemId, public: 'true' }, testOrigin);
		const since = (await getItem(t.db, klankbordLeiden.actor, itemId)).item.publicSince;
		expect(since).toBeInstanceOf(Date);
		expect(since!.getTime()).toBeGreaterThanOrEqual(before - 1000);
		await setItemPublic(t.db, verkenner.actor, { itemId, public: 'false' }, testOrigin);
		expect((await getItem(t.db, verkenner.actor, itemId)).item.publicSince).toBeNull();
	});

	it('offers publishing to the verkenner only', () => {
		expect(itemPermissions(verkenner.actor, 'concept').publish).toBe(true);
		expect(itemPermissions(klankbordLeiden.actor, 'concept').publish).toBe(false);
		expect(itemPermissions(null, 'concept').publish).toBe(false);
	});
});

describe('shared positions', () => {
	it('the item page and the matrix say which municipality shares its position, and follow a change', async () => {
		await setPosition(t.db, klankbordLeiden.actor, { itemId, municipalityId: 'leiden', position: 'steunt', sharedPublicly: 'on' }, testOrigin);
		await setPosition(t.db, klankbordOegstgeest.actor, { itemId, municipalityId: 'oegstgeest', position: 'neutraal' }, testOrigin);
		const shared = async () => {
			const d = await getItemDecisions(t.db, verkenner.actor, itemId);
			const row = (await positionMatrix(t.db, verkenner.actor)).groups.flatMap((g) => g.items).find((r) => r.id === itemId)!;
			return { page: Object.fromEntries(d.positions.map((p) => [p.municipalityId, p.sharedPublicly])), matrix: row.shared };
		};
		expect(await shared()).toEqual({ page: { leiden: true, oegstgeest: false }, matrix: ['leiden'] });
		// The form sends no checkbox when it is unticked: the position is no longer shared.
		await setPosition(t.db, klankbordLeiden.actor, { itemId, municipalityId: 'leiden', position: 'steunt' }, testOrigin);
		expect(await shared()).toEqual({ page: { leiden: false, oegstgeest: false }, matrix: [] });
	});
});
