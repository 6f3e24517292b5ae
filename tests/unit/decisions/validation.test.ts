import { describe, expect, it } from 'vitest';
import { consensusOf } from '../../../src/lib/decisions/constants';
import { recordCouncilDecisionSchema, recordSignOffSchema, setPositionSchema, todayInNl } from '../../../src/lib/validation/decisions';

const item = '5b0b7c1e-0000-4000-8000-000000000001';
const hash = 'a'.repeat(64);
const errorsOf = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
	Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));

describe('decisions validation', () => {
	it('positions need reasons for onder voorwaarden and bezwaar; conditions split per line', () => {
		expect(errorsOf(setPositionSchema.safeParse({ itemId: item, municipalityId: 'leiden', position: 'bezwaar' }))).toEqual({
			reasons: 'validation_decisions_reasons_required'
		});
		const ok = setPositionSchema.parse({ itemId: item, municipalityId: 'leiden', position: 'steunt_onder_voorwaarden', reasons: 'x', conditions: 'a\n\n b ' });
		expect(ok.conditions).toEqual(['a', 'b']);
		expect(setPositionSchema.safeParse({ itemId: item, municipalityId: 'wassenaar', position: 'steunt' }).success).toBe(false);
	});

	it('a sign-off needs a kenmerk and a date not in the future', () => {
		const s = recordSignOffSchema('2026-03-01');
		const base = {
			itemId: item,
			municipalityId: 'leiden',
			versionNumber: 2,
			contentHash: hash,
			decision: 'akkoord',
			meetingDate: '2026-03-01',
			kenmerk: 'Z/1'
		};
		expect(s.safeParse(base).success).toBe(true);
		expect(errorsOf(s.safeParse({ ...base, meetingDate: '2026-03-02', kenmerk: ' ' }))).toEqual({
			meetingDate: 'validation_decisions_date_in_future',
			kenmerk: 'validation_decisions_kenmerk_required'
		});
		expect(errorsOf(s.safeParse({ ...base, decision: 'akkoord', withdraw: 'on' }))).toEqual({ withdraw: 'validation_decisions_withdraw_only_niet_akkoord' });
		expect(errorsOf(s.safeParse({ ...base, documentUrl: 'javascript:alert(1)' }))).toEqual({ documentUrl: 'validation_decisions_url' });
	});

	it('wensen en bedenkingen need their text', () => {
		const s = recordCouncilDecisionSchema('2026-03-01');
		expect(
			errorsOf(s.safeParse({ itemId: item, municipalityId: 'leiden', meetingDate: '2026-01-01', outcome: 'wensen_en_bedenkingen', kenmerk: 'R/1' }))
		).toEqual({
			wensenEnBedenkingen: 'validation_decisions_wensen_required'
		});
	});

	it('today is the Dutch calendar date', () => {
		expect(todayInNl(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
	});

	it('consensus counts participants, ignoring those who do not take part', () => {
		expect(consensusOf(['steunt', 'steunt_onder_voorwaarden', 'neemt_niet_deel']).level).toBe('consensus');
		expect(consensusOf(['steunt', 'bezwaar']).level).toBe('blocked');
		expect(consensusOf(['steunt', 'steunt', 'neutraal']).level).toBe('near');
		expect(consensusOf(['nog_geen_standpunt', 'neutraal', 'steunt']).level).toBe('open');
	});
});
