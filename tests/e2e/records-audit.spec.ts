import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { content } from './content';
import { playWorking } from './play';
import { reach, submitStep } from './billing';
import { judgeRows } from './audit';
import { auditKeyInput } from '../support/audit-key';
import type { Interaction } from '../../src/lib/content/schema/scenario';
type AuditStep = Extract<Interaction, { kind: 'audit' }>;

const auditScenarios = () => content().scenarios.filter((s) => Object.values(s.steps).some((st) => st.interaction?.kind === 'audit'));
const order = (page: import('@playwright/test').Page) => page.locator('[data-row]').evaluateAll((els) => els.map((e) => e.getAttribute('data-row')!));

for (const s of auditScenarios())
	test(`${s.meta.id}: worked by keyboard alone with full marks, the half-judged log surviving a reload`, async ({ page }) => {
		test.setTimeout(180_000);
		await page.goto(`/play/${s.meta.id}/`);
		await playWorking(page, s, 'audit', async (it, stepId) => {
			// The second valid working (another right reason, the date typed M/D/YYYY) for one scenario, the key for the other.
			const input = auditKeyInput(it, s.meta.id === 'records-access-audit' ? 'last' : 'first');
			const ids = await order(page);
			// The breach row first, so the reload has an assessment to bring back.
			const breachRow = it.block.rows.find((r) => r.breach)!.id;
			const first = [breachRow, ...ids.filter((id) => id !== breachRow).slice(0, 1)].sort((a, b) => ids.indexOf(a) - ids.indexOf(b));
			await judgeRows(page, it, input, first);
			await expect(page.locator('p.audit-count')).toHaveText(`2 of ${ids.length} rows judged`);
			await page.waitForTimeout(300);
			await page.reload();
			// The draft brings back the verdicts, the assessment and the deadline typed so far.
			await expect(page.locator('p.audit-count')).toHaveText(`2 of ${ids.length} rows judged`);
			await expect(page.locator(`[data-row="${breachRow}"] input[id$="-deadline"]`)).toHaveValue(input.rows[breachRow]!.deadline);
			await judgeRows(page, it, input, ids.filter((id) => !first.includes(id)));
			await submitStep(page);
			await expect(page.locator('section.feedback'), `${stepId} earns full marks`).toHaveAttribute('data-verdict', 'best');
			await page.keyboard.press('Enter');
		});
		await expect(page.locator('article.ending .result')).toContainText('Passed');
		await expect(page.locator('article.ending .result')).toContainText('100%');
	});

test('the audit workspace has no axe violations with an assessment open, and a breach called no breach fails the scenario', async ({ page }) => {
	const s = auditScenarios()[0]!;
	await page.goto(`/play/${s.meta.id}/`);
	const it = (await reach(page, s, 'audit')) as AuditStep;
	const input = auditKeyInput(it);
	if (input.kind !== 'audit') throw new Error('not an audit input');
	const breachRow = it.block.rows.find((r) => r.breach)!.id;
	const missed = { ...input, rows: { ...input.rows, [breachRow]: { ...input.rows[breachRow]!, conclusion: 'not-breach', notify: [], deadline: '' } } };
	await judgeRows(page, it, missed, await order(page));
	expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
	await submitStep(page);
	await expect(page.locator('section.feedback .critical-reason')).toContainText('left unreported');
	expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});

test('the audit is usable at phone width: nothing runs off the side and axe finds nothing', async ({ page }) => {
	await page.setViewportSize({ width: 390, height: 844 });
	const s = auditScenarios().at(-1)!;
	await page.goto(`/play/${s.meta.id}/`);
	const it = (await reach(page, s, 'audit')) as AuditStep;
	const input = auditKeyInput(it);
	const breachRow = it.block.rows.find((r) => r.breach)!.id;
	await judgeRows(page, it, input, [breachRow]);
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
	expect(overflow, 'no sideways scrolling').toBeLessThanOrEqual(0);
	expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});
