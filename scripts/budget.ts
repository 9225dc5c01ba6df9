/**
 * The performance budgets, in one place: tests/e2e/budget.spec.ts asserts the sizes and counts,
 * scripts/bench.ts prints them with the timings, docs/PERFORMANCE.md quotes them. Sizes are gzip
 * (level 6, what a static host's compression gives), measured on what the browser really fetched.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import type { Scenario } from '../src/lib/content/schema/scenario';

const KB = 1024;
const MB = 2 ** 20;

/** The catalog (`/`): every script it fetches before the learner does anything, Dexie included. */
export const INITIAL_JS_BUDGET_BYTES = 80 * KB;
/**
 * Any scenario page (`/play/<id>/`), until its first step is on screen and the network is quiet. The
 * heaviest page is 133.5 KB since shipped scenarios' Markdown is rendered at build (no marked or
 * DOMPurify on the page), so the goal is asserted.
 */
export const SCENARIO_JS_BUDGET_BYTES = 150 * KB;
/**
 * A scenario whose steps are all choices: the goal, asserted since Stop 19 (69.2 KB measured): a first
 * visit stores nothing until the learner's first answer, so Dexie (30.5 KB) is not part of the page
 * (98.0 KB before; 124.3 KB when every page loaded every grader). docs/PERFORMANCE.md has the figures.
 */
export const CHOICE_ONLY_JS_BUDGET_BYTES = 90 * KB;
export const CHOICE_ONLY_JS_GOAL_BYTES = 90 * KB;
/** The lazily fetched ICD-10-CM and HCPCS files together, gzip. */
export const CODE_INDEX_BUDGET_BYTES = 1.5 * MB;
/**
 * What the offline worker downloads on a first visit (every page and chunk, not the code sets), gzip.
 * Set from need, not weight: a phone on a slow mobile link (1.6 Mbit/s, Lighthouse's mobile profile)
 * should hold the whole app within about 8 seconds of the first visit; it weighed 0.97 MB when set.
 */
export const PRECACHE_BUDGET_BYTES = 1.5 * MB;

/**
 * The precached files' size on disk in `buildDir`, gzip, from the URLs the worker's cache holds (a
 * page's path is its index.html).
 */
export function precacheSize(urls: string[], base: string, buildDir = 'build'): { files: number; gzipBytes: number; rawBytes: number; codeSets: string[] } {
	let gzipBytes = 0;
	let rawBytes = 0;
	for (const u of urls) {
		const path = decodeURIComponent(new URL(u).pathname).slice(base.length);
		const body = readFileSync(join(buildDir, path.endsWith('/') ? `${path}index.html` : existsSync(join(buildDir, path)) && statSync(join(buildDir, path)).isDirectory() ? `${path}/index.html` : path));
		rawBytes += body.length;
		gzipBytes += gzipSync(body).length;
	}
	return { files: urls.length, gzipBytes, rawBytes, codeSets: urls.filter((u) => u.endsWith('.tsv')) };
}

/** Lighthouse goals per page (printed by `npm run bench`, never asserted: scores depend on timing). */
export const LIGHTHOUSE_GOALS = { performance: 98, accessibility: 100, 'best-practices': 100 } as const;

/** A line of narrative from a shipped scenario: it must never be in the catalog's code. */
export const SCENARIO_TEXT_PROBE = 'My husband Luis had blood drawn here on Friday';
/** chart.js's banner or name: it loads on the dashboard only. */
export const CHART_JS_PROBE = /Chart\.js v\d|chart\.js/;
/** Text only the xAPI client (@xapi/xapi, axios inside) holds: it loads only for an assignment that reports to an LRS. */
export const XAPI_CLIENT_PROBE = 'xAPILaunchService';
/** Text only marked (the Markdown parser) holds: a shipped scenario's page never needs it. */
export const MARKDOWN_RENDERER_PROBE = 'marked(): input parameter is undefined or null';
/** Text only zod (the content and file schemas) holds: a scenario page validates nothing, so it never loads it. */
export const ZOD_PROBE = '$ZodType';
/**
 * Texts only the heavier kinds' graders hold (the schedule book's rules; the billing rules every
 * form-like kind shares): a choice-only scenario page never loads them.
 */
export const HEAVY_GRADER_PROBES = ['so the next opening that fits reaches them', 'the first diagnosis is the main reason for the visit'];
/**
 * Texts only the storage code holds (Dexie's error names; open.ts's blocked-storage warning): a first visit
 * to a scenario loads it with the first answer, not before.
 */
