/**
 * The explicit code → message maps the browser uses instead of a lookup by the message's name: each code says
 * the same words the lookup said, in the reader's language; an unknown code reads as itself.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { costProblemText } from '../../../src/lib/agenda/cost-problems';
import { boardLabel, kindLabel, momentLabel, noticeText, seatLabel } from '../../../src/lib/components/register/labels';
import { choiceLabel, criterionLabel, occasionLabel, scorePointLabel } from '../../../src/lib/register/assessment-labels';
import { domainLabel, questionLabel } from '../../../src/lib/register/assessment-question-labels';
import { assessmentDomains, questionCodes, weighingCriteria } from '../../../src/lib/register/assessment';
import { cycleMomentKinds } from '../../../src/lib/register/constants';
import { m } from '../../../src/lib/paraglide/messages.js';
import { baseLocale, getLocale, overwriteGetLocale } from '../../../src/lib/paraglide/runtime.js';

type ByName = Record<string, (inputs?: Record<string, unknown>) => string>;
/** The lookup by name the browser no longer does: what the words must still be. */
const byName = (key: string, inputs: Record<string, unknown> = {}) => (m as unknown as ByName)[key](inputs);

const original = getLocale;
afterEach(() => overwriteGetLocale(original));

describe('label maps', () => {
	it('say what the message of the same name says', () => {
		expect(getLocale()).toBe(baseLocale);
		for (const code of questionCodes) expect(questionLabel(code), code).toBe(byName(`assessment_q_${code.replace('.', '_')}`));
		for (const d of assessmentDomains) expect(domainLabel(d)).toBe(byName(`assessment_domain_${d}`));
		for (const c of weighingCriteria) expect(criterionLabel(c)).toBe(byName(`assessment_criterion_${c}`));
		for (const k of cycleMomentKinds) expect(momentLabel(k)).toBe(byName(`register_moment_${k}`));
		expect([occasionLabel('evaluatie'), choiceLabel('samen_doen'), scorePointLabel(5)]).toEqual(['Evaluatie', 'Samen doen', '5 – Zeer goed']);
		expect([kindLabel('gr'), boardLabel('pho'), seatLabel('rapporteur'), noticeText(3, 'maanden')]).toEqual([
			'Gemeenschappelijke regeling',
			'Portefeuillehoudersoverleg',
			'rapporteur',
			'3 maanden'
		]);
		expect(costProblemText('agenda_costs_percentages_sum', { sum: 99.5 })).toBe(byName('agenda_costs_percentages_sum', { sum: 99.5 }));
	});

	it('follow the reader’s language', () => {
		overwriteGetLocale(() => 'en');
		expect(criterionLabel('politieke_grip')).toBe(byName('assessment_criterion_politieke_grip'));
		expect([occasionLabel('voorstel_nieuw'), boardLabel('ab')]).toEqual(['Proposal for a new collaboration', 'General board']);
	});

	it('read an unknown code as itself and nothing as nothing', () => {
		expect([occasionLabel('later'), kindLabel('onbekend'), kindLabel(null), momentLabel('')]).toEqual(['later', 'onbekend', '', '']);
	});
});
