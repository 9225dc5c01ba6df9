import { fillTemplate } from '../content/template';

// Shipped scenarios' texts come rendered and sanitised from the build (scripts/prerender-markdown.ts,
// the same rules as markdown.ts), so their pages never download marked and DOMPurify. Any other text
// (an authored scenario, an exam item, a grader's own message) loads the browser's renderer on first use.

type Renderer = typeof import('./markdown');

/** `b:` (a block) or `i:` (one line) + the Markdown source → sanitised HTML, {{placeholders}} kept. */
const table = new Map<string, string>();

export function registerRendered(entries: Readonly<Record<string, string>>): void {
	for (const [key, html] of Object.entries(entries)) table.set(key, html);
}

const loaded = $state<{ renderer: Renderer | null }>({ renderer: null });
let loading: Promise<Renderer> | undefined;

/** The browser's Markdown renderer (marked and DOMPurify), fetched once. */
export function loadRenderer(): Promise<Renderer> {
	return (loading ??= import('./markdown').then((m) => (loaded.renderer = m)));
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function prerendered(text: string, bindings: Readonly<Record<string, string>>, inline: boolean): string | undefined {
	const html = table.get((inline ? 'i:' : 'b:') + text);
	// The placeholders stand in the HTML as text: their values go in escaped, never parsed as markup.
	return html === undefined ? undefined : fillTemplate(html, Object.fromEntries(Object.entries(bindings).map(([k, v]) => [k, escapeHtml(v)])));
}

/**
 * Markdown → sanitised HTML with {{placeholders}} filled: from the build's table when the text is a
 * shipped one, else from the browser's renderer, which is empty ('') until it has loaded (reactive).
 */
export function toHtml(text: string, bindings: Readonly<Record<string, string>>, inline: boolean): string {
	const pre = prerendered(text, bindings, inline);
	if (pre !== undefined) return pre;
	const renderer = loaded.renderer;
	if (!renderer) {
		void loadRenderer();
		return '';
	}
	return inline ? renderer.renderInline(text, bindings) : renderer.renderMarkdown(text, bindings);
}

/** Renders texts ahead of need, when the browser is idle (the feedback a step may show); shipped ones are ready. */
export function prepareMarkdown(texts: { text: string; inline?: boolean }[], bindings: Readonly<Record<string, string>> = {}): void {
	const missing = texts.filter((t) => !table.has((t.inline ? 'i:' : 'b:') + t.text));
	if (missing.length === 0) return;
	const idle = (globalThis as { requestIdleCallback?: (cb: () => void) => void }).requestIdleCallback ?? ((cb: () => void) => setTimeout(cb, 50));
	idle(() => {
		void loadRenderer().then((r) => {
			for (const t of missing) (t.inline ? r.renderInline : r.renderMarkdown)(t.text, bindings);
		});
	});
}
