import { createEvent, type EventAttributes } from 'ics';
import { refoldByOctets } from '../../../ics';

export interface IcsInput {
	uid: string;
	title: string;
	/** ISO timestamps; written to the file in UTC, which every calendar converts to the reader's zone. */
	startsAt: string;
	endsAt: string;
	location: string;
	onlineUrl: string;
	description: string;
	url: string;
	/** Raise on every change, so calendars replace the earlier invitation instead of adding a second one. */
	sequence: number;
	organizer: { name: string; email: string } | null;
	attendees: { name: string; email: string }[];
	/**
	 * The iTIP method (RFC 5546): REQUEST invites (or updates the invitation of) the attendees and asks for a
	 * reply; CANCEL withdraws it, for every attendee named; PUBLISH is a file a person imports themselves, so it
	 * names no attendees and asks nothing.
	 */
	method: IcsMethod;
	/** Only for PUBLISH: the session was cancelled (CANCEL is always cancelled, REQUEST never). */
	cancelled?: boolean;
}

export type IcsMethod = 'PUBLISH' | 'REQUEST' | 'CANCEL';

const PRODUCT_ID = '-//Regioportaal Leidse regio//Klankbordgroep//NL';

/** An iCalendar event for one klankbordgroep session: an invitation (REQUEST), its withdrawal (CANCEL), or a file to import (PUBLISH). */
export function meetingInvitationIcs(input: IcsInput): string {
	const { error, value } = createEvent(eventAttributes(input));
	if (error || !value) throw error ?? new Error('ics: no output');
	return refoldByOctets(unquoteEnumerations(value));
}

function eventAttributes(input: IcsInput): EventAttributes {
	const cancelled = input.method === 'CANCEL' || (input.method === 'PUBLISH' && !!input.cancelled);
	return {
		productId: PRODUCT_ID,
		method: input.method,
		uid: input.uid,
		sequence: input.sequence,
		title: input.title,
		start: Date.parse(input.startsAt),
		startInputType: 'utc',
		startOutputType: 'utc',
		end: Date.parse(input.endsAt),
		endInputType: 'utc',
		endOutputType: 'utc',
		location: input.location || input.onlineUrl || undefined,
		description: description(input) || undefined,
		url: input.url || undefined,
		status: cancelled ? 'CANCELLED' : 'CONFIRMED',
		organizer: input.organizer ? { name: paramText(input.organizer.name), email: input.organizer.email } : undefined,
		// A published event has no attendees (RFC 5546 §3.2.1); a cancellation asks no reply.
		attendees:
			input.method === 'PUBLISH'
				? []
				: input.attendees.map((a) => ({
						name: paramText(a.name),
						email: a.email,
						...(input.method === 'REQUEST' ? { rsvp: true } : {}),
						partstat: 'NEEDS-ACTION',
						role: 'REQ-PARTICIPANT'
					}))
	};
}

/** Outlook shows neither URL nor a second location, so the online link and the portal link go in the text too. */
function description(input: IcsInput): string {
	const parts = [input.description.trim()];
	if (input.location && input.onlineUrl && !input.description.includes(input.onlineUrl)) parts.push(input.onlineUrl);
	if (input.url && !input.description.includes(input.url)) parts.push(input.url);
	return parts.filter(Boolean).join('\n\n');
}

/** A CN parameter is quoted and may not hold a double quote (RFC 5545 §3.1). */
function paramText(name: string): string {
	return name.replace(/"/g, "'").replace(/[\r\n]+/g, ' ');
}

/**
 * The ics package quotes every parameter value (ROLE="REQ-PARTICIPANT"). That is legal, but the enumerated
 * values are plain tokens everywhere else and some clients compare them literally; write them bare.
 */
function unquoteEnumerations(ics: string): string {
	return ics.replace(/\r\n[ \t]/g, '').replace(/;(ROLE|PARTSTAT|CUTYPE)="([A-Z-]+)"/g, ';$1=$2');
}
