import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import * as register from '../../../src/lib/server/modules/register';
import * as exportsModule from '../../../src/lib/server/modules/exports';
import { DomainError } from '../../../src/lib/server/errors';
import { ForbiddenError } from '../../../src/lib/server/permissions';
import { registerSuite } from './helpers';
import { addMoments, smallRegister } from './dashboard-helpers';

const s = registerSuite();
const req = (format: string | null, sheet: string | null = null) => ({ format, sheet, locale: 'nl' as const, origin: 'https://regioportaal.example' });

async function workbook(body: Uint8Array | string) {
	const wb = new ExcelJS.Workbook();
	await wb.xlsx.load(body as unknown as ArrayBuffer);
	return wb;
}

const values = (ws: ExcelJS.Worksheet) =>
	ws
		.getSheetValues()
		.slice(1)
		.map((row) => (row as unknown[]).slice(1));

describe('the register as a spreadsheet', () => {
	it('is an XLSX with a sheet of arrangements (as the register lists them), of contributions per year and of moments', async () => {
		const { sp } = await smallRegister(s);
		await addMoments(s, sp, [{ kind: 'zienswijze', on: '2027-01-20', municipalityId: 'leiden', note: '=HYPERLINK("x")' }]);
		const file = await exportsModule.registerFile(s.db, s.meelezer.actor, req('xlsx'));
		expect(file.contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
		expect(file.filename).toMatch(/^register-samenwerkingen-\d{4}-\d\d-\d\d\.xlsx$/);
		const wb = await workbook(file.body);
		expect(wb.worksheets.map((w) => w.name)).toEqual(['Samenwerkingen', 'Bijdragen', 'Momenten']);
		const [arrangements, contributions, moments] = wb.worksheets.map(values);
		const listed = await register.listCollaborations(s.db, s.meelezer.actor, {});
		expect(arrangements.slice(1).map((r) => r[0])).toEqual(listed.map((c) => c.name));
		const spRow = arrangements.find((r) => r[0] === 'Servicepunt71') as unknown[];
		expect(spRow.slice(1, 6)).toEqual([
			'Gemeenschappelijke regeling',
			'Bedrijfsvoeringsorganisatie',
			'Bedrijfsvoering',
			'Bedrijfsvoering',
			'Leiden, Leiderdorp, Oegstgeest, Zoeterwoude'
		]);
		expect(spRow[10]).toBe('2 jaar');
		// Amounts are numbers in euro, one row per municipality per year.
		expect(contributions[0]).toEqual(['Samenwerking', 'Gemeente', 'Jaar', 'Bijdrage (EUR)', 'Verdeelsleutel', 'Aandeel']);
		expect(contributions.slice(1)).toHaveLength(7);
		const spLeiden = contributions.find((r) => r[0] === 'Servicepunt71' && r[1] === 'Leiden' && r[2] === 2026);
		expect(spLeiden?.slice(0, 5)).toEqual(['Servicepunt71', 'Leiden', 2026, 1_000_000, 'Naar rato van inwoners']);
		const total2026 = contributions
			.slice(1)
			.filter((r) => r[2] === 2026)
			.reduce((sum, r) => sum + Number(r[3]), 0);
		expect(total2026).toBe((await register.registerDashboard(s.db, s.verkenner.actor, 'regio')).totalContributionCents / 100);
		// A note that looks like a formula stays text.
		expect(moments[1]).toEqual(['Servicepunt71', expect.any(Date), 'Termijn zienswijze', 'Leiden', `'=HYPERLINK("x")`]);
	});

	it('gives one sheet as CSV, chosen with `blad`; an unknown format or sheet is a 400, a reader without a role is refused', async () => {
		const csv = await exportsModule.registerFile(s.db, s.meelezer.actor, req('csv', 'bijdragen'));
		expect(csv.filename).toMatch(/^register-samenwerkingen-bijdragen-\d{4}-\d\d-\d\d\.csv$/);
		const lines = String(csv.body)
			.replace(/^\uFEFF/, '')
			.trim()
			.split('\r\n');
		expect(lines[0]).toBe('Samenwerking;Gemeente;Jaar;Bijdrage (EUR);Verdeelsleutel;Aandeel');
		expect(lines).toContain('Servicepunt71;Leiden;2026;1000000,00;Naar rato van inwoners;');
		const first = await exportsModule.registerFile(s.db, s.meelezer.actor, req('csv'));
		expect(String(first.body)).toContain('Holland Rijnland');
		for (const [format, sheet, key] of [
			['pdf', null, 'exports_unknown_format'],
			[null, null, 'exports_unknown_format'],
			['csv', 'alles', 'regdash_export_unknown_sheet']
		] as const) {
			const err = await exportsModule.registerFile(s.db, s.meelezer.actor, req(format, sheet)).catch((e) => e);
			expect(err).toBeInstanceOf(DomainError);
			expect([err.key, err.status]).toEqual([key, 400]);
		}
		await expect(exportsModule.registerFile(s.db, null, req('xlsx'))).rejects.toBeInstanceOf(ForbiddenError);
	});
});
