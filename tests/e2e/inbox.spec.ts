import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { content } from './content';
import { playWorking } from './play';
import { reach, submitStep } from './billing';
import { routeItems, type InboxStep } from './inbox';
import { inboxKeyInput } from '../support/inbox-key';

const inboxScenarios = () => content().scenarios.filter((s) => Object.values(s.steps).some((st) => st.interaction?.kind === 'inbox'));

for (const s of inboxScenarios())
	test(`${s.meta.id}: worked by keyboard alone with full marks, the routing surviving a reload mid-step`, async ({ page }) => {
		test.setTimeout(180_000);
		await page.goto(`/play/${s.meta.id}/`);
		await playWorking(page, s, 'inbox', async (it, stepId) => {
			const { items } = inboxKeyInput(it);
			const half = Math.ceil(it.block.items.length / 2);
			const done = await routeItems(page, it, items, 0, half);
			await expect(page.locator('.inbox .count')).toHaveText(`${half} of ${it.block.items.length} routed`);
			await page.waitForTimeout(300);
			await page.reload();
			// The draft brings back every choice made before the reload.
			for (const id of done) {
				const subject = it.block.items.find((i) => i.id === id)!.subject;
				await expect(page.getByLabel(`Route: ${subject}`)).toHaveValue(items[id]!.route);
				await expect(page.getByLabel(`Priority: ${subject}`)).toHaveValue(items[id]!.priority);
			}
			await routeItems(page, it, items, half);
			await submitStep(page);
			await expect(page.locator('section.feedback'), `${stepId} earns full marks`).toHaveAttribute('data-verdict', 'best');
			await page.keyboard.press('Enter');
		});
		await expect(page.locator('article.ending .result')).toContainText('Passed');
	});

test('the inbox has no axe violations, with a portal reply open, and a critical result sent the wrong way fails the scenario', async ({ page }) => {
	const s = inboxScenarios()[0]!;
	await page.goto(`/play/${s.meta.id}/`);
	const it = (await reach(page, s, 'inbox')) as InboxStep;
	const { items } = inboxKeyInput(it);
	const critical = it.block.items.find((i) => i.kind === 'result' && i.flag === 'critical');
	const wrong = critical ? { ...items, [critical.id]: { route: 'provider-queue', priority: 'routine' } } : items;
	await routeItems(page, it, wrong);
	expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
	if (!critical) return;
	await submitStep(page);
	await expect(page.locator('section.feedback .critical-reason')).toContainText('not sent to the ordering provider at once');
});

test('the inbox is usable at phone width: nothing runs off the side and axe finds nothing', async ({ page }) => {
	await page.setViewportSize({ width: 390, height: 844 });
	const s = inboxScenarios().at(-1)!;
	await page.goto(`/play/${s.meta.id}/`);
	const it = (await reach(page, s, 'inbox')) as InboxStep;
	await routeItems(page, it, inboxKeyInput(it).items, 0, 2);
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
	expect(overflow, 'no sideways scrolling').toBeLessThanOrEqual(0);
	expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});
