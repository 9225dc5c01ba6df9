import { expect, test } from '@playwright/test';
import { scenario } from './content';
import { bestIntent, answerByKeyboard } from './play';

// Served from build-sim/ (BASE_PATH=/sim) by a plain static server: links, assets and deep links must all stay under /sim/.
test('the app works when hosted under a sub-path, deep links included', async ({ page }) => {
	const s = scenario('hipaa-caller-says-spouse');
	const failed: string[] = [];
	page.on('response', (r) => {
		if (r.status() >= 400) failed.push(r.url());
	});
	await page.goto(`play/${s.meta.id}/`);
	await expect(page.getByRole('heading', { level: 1, name: s.meta.title })).toBeVisible();
	expect(new URL(page.url()).pathname).toBe(`/sim/play/${s.meta.id}/`);
	const first = s.steps[s.meta.start]!;
	await answerByKeyboard(page, first.interaction!, bestIntent(first.interaction!));
	await page.reload();
	await expect(page.locator('article.step')).toBeVisible();
	await page.getByRole('link', { name: 'Scenarios' }).click();
	await expect(page).toHaveURL(/\/sim\/$/);
	await expect(page.locator(`[data-scenario="${s.meta.id}"] .badge`)).toHaveText('In progress');
	expect(failed).toEqual([]);
});
