import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { content, scenario } from './content';
import { playWorking } from './play';
import { reach, submitStep } from './billing';
import { decideSet, decideSets } from './match';
import { matchKeyInput } from '../support/match-key';
import type { Interaction } from '../../src/lib/content/schema/scenario';
type MatchStep = Extract<Interaction, { kind: 'match' }>;

const matchScenarios = () => content().scenarios.filter((s) => Object.values(s.steps).some((st) => st.interaction?.kind === 'match'));

for (const s of matchScenarios())
	test(`${s.meta.id}: worked by keyboard alone with full marks, the half-decided sets surviving a reload`, async ({ page }) => {
		test.setTimeout(180_000);
		await page.goto(`/play/${s.meta.id}/`);
		await playWorking(page, s, 'match', async (it, stepId) => {
			// The other accepted value where a field has two, so the second valid working is the one a browser proves.
			const input = matchKeyInput(it, 'last');
			const order = await page.locator('[data-pair]').evaluateAll((els) => els.map((e) => e.getAttribute('data-pair')!));
			const half = Math.ceil(order.length / 2);
			await decideSets(page, it, input, order.slice(0, half));
			await expect(page.locator('p.match-count')).toHaveText(`${half} of ${order.length} sets decided.`);
			await page.waitForTimeout(300);
			await page.reload();
			// The draft brings back every set decided so far, with its decision.
			await expect(page.locator('p.match-count')).toHaveText(`${half} of ${order.length} sets decided.`);
			const first = order[0]!;
			await expect(page.locator(`[data-pair="${first}"] input[name$="-${first}-action"]:checked`)).toHaveValue(input.pairs[first]!.action);
			await decideSets(page, it, input, order.slice(half));
			await submitStep(page);
			await expect(page.locator('section.feedback'), `${stepId} earns full marks`).toHaveAttribute('data-verdict', 'best');
			await page.keyboard.press('Enter');
		});
		await expect(page.locator('article.ending .result')).toContainText('Passed');
		await expect(page.locator('article.ending .result')).toContainText('100%');
	});

test('the match workspace has no axe violations with a merge open, and fits a phone', async ({ page }) => {
	const s = matchScenarios()[0]!;
	await page.setViewportSize({ width: 390, height: 844 });
	await page.goto(`/play/${s.meta.id}/`);
	await reach(page, s, 'match');
	const merge = page.locator('[data-pair]').first();
	await merge.getByRole('radio', { name: /Same person/ }).check();
	await expect(merge.getByRole('group', { name: 'Which MRN survives the merge?' })).toBeVisible();
	expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test('merging two look-alike women fails the scenario with a reason naming both', async ({ page }) => {
	const s = scenario('records-overlay-visit');
	await page.goto(`/play/${s.meta.id}/`);
	const it = (await reach(page, s, 'match')) as MatchStep;
	const input = matchKeyInput(it);
	await page.locator('article.step h2').focus();
	const order = await page.locator('[data-pair]').evaluateAll((els) => els.map((e) => e.getAttribute('data-pair')!));
	for (const id of order) await decideSet(page, it, id, id === 'tanaka' ? { ...input.pairs[id]!, action: 'merge', survivor: '9935459' } : input.pairs[id]!);
	await submitStep(page);
	await expect(page.locator('section.feedback')).toHaveAttribute('data-verdict', 'critical');
	await expect(page.locator('section.feedback')).toContainText("Merged Yuki and Yuko Tanaka's charts");
});
