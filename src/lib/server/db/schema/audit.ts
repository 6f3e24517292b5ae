import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Append-only: a trigger (migration 0001) refuses UPDATE, DELETE and TRUNCATE. */
export const auditEvents = pgTable(
	'audit_events',
	{
		id: bigserial({ mode: 'number' }).primaryKey(),
		at: timestamp({ withTimezone: true }).notNull().defaultNow(),
		actorUserId: uuid(),
		actorLabel: text().notNull(),
		action: text().notNull(),
		objectType: text().notNull(),
		objectId: text(),
		result: text().notNull(),
		ip: text(),
		userAgent: text(),
		details: jsonb().$type<Record<string, unknown>>().notNull().default({})
	},
	(t) => [index('audit_events_at').on(t.at), index('audit_events_actor').on(t.actorUserId), index('audit_events_object').on(t.objectType, t.objectId)]
);
