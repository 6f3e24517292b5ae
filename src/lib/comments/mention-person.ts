/** A person who can be mentioned, with where they sit: what tells two people of the same name apart. */
export interface MentionPerson {
	id: string;
	name: string;
	/** Each role with its municipality's name (null for a regional role such as the verkenner). */
	roles?: { role: string; municipality: string | null }[];
}

/**
 * The line for a person in the mention list: "Anouk de Vries — Leiden, klankbordgroeplid"; several roles
 * are separated by a semicolon. `roleLabel` names a role (the caller's language).
 */
export function mentionPersonLabel(p: MentionPerson, roleLabel: (role: string) => string): string {
	const seats = (p.roles ?? []).map((r) => {
		const role = roleLabel(r.role).toLocaleLowerCase();
		return r.municipality ? `${r.municipality}, ${role}` : role;
	});
	return seats.length ? `${p.name} — ${seats.join('; ')}` : p.name;
}
