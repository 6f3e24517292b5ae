import { describe, expect, it } from 'vitest';
import { horizons, itemStatuses, verdeelsleutels } from '../../../src/lib/agenda/constants';
import { councilOutcomes, positionKinds, signOffDecisions } from '../../../src/lib/decisions/constants';
import {
	consensusLevelLabel,
	decisionLabel,
	horizonLabel,
	keyLabel,
	outcomeLabel,
	positionLabel,
	statusLabel
} from '../../../src/lib/server/modules/exports/labels';

// The labels are looked up by message name: a value without its message would show its code in the file.
const cases: [string, (v: string, l: 'nl' | 'en') => string, readonly string[]][] = [
	['status', statusLabel, itemStatuses],
	['horizon', horizonLabel, horizons],
	['cost key', keyLabel, verdeelsleutels],
	['position', positionLabel, positionKinds],
	['college decision', decisionLabel, signOffDecisions],
	['council outcome', outcomeLabel, councilOutcomes]
];

describe('the labels in exported files', () => {
	for (const [what, label, values] of cases) {
		it(`name every ${what} in Dutch and English, never by its code`, () => {
			for (const v of values) {
				for (const locale of ['nl', 'en'] as const) expect(label(v, locale), `${v} (${locale})`).not.toBe(v);
			}
		});
	}

	it('say the words of the pages', () => {
		expect(statusLabel('gereed_voor_besluitvorming', 'nl')).toBe('Gereed voor besluitvorming');
		expect(statusLabel('vastgesteld', 'en')).toBe('Adopted');
		expect(positionLabel('steunt_onder_voorwaarden', 'nl')).toBe('Steunt onder voorwaarden');
		expect(outcomeLabel('wensen_en_bedenkingen', 'nl')).toBe('Wensen en bedenkingen');
		expect(keyLabel('inwoners', 'nl')).toBe('Naar rato van inwoners');
		// Two levels are spelled as their code in Dutch; the other two show the lookup works.
		expect(['consensus', 'near', 'open', 'blocked'].map((l) => consensusLevelLabel(l, 'nl'))).toEqual(['consensus', 'bijna', 'open', 'bezwaar']);
		expect(consensusLevelLabel('blocked', 'en')).toBe('objection');
	});
});
