/**
 * Lighthouse on the built app: the catalog, a player page and the dashboard, with the desktop and
 * mobile presets. Prints the category scores and the key metrics; nothing is asserted (scores that
 * depend on timing move from run to run). Needs a fresh `npm run build`.
 *
 *   npx tsx scripts/bench-lighthouse.ts            # both presets
 *   LH_PRESET=desktop npx tsx scripts/bench-lighthouse.ts
 *   LH_REPORT_DIR=/tmp/lh npx tsx scripts/bench-lighthouse.ts   # also writes each HTML report
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse, { desktopConfig, type Flags, type Result } from 'lighthouse';
import { CHROME_PATH, CHROMIUM_ARGS } from './chromium';
import { LIGHTHOUSE_GOALS } from './budget';

const BUILD = 'build';
/** A claims scenario: the heaviest kind of player page (code picker, claim form, remittance). */
const PLAYER_SCENARIO = 'claims-secondary-insurance';
export const LIGHTHOUSE_PAGES = [
	{ name: 'catalog', path: '/' },
	{ name: 'player', path: `/play/${PLAYER_SCENARIO}/` },
	{ name: 'dashboard', path: '/progress/' }
] as const;

async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const { port } = probe.address() as { port: number };
			probe.close(() => resolve(port));
		});
	});
}

/** scripts/serve-static.mjs on a free port, resolved once it answers. */
async function serve(dir: string): Promise<{ origin: string; close: () => void }> {
	const port = await freePort();
	const server = spawn(process.execPath, ['scripts/serve-static.mjs', dir, String(port)], { stdio: 'ignore' });
	const origin = `http://127.0.0.1:${port}`;
	for (let i = 0; i < 50; i++) {
		if (await fetch(`${origin}/`).then((r) => r.ok, () => false)) return { origin, close: () => server.kill() };
		await new Promise((r) => setTimeout(r, 100));
	}
	server.kill();
	throw new Error(`the static server for ${dir} did not answer on port ${port}`);
}

/** Headless Chromium with a DevTools port for Lighthouse to drive, in a fresh profile. */
async function launchChromium(): Promise<{ port: number; kill: () => Promise<void> }> {
	const port = await freePort();
	const profile = mkdtempSync(join(tmpdir(), 'fds-lighthouse-'));
	const chrome = spawn(CHROME_PATH, ['--headless=new', ...CHROMIUM_ARGS, `--remote-debugging-port=${port}`, `--user-data-dir=${profile}`, 'about:blank'], { stdio: 'ignore' });
	const exited = new Promise((r) => chrome.once('exit', r));
	// The profile goes once Chromium has exited (it writes to it until then).
	const kill = async () => {
		chrome.kill();
		await exited;
		rmSync(profile, { recursive: true, force: true, maxRetries: 5 });
	};
	for (let i = 0; i < 100; i++) {
		if (await fetch(`http://127.0.0.1:${port}/json/version`).then((r) => r.ok, () => false)) return { port, kill };
		await new Promise((r) => setTimeout(r, 100));
	}
	await kill();
	throw new Error(`${CHROME_PATH} did not open its DevTools port (set CHROME_PATH to another Chromium or Chrome)`);
}

const score = (lhr: Result, id: string) => {
	const s = lhr.categories[id]?.score;
	return s == null ? '–' : String(Math.round(s * 100));
};
const metric = (lhr: Result, id: string) => lhr.audits[id]?.displayValue ?? '–';

/** What cost points: every scored audit below 1 in a category, with its title. */
function shortfalls(lhr: Result): string[] {
	const out: string[] = [];
	for (const [cat, c] of Object.entries(lhr.categories)) {
		if (c.score === 1) continue;
		for (const ref of c.auditRefs) {
			const a = lhr.audits[ref.id];
			if (!a || ref.weight === 0 || a.score === null || a.score >= 1 || a.scoreDisplayMode === 'informative' || a.scoreDisplayMode === 'notApplicable') continue;
			out.push(`${cat}: ${a.id} (${a.score.toFixed(2)}) ${a.title}${a.displayValue ? ` — ${a.displayValue}` : ''}`);
		}
	}
	return out;
}

export async function benchLighthouse(presets: ('desktop' | 'mobile')[] = ['desktop', 'mobile']): Promise<void> {
	if (!existsSync(join(BUILD, 'index.html'))) {
		console.log('lighthouse: build/ is missing: run `npm run build` first');
		return;
	}
	const { origin, close } = await serve(BUILD);
	// The flags that keep Chromium off the network (this machine has none); a fresh profile each run.
	const chrome = await launchChromium();
	const reportDir = process.env.LH_REPORT_DIR;
	if (reportDir) mkdirSync(reportDir, { recursive: true });
	try {
		const goals = LIGHTHOUSE_GOALS;
		console.log(`lighthouse ${JSON.parse(readFileSync('node_modules/lighthouse/package.json', 'utf8')).version} (goal: performance ≥ ${goals.performance}, accessibility ${goals.accessibility}, best practices ${goals['best-practices']})`);
		for (const preset of presets) {
			for (const p of LIGHTHOUSE_PAGES) {
				const flags: Flags = { port: chrome.port, output: reportDir ? 'html' : 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'] };
				const run = await lighthouse(`${origin}${p.path}`, flags, preset === 'desktop' ? desktopConfig : undefined);
				if (!run) throw new Error(`lighthouse returned nothing for ${p.path}`);
				const lhr = run.lhr;
				if (lhr.runtimeError) throw new Error(`lighthouse on ${p.path}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
				if (reportDir) writeFileSync(join(reportDir, `${preset}-${p.name}.html`), String(run.report));
				console.log(
					`lighthouse ${preset} ${p.name} (${p.path}): performance ${score(lhr, 'performance')}, accessibility ${score(lhr, 'accessibility')}, ` +
						`best practices ${score(lhr, 'best-practices')}, SEO ${score(lhr, 'seo')}; FCP ${metric(lhr, 'first-contentful-paint')}, ` +
						`LCP ${metric(lhr, 'largest-contentful-paint')}, TBT ${metric(lhr, 'total-blocking-time')}, CLS ${metric(lhr, 'cumulative-layout-shift')}`
				);
				for (const line of shortfalls(lhr)) console.log(`    ${line}`);
			}
		}
	} finally {
		await chrome.kill();
		close();
	}
}

// Run on its own (`npx tsx scripts/bench-lighthouse.ts`); scripts/bench.ts imports it.
if (import.meta.url === `file://${process.argv[1]}`) {
	const preset = process.env.LH_PRESET;
	await benchLighthouse(preset === 'desktop' || preset === 'mobile' ? [preset] : undefined);
}
