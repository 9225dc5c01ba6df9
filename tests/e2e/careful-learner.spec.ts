import { expect, test, type Locator, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { scenario } from './content';
import { reach } from './billing';
import { workBook } from './schedule';

const DESKTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };


/** The element's box lies inside the other's and inside the viewport (nothing cut off or scrolled away). */
async function inside(el: Locator, box: Locator, page: Page) {
	const a = (await el.boundingBox())!;
	const b = (await box.boundingBox())!;
	const vw = page.viewportSize()!.width;
	expect(a.x, 'left edge inside the card').toBeGreaterThanOrEqual(b.x - 0.5);
	expect(a.x + a.width, 'right edge inside the card').toBeLessThanOrEqual(b.x + b.width + 0.5);
	expect(a.x + a.width, 'right edge inside the window').toBeLessThanOrEqual(vw);
	expect(await el.evaluate((e) => e.scrollWidth <= e.clientWidth + 1), 'its text is not cut').toBe(true);
}

for (const size of [DESKTOP, PHONE])
	test(`the claim's superbill shows every column, the fees included, at ${size.width} px`, async ({ page }) => {
		await page.setViewportSize(size);
		const s = scenario('claims-complete-from-superbill');
		await page.goto(`/play/${s.meta.id}/`);
		await reach(page, s, 'claim');
		const card = page.locator('.doc.superbill');
		await expect(card).toBeVisible();
		const fees = card.locator('td[data-label="Fee"]');
		expect(await fees.count()).toBeGreaterThan(0);
		for (const fee of await fees.all()) {
			await expect(fee).toContainText(/\$\d+\.\d\d/);
			await inside(fee, card, page);
		}
		for (const cell of await card.locator('td[data-label="For diagnoses"]').all()) await inside(cell, card, page);
		if (size === DESKTOP) await inside(card.getByRole('columnheader', { name: 'For diagnoses' }), card, page);
		expect((await new AxeBuilder({ page }).include('.docs').analyze()).violations).toEqual([]);
	});

async function reachBook(page: Page, size: { width: number; height: number }) {
	await page.setViewportSize(size);
	const s = scenario('scheduling-cancellation-waitlist');
	await page.goto(`/play/${s.meta.id}/`);
	await reach(page, s, 'schedule');
	await expect(page.locator('table.book')).toBeVisible();
}

for (const size of [DESKTOP, PHONE])
	test(`the schedule book's day view says its date and opens a slot's panel in sight, at ${size.width} px`, async ({ page }) => {
		await reachBook(page, size);
		await expect(page.locator('[data-day-title]')).toHaveText('Tuesday, November 25, 2025');
		// A late slot, far down a day of 15-minute rows.
		const cell = page.locator('table.book td[data-provider="prov-lindqvist"][data-time="16:30"]');
		await cell.click();
		const panel = page.locator('.slot-panel');
		await expect(panel).toBeFocused();
		await expect(panel).toBeInViewport();
		if (size === DESKTOP) {
			// Next to what was clicked: the panel's heading is in the same screenful as the slot.
			await expect(cell).toBeInViewport();
			await expect(panel.locator('h4')).toBeInViewport();
		}
	});

test('"Book from waitlist" never starts on the booked time last clicked; overlaps name both patients and the scenario teaches fit', async ({ page }) => {
	test.setTimeout(120_000);
	await reachBook(page, DESKTOP);
	// Min-jun Park's 10:15 with Dr. Lindqvist is booked: clicking it, then booking from the waitlist, must not offer 10:15.
	await page.locator('table.book td[data-provider="prov-lindqvist"][data-time="10:15"]').click();
	await expect(page.locator('.slot-panel')).toContainText('Min-jun Park');
	await page.locator('[data-waitlist="w4"]').getByRole('button', { name: 'Book from waitlist…' }).click();
	const form = page.locator('.book-form');
	await expect(form.getByLabel('Patient')).toHaveValue('pt-luis-ramirez');
	await expect(form.getByLabel('Start time')).toHaveValue('');
	await form.getByRole('button', { name: 'Close' }).click();
	// A free slot is still offered.
	await page.locator('table.book td[data-provider="prov-lindqvist"][data-time="14:00"]').click();
	await page.locator('[data-waitlist="w4"]').getByRole('button', { name: 'Book from waitlist…' }).click();
	await expect(form.getByLabel('Start time')).toHaveValue('14:00');
	await form.getByRole('button', { name: 'Close' }).click();

	await workBook(page, [
		{ op: 'cancel', appointment: { provider: 'prov-okafor', time: '09:00', id: 'c1' }, reason: 'Family emergency' },
		{ op: 'cancel', appointment: { provider: 'prov-lindqvist', time: '10:00', id: 'c2' }, reason: 'IME moved to this morning' },
		{ op: 'book', provider: 'prov-okafor', time: '09:00', patient: 'pt-linh-tran', type: 'established-follow-up', reason: 'Medication review', fromWaitlist: 'w1' },
		{ op: 'book', provider: 'prov-lindqvist', time: '10:00', patient: 'pt-frank-kowalski', type: 'medicare-annual-wellness', reason: 'Annual wellness visit', fromWaitlist: 'w2' }
	]);
	await expect(page.locator('.conflicts')).toContainText("Frank Kowalski's 10:00 AM–10:30 AM visit overlaps Min-jun Park's 10:15 AM visit");
	await page.getByRole('button', { name: 'Submit the book' }).click();
	const feedback = page.locator('section.feedback');
	await expect(feedback).toBeVisible();
	await expect(feedback).toContainText('A 15-minute hole cannot take a 30-minute wellness visit');
});

