import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { scenario } from './content';
import { playToEnd } from './play';

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
