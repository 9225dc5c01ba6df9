import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { prerenderTexts } from '../../scripts/prerender-markdown';
import { registerRendered, toHtml } from '../../src/lib/render/prerendered.svelte';
import { loadContent } from '../../src/lib/content';
import { readContentFiles } from '../../scripts/read-content';

// Shipped scenarios' texts are rendered and sanitised at build: the same rules as the browser's, so
// hostile Markdown comes out as harmless as it does in an authored scenario (tests/e2e/xss.spec.ts).

const HOSTILE = [
	`<script>window.x=1</script>`,
	`<img src=x onerror="window.x=1">`,
	`<a href="javascript:window.x=1">js-link</a>`,
	`[md-link](javascript:window.x=1)`,
	`[md-entity](jav&#x61;script:window.x=1)`,
	`![md-img](javascript:window.x=1)`,
	`[md-data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)`,
	`<svg onload="window.x=1"><circle r="1"/></svg>`,
	`<span style="background:url(https://evil.example/x)">styled</span>`,
	`<iframe srcdoc="<script>parent.x=1</script>"></iframe>`,
	`<form action="https://evil.example/"><input name="p"><button>Send</button></form>`,
	`<math><mtext><table><mglyph><style><img src=x onerror="window.x=1">`,
	`- [x] a task list makes a checkbox input`
].join('\n\n');

/** Every element and attribute the HTML holds, parsed as a browser would. */
function nodes(html: string) {
	const doc = new JSDOM(`<body>${html}</body>`).window.document;
	const elements = [...doc.body.querySelectorAll('*')];
	return { tags: elements.map((e) => e.tagName.toLowerCase()), attrs: elements.flatMap((e) => [...e.attributes].map((a) => [a.name, a.value] as const)) };
}

describe('shipped Markdown rendered at build', () => {
	it('keeps no script, handler, style, form, frame or javascript:/data: address from hostile Markdown', () => {
		const table = prerenderTexts({ steps: { s: { narrative: HOSTILE, interaction: { block: { options: [{ text: HOSTILE.replace(/\n\n/g, ' ') }] } } } } });
		const html = [table[`b:${HOSTILE}`], table[`i:${HOSTILE.replace(/\n\n/g, ' ')}`]];
		for (const h of html) {
			expect(h, 'a rendered text').toBeTypeOf('string');
			const { tags, attrs } = nodes(h!);
			expect(tags.filter((t) => ['script', 'style', 'svg', 'math', 'iframe', 'form', 'input', 'button', 'object', 'embed'].includes(t))).toEqual([]);
			expect(attrs.filter(([n]) => n.startsWith('on') || n === 'style' || n === 'srcdoc')).toEqual([]);
			expect(attrs.filter(([n, v]) => (n === 'href' || n === 'src') && /^\s*(javascript|data):/i.test(v))).toEqual([]);
			// Raw HTML is shown as its text, as the browser's renderer does.
			expect(h).toContain('&lt;script&gt;');
		}
		// Links open in a new tab without access to this one.
		const { attrs } = nodes(prerenderTexts({ narrative: '[site](https://example.org/)' })['b:[site](https://example.org/)']!);
		expect(attrs).toEqual(expect.arrayContaining([['href', 'https://example.org/'], ['rel', 'noopener noreferrer'], ['target', '_blank']]));
	});

	it('fills placeholders escaped, never as markup', () => {
		const text = 'Call **{{patient.name}}** back.';
		registerRendered(prerenderTexts({ narrative: text }));
		expect(toHtml(text, { 'patient.name': 'Ana <img src=x onerror=alert(1)> & Co' }, false)).toBe(
			'<p>Call <strong>Ana &lt;img src=x onerror=alert(1)&gt; &amp; Co</strong> back.</p>\n'
		);
	});

	it('covers every step text, option, reply and ending of every shipped scenario', () => {
		for (const s of loadContent(readContentFiles()).content!.scenarios) {
			const table = prerenderTexts(s);
			for (const step of Object.values(s.steps)) {
				expect(table[`b:${step.narrative}`], `${s.meta.id} ${step.id}`).toBeTypeOf('string');
				const it = step.interaction;
				if (it?.kind === 'choice') for (const o of it.block.options) expect(table[`i:${o.text}`], `${s.meta.id} ${step.id} option`).toBeTypeOf('string');
				if (it?.kind === 'dialogue') for (const r of it.block.replies) expect(table[`i:${r.text}`], `${s.meta.id} ${step.id} reply`).toBeTypeOf('string');
				// The inbox's items: what a learner reads before routing each one.
				if (it?.kind === 'inbox') for (const item of it.block.items) if ('body' in item && item.body) expect(table[`b:${item.body}`], `${s.meta.id} ${step.id} item ${item.id}`).toBeTypeOf('string');
				if (it?.kind === 'audit') for (const r of it.block.rows) if (r.note) expect(table[`b:${r.note}`], `${s.meta.id} ${step.id} row ${r.id}`).toBeTypeOf('string');
				if (it?.kind === 'index') for (const d of it.block.documents) expect(table[`b:${d.body}`], `${s.meta.id} ${step.id} page ${d.id}`).toBeTypeOf('string');
			}
		}
	});
});
