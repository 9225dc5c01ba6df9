import { expect, test } from '@playwright/test';
import {
	CHART_JS_PROBE,
	XAPI_CLIENT_PROBE,
	CODE_INDEX_BUDGET_BYTES,
	CHOICE_ONLY_JS_BUDGET_BYTES,
	HEAVY_GRADER_PROBES,
	MARKDOWN_RENDERER_PROBE,
	ZOD_PROBE,
	INITIAL_JS_BUDGET_BYTES,
	PRECACHE_BUDGET_BYTES,
	precacheSize,
	SCENARIO_JS_BUDGET_BYTES,
	SCENARIO_TEXT_PROBE,
	catalogReady,
	codeIndex,
	describeLoad,
	heaviestScenarioPagesByKinds,
	kb,
	measureRoute,
	playerReady,
	type RouteLoad
} from '../../scripts/budget';
import { content } from './content';

// Sizes and counts, never timings: budgets the build must keep on every machine. Each page is loaded
// in a fresh browser context (empty cache), as a first visit downloads it.

/** Nothing a page must leave for later: no code set, no chart.js, no xAPI client. */
function expectNoLazyHeavyweights(route: string, load: RouteLoad) {
	expect(load.other.filter((p) => p.endsWith('.tsv')), `${route} fetched a code set`).toEqual([]);
	expect(load.js.filter((f) => CHART_JS_PROBE.test(f.text)).map((f) => f.path), `${route} fetched chart.js`).toEqual([]);
	expect(load.js.filter((f) => f.text.includes(XAPI_CLIENT_PROBE)).map((f) => f.path), `${route} fetched the xAPI client`).toEqual([]);
}

test(`the catalog loads at most ${kb(INITIAL_JS_BUDGET_BYTES)} of gzipped JavaScript, with no chart.js, no scenario text and no code set`, async ({ browser }) => {
	const context = await browser.newContext();
	const page = await context.newPage();
	const load = await measureRoute(page, '/', catalogReady);
	await context.close();
	expect(load.js.length, 'the catalog fetched no JavaScript: is the build served?').toBeGreaterThan(0);
	expect(load.gzipBytes, describeLoad('/', load, INITIAL_JS_BUDGET_BYTES)).toBeLessThanOrEqual(INITIAL_JS_BUDGET_BYTES);
	expectNoLazyHeavyweights('/', load);
	expect(load.js.filter((f) => f.text.includes(SCENARIO_TEXT_PROBE)).map((f) => f.path), 'scenario text in the catalog').toEqual([]);
});

// Sizes do not depend on timing, so a few pages load at once.
test(`every scenario page loads at most ${kb(SCENARIO_JS_BUDGET_BYTES)} of gzipped JavaScript (a choice-only one ${kb(CHOICE_ONLY_JS_BUDGET_BYTES)}), with no chart.js, no code set and no Markdown renderer`, async ({ browser }) => {
	test.setTimeout(120_000);
	const pages = heaviestScenarioPagesByKinds(content().scenarios);
	expect(pages.some((p) => p.kinds === 'choice'), 'a choice-only scenario is shipped').toBe(true);
	const loads = new Map<string, RouteLoad>();
	const queue = pages.map((p) => p.route);
	await Promise.all(
		Array.from({ length: 3 }, async () => {
			for (let route = queue.shift(); route; route = queue.shift()) {
				const context = await browser.newContext();
				const page = await context.newPage();
				loads.set(route, await measureRoute(page, route, playerReady));
				await context.close();
			}
		})
	);
	for (const [route, load] of loads) {
		expect(load.js.length, `${route} fetched no JavaScript`).toBeGreaterThan(0);
		expectNoLazyHeavyweights(route, load);
		// Shipped scenarios' texts come rendered and sanitised from the build.
		expect(load.js.filter((f) => f.text.includes(MARKDOWN_RENDERER_PROBE)).map((f) => f.path), `${route} fetched the Markdown renderer`).toEqual([]);
		// Shipped scenarios were validated at build: no schema library on a scenario page (25 KB gzip).
		expect(load.js.filter((f) => f.text.includes(ZOD_PROBE)).map((f) => f.path), `${route} fetched zod`).toEqual([]);
	}
	// Graders load per kind: a page of choices carries no schedule or billing rules.
	for (const p of pages.filter((p) => p.kinds === 'choice'))
		expect(loads.get(p.route)!.js.filter((f) => HEAVY_GRADER_PROBES.some((probe) => f.text.includes(probe))).map((f) => f.path), `${p.route} fetched a grader it has no step for`).toEqual([]);
	// …while a page with such steps does (so the probes name text the build really holds).
	for (const probe of HEAVY_GRADER_PROBES) expect([...loads.values()].some((l) => l.js.some((f) => f.text.includes(probe))), `no scenario page fetched "${probe}"`).toBe(true);
	const limit = (route: string) => (pages.find((p) => p.route === route)!.kinds === 'choice' ? CHOICE_ONLY_JS_BUDGET_BYTES : SCENARIO_JS_BUDGET_BYTES);
	const over = [...loads].filter(([route, l]) => l.gzipBytes > limit(route)).sort(([, a], [, b]) => b.gzipBytes - a.gzipBytes);
	expect(over.map(([route, l]) => describeLoad(route, l, limit(route))), 'scenario pages over their budget').toEqual([]);
	// The figures docs/PERFORMANCE.md quotes.
	for (const [route, l] of [...loads].sort(([, a], [, b]) => b.gzipBytes - a.gzipBytes)) console.log(`${route}: ${kb(l.gzipBytes)} gzip (${pages.find((p) => p.route === route)!.kinds})`);
});

test(`the ICD-10-CM and HCPCS files are fetched separately and stay within ${kb(CODE_INDEX_BUDGET_BYTES)} gzip`, () => {
	const { files, gzipBytes } = codeIndex('build');
	expect(files.some((f) => f.startsWith('icd10cm-2026'))).toBe(true);
	expect(files.some((f) => f.startsWith('hcpcs-2025oct'))).toBe(true);
	expect(gzipBytes).toBeLessThanOrEqual(CODE_INDEX_BUDGET_BYTES);
});

test(`the offline app (everything the worker installs, the code sets left out) stays within ${kb(PRECACHE_BUDGET_BYTES)} gzip`, async ({ browser }) => {
	const context = await browser.newContext({ serviceWorkers: 'allow' });
	const page = await context.newPage();
	await page.goto('/');
	await page.evaluate(() => navigator.serviceWorker.ready);
	// The installed version's cache: what a first visit downloads for offline use.
	const urls = await page.evaluate(async () => {
		const name = (await caches.keys()).find((n) => n.includes(':app:'))!;
		return (await (await caches.open(name)).keys()).map((r) => r.url);
	});
	await context.close();
	const size = precacheSize(urls, '');
	expect(size.files, 'the worker cached nothing: is the build served?').toBeGreaterThan(50);
	expect(size.codeSets, 'the code sets are cached on demand, not installed').toEqual([]);
	expect(size.gzipBytes, `precache: ${size.files} files, ${kb(size.gzipBytes)} gzip (${kb(size.rawBytes)} on disk)`).toBeLessThanOrEqual(PRECACHE_BUDGET_BYTES);
	console.log(`precache: ${size.files} files, ${kb(size.gzipBytes)} gzip, ${kb(size.rawBytes)} on disk`);
});
