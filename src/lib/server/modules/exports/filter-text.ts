import { m } from '../../../paraglide/messages.js';
import type { ExportLocale } from './labels';

/** The filter a file was made with, for its description: the page's query parameters that were set. */
export function describeFilter(filter: Record<string, unknown>, locale: ExportLocale): string {
	const set = Object.entries(filter).filter(([, v]) => v !== null && v !== undefined && v !== '');
	if (!set.length) return m.exports_filter_none({}, { locale });
	return m.exports_filter_applied({ filter: set.map(([k, v]) => `${k}=${String(v)}`).join(', ') }, { locale });
}
