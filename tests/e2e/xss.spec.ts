import { expect, test, type Page } from '@playwright/test';
import { checkAuthored } from '../../src/lib/authoring';
import { content } from './content';
import { answerByKeyboard, bestIntent, type Intent } from './play';
import type { Interaction, Scenario } from '../../src/lib/content/schema/scenario';

/**
 * Hostile content, end to end: an instructor's scenario with script, event-handler, javascript: and
 * data: URL, SVG, CSS, iframe, form, meta-refresh and mutation-XSS payloads in every field it has,
 * written in /author/, played to the end both ways and opened in its results; and assignments whose
 * instructions carry them. Every payload would record itself in window.__xss if it ran; a watcher
 * set before the app loads records every dangerous node that ever enters the page, and every
 * Content-Security-Policy violation (the policy is the second wall: the sanitiser must stop them first).
 */

const run = (id: string) => `window.__xss.push('${id}')`;

function payloads(field: string): string[] {
	return [
		`<script>${run(`${field}:script`)}</script>`,
		`<img src=x onerror="${run(`${field}:img`)}">`,
		`<a href="javascript:${run(`${field}:a`)}">js-link</a>`,
		`<a href="  JaVaScRiPt:${run(`${field}:a-case`)}">js-link-2</a>`,
		`[md-link](javascript:${run(`${field}:md`)})`,
		`[md-entity](jav&#x61;script:${run(`${field}:md-entity`)})`,
		`![md-img](javascript:${run(`${field}:md-img`)})`,
		`[md-data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)`,
		`<svg><script>${run(`${field}:svg-script`)}</script></svg>`,
		`<svg onload="${run(`${field}:svg-onload`)}"><circle r="1"/></svg>`,
		`<style>body{background:url(https://evil.example/${field}/style-tag)}</style>`,
		`<span style="background:url(https://evil.example/${field}/style-attr)">styled</span>`,
		`<iframe srcdoc="<script>parent.${run(`${field}:iframe`)}</script>"></iframe>`,
		`<form action="https://evil.example/${field}/form"><input name="p"><button>Send</button></form>`,
		`<meta http-equiv="refresh" content="0;url=https://evil.example/${field}/refresh">`,
		`<a href="data:text/html,<script>alert(1)</script>">data-link</a>`,
		`<object data="data:text/html,<script>alert(1)</script>"></object><embed src="data:text/html,x">`,
		`<details open ontoggle="${run(`${field}:toggle`)}">toggle</details>`,
		`<link rel="stylesheet" href="https://evil.example/${field}/link.css"><base href="https://evil.example/">`,
		`<math><mtext><table><mglyph><style><img src=x onerror="${run(`${field}:mxss`)}">`
	];
}
/** A Markdown block field: a marker to find it by, then each payload as its own paragraph. */
const block = (field: string) => [`mk-${field}`, ...payloads(field)].join('\n\n');
/** An inline field (option labels): everything on one line. */
const inline = (field: string) => [`mk-${field}`, ...payloads(field)].join(' ');
/** As a YAML scalar: a JSON string is a valid double-quoted YAML string. */
const y = (s: string) => JSON.stringify(s);

