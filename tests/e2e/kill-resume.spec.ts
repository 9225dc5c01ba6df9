/**
 * Issue 16, proof that work survives a killed page: one shipped scenario of every interaction kind,
 * and a mock exam, worked in a browser profile that is closed after every step (and mid-step, with
 * unsubmitted work) and opened again on the same profile. Each time the page must come back at the
 * same step, variant (the step's whole text and its option order), score and draft, and the stored
 * attempt must hold each decision once.
 */
import { chromium, expect, test, type BrowserContext, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROME_PATH, CHROMIUM_ARGS } from '../../scripts/chromium';
import { scenario } from './content';
import { answerByKeyboard, bestIntent } from './play';
import { codeSuperbill, fillClaim, postRemittance, submitStep, verifyCoverage } from './billing';
import { submitBook, toBookSteps, workBook } from './schedule';
import { billingKeyInput } from '../support/billing-key';
import { indexKeyInput } from '../support/index-key';
import { reportKeyInput } from '../support/report-key';
import { answerReport, runReportByKeyboard } from './report';
import { fileStack } from './records';
import { decideSets } from './match';
import { matchKeyInput } from '../support/match-key';
import { auditKeyInput } from '../support/audit-key';
import { judgeRows } from './audit';
import { routeItems } from './inbox';
import { inboxKeyInput } from '../support/inbox-key';
import { solveSchedule } from '../../src/lib/engine/schedule-solver';
import type { Scenario } from '../../src/lib/content/schema/scenario';

// Reads like textContent wait for the element without a limit of their own: fail fast instead.
test.use({ actionTimeout: 15_000 });

/** Together these cover every interaction kind: choice, multi-choice, dialogue, triage, schedule, code, claim, remittance, verify, inbox, index, match, audit, report. */
const SCENARIOS = [
	'hipaa-minor-confidential-visit', // choice, dialogue, multi-choice
	'triage-chest-pain-call', // choice, triage; two variants
	'scheduling-double-booked-slot', // choice, schedule
	'coding-lab-only-visit', // choice, code
	'claims-complete-from-superbill', // choice, claim
	'payments-commercial-eob', // choice, remittance, dialogue
	'registration-coverage-ended-check-in', // choice, verify
	'records-monday-fax-queue', // index, choice
	'records-monday-results-inbox', // inbox, choice
	'records-duplicate-charts', // choice, match
	'records-access-audit', // audit, choice
	'records-no-show-report' // report, choice
];

/** A browser profile on disk: each `open` is a new browser on it, each `kill` closes that browser. */
class Profile {
	readonly dir = mkdtempSync(join(tmpdir(), 'fds-profile-'));
	context?: BrowserContext;
	kills = 0;
	constructor(readonly baseURL: string) {}
	async open(path: string): Promise<Page> {
		this.context = await chromium.launchPersistentContext(this.dir, { executablePath: CHROME_PATH, args: CHROMIUM_ARGS, baseURL: this.baseURL, viewport: { width: 1280, height: 900 } });
		const page = this.context.pages()[0] ?? (await this.context.newPage());
		page.on('dialog', (d) => void d.accept());
		await page.goto(path);
		return page;
	}
	async kill(): Promise<void> {
		await this.context?.close();
		this.context = undefined;
		this.kills++;
	}
	dispose() {
		// Chromium may still be writing to the profile as it closes: retry the removal rather than fail the test.
		rmSync(this.dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
	}
}

/** What the stored records say, read straight from IndexedDB. */
async function stored(page: Page): Promise<{ attempts: { id: string; scenarioId: string; inputCount: number; earned: number; possible: number; status: string }[]; logs: { attemptId: string; inputs: { seq: number; stepId: string }[] }[]; drafts: { attemptId: string; stepId: string; work: unknown }[]; exams: { id: string; itemIds: string[]; answers: Record<string, string>; marked: string[]; startedAt: number; submittedAt?: number }[] }> {
	return page.evaluate(
		() =>
			new Promise(async (resolve, reject) => {
				// Nothing stored yet (a first visit stores nothing before the first answer): asking must not create the database.
				if (!(await indexedDB.databases()).some((d) => d.name === 'front-desk-simulator')) return resolve({ attempts: [], logs: [], drafts: [], exams: [] } as never);
				const open = indexedDB.open('front-desk-simulator');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const names = ['attempts', 'inputLogs', 'drafts', 'examSessions'];
					const tx = db.transaction(names, 'readonly');
					const out: Record<string, unknown[]> = {};
					for (const n of names) {
						const r = tx.objectStore(n).getAll();
						r.onsuccess = () => (out[n] = r.result);
					}
					tx.oncomplete = () => {
						db.close();
						resolve({ attempts: out.attempts, logs: out.inputLogs, drafts: out.drafts, exams: out.examSessions } as never);
					};
					tx.onerror = () => reject(tx.error);
				};
			})
	);
}

