import PDFDocument from 'pdfkit';
import type { Highlights } from '../../../../meetings/highlights';
import { highlightsOutline } from './highlights-outline';
import type { Outline } from './outline';
import { COLORS, drawBlock } from './pdf-layout';
import { pdfText } from './pdf-text';

type Doc = InstanceType<typeof PDFDocument>;

const MARGIN = 56;
const FOOTER_ROOM = 30;

/** The highlights report of a session as a PDF (A4, Helvetica, page numbers in the footer). */
export async function renderHighlightsPdf(h: Highlights, locale: 'nl' | 'en'): Promise<Uint8Array> {
	return renderOutlinePdf(highlightsOutline(h, locale));
}

export async function renderOutlinePdf(outline: Outline): Promise<Uint8Array> {
	const doc = new PDFDocument({
		size: 'A4',
		margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER_ROOM },
		// Page numbers need the page count, known only at the end.
		bufferPages: true,
		lang: outline.language,
		displayTitle: true,
		info: { Title: outline.title, Subject: outline.subject, Creator: outline.creator, Producer: outline.creator, CreationDate: outline.createdAt }
	});
	const bytes = collect(doc);
	for (const block of outline.blocks) drawBlock(doc, block);
	drawFooters(doc, outline);
	doc.end();
	return bytes;
}

function collect(doc: Doc): Promise<Uint8Array> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		doc.on('data', (chunk: Buffer) => chunks.push(chunk));
		doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
		doc.on('error', reject);
	});
}

function drawFooters(doc: Doc, outline: Outline): void {
	const { start, count } = doc.bufferedPageRange();
	for (let i = start; i < start + count; i++) {
		doc.switchToPage(i);
		const { margins } = doc.page;
		const bottomMargin = margins.bottom;
		// Writing below the bottom margin would otherwise make pdfkit add a page.
		margins.bottom = 0;
		const width = doc.page.width - margins.left - margins.right;
		const y = doc.page.height - MARGIN - 4;
		doc
			.moveTo(margins.left, y - 6)
			.lineTo(margins.left + width, y - 6)
			.lineWidth(0.5)
			.strokeColor(COLORS.rule)
			.stroke();
		doc.font('Helvetica').fontSize(8.5).fillColor(COLORS.muted);
		doc.text(pdfText(outline.footer), margins.left, y, { width, lineBreak: false });
		doc.text(pdfText(outline.pageLabel(String(i + 1), String(count))), margins.left, y, { width, align: 'right', lineBreak: false });
		margins.bottom = bottomMargin;
	}
}
