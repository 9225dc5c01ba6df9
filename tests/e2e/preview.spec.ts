import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { scenario } from './content';

const S = scenario('hipaa-caller-says-spouse');

test('a scenario page reads before its script runs: the heading and the opening situation are in the page itself, and nothing can be answered there', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto(`/play/${S.meta.id}/`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(S.meta.title);
	const first = S.steps[S.meta.start]!;
	// The opening situation, as the learner will read it (its first sentence, without Markdown).
	const opening = first.narrative.replace(/[*_`#>]/g, '').split(/(?<=[.?!])\s/)[0]!.trim();
	await expect(page.locator('[data-preview]')).toContainText(opening);
	await expect(page.getByRole('status')).toHaveText('Opening the scenario…');
	await expect(page.locator('input, button:not([disabled]), article.step')).toHaveCount(0);
	await context.close();
});

test('a scenario page waits on no stylesheet before its first paint: every one is in the page, and styles the preview', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	const stylesheets: string[] = [];
	page.on('request', (r) => { if (r.resourceType() === 'stylesheet') stylesheets.push(r.url()); });
	await page.goto(`/play/${S.meta.id}/`);
	// Only disabled links are left (SvelteKit's marks of what is inlined); a live one would block the paint.
	await expect(page.locator('link[rel="stylesheet"]:not([disabled])')).toHaveCount(0);
	expect(stylesheets).toEqual([]);
	// The inlined styles apply: the preview's frame is app.css's grid, not an unstyled block.
	await expect(page.locator('[data-preview]')).toHaveCSS('display', 'grid');
	await context.close();
});

test('the player takes over from the preview in place: the same heading, then the step to answer', async ({ page }) => {
	await page.goto(`/play/${S.meta.id}/`);
	await expect(page.locator('article.step')).toBeVisible();
	await expect(page.locator('[data-preview]')).toHaveCount(0);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(S.meta.title);
	expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});
