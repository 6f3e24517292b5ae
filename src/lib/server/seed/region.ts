/** The five municipalities, inhabitants rounded (they drive the cost split; administrators keep them current). */
export const municipalitySeed = [
	{ id: 'leiden', name: 'Leiden', inhabitants: 128_000, sortOrder: 1 },
	{ id: 'leiderdorp', name: 'Leiderdorp', inhabitants: 28_000, sortOrder: 2 },
	{ id: 'oegstgeest', name: 'Oegstgeest', inhabitants: 26_000, sortOrder: 3 },
	{ id: 'voorschoten', name: 'Voorschoten', inhabitants: 26_000, sortOrder: 4 },
	{ id: 'zoeterwoude', name: 'Zoeterwoude', inhabitants: 9_000, sortOrder: 5 }
];

/** The seven ambitions of the Toekomstvisie Leidse regio 2027, as the councils adopted them. */
export const ambitionSeed = [
	{ id: 1, shortTitle: 'Wonen en groen', title: 'Wonen en groen: ambities voor wonen en groen' },
	{ id: 2, shortTitle: 'Regionale economie', title: 'Regionale economie blijft werkgelegenheid en welvaart opstuwen' },
	{ id: 3, shortTitle: 'Bereikbaarheid', title: 'Verbeteringen in infrastructuur houden ons duurzaam bereikbaar en veilig' },
	{ id: 4, shortTitle: 'Duurzaamheid', title: 'Als welvarende kennisregio lopen we voorop in duurzaamheid' },
	{ id: 5, shortTitle: 'Gezond en vitaal', title: 'Onze woon- en leefomgeving helpt ons gezond en vitaal te blijven' },
	{ id: 6, shortTitle: 'Iedereen doet mee', title: 'Iedereen telt mee en doet mee in onze samenleving' },
	{ id: 7, shortTitle: 'Voorzieningen', title: 'Voorzieningen evolueren mee met de behoeften van inwoners in de regio' }
];
