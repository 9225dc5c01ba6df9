import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { scenario } from './content';
import { playToEnd } from './play';

// Every page of the app passes axe in the states a person meets it in. Pages another spec already
// scans in the same state are listed below with that spec; this one scans the rest.
const HIPAA = 'hipaa-caller-says-spouse';

/** Routes scanned elsewhere: the spec, and a line of it that reaches the route in that state. */
const SCANNED_ELSEWHERE: Record<string, { spec: string; reaches: string }> = {
	'/assign/': { spec: 'instructor.spec.ts', reaches: "teacher.goto('/assign/')" }, // with a created assignment and its link
	'/assignment/': { spec: 'instructor.spec.ts', reaches: 'student.goto(link' }, // opened from a link, after an attempt
	'/gradebook/': { spec: 'instructor.spec.ts', reaches: "teacher.goto('/gradebook/')" }, // with result files and a replay open
	'/gradebook/student/': { spec: 'instructor.spec.ts', reaches: "name: 'Report for Ana López'" }, // a student's report from kept results
	'/author/': { spec: 'author.spec.ts', reaches: "page.goto('/author/')" }, // with an error shown on its line
	'/author/guide/': { spec: 'assessment.spec.ts', reaches: "name: 'authoring guide'" }, // opened from the author page's warnings
	'/codes/': { spec: 'billing.spec.ts', reaches: "page.goto('/codes/')" }, // with a search and its results
	'/ehr/': { spec: 'ehr.spec.ts', reaches: "page.goto('/ehr/')" }, // a search, then a chart open on each tab
	'/exam/session/': { spec: 'exam.spec.ts', reaches: "getByRole('timer')" }, // a timed exam under way, then its results
	'/progress/transcript/': { spec: 'progress.spec.ts', reaches: "page.goto('/progress/transcript/')" }, // with a passed scenario
	'/shifts/': { spec: 'shift.spec.ts', reaches: "page.goto('/shifts/')" }, // with a run in progress
	'/shift/[id]/': { spec: 'shift.spec.ts', reaches: "name: SHIFT.meta.title" } // the desk with a task open, at both widths, and the report
};

async function expectNoViolations(page: Page, what: string) {
	const { violations } = await new AxeBuilder({ page }).analyze();
	expect(violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`), `axe on ${what}`).toEqual([]);
}

/** The route of each +page.svelte under src/routes: `/`, `/play/[id]/`, … */
function appRoutes(dir = 'src/routes', prefix = '/'): string[] {
	const out: string[] = [];
	for (const name of readdirSync(dir)) {
		const full = join(dir, name);
		if (statSync(full).isDirectory()) out.push(...appRoutes(full, `${prefix}${name}/`));
		else if (name === '+page.svelte') out.push(prefix);
	}
	return out.sort();
}

const scannedHere = ['/', '/play/[id]/', '/results/', '/progress/', '/learners/', '/exam/', '/author/play/', '/lms/'];

test('every route in src/routes is scanned by axe, here or in the spec named for it', () => {
	const missing = appRoutes().filter((r) => !scannedHere.includes(r) && !SCANNED_ELSEWHERE[r]);
	expect(missing, 'routes no spec scans with axe: add them to axe-routes.spec.ts').toEqual([]);
	for (const [route, { spec, reaches }] of Object.entries(SCANNED_ELSEWHERE)) {
		const text = readFileSync(join('tests/e2e', spec), 'utf8');
		expect(text.includes('AxeBuilder') && text.includes(reaches), `${spec} still reaches ${route} (${reaches}) and runs axe`).toBe(true);
	}
});

test("a learner's pages pass axe: catalog, player, results of a real attempt, dashboard, learners, exam prep", async ({ page }) => {
	test.setTimeout(120_000);
	// Before any work: the empty states.
	await page.goto('/');
	await expect(page.locator('nav a[href$="learners/"] strong')).not.toHaveText('…');
	await expectNoViolations(page, 'the catalog');
	await page.goto('/progress/');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^My progress: /);
	await expectNoViolations(page, 'the dashboard with no attempts');
	await page.goto('/exam/');
	await expect(page.getByRole('heading', { name: 'Readiness' })).toBeVisible();
	await expectNoViolations(page, 'exam prep before any exam');

	const s = scenario(HIPAA);
	await page.goto(`/play/${HIPAA}/`);
	await expect(page.locator('article.step')).toBeVisible();
	await expectNoViolations(page, 'the player at its first step');
	await playToEnd(page, s);
	await expect(page.locator('article.ending .result')).toContainText('Passed');
	await expectNoViolations(page, "the player's ending");
	await page.getByRole('link', { name: 'See results and debrief' }).click();
	await expect(page).toHaveURL(/\/results\/\?attempt=/);
	await expect(page.getByRole('heading', { name: 'Step-by-step replay' })).toBeVisible();
	await expectNoViolations(page, 'the results of a real attempt');

	await page.goto('/');
	await expect(page.locator(`[data-scenario="${HIPAA}"] .badge`)).toHaveText('Passed');
	await expectNoViolations(page, 'the catalog with a passed scenario');

	await page.goto('/learners/');
	await page.getByLabel("New learner's name").fill('Jordan');
	await page.getByRole('button', { name: 'Add learner' }).click();
	await expect(page.getByRole('link', { name: 'Learner: Jordan' })).toBeVisible();
	await expect(page.locator('[data-learner]')).toHaveCount(2);
	await expectNoViolations(page, 'the learners page with two learners');
});

test("an authored scenario's player passes axe", async ({ page }) => {
	const source = readFileSync(`content/scenarios/${HIPAA}.md`, 'utf8').replace(`id: ${HIPAA}`, 'id: custom-axe-call');
	await page.goto('/author/');
	await page.getByLabel('Scenario text').fill(source);
	await page.getByRole('button', { name: 'Save and play it' }).click();
	await expect(page).toHaveURL(/\/author\/play\/\?id=custom-axe-call/, { timeout: 30_000 });
	await expect(page.locator('article.step')).toBeVisible();
	await expectNoViolations(page, 'the player of an authored scenario');
});

test('the LMS launch page opened outside an LMS passes axe', async ({ page }) => {
	await page.goto('/lms/');
	await expect(page.getByRole('alert')).toContainText('start page of an LMS package');
	await expectNoViolations(page, 'the LMS launch page outside an LMS');
});

test('the page for an unknown address passes axe', async ({ page }) => {
	const res = await page.goto('/no-such-page/');
	expect(res?.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
	await expect(page).toHaveTitle(/^Page not found/);
	await expectNoViolations(page, 'the not-found page');
});