const SOURCE = `---
id: custom-xss-payloads
title: ${y(`mk-title <script>${run('title')}</script><img src=x onerror="${run('title-img')}">`)}
kind: communication
difficulty: 1
minutes: 5
summary: ${y(`mk-summary <img src=x onerror="${run('summary')}"> <a href="javascript:${run('summary-a')}">x</a>`)}
setting: phone
patient: pt-luis-ramirez
caller: { name: ${y(`mk-caller <img src=x onerror="${run('caller')}">`)}, number: "(555) 555-0100" }
competencies: [cmaa.communication.telephone, cmaa.communication.difficult-patients, cmaa.scheduling.triage]
mood: 5
start: first
variants:
  - { who: ${y(`mk-variant <img src=x onerror="${run('variant')}"> [v-link](javascript:${run('variant-md')})`)} }
---

## first: mk-step-title <script>${run('step-title')}</script><img src=x onerror="${run('step-title-img')}">
Filled in: {{who}}

${block('first-narrative')}

\`\`\`choice
prompt: ${y(inline('choice-prompt'))}
options:
  - id: good
    text: ${y(inline('choice-good'))}
    feedback: ${y(block('choice-good-feedback'))}
    evidence: { cmaa.communication.telephone: 1/1 }
    next: second
  - id: bad
    text: ${y(inline('choice-bad'))}
    feedback: ${y(block('choice-bad-feedback'))}
    evidence: { cmaa.communication.telephone: 0/1 }
    critical: ${y(`mk-critical onerror="${run('critical')}" javascript:${run('critical-script')}`)}
    next: ending-bad
\`\`\`

## second: Pick all that apply
${block('multi-narrative')}

\`\`\`multi-choice
prompt: ${y(inline('multi-prompt'))}
competencies: [cmaa.communication.telephone]
options:
  - { id: m1, text: ${y(inline('multi-1'))}, correct: true, feedback: ${y(block('multi-1-feedback'))} }
  - { id: m2, text: ${y(inline('multi-2'))}, correct: false, feedback: ${y(block('multi-2-feedback'))} }
  - { id: m3, text: ${y(inline('multi-3'))}, correct: true, feedback: ${y(block('multi-3-feedback'))} }
next: third
\`\`\`

## third: A conversation
${block('dialogue-narrative')}

\`\`\`dialogue
speaker: ${y(`mk-speaker <img src=x onerror="${run('speaker')}">`)}
says: ${y(block('dialogue-says'))}
replies:
  - id: calm
    text: ${y(inline('reply-calm'))}
    mood: 2
    feedback: ${y(block('reply-calm-feedback'))}
    evidence: { cmaa.communication.difficult-patients: 2/2 }
    next: fourth
  - id: cold
    text: ${y(inline('reply-cold'))}
    mood: -2
    feedback: ${y(block('reply-cold-feedback'))}
    evidence: { cmaa.communication.difficult-patients: 0/2 }
    next: fourth
\`\`\`

## fourth: Sort the messages
${block('triage-narrative')}

\`\`\`triage
prompt: ${y(inline('triage-prompt'))}
mode: classify
categories:
  - { id: now, label: ${y(`mk-label-now <img src=x onerror="${run('label')}">`)} }
  - { id: later, label: "Later" }
competencies: [cmaa.scheduling.triage]
items:
  - { id: urgent, text: ${y(inline('item-urgent'))}, category: now, feedback: ${y(block('item-urgent-feedback'))} }
  - { id: routine, text: ${y(inline('item-routine'))}, category: later, feedback: ${y(block('item-routine-feedback'))} }
next: ending-good
\`\`\`

## ending-good: mk-ending-title <svg onload="${run('ending-title')}"></svg>
${block('ending-good')}

## ending-bad: It went wrong
${block('ending-bad')}

## debrief
${block('debrief')}
`;

/** Everything the watcher found, the payloads that ran, and the policy's violations. */
interface Findings {
	ran: string[];
	dom: string[];
	csp: string[];
}

