import { expect, test, type Locator, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { shift as shiftOf } from './content';
import { saveName } from './identity';
import { assignShift, letItRun } from './shift-desk';

const SHIFT = shiftOf('morning-rush');
const TITLE = 'Week 8: shifts on the transcript';

async function axe(page: Page) {
	expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
}

/** The finished (assignment) run's row and the unfinished (practice) one, as the learner reads them. */
async function expectRows(table: Locator, verdict: string, reported: string) {
	const rows = table.locator('tbody tr');
	await expect(rows).toHaveCount(2);
	const finished = rows.filter({ hasText: verdict });
	await expect(finished).toContainText(SHIFT.meta.title);
	await expect(finished).toContainText(`${reported}% (pass mark 70%)`);
	await expect(finished).toContainText(`Counted for ${TITLE}`);
	await expect(finished).toContainText(String(new Date().getFullYear()));
	const open = rows.filter({ hasText: 'In progress' });
	await expect(open).toContainText('Practice (no assignment)');
	await expect(open.getByRole('link', { name: `Continue ${SHIFT.meta.title}` })).toBeVisible();
	return { finished, open };
}

test('a learner who worked shifts finds them on Results and the transcript, and opens the report from there', async ({ browser }) => {
	test.setTimeout(180_000);
	const teacher = await (await browser.newContext()).newPage();
	const link = await assignShift(teacher, SHIFT.meta.title, { title: TITLE, attempts: 2, passMarkPct: 70 });

	const page = await (await browser.newContext()).newPage();
	await page.goto(link);
	await saveName(page, 'Cam Ortiz');
	await page.locator(`tr[data-shift="${SHIFT.meta.id}"]`).getByRole('link', { name: /^Start the shift/ }).click();
	await letItRun(page);
	const result = page.locator('[data-shift-report] [data-result]');
	await expect(result).toContainText('pass mark 70%, set by the assignment');
	const text = await result.innerText();
	const reported = /(\d+)%/.exec(text)![1]!;
	const verdict = text.startsWith('Passed') ? 'Passed' : 'Not passed';
	// A second shift, opened and left: still in progress.
	await page.goto(`/shift/${SHIFT.meta.id}/?new=1`);
	await expect(page.locator('.queue li[data-task]').first()).toBeVisible();
	await expect(page).toHaveURL(/\?run=/);

	// Found from My progress, as a learner would look for it.
	await page.goto('/progress/');
	await page.getByRole('link', { name: 'All your results' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Your results' })).toBeVisible();
	const onResults = await expectRows(page.locator('table[data-table="shifts"]'), verdict, reported);
	await expect(page.getByRole('columnheader', { name: 'Assignment' })).toBeVisible();
	await axe(page);
	await onResults.finished.getByRole('link', { name: new RegExp(`^Report: ${SHIFT.meta.title}`) }).click();
	await expect(page).toHaveURL(new RegExp(`/shift/${SHIFT.meta.id}/\\?run=`));
	await expect(result).toContainText(`${reported}%`);
	await expect(result).toContainText(verdict);

	// Continuing the unfinished one from Results opens the desk, not a report.
	await page.goto('/results/');
	await page.locator('table[data-table="shifts"]').getByRole('link', { name: `Continue ${SHIFT.meta.title}` }).click();
	await expect(page.locator('.queue li[data-task]').first()).toBeVisible();
	await expect(page.locator('[data-shift-report]')).toHaveCount(0);

	// The transcript records finished work: the finished run, and a line saying the open one is left off.
	await page.goto('/progress/transcript/');
	const section = page.getByRole('region', { name: 'Shifts worked' });
	const rows = section.locator('table[data-table="shifts"] tbody tr');
	await expect(rows).toHaveCount(1);
	await expect(rows).toContainText(verdict);
	await expect(rows).toContainText(`${reported}% (pass mark 70%)`);
	await expect(rows).toContainText(`Counted for ${TITLE}`);
	await expect(section.locator('[data-shifts-open]')).toHaveText('1 shift is not finished yet, so it is not on this transcript.');
	await expect(page.getByText('1 shift worked to the end')).toBeVisible();
	await axe(page);
	await rows.getByRole('link', { name: new RegExp(`^Report: ${SHIFT.meta.title}`) }).click();
	await expect(result).toContainText(`${reported}%`);
});
