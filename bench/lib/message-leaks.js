// Which message texts ended up in the browser's JavaScript. Pure functions (no files), so a unit test can run them
// on a small fixture; bench/lib/browser-messages.js reads the real messages and sources.
//
// Paraglide compiles each message to a function holding its text of every locale as a template literal
// (`()=>\`Terug naar Mijn account\``, `${e?.name}` for a placeholder), and the minifier keeps that text as it is.
// So a message is in a chunk exactly when the literal text between its placeholders is.

/** Pieces shorter than this could occur in a chunk by chance (a word, a class name); they prove nothing. */
export const MIN_PROBE_LENGTH = 12;

/** Enough to tell most English labels ("Back to My account") from code; shorter ones are not counted. */
export const OTHER_LOCALE_PROBE_LENGTH = 6;

/**
 * @typedef {{ key: string, area: string, texts: Record<string, string[]> }} Message
 *   `texts`: per locale, the message's text(s) (more than one for a plural's variants), placeholders as `{name}`.
 * @typedef {{ key: string, locale: string, probe: string, bytes: number }} Probe
 *   `bytes`: the UTF-8 length of the message's texts in that locale (what the text adds to a chunk, roughly).
 * @typedef {Probe & { file: string }} Leak
 */

/**
 * The texts of one message value of the inlang message format: a string, or variants (`[{ match: {…} }]`).
 * @param {unknown} value
 * @returns {string[]}
 */
export function variantTexts(value) {
	if (typeof value === 'string') return [value];
	if (Array.isArray(value)) return value.flatMap((v) => variantTexts(v));
	if (value && typeof value === 'object' && 'match' in value)
		return Object.values(/** @type {{ match: object }} */ (value).match).flatMap((v) => variantTexts(v));
	return [];
}

/**
 * The literal runs of a text, split at its placeholders, that the minifier writes unchanged: without a quote, a
 * backtick, a backslash, a `$` or a line break (those may come out escaped).
 */
export function literalPieces(/** @type {string} */ text) {
	return text
		.split(/\{[^}]*\}/)
		.flatMap((piece) => piece.split(/["'`\\$\n\r]/))
		.map((piece) => piece.trim())
		.filter((piece) => piece.length > 0);
}

/**
 * One probe per message and locale: the longest literal piece of its texts that is long enough and that no
 * `allowed` text contains (a piece the browser's own messages also hold proves nothing). None when there is no
 * such piece.
 * @param {Message[]} messages
 * @param {string[]} allowedTexts texts that may be in the browser's JavaScript
 * @returns {Probe[]}
 */
export function probesFor(messages, allowedTexts, minLength = MIN_PROBE_LENGTH) {
	const allowed = allowedTexts.join('\u0000');
	/** @type {Probe[]} */
	const probes = [];
	for (const message of messages) {
		for (const [locale, texts] of Object.entries(message.texts)) {
			const pieces = texts
				.flatMap(literalPieces)
				.filter((p) => p.length >= minLength && !allowed.includes(p))
				.sort((a, b) => b.length - a.length);
			const bytes = texts.reduce((sum, t) => sum + Buffer.byteLength(t), 0);
			if (pieces.length) probes.push({ key: message.key, locale, probe: pieces[0], bytes });
		}
	}
	return probes;
}

/**
 * Every probe found in a file.
 * @param {Probe[]} probes
 * @param {Map<string, string>} files file name → contents
 * @returns {Leak[]}
 */
export function findLeaks(probes, files) {
	/** @type {Leak[]} */
	const leaks = [];
	for (const [file, text] of files) {
		for (const probe of probes) if (text.includes(probe.probe)) leaks.push({ ...probe, file });
	}
	return leaks;
}

/**
 * The messages browser code may hold, split from those it must not: a message is the browser's when its key is
 * in `browserKeys`. Returns the probes of the others (both locales) and the probes of the browser's messages in
 * `otherLocale` (text only that locale has, e.g. English: reported, not forbidden).
 * @param {Message[]} messages
 * @param {Set<string>} browserKeys
 * @param {string} baseLocale
 */
export function leakProbes(messages, browserKeys, baseLocale = 'nl') {
	const browser = messages.filter((m) => browserKeys.has(m.key));
	const others = messages.filter((m) => !browserKeys.has(m.key));
	const browserTexts = browser.flatMap((m) => Object.values(m.texts).flat());
	const baseTexts = messages.flatMap((m) => m.texts[baseLocale] ?? []);
	const otherLocale = browser.map((m) => ({ ...m, texts: Object.fromEntries(Object.entries(m.texts).filter(([locale]) => locale !== baseLocale)) }));
	return {
		/** Texts of messages no browser code uses (server-only or unused), in every locale: must not be found. */
		forbidden: probesFor(others, browserTexts),
		/** The browser's messages in the other locale(s), where their text differs from every base-locale text. */
		otherLocale: probesFor(otherLocale, baseTexts, OTHER_LOCALE_PROBE_LENGTH)
	};
}
