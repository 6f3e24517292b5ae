import type { Editor } from '@tiptap/core';
import type { StarterKitOptions } from '@tiptap/starter-kit';

/** What applies at the cursor: the toolbar's pressed buttons and the link under the caret. */
export interface Marks {
	bold: boolean;
	italic: boolean;
	h2: boolean;
	h3: boolean;
	bulletList: boolean;
	orderedList: boolean;
	blockquote: boolean;
	link: boolean;
	href: string;
}

/**
 * What every rich-text editor of the portal shares (the co-edited agenda fields and the interview notes): the same
 * StarterKit subset (a fresh object per editor), so the server's sanitiser sees the same HTML, and the same toolbar state.
 */
export function starterKitOptions(): Partial<StarterKitOptions> {
	return {
		heading: { levels: [2, 3] },
		code: false,
		codeBlock: false,
		strike: false,
		underline: false,
		horizontalRule: false,
		link: {
			openOnClick: false,
			autolink: true,
			defaultProtocol: 'https',
			protocols: ['mailto'],
			HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: null },
			isAllowedUri: (url: string) => /^(https?:\/\/|mailto:)/i.test(url.trim())
		}
	};
}

/** The toolbar state before the editor is there: nothing applies. */
export function noMarks(): Marks {
	return { bold: false, italic: false, h2: false, h3: false, bulletList: false, orderedList: false, blockquote: false, link: false, href: '' };
}

/** What applies at the cursor, for the toolbar's aria-pressed buttons and its link form. */
export function readMarks(e: Editor): Marks {
	return {
		bold: e.isActive('bold'),
		italic: e.isActive('italic'),
		h2: e.isActive('heading', { level: 2 }),
		h3: e.isActive('heading', { level: 3 }),
		bulletList: e.isActive('bulletList'),
		orderedList: e.isActive('orderedList'),
		blockquote: e.isActive('blockquote'),
		link: e.isActive('link'),
		href: (e.getAttributes('link').href as string | undefined) ?? ''
	};
}
