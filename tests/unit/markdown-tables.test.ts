import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import createDOMPurify from 'dompurify';
import { markdownRenderer } from '../../src/lib/render/rules';

const render = markdownRenderer(createDOMPurify(new JSDOM('').window as unknown as Window & typeof globalThis));
const parse = (html: string) => new JSDOM(html).window.document;

describe('a table in a text', () => {
	it('scrolls in its own keyboard-reachable box, named by its columns', () => {
		const doc = parse(render.block('| Date of service | Code | Billed |\n|---|---|---|\n| 11/24/2025 | 99213 | $135.00 |'));
		const region = doc.querySelector('div.table-scroll')!;
		expect(region.getAttribute('role')).toBe('region');
		expect(region.getAttribute('tabindex')).toBe('0');
		expect(region.getAttribute('aria-label')).toBe('Table: Date of service, Code, Billed');
		expect(region.querySelector('table td')?.textContent).toBe('11/24/2025');
	});

	it('names two tables in one text apart, and a quote in a header stays text', () => {
		const doc = parse(render.block('| Line | Paid |\n|---|---|\n| 1 | $0 |\n\nand\n\n| Say "hi" | x |\n|---|---|\n| a | b |'));
		const labels = [...doc.querySelectorAll('div.table-scroll')].map((r) => r.getAttribute('aria-label'));
		expect(labels).toEqual(['Table: Line, Paid', 'Table: Say "hi", x']);
		expect(doc.querySelectorAll('div.table-scroll')[1]!.attributes.length).toBe(4);
	});

	it('leaves a text without a table as it was, and HTML typed in content as text', () => {
		expect(render.block('Just a line.')).toBe('<p>Just a line.</p>\n');
		const html = render.block('<table><tr><td>x</td></tr></table>');
		expect(html).not.toContain('table-scroll');
		expect(html).toContain('&lt;table&gt;');
	});
});

describe('a printout in a text', () => {
	it('laid out in columns keeps its lines and scrolls in its own box, named by its first line', () => {
		const doc = parse(render.block('```\nLEDGER      Kettering, Dorothy\n10/09/25    Office visit      92.50\n10/24/25    Medicare paid    -74.00\n```'));
		const region = doc.querySelector('div.table-scroll')!;
		expect(region.getAttribute('aria-label')).toBe('Printout: LEDGER Kettering, Dorothy');
		expect(region.getAttribute('tabindex')).toBe('0');
		expect(region.querySelector('pre.columns code')?.textContent).toContain('10/24/25    Medicare paid    -74.00');
	});

	it('of running text still wraps, as before', () => {
		const html = render.block('```\nDear Ms. Rowe,\nYour statement is enclosed. Please call us with any questions.\n```');
		expect(html).not.toContain('table-scroll');
		expect(html).toContain('<pre><code>');
	});
});
