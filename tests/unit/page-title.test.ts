import { describe, expect, it } from 'vitest';
import { MAX_TITLE, pageTitle } from '../../src/lib/page-title';

describe('pageTitle', () => {
	it('joins the parts when they fit', () => {
		expect(pageTitle('Sessies', 'Regioportaal Leidse regio')).toBe('Sessies · Regioportaal Leidse regio');
	});

	it('leaves out the middle part first, then the portal name, to stay within 70 characters', () => {
		const item = 'Studenten- en expathuisvesting voor de Kennisstad';
		expect(pageTitle(item, 'Uitvoeringsagenda', 'Regioportaal Leidse regio')).toBe(item);
		const short = 'Fietsroutes';
		expect(pageTitle(short, 'Uitvoeringsagenda', 'Regioportaal Leidse regio')).toBe('Fietsroutes · Uitvoeringsagenda · Regioportaal Leidse regio');
		const middle = 'Een titel van veertig tekens lang ......';
		expect(pageTitle(middle, 'Uitvoeringsagenda', 'Regioportaal Leidse regio')).toBe(`${middle} · Regioportaal Leidse regio`);
	});

	it('shortens a first part that is too long on its own, ending in an ellipsis', () => {
		const t = pageTitle('x'.repeat(120), 'Uitvoeringsagenda', 'Regioportaal Leidse regio');
		expect(t.length).toBe(MAX_TITLE);
		expect(t.endsWith('…')).toBe(true);
	});
});
