import { expect, test } from '@playwright/test';
import { scenario } from './content';
import { answerByKeyboard, bestIntent, playToEnd } from './play';

// Issue 20: the records-desk scenarios written with the existing kinds, each worked by keyboard alone
// with full marks, with a reload after the first decision.
const IDS = ['registration-abn-screening-lab', 'records-ehr-downtime-morning', 'records-amendment-request', 'records-school-immunization-form'];

for (const id of IDS)
	test(`${id}: worked by keyboard alone with full marks, resuming after a reload`, async ({ page }) => {
		const s = scenario(id);
		await page.goto(`/play/${id}/`);
		const first = s.steps[s.meta.start]!;
		await answerByKeyboard(page, first.interaction!, bestIntent(first.interaction!));
		const stepId = await page.locator('article.step').getAttribute('data-step');
		await page.reload();
		await expect(page.locator('article.step')).toHaveAttribute('data-step', stepId!);
		await playToEnd(page, s);
		await expect(page.locator('article.ending .result')).toContainText('Passed');
		await page.goto('/');
		await expect(page.locator(`[data-scenario="${id}"]`)).toContainText('Best 100%');
	});
