import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { content } from './content';
import { playWorking } from './play';
import { submitStep } from './billing';
import { fileDocument, fileStack } from './records';
import { indexKeyInput } from '../support/index-key';
import type { Interaction, Scenario } from '../../src/lib/content/schema/scenario';
type IndexStep = Extract<Interaction, { kind: 'index' }>;

const recordsScenarios = () => content().scenarios.filter((s) => Object.values(s.steps).some((st) => st.interaction?.kind === 'index'));

for (const s of recordsScenarios())
	test(`${s.meta.id}: worked by keyboard alone with full marks, the half-filed stack surviving a reload`, async ({ page }) => {
		test.setTimeout(180_000);
		await page.goto(`/play/${s.meta.id}/`);
		await playWorking(page, s, 'index', async (it, stepId) => {
			const input = indexKeyInput(it);
			if (input.kind !== 'index') throw new Error('not an index input');
			const order = await page.locator('[data-document]').evaluateAll((els) => els.map((e) => e.getAttribute('data-document')!));
			const half = Math.ceil(order.length / 2);
			await fileStack(page, it, input, order.slice(0, half));
			await expect(page.locator('p.stack-count')).toHaveText(`${half} of ${order.length} pages handled.`);
			await page.waitForTimeout(300);
			await page.reload();
			// The draft brings back every page filed so far, with its patient.
			await expect(page.locator('p.stack-count')).toHaveText(`${half} of ${order.length} pages handled.`);
			const firstFiled = order.slice(0, half).find((id) => !input.filed[id]!.misdirected);
			if (firstFiled) {
				const p = it.block.context.patients.find((x) => x.id === input.filed[firstFiled]!.patient)!;
				await expect(page.locator(`[data-document="${firstFiled}"] .chosen`)).toContainText(`${p.lastName}, ${p.firstName}`);
			}
			await fileStack(page, it, input, order.slice(half));
			await submitStep(page);
			await expect(page.locator('section.feedback'), `${stepId} earns full marks`).toHaveAttribute('data-verdict', 'best');
			await page.keyboard.press('Enter');
		});
		await expect(page.locator('article.ending .result')).toContainText('Passed');
		await expect(page.locator('article.ending .result')).toContainText('100%');
	});

test('the index workspace has no axe violations with a search open, and fits a phone', async ({ page }) => {
	const s: Scenario = recordsScenarios()[0]!;
	await page.setViewportSize({ width: 390, height: 844 });
	await page.goto(`/play/${s.meta.id}/`);
	const first = page.locator('[data-document]').first();
	await first.getByRole('radio', { name: /File it to a patient/ }).check();
	await first.getByLabel('Name').fill('whit');
	await expect(first.getByRole('radio').filter({ hasNotText: /File it|Misdirected/ })).not.toHaveCount(0);
	expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test('a page filed to a look-alike patient fails the scenario with a reason naming both patients', async ({ page }) => {
	const s = content().scenarios.find((x) => x.meta.id === 'records-monday-fax-queue')!;
	await page.goto(`/play/${s.meta.id}/`);
	const it = s.steps['stack']!.interaction as IndexStep;
	const input = indexKeyInput(it);
	if (input.kind !== 'index') throw new Error('not an index input');
	await page.locator('article.step h2').focus();
	const order = await page.locator('[data-document]').evaluateAll((els) => els.map((e) => e.getAttribute('data-document')!));
	for (const id of order) await fileDocument(page, it, id, id === 'consult-whitaker' ? { ...input.filed[id]!, patient: 'pt-sandra-whitfield' } : input.filed[id]!);
	await submitStep(page);
	await expect(page.locator('section.feedback')).toHaveAttribute('data-verdict', 'critical');
	await expect(page.locator('section.feedback')).toContainText('belongs to George Whitaker (DOB 10/10/1937), not Sandra Whitfield');
});
