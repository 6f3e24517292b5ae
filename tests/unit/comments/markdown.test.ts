import { describe, expect, it } from 'vitest';
import { commentPlainText, renderComment } from '../../../src/lib/comments/markdown';

describe('comment Markdown', () => {
	it('renders the subset', () => {
		expect(renderComment('*a* **b**')).toBe('<p><em>a</em> <strong>b</strong></p>\n');
		expect(renderComment('- een\n- twee')).toContain('<ul>');
		expect(renderComment('> citaat')).toContain('<blockquote>');
		expect(renderComment('[site](https://example.org)')).toBe(
			'<p><a href="https://example.org" rel="noopener noreferrer nofollow" target="_blank">site</a></p>\n'
		);
	});
	it('never passes HTML or unsafe links', () => {
		const corpus = [
			'<script>alert(1)</script>',
			'<img src=x onerror=alert(1)>',
			'<svg onload=alert(1)><circle/></svg>',
			'[klik](javascript:alert(1))',
			'[klik](JaVaScRiPt:alert(1))',
			'[klik](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
			'![x](https://example.org/x.png)',
			'<a href="javascript:alert(1)">x</a>',
			'# kop'
		];
		for (const payload of corpus) {
			const html = renderComment(payload);
			expect(html).not.toMatch(/<(script|img|svg|h1)/i);
			expect(html).not.toMatch(/href="(javascript|data):/i);
			expect(html).not.toMatch(/<[a-z]+[^>]*\son[a-z]+=/i);
		}
	});
});

describe('commentPlainText', () => {
	it('keeps the words and drops the Markdown, on one line', () => {
		expect(commentPlainText('**Let op:** zie _hier_\n\n- punt een\n- [link](https://example.org) `code`')).toBe('Let op: zie hier punt een link code');
		expect(commentPlainText('<script>alert(1)</script>')).toBe('<script>alert(1)</script>');
	});
});
