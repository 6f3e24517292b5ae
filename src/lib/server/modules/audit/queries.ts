import { and, count, desc, eq, gte, ilike, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../db';
import { auditEvents, users } from '../../db/schema';
import { authorize, type Actor } from '../../permissions';
import { auditFiltersSchema, auditResults, pageWindow, type AuditFilters } from '../../../validation/admin';
import { likePattern as like } from '../../db/like';
import { actionLabel, objectTypeLabel, resultLabel } from './labels';
import { auditActions, currentAction, storedNames } from './actions';

export const AUDIT_PAGE_SIZE = 50;
/** Dates in the filter are days as people in the region live them. */
const TIME_ZONE = 'Europe/Amsterdam';

export interface AuditRow {
	id: number;
	at: Date;
	actorLabel: string;
	actorEmail: string | null;
	action: string;
	actionLabel: string;
	objectType: string;
	objectTypeLabel: string;
	objectId: string | null;
	/** The user's name when the object is a user account. */
	objectName: string | null;
	result: string;
	resultLabel: string;
	ip: string | null;
}

export interface AuditPage {
	rows: AuditRow[];
	total: number;
	page: number;
	pageCount: number;
	filters: AuditFilters;
}

const actorUser = alias(users, 'actor_user');
const objectUser = alias(users, 'object_user');
/** Midnight in Amsterdam at the start of `day` plus `days` days. */
const dayStart = (day: string, days = 0) => sql`((${day}::date + ${days}::int)::timestamp at time zone ${TIME_ZONE})`;

function actorMatches(text: string): SQL | undefined {
	const pattern = like(text);
	return or(ilike(auditEvents.actorLabel, pattern), ilike(actorUser.email, pattern), ilike(actorUser.name, pattern));
}

/** An action's rows under whichever name they were stored (old rows keep the name they had). */
function actionMatches(action: string): SQL {
	const now = currentAction(action);
	return now ? inArray(auditEvents.action, storedNames(now)) : eq(auditEvents.action, action);
}

function conditions(f: AuditFilters): SQL | undefined {
	return and(
		f.actor ? actorMatches(f.actor) : undefined,
		f.action ? actionMatches(f.action) : undefined,
		f.objectType ? eq(auditEvents.objectType, f.objectType) : undefined,
		f.result ? eq(auditEvents.result, f.result) : undefined,
		f.from ? gte(auditEvents.at, dayStart(f.from)) : undefined,
		// "to" includes the whole day named
		f.to ? lt(auditEvents.at, dayStart(f.to, 1)) : undefined
	);
}

/** The audit trail, newest first, filtered and paged; reading it is itself a privilege. */
export async function listAuditEvents(q: Queryable, actor: Actor | null, filters: unknown): Promise<AuditPage> {
	authorize(actor, 'audit.read');
	const parsed = auditFiltersSchema.parse(filters);
	// a filter on an old name (a bookmark) is a filter on the name the action has now
	const f = parsed.action ? { ...parsed, action: currentAction(parsed.action) ?? parsed.action } : parsed;
	const where = conditions(f);
	const [{ total }] = await q.select({ total: count() }).from(auditEvents).leftJoin(actorUser, eq(actorUser.id, auditEvents.actorUserId)).where(where);
	const { page, pageCount, limit, offset } = pageWindow(total, f.page, AUDIT_PAGE_SIZE);
	const rows = await q
		.select({
			id: auditEvents.id,
			at: auditEvents.at,
			actorLabel: auditEvents.actorLabel,
			actorEmail: actorUser.email,
			action: auditEvents.action,
			objectType: auditEvents.objectType,
			objectId: auditEvents.objectId,
			objectName: objectUser.name,
			result: auditEvents.result,
			ip: auditEvents.ip
		})
		.from(auditEvents)
		.leftJoin(actorUser, eq(actorUser.id, auditEvents.actorUserId))
		// compared as text: object ids of other types need not be UUIDs
		.leftJoin(objectUser, and(eq(auditEvents.objectType, 'user'), eq(sql`${objectUser.id}::text`, auditEvents.objectId)))
		.where(where)
		.orderBy(desc(auditEvents.at), desc(auditEvents.id))
		.limit(limit)
		.offset(offset);
	return {
		rows: rows.map((r) => ({
			...r,
			actionLabel: actionLabel(r.action),
			objectTypeLabel: objectTypeLabel(r.objectType),
			resultLabel: resultLabel(r.result)
		})),
		total,
		page,
		pageCount,
		filters: { ...f, page }
	};
}

export interface Choice {
	key: string;
	label: string;
}

export interface AuditFilterChoices {
	actions: Choice[];
	objectTypes: Choice[];
	results: Choice[];
}

const byLabel = (a: Choice, b: Choice) => a.label.localeCompare(b.label);

/**
 * What the filters offer: every action by its current name (its old names are matched along with it) and
 * every object type present in the trail, plus the action currently filtered on should it be no known one.
 */
export async function auditFilterChoices(q: Queryable, actor: Actor | null, current: AuditFilters): Promise<AuditFilterChoices> {
	authorize(actor, 'audit.read');
	const types = await q.selectDistinct({ type: auditEvents.objectType }).from(auditEvents);
	const actions = new Set<string>([...auditActions, ...(current.action ? [currentAction(current.action) ?? current.action] : [])]);
	return {
		actions: [...actions].map((key) => ({ key, label: actionLabel(key) })).sort(byLabel),
		objectTypes: types.map(({ type }) => ({ key: type, label: objectTypeLabel(type) })).sort(byLabel),
		results: auditResults.map((key) => ({ key, label: resultLabel(key) }))
	};
}
