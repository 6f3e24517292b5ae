import JSZip from 'jszip';
import { extractText, getDocumentProxy, getMeta } from 'unpdf';

/** Whitespace collapsed, so text wrapped over lines (or table cells) still reads as one phrase. */
export const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

export async function readPdf(bytes: Uint8Array) {
	// pdf.js may take ownership of the buffer; give it a copy.
	const pdf = await getDocumentProxy(new Uint8Array(bytes));
	const { totalPages, text } = await extractText(pdf, { mergePages: false });
	const { info } = await getMeta(pdf);
	// pdf.js keeps a (fake) worker alive until the document is destroyed.
	await pdf.loadingTask.destroy();
	return { totalPages, pages: text.map(squash), text: squash(text.join('\n')), info: info as Record<string, unknown> };
}

const decode = (xml: string) =>
	xml
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&apos;/g, "'")
		.replace(/&amp;/g, '&');

/** The visible text of a piece of WordprocessingML: runs joined, line breaks as \n. */
export function wordText(xml: string): string {
	const parts = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)];
	return parts.map((p) => (p[0] === '<w:br/>' ? '\n' : decode(p[1]))).join('');
}

export interface WordParagraph {
	style: string | null;
	isListItem: boolean;
	text: string;
}

export interface WordTable {
	headerRowRepeats: boolean;
	rows: string[][];
}

export async function readDocx(bytes: Uint8Array) {
	const zip = await JSZip.loadAsync(bytes);
	const file = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
	const document = await file('word/document.xml');
	const footers = await Promise.all(
		Object.keys(zip.files)
			.filter((n) => /^word\/footer\d*\.xml$/.test(n))
			.map(file)
	);
	return {
		document,
		styles: await file('word/styles.xml'),
		core: await file('docProps/core.xml'),
		footers,
		paragraphs: paragraphs(document),
		tables: tables(document)
	};
}

function paragraphs(xml: string): WordParagraph[] {
	return [...xml.matchAll(/<w:p(?=[ >])[\s\S]*?<\/w:p>/g)].map(([p]) => ({
		style: /<w:pStyle w:val="([^"]+)"/.exec(p)?.[1] ?? null,
		isListItem: p.includes('<w:numPr>'),
		text: wordText(p)
	}));
}

function tables(xml: string): WordTable[] {
	return [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map(([tbl]) => {
		const rows = [...tbl.matchAll(/<w:tr(?=[ >])[\s\S]*?<\/w:tr>/g)].map(([tr]) => tr);
		return {
			headerRowRepeats: (rows[0] ?? '').includes('<w:tblHeader/>'),
			rows: rows.map((tr) => [...tr.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map(([tc]) => wordText(tc)))
		};
	});
}
