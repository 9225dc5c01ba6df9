import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { scenario } from './content';
import { bestIntent, playToEnd } from './play';

const S = 'hipaa-caller-says-spouse';

test('an instructor assigns, a student works the link and sends a result file, the gradebook reads it and names a damaged file', async ({ browser }) => {
	test.setTimeout(120_000);
	// The instructor's browser.
	const teacher = await (await browser.newContext()).newPage();
	await teacher.goto('/assign/');
	await teacher.getByLabel('Title').fill('Week 3: privacy at the desk');
	await teacher.getByLabel('Instructions (Markdown)').fill('Work the scenario **before Friday**.');
	await teacher.getByRole('checkbox', { name: new RegExp(scenario(S).meta.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).check();
	await teacher.getByLabel('Attempts allowed').fill('2');
	await teacher.getByRole('button', { name: 'Create the assignment' }).click();
	const link = await teacher.locator('[data-assignment-link]').inputValue();
	expect(link).toMatch(/\/assignment\/#a=[A-Za-z0-9_-]+$/);
	expect((await new AxeBuilder({ page: teacher }).analyze()).violations).toEqual([]);
	const [assignmentDownload] = await Promise.all([teacher.waitForEvent('download'), teacher.getByRole('link', { name: 'Download the assignment file' }).click()]);
	const assignmentPath = test.info().outputPath('assignment.json');
	await assignmentDownload.saveAs(assignmentPath);

	// The student's browser: opens the link, works the scenario, downloads the result file.
	const student = await (await browser.newContext()).newPage();
	await student.goto(link.replace(/^https?:\/\/[^/]+/, ''));
	await expect(student.getByRole('heading', { name: 'Week 3: privacy at the desk' })).toBeVisible();
	await expect(student.locator('.panel strong')).toHaveText('before Friday');
	await student.getByRole('link', { name: 'Start' }).click();
	await playToEnd(student, scenario(S));
	await student.goto(link.replace(/^https?:\/\/[^/]+/, ''));
	await expect(student.locator(`tr[data-scenario="${S}"]`)).toContainText('1 of 2');
	const [result] = await Promise.all([student.waitForEvent('download'), student.getByRole('button', { name: 'Download my result file' }).click()]);
	const resultPath = test.info().outputPath('result.json');
	await result.saveAs(resultPath);
	expect((await new AxeBuilder({ page: student }).analyze()).violations).toEqual([]);

	// Back to the instructor: the gradebook, with a damaged copy alongside.
	await teacher.goto('/gradebook/');
	await teacher.getByLabel('or the assignment file').setInputFiles(assignmentPath);
	await expect(teacher.locator('[data-assignment-title]')).toContainText('Week 3: privacy at the desk');
	const good = readFileSync(resultPath);
	const damaged = Buffer.from(good.toString('utf8').replace('"status":"passed"', '"status":"failed"'));
	await teacher.getByLabel('Drop result files here, or choose them').setInputFiles([
		{ name: 'student.json', mimeType: 'application/json', buffer: good },
		{ name: 'edited.json', mimeType: 'application/json', buffer: damaged }
	]);
	await expect(teacher.locator('tr[data-student="Student"]')).toContainText('pass');
	await expect(teacher.getByRole('alert')).toContainText('edited.json damaged or edited after it was saved');
	await expect(teacher.locator('table[data-table="heatmap"] tbody tr')).not.toHaveCount(0);
	// Each attempt opens its step-by-step replay for the debrief.
	await teacher.getByRole('button', { name: /^Replay attempt 1 of Student/ }).click();
	const replay = teacher.getByRole('region', { name: /^Replay: Student:/ });
	await expect(replay.locator('section.feedback').first()).toBeVisible();
	expect(await replay.locator('section.feedback').count()).toBeGreaterThanOrEqual(3);
	await expect(replay.locator('section.feedback').first()).toHaveAttribute('data-verdict', 'best');
	expect((await new AxeBuilder({ page: teacher }).analyze()).violations).toEqual([]);
	const [csv] = await Promise.all([teacher.waitForEvent('download'), teacher.getByRole('link', { name: 'Download CSV for the LMS' }).click()]);
	const text = readFileSync(await csv.path(), 'utf8');
	expect(text.split('\r\n')[1]).toMatch(/^Student,100,yes,100,1$/);
});

test('an assignment set to give feedback after the scenario holds it back until the results', async ({ page }) => {
	const s = scenario(S);
	await page.goto(`/play/${S}/?new=1&feedback=after`);
	for (let guard = 0; guard < 20; guard++) {
		const step = page.locator('article.step');
		await expect(step).toBeVisible();
		const id = (await step.getAttribute('data-step'))!;
		const it = s.steps[id]?.interaction;
		if (!it) break;
		const best = bestIntent(it);
		if (typeof best === 'string') await step.locator(`[data-option="${best}"] input`).check();
		else for (const o of best as string[]) await step.locator(`[data-option="${o}"] input`).check();
		await step.locator('button[type=submit]').click();
		// No feedback: the player moves straight on to the next step and says the answer is saved.
		await expect(page.locator('article.step')).not.toHaveAttribute('data-step', id);
		await expect(page.getByRole('status').filter({ hasText: 'Answer saved' })).toBeVisible();
		await expect(page.locator('section.feedback')).toHaveCount(0);
	}
	// A reload keeps the mode.
	await page.reload();
	await expect(page).toHaveURL(/feedback=after/);
	await page.getByRole('link', { name: 'See results and debrief' }).click();
	await expect(page.getByRole('heading', { name: 'Step-by-step replay' })).toBeVisible();
	await expect(page.locator('section.feedback')).toBeVisible();
});
