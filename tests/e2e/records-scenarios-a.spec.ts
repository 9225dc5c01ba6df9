import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { scenario } from './content';
import { answerByKeyboard, bestIntent, playToEnd } from './play';

// Issue 20: three scenarios that give the foundational, consent and accessibility competencies their
// first decisions, each worked by keyboard alone to full marks, resuming after a reload mid-scenario.
const IDS = ['records-first-day-orientation', 'registration-advance-directive-at-check-in', 'registration-captions-and-portal'];

for (const id of IDS)
	test(`${id}: worked by keyboard alone with full marks, resuming after a reload`, async ({ page }) => {
		const s = scenario(id);
		await page.goto(`/play/${id}/`);
		const first = s.steps[s.meta.start]!;
		await answerByKeyboard(page, first.interaction!, bestIntent(first.interaction!));
		const stepId = await page.locator('article.step').getAttribute('data-step');
		expect(stepId).not.toBe(s.meta.start);
		await page.reload();
		await expect(page.locator('article.step')).toHaveAttribute('data-step', stepId!);
		expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
		await playToEnd(page, s);
		await expect(page.locator('article.ending .result')).toContainText('Passed');
		await expect(page.locator('article.ending .result')).toContainText('100%');
		await page.goto('/');
		await expect(page.locator(`[data-scenario="${id}"]`)).toContainText('Best 100%');
	});
