import { expect, type Frame, type Page } from '@playwright/test';

/** Lets the clock run (by keyboard) until the shift ends and its report shows: on a page, or in a frame (an LMS package's). */
export async function letItRun(page: Page | Frame) {
	const report = page.locator('[data-shift-report]');
	const carryOn = page.getByRole('button', { name: /Carry on until something arrives|Close the shift/ });
	for (let i = 0; i < 80; i++) {
		// Settled first: the report, or the desk with no action in flight.
		await expect(report.or(page.locator('.desk[aria-busy="false"]'))).toBeVisible();
		if (await report.isVisible()) return;
		// A task's last feedback may still be open: continue past it, as a learner would.
		const feedback = page.locator('section.feedback');
		if (await feedback.isVisible()) {
			await feedback.getByRole('button').press('Enter');
			continue;
		}
		await carryOn.press('Enter');
	}
	throw new Error('the shift never ended');
}

/**
 * An instructor makes an assignment of one shift on /assign/ (the page open in `teacher`) and gets its
 * link, as a path on this site. Attempts and pass mark stay the builder's defaults unless given.
 */
export async function assignShift(teacher: Page, shiftTitle: string, options: { title: string; attempts?: number; passMarkPct?: number; feedbackAfter?: boolean }): Promise<string> {
	await teacher.goto('/assign/');
	await teacher.getByLabel('Title').fill(options.title);
	await teacher.getByRole('checkbox', { name: new RegExp(shiftTitle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).check();
	if (options.attempts !== undefined) await teacher.getByLabel('Attempts allowed').fill(String(options.attempts));
	if (options.passMarkPct !== undefined) await teacher.getByLabel('Pass mark (%)').fill(String(options.passMarkPct));
	if (options.feedbackAfter) await teacher.getByRole('radio', { name: 'Only when the scenario or shift is finished' }).check();
	await teacher.getByRole('button', { name: 'Create the assignment' }).click();
	return (await teacher.locator('[data-assignment-link]').inputValue()).replace(/^https?:\/\/[^/]+/, '');
}
