import { expect, test, type Browser, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { scenario } from './content';
import { playToEnd } from './play';
import { fillDisk, freeDisk, injectDiskFaults } from './faults';

// Issue 18, "Where to start and how to come back": a newcomer's path, a finished scenario reopened,
// and who is working (the first visit's name, renaming, an import into a fresh browser).
const PATH: string[] = (parse(readFileSync('content/start-here.yaml', 'utf8')) as { steps: { scenario: string }[] }).steps.map((s) => s.scenario);
const axe = (page: Page) => new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

async function pass(page: Page, id: string) {
	await page.goto(`/play/${id}/`);
	await playToEnd(page, scenario(id));
	await expect(page.locator('article.ending .result')).toContainText('Passed');
}

async function phone(browser: Browser) {
	const context = await browser.newContext({ viewport: { width: 390, height: 800 }, hasTouch: true, isMobile: true });
	return { context, page: await context.newPage() };
}

test('a newcomer sees a Start here path, easiest first; with progress the catalog sorts by what to practise next, and keeps the choice', async ({ page }) => {
	await page.goto('/');
	const steps = page.locator('[data-start-here] li[data-start-step]');
	await expect(steps).toHaveCount(PATH.length);
	expect(await steps.evaluateAll((els) => els.map((e) => e.getAttribute('data-start-step')))).toEqual(PATH);
	// Foundation work before billing: the path opens with a difficulty-1 scenario, and no claim is on it.
	expect(scenario(PATH[0]!).meta.difficulty).toBe(1);
	expect(PATH.some((id) => scenario(id).meta.kind === 'claims')).toBe(false);
	await expect(steps.first()).toHaveAttribute('aria-current', 'step');
	// Nothing to sort by yet: the order choice appears with progress.
	await expect(page.getByRole('combobox', { name: 'Order' })).toHaveCount(0);
	expect((await axe(page).analyze()).violations).toEqual([]);

	await pass(page, PATH[0]!);
	await page.goto('/');
	await expect(steps.first().locator('.badge')).toHaveText('Passed');
	await expect(steps.nth(1)).toHaveAttribute('aria-current', 'step');
	await expect(page.locator('[data-start-here]')).toContainText(`1 of ${PATH.length} passed.`);
	const order = page.getByRole('combobox', { name: 'Order' });
	await expect(order).toHaveValue('kind');
	await order.selectOption('next');
	const groups = page.locator('[data-practise-group]');
	await expect(groups.first()).toHaveAttribute('data-practise-group', 'start-here');
	await expect(groups.first().getByRole('heading', { level: 2 })).toHaveText('Next on your start path');
	expect(await groups.first().locator('[data-scenario]').evaluateAll((els) => els.map((e) => e.getAttribute('data-scenario')))).toEqual(PATH.slice(1));
	// The passed one comes last.
	await expect(groups.last()).toHaveAttribute('data-practise-group', 'passed');
	await expect(groups.last().locator('[data-scenario]')).toHaveCount(1);
	await expect(groups.last().locator(`[data-scenario="${PATH[0]}"] .badge`)).toHaveText('Passed');
	expect((await axe(page).analyze()).violations).toEqual([]);

	// The choice is kept.
	await page.reload();
	await expect(page.getByRole('combobox', { name: 'Order' })).toHaveValue('next');
	await expect(groups.first()).toHaveAttribute('data-practise-group', 'start-here');
	// Filters still apply to the sorted catalog.
	await page.getByRole('combobox', { name: 'Difficulty' }).selectOption('3');
	await expect(page.locator('[data-practise-group="start-here"]')).toHaveCount(0);
	await expect(groups.first()).toHaveAttribute('data-practise-group', 'not-passed');
	await page.getByRole('combobox', { name: 'Order' }).selectOption('kind');
	await expect(page.locator('[data-practise-group]')).toHaveCount(0);
	await page.reload();
	await expect(page.getByRole('combobox', { name: 'Order' })).toHaveValue('kind');
});

test('at phone width the Start here path and the order choice fit without sideways scrolling', async ({ browser }) => {
	const { context, page } = await phone(browser);
	await page.goto('/');
	await expect(page.locator('[data-start-here] li[data-start-step]')).toHaveCount(PATH.length);
	await expect(page.locator('[data-name-prompt]')).toBeVisible();
	expect(await overflow(page)).toBeLessThanOrEqual(0);
	await pass(page, PATH[0]!);
	await page.goto('/');
	await page.getByRole('combobox', { name: 'Order' }).selectOption('next');
	await expect(page.locator('[data-practise-group]').first()).toBeVisible();
	expect(await overflow(page)).toBeLessThanOrEqual(0);
	await context.close();
});

test('opening a finished scenario offers its results or a new attempt, and starts nothing until asked', async ({ page }) => {
	const id = PATH[1]!;
	await pass(page, id);
	const finished = new URL(page.url()).searchParams.get('attempt');
	await page.goto(`/play/${id}/`);
	const offer = page.locator('[data-finished-before]');
	await expect(offer).toContainText('You finished this scenario');
	await expect(offer).toContainText('passed');
	await expect(page.locator('article.step')).toHaveCount(0);
	expect((await axe(page).analyze()).violations).toEqual([]);
	// Nothing was started: the catalog still says passed, and the progress page lists one attempt, not "In progress".
	await page.goto('/');
	await expect(page.locator(`.cards [data-scenario="${id}"] .badge`)).toHaveText('Passed');
	await page.goto('/progress/');
	await expect(page.locator('tr[data-attempt]')).toHaveCount(1);
	await expect(page.locator('tr[data-attempt]')).not.toContainText('In progress');

	await page.goto(`/play/${id}/`);
	await page.getByRole('link', { name: 'See your results' }).click();
	await expect(page).toHaveURL(new RegExp(`/results/\\?attempt=${finished}$`));
	await expect(page.getByRole('heading', { name: 'Step-by-step replay' })).toBeVisible();

	await page.goto(`/play/${id}/`);
	await page.getByRole('link', { name: 'Start a new attempt' }).click();
	await expect(page.locator('article.step')).toHaveAttribute('data-step', scenario(id).meta.start);
	await expect.poll(() => new URL(page.url()).searchParams.get('attempt')).not.toBe(finished);
	// The attempt asked for is unfinished, so the plain address resumes it as before.
	const started = new URL(page.url()).searchParams.get('attempt');
	await page.goto(`/play/${id}/`);
	await expect(page.locator('article.step')).toHaveAttribute('data-step', scenario(id).meta.start);
	await expect.poll(() => new URL(page.url()).searchParams.get('attempt')).toBe(started);
	await page.goto('/progress/');
	await expect(page.locator('tr[data-attempt]')).toHaveCount(2);
});

test('the first visit asks the name in a sheet at the foot of the screen: saved, it names the learner everywhere; "Not now" is not asked again', async ({ page, browser }) => {
	await page.goto('/');
	const prompt = page.locator('[data-name-prompt]');
	await expect(prompt).toBeVisible();
	// Announced once it arrives, since it is not where the page starts.
	await expect(page.locator('[aria-live]').filter({ hasText: 'A question about your name is open at the bottom of the screen' })).toHaveCount(1);
	// Not a modal: the catalog works around it.
	await expect(page.locator('[data-scenario]').first()).toBeVisible();
	expect((await axe(page).analyze()).violations).toEqual([]);
	// By keyboard: the field, then Save.
	await prompt.getByRole('textbox', { name: 'Your name' }).focus();
	await page.keyboard.type('Ana López');
	await page.keyboard.press('Tab');
	await expect(prompt.getByRole('button', { name: 'Save name' })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(prompt).toHaveCount(0);
	// The sheet took its focused button with it: the keyboard carries on from the start path.
	await expect(page.getByRole('heading', { name: 'Start here' })).toBeFocused();
	await expect(page.getByRole('link', { name: 'Learner: Ana López' })).toBeVisible();
	await page.reload();
	await expect(page.getByRole('link', { name: 'Learner: Ana López' })).toBeVisible();
	await expect(page.locator('[data-name-prompt]')).toHaveCount(0);

	const { context, page: other } = await phone(browser);
	await other.goto('/');
	await expect(other.locator('[data-name-prompt]')).toBeVisible();
	expect(await overflow(other)).toBeLessThanOrEqual(0);
	await other.getByRole('button', { name: 'Not now' }).click();
	await expect(other.locator('[data-name-prompt]')).toHaveCount(0);
	await other.reload();
	await expect(other.locator('[data-scenario]').first()).toBeVisible();
	await expect(other.locator('[data-name-prompt]')).toHaveCount(0);
	await expect(other.getByRole('link', { name: 'Learner: Student' })).toBeVisible();
	await context.close();
});

test('the first visit moves nothing while the name question arrives, on a desktop and on a phone', async ({ browser }) => {
	// The question appears once storage is read, after the first paint: where it goes must not push the
	// Start here path or the cards (Lighthouse counted 0.19 of layout shift for it on a phone).
	for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
		const context = await browser.newContext({ viewport, ...(viewport.width < 500 ? { hasTouch: true, isMobile: true } : {}) });
		const page = await context.newPage();
		await page.goto('/');
		const prompt = page.locator('[data-name-prompt]');
		await expect(prompt).toBeVisible();
		await expect(prompt.getByRole('textbox', { name: 'Your name' })).toBeVisible();
		// Every shift since navigation (buffered), as the browser scores them: none follows an input here.
		const shift = await page.evaluate(
			() =>
				new Promise<number>((resolve) => {
					let sum = 0;
					new PerformanceObserver((list) => {
						for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!e.hadRecentInput) sum += e.value;
					}).observe({ type: 'layout-shift', buffered: true });
					setTimeout(() => resolve(sum), 500);
				})
		);
		expect(shift, `layout shift at ${viewport.width}×${viewport.height}`).toBeLessThan(0.05);
		// It covers the foot of the screen, never what the keyboard is on: Tab from the sheet through the path and the filters.
		await prompt.getByRole('textbox', { name: 'Your name' }).focus();
		for (let i = 0; i < 20; i++) {
			await page.keyboard.press('Tab');
			const hidden = await page.evaluate(() => {
				const el = document.activeElement!;
				const sheet = document.querySelector('[data-name-prompt]')!;
				return !sheet.contains(el) && el.getBoundingClientRect().bottom > sheet.getBoundingClientRect().top ? el.outerHTML.slice(0, 80) : '';
			});
			expect(hidden, `focus under the name question at ${viewport.width}×${viewport.height}`).toBe('');
		}
		// Nothing it covers is out of reach: the catalog's end scrolls clear of it.
		await page.locator('[data-scenario]').last().scrollIntoViewIfNeeded();
		await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
		const last = await page.locator('[data-scenario]').last().boundingBox();
		const sheet = await prompt.boundingBox();
		expect(last!.y + last!.height).toBeLessThanOrEqual(sheet!.y);
		await context.close();
	}
});

