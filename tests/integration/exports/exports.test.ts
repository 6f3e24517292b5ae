/**
 * The agenda and positions exports hold exactly the rows their pages show (the same read models, the same
 * filter parsing), typed: amounts and dates are numbers and dates in the XLSX (read back with exceljs), the
 * header is bold, frozen and filtered, and the CSV (BOM, `;`) holds the same values. Who may not read items
 * gets nothing; an unknown format is a 400 with a Dutch message.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { destroy, testDb, type TestDb } from '../../fixtures/db';
import { newUser, testOrigin, type NewUser } from '../../fixtures/factories';
import { getItem, listItems, updateItemFields } from '../../../src/lib/server/modules/agenda-items';
import { positionMatrix, recordCouncilDecision, recordSignOff, setPosition } from '../../../src/lib/server/modules/decisions';
import * as exportsModule from '../../../src/lib/server/modules/exports';
import { ForbiddenError } from '../../../src/lib/server/permissions';
import { DomainError } from '../../../src/lib/server/errors';
import { filterFromSearchParams } from '../../../src/lib/validation/agenda';
import { matrixFilterFromSearchParams } from '../../../src/lib/validation/decisions';
import { GET as agendaGET } from '../../../src/routes/(app)/agenda/export/+server';
import { GET as positionsGET } from '../../../src/routes/(app)/standpunten/export/+server';
import { newItem } from '../agenda/helpers';
import { readyItem, sessionConfirmed, signInput } from '../decisions/helpers';
import { parseCsv } from '../../fixtures/csv-parse';

let t: TestDb;
let verkenner: NewUser;
let meelezer: NewUser;
let nobody: NewUser;
let fiets: string;
let injected: string;
let adopted: string;
const origin = 'https://portaal.example';
const nl = { locale: 'nl' as const, origin };
const agendaFilter = (query = '') => filterFromSearchParams(new URLSearchParams(query));
const matrixFilter = (query = '') => matrixFilterFromSearchParams(new URLSearchParams(query));

const statements: string[] = [];
let counting = false;

/** How many SQL statements `fn` sends. */
async function countQueries(fn: () => Promise<unknown>): Promise<number> {
	statements.length = 0;
	counting = true;
	try {
		await fn();
		return statements.length;
	} finally {
		counting = false;
	}
}

beforeAll(async () => {
	t = await testDb({ logger: { logQuery: (sql) => void (counting && statements.push(sql)) } });
	verkenner = await newUser(t.db, [['verkenner', null]]);
	meelezer = await newUser(t.db, [['meelezer', 'leiderdorp']]);
	nobody = await newUser(t.db, []);
	const kbLeiden = await newUser(t.db, [['klankbordgroeplid', 'leiden']]);
	const collegeLeiden = await newUser(t.db, [['collegelid', 'leiden']]);
	const collegeOegstgeest = await newUser(t.db, [['collegelid', 'oegstgeest']]);
	const griffieLeiden = await newUser(t.db, [['griffie', 'leiden']]);

	fiets = await newItem(t.db, verkenner.actor, { ambitionId: 3, title: 'Snelfietsroute Leiden-Katwijk', trekkerId: 'leiden' });
	await updateItemFields(
		t.db,
		verkenner.actor,
		{
			itemId: fiets,
			revision: 1,
			participants: [{ municipalityId: 'leiden' }, { municipalityId: 'oegstgeest' }],
			costEstimateCents: 12_345_678,
			verdeelsleutel: 'inwoners',
			startDate: '2026-03-01',
			endDate: '2027-12-31',
			tags: ['mobiliteit', 'fiets']
		},
		testOrigin
	);
	await setPosition(t.db, kbLeiden.actor, { itemId: fiets, municipalityId: 'leiden', position: 'steunt' }, testOrigin);
	injected = await newItem(t.db, verkenner.actor, { ambitionId: 1, title: '=HYPERLINK("http://x";"Ļeiden ✓")', trekkerId: null, horizon: 'na_verkiezingen' });
	const ready = await readyItem(t.db, verkenner.actor, ['leiden', 'oegstgeest']);
	adopted = ready.id;
	await recordSignOff(t.db, collegeLeiden.actor, sessionConfirmed(), signInput(adopted, 'leiden', ready.frozen, { meetingDate: '2026-01-13' }), testOrigin);
	await recordSignOff(
		t.db,
		collegeOegstgeest.actor,
		sessionConfirmed(),
		signInput(adopted, 'oegstgeest', ready.frozen, { meetingDate: '2026-01-20' }),
		testOrigin
	);
	await recordCouncilDecision(
		t.db,
		griffieLeiden.actor,
		{
			itemId: adopted,
			municipalityId: 'leiden',
			meetingDate: '2026-02-05',
			outcome: 'wensen_en_bedenkingen',
			wensenEnBedenkingen: 'Let op het fietsparkeren.',
			kenmerk: 'RB/26/7'
		},
		testOrigin
	);
});
afterAll(() => destroy(t));

