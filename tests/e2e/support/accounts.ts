/** The demo data, written out on purpose: the tests state what the seed must contain. */
export const DEMO_PASSWORD = 'Leidseregio-2027!';
const domain = 'demo.regioportaal.nl';

export const MUNICIPALITIES = ['Leiden', 'Leiderdorp', 'Oegstgeest', 'Voorschoten', 'Zoeterwoude'] as const;
const ids = MUNICIPALITIES.map((m) => m.toLowerCase());

export const AMBITIONS = [
	'Wonen en groen: ambities voor wonen en groen',
	'Regionale economie blijft werkgelegenheid en welvaart opstuwen',
	'Verbeteringen in infrastructuur houden ons duurzaam bereikbaar en veilig',
	'Als welvarende kennisregio lopen we voorop in duurzaamheid',
	'Onze woon- en leefomgeving helpt ons gezond en vitaal te blijven',
	'Iedereen telt mee en doet mee in onze samenleving',
	'Voorzieningen evolueren mee met de behoeften van inwoners in de regio'
] as const;

export const email = (local: string) => `${local}@${domain}`;

/** Roles that may work without a second factor: verkenner, klankbordgroepleden, griffies, ambtelijk adviseurs, meelezers. */
export const accountsWithoutTwoFactor: string[] = [
	email('verkenner'),
	...ids.map((m) => email(`klankbord.${m}`)),
	...ids.map((m) => email(`griffie.${m}`)),
	email('adviseur.leiden'),
	email('adviseur.voorschoten'),
	email('meelezer.leiden')
];

/** Roles that must set up TOTP before anything else: the administrator and the college members. */
export const accountsWithTwoFactor: string[] = [email('beheer'), ...ids.map((m) => email(`college.${m}`))];

/**
 * Refused from the test address by the rate-limit test (auth.test.ts); no other test logs in with it.
 * The other four college accounts cover the collegelid role.
 */
export const RATE_LIMIT_ACCOUNT = email('college.zoeterwoude');
