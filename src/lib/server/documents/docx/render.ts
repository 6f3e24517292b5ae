import { Document, Footer, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import type { Outline } from '../outline';
import { docxBlock, docxNumbering, docxStyles, MUTED, textRuns } from './blocks';

/**
 * An outline as an editable Word document: real heading styles, lists and tables (header row repeated), links
 * as hyperlinks, the title and subject in the core properties and the document's language set.
 */
export async function renderDocx(outline: Outline): Promise<Uint8Array> {
	const doc = new Document({
		title: outline.title,
		subject: outline.subject,
		creator: outline.creator,
		lastModifiedBy: outline.creator,
		styles: docxStyles(outline.language),
		numbering: docxNumbering,
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
