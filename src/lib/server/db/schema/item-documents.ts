import { sql } from 'drizzle-orm';
import { bigserial, check, customType, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { agendaItems } from './agenda-items';
import { users } from './users';
import type { RichTextField } from '../../../validation/collab';

/**
 * PostgreSQL `bytea` as a Uint8Array on both drivers: PGlite hands out Uint8Array, postgres.js a Buffer
 * (a Uint8Array subclass), and either may show the text form `\x…` when a value is cast in SQL.
 */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array | string }>({
	dataType: () => 'bytea',
	toDriver: (value) => value,
	fromDriver: (value) => {
		if (typeof value === 'string') {
			const hex = value.startsWith('\\x') ? value.slice(2) : value;
			return Uint8Array.from(Buffer.from(hex, 'hex'));
		}
		// A plain Uint8Array view, so callers never depend on Buffer's extra behaviour.
		return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
	}
});

/**
 * The Yjs updates of one rich-text field of an item (its own two, or a scenario's description: `scenario:<id>`), appended in order (`id`) and now and then merged into
 * one row by compaction. Replaying all rows of (item, field) in any order gives the document.
 * `userId` is who sent the update; null for a compacted row (its contributors are in the audit trail).
 */
export const itemDocumentUpdates = pgTable(
	'item_document_updates',
	{
		id: bigserial({ mode: 'number' }).primaryKey(),
		itemId: uuid()
			.notNull()
			.references(() => agendaItems.id, { onDelete: 'cascade' }),
		field: text().$type<RichTextField>().notNull(),
		update: bytea().notNull(),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		userId: uuid().references(() => users.id, { onDelete: 'set null' })
	},
	(t) => [
		index('item_document_updates_doc').on(t.itemId, t.field, t.id),
		check('item_document_updates_field_known', sql`${t.field} in ('description','meerwaarde') or ${t.field} ~ '^scenario:[0-9a-f-]{36}$'`)
	]
);
