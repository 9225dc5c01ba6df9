import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { scenario } from './content';
import { playToEnd } from './play';

const HIPAA = 'hipaa-caller-says-spouse';
const LAW = 'cmaa.law';

async function complete(page: Page, id: string) {
	await page.goto(`/play/${id}/`);
	await playToEnd(page, scenario(id));
	await expect(page.locator('article.ending .result')).toContainText('Passed');
}

/** The dashboard's figures as a learner reads them: the domain table and the kinds table. */
async function figures(page: Page) {
	await expect(page.getByRole('heading', { name: 'Practise next' })).toBeVisible();
	return {
		domains: await page.locator('table[data-table="domains"] tbody').innerText(),
		kinds: await page.locator('table[data-table="kinds"] tbody').innerText(),
		attempts: await page.locator('tr[data-attempt]').count()
	};
}

test('finishing a scenario changes the dashboard, and it has no axe violations', async ({ page }) => {
	await page.goto('/progress/');
	await expect(page.locator(`tr[data-domain="${LAW}"] td`).first()).toHaveText('—');
	// Nothing worked yet: no empty charts, a line saying when each appears (and the tables as ever).
	await expect(page.locator('[data-chart-empty]')).toHaveCount(2);
	await expect(page.locator('.chart')).toHaveCount(0);
	const before = await page.locator('[data-recommend]').first().getAttribute('data-recommend');
	expect(before).toBeTruthy();
	await complete(page, HIPAA);
	await page.goto('/progress/');
	await expect(page.locator(`tr[data-domain="${LAW}"] td`).first()).toHaveText(/\d+% \(\d+%–\d+%\)/);
	await expect(page.locator('tr[data-kind="hipaa"] td').first()).toHaveText('1');
	await expect(page.locator('[data-recommend]')).not.toHaveCount(0);
	// Exam items join the recommendations, and the link opens practice on that domain.
	const tip = page.locator('[data-item-tip]');
	await expect(tip).toContainText('(no items answered yet).');
	await expect(tip).not.toContainText('only 0');
	// A domain's size is the blueprint's share of the real exam, said as such.
	await expect(page.getByRole('heading', { name: /^Foundational knowledge/ })).toHaveText(/^Foundational knowledge \(blueprint: \d+ of the exam's 110 scored items\)$/);
	const domain = (await tip.getAttribute('data-item-tip'))!;
	// Charts render on this page only, each beside its table; one day of work is not yet a trend.
	await expect(page.locator('.chart canvas')).toHaveCount(2);
	await expect(page.locator('[data-chart-empty]')).toHaveCount(0);
	await expect(page.locator('[data-trend-thin]')).toContainText('Not enough history yet for a trend');
	expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
	// Filtering the attempt history.
	await page.getByLabel('Status').selectOption('failed');
	await expect(page.locator('tr[data-attempt]')).toHaveCount(0);
	await page.getByLabel('Status').selectOption('passed');
	await expect(page.locator('tr[data-attempt]')).toHaveCount(1);
	await tip.getByRole('link').click();
	await expect(page).toHaveURL(new RegExp(`/exam/\\?domain=${domain.replace('.', '\\.')}$`));
	await expect(page.getByRole('combobox', { name: /^Domain/ })).toHaveValue(domain);
});

test('progress exported here and imported into a clean browser shows the same dashboard; a second import adds nothing', async ({ page, browser }) => {
	await complete(page, HIPAA);
	await complete(page, 'triage-clinical-question-to-nurse');
	await page.goto('/progress/');
	const here = await figures(page);
	expect(here.attempts).toBe(2);

	await page.goto('/learners/');
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: "Export Student's progress" }).click()]);
	expect(download.suggestedFilename()).toMatch(/^progress-student-\d{4}-\d{2}-\d{2}\.json$/);
	const path = test.info().outputPath('progress.json');
	await download.saveAs(path);
	expect(JSON.parse(readFileSync(path, 'utf8')).attempts).toHaveLength(2);

	// A new context is a browser with nothing stored: another computer, or this one after clearing site data.
	const clean = await browser.newContext();
	const other = await clean.newPage();
	await other.goto('/learners/');
	await expect(other.locator('[data-learner]')).toHaveCount(1);
	await expect(other.getByLabel('Progress file (.json)')).toBeEnabled();
	await other.getByLabel('Progress file (.json)').setInputFiles(path);
	await expect(other.getByRole('status')).toContainText('2 new attempts');
	await other.getByRole('button', { name: 'Switch to Student' }).first().click();
	await other.goto('/progress/');
	expect(await figures(other)).toEqual(here);

	await other.goto('/learners/');
	await expect(other.getByLabel('Progress file (.json)')).toBeEnabled();
	await other.getByLabel('Progress file (.json)').setInputFiles(path);
	await expect(other.getByRole('status')).toContainText('0 new attempts, 2 already here');
	await other.goto('/progress/');
	expect((await figures(other)).attempts).toBe(2);
	await clean.close();
});

