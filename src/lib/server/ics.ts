import { createEvents, type EventAttributes } from 'ics';

/**
 * The portal's one iCalendar writer for published calendars (RFC 5545, METHOD:PUBLISH): the open-data
 * feed and the register's calendar of decision moments. Lines are folded by octets, and a calendar without
 * events is still a valid calendar (the ics package makes none).
 */
export function publishedCalendar(events: EventAttributes[], opts: { productId: string; calName: string }): string {
	if (events.length === 0) return emptyCalendar(opts.productId, opts.calName);
	const { error, value } = createEvents(events, { productId: opts.productId, method: 'PUBLISH', calName: opts.calName });
	if (error || !value) throw error ?? new Error('ics: no output');
	return refoldByOctets(value);
}

function emptyCalendar(productId: string, calName: string): string {
	return ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${productId}`, 'METHOD:PUBLISH', 'CALSCALE:GREGORIAN', `X-WR-CALNAME:${calName}`, 'END:VCALENDAR', ''].join(
		'\r\n'
	);
}

/** An ISO date as the ics package's all-day start: [year, month, day]. */
export const icsDate = (iso: string) => iso.split('-').map(Number) as [number, number, number];

/**
 * RFC 5545 §3.1: lines are folded at 75 octets, not characters. The ics package counts characters, so a
 * line with é or € could run past 75 bytes; unfold its output and fold again by UTF-8 length, never inside
 * a multi-byte character.
 */
export function refoldByOctets(ics: string): string {
	const lines = ics.replace(/\r\n[ \t]/g, '').split('\r\n');
	const last = lines.pop();
	return lines.map(foldLine).join('\r\n') + '\r\n' + (last ?? '');
}

function foldLine(line: string): string {
	const parts: string[] = [];
	let current = '';
	let bytes = 0;
	for (const ch of line) {
		const size = Buffer.byteLength(ch, 'utf8');
		// The first line holds 75 octets; continuation lines start with a space, leaving 74.
		const limit = parts.length === 0 ? 75 : 74;
		if (bytes + size > limit) {
			parts.push(current);
			current = '';
			bytes = 0;
		}
		current += ch;
		bytes += size;
	}
	parts.push(current);
	return parts.join('\r\n ');
}
