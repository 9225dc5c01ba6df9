import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { scenario } from './content';
import { answer, focusedButton, keyOf, tabTo } from './exam-keys';
import { playToEnd } from './play';
import { saveName } from './identity';

const S = 'hipaa-caller-says-spouse';
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('an assignment with a mock exam: the student takes it by keyboard, the result file carries it, the gradebook scores it as the student saw it', async ({ browser }) => {
	test.setTimeout(180_000);
	const teacher = await (await browser.newContext()).newPage();
	await teacher.goto('/assign/');
	await teacher.getByLabel('Title').fill('Week 5: privacy and the CMAA');
	// Neither a scenario nor an exam: refused by name.
	await teacher.getByRole('button', { name: 'Create the assignment' }).click();
	await expect(teacher.getByRole('alert')).toHaveText('Choose at least one scenario or shift, or add a mock exam.');
	await teacher.getByRole('checkbox', { name: new RegExp(escape(scenario(S).meta.title)) }).check();
	const examSet = teacher.getByRole('group', { name: 'Mock exam' });
	await examSet.getByRole('radio', { name: 'NHA CMAA' }).check();
	await examSet.getByLabel('Number of items').fill('5');
	await expect(examSet).toContainText('6 minutes allowed.');
	await teacher.getByLabel('Attempts allowed').fill('2');
	expect((await new AxeBuilder({ page: teacher }).analyze()).violations).toEqual([]);
	await teacher.getByRole('button', { name: 'Create the assignment' }).click();
	const link = (await teacher.locator('[data-assignment-link]').inputValue()).replace(/^https?:\/\/[^/]+/, '');
	const [assignmentDownload] = await Promise.all([teacher.waitForEvent('download'), teacher.getByRole('link', { name: 'Download the assignment file' }).click()]);
	const assignmentPath = test.info().outputPath('assignment.json');
	await assignmentDownload.saveAs(assignmentPath);

	// The student works the scenario, then the exam.
	const student = await (await browser.newContext()).newPage();
	student.on('dialog', (d) => void d.accept());
	await student.goto(link);
	await saveName(student, 'Ana López');
	const examRow = student.locator('tr[data-exam="cmaa"]');
	await expect(examRow).toContainText('NHA CMAA mock exam: 5 items, 6 minutes');
	await expect(examRow).toContainText('0 of 2');
	await student.getByRole('link', { name: 'Start' }).click();
	await playToEnd(student, scenario(S));
	await student.goto(link);
	await examRow.getByRole('button', { name: 'Start' }).focus();
	await student.keyboard.press('Enter');
	await expect(student.getByRole('timer')).toBeVisible();
	await expect(student.getByRole('heading', { name: /^NHA CMAA mock exam, 5 items: Week 5/ })).toBeVisible();

	let right = 0;
	for (let i = 0; i < 5; i++) {
		const id = (await student.locator('article.item').getAttribute('data-item'))!;
		// Right on the first, third and fifth; the key's neighbour on the others.
		const key = keyOf(id);
		const letter = i % 2 === 0 ? key : 'abcd'[('abcd'.indexOf(key) + 1) % 4]!;
		if (letter === key) right++;
		await answer(student, letter);
		if (i < 4) {
			await tabTo(student, focusedButton('Next'));
			await student.keyboard.press('Enter');
		}
	}
	await expect(student.locator('.navigator .legend')).toContainText('5 answered · 0 marked · 0 left');
	await tabTo(student, focusedButton('Submit the exam'));
	await student.keyboard.press('Enter');
	await expect(student.getByRole('heading', { name: 'Results' })).toBeVisible();
	const percent = Math.round((right / 5) * 100);
	await expect(student.locator('.score')).toContainText(`${right} of 5 right (${percent}%)`);
	const domains = await student.locator('table[data-table="by-domain"] tbody th').allTextContents();
	expect(domains.length).toBeGreaterThanOrEqual(1);

	// Back to the assignment, with the same fragment: the exam's best score and one attempt used.
	await student.getByRole('link', { name: 'Back to the assignment' }).click();
	await expect(student).toHaveURL(new RegExp(`${escape(link)}$`));
	await expect(examRow).toContainText('1 of 2');
	await expect(examRow.locator('[data-exam-best]')).toContainText(`${percent}%${percent >= 80 ? ' (passed)' : ''}`);
	await expect(examRow.getByRole('button', { name: 'Try again' })).toBeVisible();
	expect((await new AxeBuilder({ page: student }).analyze()).violations).toEqual([]);
	const [result] = await Promise.all([student.waitForEvent('download'), student.getByRole('button', { name: 'Download my result file' }).click()]);
	await expect(student.getByRole('status').filter({ hasText: 'Saved' })).toContainText('1 attempt and 1 exam attempt');
	const resultPath = test.info().outputPath('result.json');
	await result.saveAs(resultPath);
	const sealed = JSON.parse(readFileSync(resultPath, 'utf8')) as { result: { exams: { itemIds: string[]; answers: Record<string, string> }[] } };
	expect(sealed.result.exams).toHaveLength(1);
	expect(Object.keys(sealed.result.exams[0]!.answers)).toHaveLength(5);

	// The instructor's gradebook: the exam column shows what the student saw.
	await teacher.goto('/gradebook/');
	await teacher.getByLabel('or the assignment file').setInputFiles(assignmentPath);
	await expect(teacher.locator('[data-assignment-title]')).toContainText('1 scenario and an NHA CMAA mock exam (5 items)');
	await teacher.getByLabel('Drop result files here, or choose them').setInputFiles(resultPath);
	const row = teacher.locator('tr[data-student="Ana López"]');
	await expect(row.locator('[data-exam-cell]')).toContainText(`${percent}% ${percent >= 80 ? 'pass' : 'not passed'}`);
	await expect(row.locator('[data-exam-cell]')).toContainText('1 attempt');
	const average = Math.round(((1 + right / 5) / 2) * 100);
	await expect(row.locator('[data-overall]')).toContainText(`${average}%`);
	await teacher.getByRole('button', { name: 'Results by domain of Ana López' }).click();
	const debrief = teacher.locator('[data-exam-debrief] table tbody tr');
	// The same domains the student's results listed.
	expect(await debrief.locator('th').allTextContents()).toEqual(domains);
	const cells = await debrief.locator('td').allTextContents();
	expect(cells.reduce((n, c) => n + Number(/^(\d+) of/.exec(c)![1]), 0)).toBe(right);
	expect((await new AxeBuilder({ page: teacher }).analyze()).violations).toEqual([]);
	const [csv] = await Promise.all([teacher.waitForEvent('download'), teacher.getByRole('link', { name: 'Download CSV for the LMS' }).click()]);
	const [head, first] = readFileSync(await csv.path(), 'utf8').split('\r\n');
	expect(head).toContain('NHA CMAA mock exam (5 items) (score %),NHA CMAA mock exam (5 items) (passed),NHA CMAA mock exam (5 items) (late),NHA CMAA mock exam (5 items) (attempts),Average score % (parts not attempted count as 0),Parts passed (scenarios and the exam)');
	expect(first).toMatch(new RegExp(`^Ana López,,100,yes,no,1,\\d+,0,${percent},${percent >= 80 ? 'yes' : 'no'},no,1,${average},${percent >= 80 ? 2 : 1},yes$`));
});
