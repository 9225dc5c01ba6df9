import { Marked } from 'marked';
import DOMPurify from 'dompurify';
import { fillTemplate } from '../content/template';

const marked = new Marked({ gfm: true, breaks: false, async: false });

// Content may come from an instructor's file: treat it as untrusted. Links open safely.
DOMPurify.addHook('afterSanitizeAttributes', (node) => {
	if (node.tagName === 'A') {
		node.setAttribute('rel', 'noopener noreferrer');
		node.setAttribute('target', '_blank');
	}
});

const PURIFY = { USE_PROFILE: { html: true }, FORBID_TAGS: ['style', 'form', 'input', 'button', 'iframe'], FORBID_ATTR: ['style'] };

/** Markdown → sanitized HTML, with {{placeholders}} filled. Browser only (DOMPurify needs a DOM). */
export function renderMarkdown(text: string, bindings: Readonly<Record<string, string>> = {}): string {
	return DOMPurify.sanitize(marked.parse(fillTemplate(text, bindings)) as string, PURIFY) as string;
}

/** One line of Markdown without the surrounding paragraph (option labels). */
export function renderInline(text: string, bindings: Readonly<Record<string, string>> = {}): string {
	return DOMPurify.sanitize(marked.parseInline(fillTemplate(text, bindings)) as string, PURIFY) as string;
}
