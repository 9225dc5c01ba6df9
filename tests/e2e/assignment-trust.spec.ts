/**
 * Issue 17: an assignment's own rules hold wherever its scenarios are played, and its page follows the link.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { scenario } from './content';
import { bestIntent, playToEnd } from './play';
import { saveName } from './identity';

const S = 'hipaa-caller-says-spouse';
const source = readFileSync(`content/scenarios/${S}.md`, 'utf8').replace(`id: ${S}`, 'id: custom-trust-call');

/** An assignment link made by hand, as the builder makes them: deflated JSON in base64url. */
async function link(fields: Record<string, unknown>): Promise<string> {
	const assignment = { format: 'front-desk-simulator/assignment', version: 1, id: 'trust-0001', title: 'Trust', scenarios: [S], createdAt: 1, ...fields };
	const out = new Response(new Blob([new TextEncoder().encode(JSON.stringify(assignment))]).stream().pipeThrough(new CompressionStream('deflate-raw')));
	return `/assignment/#a=${Buffer.from(new Uint8Array(await out.arrayBuffer())).toString('base64url')}`;
}

/** Answers every step with its best option; no feedback may appear on the way. */
async function playHeld(page: Page) {
	const s = scenario(S);
	for (let guard = 0; guard < 20; guard++) {
		const step = page.locator('article.step');
		await expect(step).toBeVisible();
		const id = (await step.getAttribute('data-step'))!;
		const it = s.steps[id]?.interaction;
		if (!it) return;
		const best = bestIntent(it);
		if (typeof best === 'string') await step.locator(`[data-option="${best}"] input`).check();
		else for (const o of best as string[]) await step.locator(`[data-option="${o}"] input`).check();
		await step.locator('button[type=submit]').click();
		await expect(page.locator('article.step')).not.toHaveAttribute('data-step', id);
		await expect(page.locator('section.feedback')).toHaveCount(0);
		// Held feedback holds the running score too, until the scenario ends.
		await expect(page.locator('.scenario-head .progress')).toContainText('made');
		if (await page.locator('article.step:not(.ending)').count()) await expect(page.locator('.scenario-head .progress')).not.toContainText('points');
		else await expect(page.locator('.scenario-head .progress')).toContainText('points');
	}
	throw new Error('scenario did not end');
}

test("an instructor's own scenario played from an assignment holds feedback to the end, shows no editor banner, and every screen names the assignment's pass mark", async ({ page }) => {
	const url = await link({ title: 'Held feedback, our own call', scenarios: ['custom-trust-call'], custom: [{ id: 'custom-trust-call', source }], feedback: 'after-submission', passMark: 0.75 });
	await page.goto(url);
	await saveName(page, 'Ana López');
	await page.locator('tr[data-scenario="custom-trust-call"]').getByRole('link', { name: 'Start' }).click();
	await expect(page).toHaveURL(/\/author\/play\/\?id=custom-trust-call&/);
	await expect(page.locator('article.step')).toBeVisible();
	await expect(page.getByRole('link', { name: 'Back to the editor' })).toHaveCount(0);
	await expect(page.getByRole('status').filter({ hasText: 'feedback when the scenario is finished' })).toBeVisible();
	await playHeld(page);
	await expect(page.locator('article.ending .result')).toContainText('pass mark 75%, set by the assignment');
	// A reload keeps the mode and still hides the editor banner.
	await page.reload();
	await expect(page.locator('article.ending')).toBeVisible();
	await expect(page.getByRole('link', { name: 'Back to the editor' })).toHaveCount(0);
	await page.getByRole('link', { name: 'See results and debrief' }).click();
	await expect(page.locator('.headline')).toContainText('pass mark 75%, set by the assignment');
	await page.goto(url);
	await expect(page.locator('p.meta')).toContainText('pass mark 75%, set by the assignment');
});

test('a shipped scenario played from an assignment: the attempt keeps naming it, and the ending and results say the pass mark is the assignment’s', async ({ page }) => {
	const url = await link({ title: 'Seventy-five to pass', passMark: 0.75 });
	await page.goto(url);
	await saveName(page, 'Ana López');
	await page.locator(`tr[data-scenario="${S}"]`).getByRole('link', { name: 'Start' }).click();
	await expect(page).toHaveURL(/assignment=trust-0001&pass=0\.75/);
	await expect(page.locator('article.step')).toBeVisible();
	// Reloaded, the attempt still names its assignment; the assignment page's Continue link names it too.
	await page.reload();
	await expect(page).toHaveURL(/attempt=.*assignment=trust-0001&pass=0\.75/);
	await page.goto('about:blank');
	await page.goto(url);
	await page.locator(`tr[data-scenario="${S}"]`).getByRole('link', { name: 'Continue' }).click();
	await expect(page).toHaveURL(/attempt=.*assignment=trust-0001&pass=0\.75/);
	await playToEnd(page, scenario(S));
	await expect(page.locator('article.ending .result')).toContainText('pass mark 75%, set by the assignment');
	await page.getByRole('link', { name: 'See results and debrief' }).click();
	await expect(page.locator('.headline')).toContainText('pass mark 75%, set by the assignment');
});