test('a learner can be renamed on the Learners page, and the transcript prints the new name', async ({ page }) => {
	await page.goto('/learners/');
	await page.getByRole('button', { name: 'Rename Student' }).click();
	const field = page.getByRole('textbox', { name: 'New name for Student' });
	await expect(field).toBeFocused();
	await field.fill('   ');
	await page.getByRole('button', { name: 'Save name' }).click();
	await expect(page.getByRole('alert')).toHaveText('Type a name first.');
	await field.fill('Jordan Reyes');
	await field.press('Enter');
	await expect(page.getByRole('status')).toHaveText('Student is now called Jordan Reyes.');
	await expect(page.locator('[data-learner="Jordan Reyes"]')).toContainText('(working now)');
	await expect(page.getByRole('link', { name: 'Learner: Jordan Reyes' })).toBeVisible();
	expect((await axe(page).analyze()).violations).toEqual([]);
	await page.goto('/progress/transcript/');
	await expect(page.locator('[data-field="learner"]')).toHaveText('Jordan Reyes');
});

test('importing progress into a fresh browser offers to switch to its learner, and the empty default profile goes', async ({ page, browser }) => {
	await page.goto('/learners/');
	await page.getByRole('button', { name: 'Rename Student' }).click();
	await page.getByRole('textbox', { name: 'New name for Student' }).fill('Ana');
	await page.getByRole('button', { name: 'Save name' }).click();
	// Said once it is stored (a first visit's first write also loads the storage code): leaving before then could lose it.
	await expect(page.getByRole('status')).toContainText('Student is now called Ana.');
	await pass(page, PATH[0]!);
	await page.goto('/learners/');
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: "Export Ana's progress" }).click()]);
	const file = test.info().outputPath('ana.json');
	await download.saveAs(file);

	for (const width of [1280, 390]) {
		const clean = await browser.newContext({ viewport: { width, height: 800 } });
		const other = await clean.newPage();
		await other.goto('/learners/');
		await expect(other.getByLabel('Progress file (.json)')).toBeEnabled();
		await other.getByLabel('Progress file (.json)').setInputFiles(file);
		const offer = other.locator('[data-import-offer]');
		await expect(offer).toContainText("The progress you imported is Ana's. You are working as Student now.");
		expect((await axe(other).analyze()).violations).toEqual([]);
		if (width === 390) expect(await overflow(other)).toBeLessThanOrEqual(0);
		await offer.getByRole('button', { name: 'Switch to Ana' }).click();
		await expect(other.getByRole('status')).toContainText('Ana is now working. The empty profile “Student”');
		await expect(other.locator('[data-learner]')).toHaveCount(1);
		await expect(other.getByRole('link', { name: 'Learner: Ana' })).toBeVisible();
		await other.goto('/');
		await expect(other.locator(`.cards [data-scenario="${PATH[0]}"] .badge`)).toHaveText('Passed');
		await clean.close();
	}

	// A default profile with work of its own is never removed.
	const busy = await browser.newContext();
	const other = await busy.newPage();
	await pass(other, PATH[1]!);
	await other.goto('/learners/');
	await expect(other.getByLabel('Progress file (.json)')).toBeEnabled();
	await other.getByLabel('Progress file (.json)').setInputFiles(file);
	await other.locator('[data-import-offer]').getByRole('button', { name: 'Switch to Ana' }).click();
	await expect(other.getByRole('status')).toHaveText('Ana is now working.');
	await expect(other.locator('[data-learner]')).toHaveCount(2);
	await busy.close();
});

