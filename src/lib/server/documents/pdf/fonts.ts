import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The PDFs embed DejaVu Sans (npm package dejavu-fonts-ttf; a free licence based on the Bitstream Vera
 * licence, which allows embedding and redistribution). PDF's standard fonts only draw the WinAnsi
 * characters and are not embedded, so Ł, ş, ✓ or π would be lost; DejaVu covers Latin, Greek, Cyrillic and
 * the common symbols. pdfkit embeds only the glyphs used (a subset) with a ToUnicode map, so the text can be
 * copied and read aloud.
 */
export const FONT = { regular: 'DejaVuSans', bold: 'DejaVuSans-Bold' } as const;

type FontName = (typeof FONT)[keyof typeof FONT];
/** What pdfkit accepts as a font: the file's bytes, or a font its engine (fontkit) already parsed. */
type FontSource = Buffer | { layout: unknown };

const parsed = new Map<FontName, FontSource>();

/** The font for a new document: the file's bytes the first time, then the font pdfkit parsed from them. */
export function fontSource(name: FontName): FontSource {
	return parsed.get(name) ?? fontBytes(name);
}

/**
 * Keeps the parsed fonts of a document for the next ones: parsing DejaVu's tables again for every document
 * cost more than drawing it. A parsed font holds no state of one document (pdfkit keeps the glyph subset
 * and the layout cache per document).
 */
export function keepParsedFonts(doc: { font(name: string): unknown; _font?: { font?: { layout?: unknown } } }): void {
	for (const name of Object.values(FONT)) {
		if (parsed.has(name)) continue;
		doc.font(name);
		const font = doc._font?.font;
		if (font && typeof font.layout === 'function') parsed.set(name, font as FontSource);
	}
	doc.font(FONT.regular);
}

/** The font file's bytes (resolved in node_modules, so the built server finds it too). */
function fontBytes(name: FontName): Buffer {
	const require = createRequire(import.meta.url);
	return readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${name}.ttf`));
}
