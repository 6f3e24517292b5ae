import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../../db';
import { agendaItems, auditEvents } from '../../db/schema';
import { authorize, type Actor } from '../../permissions';
import { legacyActions, storedNames, type AuditAction } from '../audit';
import { visibleItemsWhere } from '../agenda-items';

/** The acts on an item the start page's recent activity tells of. */
const activityActions = [
	'item.created',
	'item.status_changed',
	'position.set',
	'signoff.recorded',
	'council_decision.recorded',
	'item.progress_reported'
] as const satisfies readonly AuditAction[];
export type ActivityAction = (typeof activityActions)[number];

/** A stored action under its current name (old rows keep the name they were written with). */
const currentActivity = (stored: string) => ((legacyActions as Record<string, string>)[stored] ?? stored) as ActivityAction;

/** How many entries the start page shows. */
export const ACTIVITY_SHOWN = 12;

/** Something that happened to an item, as the start page tells it. */
export interface ActivityEntry {
	id: number;
	at: Date;
	action: ActivityAction;
	itemId: string;
	itemTitle: string;
	/** Who did it, with the name they had then (`systeem` for what the portal did itself). */
	actorName: string;
	/** The municipality a position, college or council decision is of. */
	municipalityId: string | null;
	/** The new status, position, college decision (`withdrawn` for a withdrawal), council outcome or percentage. */
	value: string | null;
	/** For a status change: the status before. */
	from: string | null;
}

/**
 * The newest things that happened to the items the actor may see: new items, status changes, positions,
 * college and council decisions, progress. From the audit trail (successful acts only; its details are
 * narrowed to the values above, so no reason or condition text leaves it). One query.
 */
export async function recentActivity(q: Queryable, actor: Actor | null, limit = ACTIVITY_SHOWN): Promise<ActivityEntry[]> {
	authorize(actor, 'item.read');
	const rows = await q
		.select({
			id: auditEvents.id,
			at: auditEvents.at,
			action: auditEvents.action,
			actorName: auditEvents.actorLabel,
			details: auditEvents.details,
			itemId: agendaItems.id,
			itemTitle: agendaItems.title
		})
		.from(auditEvents)
		.innerJoin(agendaItems, sql`${agendaItems.id}::text = ${auditEvents.objectId}`)
		.where(
			and(
				visibleItemsWhere(actor),
				eq(auditEvents.objectType, 'agenda_item'),
				eq(auditEvents.result, 'success'),
				inArray(auditEvents.action, activityActions.flatMap(storedNames))
			)
		)
		.orderBy(desc(auditEvents.at), desc(auditEvents.id))
		.limit(limit);
	return rows.map(({ details, action, ...r }) => ({ ...r, action: currentActivity(action), ...valuesOf(currentActivity(action), details) }));
}

const text = (v: unknown): string | null => (typeof v === 'string' || typeof v === 'number' ? String(v) : null);

function valuesOf(action: ActivityAction, d: Record<string, unknown>): Pick<ActivityEntry, 'municipalityId' | 'value' | 'from'> {
	const municipalityId = text(d.municipalityId);
	switch (action) {
		case 'item.created':
			return { municipalityId: null, value: null, from: null };
		case 'item.status_changed':
			return { municipalityId: null, value: text(d.to), from: text(d.from) };
		case 'position.set':
			return { municipalityId, value: text(d.to), from: null };
		case 'signoff.recorded':
			return { municipalityId, value: d.withdrawn === true ? 'withdrawn' : text(d.decision), from: null };
		case 'council_decision.recorded':
			return { municipalityId, value: text(d.outcome), from: null };
		case 'item.progress_reported':
			return { municipalityId: null, value: text(d.percent), from: null };
	}
}
