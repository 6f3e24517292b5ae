import MarkdownIt from 'markdown-it';

/**
 * The comment text format: a small Markdown subset (emphasis, lists, links, quotes, inline code) and never
 * raw HTML. markdown-it escapes everything else (`html: false`); links are kept only for http, https and
 * mailto and open in a new tab without access to this page. The output is safe to insert as HTML.
 */
const md = new MarkdownIt('zero', { html: false, linkify: true, breaks: true });
md.enable(['paragraph', 'newline', 'emphasis', 'list', 'blockquote', 'link', 'linkify', 'backticks', 'escape', 'entity', 'text_join']);

const allowed = /^(https?:|mailto:)/i;
md.validateLink = (url: string) => allowed.test(url.trim());

const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
	const token = tokens[idx];
	token.attrSet('rel', 'noopener noreferrer nofollow');
	token.attrSet('target', '_blank');
	return defaultLinkOpen(tokens, idx, options, env, self);
};

/** Renders a comment's text to safe HTML. */
export function renderComment(text: string): string {
	return md.render(text);
}

/** A comment's text without its Markdown (for excerpts in notifications and mail): the words, on one line. */
export function commentPlainText(text: string): string {
	const parts: string[] = [];
	for (const token of md.parse(text, {})) {
		if (token.type !== 'inline') {
			if (token.nesting === -1 && token.block) parts.push(' ');
			continue;
		}
		for (const child of token.children ?? []) {
			if (child.type === 'text' || child.type === 'code_inline') parts.push(child.content);
			else if (child.type === 'softbreak' || child.type === 'hardbreak') parts.push(' ');
		}
	}
	return parts.join('').replace(/\s+/g, ' ').trim();
}
