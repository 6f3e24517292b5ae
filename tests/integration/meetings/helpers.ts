import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../src/lib/server/db';
import { auditEvents, meetings as meetingsTable } from '../../../src/lib/server/db/schema';
import * as meetings from '../../../src/lib/server/modules/meetings';
import type { Actor } from '../../../src/lib/server/permissions';
import { newUser, testOrigin, type NewUser } from '../../fixtures/factories';
import { newItem } from '../agenda/helpers';

export interface Cast {
	verkenner: NewUser;
	kbLeiden: NewUser;
	kbOegstgeest: NewUser;
	collegeLeiden: NewUser;
	griffie: NewUser;
	items: string[];
}

/** The people of a session and three items on the uitvoeringsagenda. */
export async function cast(db: Db): Promise<Cast> {
	const verkenner = await newUser(db, [['verkenner', null]], { name: 'Vera Verkenner' });
	const kbLeiden = await newUser(db, [['klankbordgroeplid', 'leiden']], { name: 'Kees Leiden' });
	const kbOegstgeest = await newUser(db, [['klankbordgroeplid', 'oegstgeest']], { name: 'Olga Oegstgeest' });
	const collegeLeiden = await newUser(db, [['collegelid', 'leiden']], { name: 'Carla College' });
	const griffie = await newUser(db, [['griffie', 'leiden']]);
	const items = [
		await newItem(db, verkenner.actor, { title: 'Woningbouw versnellen' }),
		await newItem(db, verkenner.actor, { title: 'Energietransitie ruimte', ambitionId: 4 }),
		await newItem(db, verkenner.actor, { title: 'Jeugdhulp inkopen', ambitionId: 6 })
	];
	return { verkenner, kbLeiden, kbOegstgeest, collegeLeiden, griffie, items };
}

/** A plan as the form sends it (10 March 2026, 19:30-21:30 Amsterdam time). */
export function planInput(c: Cast, extra: Record<string, unknown> = {}) {
	return {
		title: 'Klankbordgroep maart',
		date: '2026-03-10',
		startTime: '19:30',
		endTime: '21:30',
		location: 'Stadhuis Leiden, Burgerzaal',
		onlineUrl: '',
		agenda: c.items.map((itemId, i) => ({ itemId, plannedMinutes: 10 + i * 5 })),
		invitees: [c.kbLeiden.id, c.kbOegstgeest.id, c.collegeLeiden.id],
		...extra
	};
}

/** A planned session with the verkenner as chair. */
export async function plannedMeeting(db: Db, c: Cast, chair: Actor | null = null): Promise<string> {
	const { id } = await meetings.createMeeting(db, c.verkenner.actor, planInput(c), testOrigin);
	await meetings.nameChair(db, c.verkenner.actor, { meetingId: id, chairUserId: (chair ?? c.verkenner.actor).userId }, testOrigin);
	return id;
}

/** A live session (started by its chair). */
export async function liveMeeting(db: Db, c: Cast, chair: Actor | null = null) {
	const id = await plannedMeeting(db, c, chair);
	const state = await meetings.startLive(db, chair ?? c.verkenner.actor, { meetingId: id }, testOrigin);
	return { id, state };
}

/** Pretends the current entry's timer started `seconds` ago. */
export async function rewindTimer(db: Db, meetingId: string, seconds: number): Promise<void> {
	await db
		.update(meetingsTable)
		.set({ currentStartedAt: new Date(Date.now() - seconds * 1000) })
		.where(eq(meetingsTable.id, meetingId));
}

export async function meetingAudit(db: Db, meetingId: string) {
	return db
		.select()
		.from(auditEvents)
		.where(and(eq(auditEvents.objectType, 'meeting'), eq(auditEvents.objectId, meetingId)))
		.orderBy(auditEvents.id);
}
