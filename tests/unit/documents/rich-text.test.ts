import { describe, expect, it } from 'vitest';
import { richTextBlocks } from '../../../src/lib/server/documents';

describe('richTextBlocks (the portal’s allow-listed HTML as document blocks)', () => {
	it('turns headings, paragraphs with bold runs and links, and lists into blocks', () => {
		const html =
			'<h2>Aanpak</h2><p>Eerst <strong>Leiden</strong>, zie <a href="https://example.nl/plan?a=1&amp;b=2" rel="noopener">het plan</a>.</p>' +
			'<ul><li><p>stap één ✓</p></li><li>stap twee</li></ul><ol start="3"><li>derde</li></ol><h3>Daarna</h3><p>regel<br>volgende</p>';
		expect(richTextBlocks(html, 3)).toEqual([
			{ type: 'heading', level: 3, text: 'Aanpak' },
			{
				type: 'paragraph',
				text: [
					{ text: 'Eerst ' },
					{ text: 'Leiden', bold: true },
					{ text: ', zie ' },
					{ text: 'het plan', href: 'https://example.nl/plan?a=1&b=2' },
					{ text: '.' }
				]
			},
			{ type: 'list', ordered: false, entries: [{ text: [{ text: 'stap één ✓' }] }, { text: [{ text: 'stap twee' }] }] },
			{ type: 'list', ordered: true, entries: [{ text: [{ text: 'derde' }] }] },
			{ type: 'heading', level: 3, text: 'Daarna' },
			{ type: 'paragraph', text: [{ text: 'regel' }, { text: '\n' }, { text: 'volgende' }] }
		]);
	});

	it('keeps the text of anything else, decodes entities, drops unsafe link targets and empty paragraphs', () => {
		expect(richTextBlocks('<p></p><blockquote><p>citaat &lt;x&gt; &#960; &#x2713;</p></blockquote><p><a href="javascript:alert(1)">klik</a></p>')).toEqual([
			{ type: 'paragraph', text: [{ text: 'citaat <x> π ✓' }] },
			{ type: 'paragraph', text: [{ text: 'klik' }] }
		]);
		expect(richTextBlocks('')).toEqual([]);
	});
});
