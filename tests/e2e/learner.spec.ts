import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { content, scenario } from './content';
import { answerByKeyboard, playToEnd } from './play';

test('a whole scenario works on a phone-sized screen without sideways scrolling', async ({ browser }) => {
	const context = await browser.newContext({ viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true });
	const page = await context.newPage();
	const s = content().scenarios.find((x) => x.meta.kind === 'communication')!;
	const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
	await page.goto('/');
	expect(await overflow()).toBeLessThanOrEqual(0);
	await page.goto(`/play/${s.meta.id}/`);
	await expect(page.locator('article.step')).toBeVisible();
	expect(await overflow()).toBeLessThanOrEqual(0);
	await playToEnd(page, s);
	await page.getByRole('link', { name: 'See results and debrief' }).click();
	await expect(page.getByRole('heading', { name: 'Score by competency' })).toBeVisible();
	expect(await overflow()).toBeLessThanOrEqual(0);
	await context.close();
});

test('when the browser blocks storage the learner is told plainly and can still work', async ({ page }) => {
	await page.addInitScript(() => {
		Object.defineProperty(window, 'indexedDB', { get: () => undefined });
	});
	const s = scenario('hipaa-caller-says-spouse');
	await page.goto(`/play/${s.meta.id}/`);
	await expect(page.getByRole('alert').filter({ hasText: 'progress will be lost when you close this tab' })).toBeVisible();
	await playToEnd(page, s);
	await expect(page.locator('article.ending .result')).toContainText('Passed');
});

test('learners sharing a computer keep separate progress, and mastery follows the evidence', async ({ page }) => {
	const s = scenario('hipaa-caller-says-spouse');
	await page.goto(`/play/${s.meta.id}/`);
	await playToEnd(page, s);
	await page.getByRole('link', { name: 'My progress' }).click();
	const row = page.locator('tr[data-competency="cmaa.law.release-of-information"]');
	await expect(row).not.toHaveAttribute('data-level', 'not-started');
	// Three full-credit points: a good start, but not yet enough evidence to call it mastered.
	await expect(row).toHaveAttribute('data-level', 'developing');
	expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
	// Every finished attempt can be reopened for its step-by-step replay.
	await page.getByRole('link', { name: 'Results and replay' }).first().click();
	await expect(page.getByRole('heading', { name: 'Step-by-step replay' })).toBeVisible();
	await page.getByRole('link', { name: 'My progress' }).click();

	await page.getByRole('link', { name: /^Learner:/ }).click();
	await page.getByLabel("New learner's name").fill('Jordan');
	await page.getByRole('button', { name: 'Add learner' }).click();
	await expect(page.getByRole('link', { name: 'Learner: Jordan' })).toBeVisible();
	await page.getByRole('link', { name: 'Scenarios' }).click();
	await expect(page.locator(`[data-scenario="${s.meta.id}"] .badge`)).toHaveText('New');
	await page.getByRole('link', { name: 'My progress' }).click();
	await expect(page.locator('tr[data-competency="cmaa.law.release-of-information"]')).toHaveAttribute('data-level', 'not-started');

	await page.getByRole('link', { name: /^Learner:/ }).click();
	await page.getByRole('button', { name: 'Switch to Student' }).click();
	await page.getByRole('link', { name: 'Scenarios' }).click();
	await expect(page.locator(`[data-scenario="${s.meta.id}"] .badge`)).toHaveText('Passed');
});

test('two tabs on the same attempt: the second catches up instead of overwriting', async ({ context }) => {
	const s = scenario('hipaa-caller-says-spouse');
	const first = s.steps[s.meta.start]!;
	const a = await context.newPage();
	await a.goto(`/play/${s.meta.id}/`);
	await expect(a.locator('article.step')).toBeVisible();
	const url = a.url();
	const b = await context.newPage();
	await b.goto(url);
	await expect(b.locator('article.step')).toHaveAttribute('data-step', s.meta.start);
	// Tab A answers first; tab B, still on the old step, answers differently.
	await answerByKeyboard(a, first.interaction!, 'explain-and-offer');
	await b.locator('[data-option="confirm-appointment-only"] input').check();
	await b.getByRole('button', { name: 'Decide' }).click();
	await expect(b.getByRole('alert').filter({ hasText: 'moved on in another tab' })).toBeVisible();
	await expect(b.locator('article.step')).not.toHaveAttribute('data-step', s.meta.start);
	// Only tab A's answer is stored.
	await b.goto('/progress/');
	await expect(b.locator('tr[data-attempt]')).toHaveCount(1);
	await expect(b.locator('tr[data-attempt]')).toContainText('1 decision so far');
});
