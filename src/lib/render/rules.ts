import { Marked } from 'marked';
import type { DOMPurify } from 'dompurify';

// The app's Markdown and sanitising rules, in one place: the browser's renderer (markdown.ts) and the
// build's (scripts/prerender-markdown.ts, shipped scenarios) both use them, so a text comes out the same.

// Content is Markdown only: raw HTML in it is shown as the text it is, never parsed. (DOMPurify would
// strip it anyway, but parsing it at all makes the browser report every inline handler it meets.)
export const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const marked = new Marked({ gfm: true, breaks: false, async: false, renderer: { html: ({ text }) => escapeHtml(text) } });

const PURIFY = { USE_PROFILE: { html: true }, FORBID_TAGS: ['style', 'form', 'input', 'button', 'iframe', 'svg', 'math'], FORBID_ATTR: ['style'] };

// A box that scrolls sideways on a phone: focusable, so a keyboard can scroll it, and named, so a screen
// reader can tell two apart (an escaped label: it is built from already-escaped HTML text).
const scrollBox = (label: string, html: string) => `<div class="table-scroll" role="region" aria-label="${label}" tabindex="0">${html}</div>`;

// A table in a text (a remittance's lines, a log) is wider than a phone: it scrolls in its own box, which
// the keyboard can reach and a screen reader names by the table's columns (so two tables on one page
// stay told apart), instead of making the whole page scroll sideways. Raw HTML in content is escaped
// above, so every <table> here is one Markdown made, and its header text is already escaped.
const scrollableTables = (html: string) =>
	html.replace(/<table>([\s\S]*?)<\/table>/g, (_, inner: string) => {
		const columns = [...inner.matchAll(/<th[^>]*>([\s\S]*?)<\/th>/g)].map((m) => m[1]!.replace(/<[^>]*>/g, '').trim()).filter(Boolean);
		const label = columns.length ? `Table: ${columns.join(', ')}` : 'Table';
		return scrollBox(label, `<table>${inner}</table>`);
	});

// A printout laid out in columns (a ledger, an aging report, an inventory log) loses its meaning when a
// phone wraps its lines: it keeps its lines and scrolls sideways in its own box, named by its first
// line. A printout of running text (a letter, a message) still wraps.
const COLUMNS = /\S {3,}\S/;
const columnPrintouts = (html: string) =>
	html.replace(/<pre><code>([\s\S]*?)<\/code><\/pre>/g, (whole, inner: string) => {
		const lines = inner.split('\n');
		if (lines.filter((l) => COLUMNS.test(l)).length < 2) return whole;
		const first = (lines.find((l) => l.trim()) ?? '').replace(/\s+/g, ' ').trim();
		const label = `Printout: ${first.length > 60 ? `${first.slice(0, 59)}…` : first}`;
		return scrollBox(label, `<pre class="columns"><code>${inner}</code></pre>`);
	});

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
		block: (text: string) => purify.sanitize(columnPrintouts(scrollableTables(marked.parse(text) as string)), PURIFY) as string,
		inline: (text: string) => purify.sanitize(marked.parseInline(text) as string, PURIFY) as string
	};
}
