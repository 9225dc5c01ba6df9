/**
 * Issue 16, data loss, as a user meets it: nothing kept in this browser is overwritten or written into
 * by someone else, deleting asks first, and a full disk (made to happen: tests/e2e/faults.ts) is said
 * plainly, nothing is shown as saved that was not, and trying again once there is room works.
 */
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { scenario } from './content';
import { answerByKeyboard, bestIntent, playToEnd } from './play';
import { fillDisk, freeDisk, injectDiskFaults } from './faults';
import { saveName } from './identity';

const shipped = readFileSync('content/scenarios/hipaa-caller-says-spouse.md', 'utf8');
const instructors = shipped.replace('id: hipaa-caller-says-spouse', 'id: custom-spouse-call');
const own = instructors.replace('title: "The caller says she is his wife"', 'title: "My own spouse call"');

test("an assignment's scenario with the id of one already kept here is kept beside it, never over it, and the page says so", async ({ browser }) => {
	test.setTimeout(120_000);
	const teacher = await (await browser.newContext()).newPage();
	await teacher.goto('/author/');
	await teacher.getByLabel('Scenario text').fill(instructors);
	await teacher.getByRole('button', { name: 'Save and play it' }).click();
	await expect(teacher).toHaveURL(/\/author\/play\//);
	await teacher.goto('/assign/');
	await teacher.getByLabel('Title').fill('Spouse call');
	await teacher.getByRole('checkbox', { name: /custom-spouse-call/ }).check();
	await teacher.getByRole('button', { name: 'Create the assignment' }).click();
	const link = (await teacher.locator('[data-assignment-link]').inputValue()).replace(/^https?:\/\/[^/]+/, '');

	// A colleague who picked the same id for their own, different scenario opens the link.
	const colleague = await (await browser.newContext()).newPage();
	await colleague.goto('/author/');
	await colleague.getByLabel('Scenario text').fill(own);
	await colleague.getByRole('button', { name: 'Save and play it' }).click();
	await expect(colleague).toHaveURL(/\/author\/play\//);
	await colleague.goto(link);
	await saveName(colleague, 'Dr Colleague');
	const note = colleague.locator('[data-kept-beside="custom-spouse-call"]');
	await expect(note).toContainText('already keeps a different scenario with the id custom-spouse-call');
	await expect(note).toContainText('left exactly as it was');
	const row = colleague.locator('tr[data-scenario="custom-spouse-call"]');
	await expect(row.getByRole('link', { name: 'Start' })).toHaveAttribute('href', /id=custom-spouse-call--from-assignment-[0-9a-f]{8}&/);
	// The assignment's version plays (its title), and the address keeps it across a reload.
	await row.getByRole('link', { name: 'Start' }).click();
	await expect(colleague.getByRole('heading', { level: 1 })).toContainText('The caller says she is his wife');
	await expect(colleague).toHaveURL(/id=custom-spouse-call--from-assignment-[0-9a-f]{8}&attempt=/);
	await playToEnd(colleague, scenario('hipaa-caller-says-spouse'));
	await colleague.goto(link);
	await expect(row).toContainText('1 of 3');
	// The colleague's own scenario is still there, word for word.
	await colleague.goto('/author/');
	await expect(colleague.locator('[data-authored]')).toHaveCount(2);
	await colleague.locator('[data-authored="custom-spouse-call"]').getByRole('button', { name: 'Edit' }).click();
	await expect(colleague.getByLabel('Scenario text')).toHaveValue(own);
});

test('deleting an authored scenario asks first; Cancel keeps it', async ({ page }) => {
	await page.goto('/author/');
	await page.getByLabel('Scenario text').fill(own);
	await page.getByRole('button', { name: 'Save and play it' }).click();
	await expect(page).toHaveURL(/\/author\/play\//);
	await page.goto('/author/');
	const item = page.locator('[data-authored="custom-spouse-call"]');
	await item.getByRole('button', { name: /^Delete/ }).click();
	const dialog = page.getByRole('dialog', { name: 'Delete “My own spouse call”?' });
	await expect(dialog).toBeVisible();
	await dialog.getByRole('button', { name: 'Cancel' }).click();
	await expect(dialog).toBeHidden();
	await page.reload();
	await expect(item).toBeVisible();
	await item.getByRole('button', { name: /^Delete/ }).click();
	await dialog.getByRole('button', { name: 'Delete “My own spouse call”' }).click();
	await expect(item).toHaveCount(0);
	await expect(page.getByRole('status')).toContainText('“My own spouse call” (custom-spouse-call) was deleted');
	await page.reload();
	await expect(page.getByLabel('Scenario text')).toBeVisible();
	await expect(item).toHaveCount(0);
});

test('"Save and play it" on a full disk says it was not saved and stays; with room again it saves', async ({ page }) => {
	await injectDiskFaults(page);
	await page.goto('/author/');
	await page.getByLabel('Scenario text').fill(own);
	await page.getByRole('button', { name: 'Check it' }).click();
	await expect(page.getByRole('status')).toContainText('passes every check');
	await fillDisk(page);
	await page.getByRole('button', { name: 'Save and play it' }).click();
	await expect(page.getByRole('alert')).toContainText('“My own spouse call” passes the checks but was not saved: this browser\'s storage for the simulator is full');
	await expect(page.getByRole('status')).not.toContainText('passes every check');
	await expect(page).toHaveURL(/\/author\/$/);
	await expect(page.getByLabel('Scenario text')).toHaveValue(own);
	await freeDisk(page);
	await page.getByRole('button', { name: 'Save and play it' }).click();
	await expect(page).toHaveURL(/\/author\/play\/\?id=custom-spouse-call/);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('My own spouse call');
});

test("a second learner opening the first learner's attempt link is refused, and nothing is written into it", async ({ page }) => {
	const s = scenario('hipaa-caller-says-spouse');
	const first = s.steps[s.meta.start]!;
	await page.goto(`/play/${s.meta.id}/`);
	await answerByKeyboard(page, first.interaction!, bestIntent(first.interaction!));
	await expect(page.locator('article.step')).not.toHaveAttribute('data-step', s.meta.start);
	const link = page.url();
	const second = await page.locator('article.step').getAttribute('data-step');

	await page.goto('/learners/');
	await page.getByLabel("New learner's name").fill('Jordan');
	await page.getByRole('button', { name: 'Add learner' }).click();
	await expect(page.getByRole('link', { name: 'Learner: Jordan' })).toBeVisible();
	await page.goto(link);
	await expect(page.getByRole('alert')).toContainText("That attempt is Student's, and you are working as Jordan, so it was not opened and nothing was saved to it.");
	await expect(page.locator('article.step')).toHaveCount(0);

	// Student's attempt is where Student left it.
	await page.goto('/learners/');
	await page.getByRole('button', { name: 'Switch to Student' }).click();
	await page.goto(link);
	await expect(page.locator('article.step')).toHaveAttribute('data-step', second!);
});

test('Add learner and Start practice on a full disk say so plainly; with room again they work', async ({ page }) => {
	await injectDiskFaults(page);
	await page.goto('/learners/');
	await expect(page.getByRole('link', { name: 'Learner: Student' })).toBeVisible();
	await fillDisk(page);
	await page.getByLabel("New learner's name").fill('Jordan');
	await page.getByRole('button', { name: 'Add learner' }).click();
	await expect(page.getByRole('alert')).toContainText("Jordan could not be added: this browser's storage for the simulator is full, so nothing was saved.");
	await expect(page.locator('[data-learner="Jordan"]')).toHaveCount(0);
	await expect(page.getByRole('link', { name: 'Learner: Student' })).toBeVisible();
	await freeDisk(page);
	await page.getByRole('button', { name: 'Add learner' }).click();
	await expect(page.getByRole('link', { name: 'Learner: Jordan' })).toBeVisible();
	await expect(page.getByRole('alert')).toHaveCount(0);

	await page.goto('/exam/');
	await expect(page.getByRole('button', { name: 'Start practice' })).toBeVisible();
	await fillDisk(page);
	await page.getByRole('button', { name: 'Start practice' }).click();
	await expect(page.getByRole('alert')).toContainText("The practice could not start: this browser's storage for the simulator is full, so nothing was saved.");
	await expect(page).toHaveURL(/\/exam\/$/);
	await freeDisk(page);
	await page.getByRole('button', { name: 'Start practice' }).click();
	await expect(page.locator('article.item')).toBeVisible();
});
