import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { scenario } from './content';
import { bestIntent, playToEnd } from './play';
import { saveName } from './identity';

const S = 'hipaa-caller-says-spouse';

test('an instructor assigns, a student works the link and sends a result file, the gradebook reads it and names a damaged file', async ({ browser }) => {
	test.setTimeout(120_000);
	// The instructor's browser.
	const teacher = await (await browser.newContext()).newPage();
	await teacher.goto('/assign/');
	await teacher.getByLabel('Title').fill('Week 3: privacy at the desk');
	await teacher.getByLabel('Instructions (Markdown)').fill('Work the scenario **before Friday**.');
	await teacher.getByRole('checkbox', { name: new RegExp(scenario(S).meta.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).check();
	await teacher.getByLabel('Attempts allowed').fill('2');
	await teacher.getByRole('button', { name: 'Create the assignment' }).click();
	const link = await teacher.locator('[data-assignment-link]').inputValue();
	expect(link).toMatch(/\/assignment\/#a=[A-Za-z0-9_-]+$/);
	expect((await new AxeBuilder({ page: teacher }).analyze()).violations).toEqual([]);
	const [assignmentDownload] = await Promise.all([teacher.waitForEvent('download'), teacher.getByRole('link', { name: 'Download the assignment file' }).click()]);
	const assignmentPath = test.info().outputPath('assignment.json');
	await assignmentDownload.saveAs(assignmentPath);

	// The student's browser: opens the link, works the scenario, downloads the result file.
	const student = await (await browser.newContext()).newPage();
	await student.goto(link.replace(/^https?:\/\/[^/]+/, ''));
	await expect(student.getByRole('heading', { name: 'Week 3: privacy at the desk' })).toBeVisible();
	await expect(student.locator('.panel strong')).toHaveText('before Friday');
	// Work starts only once the student says who they are; the default name tells the instructor nothing.
	await expect(student.locator('[data-needs-identity]')).toBeVisible();
	await expect(student.locator('table')).toHaveAttribute('inert', '');
	await expect(student.getByRole('button', { name: 'Download my result file' })).toBeDisabled();
	await student.getByRole('textbox', { name: /^Your name/ }).fill('Student');
	await student.getByRole('button', { name: 'Save my name' }).click();
	await expect(student.getByRole('alert')).toContainText('"Student" does not tell your instructor who you are');
	await saveName(student, 'Ana López', 'ana.lopez@college.edu');
	await expect(student.locator('[data-identity-id]')).toHaveText('ana.lopez@college.edu');
	await expect(student.locator('[data-needs-identity]')).toHaveCount(0);
	// Kept for the next visit.
	await student.reload();
	await expect(student.locator('[data-identity-name]')).toHaveText('Ana López');
	await student.getByRole('link', { name: 'Start' }).click();
	await playToEnd(student, scenario(S));
	// The scenario's results page leads back to the assignment it was worked for.
	await student.getByRole('link', { name: 'See results and debrief' }).click();
	await student.getByRole('link', { name: 'Back to the assignment: Week 3: privacy at the desk' }).click();
	await expect(student).toHaveURL(/\/assignment\/#a=/);
	await expect(student.locator(`tr[data-scenario="${S}"]`)).toContainText('1 of 2');
	const [result] = await Promise.all([student.waitForEvent('download'), student.getByRole('button', { name: 'Download my result file' }).click()]);
	const resultPath = test.info().outputPath('result.json');
	await result.saveAs(resultPath);
	expect((await new AxeBuilder({ page: student }).analyze()).violations).toEqual([]);

	// Back to the instructor: the gradebook, with a damaged copy alongside.
	await teacher.goto('/gradebook/');
	await teacher.getByLabel('or the assignment file').setInputFiles(assignmentPath);
	await expect(teacher.locator('[data-assignment-title]')).toContainText('Week 3: privacy at the desk');
	const good = readFileSync(resultPath);
	const damaged = Buffer.from(good.toString('utf8').replace('"status":"passed"', '"status":"failed"'));
	await teacher.getByLabel('Drop result files here, or choose them').setInputFiles([
		{ name: 'student.json', mimeType: 'application/json', buffer: good },
		{ name: 'edited.json', mimeType: 'application/json', buffer: damaged }
	]);
	const row = teacher.locator('tr[data-student="Ana López"]');
	await expect(row).toContainText('pass');
	await expect(row.locator('[data-student-id]')).toHaveText('ana.lopez@college.edu');
	await expect(teacher.getByRole('alert')).toContainText('edited.json damaged or edited after it was saved');
	await expect(teacher.locator('table[data-table="heatmap"] tbody tr')).not.toHaveCount(0);
	// Each attempt opens its step-by-step replay for the debrief.
	await teacher.getByRole('button', { name: /^Replay attempt 1 of Ana López/ }).click();
	const replay = teacher.getByRole('region', { name: /^Replay: Ana López:/ });
	await expect(replay.locator('section.feedback').first()).toBeVisible();
	expect(await replay.locator('section.feedback').count()).toBeGreaterThanOrEqual(3);
	await expect(replay.locator('section.feedback').first()).toHaveAttribute('data-verdict', 'best');
	expect((await new AxeBuilder({ page: teacher }).analyze()).violations).toEqual([]);
	const [csv] = await Promise.all([teacher.waitForEvent('download'), teacher.getByRole('link', { name: 'Download CSV for the LMS' }).click()]);
	const raw = readFileSync(await csv.path(), 'utf8');
	// A UTF-8 byte order mark first, so Excel reads "López" as UTF-8.
	expect(raw.charCodeAt(0)).toBe(0xfeff);
	const text = raw.slice(1);
	expect(text.split('\r\n')[0]).toMatch(/^Student,Student ID or e-mail,.* \(score %\),.* \(passed\),.* \(late\),.* \(attempts\),.* \(minutes\),.* \(critical errors\),Average score % \(parts not attempted count as 0\),Scenarios passed,Scores checked by replay$/);
	expect(text.split('\r\n')[1]).toMatch(/^Ana López,ana\.lopez@college\.edu,100,yes,no,1,\d+,0,100,1,yes$/);

	// The heat map says which attempts it reads and ends with the class average.
	const heat = teacher.locator('table[data-table="heatmap"]');
	await expect(heat.locator('caption')).toContainText("from each scenario's best finished attempt");
	await expect(heat.locator('tfoot tr[data-class-average] th')).toHaveText('Class average');
	await teacher.getByLabel('Every counted attempt').check();
	await expect(heat.locator('caption')).toContainText('over every counted attempt');

	// The class report prints without the import controls.
	await teacher.emulateMedia({ media: 'print' });
	await expect(teacher.locator('[data-print-heading]')).toContainText('Class report: Week 3: privacy at the desk');
	await expect(teacher.getByRole('button', { name: 'Open the link' })).toBeHidden();
	await expect(teacher.getByRole('button', { name: 'Print the class report' })).toBeHidden();
	await expect(teacher.locator('table[data-table="gradebook"]')).toBeVisible();
	await expect(teacher.locator('header.topbar')).toBeHidden();
	await teacher.emulateMedia({ media: 'screen' });

	// What was imported is kept: a reload reopens the assignment with its results.
	await teacher.reload();
	await expect(teacher).toHaveURL(/\/gradebook\/\?a=/);
	await expect(teacher.locator('tr[data-student="Ana López"]')).toContainText('pass');
	await expect(teacher.locator('[data-kept]')).toContainText('1 result file kept in this browser');
	// The damaged file was named and not kept.
	await expect(teacher.getByRole('alert')).toHaveCount(0);

	// A report for one student, to print or save and hand back.
	await teacher.getByRole('link', { name: 'Report for Ana López' }).click();
	await expect(teacher.getByRole('heading', { level: 1 })).toHaveText('Ana López: Week 3: privacy at the desk');
	const report = teacher.locator('[data-student-report]');
	await expect(report.locator('[data-student-id]')).toHaveText('ana.lopez@college.edu');
	await expect(report.locator(`tr[data-scenario="${S}"]`)).toContainText('100%');
	await expect(report.locator(`tr[data-scenario="${S}"]`)).toContainText('passed');
	await expect(report.locator('[data-overall]')).toContainText('Overall 100%');
	expect((await new AxeBuilder({ page: teacher }).analyze()).violations).toEqual([]);
	await teacher.emulateMedia({ media: 'print' });
	await expect(teacher.getByRole('button', { name: 'Print or save as PDF' })).toBeHidden();
	await expect(report.locator('table[data-table="student-parts"]')).toBeVisible();
	await teacher.emulateMedia({ media: 'screen' });
	await teacher.getByRole('link', { name: 'Back to the gradebook' }).click();
	await expect(teacher.locator('tr[data-student="Ana López"]')).toBeVisible();

	// Clearing asks first; keeping them changes nothing, clearing removes them for good.
	await teacher.getByRole('button', { name: "Clear this assignment's results" }).click();
	const dialog = teacher.getByRole('dialog', { name: "Clear this assignment's results?" });
	await expect(dialog).toContainText('The 1 result file kept for “Week 3: privacy at the desk” will be removed from this browser.');
	await dialog.getByRole('button', { name: 'Keep them' }).click();
	await expect(teacher.locator('tr[data-student="Ana López"]')).toBeVisible();
	await teacher.getByRole('button', { name: "Clear this assignment's results" }).click();
	await dialog.getByRole('button', { name: 'Clear the results' }).click();
	await expect(teacher.getByRole('status').filter({ hasText: 'were cleared from this browser' })).toBeVisible();
	await expect(teacher.locator('table[data-table="gradebook"]')).toHaveCount(0);
	await teacher.reload();
	await expect(teacher.locator('[data-kept-list]')).toHaveCount(0);
	await expect(teacher.locator('tr[data-student="Ana López"]')).toHaveCount(0);
});

test('an assignment set to give feedback after the scenario holds it back until the results', async ({ page }) => {
	const s = scenario(S);
	await page.goto(`/play/${S}/?new=1&feedback=after`);
	for (let guard = 0; guard < 20; guard++) {
		const step = page.locator('article.step');
		await expect(step).toBeVisible();
		const id = (await step.getAttribute('data-step'))!;
		const it = s.steps[id]?.interaction;
		if (!it) break;
		const best = bestIntent(it);
		if (typeof best === 'string') await step.locator(`[data-option="${best}"] input`).check();
		else for (const o of best as string[]) await step.locator(`[data-option="${o}"] input`).check();
		await step.locator('button[type=submit]').click();
		// No feedback: the player moves straight on to the next step and says the answer is saved.
		await expect(page.locator('article.step')).not.toHaveAttribute('data-step', id);
		await expect(page.getByRole('status').filter({ hasText: 'Answer saved' })).toBeVisible();
		await expect(page.locator('section.feedback')).toHaveCount(0);
		if (guard === 0) {
			// Mid-attempt, the mastery estimates do not move either: they would tell whether the answer was right.
			await page.goto('/progress/');
			await expect(page.getByText('No scored decisions yet.')).toBeVisible();
			// Resumed from My progress (an address without the link's query), the attempt still holds feedback back: it keeps the mode.
			await page.locator('table').getByRole('link', { name: 'Resume' }).click();
			await expect(page.getByRole('status').filter({ hasText: 'shows feedback when the scenario is finished' })).toBeVisible();
			await expect(page).toHaveURL(/feedback=after/);
		}
	}
	// A reload keeps the mode.
	await page.reload();
	await expect(page).toHaveURL(/feedback=after/);
	await page.getByRole('link', { name: 'See results and debrief' }).click();
	await expect(page.getByRole('heading', { name: 'Step-by-step replay' })).toBeVisible();
	await expect(page.locator('section.feedback')).toBeVisible();
	// Finished: its evidence counts now.
	await page.goto('/progress/');
	await expect(page.locator('[data-trend-thin]')).toBeVisible();
});
