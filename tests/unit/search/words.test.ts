import { describe, expect, it } from 'vitest';
import { MAX_WORDS, prefixQuery, searchWords } from '../../../src/lib/server/modules/search/words';
import { MARK_END, MARK_START, passageParts } from '../../../src/lib/server/modules/search/passage';

describe('a question taken apart into words', () => {
	it('keeps letters and digits, lower case, each word once, in the order typed', () => {
		expect(searchWords('Woningbouw  in LEIDEN, woningbouw 2027')).toEqual(['woningbouw', 'in', 'leiden', '2027']);
		expect(searchWords('coördinatie café')).toEqual(['coördinatie', 'café']);
	});

	it('drops every operator and quote, so nothing typed changes the query', () => {
		expect(searchWords(`"woning" & !bouw :* | (x) <-> 'or' 1=1 --`)).toEqual(['woning', 'bouw', 'or']);
		expect(prefixQuery(searchWords('woning & !bouw:*'))).toBe('woning:* & bouw:*');
	});

	it('leaves out one-letter words and cuts a pasted page to a few words of reasonable length', () => {
		expect(searchWords('a b c')).toEqual([]);
		expect(searchWords('')).toEqual([]);
		expect(searchWords('x'.repeat(10_000))).toEqual(['x'.repeat(40)]);
		expect(searchWords(Array.from({ length: 50 }, (_, i) => `woord${i}`).join(' '))).toHaveLength(MAX_WORDS);
	});
});

describe('a marked passage as text parts', () => {
	it('splits at the markers and never yields HTML', () => {
		const headline = `de ${MARK_START}woningen${MARK_END} in <b>Leiden</b> en ${MARK_START}woning${MARK_END}bouw`;
		expect(passageParts(headline)).toEqual([
			{ text: 'de ', mark: false },
			{ text: 'woningen', mark: true },
			{ text: ' in <b>Leiden</b> en ', mark: false },
			{ text: 'woning', mark: true },
			{ text: 'bouw', mark: false }
		]);
		expect(passageParts('')).toEqual([]);
	});
});
