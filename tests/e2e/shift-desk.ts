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