/** Set before any of the app's code runs, in every page of the context. */
function watch() {
	const w = window as unknown as { __xss: string[]; __dom: string[]; __csp: string[] };
	w.__xss = [];
	w.__dom = [];
	w.__csp = [];
	document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
	const inMarkdown = (el: Element) => !!el.closest('.md');
	const NEVER = new Set(['IFRAME', 'OBJECT', 'EMBED', 'FRAME', 'FRAMESET', 'APPLET']);
	const NOT_IN_MARKDOWN = new Set(['SCRIPT', 'STYLE', 'META', 'FORM', 'INPUT', 'BUTTON', 'TEXTAREA', 'SELECT', 'SVG', 'MATH', 'LINK', 'BASE', 'IFRAME', 'OBJECT', 'EMBED']);
	const check = (el: Element) => {
		const where = `${el.tagName.toLowerCase()}${inMarkdown(el) ? ' in rendered Markdown' : ''}`;
		for (const a of Array.from(el.attributes)) {
			if (/^on/i.test(a.name)) w.__dom.push(`${where} has ${a.name}="${a.value}"`);
			if (/^(href|src|action|formaction|xlink:href|data)$/i.test(a.name) && /^\s*(javascript|vbscript):/i.test(a.value)) w.__dom.push(`${where} has ${a.name}="${a.value}"`);
			// Text in an aria-label is inert; a payload left in an attribute that loads or runs something is not.
			// (An https link is what Markdown makes of a URL written as text, raw tags included: it loads nothing until clicked.)
			const plainLink = el.tagName === 'A' && a.name === 'href' && /^https:\/\//.test(a.value) && !/__xss/.test(a.value);
			if (!plainLink && /^(href|src|srcset|action|formaction|xlink:href|data|srcdoc|style|content|poster|background)$/i.test(a.name) && /__xss|evil\.example/.test(a.value)) w.__dom.push(`${where} keeps a payload in ${a.name}="${a.value}"`);
		}
		if (el.tagName === 'A' && /^\s*data:/i.test(el.getAttribute('href') ?? '')) w.__dom.push(`${where} links to a data: URL`);
		if (NEVER.has(el.tagName.toUpperCase())) w.__dom.push(`${where} element`);
		if (el.tagName === 'META' && /refresh/i.test(el.getAttribute('http-equiv') ?? '')) w.__dom.push('meta refresh');
		if (el.tagName === 'SCRIPT' && /__xss/.test(el.textContent ?? '')) w.__dom.push(`script with a payload: ${el.textContent}`);
		if (inMarkdown(el) && NOT_IN_MARKDOWN.has(el.tagName.toUpperCase())) w.__dom.push(`${where}: ${el.tagName.toLowerCase()} element`);
		if (inMarkdown(el) && el.hasAttribute('style')) w.__dom.push(`${where} has a style attribute`);
	};
	new MutationObserver((records) => {
		for (const r of records) {
			if (r.type === 'attributes' && r.target instanceof Element) check(r.target);
			for (const n of Array.from(r.addedNodes)) if (n instanceof Element) [n, ...Array.from(n.querySelectorAll('*'))].forEach(check);
		}
	}).observe(document, { subtree: true, childList: true, attributes: true });
}

async function findings(page: Page): Promise<Findings> {
	return page.evaluate(() => {
		const w = window as unknown as { __xss: string[]; __dom: string[]; __csp: string[] };
		return { ran: [...w.__xss], dom: [...w.__dom], csp: [...w.__csp] };
	});
}

/** Nothing ran, nothing dangerous entered the page, the policy had nothing to stop, and we are still on the app. */
async function expectClean(page: Page, errors: string[], where: string) {
	expect(await findings(page), where).toEqual({ ran: [], dom: [], csp: [] });
	expect(errors, where).toEqual([]);
	expect(new URL(page.url()).hostname, where).toBe('127.0.0.1');
}

/** The payload fields really were rendered: their markers are on screen. */
async function expectShown(page: Page, markers: string[]) {
	for (const m of markers) await expect(page.getByText(`mk-${m}`, { exact: false }).first(), m).toBeVisible();
}

function guard(page: Page): string[] {
	const errors: string[] = [];
	page.on('console', (m) => {
		// The sanitised <img src=x> still asks for "x" (a 404): that is the image, not a payload running.
		if (m.type() === 'error' && !(/Failed to load resource/.test(m.text()) && /\/x$/.test(m.location().url))) errors.push(m.text());
	});
	page.on('pageerror', (e) => errors.push(e.message));
	return errors;
}

const scenario = (): Scenario => {
	const c = content();
	const r = checkAuthored(SOURCE, c.world, c.competencies.frameworks, new Set(c.scenarios.map((s) => s.meta.id)));
	if (!r.scenario) throw new Error(`the payload scenario does not pass the checks: ${r.errors.map((e) => `${e.line}: ${e.message}`).join('; ')}`);
	return r.scenario;
};

/** What each step shows before it is answered. */
const SHOWN: Record<string, string[]> = {
	first: ['step-title', 'first-narrative', 'variant', 'choice-prompt', 'choice-good', 'choice-bad', 'caller'],
	second: ['multi-narrative', 'multi-prompt', 'multi-1', 'multi-2', 'multi-3'],
	third: ['dialogue-narrative', 'dialogue-says', 'reply-calm', 'reply-cold'],
	fourth: ['triage-narrative', 'triage-prompt', 'item-urgent', 'item-routine', 'label-now']
};

