/**
 * No browser chunk carries a message no browser code uses (bench/browser-js.js's leak check): the functions on a
 * small fixture, and the check itself on the production build when there is a current one (`npm run build` after
 * the last change to src/ or messages/; an older build is skipped, it would be judged by newer sources).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { messageNamesIn } from '../../../bench/lib/browser-messages.js';
import { checkBuild } from '../../../bench/lib/build-leaks.js';
import { findLeaks, leakProbes, literalPieces, variantTexts, type Message } from '../../../bench/lib/message-leaks.js';

const root = path.resolve(import.meta.dirname, '../../..');

const messages: Message[] = [
	{ key: 'agenda_title', area: 'agenda', texts: { nl: ['Titel van het agendapunt'], en: ['Title of the agenda item'] } },
	{ key: 'mail_ready_subject', area: 'mail', texts: { nl: ['Agendapunt {title} staat klaar voor u'], en: ['Agenda item {title} is ready for you'] } },
	// Its text is also the browser's own: finding it proves nothing, so it is not searched for.
	{ key: 'mail_agenda_title', area: 'mail', texts: { nl: ['Titel van het agendapunt'], en: ['Title of the agenda item'] } }
];
const browserKeys = new Set(['agenda_title']);
/** A chunk as the minifier writes paraglide's message functions. */
const chunk = (...texts: string[]) => texts.map((t, i) => `m${i}=()=>\`${t}\``).join(',');

describe('the leak check', () => {
	it('reads a text and a plural variant, and splits a text at its placeholders', () => {
		expect(variantTexts('Hallo')).toEqual(['Hallo']);
		expect(variantTexts([{ declarations: [], selectors: ['n'], match: { 'n=one': '{n} punt', 'n=other': '{n} punten' } }])).toEqual(['{n} punt', '{n} punten']);
		expect(literalPieces('Agendapunt {title} staat klaar voor u')).toEqual(['Agendapunt', 'staat klaar voor u']);
		// A quote or a backtick may come out escaped: the pieces stop there.
		expect(literalPieces('Kies ‘eigen’ of "gedeeld" `nu`')).toEqual(['Kies ‘eigen’ of', 'gedeeld', 'nu']);
	});

	it('searches the texts of the messages no browser code uses, in both languages, and finds them', () => {
		const { forbidden } = leakProbes(messages, browserKeys, 'nl');
		expect(forbidden.map((p) => `${p.key}:${p.locale}:${p.probe}`)).toEqual(['mail_ready_subject:nl:staat klaar voor u', 'mail_ready_subject:en:is ready for you']);
		const files = new Map([
			['page.js', chunk('Titel van het agendapunt', 'Title of the agenda item')],
			['leaky.js', chunk('Agendapunt ${e?.title} staat klaar voor u', 'Agenda item ${e?.title} is ready for you')]
		]);
		expect(findLeaks(forbidden, files).map((l) => `${l.file}:${l.key}:${l.locale}`)).toEqual(['leaky.js:mail_ready_subject:nl', 'leaky.js:mail_ready_subject:en']);
	});

	it('counts the English text of the browser’s own messages apart (reported, not a leak)', () => {
		const { otherLocale } = leakProbes(messages, browserKeys, 'nl');
		expect(otherLocale).toEqual([{ key: 'agenda_title', locale: 'en', probe: 'Title of the agenda item', bytes: 24 }]);
	});

	it('sees the messages a source file names, as m.key and as named imports', () => {
		const code = "import { m } from '$lib/paraglide/messages.js';\nimport { agenda_title as title, b } from '../paraglide/messages.js';\nconst x = m.mail_ready_subject();";
		const names = messageNamesIn(code);
		expect(names).toEqual(expect.arrayContaining(['agenda_title', 'b', 'mail_ready_subject']));
		expect(names).not.toContain('title');
	});
});

/** The newest modification time under `dir` (paraglide's output aside: it is written by every sync). */
function newest(dir: string): number {
	return Math.max(
		0,
		...readdirSync(dir, { withFileTypes: true })
			.filter((e) => e.name !== 'paraglide')
			.map((e) => (e.isDirectory() ? newest(path.join(dir, e.name)) : statSync(path.join(dir, e.name)).mtimeMs))
	);
}
const manifest = path.join(root, '.svelte-kit/output/client/.vite/manifest.json');
const current =
	existsSync(path.join(root, 'build/client')) && existsSync(manifest) && statSync(manifest).mtimeMs > Math.max(newest(path.join(root, 'src')), newest(path.join(root, 'messages')));

describe.skipIf(!current)('the production build', () => {
	it('holds no text of a message that no browser code uses, in any language', () => {
		const { probes, leaks } = checkBuild(root);
		expect(probes.forbidden.length).toBeGreaterThan(100);
		expect(leaks.map((l) => `${l.key} (${l.locale}) in ${l.file}`)).toEqual([]);
	});
});
