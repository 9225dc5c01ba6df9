import { defineConfig, devices } from '@playwright/test';
import { CHROME_PATH, CHROMIUM_ARGS } from './scripts/chromium';

// Playwright cannot download its own browsers everywhere: point CHROME_PATH at any Chromium or Chrome.
const port = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: true,
	workers: process.env.CI ? 2 : undefined,
	retries: process.env.CI ? 1 : 0,
	reporter: process.env.CI ? [['list']] : [['list']],
	timeout: 60_000,
	expect: { timeout: 10_000 },
	use: {
		baseURL: `http://127.0.0.1:${port}`,
		// Recording a trace of every test cost about two fifths of the e2e time on two cores (three specs:
		// 138 s with it, 81 s without); CI records the retry of a failed test instead, the run that needs explaining.
		trace: process.env.CI ? 'on-first-retry' : 'retain-on-failure',
		...devices['Desktop Chrome'],
		// The offline worker is off for every spec but the ones about it (offline.spec.ts, scorm.spec.ts,
		// budget.spec.ts's precache), which allow it: elsewhere a first visit would download the whole
		// app in the background, and page.route would not see what the worker fetches.
		serviceWorkers: 'block',
		launchOptions: { executablePath: CHROME_PATH, args: CHROMIUM_ARGS }
	},
	projects: [
		{ name: 'app', testIgnore: /subpath\.spec\.ts/ },
		// The same app built with BASE_PATH=/sim, as a college hosting it under a sub-path would.
		{ name: 'subpath', testMatch: /subpath\.spec\.ts/, use: { baseURL: `http://127.0.0.1:${port + 1}/sim/` } }
	],
	// The built app served as plain static files, exactly as a college's web host would.
	webServer: [
		{ command: `node scripts/serve-static.mjs build ${port}`, url: `http://127.0.0.1:${port}/`, reuseExistingServer: !process.env.CI },
		{ command: `node scripts/serve-static.mjs build-sim ${port + 1}`, url: `http://127.0.0.1:${port + 1}/sim/`, env: { BASE_PATH: '/sim' }, reuseExistingServer: !process.env.CI }
	]
});
