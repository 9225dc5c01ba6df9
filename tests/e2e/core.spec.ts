import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { content, scenario } from './content';
import { answerByKeyboard, bestIntent, playToEnd } from './play';

const axe = (page: import('@playwright/test').Page) => new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);

for (const kind of ['hipaa', 'communication', 'triage'] as const) {
	test(`a ${kind} scenario can be played to the end by keyboard and passes with the best answers`, async ({ page }) => {
		const s = content().scenarios.find((x) => x.meta.kind === kind)!;
		await page.goto('/');
		await page.getByRole('link', { name: s.meta.title }).focus();
		await page.keyboard.press('Enter');
		await expect(page.getByRole('heading', { level: 1, name: s.meta.title })).toBeVisible();
		await playToEnd(page, s);
		await expect(page.locator('article.ending .result')).toContainText('Passed');
		await page.getByRole('link', { name: 'See results and debrief' }).focus();
		await page.keyboard.press('Enter');
		await expect(page.locator('[data-status]')).toHaveAttribute('data-status', 'passed');
		await expect(page.getByRole('heading', { name: 'Debrief' })).toBeVisible();
		// Back in the catalog the scenario shows as passed with its best score.
		await page.getByRole('link', { name: 'Back to scenarios' }).click();
		const card = page.locator(`[data-scenario="${s.meta.id}"]`);
		await expect(card.locator('.badge')).toHaveText('Passed');
		await expect(card).toContainText('Best 100%');
	});
}

test('reloading mid-scenario resumes at the same step with the same variant', async ({ page }) => {
	const s = scenario('hipaa-caller-says-spouse');
	await page.goto(`/play/${s.meta.id}/`);
	const first = s.steps[s.meta.start]!;
	await answerByKeyboard(page, first.interaction!, bestIntent(first.interaction!));
	const stepId = await page.locator('article.step').getAttribute('data-step');
	const order = await page.locator('[data-option]').evaluateAll((els) => els.map((e) => e.getAttribute('data-option')));
	expect(page.url()).toContain('?attempt=');
	await page.reload();
	await expect(page.locator('article.step')).toHaveAttribute('data-step', stepId!);
	expect(await page.locator('[data-option]').evaluateAll((els) => els.map((e) => e.getAttribute('data-option')))).toEqual(order);
	await expect(page.getByText('1 decision made')).toBeVisible();

	// Opening the scenario from the catalog also carries on with the unfinished attempt.
	await page.goto('/');
	await expect(page.locator(`[data-scenario="${s.meta.id}"] .badge`)).toHaveText('In progress');
	// Its card's link (the same scenario is also on the Start here path).
	await page.locator(`[data-scenario="${s.meta.id}"]`).getByRole('link', { name: s.meta.title }).click();
	await expect(page.locator('article.step')).toHaveAttribute('data-step', stepId!);
});

test('a critical error fails the scenario even when other answers are right', async ({ page }) => {
	const s = scenario('hipaa-caller-says-spouse');
	await page.goto(`/play/${s.meta.id}/`);
	await playToEnd(page, s, (stepId, interaction) => (stepId === s.meta.start ? 'read-results' : bestIntent(interaction)));
	await expect(page.locator('article.ending .result')).toContainText('Not passed');
	await page.getByRole('link', { name: 'See results and debrief' }).click();
	await expect(page.locator('[data-status]')).toHaveAttribute('data-status', 'failed');
	await expect(page.getByRole('heading', { name: 'Critical errors' })).toBeVisible();
	await expect(page.getByText('Read lab results to a caller who is not authorized and not verified.').first()).toBeVisible();
	// The replay shows the critical step first.
	await expect(page.locator('#replay [data-verdict]')).toHaveAttribute('data-verdict', 'critical');
});

test('catalog, player and results have no axe violations', async ({ page }) => {
	await page.goto('/');
	await expect(page.locator('[data-scenario]').first()).toBeVisible();
	expect((await axe(page).analyze()).violations).toEqual([]);

	const s = scenario('hipaa-caller-says-spouse');
	await page.goto(`/play/${s.meta.id}/`);
	await expect(page.locator('article.step')).toBeVisible();
	expect((await axe(page).analyze()).violations).toEqual([]);
	const first = s.steps[s.meta.start]!;
	await answerByKeyboard(page, first.interaction!, 'confirm-appointment-only');
	await expect(page.locator('article.step')).toBeVisible();
	await playToEnd(page, s);
	await page.getByRole('link', { name: 'See results and debrief' }).click();
	await expect(page.getByRole('heading', { name: 'Step-by-step replay' })).toBeVisible();
	expect((await axe(page).analyze()).violations).toEqual([]);
});
