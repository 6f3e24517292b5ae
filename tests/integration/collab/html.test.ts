import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { fragmentToSnapshot, safeHref } from '../../../src/lib/server/modules/collaboration/html';
import { fillFragment } from '../../../src/lib/server/modules/collaboration/from-html';

/** Builds a fragment the way y-prosemirror stores Tiptap content. */
function fragment(build: (f: Y.XmlFragment) => void): Y.XmlFragment {
	const doc = new Y.Doc();
	const f = doc.getXmlFragment('description');
	doc.transact(() => build(f));
	return f;
}

function el(name: string, attrs: Record<string, unknown>, children: (Y.XmlElement | Y.XmlText)[]): Y.XmlElement {
	const e = new Y.XmlElement(name);
	for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v as never);
	e.insert(0, children);
	return e;
}

function text(...runs: [string, Record<string, unknown>?][]): Y.XmlText {
	const t = new Y.XmlText();
	t.applyDelta(runs.map(([insert, attributes]) => ({ insert, attributes: attributes ?? {} })));
	return t;
}

const fromHtml = (html: string) => fragmentToSnapshot(fragment((f) => fillFragment(f, html)));

describe('Yjs → HTML snapshot (allow-list)', () => {
	it('writes the allowed nodes and marks', () => {
		const f = fragment((f) =>
			f.insert(0, [
				el('heading', { level: 2 }, [text(['Wonen en groen'])]),
				el('paragraph', {}, [
					text(['Leiden heeft '], ['10.000', { bold: {} }], [' extra '], ['woningen', { italic: {}, bold: {} }], [' nodig, zie ']),
					text(['de visie', { link: { href: 'https://www.leiden.nl/visie?a=1&b=2' } }])
				]),
				el('bulletList', {}, [el('listItem', {}, [el('paragraph', {}, [text(['een'])])]), el('listItem', {}, [el('paragraph', {}, [text(['twee'])])])]),
				el('orderedList', { start: 3 }, [el('listItem', {}, [el('paragraph', {}, [text(['drie'])])])]),
				el('blockquote', {}, [el('paragraph', {}, [text(['Samen sterk.'])])]),
				el('heading', { level: 3 }, [text(['Kosten'])])
			])
		);
		const { html, text: plain } = fragmentToSnapshot(f);
		expect(html).toBe(
			'<h2>Wonen en groen</h2>' +
				'<p>Leiden heeft <strong>10.000</strong> extra <strong><em>woningen</em></strong> nodig, zie ' +
				'<a href="https://www.leiden.nl/visie?a=1&amp;b=2" rel="noopener noreferrer nofollow">de visie</a></p>' +
				'<ul><li><p>een</p></li><li><p>twee</p></li></ul>' +
				'<ol start="3"><li><p>drie</p></li></ol>' +
				'<blockquote><p>Samen sterk.</p></blockquote>' +
				'<h3>Kosten</h3>'
		);
		expect(plain).toBe('Wonen en groen\n\nLeiden heeft 10.000 extra woningen nodig, zie de visie\n\n- een\n- twee\n\n3. drie\n\n> Samen sterk.\n\nKosten');
	});

	it('never lets a client put markup, scripts or dangerous links into the HTML', () => {
		const f = fragment((f) =>
			f.insert(0, [
				el('paragraph', { class: 'x', style: 'color:red', onclick: 'alert(1)' }, [
					text(
						['<script>alert(1)</script>'],
						[' klik', { link: { href: 'javascript:alert(1)' } }],
						[' data', { link: { href: 'data:text/html,<b>x</b>' } }],
						[' rel', { link: { href: '/relatief' } }],
						[' mail', { link: { href: 'mailto:griffie@leiden.nl' } }],
						[' "quote"', { strike: {}, code: {}, textStyle: { color: 'red' } }]
					)
				]),
				el('script', { src: 'https://evil.example/x.js' }, [text(['alert(2)'])]),
				el('image', { src: 'https://evil.example/x.png', onerror: 'alert(3)' }, []),
				el('heading', { level: 1 }, [text(['h1 wordt h2'])]),
				el('heading', { level: 6 }, [text(['h6 wordt h3'])]),
				el('codeBlock', { language: 'js' }, [text(['code als tekst'])])
			])
		);
		const { html } = fragmentToSnapshot(f);
		expect(html).toBe(
			'<p>&lt;script&gt;alert(1)&lt;/script&gt; klik data rel' +
				'<a href="mailto:griffie@leiden.nl" rel="noopener noreferrer nofollow"> mail</a> &quot;quote&quot;</p>' +
				'<p>alert(2)</p>' +
				'<h2>h1 wordt h2</h2><h3>h6 wordt h3</h3>' +
				'<p>code als tekst</p>'
		);
		expect(html).not.toMatch(/<script|javascript:|onerror|onclick|style=|class=|data:/i);
	});

	it('treats an empty document as empty', () => {
		expect(fragmentToSnapshot(fragment(() => {}))).toEqual({ html: '', text: '' });
		expect(fragmentToSnapshot(fragment((f) => f.insert(0, [el('paragraph', {}, [])])))).toEqual({ html: '', text: '' });
	});

	it('accepts only http, https and mailto links', () => {
		expect(safeHref('https://leiden.nl')).toBe('https://leiden.nl/');
		expect(safeHref('mailto:a@b.nl')).toBe('mailto:a@b.nl');
		for (const bad of ['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,x', 'vbscript:x', '/pad', 'ftp://x', '', null, 42]) {
			expect(safeHref(bad), String(bad)).toBeNull();
		}
	});
});

describe('HTML → Yjs (seeding and restoring)', () => {
	it('gives back exactly the HTML it wrote (a restored version is unchanged)', () => {
		const canonical =
			'<h2>Wonen</h2><p>Een <strong>vet</strong> en <em>schuin</em> woord, <a href="https://leiden.nl/" rel="noopener noreferrer nofollow">link</a>.<br>Nieuwe regel.</p>' +
			'<ul><li><p>een</p><ul><li><p>genest</p></li></ul></li></ul><ol start="2"><li><p>twee</p></li></ol><blockquote><p>citaat</p></blockquote>';
		expect(fromHtml(canonical).html).toBe(canonical);
	});

	it('cleans up HTML from elsewhere to the allow-list', () => {
		const messy =
			'<h1>Titel</h1><p class="x">Een <b>vet</b> en <a href="javascript:alert(1)">slecht</a> &amp; <a href=\'https://goed.nl\'>goed</a>' +
			'<script>alert(1)</script><style>p{}</style></p><div>los <span>blok</span></div><ul><li>een</li><li><p>twee</p></ul>' +
			'<img src=x onerror=alert(1)><h4>diep</h4>';
		expect(fromHtml(messy).html).toBe(
			'<h2>Titel</h2><p>Een <strong>vet</strong> en slecht &amp; <a href="https://goed.nl/" rel="noopener noreferrer nofollow">goed</a></p>' +
				'<p>los blok</p><ul><li><p>een</p></li><li><p>twee</p></li></ul><h3>diep</h3>'
		);
	});
});
