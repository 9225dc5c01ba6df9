import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { content, scenario } from './content';
import { answerByKeyboard, bestIntent, playToEnd } from './play';
import { codeSuperbill, submitStep } from './billing';
import { submitBook, toBookSteps, workBook } from './schedule';
import { keyOf, answer } from './exam-keys';
import { billingKeyInput } from '../support/billing-key';
import { startSite, type StaticSite } from '../support/static-site';
import { solveSchedule } from '../../src/lib/engine/schedule-solver';
import { NEXT_RELEASE_POLICY } from '../../scripts/next-release';

// The offline worker is blocked for the rest of the suite (playwright.config.ts); here it runs. Each
// test serves the build itself, so it can stop the host or publish another version.
test.use({ serviceWorkers: 'allow' });

/** The first online visit: the app installed (every page and chunk cached) and serving this page. */
async function installed(page: Page) {
	await page.evaluate(() => navigator.serviceWorker.ready);
	await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
}

async function goOffline(context: BrowserContext, site: StaticSite) {
	await context.setOffline(true);
	// And the host gone too, so nothing can come from the network whatever the emulation covers.
	await site.stop();
}

const CHOICE = 'hipaa-caller-says-spouse';

test('after one online visit the whole app works with the network off: pages, deep links, reloads, scenarios, the schedule book, exams, the code picker', async ({ browser }) => {
	test.setTimeout(120_000);
	const site = await startSite('build');
	const context = await browser.newContext({ baseURL: site.url });
	const page = await context.newPage();
	await page.goto('/');
	await installed(page);
	// The code sets are not part of the install: the learner stores them on the Code sets page.
	await page.goto('/codes/');
	await expect(page.getByRole('button', { name: 'Use code sets offline' })).toBeVisible();
	expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
	await page.getByRole('button', { name: 'Use code sets offline' }).click();
	await expect(page.getByText('The ICD-10-CM and HCPCS lists are stored on this device')).toBeVisible();
	await goOffline(context, site);

	// A reload and the catalog.
	await page.goto('/');
	await page.reload();
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	// The scenario's card (it is on the Start here path too).
	await expect(page.getByRole('link', { name: scenario(CHOICE).meta.title }).last()).toBeVisible();

	// A scenario from start to results, opened by a deep link.
	await page.goto(`/play/${CHOICE}/`);
	await playToEnd(page, scenario(CHOICE));
	await expect(page.locator('article.ending .result')).toContainText('Passed');
	await page.getByRole('link', { name: 'See results and debrief' }).click();
	await expect(page.getByRole('heading', { name: 'Step-by-step replay' })).toBeVisible();
	// The results page's own address (with its ?attempt=) in a new tab, and reloaded.
	const results = await context.newPage();
	await results.goto(page.url());
	await expect(results.getByRole('heading', { name: 'Step-by-step replay' })).toBeVisible();
	await results.reload();
	await expect(results.getByRole('heading', { name: 'Step-by-step replay' })).toBeVisible();
	await results.close();

	// The schedule book: a step worked to full marks.
	const booking = content().scenarios.find((s) => s.steps[Object.keys(s.steps)[0]!]?.interaction?.kind === 'schedule')!;
	await page.goto(`/play/${booking.meta.id}/`);
	const first = booking.steps[(await page.locator('article.step').getAttribute('data-step'))!]!.interaction!;
	if (first.kind !== 'schedule') throw new Error('expected a schedule step first');
	const solution = solveSchedule(first.block);
	if (!solution.ok) throw new Error(solution.why);
	await workBook(page, toBookSteps(first.block, solution.actions));
	await submitBook(page, solution.collected);
	await expect(page.locator('section.feedback')).toHaveAttribute('data-verdict', 'best');

	// A code picker, from the stored code sets.
	const coding = content().scenarios.find((s) => Object.values(s.steps).some((st) => st.interaction?.kind === 'code'))!;
	await page.goto(`/play/${coding.meta.id}/`);
	for (let guard = 0; guard < 10; guard++) {
		const it = coding.steps[(await page.locator('article.step').getAttribute('data-step'))!]!.interaction!;
		if (it.kind === 'code') {
			const input = billingKeyInput(it);
			if (input.kind !== 'code') throw new Error('expected a code input');
			await codeSuperbill(page, input);
			await submitStep(page);
			await expect(page.locator('section.feedback')).toHaveAttribute('data-verdict', 'best');
			break;
		}
		await answerByKeyboard(page, it, bestIntent(it));
	}

	// Exam practice and a mock exam.
	await page.goto('/exam/');
	await page.getByRole('button', { name: 'Start practice' }).click();
	await answer(page, keyOf((await page.locator('article.item').getAttribute('data-item'))!));
	await page.getByRole('button', { name: 'Check the answer' }).click();
	await expect(page.locator('article.item .option.key')).toContainText('Right answer');
	await page.goto('/exam/');
	await page.getByRole('button', { name: 'Short mock exam (25 items)' }).click();
	await expect(page.getByRole('timer')).toBeVisible();
	await expect(page.locator('article.item')).toBeVisible();

	// The dashboard counts the scenario passed offline; the transcript, gradebook and authoring open.
	await page.goto('/progress/');
	await expect(page.getByText(scenario(CHOICE).meta.title).first()).toBeVisible();
	await page.goto('/progress/transcript/');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await page.goto('/gradebook/');
	await expect(page.getByLabel('or the assignment file')).toBeVisible();
	await page.goto('/author/');
	await page.getByLabel('Scenario text').fill(readFileSync(`content/scenarios/${CHOICE}.md`, 'utf8').replace(/^id: .*$/m, 'id: custom-offline-copy'));
	await page.getByRole('button', { name: 'Check it' }).click();
	await expect(page.getByRole('status')).toContainText('passes every check the build makes');

	// An address no page has: the site's own not-found page, not the browser's offline error.
	await page.goto('/no-such-page/');
	await expect(page.getByRole('link', { name: 'Back to the scenarios' })).toBeVisible();
	await context.close();
});

