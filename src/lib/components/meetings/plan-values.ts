/** What the planning form edits (times as Dutch local wall-clock time). */
export interface PlanValues {
	title: string;
	date: string;
	startTime: string;
	endTime: string;
	location: string;
	onlineUrl: string;
	entries: { itemId: string; minutes: string }[];
	invitees: string[];
}
