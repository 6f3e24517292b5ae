/**
 * The PDF uses the standard Helvetica font (no font files to ship), which can only draw the WinAnsi character
 * set. That covers Dutch (é, ë, ï, ĳ written as ij) and the euro sign; anything else would come out as wrong
 * glyphs and garble the text after it, so it is mapped to the nearest WinAnsi text first.
 */
const WIN_ANSI_HIGH = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';

const REPLACEMENTS: Record<string, string> = {
	ĳ: 'ij',
	Ĳ: 'IJ',
	ł: 'l',
	Ł: 'L',
	đ: 'd',
	Đ: 'D',
	ı: 'i',
	'→': '->',
	'←': '<-',
	'≤': '<=',
	'≥': '>=',
	'−': '-',
	'‐': '-',
	'‑': '-',
	'\u2009': ' ',
	'\u202f': ' ',
	'\u200b': ''
};

function isWinAnsi(ch: string): boolean {
	const code = ch.codePointAt(0) ?? 0;
	return ch === '\n' || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_HIGH.includes(ch);
}

function safeChar(ch: string): string {
	if (isWinAnsi(ch)) return ch;
	if (ch in REPLACEMENTS) return REPLACEMENTS[ch];
	// Letters with accents Helvetica lacks (ő, ā, ș) keep their base letter.
	const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
	if (base && base !== ch && [...base].every(isWinAnsi)) return base;
	return '?';
}

export function pdfText(text: string): string {
	const normalised = text.normalize('NFC').replace(/\r\n?/g, '\n').replace(/\t/g, ' ');
	return Array.from(normalised, safeChar).join('');
}
