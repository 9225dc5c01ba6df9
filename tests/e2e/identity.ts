import { expect, type Frame, type Page } from '@playwright/test';

/** On the assignment page: the student says who they are, as they must before work starts. */
export async function saveName(page: Page | Frame, name: string, studentId?: string) {
	const panel = page.locator('[data-identity]');
	await panel.getByRole('textbox', { name: /^Your name/ }).fill(name);
	if (studentId) await panel.getByRole('textbox', { name: /^Student ID or e-mail/ }).fill(studentId);
	await panel.getByRole('button', { name: 'Save my name' }).click();
	await expect(panel.locator('[data-identity-name]')).toHaveText(name);
}
