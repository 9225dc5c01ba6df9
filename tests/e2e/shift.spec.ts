import { expect, test, type Locator, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { shift as shiftOf } from './content';
import { answerByKeyboard, bestIntent } from './play';
import { assignShift, letItRun } from './shift-desk';
import { fillDisk, freeDisk, injectDiskFaults } from './faults';
import { saveName } from './identity';

const SHIFT = shiftOf('morning-rush');
const RANK = { urgent: 0, soon: 1, routine: 2 } as const;
const urgency = (key: string) => RANK[SHIFT.meta.events.find((e) => e.id === key.split('#')[0])!.urgency];

/** Presses Tab until the target has focus, as a keyboard user would. */
async function tabTo(page: Page, target: Locator, max = 80) {
	for (let i = 0; i < max; i++) {
		if (await target.evaluate((el) => el === document.activeElement)) return;
		await page.keyboard.press('Tab');
	}
	throw new Error('keyboard focus never reached the button');
}

async function axe(page: Page) {
	const r = await new AxeBuilder({ page }).analyze();
	expect(r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
}

/**
 * One move at the desk, by keyboard: answer the step on screen with its best answer, continue past
 * feedback, or take the most urgent waiting task (the earliest of equals), or let the clock run.
 * Returns false once the end-of-shift report is showing.
 */
async function move(page: Page, feedbackHeld = false): Promise<boolean> {
	const report = page.locator('[data-shift-report]');
	const feedback = page.locator('section.feedback');
	const step = page.locator('article.step');
	// Settled: the report, or the desk with no action in flight.
	await expect(report.or(page.locator('.desk[aria-busy="false"]'))).toBeVisible();
	if (await report.isVisible()) return false;
	if (await feedback.isVisible()) {
		await expect(feedback.getByRole('button')).toBeFocused();
		await page.keyboard.press('Enter');
		return true;
	}
	if (await step.isVisible()) {
		const task = SHIFT.tasks[(await step.getAttribute('data-task'))!.split('#')[0]!]!;
		const it = task.steps[(await step.getAttribute('data-step'))!]!.interaction!;
		await answerByKeyboard(page, it, bestIntent(it), page, { feedbackHeld });
		return true;
	}
	const keys = await page.locator('.queue li[data-task]').evaluateAll((els) => els.map((e) => e.getAttribute('data-task')!));
	const pick = [...keys].sort((a, b) => urgency(a) - urgency(b))[0];
	const button = pick ? page.locator(`.queue li[data-task="${pick}"] .actions button`).first() : page.getByRole('button', { name: /Carry on until something arrives|Close the shift/ });
	await page.locator('#queue-title').focus();
	await tabTo(page, button);
	await page.keyboard.press('Enter');
	return true;
}

test('a shift worked by keyboard alone, with a reload in the middle and a second tab open, ends in its report', async ({ page, context }) => {
	test.setTimeout(240_000);
	await page.goto(`/shift/${SHIFT.meta.id}/`);
	await expect(page.getByRole('heading', { level: 1, name: SHIFT.meta.title })).toBeVisible();
	await expect(page).toHaveURL(/\?run=/);
	await axe(page);
	// A second tab on the same shift resumes the same run.
	const other = await context.newPage();
	await other.goto(`/shift/${SHIFT.meta.id}/`);
	await expect(other).toHaveURL(page.url());

	let moves = 0;
	for (; moves < 12; moves++) await move(page);
	// The office as it was, after a reload: the same clock, the same queue, the same task on screen.
	// Once the twelfth move is stored: the screen changes first and the desk is busy until it is, and a
	// reload before that rightly loses the move (taking a task, which moves no clock, came back queued).
	await expect(page.locator('.desk[aria-busy="false"]')).toBeVisible();
	await expect(page.locator('section.feedback')).toBeHidden();
	const clock = await page.locator('[data-clock]').innerText();
	const queue = await page.locator('.queue li[data-task]').evaluateAll((els) => els.map((e) => e.getAttribute('data-task')));
	// No step may be on screen (the seed decides what the twelfth move was): a locator would wait for one until the test timed out.
	const onScreen = (await page.locator('article.step').count()) ? await page.locator('article.step').getAttribute('data-step') : null;
	await page.reload();
	await expect(page.locator('[data-clock]')).toHaveText(clock);
	expect(await page.locator('.queue li[data-task]').evaluateAll((els) => els.map((e) => e.getAttribute('data-task')))).toEqual(queue);
	if (onScreen) await expect(page.locator('article.step')).toHaveAttribute('data-step', onScreen);

	// The second tab is behind: what it tries is refused, it says so and catches up; nothing is lost.
	const stale = other.locator('.queue li[data-task] .actions button, .queue > p > button').first();
	await stale.click();
	await expect(other.getByRole('alert')).toContainText('moved on in another tab');
	await expect(other.locator('[data-clock]')).toHaveText(clock);

	while (await move(page)) if (++moves > 200) throw new Error('the shift never ended');
	const report = page.locator('[data-shift-report]');
	await expect(report.locator('[data-result]')).toContainText('Passed');
	await expect(report.locator('[data-result]')).not.toContainText('critical');
	await expect(report.locator('[data-list="consequences"]')).toHaveCount(0);
	await expect(report).toContainText('Nothing you did or left undone came back later in the day.');
	await expect(report.locator('[data-list="timeline"] li').first()).toContainText(SHIFT.meta.start);
	// Every task of the morning has its row (a call that rang out while another task was in hand has a second one).
	const rows = report.locator('table[data-table="shift-tasks"] tbody');
	for (const e of SHIFT.meta.events.filter((x) => x.at)) await expect(rows).toContainText(e.about);
	await axe(page);
	// The other tab, reloaded, shows the same report.
	await other.reload();
	await expect(other.locator('[data-shift-report] [data-result]')).toHaveText(await report.locator('[data-result]').innerText());
});

test('a shift where the clock is simply let run: calls are lost, the chest-pain call is a critical error, and what it caused is reported', async ({ page }) => {
	test.setTimeout(120_000);
	await page.goto(`/shift/${SHIFT.meta.id}/`);
	await letItRun(page);
	const report = page.locator('[data-shift-report]');
	await expect(report.locator('[data-result]')).toContainText('Not passed');
	await expect(report.getByRole('heading', { name: /Critical errors/ })).toBeVisible();
	await expect(report).toContainText('chest pressure');
	await expect(report.locator('[data-list="consequences"] li')).not.toHaveCount(0);
	await expect(report.locator('[data-list="late"]')).toContainText('call');
	await expect(report.locator('[data-list="practise-next"] li').or(report.getByText('Every competency in this shift earned full marks.'))).not.toHaveCount(0);
	// On a phone the report's tables become cards: nothing runs past its panel or the screen.
	await page.setViewportSize({ width: 390, height: 844 });
	for (const t of ['shift-score', 'shift-tasks']) {
		const table = report.locator(`table[data-table="${t}"]`);
		expect(await table.evaluate((el) => el.scrollWidth - el.parentElement!.clientWidth)).toBeLessThanOrEqual(0);
	}
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

for (const size of [{ width: 390, height: 844 }, { width: 1366, height: 768 }])
	test(`the shift screen is axe-clean and fits at ${size.width} px`, async ({ page }) => {
		await page.setViewportSize(size);
		await page.goto(`/shift/${SHIFT.meta.id}/`);
		await expect(page.locator('.queue li[data-task]').first()).toBeVisible();
		await axe(page);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
		// Working the first task shows its step beside (or below) the queue.
		await page.locator('.queue li[data-task] .actions button').first().click();
		await expect(page.locator('article.step')).toBeVisible();
		await axe(page);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
	});

test('the shifts page lists each shift and the learner\'s run of it', async ({ page }) => {
	await page.goto('/shifts/');
	const card = page.locator(`[data-shift="${SHIFT.meta.id}"]`);
	await expect(card.locator('[data-mine]')).toHaveText('Not worked yet');
	await card.getByRole('link', { name: SHIFT.meta.title }).click();
	await expect(page.locator('.queue li[data-task]').first()).toBeVisible();
	await page.goto('/shifts/');
	await expect(card.locator('[data-mine]')).toContainText('In progress');
	await axe(page);
});

test('a shift feeds the dashboard and the transcript: its tasks count as evidence, and the shift is listed', async ({ page }) => {
	test.setTimeout(120_000);
	await page.goto(`/shift/${SHIFT.meta.id}/`);
	// Work the opening task (it is waiting at 07:45) with its best answers, then let the clock run to the end.
	const open = SHIFT.tasks['open-office']!;
	await page.locator('.queue li[data-task="open-office"] .actions button').first().click();
	for (let i = 0; i < 10 && (await page.locator('article.step[data-task="open-office"]').isVisible()); i++) {
		const it = open.steps[(await page.locator('article.step').getAttribute('data-step'))!]!.interaction!;
		await answerByKeyboard(page, it, bestIntent(it));
		await expect(page.locator('.desk[aria-busy="false"]')).toBeVisible();
	}
	await letItRun(page);
	await expect(page.locator('[data-shift-report] [data-result]')).toContainText('Not passed');

	const domain = Object.keys(open.steps[open.stepOrder[0]!]!.interaction!.kind === 'choice' ? (open.steps[open.stepOrder[0]!]!.interaction as { block: { options: { evidence: Record<string, string> }[] } }).block.options[0]!.evidence : {})[0]!.split('.').slice(0, 2).join('.');
	await page.goto('/progress/');
	await expect(page.locator(`tr[data-domain="${domain}"] td`).first()).toHaveText(/\d+% \(/);
	const row = page.locator('table[data-table="shifts"] tbody tr');
	await expect(row).toHaveCount(1);
	await expect(row).toContainText(SHIFT.meta.title);
	await expect(row).toContainText('Not passed');
	await expect(row).toContainText('Practice (no assignment)');
	await row.getByRole('link', { name: new RegExp(`^Report: ${SHIFT.meta.title}`) }).click();
	await expect(page.locator('[data-shift-report]')).toBeVisible();
	await page.goto('/progress/transcript/');
	await expect(page.locator('table[data-table="shifts"]')).toContainText(SHIFT.meta.title);
	await expect(page.getByText('1 shift worked to the end')).toBeVisible();
});

test('in timed mode the clock runs on its own while the learner reads, and a reload keeps the time it reached', async ({ page }) => {
	await page.clock.install();
	await page.goto(`/shift/${SHIFT.meta.id}/`);
	await expect(page.locator('[data-clock]')).toHaveText('It is 07:45.');
	await page.getByLabel(/Timed: the clock runs on its own/).check();
	// Work the opening task and just read it: the clock still moves, a minute every ten seconds.
	await page.locator('.queue li[data-task="open-office"] .actions button').first().click();
	await expect(page.locator('article.step[data-task="open-office"]')).toBeVisible();
	for (const minute of ['07:46', '07:47', '07:48']) {
		await page.clock.runFor(10_000);
		await expect(page.locator('[data-clock]')).toHaveText(`It is ${minute}.`);
	}
	await expect(page.locator('article.step[data-task="open-office"]')).toBeVisible();
	// Unticked, the clock waits for the learner again.
	await page.getByLabel(/Timed: the clock runs on its own/).uncheck();
	await page.clock.runFor(30_000);
	await expect(page.locator('[data-clock]')).toHaveText('It is 07:48.');
	// The last minute is stored once the desk is no longer busy (the screen changes first).
	await expect(page.locator('.desk[aria-busy="false"]')).toBeVisible();
	await page.reload();
	await expect(page.locator('[data-clock]')).toHaveText('It is 07:48.');
});

test('a move that cannot be saved (the disk is full) puts the desk back as it was and says so; once there is room it goes through', async ({ page }) => {
	await injectDiskFaults(page);
	await page.goto(`/shift/${SHIFT.meta.id}/?new=1`);
	const task = page.locator('.queue li[data-task="open-office"]');
	await expect(task).toBeVisible();
	const clock = await page.locator('[data-clock]').innerText();
	await fillDisk(page);
	await task.locator('.actions button').first().click();
	await expect(page.getByRole('alert')).toContainText("That could not be saved, so the desk is back as it was: this browser's storage for the simulator is full");
	await expect(page.locator('.desk[aria-busy="false"]')).toBeVisible();
	await expect(page.locator('article.step')).toHaveCount(0);
	await expect(task).toBeVisible();
	await expect(page.locator('[data-clock]')).toHaveText(clock);
	// Nothing was stored: a reload shows the same desk.
	await freeDisk(page);
	await page.reload();
	await expect(page.locator('.queue li[data-task="open-office"]')).toBeVisible();
	await expect(page.locator('article.step')).toHaveCount(0);
	await page.locator('.queue li[data-task="open-office"] .actions button').first().click();
	await expect(page.locator('article.step[data-task="open-office"]')).toBeVisible();
	await expect(page.getByRole('alert')).toHaveCount(0);
	await expect(page.locator('.desk[aria-busy="false"]')).toBeVisible();
	await page.reload();
	await expect(page.locator('article.step[data-task="open-office"]')).toBeVisible();
});

test('an assignment that holds feedback back: the shift saves each answer without showing it, and the report holds every answer with its feedback', async ({ browser }) => {
	test.setTimeout(180_000);
	const teacher = await (await browser.newContext()).newPage();
	const link = await assignShift(teacher, SHIFT.meta.title, { title: 'Held feedback on the desk', feedbackAfter: true });

	const page = await (await browser.newContext()).newPage();
	await page.goto(link);
	await saveName(page, 'Noor Haddad');
	await page.locator(`tr[data-shift="${SHIFT.meta.id}"]`).getByRole('link', { name: /^Start the shift/ }).click();
	await expect(page).toHaveURL(/\?run=[^&]+&feedback=after&assignment=/);
	const status = page.locator('.desk [role="status"]');
	await expect(status).toContainText('feedback when the shift is over');
	let answers = 0;
	for (let moves = 0; answers < 4 && moves < 60; moves++) {
		const answering = await page.locator('article.step').isVisible();
		await move(page, true);
		if (answering) {
			answers++;
			// Saved, and nothing about how it went: no feedback panel, no verdict.
			await expect(status).toContainText('Answer saved');
			await expect(page.locator('section.feedback')).toHaveCount(0);
		}
	}
	expect(answers).toBe(4);
	// Nor do the mastery estimates move while the shift is open: they would tell which answers were right.
	await page.goto('/progress/');
	await expect(page.getByText('No scored decisions yet.')).toBeVisible();
	// The run keeps the assignment's choice: reopened from Results (an address without it), it still holds feedback back.
	await page.goto('/results/');
	await page.getByRole('link', { name: `Continue ${SHIFT.meta.title}` }).click();
	await expect(status).toContainText('feedback when the shift is over');
	// The task in hand (if the seed left one) is finished, held back as before; then the clock is let run.
	for (let i = 0; i < 20 && (await page.locator('article.step').isVisible()); i++) await move(page, true);
	await letItRun(page);
	const report = page.locator('[data-shift-report]');
	const held = report.locator('details[data-answers]');
	expect(await held.count()).toBeGreaterThanOrEqual(3);
	await held.first().locator('summary').click();
	const panel = held.first().locator('section.feedback').first();
	await expect(panel).toBeVisible();
	await expect(panel.getByRole('heading', { level: 3 })).toHaveText(/Best answer|Partly right|Not the best choice|Critical error/);
	await axe(page);
	// Finished: its evidence counts now.
	await page.goto('/progress/');
	await expect(page.locator('[data-trend-thin]')).toBeVisible();
	await expect(page.getByText('No scored decisions yet.')).toHaveCount(0);
});
