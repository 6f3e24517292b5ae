/**
 * A question as typed, taken apart into words the full-text search can use. Only letters and digits survive
 * (`"`, `&`, `!`, `:*` and every other operator are separators), so no input can change the query's
 * meaning or make it fail; the database only ever sees `word:* & word:*`.
 */

/** More words narrow nothing down that these do not; a pasted page is cut here. */
export const MAX_WORDS = 8;
/** A one-letter prefix matches nearly every text: it is left out (the page asks for one more letter). */
export const MIN_WORD_LENGTH = 2;
const MAX_WORD_LENGTH = 40;

/** The distinct words of a question, lower case, in the order typed. */
export function searchWords(question: string): string[] {
	const words =
		question
			.normalize('NFKC')
			.toLowerCase()
			.match(/[\p{L}\p{N}]+/gu) ?? [];
	const kept = words.filter((w) => [...w].length >= MIN_WORD_LENGTH).map((w) => [...w].slice(0, MAX_WORD_LENGTH).join(''));
	return [...new Set(kept)].slice(0, MAX_WORDS);
}

/**
 * The words as the text of a `to_tsquery`: all of them required (`&`) or any of them (`|`), each also as the
 * start of a longer word (results while typing: *wonin* finds *woningen*). The Dutch stemmer then makes
 * *woningen* find *woning*.
 */
export function prefixQuery(words: string[], join: '&' | '|' = '&'): string {
	return words.map((w) => `${w}:*`).join(` ${join} `);
}