test('a damaged or hostile progress file is refused by name and nothing is stored', async ({ page }) => {
	await page.goto('/learners/');
	await expect(page.locator('[data-learner]')).toHaveCount(1);
	const bad = {
		name: 'progress-evil.json',
		mimeType: 'application/json',
		buffer: Buffer.from(JSON.stringify({ format: 'front-desk-simulator/progress', version: 1, exportedAt: 'x', learner: { id: 'evil', name: '<img src=x onerror=alert(1)>', createdAt: 1 }, attempts: [], inputs: [] }))
	};
	await page.getByLabel('Progress file (.json)').setInputFiles(bad);
	await expect(page.getByRole('alert')).toContainText('progress-evil.json: The file has a problem at learner.name: must not contain HTML markup');
	await page.getByLabel('Progress file (.json)').setInputFiles({ name: 'cut.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"front-desk-simulator/progress","vers') });
	await expect(page.getByRole('alert')).toContainText('cut.json: The file is not valid JSON');
	await page.reload();
	await expect(page.locator('[data-learner]')).toHaveCount(1);
});

test('a learner can be deleted, with everything of theirs, after confirming', async ({ page }) => {
	await page.goto('/learners/');
	// Storage is said as people say it ("10 GB"), never "10240.4 MB".
	const space = page.locator('section[aria-labelledby="space"] p');
	await expect(space).toHaveText(/This site uses \d+(\.\d)? (KB|MB|GB) of \d+(\.\d)? (KB|MB|GB|TB) available\./);
	await expect(space).not.toHaveText(/\d{4,}(\.\d)? MB/);
	await page.getByLabel("New learner's name").fill('Casey');
	await page.getByRole('button', { name: 'Add learner' }).click();
	await expect(page.getByRole('link', { name: 'Learner: Casey' })).toBeVisible();
	await complete(page, HIPAA);
	await page.goto('/learners/');
	await page.getByRole('button', { name: 'Delete Casey' }).click();
	const dialog = page.getByRole('dialog', { name: 'Delete Casey?' });
	await expect(dialog).toBeVisible();
	await dialog.getByRole('button', { name: 'Cancel' }).click();
	await expect(page.locator('[data-learner="Casey"]')).toHaveCount(1);
	await page.getByRole('button', { name: 'Delete Casey' }).click();
	await dialog.getByRole('button', { name: 'Delete Casey and their progress' }).click();
	await expect(page.getByRole('status')).toContainText('Casey and all of their progress were deleted');
	await expect(page.locator('[data-learner="Casey"]')).toHaveCount(0);
	await page.goto('/progress/');
	await expect(page.locator('tr[data-attempt]')).toHaveCount(0);
});

test('a dashboard open in another tab updates when a scenario is finished in this one', async ({ context }) => {
	const dash = await context.newPage();
	await dash.goto('/progress/');
	await expect(dash.getByRole('heading', { name: 'Practise next' })).toBeVisible();
	await expect(dash.locator('tr[data-attempt]')).toHaveCount(0);
	const work = await context.newPage();
	await complete(work, HIPAA);
	// No reload: the other tab hears about the write.
	await expect(dash.locator('tr[data-attempt]')).toHaveCount(1);
	await expect(dash.locator('tr[data-kind="hipaa"] td').first()).toHaveText('1');
});

