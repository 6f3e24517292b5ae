import { describe, expect, it } from 'vitest';
import { pageTitle, TITLE_MAX } from '../../src/lib/page-title';

describe('page titles', () => {
	it('a short title keeps every part', () => {
		expect(pageTitle('Sessies')).toBe('Sessies · Regioportaal Leidse regio');
		expect(pageTitle('Woningbouw', 'Uitvoeringsagenda')).toBe('Woningbouw · Uitvoeringsagenda · Regioportaal Leidse regio');
	});
	it('a long one stays under 70 characters: first the context goes, then the name is shortened; the portal name stays', () => {
		const item = 'Versnelling woningbouw in de Leidse regio';
		const t = pageTitle(item, 'Uitvoeringsagenda');
		expect(t).toBe(`${item} · Regioportaal Leidse regio`);
		const long = pageTitle('Regionale aanpak van de energietransitie met ruimte voor zon, wind en warmtenetten', 'Uitvoeringsagenda');
		expect(long.length).toBeLessThanOrEqual(TITLE_MAX);
		expect(long).toMatch(/^Regionale aanpak van de energietransitie.*… · Regioportaal Leidse regio$/);
	});
});