test('a full disk when saving the first-visit name is told in plain words, and the name can be saved once there is room', async ({ page }) => {
	await injectDiskFaults(page);
	await page.goto('/');
	const prompt = page.locator('[data-name-prompt]');
	await expect(prompt).toBeVisible();
	await fillDisk(page);
	await prompt.getByRole('textbox', { name: 'Your name' }).fill('Ana López');
	await prompt.getByRole('button', { name: 'Save name' }).click();
	const alert = prompt.getByRole('alert');
	// The same words as every other page's failed write (storage-errors), not the browser's own message.
	await expect(alert).toContainText("Your name could not be saved: this browser's storage for the simulator is full, so nothing was saved.");
	await expect(alert).toContainText('Learners page');
	await expect(alert).not.toContainText('quota has been exceeded');
	await expect(page.getByRole('link', { name: 'Learner: Student' })).toBeVisible();
	await prompt.getByRole('button', { name: 'Not now' }).click();
	await expect(alert).toContainText('“Not now” could not be saved: this browser\'s storage for the simulator is full');
	expect((await axe(page).analyze()).violations).toEqual([]);

	await freeDisk(page);
	await prompt.getByRole('button', { name: 'Save name' }).click();
	await expect(prompt).toHaveCount(0);
	await expect(page.getByRole('link', { name: 'Learner: Ana López' })).toBeVisible();
});
