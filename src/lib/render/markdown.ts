import { Marked } from 'marked';
import DOMPurify from 'dompurify';
import { fillTemplate } from '../content/template';

// Content is Markdown only: raw HTML in it is shown as the text it is, never parsed. (DOMPurify would
// strip it anyway, but parsing it at all makes the browser report every inline handler it meets.)
const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const marked = new Marked({ gfm: true, breaks: false, async: false, renderer: { html: ({ text }) => escapeHtml(text) } });

// Content may come from an instructor's file: treat it as untrusted. Links open safely.
DOMPurify.addHook('afterSanitizeAttributes', (node) => {
	if (node.tagName === 'A') {
		node.setAttribute('rel', 'noopener noreferrer');
		node.setAttribute('target', '_blank');
	}
});

const PURIFY = { USE_PROFILE: { html: true }, FORBID_TAGS: ['style', 'form', 'input', 'button', 'iframe', 'svg', 'math'], FORBID_ATTR: ['style'] };

// Sanitizing is the costly part of showing feedback, so rendered HTML is kept (a few hundred entries).
const cache = new Map<string, string>();
const CACHE_LIMIT = 400;

function cached(key: string, render: () => string): string {
	const hit = cache.get(key);
	if (hit !== undefined) return hit;
	const html = render();
	if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
	cache.set(key, html);
	return html;
}

/** Markdown → sanitized HTML, with {{placeholders}} filled. Browser only (DOMPurify needs a DOM). */
export function renderMarkdown(text: string, bindings: Readonly<Record<string, string>> = {}): string {
	const filled = fillTemplate(text, bindings);
	return cached(`b:${filled}`, () => DOMPurify.sanitize(marked.parse(filled) as string, PURIFY) as string);
}

/** One line of Markdown without the surrounding paragraph (option labels). */
export function renderInline(text: string, bindings: Readonly<Record<string, string>> = {}): string {
	const filled = fillTemplate(text, bindings);
	return cached(`i:${filled}`, () => DOMPurify.sanitize(marked.parseInline(filled) as string, PURIFY) as string);
}

/** Renders texts ahead of need, when the browser is idle (the feedback a step may show). */
export function prepareMarkdown(texts: { text: string; inline?: boolean }[], bindings: Readonly<Record<string, string>> = {}): void {
	const idle = (globalThis as { requestIdleCallback?: (cb: () => void) => void }).requestIdleCallback ?? ((cb: () => void) => setTimeout(cb, 50));
	idle(() => {
		for (const t of texts) (t.inline ? renderInline : renderMarkdown)(t.text, bindings);
	});
}
