import { Document, Footer, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import type { Highlights } from '../../../../meetings/highlights';
import { highlightsOutline } from './highlights-outline';
import type { Outline } from './outline';
import { docxBlock, docxStyles, MUTED, textRuns } from './docx-blocks';

/** The highlights report of a session as an editable Word document with real heading styles, lists and tables. */
export async function renderHighlightsDocx(h: Highlights, locale: 'nl' | 'en'): Promise<Uint8Array> {
	return renderOutlineDocx(highlightsOutline(h, locale));
}

export async function renderOutlineDocx(outline: Outline): Promise<Uint8Array> {
	const doc = new Document({
		title: outline.title,
		subject: outline.subject,
		creator: outline.creator,
		lastModifiedBy: outline.creator,
		styles: docxStyles(outline.language),
		sections: [
			{
				footers: { default: new Footer({ children: [footerParagraph(outline)] }) },
				children: outline.blocks.flatMap(docxBlock)
			}
		]
	});
	return new Uint8Array(await Packer.toBuffer(doc));
}

/** "Gegenereerd op … · Pagina 2 van 5" with Word's own page fields, so the numbers stay right after editing. */
function footerParagraph(outline: Outline): Paragraph {
	const PAGE = '\u0001';
	const TOTAL = '\u0002';
	const parts = outline.pageLabel(PAGE, TOTAL).split(new RegExp(`([${PAGE}${TOTAL}])`));
	const pageRuns = parts.filter(Boolean).map((part) => {
		if (part === PAGE) return new TextRun({ children: [PageNumber.CURRENT], size: 17, color: MUTED });
		if (part === TOTAL) return new TextRun({ children: [PageNumber.TOTAL_PAGES], size: 17, color: MUTED });
		return new TextRun({ text: part, size: 17, color: MUTED });
	});
	return new Paragraph({ children: [...textRuns(`${outline.footer} · `, { size: 17, color: MUTED }), ...pageRuns] });
}
