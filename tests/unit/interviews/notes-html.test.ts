import { describe, expect, it } from 'vitest';
import { notesToSnapshot } from '../../../src/lib/server/modules/interviews/notes-html';
import { plainToHtml } from '../../../src/lib/server/modules/collaboration/html';

const p = (...content: unknown[]) => ({ type: 'paragraph', content });
const text = (t: string, marks?: unknown[]) => ({ type: 'text', text: t, ...(marks ? { marks } : {}) });

describe('notes: editor document → sanitised HTML and plain text', () => {
	it('writes the allowed structure and marks', () => {
		const out = notesToSnapshot({
			type: 'doc',
			content: [
				{ type: 'heading', attrs: { level: 1 }, content: [text('Wonen')] },
				p(text('Leiden heeft '), text('10.000', [{ type: 'bold' }]), text(' woningen nodig.')),
				{ type: 'bulletList', content: [{ type: 'listItem', content: [p(text('Kennisstad', [{ type: 'link', attrs: { href: 'https://leiden.nl' } }]))] }] }
			] as never
		});
		expect(out.html).toBe(
			'<h2>Wonen</h2><p>Leiden heeft <strong>10.000</strong> woningen nodig.</p><ul><li><p><a href="https://leiden.nl/" rel="noopener noreferrer nofollow">Kennisstad</a></p></li></ul>'
		);
		expect(out.text).toBe('Wonen\n\nLeiden heeft 10.000 woningen nodig.\n\n- Kennisstad');
	});

	it('never lets markup, scripts or unsafe links through', () => {
		const out = notesToSnapshot({
			type: 'doc',
			content: [
				p(text('<script>alert(1)</script>'), text('klik', [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }])),
				{ type: 'iframe" onload="alert(1)', attrs: { src: 'x', onload: 'alert(1)' }, content: [p(text('binnen'))] },
				{ type: 'image', attrs: { src: 'https://evil.example/x.png' } }
			] as never
		});
		expect(out.html).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;klik</p><p>binnen</p>');
		expect(out.html).not.toMatch(/javascript|onload|<img|iframe/i);
	});

	it('an empty document is empty', () => {
		expect(notesToSnapshot({ type: 'doc', content: [p()] as never })).toEqual({ html: '', text: '' });
	});
});

describe('meerwaarde of a candidate → the item text', () => {
	it('blank lines part paragraphs, text is escaped', () => {
		expect(plainToHtml('Samen <sneller>\nen goedkoper\n\nTweede')).toEqual({
			html: '<p>Samen &lt;sneller&gt;<br>en goedkoper</p><p>Tweede</p>',
			text: 'Samen <sneller>\nen goedkoper\n\nTweede'
		});
	});
});
