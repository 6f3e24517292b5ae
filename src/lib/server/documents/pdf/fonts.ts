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

const files = new Map<FontName, Buffer>();

/** The font's bytes, read once per process (resolved in node_modules, so the built server finds it too). */
export function fontBytes(name: FontName): Buffer {
	let bytes = files.get(name);
	if (!bytes) {
		const require = createRequire(import.meta.url);
		bytes = readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${name}.ttf`));
		files.set(name, bytes);
	}
	return bytes;
}
