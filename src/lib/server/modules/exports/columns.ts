import { m } from '../../../paraglide/messages.js';
import type { ExportLocale } from './labels';
import type { Column } from './sheet';

/** The columns every export starts with: the item's id, title, ambition and status. */
export function itemColumns(locale: ExportLocale): Column[] {
	const opt = { locale };
	return [
		{ header: m.exports_col_id({}, opt), kind: 'text', width: 38 },
		{ header: m.exports_col_title({}, opt), kind: 'text', width: 48 },
		{ header: m.exports_col_ambition({}, opt), kind: 'text', width: 28 },
		{ header: m.exports_col_status({}, opt), kind: 'text', width: 24 }
	];
}

/** The last column: the link to the item's page. */
export function linkColumn(locale: ExportLocale): Column {
	return { header: m.exports_col_link({}, { locale }), kind: 'link', width: 60 };
}

/** The absolute address of an item's page. */
export const itemLink = (origin: string, itemId: string) => `${origin}/agenda/${itemId}`;
