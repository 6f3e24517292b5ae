import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Every message of one locale, from all areas. */
function messages(locale: 'nl' | 'en'): Record<string, unknown> {
	const dir = join(process.cwd(), 'messages');
	return Object.assign({}, ...readdirSync(dir).map((area) => JSON.parse(readFileSync(join(dir, area, `${locale}.json`), 'utf8'))));
}

/** Messages that name the same thing, on screens, buttons and in documents: they must say it the same way. */
const sameThing: Record<string, string[]> = {
	'the regional value of an item': ['agenda_section_meerwaarde', 'agenda_fieldname_meerwaarde', 'collab_field_meerwaarde', 'interviews_candidate_meerwaarde'],
	'the questions a session puts to the councils': ['report_questions', 'report_summary_questions'],
	'applying a filter': ['agenda_filter_apply', 'decisions_filter_apply', 'interviews_filter_apply', 'admin_filter_submit']
};

describe('one name for each thing', () => {
	for (const locale of ['nl', 'en'] as const) {
		const all = messages(locale);
		for (const [thing, keys] of Object.entries(sameThing)) {
			it(`${locale}: ${thing} is said one way`, () => {
				const said = new Set(keys.map((k) => all[k]));
				expect(said.has(undefined)).toBe(false);
				expect([...said]).toHaveLength(1);
			});
		}
	}

	it('the Dutch words are the users\' words', () => {
		const nl = messages('nl');
		expect(nl.agenda_section_meerwaarde).toBe('Regionale meerwaarde');
		expect(nl.report_questions).toBe('Vragen aan de raden');
		expect(nl.agenda_filter_apply).toBe('Filteren');
		const texts = Object.values(nl).map((v) => JSON.stringify(v));
		for (const variant of ['Meerwaarde voor de regio', 'Vragen voor de raden', 'Filter toepassen']) expect(texts.filter((t) => t.includes(variant))).toEqual([]);
	});
});
