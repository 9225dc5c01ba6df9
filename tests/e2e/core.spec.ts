import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { content, scenario } from './content';
import { answerByKeyboard, bestIntent, playToEnd } from './play';
import { STORAGE_CODE_PROBES } from '../../scripts/budget';

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

test('a first visit to a choice-only scenario loads no storage code and stores nothing until the learner acts; the first answer stores the attempt', async ({ page }) => {
	const s = scenario('hipaa-caller-says-spouse');
	const first = s.steps[s.meta.start]!;
	// Every script the page fetches that holds storage code (Dexie, or the module that opens it).
	const scripts: Promise<string | undefined>[] = [];
	page.on('response', (res) => {
		if (!new URL(res.url()).pathname.endsWith('.js')) return;
		scripts.push(res.text().then((t) => (STORAGE_CODE_PROBES.some((p) => t.includes(p)) ? new URL(res.url()).pathname : undefined), () => undefined));
	});
	const storageCode = async () => (await Promise.all(scripts)).filter(Boolean);
	const databases = () => page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
	const options = () => page.locator('[data-option]').evaluateAll((els) => els.map((e) => e.getAttribute('data-option')));

	await page.goto(`/play/${s.meta.id}/`);
	await expect(page.locator('article.step')).toHaveAttribute('data-step', s.meta.start);
	await page.waitForLoadState('networkidle');
	expect(await storageCode(), 'storage code fetched before any answer').toEqual([]);
	expect(await databases(), 'opening a scenario wrote something').toEqual([]);
	// A reload before the first answer opens the same attempt (its variant and option order), still unsaved.
	await expect.poll(() => new URL(page.url()).searchParams.get('attempt')).not.toBeNull();
	const attempt = new URL(page.url()).searchParams.get('attempt');
	const order = await options();
	await page.reload();
	await expect(page.locator('article.step')).toHaveAttribute('data-step', s.meta.start);
	expect(await options()).toEqual(order);
	expect(new URL(page.url()).searchParams.get('attempt')).toBe(attempt);
	await page.waitForLoadState('networkidle');
	expect(await storageCode()).toEqual([]);
	expect(await databases()).toEqual([]);

	// The first answer stores the attempt (storage code loads for it), and a reload resumes it.
	await answerByKeyboard(page, first.interaction!, bestIntent(first.interaction!));
	await expect(page.locator('article.step')).not.toHaveAttribute('data-step', s.meta.start);
	expect((await storageCode()).length, 'the answer was stored without storage code?').toBeGreaterThan(0);
	expect(await databases()).toEqual(['front-desk-simulator']);
	const next = await page.locator('article.step').getAttribute('data-step');
	await page.goto(`/play/${s.meta.id}/`);
	await expect(page.locator('article.step')).toHaveAttribute('data-step', next!);
	await expect(page.getByText('1 decision made')).toBeVisible();
	expect(new URL(page.url()).searchParams.get('attempt')).toBe(attempt);
	await expect(page.getByRole('link', { name: 'Learner: Student' })).toBeVisible();
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