test('the transcript prints with the learner, their competencies and what it measures', async ({ page }) => {
	await complete(page, HIPAA);
	await page.goto('/progress/transcript/');
	await expect(page.locator('[data-field="learner"]')).toHaveText('Student');
	await expect(page.getByRole('heading', { name: 'Scenarios passed' })).toBeVisible();
	await expect(page.locator('section').filter({ hasText: 'Scenarios passed' })).toContainText(scenario(HIPAA).meta.title);
	expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('.topbar')).toBeHidden();
	await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toBeHidden();
	await expect(page.getByRole('heading', { name: 'What this transcript measures' })).toBeVisible();
	await page.screenshot({ path: test.info().outputPath('transcript-print.png'), fullPage: true });
});

test('the dashboard draws its charts with reduced motion and forced colours, and stays accessible', async ({ page }) => {
	await page.emulateMedia({ reducedMotion: 'reduce', forcedColors: 'active' });
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	await complete(page, HIPAA);
	await page.goto('/progress/');
	await expect(page.locator('.chart canvas')).toHaveCount(2);
	await expect(page.locator('[data-trend-thin]')).toBeVisible();
	await expect(page.locator('.chart .fallback')).toHaveCount(0);
	expect(errors).toEqual([]);
	expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});

/** Dark marks on a canvas, as bounding boxes of connected near-black pixels (the estimate markers are #111). */
function darkMarks(page: Page, canvas: string) {
	return page.locator(canvas).evaluate((c: HTMLCanvasElement) => {
		const { width: w, height: h } = c;
		const px = c.getContext('2d')!.getImageData(0, 0, w, h).data;
		const dark = (i: number) => px[i * 4 + 3]! > 200 && px[i * 4]! < 60 && px[i * 4 + 1]! < 60 && px[i * 4 + 2]! < 60;
		const seen = new Uint8Array(w * h);
		const boxes: { w: number; h: number; onBar: boolean }[] = [];
		// Bar fill (translucent blue over white): blue well above red.
		const bluish = (x: number, y: number) => y >= 0 && y < h && px[(y * w + x) * 4 + 2]! - px[(y * w + x) * 4]! > 40;
		for (let start = 0; start < w * h; start++) {
			if (seen[start] || !dark(start)) continue;
			let [x0, x1, y0, y1] = [w, 0, h, 0];
			const stack = [start];
			seen[start] = 1;
			while (stack.length) {
				const i = stack.pop()!;
				const x = i % w, y = (i - x) / w;
				x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y);
				for (const j of [x > 0 ? i - 1 : -1, x < w - 1 ? i + 1 : -1, i - w, i + w])
					if (j >= 0 && j < w * h && !seen[j] && dark(j)) { seen[j] = 1; stack.push(j); }
			}
			const cx = Math.round((x0 + x1) / 2);
			boxes.push({ w: x1 - x0 + 1, h: y1 - y0 + 1, onBar: bluish(cx, y0 - 3) || bluish(cx, y1 + 3) });
		}
		return boxes;
	});
}

test('the mastery chart marks each estimate with a mark that stands out, and none where there is no evidence', async ({ page }) => {
	await page.emulateMedia({ reducedMotion: 'reduce' });
	await complete(page, HIPAA);
	await page.goto('/progress/');
	await expect(page.locator(`tr[data-domain="${LAW}"] td`).first()).toHaveText(/\d+% \(/);
	const withEvidence = await page.locator('table[data-table="domains"] tbody tr').evaluateAll((rows) => rows.filter((r) => r.querySelector('td')?.textContent?.trim() !== '—').length);
	expect(withEvidence).toBeGreaterThan(0);
	// A marker is a bold horizontal line, at least 28 px wide and 4 px thick, drawn over its domain's range
	// bar, one per domain with evidence (the legend's key is a taller box, so it is not counted).
	await expect.poll(async () => (await darkMarks(page, '.chart canvas >> nth=0')).filter((b) => b.w >= 28 && b.h >= 4 && b.h <= 9 && b.onBar).length).toBe(withEvidence);
});