/** Everything the learner sees of the attempt: the step, its whole text (variant, names, option order), the work in its fields, the score line. */
async function seen(page: Page) {
	const step = page.locator('article.step');
	await expect(step).toBeVisible();
	return {
		attempt: new URL(page.url()).searchParams.get('attempt'),
		step: await step.getAttribute('data-step'),
		// Announcements and the slot the learner happened to be looking at are the moment's view, not work.
		text: await step.evaluate((el) => {
			const copy = el.cloneNode(true) as HTMLElement;
			for (const x of copy.querySelectorAll('[aria-live], .slot-panel')) x.remove();
			return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
		}),
		fields: await step.locator('input, select, textarea').evaluateAll((els) => els.map((e) => (e instanceof HTMLInputElement && (e.type === 'checkbox' || e.type === 'radio') ? e.checked : (e as HTMLInputElement).value))),
		progress: await page.locator('progress[aria-label="Decisions made"] + span').textContent().catch(() => null)
	};
}

/** Each attempt holds each decision once, numbered 0..n-1, and the summary counts exactly those. */
function expectNoDuplicates(data: Awaited<ReturnType<typeof stored>>, scenarioId: string, decisions: number) {
	const attempts = data.attempts.filter((a) => a.scenarioId === scenarioId);
	// Before its first answer (or draft) an attempt is not stored: the page finds the same one again from
	// what it kept (seen() compares the attempt's id, variant and option order).
	if (decisions === 0 && attempts.length === 0) return;
	expect(attempts, 'one attempt, never a second one opened by a restart').toHaveLength(1);
	const log = data.logs.find((l) => l.attemptId === attempts[0]!.id)?.inputs ?? [];
	expect(log.map((i) => i.seq)).toEqual(Array.from({ length: decisions }, (_, i) => i));
	expect(new Set(log.map((i) => i.stepId)).size, 'no step answered twice').toBe(log.length);
	expect(attempts[0]!.inputCount).toBe(decisions);
}

/** Waits until the step's draft is stored and stops changing, as it is a moment after the last edit. */
async function draftSettled(page: Page, stepId: string) {
	let last = '';
	await expect
		.poll(async () => {
			const d = (await stored(page)).drafts.find((x) => x.stepId === stepId);
			const now = JSON.stringify(d?.work ?? null);
			const same = d !== undefined && now === last;
			last = now;
			return same;
		}, { intervals: [250] })
		.toBe(true);
}

/**
 * Kills the browser and opens the scenario again: from its plain address while the attempt is
 * unfinished (it must find the same attempt), from the attempt's address once it has ended.
 */
async function killAndResume(profile: Profile, page: Page, s: Scenario, decisions: number): Promise<Page> {
	const before = await seen(page);
	const ended = !s.steps[before.step!]?.interaction;
	await profile.kill();
	const again = await profile.open(ended ? `/play/${s.meta.id}/?attempt=${before.attempt}` : `/play/${s.meta.id}/`);
	await expect(again.locator('article.step')).toHaveAttribute('data-step', before.step!);
	await expect.poll(() => seen(again)).toEqual(before);
	expectNoDuplicates(await stored(again), s.meta.id, decisions);
	return again;
}