async function workbookOf(file: exportsModule.ExportFile): Promise<ExcelJS.Workbook> {
	const wb = new ExcelJS.Workbook();
	await wb.xlsx.load(Buffer.from(file.body as Uint8Array) as never);
	return wb;
}

/** The sheet's data rows as exceljs reads them (row 1 is the header). */
function dataRows(ws: ExcelJS.Worksheet): ExcelJS.Row[] {
	const rows: ExcelJS.Row[] = [];
	ws.eachRow((row, n) => void (n > 1 && rows.push(row)));
	return rows;
}

function headerOf(ws: ExcelJS.Worksheet): string[] {
	return (ws.getRow(1).values as unknown[]).slice(1).map(String);
}

/** The cell of `row` under the header `name`. */
const cellUnder = (ws: ExcelJS.Worksheet, row: ExcelJS.Row, name: string) => {
	const i = headerOf(ws).indexOf(name);
	if (i < 0) throw new Error(`no column ${name}`);
	return row.getCell(i + 1);
};

const pageIds = async (query: string) => (await listItems(t.db, meelezer.actor, agendaFilter(query))).groups.flatMap((g) => g.items.map((i) => i.id));

describe('the agenda as XLSX', () => {
	it('holds the rows of the page under the same filter, in its order, and nothing else', async () => {
		for (const query of ['', 'gemeente=oegstgeest', 'ambitie=1', 'status=vastgesteld', 'q=katwijk', 'horizon=onbekend&trekker=leiden']) {
			const file = await exportsModule.agendaFile(t.db, meelezer.actor, agendaFilter(query), { ...nl, format: 'xlsx' });
			const ws = (await workbookOf(file)).worksheets[0];
			const ids = dataRows(ws).map((r) => r.getCell(1).value);
			expect(ids, query).toEqual(await pageIds(query));
		}
		const one = await exportsModule.agendaFile(t.db, meelezer.actor, agendaFilter('gemeente=oegstgeest&trekker=leiden&q=fiets'), { ...nl, format: 'xlsx' });
		expect(dataRows((await workbookOf(one)).worksheets[0]).map((r) => r.getCell(1).value)).toEqual([fiets]);
	});

	it('has typed cells: amounts as euro numbers, each municipality’s share from the item’s cost split, dates as dates, a link', async () => {
		const file = await exportsModule.agendaFile(t.db, meelezer.actor, agendaFilter(), { ...nl, format: 'xlsx' });
		const ws = (await workbookOf(file)).worksheets[0];
		const row = dataRows(ws).find((r) => r.getCell(1).value === fiets)!;
		const cost = cellUnder(ws, row, 'Geraamde kosten (EUR)');
		expect(cost.type).toBe(ExcelJS.ValueType.Number);
		expect(cost.value).toBe(123_456.78);
		expect(cost.numFmt).toContain('€');
		const { costs } = await getItem(t.db, meelezer.actor, fiets);
		if (!costs.ok) throw new Error('the test item has a cost split');
		for (const share of costs.split.shares) {
			const name = { leiden: 'Leiden', oegstgeest: 'Oegstgeest' }[share.municipalityId]!;
			const cell = cellUnder(ws, row, `Kosten ${name} (EUR)`);
			expect(cell.type).toBe(ExcelJS.ValueType.Number);
			expect(Math.round((cell.value as number) * 100)).toBe(share.cents);
		}
		expect(cellUnder(ws, row, 'Kosten Leiderdorp (EUR)').value).toBeNull();
		const start = cellUnder(ws, row, 'Startdatum');
		expect(start.type).toBe(ExcelJS.ValueType.Date);
		expect((start.value as Date).toISOString().slice(0, 10)).toBe('2026-03-01');
		expect((cellUnder(ws, row, 'Einddatum').value as Date).toISOString().slice(0, 10)).toBe('2027-12-31');
		expect(start.numFmt).toBe('dd-mm-yyyy');
		expect(cellUnder(ws, row, 'Status').value).toBe('Concept');
		expect(cellUnder(ws, row, 'Ambitie').value).toMatch(/^3\. /);
		expect(cellUnder(ws, row, 'Trekker').value).toBe('Leiden');
		expect(cellUnder(ws, row, 'Deelnemers').value).toBe('Leiden, Oegstgeest');
		expect(cellUnder(ws, row, 'Verkiezingen').value).toBe('Vóór de verkiezingen');
		expect(cellUnder(ws, row, 'Verdeelsleutel').value).toBe('Naar rato van inwoners');
		expect(cellUnder(ws, row, 'Labels').value).toBe('mobiliteit, fiets');
		const link = cellUnder(ws, row, 'Link');
		expect(link.type).toBe(ExcelJS.ValueType.Hyperlink);
		expect((link.value as ExcelJS.CellHyperlinkValue).hyperlink).toBe(`${origin}/agenda/${fiets}`);
	});

	it('has a bold, frozen header with an autofilter, widths, and the workbook’s title and creator', async () => {
		const file = await exportsModule.agendaFile(t.db, meelezer.actor, agendaFilter('gemeente=leiden'), { ...nl, format: 'xlsx' });
		expect(file.contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
		expect(file.filename).toMatch(/^uitvoeringsagenda-\d{4}-\d{2}-\d{2}\.xlsx$/);
		const wb = await workbookOf(file);
		expect(wb.creator).toBe('Regioportaal Leidse regio');
		expect(wb.title).toBe('Uitvoeringsagenda Leidse regio');
		expect(wb.description).toBe('Filter: gemeente=leiden');
		const ws = wb.worksheets[0];
		expect(ws.name).toBe('Uitvoeringsagenda');
		expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
		expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
		const header = headerOf(ws);
		expect(header.slice(0, 4)).toEqual(['Id', 'Titel', 'Ambitie', 'Status']);
		expect(header.filter((h) => h.startsWith('Kosten '))).toEqual([
			'Kosten Leiden (EUR)',
			'Kosten Leiderdorp (EUR)',
			'Kosten Oegstgeest (EUR)',
			'Kosten Voorschoten (EUR)',
			'Kosten Zoeterwoude (EUR)'
		]);
		expect(ws.autoFilter).toBe(`A1:${ws.getColumn(header.length).letter}1`);
		expect(ws.getColumn(2).width).toBeGreaterThan(30);
	});

	it('keeps a title that looks like a formula text, guarded', async () => {
		const file = await exportsModule.agendaFile(t.db, meelezer.actor, agendaFilter('ambitie=1'), { ...nl, format: 'xlsx' });
		const ws = (await workbookOf(file)).worksheets[0];
		const row = dataRows(ws).find((r) => r.getCell(1).value === injected)!;
		const title = cellUnder(ws, row, 'Titel');
		expect(title.type).toBe(ExcelJS.ValueType.String);
		expect(title.value).toBe(`'=HYPERLINK("http://x";"Ļeiden ✓")`);
		expect(cellUnder(ws, row, 'Trekker').value).toBeNull();
	});

	it('speaks English to an English reader', async () => {
		const file = await exportsModule.agendaFile(t.db, meelezer.actor, agendaFilter(), { locale: 'en', origin, format: 'xlsx' });
		const wb = await workbookOf(file);
		const ws = wb.worksheets[0];
		expect(headerOf(ws).slice(0, 4)).toEqual(['Id', 'Title', 'Ambition', 'Status']);
		expect(headerOf(ws)).toContain('Cost Leiden (EUR)');
		const row = dataRows(ws).find((r) => r.getCell(1).value === fiets)!;
		expect(cellUnder(ws, row, 'Status').value).toBe('Draft');
		expect(wb.title).toBe('Implementation agenda Leidse regio');
	});
});

describe('the agenda as CSV', () => {
	it('holds the same rows and values as the XLSX, with BOM, ; and a decimal comma', async () => {
		const csv = await exportsModule.agendaFile(t.db, meelezer.actor, agendaFilter(), { ...nl, format: 'csv' });
		expect(csv.contentType).toMatch(/^text\/csv; charset=utf-8/);
		expect(csv.filename).toMatch(/^uitvoeringsagenda-\d{4}-\d{2}-\d{2}\.csv$/);
		const text = csv.body as string;
		expect(text.startsWith('\uFEFF')).toBe(true);
		const [header, ...rows] = parseCsv(text.slice(1), ';');
		const ws = (await workbookOf(await exportsModule.agendaFile(t.db, meelezer.actor, agendaFilter(), { ...nl, format: 'xlsx' }))).worksheets[0];
		expect(header).toEqual(headerOf(ws));
		expect(rows.map((r) => r[0])).toEqual(await pageIds(''));
		const row = rows.find((r) => r[0] === fiets)!;
		const at = (name: string) => row[header.indexOf(name)];
		expect(at('Geraamde kosten (EUR)')).toBe('123456,78');
		expect(at('Startdatum')).toBe('2026-03-01');
		expect(at('Kosten Leiderdorp (EUR)')).toBe('');
		expect(at('Link')).toBe(`${origin}/agenda/${fiets}`);
		expect(rows.find((r) => r[0] === injected)![1]).toBe(`'=HYPERLINK("http://x";"Ļeiden ✓")`);
	});
});

describe('the positions overview', () => {
	it('holds the matrix rows of the page under the same filter, in its order', async () => {
		for (const query of ['', 'gemeente=leiden&standpunt=steunt', 'ambitie=3', 'standpunt=bezwaar']) {
			const page = (await positionMatrix(t.db, meelezer.actor, matrixFilter(query))).groups.flatMap((g) => g.items.map((i) => i.id));
			const file = await exportsModule.positionsFile(t.db, meelezer.actor, matrixFilter(query), { ...nl, format: 'xlsx' });
			const ws = (await workbookOf(file)).worksheets[0];
			expect(
				dataRows(ws).map((r) => r.getCell(1).value),
				query
			).toEqual(page);
		}
	});

	it('gives each municipality’s position, the support as a share, and the college and council decisions with their dates', async () => {
		const file = await exportsModule.positionsFile(t.db, meelezer.actor, matrixFilter(), { ...nl, format: 'xlsx' });
		expect(file.filename).toMatch(/^standpunten-\d{4}-\d{2}-\d{2}\.xlsx$/);
		const wb = await workbookOf(file);
		expect(wb.creator).toBe('Regioportaal Leidse regio');
		const ws = wb.worksheets[0];
		expect(ws.name).toBe('Standpunten');
		expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
		const rows = dataRows(ws);
		const f = rows.find((r) => r.getCell(1).value === fiets)!;
		expect(cellUnder(ws, f, 'Standpunt Leiden').value).toBe('Steunt');
		expect(cellUnder(ws, f, 'Standpunt Oegstgeest').value).toBe('Nog geen standpunt');
		expect(cellUnder(ws, f, 'Standpunt Leiderdorp').value).toBeNull();
		const share = cellUnder(ws, f, 'Draagvlak (aandeel)');
		expect(share.type).toBe(ExcelJS.ValueType.Number);
		expect(share.value).toBe(0.5);
		expect(share.numFmt).toBe('0%');
		expect(cellUnder(ws, f, 'Steunen').value).toBe(1);
		expect(cellUnder(ws, f, 'Collegebesluit Leiden').value).toBeNull();

		const a = rows.find((r) => r.getCell(1).value === adopted)!;
		expect(cellUnder(ws, a, 'Status').value).toBe('Vastgesteld');
		expect(cellUnder(ws, a, 'Collegebesluit Leiden').value).toBe('Akkoord');
		expect((cellUnder(ws, a, 'Datum collegebesluit Leiden').value as Date).toISOString().slice(0, 10)).toBe('2026-01-13');
		expect((cellUnder(ws, a, 'Datum collegebesluit Oegstgeest').value as Date).toISOString().slice(0, 10)).toBe('2026-01-20');
		expect(cellUnder(ws, a, 'Raadsbesluit Leiden').value).toBe('Wensen en bedenkingen');
		expect(cellUnder(ws, a, 'Datum raadsvergadering Leiden').type).toBe(ExcelJS.ValueType.Date);
		expect(cellUnder(ws, a, 'Raadsbesluit Oegstgeest').value).toBeNull();
	});

	it('as CSV holds the same rows and values', async () => {
		const csv = await exportsModule.positionsFile(t.db, meelezer.actor, matrixFilter(), { ...nl, format: 'csv' });
		const [header, ...rows] = parseCsv((csv.body as string).slice(1), ';');
		const row = rows.find((r) => r[0] === adopted)!;
		const at = (name: string) => row[header.indexOf(name)];
		expect(at('Collegebesluit Leiden')).toBe('Akkoord');
		expect(at('Datum collegebesluit Leiden')).toBe('2026-01-13');
		expect(at('Raadsbesluit Leiden')).toBe('Wensen en bedenkingen');
		expect(rows.find((r) => r[0] === fiets)![header.indexOf('Draagvlak (aandeel)')]).toBe('50%');
	});
});

describe('the cost of an export', () => {
	it('is the same number of queries for a few items and for many more', async () => {
		const agendaBefore = await countQueries(() => exportsModule.agendaSheet(t.db, meelezer.actor, agendaFilter(), nl));
		const positionsBefore = await countQueries(() => exportsModule.positionsSheet(t.db, meelezer.actor, matrixFilter(), nl));
		for (let i = 0; i < 5; i++) {
			const id = await newItem(t.db, verkenner.actor, { ambitionId: 4, title: `Warmtenet ${i}` });
			await updateItemFields(
				t.db,
				verkenner.actor,
				{ itemId: id, revision: 1, participants: [{ municipalityId: 'leiden' }], costEstimateCents: 1000 },
				testOrigin
			);
		}
		expect((await exportsModule.agendaSheet(t.db, meelezer.actor, agendaFilter(), nl)).rows.length).toBe((await pageIds('')).length);
		expect(await countQueries(() => exportsModule.agendaSheet(t.db, meelezer.actor, agendaFilter(), nl))).toBe(agendaBefore);
		expect(await countQueries(() => exportsModule.positionsSheet(t.db, meelezer.actor, matrixFilter(), nl))).toBe(positionsBefore);
	});
});

describe('who gets what', () => {
	it('refuses someone who may not read items, before writing anything', async () => {
		await expect(exportsModule.agendaFile(t.db, nobody.actor, agendaFilter(), { ...nl, format: 'xlsx' })).rejects.toBeInstanceOf(ForbiddenError);
		await expect(exportsModule.positionsFile(t.db, nobody.actor, matrixFilter(), { ...nl, format: 'csv' })).rejects.toBeInstanceOf(ForbiddenError);
	});

	it.each([null, '', 'pdf', 'XLSX', 'csv;x'])('refuses the format %j with a 400', async (format) => {
		const err = await exportsModule.agendaFile(t.db, verkenner.actor, agendaFilter(), { ...nl, format }).catch((e) => e);
		expect(err).toBeInstanceOf(DomainError);
		expect(err).toMatchObject({ key: 'exports_unknown_format', status: 400 });
	});
});

describe('the routes', () => {
	const event = (actor: NewUser['actor'] | null, path: string) => ({ locals: { db: t.db, actor }, url: new URL(path, origin) }) as never;

	it('send the file as an attachment with a dated Dutch name, not cached', async () => {
		const res = await agendaGET(event(meelezer.actor, '/agenda/export?formaat=csv&gemeente=oegstgeest'));
		expect(res.status).toBe(200);
		expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="uitvoeringsagenda-\d{4}-\d{2}-\d{2}\.csv"$/);
		expect(res.headers.get('cache-control')).toBe('private, no-store');
		const body = new Uint8Array(await res.arrayBuffer());
		expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const [, ...rows] = parseCsv(new TextDecoder().decode(body), ';');
		expect(rows.map((r) => r[0])).toEqual(await pageIds('gemeente=oegstgeest'));
		expect(rows.map((r) => r[0])).toContain(fiets);
		const xlsx = await positionsGET(event(meelezer.actor, '/standpunten/export?formaat=xlsx&ambitie=3'));
		expect(xlsx.headers.get('content-disposition')).toMatch(/filename="standpunten-\d{4}-\d{2}-\d{2}\.xlsx"/);
		expect([...new Uint8Array(await xlsx.arrayBuffer()).subarray(0, 2)]).toEqual([0x50, 0x4b]);
	});

	it('answer an unknown format with 400 and a Dutch message, and a reader without rights with 403', async () => {
		const bad = await agendaGET(event(meelezer.actor, '/agenda/export?formaat=ods'));
		expect(bad.status).toBe(400);
		expect(bad.headers.get('content-type')).toBe('text/plain; charset=utf-8');
		expect(await bad.text()).toBe('Onbekend bestandsformaat. Kies formaat=xlsx of formaat=csv.\n');
		const refused = await positionsGET(event(nobody.actor, '/standpunten/export?formaat=xlsx'));
		expect(refused.status).toBe(403);
		expect(refused.headers.get('content-disposition')).toBeNull();
	});
});
