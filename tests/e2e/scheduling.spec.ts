import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { content } from './content';
import { bestIntent, answerByKeyboard } from './play';
import { submitBook, toBookSteps, workBook } from './schedule';
import { solveSchedule } from '../../src/lib/engine/schedule-solver';

const scheduling = () => {
	const s = content().scenarios.find((x) => x.meta.kind === 'scheduling' && Object.values(x.steps).some((st) => st.interaction?.kind === 'schedule'));
	if (!s) throw new Error('no scheduling scenario with a schedule book');
	return s;
};

const schedulingScenarios = () => content().scenarios.filter((x) => x.meta.kind === 'scheduling' && Object.values(x.steps).some((st) => st.interaction?.kind === 'schedule'));

for (const s of schedulingScenarios()) test(`${s.meta.id}: completed by keyboard alone with full marks, the book surviving a reload mid-way`, async ({ page }) => {
	test.setTimeout(120_000);
	await page.goto(`/play/${s.meta.id}/`);
	for (let guard = 0; guard < 20; guard++) {
		const stepEl = page.locator('article.step');
		await expect(stepEl).toBeVisible();
		const step = s.steps[(await stepEl.getAttribute('data-step'))!];
		if (!step?.interaction) break;
		if (step.interaction.kind !== 'schedule') {
			await answerByKeyboard(page, step.interaction, bestIntent(step.interaction));
			continue;
		}
		const solution = solveSchedule(step.interaction.block);
		if (!solution.ok) throw new Error(`no full-mark book: ${solution.why}`);
		const steps = toBookSteps(step.interaction.block, solution.actions);
		const half = Math.ceil(steps.length / 2);
		await workBook(page, steps.slice(0, half));
		await page.reload();
		await expect(page.locator('.log li')).toHaveCount(half);
		await workBook(page, steps.slice(half));
		await submitBook(page, solution.collected);
		await expect(page.locator('section.feedback')).toHaveAttribute('data-verdict', 'best');
		await page.keyboard.press('Enter');
	}
	await expect(page.locator('article.ending .result')).toContainText('Passed');
});

test('the schedule book has no axe violations in day and week view', async ({ page }) => {
	const s = scheduling();
	await page.goto(`/play/${s.meta.id}/`);
	// Reach the first schedule step with the best answers.
	for (let guard = 0; guard < 20; guard++) {
		const stepEl = page.locator('article.step');
		await expect(stepEl).toBeVisible();
		const step = s.steps[(await stepEl.getAttribute('data-step'))!]!;
		if (step.interaction?.kind === 'schedule') break;
		await answerByKeyboard(page, step.interaction!, bestIntent(step.interaction!));
	}
	await page.getByRole('button', { name: 'Day', exact: true }).click();
	await expect(page.locator('table.book')).toBeVisible();
	// Opening a slot shows who is in it and how the rooms stand at that moment.
	await page.locator('table.book td.slot').first().click();
	await expect(page.locator('.slot-panel .rooms')).toContainText(/exam \d+ of \d+ in use/);
	expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
	await page.getByRole('button', { name: 'Week', exact: true }).click();
	await expect(page.locator('table.week')).toBeVisible();
	expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
	// On a phone the book scrolls inside its own frame; the page itself does not scroll sideways.
	await page.setViewportSize({ width: 375, height: 740 });
	await page.getByRole('button', { name: 'Day', exact: true }).click();
	expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
});

// label-content-name-mismatch is experimental in axe (off by default): enabled here on the scenario
// where it failed, so a control whose visible words are missing from its accessible name is caught.
test('the no-show conversation passes axe at every step, with visible labels inside accessible names', async ({ page }) => {
	test.setTimeout(120_000);
	const s = content().scenarios.find((x) => x.meta.id === 'scheduling-no-show-conversation')!;
	const scan = async (what: string) => {
		const { violations } = await new AxeBuilder({ page }).options({ rules: { 'label-content-name-mismatch': { enabled: true } } }).analyze();
		expect(violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`), `axe on ${what}`).toEqual([]);
	};
	await page.goto(`/play/${s.meta.id}/`);
	for (let guard = 0; guard < 20; guard++) {
		const stepEl = page.locator('article.step');
		await expect(stepEl).toBeVisible();
		const id = (await stepEl.getAttribute('data-step'))!;
		const step = s.steps[id];
		if (!step?.interaction) break;
		await scan(`step ${id}`);
		if (step.interaction.kind !== 'schedule') {
			await answerByKeyboard(page, step.interaction, bestIntent(step.interaction));
			continue;
		}
		const solution = solveSchedule(step.interaction.block);
		if (!solution.ok) throw new Error(`no full-mark book: ${solution.why}`);
		await workBook(page, toBookSteps(step.interaction.block, solution.actions));
		await scan(`step ${id} with the book worked`);
		await submitBook(page, solution.collected);
		await expect(page.locator('section.feedback')).toBeVisible();
		await scan(`step ${id}'s feedback`);
		await page.keyboard.press('Enter');
	}
	await expect(page.locator('article.ending .result')).toContainText('Passed');
	await scan('the ending');
});
