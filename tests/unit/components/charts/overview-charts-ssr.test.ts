import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import StackedBarChart from '../../../../src/lib/components/charts/StackedBarChart.svelte';
import HeatMap from '../../../../src/lib/components/charts/HeatMap.svelte';
import GroupedBarChart from '../../../../src/lib/components/charts/GroupedBarChart.svelte';

/** The data table's body cells, in order, as text. */
function cells(html: string): string[] {
	const body = html.slice(html.indexOf('<tbody'));
	return [...body.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((m) => m[1].replace(/<[^>]+>/g, '').trim());
}

describe('the overview’s charts render on the server', () => {
	it('a stacked bar chart: a segment per non-empty value laid end to end, patterns and a legend, labels, and the table with totals', () => {
		const { body } = render(StackedBarChart, {
			props: {
				caption: 'Agendapunten per ambitie en status',
				groups: [
					{ label: '1. Wonen', values: { concept: 2, in_bespreking: 3 } },
					{ label: '2. Werken', values: { concept: 0, in_bespreking: 1 } }
				],
				series: [
					{ key: 'concept', label: 'Concept' },
					{ key: 'in_bespreking', label: 'In bespreking' }
				],
				groupHeader: 'Ambitie',
				totalHeader: 'Totaal'
			}
		});
		expect(body).toMatch(/<div class="chart-graphic[^"]*" aria-hidden="true">/);
		const bars = [...body.matchAll(/<rect[^>]*lc-bars-bar[^>]*>/g)].map((m) => m[0]);
		const attr = (bar: string, name: string) => Number(bar.match(new RegExp(` ${name}="([^"]+)"`))?.[1]);
		// The first ambition's two segments meet: the second starts where the first ends, 2 : 3 of the width.
		const [concept, , bespreking] = bars;
		expect(attr(bespreking, 'x')).toBeCloseTo(attr(concept, 'x') + attr(concept, 'width'));
		expect(attr(concept, 'width') / attr(bespreking, 'width')).toBeCloseTo(2 / 3);
		expect(body).toMatch(/<pattern id="[^"]+-hatch"/);
		expect(body).toContain('class="chart-legend');
		// A label in each non-empty segment and a total at each bar's end.
		expect([...body.matchAll(/class="lc-text-tspan">(\d+)</g)].map((m) => m[1])).toEqual(expect.arrayContaining(['2', '3', '5', '1']));
		expect(cells(body)).toEqual(['1. Wonen', '2', '3', '5', '2. Werken', '0', '1', '1']);
	});

	it('a heat map: a table with a header per column, a row per item under its group, a tone, a symbol and its words per cell, and a legend', () => {
		const { body } = render(HeatMap, {
			props: {
				caption: 'Standpunten',
				rowHeader: 'Agendapunt',
				columns: [
					{ key: 'leiden', label: 'Leiden' },
					{ key: 'oegstgeest', label: 'Oegstgeest' }
				],
				groups: [
					{
						label: '1. Wonen',
						rows: [
							{
								key: 'a',
								label: 'Woningbouw',
								href: '/agenda/a',
								note: 'In bespreking',
								cells: {
									leiden: { tone: 'positive', symbol: '✔', label: 'Steunt' },
									oegstgeest: { tone: 'negative', symbol: '✖', label: 'Bezwaar' }
								}
							}
						]
					}
				],
				legend: [
					{ tone: 'positive', symbol: '✔', label: 'Steunt' },
					{ tone: 'negative', symbol: '✖', label: 'Bezwaar' }
				],
				legendLabel: 'Legenda'
			}
		});
		expect(body).toMatch(/<th scope="col"[^>]*>Leiden<\/th>/);
		expect(body).toMatch(/<th scope="rowgroup" colspan="3"[^>]*>1\. Wonen<\/th>/);
		expect(body).toMatch(/<th scope="row"[^>]*>(<!--[^>]*-->)*<a href="\/agenda\/a">Woningbouw<\/a>/);
		expect(body).toMatch(
			/<td class="heat tone-positive[^"]*" title="Steunt"><span class="symbol[^"]*" aria-hidden="true">✔<\/span><span class="visually-hidden[^"]*">Steunt<\/span><\/td>/
		);
		expect(body).toMatch(/tone-negative[^>]*>.*?✖/);
		expect(body).toMatch(/class="legend[^"]*" aria-hidden="true"/);
	});

	it('a grouped bar chart writes its axis and bar labels short when asked, its table in full, and makes room for the labels', () => {
		const { body } = render(GroupedBarChart, {
			props: {
				caption: 'Kosten',
				groups: [{ label: 'Leiden', values: { adopted: 1_234_567, planned: 0 } }],
				series: [
					{ key: 'adopted', label: 'Vastgesteld' },
					{ key: 'planned', label: 'In voorbereiding' }
				],
				groupHeader: 'Gemeente',
				format: (v: number) => `€ ${v.toFixed(2)}`,
				labelFormat: (v: number) => `€ ${Math.round(v / 1000)}k`,
				tickFormat: (v: number) => `${v / 1000}k`
			}
		});
		expect(body).toContain('>€ 1235k</tspan>');
		expect(body).not.toContain('>€ 1234567.00</tspan>');
		expect(cells(body)).toEqual(['Leiden', '€ 1234567.00', '€ 0.00']);
	});
});