/** Plays to an ending, checking every step before it is answered; returns the steps seen. */
async function play(page: Page, s: Scenario, errors: string[], choose: (stepId: string, i: Interaction) => Intent) {
	const seen: string[] = [];
	for (let n = 0; n < 10; n++) {
		const el = page.locator('article.step');
		await expect(el).toBeVisible();
		const id = (await el.getAttribute('data-step'))!;
		const step = s.steps[id]!;
		if (!step.interaction) return seen;
		seen.push(id);
		await expectShown(page, SHOWN[id]!);
		await expectClean(page, errors, `step ${id}`);
		await answerByKeyboard(page, step.interaction, choose(id, step.interaction));
	}
	throw new Error('the scenario did not end');
}

/** Walks the results page's replay, every decision with its feedback. */
async function readResults(page: Page, errors: string[], feedback: string[][]) {
	await page.getByRole('link', { name: 'See results and debrief' }).click();
	await expect(page.getByRole('heading', { name: 'Step-by-step replay' })).toBeVisible();
	await expectShown(page, ['debrief']);
	for (const [i, markers] of feedback.entries()) {
		if (i > 0) await page.getByRole('button', { name: 'Next step' }).click();
		await expect(page.getByText(`Decision ${i + 1} of ${feedback.length}`)).toBeVisible();
		await expectShown(page, markers);
		await expectClean(page, errors, `results, decision ${i + 1}`);
	}
}

