/**
 * Issue 20: the practice EHR. A patient is found by name and confirmed by date of birth; the chart
 * opens with its allergy and alert banner and a tab for each part, worked by keyboard, axe-clean at
 * desktop and phone width.
 */
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

async function expectNoViolations(page: Page, what: string) {
	const { violations } = await new AxeBuilder({ page }).analyze();
	expect(violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`), `axe on ${what}`).toEqual([]);
}

for (const width of [1280, 390])
	test(`find a patient by name and date of birth, open the chart and read every tab by keyboard (${width} px)`, async ({ page }) => {
		await page.setViewportSize({ width, height: 900 });
		await page.goto('/ehr/');
		const search = page.getByRole('search', { name: 'Find a patient' });
		await search.getByLabel('Patient name').fill('chen');
		await expect(page.getByRole('status')).toContainText(/\d+ patients? match/);
		await search.getByLabel('Date of birth').fill('13/45/1954');
		await expect(page.getByRole('status')).toHaveText('That date of birth is not a date (write it MM/DD/YYYY).');
		await search.getByLabel('Date of birth').fill('2/9/1954');
		await expect(page.getByRole('status')).toHaveText('1 patient matches.');
		await expectNoViolations(page, 'the EHR search with a result');

		const open = page.getByRole('button', { name: 'Chen, Mei' });
		await open.focus();
		await page.keyboard.press('Enter');
		const chart = page.getByRole('article', { name: 'Chart of Mei Chen' });
		await expect(chart.getByRole('heading', { name: 'Chen, Mei' })).toBeVisible();
		await expect(chart.locator('[data-allergies]')).toContainText('Sulfamethoxazole-trimethoprim');
		await expect(chart).toContainText('Cantonese interpreter for every visit and call');

		// The tabs: arrow keys move along them and each shows its part.
		const tabs = chart.getByRole('tab');
		await expect(tabs).toHaveCount(12);
		await tabs.first().focus();
		await page.keyboard.press('ArrowRight');
		await expect(chart.getByRole('tab', { name: 'Problems' })).toHaveAttribute('aria-selected', 'true');
		await expect(chart.getByRole('tabpanel')).toContainText('M81.0');
		await page.keyboard.press('End');
		await expect(chart.getByRole('tab', { name: 'Disclosure log' })).toBeFocused();
		await expect(chart.getByRole('tabpanel')).toContainText('164.512(b)');
		await page.keyboard.press('ArrowLeft');
		await expect(chart.getByRole('tabpanel')).toContainText('Aisha Rahman');
		await expectNoViolations(page, 'the access log tab');
		await chart.getByRole('tab', { name: 'Orders and results' }).click();
		// The bone density scan was due by October 31 and has no result: overdue on the clinic's day.
		await expect(chart.getByRole('tabpanel')).toContainText('ordered (overdue)');
		await expectNoViolations(page, 'the orders tab');
		await chart.getByRole('button', { name: 'Close chart' }).click();
		await expect(search.getByLabel('Patient name')).toHaveValue('chen');
	});

test('two identifiers: a name alone can match several patients, the date of birth picks one', async ({ page }) => {
	await page.goto('/ehr/');
	await page.getByLabel('Patient name').fill('m');
	// The list follows the typing: wait for it rather than count the moment after the keystroke.
	await expect.poll(() => page.locator('ul.results li').count()).toBeGreaterThan(1);
	await page.getByLabel('Date of birth').fill('03/30/1943');
	await expect(page.locator('ul.results li')).toHaveCount(0);
	await page.getByLabel('Patient name').fill('jensen');
	await expect(page.locator('ul.results li')).toHaveCount(1);
	await page.getByRole('button', { name: 'Jensen, Harold' }).click();
	await expect(page.locator('[data-allergies]')).toHaveText('Allergies: No known allergies');
});

test('a scenario that offers the EHR opens it beside the steps, read-only, and only when asked', async ({ page }) => {
	const scripts: string[] = [];
	page.on('response', (r) => {
		if (r.url().endsWith('.js')) scripts.push(r.url());
	});
	await page.goto('/play/hipaa-patient-records-request/');
	await expect(page.locator('article.step')).toBeVisible();
	const button = page.getByRole('button', { name: 'Open the EHR' });
	await expect(button).toHaveAttribute('aria-expanded', 'false');
	const before = scripts.length;
	await button.click();
	await expect(page.getByRole('heading', { name: 'The EHR (read-only)' })).toBeVisible();
	expect(scripts.length, 'the EHR and its charts load when opened').toBeGreaterThan(before);
	await page.getByLabel('Patient name').fill('chen mei');
	await page.getByRole('button', { name: 'Chen, Mei' }).click();
	await page.getByRole('tab', { name: 'Disclosure log' }).click();
	await expect(page.getByRole('tabpanel')).toContainText('Oregon state immunization registry');
	await expectNoViolations(page, 'a scenario with the EHR open');
	await page.getByRole('button', { name: 'Close the EHR' }).click();
	await expect(page.getByRole('heading', { name: 'The EHR (read-only)' })).toBeHidden();
	// The step is still there to answer.
	await expect(page.locator('article.step')).toBeVisible();
});
