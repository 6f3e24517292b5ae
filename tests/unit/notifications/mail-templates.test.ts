import { describe, expect, it } from 'vitest';
import { escapeHtml, renderDigest, renderImmediate, type MailNotice } from '../../../src/lib/server/modules/notifications/mail-templates';
import { defaultDelivery, kindsFor } from '../../../src/lib/notifications/kinds';

const links = { settings: 'https://portaal.example/account#meldingen', unsubscribe: 'https://portaal.example/afmelden/u.mention.sig' };
const notice = (over: Partial<MailNotice> = {}): MailNotice => ({
	kind: 'mention',
	itemTitle: 'Fietsroute <Rijn> & "Schie"',
	actorName: "O'Neil <script>alert(1)</script>",
	excerpt: 'Zie <img src=x onerror=alert(1)>',
	municipality: 'Leiden',
	version: 3,
	link: 'https://portaal.example/agenda/i#reactie-c',
	...over
});

describe('notification mail templates', () => {
	it('escapes everything user-supplied in the HTML part; the text part and subject keep it as written, on one line', () => {
		const mail = renderImmediate({ name: 'Ann <b>', locale: 'nl' }, notice({ itemTitle: 'Regel\r\nBcc: x@evil.example' }), links);
		expect(mail.subject).toBe("O'Neil <script>alert(1)</script> heeft u vermeld bij Regel Bcc: x@evil.example");
		expect(mail.subject).not.toMatch(/[\r\n]/);
		expect(mail.html).not.toContain('<script>');
		expect(mail.html).not.toContain('<img');
		expect(mail.html).not.toContain('<b>');
		expect(mail.html).toContain('O&#39;Neil &lt;script&gt;alert(1)&lt;/script&gt;');
		expect(mail.html).toContain('Zie &lt;img src=x onerror=alert(1)&gt;');
		expect(mail.text).toContain('Beste Ann <b>,');
		expect(mail.text).toContain('> Zie <img src=x onerror=alert(1)>');
		expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
	});

	it("is a small accessible page in the recipient's language, with the exact place, settings and unsubscribe links", () => {
		const mail = renderImmediate({ name: 'Emma', locale: 'en' }, notice({ kind: 'decision_requested', excerpt: '' }), links);
		expect(mail.subject).toBe('Ready for your decision: Fietsroute <Rijn> & "Schie"');
		expect(mail.html).toMatch(/^<!doctype html>\n<html lang="en">/);
		expect(mail.html).toMatch(/<h1[^>]*>Fietsroute &lt;Rijn&gt; &amp; &quot;Schie&quot; is up for decision/);
		expect(mail.html).toContain(`<a href="${links.unsubscribe}"`);
		expect(mail.html).toContain(`<a href="${links.settings}"`);
		expect(mail.text).toContain(`View in the portal: ${notice().link}`);
		expect(mail.text).toContain(links.unsubscribe);
	});

	it('digest: grouped by kind, counted in singular and plural, each notice linked', () => {
		const mail = renderDigest(
			{ name: 'Dirk', locale: 'nl' },
			[
				notice({ kind: 'position_requested', link: 'https://p/a' }),
				notice({ kind: 'reply', link: 'https://p/b' }),
				notice({ kind: 'position_requested', link: 'https://p/c' })
			],
			links
		);
		expect(mail.subject).toBe('Dagelijks overzicht: 3 meldingen');
		expect(mail.html).toMatch(/<h2[^>]*>2 standpunten gevraagd<\/h2>/);
		expect(mail.html).toMatch(/<h2[^>]*>1 reactie in uw discussies<\/h2>/);
		expect(mail.html.indexOf('standpunten')).toBeLessThan(mail.html.indexOf('reactie in uw'));
		for (const l of ['https://p/a', 'https://p/b', 'https://p/c']) expect(mail.text).toContain(l);
		const one = renderDigest({ name: 'Dirk', locale: 'en' }, [notice({ kind: 'reply' })], links);
		expect(one.subject).toBe('Daily digest: 1 notification');
		expect(one.text).toContain('1 reply in your discussions');
	});
});

describe('defaults per role', () => {
	it('what asks something of a role comes at once, the rest daily; only the kinds a role receives are shown', () => {
		expect(defaultDelivery('decision_requested', ['collegelid'])).toBe('immediate');
		expect(defaultDelivery('council_requested', ['griffie'])).toBe('immediate');
		expect(defaultDelivery('position_requested', ['klankbordgroeplid'])).toBe('digest');
		expect(defaultDelivery('reply', ['verkenner'])).toBe('digest');
		expect(defaultDelivery('mention', ['meelezer'])).toBe('immediate');
		expect(kindsFor(['verkenner'])).toEqual(['mention', 'reply']);
		expect(kindsFor(['collegelid', 'griffie'])).toEqual(['decision_requested', 'council_requested', 'decision_voided', 'mention', 'reply']);
		expect(kindsFor([])).toEqual([]);
	});
});
