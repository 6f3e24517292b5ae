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

/** A klankbordgroep session is for the klankbordgroep: a new one invites its members until the verkenner changes that. */
export function defaultInvitees(people: { id: string; roles: { role: string }[] }[]): string[] {
	return people.filter((p) => p.roles.some((r) => r.role === 'klankbordgroeplid')).map((p) => p.id);
}
