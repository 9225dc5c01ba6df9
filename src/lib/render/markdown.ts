import DOMPurify from 'dompurify';
import { fillTemplate } from '../content/template';
import { markdownRenderer } from './rules';

const render = markdownRenderer(DOMPurify);

// Sanitizing is the costly part of showing feedback, so rendered HTML is kept (a few hundred entries).
const cache = new Map<string, string>();
const CACHE_LIMIT = 400;

function cached(key: string, make: () => string): string {
	const hit = cache.get(key);
	if (hit !== undefined) return hit;
	const html = make();
	if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
	cache.set(key, html);
	return html;
}

/** Markdown → sanitized HTML, with {{placeholders}} filled. Browser only (DOMPurify needs a DOM). */
export function renderMarkdown(text: string, bindings: Readonly<Record<string, string>> = {}): string {
	const filled = fillTemplate(text, bindings);
	return cached(`b:${filled}`, () => render.block(filled));
}

/** One line of Markdown without the surrounding paragraph (option labels). */
export function renderInline(text: string, bindings: Readonly<Record<string, string>> = {}): string {
	const filled = fillTemplate(text, bindings);
	return cached(`i:${filled}`, () => render.inline(filled));
}