test('the sub-path build installs under its base and works offline there', async ({ browser }) => {
	const site = await startSite('build-sim', '/sim');
	const context = await browser.newContext({ baseURL: site.url });
	const page = await context.newPage();
	await page.goto('./');
	await installed(page);
	expect(await page.evaluate(async () => (await navigator.serviceWorker.ready).scope)).toBe(site.url);
	const manifest = await page.evaluate(async () => {
		const href = document.querySelector<HTMLLinkElement>('link[rel="manifest"]')!.href;
		return { href, json: await (await fetch(href)).json() };
	});
	expect(new URL(manifest.json.start_url, manifest.href).href).toBe(site.url);
	expect(manifest.json.icons.map((i: { sizes: string; purpose: string }) => `${i.sizes} ${i.purpose}`)).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);
	// A code search online: the ICD-10-CM list it fetched is kept without asking.
	const search = async () => {
		await page.getByRole('searchbox', { name: 'Search by code or words' }).fill('E11.9');
		await expect(page.locator('table tr', { hasText: 'E11.9' }).first()).toBeVisible();
	};
	await page.goto('codes/');
	await search();
	await goOffline(context, site);
	await page.reload();
	await expect(page.getByRole('heading', { name: 'Code sets' })).toBeVisible();
	await search();
	await page.goto(`play/${CHOICE}/`);
	await expect(page.locator('article.step')).toBeVisible();
	await context.close();
});

const versionOf = (dir: string) => (JSON.parse(readFileSync(`${dir}/_app/version.json`, 'utf8')) as { version: string }).version;
const current = () => versionOf('build');

/**
 * The next release: the app built a second time (`npm run build:next`, scripts/next-release.ts) with
 * one policy added to the binder. Its chunks that carry the clinic, and those that import them, have
 * new names, so once it is published the host no longer serves what the open old page would load
 * next, as after a real deployment; the scenarios' text is unchanged, so an open attempt resumes.
 */
function nextRelease(): { dir: string; version: string } {
	const dir = 'build-next';
	const stamp = `${dir}/_app/version.json`;
	if (!existsSync(stamp)) throw new Error(`${dir}/ is missing: run \`npm run build:next\` (after \`npm run build\`) before this spec`);
	if (statSync(stamp).mtimeMs < statSync('build/_app/version.json').mtimeMs)
		throw new Error(`${dir}/ is older than build/: run \`npm run build:next\` again, so the next release is this code with its one change`);
	const version = versionOf(dir);
	expect(version, 'build-next is another version than build').not.toBe(current());
	return { dir, version };
}

/** Opens the scenario page's policy binder (its text loads on first opening). */
async function openBinder(page: Page) {
	const binder = page.locator('details.binder');
	await binder.locator('summary').click();
	return binder;
}

const policyCount = () => Object.keys(content().world.clinic.policies).length;

