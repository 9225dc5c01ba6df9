import { Marked } from 'marked';
import type { DOMPurify } from 'dompurify';

// The app's Markdown and sanitising rules, in one place: the browser's renderer (markdown.ts) and the
// build's (scripts/prerender-markdown.ts, shipped scenarios) both use them, so a text comes out the same.

// Content is Markdown only: raw HTML in it is shown as the text it is, never parsed. (DOMPurify would
// strip it anyway, but parsing it at all makes the browser report every inline handler it meets.)
export const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const marked = new Marked({ gfm: true, breaks: false, async: false, renderer: { html: ({ text }) => escapeHtml(text) } });

const PURIFY = { USE_PROFILE: { html: true }, FORBID_TAGS: ['style', 'form', 'input', 'button', 'iframe', 'svg', 'math'], FORBID_ATTR: ['style'] };

/** Markdown → sanitized HTML with this DOMPurify (the browser's, or one over a Node DOM at build). */
export function markdownRenderer(purify: DOMPurify) {
	// Content may come from an instructor's file: treat it as untrusted. Links open safely.
	purify.addHook('afterSanitizeAttributes', (node) => {
		if (node.tagName === 'A') {
			node.setAttribute('rel', 'noopener noreferrer');
			node.setAttribute('target', '_blank');
		}
	});
	return {
		block: (text: string) => purify.sanitize(marked.parse(text) as string, PURIFY) as string,
		inline: (text: string) => purify.sanitize(marked.parseInline(text) as string, PURIFY) as string
	};
}
