import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import BarChart from '../../../../src/lib/components/charts/BarChart.svelte';
import GroupedBarChart from '../../../../src/lib/components/charts/GroupedBarChart.svelte';
import LineChart from '../../../../src/lib/components/charts/LineChart.svelte';

const euro = (v: number) => `€ ${v}`;

/** The data table's body cells, in order. */
function cells(html: string): string[] {
	const body = html.slice(html.indexOf('<tbody'));
	return [...body.matchAll(/<t[hd][^>]*>([^<]*)<\/t[hd]>/g)].map((m) => m[1]);
}

describe('the shared charts render on the server', () => {
	it('a bar chart: an SVG hidden from screen readers with a bar and a value label per datum, and the same figures in a table', () => {
		const { body } = render(BarChart, {
			props: {
				caption: 'Bijdrage 2026',
				data: [
					{ label: 'Servicepunt71', value: 120 },
					{ label: 'Holland Rijnland', value: 80 }
				],
				labelHeader: 'Samenwerking',
				valueHeader: 'Bedrag',
				format: euro
			}
		});
		expect(body).toMatch(/<div class="chart-graphic[^"]*" aria-hidden="true">/);
		expect(body.match(/<rect[^>]*lc-bars-bar/g)).toHaveLength(2);
		expect(body).toContain('>€ 120</tspan>');
		expect(cells(body)).toEqual(['Servicepunt71', '€ 120', 'Holland Rijnland', '€ 80']);
		expect(body).toContain('<figcaption');
	});

	it('a grouped bar chart: a bar per series in each group, patterns to tell them apart, a legend and a column per series', () => {
		const { body } = render(GroupedBarChart, {
			props: {
				caption: 'Scores',
				groups: [
					{ label: 'Efficiency', values: { leiden: 4, oegstgeest: 3 } },
					{ label: 'Kwaliteit', values: { leiden: 5, oegstgeest: null } }
				],
				series: [
					{ key: 'leiden', label: 'Leiden' },
					{ key: 'oegstgeest', label: 'Oegstgeest' }
				],
				groupHeader: 'Criterium',
				max: 5
			}
		});
		expect(body.match(/<rect[^>]*lc-bars-bar/g)?.length).toBe(4);
		expect(body).toMatch(/<pattern id="[^"]+-hatch"/);
		expect(body).toMatch(/fill="url\(#[^)]+-hatch\)"/);
		expect(cells(body)).toEqual(['Efficiency', '4', '3', 'Kwaliteit', '5', '–']);
		expect(body).toContain('class="chart-legend');
	});

	it('a line chart: a path through the points, a point and a label per value, and the table', () => {
		const { body } = render(LineChart, {
			props: {
				caption: 'Trend',
				data: [2024, 2025, 2026].map((y, i) => ({ label: String(y), value: 100 * (i + 1) })),
				labelHeader: 'Jaar',
				valueHeader: 'Bedrag',
				format: euro
			}
		});
		expect(body).toMatch(/<path d="M[^"]+"[^>]*class="lc-path"/);
		expect(body.match(/<circle/g)?.length).toBeGreaterThanOrEqual(3);
		expect(body).toContain('>€ 300</tspan>');
		expect(cells(body)).toEqual(['2024', '€ 100', '2025', '€ 200', '2026', '€ 300']);
	});
});
