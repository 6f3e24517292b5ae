import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../src/lib/server/db';
import { auditEvents, collaborations } from '../../../src/lib/server/db/schema';
import { subscribe, type DomainEvents } from '../../../src/lib/server/bus';
import * as register from '../../../src/lib/server/modules/register';
import { newUser, testOrigin, type NewUser } from '../../fixtures/factories';
import { destroy, testDb, type TestDb } from '../../fixtures/db';

export interface Cast {
	verkenner: NewUser;
	admin: NewUser;
	adviseurLeiden: NewUser;
	adviseurOegstgeest: NewUser;
	kbLeiden: NewUser;
	collegeLeiden: NewUser;
	griffieLeiden: NewUser;
	meelezer: NewUser;
}

/** The people of the register: who keeps the regional data, the municipalities' officials, and readers. */
export async function cast(db: Db): Promise<Cast> {
	return {
		verkenner: await newUser(db, [['verkenner', null]], { name: 'Vera Verkenner' }),
		admin: await newUser(db, [['administrator', null]], { name: 'Bram Beheer' }),
		adviseurLeiden: await newUser(db, [['ambtelijkadviseur', 'leiden']], { name: 'Anne Adviseur' }),
		adviseurOegstgeest: await newUser(db, [['ambtelijkadviseur', 'oegstgeest']], { name: 'Otto Adviseur' }),
		kbLeiden: await newUser(db, [['klankbordgroeplid', 'leiden']], { name: 'Kees Leiden' }),
		collegeLeiden: await newUser(db, [['collegelid', 'leiden']], { name: 'Carla College' }),
		griffieLeiden: await newUser(db, [['griffie', 'leiden']], { name: 'Gert Griffie' }),
		meelezer: await newUser(db, [['meelezer', 'voorschoten']], { name: 'Mia Meelezer' })
	};
}

/** Servicepunt71 as the create form sends it: a GR (bedrijfsvoeringsorganisatie) without Voorschoten. */
export function servicepunt(extra: Record<string, unknown> = {}) {
	return {
		name: 'Servicepunt71',
		kind: 'gr',
		legalForm: 'bedrijfsvoeringsorganisatie',
		steering: 'bedrijfsvoering',
		domain: 'Bedrijfsvoering',
		ambitionIds: [7],
		leadMunicipalityId: 'leiden',
		startsOn: '2012-01-01',
		endsOn: null,
		noticeTerm: 2,
		noticeUnit: 'jaren',
		documents: [{ title: 'Regeling Servicepunt71', url: 'https://example.org/regeling.pdf' }],
		...extra
	};
}

/** The four municipalities of Servicepunt71, with exit costs and notice terms. */
export const servicepuntParticipants = {
	municipalities: [
		{ municipalityId: 'leiden', exitCostCents: 250_000_00, noticeTerm: 2, noticeUnit: 'jaren' },
		{ municipalityId: 'leiderdorp', exitCostCents: 80_000_00, noticeTerm: 2, noticeUnit: 'jaren' },
		{ municipalityId: 'oegstgeest', exitCostCents: 75_000_00, noticeTerm: 24, noticeUnit: 'maanden' },
		{ municipalityId: 'zoeterwoude', exitCostCents: null, noticeTerm: null, noticeUnit: null }
	],
	outside: []
};

export async function countCollaborations(db: Db): Promise<number> {
	return (await db.select().from(collaborations)).length;
}

export async function registerAudit(db: Db, collaborationId: string) {
	return db
		.select()
		.from(auditEvents)
		.where(and(eq(auditEvents.objectType, 'collaboration'), eq(auditEvents.objectId, collaborationId)))
		.orderBy(auditEvents.id);
}

/** A test file's database with the cast, and the register's events of the running test as the bus published them (after commit). */
export type Suite = Cast & { db: Db; events: DomainEvents['collaboration.changed'][] };

/** Sets up a fresh database with the cast for the file, and records the events of each test. */
export function registerSuite(): Suite {
	const s = { events: [] } as unknown as Suite;
	let handle: TestDb;
	let stop = () => {};
	beforeAll(async () => {
		handle = await testDb();
		Object.assign(s, { db: handle.db }, await cast(handle.db));
	});
	afterAll(() => destroy(handle));
	beforeEach(() => {
		s.events.length = 0;
		stop = subscribe('collaboration.changed', 'register-test', (data) => void s.events.push(data));
	});
	afterEach(() => stop());
	return s;
}

/** An arrangement registered by the verkenner with its participants: one of the five, and outside parties. */
export async function arrangementWith(s: Suite, fields: Record<string, unknown>, municipalityId: string, outside: string[]): Promise<string> {
	const { id } = await register.createCollaboration(s.db, s.verkenner.actor, servicepunt(fields), testOrigin);
	await register.setParticipants(s.db, s.verkenner.actor, { collaborationId: id, municipalities: [{ municipalityId }], outside }, testOrigin);
	return id;
}

/** Servicepunt71 registered by the verkenner with its four participants; the events of setting it up are cleared. */
export async function servicepuntArrangement(s: Suite): Promise<string> {
	const { id } = await register.createCollaboration(s.db, s.verkenner.actor, servicepunt(), testOrigin);
	await register.setParticipants(s.db, s.verkenner.actor, { collaborationId: id, ...servicepuntParticipants }, testOrigin);
	s.events.length = 0;
	return id;
}
