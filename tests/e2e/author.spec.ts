import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { scenario } from './content';
import { playToEnd } from './play';
import { saveName } from './identity';

const source = readFileSync('content/scenarios/hipaa-caller-says-spouse.md', 'utf8').replace('id: hipaa-caller-says-spouse', 'id: custom-spouse-call');

test('an authored scenario with an error shows it on its line; fixed, it is kept, played and scored', async ({ page }) => {
	await page.goto('/author/');
	const broken = source.replace(/^start: .*$/m, 'start: nowhere');
	const badLine = broken.split('\n').findIndex((l) => l.startsWith('start: nowhere')) + 1;
	await page.getByLabel('Scenario text').fill(broken);
	await page.getByRole('button', { name: 'Check it' }).click();
	await expect(page.locator('.problems li').first()).toContainText(`Line ${badLine}:`);
	await expect(page.locator(`.lines li[data-line="${badLine}"]`)).toContainText('start: nowhere');
	await expect(page.locator(`.lines li[data-line="${badLine}"] .msg`)).toBeVisible();
	expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

	await page.getByLabel('Scenario text').fill(source);
	await page.getByRole('button', { name: 'Check it' }).click();
	await expect(page.getByRole('status')).toContainText('passes every check the build makes');
	await page.getByRole('button', { name: 'Save and play it' }).click();
	await expect(page).toHaveURL(/\/author\/play\/\?id=custom-spouse-call/);
	const s = { ...scenario('hipaa-caller-says-spouse') };
	await playToEnd(page, s);
	await expect(page.locator('article.ending .result')).toContainText('Passed');
	await page.getByRole('link', { name: 'See results and debrief' }).click();
	await expect(page.getByRole('heading', { name: 'Step-by-step replay' })).toBeVisible();
	await page.goto('/author/');
	await expect(page.locator('[data-authored="custom-spouse-call"]')).toBeVisible();
});

test("an instructor's own scenario travels inside the assignment to a student's browser and back to the gradebook", async ({ browser }) => {
	test.setTimeout(120_000);
	const teacher = await (await browser.newContext()).newPage();
	await teacher.goto('/author/');
	await teacher.getByLabel('Scenario text').fill(source);
	await teacher.getByRole('button', { name: 'Save and play it' }).click();
	await expect(teacher).toHaveURL(/\/author\/play\//);
	await teacher.goto('/assign/');
	await teacher.getByLabel('Title').fill('Our own call scenario');
	await teacher.getByRole('checkbox', { name: /custom-spouse-call/ }).check();
	await teacher.getByRole('button', { name: 'Create the assignment' }).click();
	const link = (await teacher.locator('[data-assignment-link]').inputValue()).replace(/^https?:\/\/[^/]+/, '');
	const [file] = await Promise.all([teacher.waitForEvent('download'), teacher.getByRole('link', { name: 'Download the assignment file' }).click()]);
	const assignmentPath = test.info().outputPath('assignment.json');
	await file.saveAs(assignmentPath);

	const student = await (await browser.newContext()).newPage();
	await student.goto(link);
	await saveName(student, 'Ana López');
	const row = student.locator('tr[data-scenario="custom-spouse-call"]');
	await expect(row).toContainText(scenario('hipaa-caller-says-spouse').meta.title);
	await row.getByRole('link', { name: 'Start' }).click();
	await expect(student).toHaveURL(/\/author\/play\/\?id=custom-spouse-call/);
	await playToEnd(student, scenario('hipaa-caller-says-spouse'));
	await student.goto(link);
	await expect(row).toContainText('1 of 3');
	const [result] = await Promise.all([student.waitForEvent('download'), student.getByRole('button', { name: 'Download my result file' }).click()]);
	const resultPath = test.info().outputPath('result.json');
	await result.saveAs(resultPath);

	await teacher.goto('/gradebook/');
	await teacher.getByLabel('or the assignment file').setInputFiles(assignmentPath);
	await teacher.getByLabel('Drop result files here, or choose them').setInputFiles(resultPath);
	await expect(teacher.locator('table[data-table="gradebook"] thead')).toContainText(scenario('hipaa-caller-says-spouse').meta.title);
	await expect(teacher.locator('tr[data-student="Ana López"]')).toContainText('pass');
});