test.describe('hostile content is rendered inert', () => {
	test.beforeEach(async ({ context }) => {
		await context.addInitScript(watch);
	});

	test('an authored scenario with payloads in every field: written, played both ways to the end, and its results opened', async ({ page }) => {
		test.setTimeout(120_000);
		const errors = guard(page);
		const s = scenario();
		await page.goto('/author/');
		await page.getByLabel('Scenario text').fill(SOURCE);
		await page.getByRole('button', { name: 'Check it' }).click();
		await expect(page.getByRole('status')).toContainText('passes every check the build makes');
		await page.getByRole('button', { name: 'Save and play it' }).click();
		await expect(page).toHaveURL(/\/author\/play\/\?id=custom-xss-payloads/);
		await expectShown(page, ['title']);

		// The good path: every interaction kind, then the good ending and the results with each decision's feedback.
		// The multi-choice step also ticks the wrong option: feedback is shown for what was picked or missed,
		// so only then is m2's feedback rendered (the step's `next` is the same either way).
		const goodPath = (id: string, i: Interaction) => (id === 'second' ? ['m1', 'm2', 'm3'] : bestIntent(i));
		expect(await play(page, s, errors, goodPath)).toEqual(['first', 'second', 'third', 'fourth']);
		await expectShown(page, ['ending-title', 'ending-good']);
		await expectClean(page, errors, 'the good ending');
		await readResults(page, errors, [['first-narrative', 'choice-good', 'choice-good-feedback'], ['multi-narrative', 'multi-1-feedback', 'multi-2-feedback', 'multi-3-feedback'], ['dialogue-narrative', 'dialogue-says', 'reply-calm-feedback'], ['triage-narrative', 'item-urgent-feedback', 'item-routine-feedback']]);

		// The critical path: the wrong option's feedback, its critical reason and the better answer are shown too.
		await page.goto('/author/play/?id=custom-xss-payloads&new');
		expect(await play(page, s, errors, (id, i) => (id === 'first' ? 'bad' : bestIntent(i)))).toEqual(['first']);
		await expectShown(page, ['ending-bad']);
		await expectClean(page, errors, 'the bad ending');
		await readResults(page, errors, [['choice-bad', 'choice-bad-feedback', 'critical', 'choice-good']]);

		// Back in the editor, the saved scenario is listed by its (hostile) title as plain text.
		await page.goto('/author/');
		await expect(page.locator('[data-authored="custom-xss-payloads"]')).toContainText('mk-title <script>');
		await expectClean(page, errors, 'the author page');
	});

	test('assignments: raw HTML in the instructions is refused by the builder and by a student opening a crafted link; Markdown payloads are neutralised', async ({ page, browser }) => {
		test.setTimeout(90_000);
		const errors = guard(page);
		await page.goto('/assign/');
		await page.getByLabel('Title').fill('Week 9: hostile instructions');
		await page.getByRole('checkbox', { name: /The caller says she is his wife/ }).check();
		for (const html of ['<script>window.__xss.push(1)</script>', '<img src=x onerror=window.__xss.push(1)>', '<svg onload=window.__xss.push(1)>', '<iframe srcdoc="x">', '<a href="javascript:window.__xss.push(1)">x</a>', '<style>*{}</style>', '<meta http-equiv="refresh" content="0;url=https://evil.example">', '<form action="https://evil.example">']) {
			await page.getByLabel('Instructions (Markdown)').fill(`Read this first. ${html}`);
			await page.getByRole('button', { name: 'Create the assignment' }).click();
			await expect(page.getByRole('alert')).toContainText('instructions: must not contain HTML markup (use Markdown)');
			await expect(page.locator('[data-assignment-link]')).toHaveCount(0);
		}
		const markdown = [
			'mk-instructions',
			`[js-link](javascript:${run('assign-md')})`,
			`[js-entity](jav&#x61;script:${run('assign-entity')})`,
			`[js-case](JaVaScRiPt:${run('assign-case')})`,
			`![js-img](javascript:${run('assign-img')})`,
			'[vb-link](vbscript:msgbox(1))',
			'[data-link](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
			'[safe-link](https://example.org/policy)'
		].join('\n\n');
		await page.getByLabel('Instructions (Markdown)').fill(markdown);
		await page.getByRole('button', { name: 'Create the assignment' }).click();
		const link = (await page.locator('[data-assignment-link]').inputValue()).replace(/^https?:\/\/[^/]+/, '');

		const studentContext = await browser.newContext();
		await studentContext.addInitScript(watch);
		const student = await studentContext.newPage();
		const studentErrors = guard(student);
		await student.goto(link);
		await expect(student.getByRole('heading', { name: 'Week 9: hostile instructions' })).toBeVisible();
		await expectShown(student, ['instructions']);
		const panel = student.locator('.panel .md').first();
		for (const text of ['js-link', 'js-entity', 'js-case', 'vb-link', 'data-link']) await expect(panel.getByText(text)).toBeVisible();
		// The sanitiser keeps ordinary links (and opens them safely), so the test can see it was the payloads it removed.
		await expect(panel.locator('a[href="https://example.org/policy"]')).toHaveAttribute('rel', 'noopener noreferrer');
		expect(await panel.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(['https://example.org/policy']);
		await expectClean(student, studentErrors, 'the student page');

		// A hand-made link with raw HTML (no builder in the way) is refused when the student opens it, by name.
		const crafted = await craftedLink({ instructions: `Hello <img src=x onerror="${run('crafted')}">` });
		// A new document each time: a link differing only after # would not reload the page.
		await student.goto('about:blank');
		await student.goto(`/assignment/#${crafted}`);
		await expect(student.getByRole('alert')).toContainText('The assignment has a problem at instructions: must not contain HTML markup (use Markdown).');
		await expectClean(student, studentErrors, 'a crafted link');

		// A hand-made link carrying the payload scenario: checked and listed by its title, as text.
		const carrying = await craftedLink({ scenarios: ['custom-xss-payloads'], custom: [{ id: 'custom-xss-payloads', source: SOURCE }] });
		await student.goto('about:blank');
		await student.goto(`/assignment/#${carrying}`);
		await expect(student.locator('tr[data-scenario="custom-xss-payloads"]')).toContainText('mk-title');
		await expectClean(student, studentErrors, 'an assignment carrying the payload scenario');
		await studentContext.close();
		await expectClean(page, errors, 'the builder');
	});
});

/** An assignment link made by hand, as an attacker would: deflated JSON in base64url, no builder checks. */
async function craftedLink(fields: Record<string, unknown>): Promise<string> {
	const assignment = { format: 'front-desk-simulator/assignment', version: 1, id: 'crafted-0001', title: 'Crafted', scenarios: ['hipaa-caller-says-spouse'], createdAt: 1, ...fields };
	const out = new Response(new Blob([new TextEncoder().encode(JSON.stringify(assignment))]).stream().pipeThrough(new CompressionStream('deflate-raw')));
	const bytes = new Uint8Array(await out.arrayBuffer());
	return `a=${Buffer.from(bytes).toString('base64url')}`;
}
