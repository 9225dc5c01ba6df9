import { JSDOM } from 'jsdom';
import createDOMPurify from 'dompurify';
import { markdownRenderer } from '../src/lib/render/rules';
import { placeholders } from '../src/lib/content/template';

// Shipped scenarios' Markdown rendered at build, with the app's own rules (src/lib/render/rules.ts) and
// DOMPurify over jsdom's DOM, so a scenario page needs neither marked nor DOMPurify.

/** Fields shown as a block of Markdown, and fields shown as one line (options, replies, prompts, tasks). */
const BLOCK = new Set(['narrative', 'debrief', 'feedback', 'says', 'teach', 'why', 'note', 'prompt', 'body']);
const INLINE = new Set(['text', 'prompt', 'ask']);
/** The choice's prompt when a step names none (Choice.svelte). */
const DEFAULT_PROMPT = 'What do you do?';

let render: ReturnType<typeof markdownRenderer> | undefined;

/** `b:`/`i:` + source → sanitised HTML for every Markdown text in a scenario, {{placeholders}} kept as text. */
export function prerenderTexts(scenario: unknown): Record<string, string> {
	render ??= markdownRenderer(createDOMPurify(new JSDOM('').window as unknown as Window & typeof globalThis));
	const out: Record<string, string> = {};
	const put = (key: string, text: string, make: (t: string) => string) => {
		if (key in out) return;
		const html = make(text);
		// A placeholder the renderer changed (in a link's address, say) is filled by the browser's renderer instead.
		if (placeholders(html).join() === placeholders(text).join()) out[key] = html;
	};
	const walk = (value: unknown, key?: string) => {
		if (typeof value === 'string') {
			if (key && BLOCK.has(key)) put(`b:${value}`, value, render!.block);
			if (key && INLINE.has(key)) put(`i:${value}`, value, render!.inline);
		} else if (Array.isArray(value)) for (const v of value) walk(v, key);
		else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, k);
	};
	walk(scenario);
	put(`i:${DEFAULT_PROMPT}`, DEFAULT_PROMPT, render.inline);
	return out;
}
