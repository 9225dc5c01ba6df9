import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { content } from './content';
import { playWorking } from './play';
import { reach, submitStep } from './billing';
import { answerReport, runReportByKeyboard } from './report';
import { reportKeyInput } from '../support/report-key';
import type { Interaction } from '../../src/lib/content/schema/scenario';
type ReportStep = Extract<Interaction, { kind: 'report' }>;

const reportScenarios = () => content().scenarios.filter((s) => Object.values(s.steps).some((st) => st.interaction?.kind === 'report'));

for (const s of reportScenarios())
	test(`${s.meta.id}: worked by keyboard alone with full marks, the filters, result and answers surviving a reload`, async ({ page }) => {
		test.setTimeout(180_000);
		await page.goto(`/play/${s.meta.id}/`);
		await playWorking(page, s, 'report', async (it, stepId) => {
			const input = reportKeyInput(it);
			const [first, ...rest] = it.block.questions.map((q) => q.id);
			await runReportByKeyboard(page, input);
			await answerReport(page, it, input, [first!]);
			const rows = await page.locator('section.result tbody tr').count();
			await page.waitForTimeout(300);
			await page.reload();
			// The draft brings back the report, its filters, its result and the answer given so far.
			await expect(page.locator('section.result tbody tr')).toHaveCount(rows);
			const q = it.block.questions[0]!;
			if (q.type === 'number') await expect(page.locator(`[data-question="${q.id}"] input`)).toHaveValue(input.answers[q.id] as string);
			await answerReport(page, it, input, rest);
			await submitStep(page);
			await expect(page.locator('section.feedback'), `${stepId} earns full marks`).toHaveAttribute('data-verdict', 'best');
			await page.keyboard.press('Enter');
		});
		await expect(page.locator('article.ending .result')).toContainText('Passed');
		await expect(page.locator('article.ending .result')).toContainText('100%');
	});

test('the report workspace has no axe violations with a result shown, and fits a phone', async ({ page }) => {
	const s = content().scenarios.find((x) => x.meta.id === 'records-quality-report')!;
	await page.setViewportSize({ width: 390, height: 844 });
	await page.goto(`/play/${s.meta.id}/`);
	const it = (await reach(page, s, 'report')) as ReportStep;
	await runReportByKeyboard(page, reportKeyInput(it));
	await expect(page.locator('section.result')).toContainText('Data-quality findings');
	await expect(page.locator('section.result')).toContainText('Simplified');
	expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test('a filter the task did not ask for costs its point and says which', async ({ page }) => {
	const s = content().scenarios.find((x) => x.meta.id === 'records-no-show-report')!;
	await page.goto(`/play/${s.meta.id}/`);
	const it = (await reach(page, s, 'report')) as ReportStep;
	const input = reportKeyInput(it);
	const narrowed = { ...input, filters: { ...input.filters, sex: 'F' } };
	await runReportByKeyboard(page, narrowed);
	// The list questions are left as they start (nobody): the narrowed result does not offer every patient.
	await answerReport(page, it, input, it.block.questions.filter((q) => q.type !== 'patients').map((q) => q.id));
	await submitStep(page);
	await expect(page.locator('section.feedback')).toHaveAttribute('data-verdict', 'partial');
	await expect(page.locator('section.feedback')).toContainText('Filters beyond the task: sex (F).');
});