test('a schedule message reads "an Established patient follow-up", not "a Established"', async ({ page }) => {
	const s = scenario('scheduling-new-patient-first-visit');
	await page.goto(`/play/${s.meta.id}/`);
	await reach(page, s, 'schedule');
	// The new patient booked as an established follow-up: the book says why that visit type is wrong.
	await workBook(page, [{ op: 'book', provider: 'prov-okafor', time: '09:00', date: '2025-11-25', patient: 'pt-dmitri-volkov', type: 'established-follow-up', reason: 'Establish care' }]);
	const conflicts = page.locator('.conflicts');
	await expect(conflicts).toContainText('Dmitri Volkov is a new patient');
	await expect(conflicts).toContainText('not an Established patient follow-up');
	await expect(conflicts).not.toContainText(/\ba Established\b/);
});

test('the phone bar says the line and the caller the story names', async ({ page }) => {
	const bar = page.locator('[data-phone-line]');
	await page.goto('/play/triage-clinical-question-to-nurse/');
	await expect(bar).toHaveText('Line 1 · connected · Marcus Carter · (555) 555-0131');
	await page.goto('/play/hipaa-caller-says-spouse/');
	await expect(bar).toContainText('Line 2 · connected');
	await page.goto('/play/triage-monday-morning-calls/');
	await expect(bar).toContainText('holding');
	await expect(bar).not.toContainText('caller');
});

for (const size of [DESKTOP, PHONE])
	test(`the policy binder has titles, an order and a word search, by keyboard, at ${size.width} px`, async ({ page }) => {
		await page.setViewportSize(size);
		await page.goto('/play/hipaa-caller-says-spouse/');
		const binder = page.locator('details.binder');
		await binder.locator('summary').focus();
		await page.keyboard.press('Enter');
		const titles = binder.locator('dt');
		await expect(titles.first()).toHaveText('Advance Beneficiary Notice (ABN)');
		const all = await titles.allTextContents();
		expect(all).toEqual(expect.arrayContaining(['Photo ID at check-in', 'No-show policy', 'Referrals and prior authorization']));
		expect(all).toEqual([...all].sort((a, b) => a.localeCompare(b, 'en')));
		await page.keyboard.press('Tab');
		await expect(binder.getByRole('searchbox', { name: 'Search the policies' })).toBeFocused();
		await page.keyboard.type('voicemail results');
		await expect(binder.getByRole('status')).toHaveText(new RegExp(`^\\d+ of ${all.length} policies match “voicemail results”\\.$`));
		await expect(titles).toContainText(['Voicemail messages']);
		expect(await titles.count()).toBeLessThan(all.length);
		await page.keyboard.press('Control+A');
		await page.keyboard.type('zebra');
		await expect(binder.getByRole('status')).toHaveText(`0 of ${all.length} policies match “zebra”.`);
		await expect(titles).toHaveCount(0);
		expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
	});

test('at 390 px no page scrolls sideways: the dashboard, the transcript, authoring, and players whose texts carry wide tables', async ({ page }) => {
	await page.setViewportSize(PHONE);
	const sideways = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
	for (const path of ['/progress/', '/progress/transcript/']) {
		await page.goto(path);
		await expect(page.locator('table').first()).toBeVisible();
		expect(await sideways(), `${path} fits the phone`).toBeLessThanOrEqual(0);
	}
	await page.goto('/author/');
	for (const summary of await page.locator('[data-reference] summary').all()) await summary.click();
	expect(await sideways(), 'authoring fits the phone, its reference tables open').toBeLessThanOrEqual(0);

	// A remittance told in the narrative: its table scrolls in its own box, which the keyboard can reach.
	await page.goto(`/play/${scenario('payments-denial-coverage-ended').meta.id}/`);
	await expect(page.locator('[data-preview]')).toHaveCount(0);
	const region = page.getByRole('region', { name: /^Table: Date of service, Code/ });
	await expect(region).toBeVisible();
	expect(await region.evaluate((e) => e.scrollWidth > e.clientWidth), 'the table is wider than the phone').toBe(true);
	await region.focus();
	await page.keyboard.press('ArrowRight');
	await expect.poll(() => region.evaluate((e) => e.scrollLeft)).toBeGreaterThan(0);
	expect(await sideways(), 'the page itself does not scroll').toBeLessThanOrEqual(0);
	expect((await new AxeBuilder({ page }).include('article.step').analyze()).violations).toEqual([]);

	// The posting form: each line's three amounts stack under their labels.
	await page.goto(`/play/${scenario('payments-denial-no-authorization').meta.id}/`);
	await expect(page.locator('[data-preview]')).toHaveCount(0);
	await expect(page.locator('table.posting')).toBeVisible();
	expect(await sideways(), 'the posting form fits the phone').toBeLessThanOrEqual(0);
	await expect(page.locator('table.posting td[data-label="Write-off"]').first()).toBeVisible();
	expect((await new AxeBuilder({ page }).include('article.step').analyze()).violations).toEqual([]);
});
