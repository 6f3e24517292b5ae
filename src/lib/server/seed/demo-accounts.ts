import type { Role } from '../../roles';
import { municipalitySeed } from './region';

/** The one demo password, printed in the README. */
export const DEMO_PASSWORD = 'Leidseregio-2027!';
export const DEMO_DOMAIN = 'demo.regioportaal.nl';

export interface DemoAccount {
	email: string;
	name: string;
	role: Role;
	municipalityId: string | null;
}

const surnames: Record<string, [string, string, string]> = {
	leiden: ['Anouk de Vries', 'Pieter van Dijk', 'Fatima el Amrani'],
	leiderdorp: ['Joost Bakker', 'Marloes Visser', 'Hans Smit'],
	oegstgeest: ['Ingrid Mulder', 'Ruben de Boer', 'Els Meijer'],
	voorschoten: ['Daan Jansen', 'Saskia de Graaf', 'Wim Bos'],
	zoeterwoude: ['Lotte Vos', 'Karel Peters', 'Noor Hendriks']
};

const municipalRoles = [
	['klankbord', 'klankbordgroeplid'],
	['college', 'collegelid'],
	['griffie', 'griffie']
] as const;

/** Each municipality's ambtelijk adviseur: keeps its part of the register (contributions, board members, cover notes, scores). */
const advisers: Record<string, string> = {
	leiden: 'Yusuf Kaya',
	leiderdorp: 'Annemiek Kok',
	oegstgeest: 'Thijs van Leeuwen',
	voorschoten: 'Mirjam Dekker',
	zoeterwoude: 'Bas Verbeek'
};

export const demoAccounts: DemoAccount[] = [
	{ email: `beheer@${DEMO_DOMAIN}`, name: 'Beheerder Regioportaal', role: 'administrator', municipalityId: null },
	{ email: `verkenner@${DEMO_DOMAIN}`, name: 'Maarten Verhoeven', role: 'verkenner', municipalityId: null },
	...municipalitySeed.flatMap((m) =>
		municipalRoles.map(([prefix, role], i) => ({
			email: `${prefix}.${m.id}@${DEMO_DOMAIN}`,
			name: surnames[m.id][i],
			role,
			municipalityId: m.id
		}))
	),
	...municipalitySeed.map((m) => ({
		email: `adviseur.${m.id}@${DEMO_DOMAIN}`,
		name: advisers[m.id],
		role: 'ambtelijkadviseur' as const,
		municipalityId: m.id
	})),
	{ email: `meelezer.leiden@${DEMO_DOMAIN}`, name: 'Sanne Kuipers', role: 'meelezer', municipalityId: 'leiden' }
];
