import type { MeetingStatus } from './constants';

// What the pages show of sessions: shared by the server's queries and the browser's components.

export interface MeetingSummary {
	id: string;
	title: string;
	startsAt: Date;
	endsAt: Date;
	location: string;
	onlineUrl: string;
	status: MeetingStatus;
	entries: number;
	chairName: string | null;
}
