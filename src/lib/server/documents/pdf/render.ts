import PDFDocument from 'pdfkit';
import type { Outline } from '../outline';
import { cleanText } from '../outline';
import { FONT, fontSource, keepParsedFonts } from './fonts';
import { drawBlock } from './layout';
import { rule } from './page';
import { artifact, COLORS, type Doc } from './tags';

const MARGIN = 56;
const FOOTER_ROOM = 30;

/**
 * An outline as an accessible PDF (A4): tagged (a structure tree of H1-H4, P, L, Table and Link in reading
 * order, decoration as artifacts), the document's language and title in the catalog and shown as the
 * window title, a PDF/UA identification in the metadata, DejaVu Sans embedded so every character survives,
 * links clickable, bookmarks for the sections, page numbers in the footer.
 */
export async function renderPdf(outline: Outline): Promise<Uint8Array> {
	const doc = new PDFDocument({
		size: 'A4',
		margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER_ROOM },
		// Page numbers need the page count, known only at the end.
		bufferPages: true,
		pdfVersion: '1.7',
		tagged: true,
		subset: 'PDF/UA' as PDFKit.Mixins.PDFSubsets,
		lang: outline.language,
		displayTitle: true,
		// The default font would otherwise be Helvetica, which is neither embedded nor able to draw Ł or π.
		font: fontSource(FONT.regular) as unknown as string,
		info: { Title: outline.title, Subject: outline.subject, Creator: outline.creator, Producer: outline.creator, CreationDate: outline.createdAt }
	});
	doc.registerFont(FONT.regular, fontSource(FONT.regular) as PDFKit.Mixins.PDFFontSource);
	doc.registerFont(FONT.bold, fontSource(FONT.bold) as PDFKit.Mixins.PDFFontSource);
	keepParsedFonts(doc as unknown as Parameters<typeof keepParsedFonts>[0]);
	const bytes = collect(doc);
	const root = doc.struct('Document');
	doc.addStructure(root);
	for (const block of outline.blocks) drawBlock({ doc, root }, block);
	root.end();
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

/** The footer line and "Pagina 2 van 5" on every page, as pagination artifacts (not part of the text flow). */
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
		rule(doc, margins.left, y - 6, width);
		artifact(
			doc,
			() => {
				doc.font(FONT.regular).fontSize(8.5).fillColor(COLORS.muted);
				doc.text(cleanText(outline.footer), margins.left, y, { width, lineBreak: false });
				doc.text(cleanText(outline.pageLabel(String(i + 1), String(count))), margins.left, y, { width, align: 'right', lineBreak: false });
			},
			'Pagination'
		);
		margins.bottom = bottomMargin;
	}
}
