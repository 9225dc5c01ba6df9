import { expect, test, type Frame, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { scenario } from './content';
import { playToEnd } from './play';
import { startLms } from '../support/lms-harness';

const S = 'hipaa-caller-says-spouse';
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The instructor builds an assignment and downloads it as a package for the given standard. */
async function exportPackage(page: Page, standard: 'scorm12' | 'scorm2004') {
	await page.goto('/assign/');
	await page.getByLabel('Title').fill('Week 5: privacy in the LMS');
	await page.getByRole('checkbox', { name: new RegExp(escape(scenario(S).meta.title)) }).check();
	await page.getByRole('button', { name: 'Create the assignment' }).click();
	const label = standard === 'scorm12' ? 'SCORM 1.2' : 'SCORM 2004';
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: `Download ${label} package` }).click()]);
	await expect(page.locator('[data-packaging]')).toContainText(`Upload it to your LMS as a ${label} package`);
	const path = test.info().outputPath(download.suggestedFilename());
	await download.saveAs(path);
	expect(download.suggestedFilename()).toBe(`week-5-privacy-in-the-lms-${standard}.zip`);
	return unzipSync(readFileSync(path));
}

/** The app's frame inside the package's launch page, once it shows the given path. */
async function appFrame(page: Page, path: string): Promise<Frame> {
	await expect.poll(() => page.frames().some((f) => new URL(f.url()).pathname.startsWith(path)), { timeout: 15_000 }).toBe(true);
	return page.frames().find((f) => new URL(f.url()).pathname.startsWith(path))!;
}

// The offline worker is allowed here (the suite blocks it elsewhere): the instructor's copy runs with it,
// and the package must run without one.
test.use({ serviceWorkers: 'allow' });

for (const standard of ['scorm2004', 'scorm12'] as const) {
	test(`${standard}: the exported package runs under scorm-again and the score arrives in the LMS`, async ({ browser }) => {
		test.setTimeout(120_000);
		const teacher = await (await browser.newContext()).newPage();
		const files = await exportPackage(teacher, standard);
		const manifest = strFromU8(files['imsmanifest.xml']!);
		expect(manifest).toContain(standard === 'scorm12' ? '<schemaversion>1.2</schemaversion>' : '<schemaversion>2004 4th Edition</schemaversion>');
		const launch = /href="([^"]+)"/.exec(manifest.slice(manifest.indexOf('<resource ')))![1]!;
		expect(launch).toBe('lms/index.html');
		// Every file the manifest lists is in the zip.
		for (const m of manifest.matchAll(/<file href="([^"]+)"/g)) expect(files[decodeURIComponent(m[1]!)], m[1]).toBeDefined();

		const { url, server } = await startLms(standard, files, launch);
		try {
			const page = await (await browser.newContext()).newPage();
			await page.goto(url);
			const sco = page.frameLocator('#sco');
			await expect(sco.locator('[data-lms-status]')).toContainText(`reporting to your LMS (${standard === 'scorm12' ? 'SCORM 1.2' : 'SCORM 2004'}) as Ada Okonkwo`);
			// The LMS's learner works as their own learner in the app.
			const app = await appFrame(page, '/course/assignment/');
			await expect(app.getByRole('heading', { name: 'Week 5: privacy in the LMS' })).toBeVisible();
			await expect(app.getByRole('navigation', { name: 'Main' })).toContainText('Ada Okonkwo');
			// No offline worker in the LMS's folder: it would go on serving the course after the LMS changed it.
			expect(await app.evaluate(() => navigator.serviceWorker.getRegistrations().then((r) => r.length))).toBe(0);
			expect((await new AxeBuilder({ page }).include('#sco').analyze()).violations).toEqual([]);
			await app.getByRole('link', { name: 'Start' }).click();
			await playToEnd(page, scenario(S), undefined, await appFrame(page, `/course/play/${S}/`));
			await expect(sco.locator('[data-lms-status]')).toContainText('Score so far 100%, completed and passed');

			const cmi = (path: string) => page.evaluate((p) => p.split('.').reduce((o: any, k) => o?.[k], (window as any).lms.cmi)?.toString(), path);
			if (standard === 'scorm2004') {
				await expect.poll(() => cmi('completion_status')).toBe('completed');
				expect(await cmi('success_status')).toBe('passed');
				expect(await cmi('score.scaled')).toBe('1');
				expect(await cmi('score.raw')).toBe('100');
				// Every decision is an interaction, with the learner's answer and its result.
				const decisions = await page.evaluate(() => (window as any).lms.cmi.interactions.childArray.map((i: any) => ({ id: i.id, type: i.type, response: i.learner_response, result: i.result })));
				expect(decisions.length).toBeGreaterThanOrEqual(3);
				for (const d of decisions) {
					expect(d.id).toMatch(new RegExp(`^urn:front-desk-simulator:${S}:`));
					expect(d).toMatchObject({ type: 'choice', result: 'correct' });
					expect(d.response).not.toBe('');
				}
			} else {
				await expect.poll(() => cmi('core.lesson_status')).toBe('passed');
				expect(await cmi('core.score.raw')).toBe('100');
			}
			// Leaving the course ends the session once, with the time spent.
			await page.evaluate(() => document.getElementById('sco')!.remove());
			const end = standard === 'scorm12' ? 'LMSFinish' : 'Terminate';
			await expect.poll(() => page.evaluate(() => (window as any).calls as string[])).toContain(end);
			const calls = await page.evaluate(() => (window as any).calls as string[]);
			expect(calls.filter((c) => c === end)).toHaveLength(1);
			expect(calls.filter((c) => c === (standard === 'scorm12' ? 'LMSInitialize' : 'Initialize'))).toHaveLength(1);
			expect(calls.some((c) => c.startsWith(standard === 'scorm12' ? 'cmi.core.session_time=' : 'cmi.session_time='))).toBe(true);
		} finally {
			server.close();
		}
	});
}

test('the launch page outside an LMS says what it is for', async ({ page }) => {
	await page.goto('/lms/');
	await expect(page.getByRole('alert')).toContainText('This page is the start page of an LMS package');
});
