import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

test('the author page starts from a template of any kind and lists what a scenario refers to by id', async ({ page }) => {
	await page.goto('/author/');
	// The page works once the clinic is loaded (its buttons say so); a choice made in the prerendered page before that can be lost.
	await expect(page.getByRole('button', { name: 'Check it' })).toBeEnabled();
	await page.getByLabel('Scenario text').fill('my own draft');
	await page.getByLabel('Start from a template').selectOption({ label: 'Work the schedule book (schedule)' });
	await page.getByRole('button', { name: 'Fill the editor' }).click();
	await expect(page.getByLabel('Scenario text')).toHaveValue(/```schedule/);
	await expect(page.getByRole('status')).toContainText('passes every check the build makes');
	// The author's own text comes back with one click.
	await page.getByRole('button', { name: 'Bring back my text' }).click();
	await expect(page.getByLabel('Scenario text')).toHaveValue('my own draft');

	await page.getByLabel('Start from a template').selectOption({ label: 'Post a remittance (remittance)' });
	await page.getByRole('button', { name: 'Fill the editor' }).click();
	await expect(page.getByRole('status')).toContainText('passes every check the build makes');

	// The reference: collapsed until opened; a patient's chart, a provider's days, a competency's statement.
	const patients = page.locator('details[data-reference="patients"]');
	await expect(patients.locator('table')).toBeHidden();
	await patients.locator('summary').click();
	const hayes = patients.locator('tr', { hasText: 'pt-robert-hayes' });
	await expect(hayes).toContainText('Robert Hayes');
	await expect(hayes).toContainText(/\d+ \(born \d{4}-\d\d-\d\d\)/);
	await expect(hayes).toContainText('$');
	const providers = page.locator('details[data-reference="providers"]');
	await providers.locator('summary').click();
	await expect(providers.locator('tr', { hasText: 'prov-kealoha' })).toContainText('off');
	const competencies = page.locator('details[data-reference="competencies"]');
	await competencies.locator('summary').click();
	await expect(competencies).toContainText('cmaa.scheduling.triage');
	await page.locator('details[data-reference="appointment-types"] summary').click();
	await expect(page.locator('details[data-reference="appointment-types"]')).toContainText('established-follow-up');
	await page.locator('details[data-reference="payers"] summary').click();
	await expect(page.locator('details[data-reference="payers"]')).toContainText('cascade-health-plan');
	expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});
