import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { shift as shiftOf } from './content';
import { saveName } from './identity';
import { assignShift, letItRun } from './shift-desk';

const SHIFT = shiftOf('morning-rush');
const TITLE = 'Week 7: the morning rush';

test('an instructor assigns a shift; the student works it from the link (practice elsewhere does not count); the gradebook replays the run and shows it', async ({ browser }) => {
	test.setTimeout(180_000);
	const teacher = await (await browser.newContext()).newPage();
	const link = await assignShift(teacher, SHIFT.meta.title, { title: TITLE, attempts: 2, passMarkPct: 70 });
	// An LMS package carries the shift too (tests/e2e/scorm.spec.ts works one inside a package).
	await expect(teacher.getByRole('button', { name: 'Download SCORM 1.2 package' })).toBeVisible();
	await expect(teacher.getByRole('button', { name: 'Download SCORM 2004 package' })).toBeVisible();
	await expect(teacher.getByText(/cannot carry shifts/)).toHaveCount(0);
	expect((await new AxeBuilder({ page: teacher }).analyze()).violations).toEqual([]);
	const [assignmentDownload] = await Promise.all([teacher.waitForEvent('download'), teacher.getByRole('link', { name: 'Download the assignment file' }).click()]);
	const assignmentPath = test.info().outputPath('assignment.json');
	await assignmentDownload.saveAs(assignmentPath);

	const student = await (await browser.newContext()).newPage();
	// Practice first, from the shifts page: not the assignment's work.
	await student.goto(`/shift/${SHIFT.meta.id}/?new=1`);
	await letItRun(student);
	await expect(student.locator('[data-shift-report] [data-result]')).toContainText('set by the shift');

	await student.goto(link);
	await expect(student.getByRole('heading', { name: TITLE })).toBeVisible();
	await saveName(student, 'Bo Lindqvist');
	const row = student.locator(`tr[data-shift="${SHIFT.meta.id}"]`);
	await expect(row).toContainText(SHIFT.meta.title);
	await expect(row).toContainText('0 of 2');
	await expect(student.locator('.meta')).toContainText('per shift');
	expect((await new AxeBuilder({ page: student }).analyze()).violations).toEqual([]);
	await row.getByRole('link', { name: /^Start the shift/ }).click();
	// The run names its assignment, so a reload (or the report) still knows whose mark rules it.
	await expect(student).toHaveURL(/\?run=[^&]+&assignment=[A-Za-z0-9_-]+&pass=0\.7$/);
	await letItRun(student);
	const result = student.locator('[data-shift-report] [data-result]');
	await expect(result).toContainText('pass mark 70%, set by the assignment');
	const reported = /(\d+)%/.exec(await result.innerText())![1]!;
	const tasks = await student.locator('[data-shift-report] table[data-table="shift-tasks"] tbody').innerText();

	await student.goto(link);
	await expect(row).toContainText('1 of 2');
	await expect(row).toContainText(`${reported}%`);
	await expect(row.getByRole('link', { name: /^Work it again/ })).toBeVisible();
	const [download] = await Promise.all([student.waitForEvent('download'), student.getByRole('button', { name: 'Download my result file' }).click()]);
	await expect(student.getByRole('status').filter({ hasText: 'Saved' })).toContainText('1 shift worked');
	const resultPath = test.info().outputPath('result.json');
	await download.saveAs(resultPath);
	const file = JSON.parse(readFileSync(resultPath, 'utf8')) as { result: { shiftRuns?: { assignmentId?: string; passMark?: number }[] } };
	// Only the run made from the link travels: the practice run stays the student's own.
	expect(file.result.shiftRuns).toHaveLength(1);
	expect(file.result.shiftRuns![0]).toMatchObject({ passMark: 0.7 });

	await teacher.goto('/gradebook/');
	await teacher.getByLabel('or the assignment file').setInputFiles(assignmentPath);
	await expect(teacher.locator('[data-assignment-title]')).toContainText('1 shift');
	await teacher.getByLabel('Drop result files here, or choose them').setInputFiles(resultPath);
	const cell = teacher.locator('tr[data-student="Bo Lindqvist"] [data-shift-cell]');
	await expect(cell).toContainText(`${reported}%`);
	await expect(cell).toContainText('1 run of 2');
	await expect(teacher.locator('[data-shift-claims]')).toContainText("Every shift run's claimed score matches its work.");
	await expect(teacher.getByRole('columnheader', { name: `${SHIFT.meta.title} (shift)` })).toBeVisible();
	expect((await new AxeBuilder({ page: teacher }).analyze()).violations).toEqual([]);
	const [csv] = await Promise.all([teacher.waitForEvent('download'), teacher.getByRole('link', { name: 'Download CSV for the LMS' }).click()]);
	const lines = readFileSync(await csv.path(), 'utf8').slice(1).split('\r\n');
	expect(lines[0]).toContain(`${SHIFT.meta.title} (score %)`);
	expect(lines[1]).toContain(`Bo Lindqvist,,${reported},`);

	// The run, worked again from its recorded moves: the report the student saw, with every answer's feedback.
	await teacher.getByRole('button', { name: 'Replay run 1 of Bo Lindqvist on ' + SHIFT.meta.title }).click();
	const replay = teacher.locator('[data-shift-replay]');
	await expect(replay).toBeFocused();
	await expect(replay.locator('[data-result]')).toContainText(`${reported}%`);
	await expect(replay.locator('[data-result]')).toContainText('set by the assignment');
	await expect(replay.getByRole('heading', { level: 3, name: SHIFT.meta.title })).toBeVisible();
	await expect(replay.getByRole('link', { name: 'Work this shift again' })).toHaveCount(0);
	// The same day, task by task, as the student's own report showed it; the clock was let run, so nothing was answered.
	expect(await replay.locator('table[data-table="shift-tasks"] tbody').innerText()).toBe(tasks);
	await expect(replay.getByRole('region', { name: 'Your answers, with feedback' })).toContainText('No task was answered in this shift.');
	expect((await new AxeBuilder({ page: teacher }).analyze()).violations).toEqual([]);
	// Closed, focus goes back to the button that opened it.
	await replay.getByRole('button', { name: 'Close the replay' }).click();
	await expect(replay).toHaveCount(0);
	await expect(teacher.getByRole('button', { name: 'Replay run 1 of Bo Lindqvist on ' + SHIFT.meta.title })).toBeFocused();
});
