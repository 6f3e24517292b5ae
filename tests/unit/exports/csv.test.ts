import { describe, expect, it } from 'vitest';
import { guardText, quoteField, renderCsv, type Column } from '../../../src/lib/server/modules/exports';

const col = (kind: Column['kind'], header = 'Kolom'): Column => ({ header, kind, width: 10 });

describe('the CSV writer', () => {
	it('starts with a UTF-8 byte-order mark, separates with ; and ends lines with CRLF', () => {
		const csv = renderCsv({ columns: [col('text', 'Titel'), col('text', 'Gemeente')], rows: [['Wonen', 'Leiden']] });
		expect(csv.charCodeAt(0)).toBe(0xfeff);
		expect(csv.slice(1)).toBe('Titel;Gemeente\r\nWonen;Leiden\r\n');
		expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
	});

	it('keeps accents and other characters as UTF-8', () => {
		const csv = renderCsv({ columns: [col('text')], rows: [['Vóór de verkiezingen – Łódź € ✓']] });
		expect(Buffer.from(csv, 'utf8').toString('utf8').split('\r\n')[1]).toBe('Vóór de verkiezingen – Łódź € ✓');
	});

	it.each([
		['plain', 'plain'],
		['a;b', '"a;b"'],
		['zei "ja"', '"zei ""ja"""'],
		['regel 1\nregel 2', '"regel 1\nregel 2"'],
		['regel 1\r\nregel 2', '"regel 1\r\nregel 2"'],
		['a,b', 'a,b']
	])('quotes %j as %j (RFC 4180, ; as separator)', (value, expected) => {
		expect(quoteField(value)).toBe(expected);
	});

	it.each([
		['=SUM(A1:A9)', "'=SUM(A1:A9)"],
		['+31 71 000', "'+31 71 000"],
		['-2+3', "'-2+3"],
		['@SUM(A1)', "'@SUM(A1)"],
		['\t=1', "'\t=1"],
		['\r=1', "'\r=1"],
		['Wonen = groen', 'Wonen = groen'],
		['', '']
	])('guards text %j against formula injection as %j', (value, expected) => {
		expect(guardText(value)).toBe(expected);
	});

	it('guards text cells and headers, quoting after guarding, but never numbers', () => {
		const csv = renderCsv({
			columns: [col('text', '=kop'), col('text'), col('euro'), col('integer')],
			rows: [['=HYPERLINK("http://x";"klik")', '-', -12.5, -3]]
		});
		expect(csv.slice(1).split('\r\n')).toEqual(["'=kop;Kolom;Kolom;Kolom", `"'=HYPERLINK(""http://x"";""klik"")";'-;-12,50;-3`, '']);
	});

	it('writes amounts with a decimal comma, dates as ISO, shares with %, empty cells as nothing', () => {
		const csv = renderCsv({
			columns: [col('euro'), col('euro'), col('date'), col('percent'), col('percent'), col('integer'), col('text'), col('link')],
			rows: [[1234567.8, 0, '2026-03-31', 0.6, 1 / 3, 5, null, 'https://portaal.example/agenda/1?a=1;b']]
		});
		expect(csv.slice(1).split('\r\n')[1]).toBe('1234567,80;0,00;2026-03-31;60%;33,3%;5;;"https://portaal.example/agenda/1?a=1;b"');
	});

	it('writes a header alone for no rows', () => {
		expect(renderCsv({ columns: [col('text', 'Titel')], rows: [] })).toBe('\uFEFFTitel\r\n');
	});
});
