import { spawn } from 'node:child_process';
import { chromium, type Browser } from '@playwright/test';

/** The browser the tests and benchmarks drive: Debian's Chromium unless CHROME_PATH names another. */
export const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
/** Headless flags that keep Chromium off the network this machine does not have. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Serves a built folder as static files and hands a browser to `work`; both are closed afterwards. */
export async function withServedBrowser<T>(dir: string, port: number, work: (browser: Browser, origin: string) => Promise<T>): Promise<T> {
	const server = spawn(process.execPath, ['scripts/serve-static.mjs', dir, String(port)], { stdio: 'ignore' });
	await new Promise((r) => setTimeout(r, 500));
	const browser = await chromium.launch({ executablePath: CHROME_PATH, args: CHROMIUM_ARGS });
	try {
		return await work(browser, `http://127.0.0.1:${port}`);
	} finally {
		await browser.close();
		server.kill();
	}
}