test('a new version is announced, applied only when the learner chooses, and the open attempt carries on', async ({ browser }) => {
	test.setTimeout(90_000);
	const next = nextRelease();

	const site = await startSite('build');
	const context = await browser.newContext({ baseURL: site.url });
	const page = await context.newPage();
	await page.goto('/');
	await installed(page);
	const s = scenario(CHOICE);
	await page.goto(`/play/${CHOICE}/`);
	const firstStep = s.steps[(await page.locator('article.step').getAttribute('data-step'))!]!.interaction!;
	await answerByKeyboard(page, firstStep, bestIntent(firstStep));
	const second = await page.locator('article.step').getAttribute('data-step');

	site.publish(next.dir);
	// The learner reloads mid-attempt: the browser finds the new version, which waits.
	await page.reload();
	await expect(page.getByRole('status').filter({ hasText: 'An update is ready' })).toBeVisible({ timeout: 30_000 });
	await expect(page.locator('article.step')).toHaveAttribute('data-step', second!);
	// Read again if the page is reloading (the update reloads it).
	const cacheNames = () => page.evaluate(() => caches.keys()).catch(() => [] as string[]);
	expect((await cacheNames()).some((n) => n.endsWith(`:app:${current()}`))).toBe(true);
	expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

	// Before updating, the old page still opens what it had not loaded: the binder's text, a file of the
	// old version that the host, now serving the next release, no longer has. It comes from the old
	// version's cache, with the old version's policies.
	const loaded: { path: string; fromWorker: boolean }[] = [];
	page.on('response', (r) => {
		const path = new URL(r.url()).pathname;
		if (path.startsWith('/_app/immutable/')) loaded.push({ path, fromWorker: r.fromServiceWorker() });
	});
	let binder = await openBinder(page);
	await expect(binder.getByRole('status')).toHaveText(`${policyCount()} policies.`);
	await expect(binder.locator('dt', { hasText: NEXT_RELEASE_POLICY.title })).toHaveCount(0);
	expect(loaded.filter((f) => !existsSync(`${next.dir}${f.path}`)), 'the binder loads a file the next release does not have').not.toEqual([]);
	expect(loaded.filter((f) => !f.fromWorker)).toEqual([]);
	await expect(page.getByText('An update is ready')).toBeVisible();
	await expect(page.locator('article.step')).toHaveAttribute('data-step', second!);
	// The notice floats over the page: the step sits where it sits without it (after the update, below).
	const topOfStep = () => page.locator('article.step').evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
	const stepTop = await topOfStep();

	await page.getByRole('button', { name: 'Update now' }).click();
	await expect.poll(cacheNames, { timeout: 20_000 }).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`:app:${next.version}$`))]));
	await expect(page.getByText('An update is ready')).toHaveCount(0);
	// The attempt resumes on the new version at the step it was on, and finishes.
	await expect(page.locator('article.step')).toHaveAttribute('data-step', second!);
	expect(await topOfStep(), 'the update notice did not push the step down').toBeCloseTo(stepTop, 0);
	expect((await cacheNames()).some((n) => n.endsWith(`:app:${current()}`))).toBe(false);
	// The page runs the next release: its binder has the policy the release added.
	binder = await openBinder(page);
	await expect(binder.getByRole('status')).toHaveText(`${policyCount() + 1} policies.`);
	await expect(binder.locator('dt', { hasText: NEXT_RELEASE_POLICY.title })).toBeVisible();
	await playToEnd(page, s);
	await expect(page.locator('article.ending .result')).toContainText('Passed');
	await context.close();
	await site.stop();
});

test('a new version left waiting applies by itself the next time the app is opened', async ({ browser }) => {
	const next = nextRelease();
	const site = await startSite('build');
	const context = await browser.newContext({ baseURL: site.url });
	let page = await context.newPage();
	await page.goto('/');
	await installed(page);
	site.publish(next.dir);
	await page.reload();
	await expect(page.getByText('An update is ready')).toBeVisible({ timeout: 30_000 });
	// Every page of the app closed, then the app opened again.
	await page.close();
	page = await context.newPage();
	await expect
		.poll(async () => {
			await page.goto('/');
			return page.evaluate(async () => (await caches.keys()).filter((n) => n.includes(':app:')));
		}, { timeout: 20_000 })
		.toEqual([expect.stringMatching(new RegExp(`:app:${next.version}$`))]);
	await expect(page.getByText('An update is ready')).toHaveCount(0);
	// A scenario page opened now is the next release's: its binder has the policy the release added.
	await page.goto(`/play/${CHOICE}/`);
	const binder = await openBinder(page);
	await expect(binder.locator('dt', { hasText: NEXT_RELEASE_POLICY.title })).toBeVisible();
	await context.close();
	await site.stop();
});