for (const id of SCENARIOS)
	test(`${id}: killed after every step and mid-step, it resumes at the same step, variant, score and draft, nothing duplicated`, async ({ baseURL }) => {
		test.setTimeout(180_000);
		const s = scenario(id);
		const profile = new Profile(baseURL!);
		try {
			let page = await profile.open(`/play/${s.meta.id}/`);
			await expect(page.locator('article.step')).toHaveAttribute('data-step', s.meta.start);
			await expect.poll(() => new URL(page.url()).searchParams.get('attempt')).not.toBeNull();
			// Killed before the first decision: the same attempt (seed, variant, option order) comes back.
			page = await killAndResume(profile, page, s, 0);
			let decisions = 0;
			for (let guard = 0; guard < 20; guard++) {
				const stepId = (await page.locator('article.step').getAttribute('data-step'))!;
				const it = s.steps[stepId]?.interaction;
				if (!it) break;
				if (it.kind === 'schedule') {
					const solution = solveSchedule(it.block);
					if (!solution.ok) throw new Error(`no full-mark book: ${solution.why}`);
					const steps = toBookSteps(it.block, solution.actions);
					const half = Math.ceil(steps.length / 2);
					await workBook(page, steps.slice(0, half));
					await draftSettled(page, stepId);
					page = await killAndResume(profile, page, s, decisions);
					await expect(page.locator('.log li')).toHaveCount(half);
					await workBook(page, steps.slice(half));
					await submitBook(page, solution.collected);
					await page.keyboard.press('Enter');
				} else if (it.kind === 'code' || it.kind === 'claim' || it.kind === 'remittance' || it.kind === 'verify') {
					const input = billingKeyInput(it);
					if (input.kind === 'code') {
						await codeSuperbill(page, input, { part: 'diagnoses' });
						await draftSettled(page, stepId);
						page = await killAndResume(profile, page, s, decisions);
						await expect(page.locator('ol.dx li')).toHaveCount(input.diagnoses.length);
						await codeSuperbill(page, input, { part: 'lines' });
					} else {
						if (input.kind === 'claim') await fillClaim(page, input.fields);
						else if (input.kind === 'remittance') await postRemittance(page, input);
						else if (input.kind === 'verify' && it.kind === 'verify') await verifyCoverage(page, it, input);
						await draftSettled(page, stepId);
						page = await killAndResume(profile, page, s, decisions);
					}
					await submitStep(page);
					await expect(page.locator('section.feedback')).toHaveAttribute('data-verdict', 'best');
					await page.keyboard.press('Enter');
				} else if (it.kind === 'inbox') {
					const { items } = inboxKeyInput(it);
					const half = Math.ceil(it.block.items.length / 2);
					await routeItems(page, it, items, 0, half);
					await draftSettled(page, stepId);
					page = await killAndResume(profile, page, s, decisions);
					await expect(page.locator('.inbox .count')).toHaveText(`${half} of ${it.block.items.length} routed`);
					await routeItems(page, it, items, half);
					await submitStep(page);
					await expect(page.locator('section.feedback')).toHaveAttribute('data-verdict', 'best');
					await page.keyboard.press('Enter');
				} else if (it.kind === 'index') {
					const input = indexKeyInput(it);
					const order = await page.locator('[data-document]').evaluateAll((els) => els.map((e) => e.getAttribute('data-document')!));
					const half = Math.ceil(order.length / 2);
					await fileStack(page, it, input, order.slice(0, half));
					await draftSettled(page, stepId);
					page = await killAndResume(profile, page, s, decisions);
					await expect(page.locator('p.stack-count')).toHaveText(`${half} of ${order.length} pages handled.`);
					await fileStack(page, it, input, order.slice(half));
					await submitStep(page);
					await expect(page.locator('section.feedback')).toHaveAttribute('data-verdict', 'best');
					await page.keyboard.press('Enter');
				} else if (it.kind === 'match') {
					const input = matchKeyInput(it);
					const order = await page.locator('[data-pair]').evaluateAll((els) => els.map((e) => e.getAttribute('data-pair')!));
					const half = Math.ceil(order.length / 2);
					await decideSets(page, it, input, order.slice(0, half));
					await draftSettled(page, stepId);
					page = await killAndResume(profile, page, s, decisions);
					await expect(page.locator('p.match-count')).toHaveText(`${half} of ${order.length} sets decided.`);
					await decideSets(page, it, input, order.slice(half));
					await submitStep(page);
					await expect(page.locator('section.feedback')).toHaveAttribute('data-verdict', 'best');
					await page.keyboard.press('Enter');
				} else if (it.kind === 'audit') {
					const input = auditKeyInput(it);
					const order = await page.locator('[data-row]').evaluateAll((els) => els.map((e) => e.getAttribute('data-row')!));
					const half = Math.ceil(order.length / 2);
					await judgeRows(page, it, input, order.slice(0, half));
					await draftSettled(page, stepId);
					page = await killAndResume(profile, page, s, decisions);
					await expect(page.locator('p.audit-count')).toHaveText(`${half} of ${order.length} rows judged`);
					await judgeRows(page, it, input, order.slice(half));
					await submitStep(page);
					await expect(page.locator('section.feedback')).toHaveAttribute('data-verdict', 'best');
					await page.keyboard.press('Enter');
				} else if (it.kind === 'report') {
					const input = reportKeyInput(it);
					const ids = it.block.questions.map((q) => q.id);
					await runReportByKeyboard(page, input);
					await answerReport(page, it, input, ids.slice(0, 1));
					await draftSettled(page, stepId);
					page = await killAndResume(profile, page, s, decisions);
					await expect(page.locator('section.result table')).toBeVisible();
					await answerReport(page, it, input, ids.slice(1));
					await submitStep(page);
					await expect(page.locator('section.feedback')).toHaveAttribute('data-verdict', 'best');
					await page.keyboard.press('Enter');
				} else await answerByKeyboard(page, it, bestIntent(it));
				decisions++;
				// The decision was shown as saved: killed now, the page resumes after it.
				page = await killAndResume(profile, page, s, decisions);
				expect((await stored(page)).drafts.filter((d) => d.stepId === stepId), "a submitted step's draft is gone").toEqual([]);
			}
			await expect(page.locator('article.ending .result')).toContainText('Passed');
			const finished = (await stored(page)).attempts.filter((a) => a.scenarioId === s.meta.id);
			expect(finished.map((a) => a.status)).toEqual(['passed']);
			expect(profile.kills).toBeGreaterThan(decisions);
		} finally {
			await profile.kill();
			profile.dispose();
		}
	});