test('a second assignment link opened in the same tab opens that assignment', async ({ page }) => {
	await page.goto(await link({ id: 'trust-first-01', title: 'The first assignment' }));
	await expect(page.getByRole('heading', { level: 1, name: 'The first assignment' })).toBeVisible();
	await expect(page.locator(`tr[data-scenario="${S}"]`)).toBeVisible();
	// Only the fragment changes: the same document, no reload.
	await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
	const second = await link({ id: 'trust-second-1', title: 'The second assignment', scenarios: ['custom-trust-call'], custom: [{ id: 'custom-trust-call', source }], passMark: 0.9 });
	await page.goto(second);
	await expect(page.getByRole('heading', { level: 1, name: 'The second assignment' })).toBeVisible();
	expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
	await expect(page.locator(`tr[data-scenario="${S}"]`)).toHaveCount(0);
	await expect(page.locator('tr[data-scenario="custom-trust-call"]')).toBeVisible();
	await expect(page.locator('p.meta')).toContainText('pass mark 90%, set by the assignment');
	await expect(page.locator('tr[data-scenario="custom-trust-call"] a')).toHaveAttribute('href', /assignment=trust-second-1/);
});

test('a due date already past: the builder warns, and the student page says past due', async ({ page }) => {
	await page.goto('/assign/');
	await expect(page.locator('[data-due-warning]')).toBeHidden();
	await page.getByLabel('Due date').fill('2020-01-06');
	await expect(page.locator('[data-due-warning]')).toContainText('The due date 2020-01-06 has already passed');
	await page.getByLabel('Due date').fill('2999-01-06');
	await expect(page.locator('[data-due-warning]')).toBeHidden();

	await page.goto(await link({ title: 'Late already', due: '2020-01-06' }));
	await expect(page.locator('[data-past-due]')).toContainText('past due');
	await page.goto('about:blank');
	await page.goto(await link({ title: 'Not yet due', due: '2999-01-06' }));
	await expect(page.getByRole('heading', { level: 1, name: 'Not yet due' })).toBeVisible();
	await expect(page.locator('[data-past-due]')).toHaveCount(0);
});

test('accented names survive in the result file name and the gradebook CSV opens as UTF-8', async ({ page }) => {
	test.setTimeout(120_000);
	await page.goto('/learners/');
	await page.getByLabel("New learner's name").fill('José Núñez');
	await page.getByRole('button', { name: 'Add learner' }).click();
	await expect(page.getByText('José Núñez is now working.')).toBeVisible();
	const url = await link({ title: 'Semana de José', passMark: 0.75 });
	await page.goto(url);
	await saveName(page, 'José Núñez');
	await page.locator(`tr[data-scenario="${S}"]`).getByRole('link', { name: 'Start' }).click();
	await expect(page.locator('article.step')).toBeVisible();
	// One answer is enough for a result file.
	const s = scenario(S);
	const id = (await page.locator('article.step').getAttribute('data-step'))!;
	const best = bestIntent(s.steps[id]!.interaction!);
	await page.locator(`article.step [data-option="${best as string}"] input`).check();
	await page.locator('article.step button[type=submit]').click();
	await expect(page.locator('section.feedback')).toBeVisible();
	await page.goto('about:blank');
	await page.goto(url);
	const [result] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download my result file' }).click()]);
	expect(result.suggestedFilename()).toBe('result-semana-de-jose-jose-nunez.json');
	const resultPath = test.info().outputPath('result.json');
	await result.saveAs(resultPath);

	await page.goto('/gradebook/');
	await page.getByLabel('Assignment link').fill(`http://example.test${url}`);
	await page.getByRole('button', { name: 'Open the link' }).click();
	await expect(page.locator('[data-assignment-title]')).toContainText('pass mark 75% set by the assignment');
	await page.getByLabel('Drop result files here, or choose them').setInputFiles(resultPath);
	const cell = page.locator('tr[data-student="José Núñez"] td').first();
	await expect(cell).toContainText('1 attempt');
	await expect(cell).not.toContainText('0 min');
	const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download CSV for the LMS' }).click()]);
	const bytes = readFileSync(await csv.path());
	expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	expect(bytes.toString('utf8')).toContain('José Núñez');
});
