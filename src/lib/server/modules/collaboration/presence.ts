import { eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../db';
import { municipalities, users } from '../../db/schema';
import type { Actor } from '../../permissions';
import { loadGrants } from '../users';
import type { PresenceUser } from '../../../validation/collab';

/** Caret colours, each dark enough for white label text (WCAG AA); names and municipalities are always shown as text too. */
const palette = ['#1d4ed8', '#9a3412', '#166534', '#7e22ce', '#b91c1c', '#0f766e', '#a16207', '#be185d', '#374151', '#4338ca'];

export function colorFor(userId: string): string {
	let h = 0;
	for (const ch of userId) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
	return palette[h % palette.length];
}

export interface Collaborator {
	actor: Actor;
	user: PresenceUser;
}

/** The acting user with their grants, and how others see them in a document (name, municipality, colour). */
export async function loadCollaborator(q: Queryable, userId: string): Promise<Collaborator | null> {
	const [row] = await q.select({ name: users.name, disabledAt: users.disabledAt }).from(users).where(eq(users.id, userId));
	if (!row || row.disabledAt) return null;
	const grants = await loadGrants(q, userId);
	const ids = [...new Set(grants.map((g) => g.municipalityId).filter((id): id is string => !!id))];
	const names = ids.length
		? await q.select({ name: municipalities.name }).from(municipalities).where(inArray(municipalities.id, ids)).orderBy(municipalities.sortOrder)
		: [];
	return {
		actor: { userId, name: row.name, grants },
		user: {
			userId,
			name: row.name,
			municipality: names.length ? names.map((n) => n.name).join(', ') : null,
			color: colorFor(userId)
		}
	};
}