export const STORAGE_CODE_PROBES = ['DatabaseClosed', 'not letting the simulator save'];
/** Text only the code-set files hold. */
export const CODE_SET_PROBE = 'Cholera due to Vibrio cholerae';

/** 83.4 KB, or 1.50 MB from a megabyte up. */
export const kb = (bytes: number) => (bytes >= MB ? `${(bytes / MB).toFixed(2)} MB` : `${(bytes / KB).toFixed(1)} KB`);

export interface FetchedFile {
	/** The path on the site, without origin or base. */
	path: string;
	gzipBytes: number;
	text: string;
}

export interface RouteLoad {
	/** Every script the page fetched, biggest first. */
	js: FetchedFile[];
	gzipBytes: number;
	/** Every other URL it fetched (documents, styles, data files). */
	other: string[];
}

/**
 * Loads `url` in a fresh page and counts the JavaScript the browser fetched until `ready` holds and
 * the network has been idle for half a second: the entry, its modulepreloads and every dynamic import
 * the page makes on its own (Dexie, the scenario, the clinic).
 */
export async function measureRoute(page: Page, url: string, ready: (page: Page) => Promise<unknown>): Promise<RouteLoad> {
	const pending: Promise<FetchedFile | string | undefined>[] = [];
	page.on('response', (res) => {
		const path = new URL(res.url()).pathname;
		const isJs = path.endsWith('.js') || (res.headers()['content-type'] ?? '').includes('javascript');
		pending.push(isJs ? res.body().then((b) => ({ path, gzipBytes: gzipSync(b).length, text: b.toString('utf8') }), () => undefined) : Promise.resolve(path));
	});
	await page.goto(url);
	await ready(page);
	await page.waitForLoadState('networkidle');
	const fetched = await Promise.all(pending);
	const js = fetched.filter((f): f is FetchedFile => typeof f === 'object').sort((a, b) => b.gzipBytes - a.gzipBytes);
	return { js, gzipBytes: js.reduce((n, f) => n + f.gzipBytes, 0), other: fetched.filter((f): f is string => typeof f === 'string') };
}

/** The catalog is settled once the header names the learner: storage (Dexie) has opened. */
export const catalogReady = (page: Page) => page.locator('nav a[href$="learners/"] strong').filter({ hasNotText: '…' }).waitFor();
/** A scenario page is settled once its first step is on screen. */
export const playerReady = (page: Page) => page.locator('article.step').waitFor();

/** "…: 83.4 KB gzip in 16 files, limit 80.0 KB; biggest: …" for a failing budget's message. */
export function describeLoad(route: string, load: RouteLoad, limit: number): string {
	const biggest = load.js.slice(0, 6).map((f) => `${f.path.replace(/^.*\/_app\//, '_app/')} ${kb(f.gzipBytes)}`);
	return `${route}: ${kb(load.gzipBytes)} gzip of JavaScript in ${load.js.length} files, limit ${kb(limit)}; biggest: ${biggest.join(', ')}`;
}

/**
 * The scenario pages the budget loads: a page fetches the player's code, the code for its kinds of
 * interaction and its own scenario module, so the largest scenario of each set of interaction kinds
 * is the heaviest page of that set (loading all of them takes over a minute on a 2-core machine).
 */
export function heaviestScenarioPages(scenarios: Scenario[]): string[] {
	return heaviestScenarioPagesByKinds(scenarios).map((h) => h.route);
}

/** The same pages with their sets of interaction kinds ("choice", "choice+schedule"). */
export function heaviestScenarioPagesByKinds(scenarios: Scenario[]): { route: string; kinds: string }[] {
	const heaviest = new Map<string, { id: string; size: number }>();
	for (const s of scenarios) {
		const kinds = [...new Set(Object.values(s.steps).flatMap((st) => (st.interaction ? [st.interaction.kind] : [])))].sort().join('+');
		const size = JSON.stringify(s).length;
		if ((heaviest.get(kinds)?.size ?? -1) < size) heaviest.set(kinds, { id: s.meta.id, size });
	}
	return [...heaviest].map(([kinds, h]) => ({ route: `/play/${h.id}/`, kinds }));
}

export function codeIndex(buildDir = 'build'): { files: string[]; gzipBytes: number } {
	const dir = join(buildDir, '_app/immutable/assets');
	const files = readdirSync(dir).filter((f) => f.endsWith('.tsv'));
	return { files, gzipBytes: files.reduce((n, f) => n + gzipSync(readFileSync(join(dir, f)), { level: 9 }).length, 0) };
}