test('a mock exam killed after starting, answering, changing an answer, marking and submitting resumes with the same questions, answers, marks and clock', async ({ baseURL }) => {
	test.setTimeout(180_000);
	const profile = new Profile(baseURL!);
	const legend = (page: Page) => page.locator('.navigator .legend');
	const navigator = (page: Page) => page.locator('.navigator button').evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-label')));
	const goTo = async (page: Page, n: number) => {
		await page.getByRole('button', { name: new RegExp(`^Question ${n},`) }).click();
		await expect(page.locator('article.item h2')).toHaveText(new RegExp(`^Question ${n} of`));
	};
	try {
		let page = await profile.open('/exam/');
		await page.getByRole('button', { name: 'Short mock exam (25 items)' }).click();
		await expect(page.getByRole('timer')).toBeVisible();
		const url = new URL(page.url());
		const address = url.pathname + url.search;
		const sessionId = url.searchParams.get('id');
		const first = (await stored(page)).exams.find((e) => e.id === sessionId)!;
		expect(first.itemIds).toHaveLength(25);

		/** Kills the browser, opens the session's address again, and checks it is the same exam as it was. */
		const killAndResume = async (n: number) => {
			const before = (await stored(page)).exams;
			expect(before.filter((e) => e.id === sessionId)).toHaveLength(1);
			const submitted = before.find((e) => e.id === sessionId)!.submittedAt !== undefined;
			const labels = submitted ? [] : await navigator(page);
			const shown = submitted ? '' : await legend(page).textContent();
			const remaining = submitted ? NaN : Number(await page.getByRole('timer').getAttribute('data-remaining'));
			await profile.kill();
			page = await profile.open(address);
			expect((await stored(page)).exams, 'the stored sessions, unchanged by the restart').toEqual(before);
			if (submitted) return;
			await expect(page.getByRole('timer')).toBeVisible();
			await expect(legend(page)).toHaveText(shown!);
			expect(await navigator(page)).toEqual(labels);
			// The clock runs from the stored start: no time given back, none lost beyond the restart.
			const after = Number(await page.getByRole('timer').getAttribute('data-remaining'));
			expect(after).toBeLessThanOrEqual(remaining);
			expect(after).toBeGreaterThan(remaining - 30);
			await goTo(page, n);
		};

		await killAndResume(1);
		const answers: Record<string, string> = {};
		for (let n = 1; n <= 25; n++) {
			await goTo(page, n);
			const id = (await page.locator('article.item').getAttribute('data-item'))!;
			expect(id).toBe(first.itemIds[n - 1]);
			const letter = 'abcd'[n % 4]!;
			await page.locator(`article.item [data-option="${letter}"] input`).click();
			answers[id] = letter;
			await expect(legend(page)).toContainText(`${n} answered`);
			// Killed after each of the first answers, then every fifth.
			if (n <= 3 || n % 5 === 0) await killAndResume(n);
			if (n === 2) {
				// A changed answer, then a mark, each killed once shown.
				await page.locator('article.item [data-option="d"] input').click();
				answers[id] = 'd';
				await expect(page.locator('article.item [data-option="d"] input')).toBeChecked();
				await expect.poll(async () => (await stored(page)).exams.find((e) => e.id === sessionId)!.answers[id]).toBe('d');
				await killAndResume(n);
				await expect(page.locator('article.item [data-option="d"] input')).toBeChecked();
				await page.getByRole('checkbox', { name: /mark/i }).check();
				await expect(legend(page)).toContainText('1 marked');
				await killAndResume(n);
				await expect(page.getByRole('checkbox', { name: /mark/i })).toBeChecked();
			}
		}
		const kept = (await stored(page)).exams.find((e) => e.id === sessionId)!;
		expect(kept.answers).toEqual(answers);
		expect(kept.marked).toEqual([first.itemIds[1]]);
		expect(kept.startedAt).toBe(first.startedAt);

		await page.getByRole('button', { name: 'Submit the exam' }).click();
		await expect(page.getByRole('heading', { name: 'Results' })).toBeVisible();
		const score = await page.locator('.score').textContent();
		await killAndResume(1);
		await expect(page.getByRole('heading', { name: 'Results' })).toBeVisible();
		await expect(page.locator('.score')).toHaveText(score!);
		const done = (await stored(page)).exams.filter((e) => e.id === sessionId);
		expect(done).toHaveLength(1);
		expect(done[0]!.answers).toEqual(answers);
		expect(done[0]!.submittedAt).toBeGreaterThanOrEqual(first.startedAt);
	} finally {
		await profile.kill();
		profile.dispose();
	}
});
