import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { m } from '../../../src/lib/paraglide/messages.js';

const dir = join(process.cwd(), 'messages');
const all = (locale: string): Record<string, unknown> =>
	Object.assign({}, ...readdirSync(dir).map((area) => JSON.parse(readFileSync(join(dir, area, `${locale}.json`), 'utf8'))));

/** A number followed by the noun it counts ("{count} reacties"): it needs a singular form too ("min." is both). */
const countedNoun = /\{(count|minutes|days)\} (?!min\b)[a-zà-ÿ]/i;

describe('singular and plural', () => {
	for (const locale of ['nl', 'en']) {
		it(`${locale}: every message that counts something has a form for one`, () => {
			const plain = Object.entries(all(locale)).filter(([, v]) => typeof v === 'string' && countedNoun.test(v));
			// Durations the configuration keeps above one (a link valid for 15 minutes, a lock of 15 minutes).
			const neverOne = /^(auth_|admin_invitation_mail_body)/;
			expect(plain.filter(([k]) => !neverOne.test(k)).map(([k, v]) => `${k}: ${v}`)).toEqual([]);
		});
	}

	it('says "1 ongelezen melding", "1 reactie" and "1 minuut", and the plural for more', () => {
		expect(m.notifications_unread({ count: 1 }, { locale: 'nl' })).toBe('1 ongelezen melding');
		expect(m.notifications_unread({ count: 3 }, { locale: 'nl' })).toBe('3 ongelezen meldingen');
		expect(m.comments_count({ count: 1 }, { locale: 'nl' })).toBe('1 reactie');
		expect(m.comments_count({ count: 0 }, { locale: 'nl' })).toBe('0 reacties');
		expect(m.meetings_plan_total({ minutes: 1 }, { locale: 'nl' })).toBe('Totaal gepland: 1 minuut.');
		expect(m.notifications_unread({ count: 1 }, { locale: 'en' })).toBe('1 unread notification');
		expect(m.decisions_consensus_summary({ support: 1, total: 5 }, { locale: 'nl' })).toBe('1 van 5 steunt');
		expect(m.decisions_consensus_summary({ support: 3, total: 5 }, { locale: 'nl' })).toBe('3 van 5 steunen');
	});
});
