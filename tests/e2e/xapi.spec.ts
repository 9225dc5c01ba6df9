import { expect, test, type Browser, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { answer, start } from '../../src/lib/engine';
import type { Statement } from '../../src/lib/lms/xapi';
import type { Shift } from '../../src/lib/content/schema/shift';
import { startLrs } from '../support/lrs.mjs';
import { statementProblem } from '../support/xapi-spec.mjs';
import { learningLockerProblem } from '../support/xapi-validation.mjs';
import { scenario, shift as shiftOf } from './content';
import { letItRun } from './shift-desk';
import { answerByKeyboard, bestIntent, playToEnd } from './play';
import { saveName } from './identity';

const S = 'hipaa-caller-says-spouse';
const KEY = 'course-7-writer';
const SECRET = 'w2L9-qq/secret';
const HOME = 'https://lms.college.example';

/** How many decisions the best path through the scenario takes, from the engine itself. */
function decisionsOnBestPath(): number {
	const s = scenario(S);
	let state = start(s, 1);
	while (state.stepId) {
		const it = s.steps[state.stepId]!.interaction!;
		if (it.kind !== 'choice') throw new Error('this test plays choice steps only');
		state = answer(state, { kind: 'choice', optionId: bestIntent(it) as string }).state;
	}
	return state.outcomes.length;
}

const verbCounts = (statements: readonly Record<string, unknown>[]) => {
	const counts: Record<string, number> = {};
	for (const s of statements) {
		const v = (s.verb as { id: string }).id.replace('http://adlnet.gov/expapi/verbs/', '');
		counts[v] = (counts[v] ?? 0) + 1;
	}
	return counts;
};

const named = (title: string) => new RegExp(title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));

/** The assignment's link; it holds the privacy scenario, or the shift given instead. */
async function buildAssignment(browser: import('@playwright/test').Browser, endpoint: string, secret: string, account: 'student-id' | 'learner-id' = 'student-id', shiftTitle?: string): Promise<string> {
	const teacher = await (await browser.newContext()).newPage();
	await teacher.goto('/assign/');
	await teacher.getByLabel('Title').fill('Week 3: privacy, reported');
	await teacher.getByRole('checkbox', { name: named(shiftTitle ?? scenario(S).meta.title) }).check();
	const lrs = teacher.getByRole('group', { name: 'Report to a learning record store (xAPI), optional' });
	await expect(lrs).toContainText('The key and secret travel inside the assignment to every student');
	await lrs.getByLabel('LRS endpoint').fill(endpoint);
	await lrs.getByLabel('LRS key').fill(KEY);
	await lrs.getByLabel('LRS secret').fill(secret);
	await lrs.getByLabel('College home page for student accounts').fill(HOME);
	await lrs.getByRole('radio', { name: account === 'student-id' ? /The student ID or e-mail each student types/ : /The simulator's own learner id/ }).check();
	expect((await new AxeBuilder({ page: teacher }).analyze()).violations).toEqual([]);
	await teacher.getByRole('button', { name: 'Create the assignment' }).click();
	const link = await teacher.locator('[data-assignment-link]').inputValue();
	await teacher.context().close();
	return link.replace(/^https?:\/\/[^/]+/, '');
}

test('a student works offline; once online every statement reaches the LRS once, valid, and the page says all is sent', async ({ browser }) => {
	test.setTimeout(120_000);
	const lrs = await startLrs({ key: KEY, secret: SECRET });
	try {
		const link = await buildAssignment(browser, lrs.endpoint, SECRET);
		const host = new URL(lrs.endpoint).host;

		const context = await browser.newContext();
		const student = await context.newPage();
		// The Content-Security-Policy must let the app reach the LRS: any violation is collected.
		const violations: string[] = [];
		student.on('console', (m) => {
			if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) violations.push(m.text());
		});
		// While the student works the LRS is out of reach: every request to it fails as a dropped connection does.
		const toLrs = `${lrs.endpoint}**`;
		await context.route(toLrs, (route) => route.abort('internetdisconnected'));
		await student.goto(link);
		await expect(student.getByRole('heading', { name: 'Week 3: privacy, reported' })).toBeVisible();
		const status = student.locator('[data-xapi-status]');
		// Nothing goes under a made-up name: the launch waits for the student's name and the student ID the instructor asked for.
		await expect(status).toContainText(`Reporting to ${host}: 0 sent, 1 waiting. They go once you have saved your name above.`);
		const panel = student.locator('[data-identity]');
		await panel.getByRole('textbox', { name: /^Your name/ }).fill('Ana López');
		await panel.getByRole('button', { name: 'Save my name' }).click();
		await expect(student.getByRole('alert')).toContainText("Type your student ID or e-mail: your instructor's learning record store knows you by it.");
		await saveName(student, 'Ana López', 'S1234567');
		await expect(status).toContainText('The record store did not answer');
		await expect(student.locator('[data-xapi-actor]')).toContainText(`under the name Ana López and the student ID or e-mail S1234567 at ${HOME}`);

		await student.getByRole('link', { name: 'Start' }).click();
		await playToEnd(student, scenario(S));
		await student.goto(link);
		// Two launches, the attempt, each decision, passed, completed.
		const decisions = decisionsOnBestPath();
		const expected = 2 + 1 + decisions + 1 + 1;
		await expect(status).toContainText(`0 sent, ${expected} waiting`);
		expect(lrs.received).toEqual([]);

		// Offline for real: the page says so, and nothing is lost.
		await context.setOffline(true);
		await context.unroute(toLrs);
		await expect(status).toContainText(`0 sent, ${expected} waiting. This computer is offline`);
		expect((await new AxeBuilder({ page: student }).analyze()).violations).toEqual([]);

		// Back online: everything goes, once.
		await context.setOffline(false);
		await expect(status).toContainText(`Reporting to ${host}: ${expected} sent, 0 waiting.`);
		expect(lrs.statements).toHaveLength(expected);
		expect(new Set(lrs.received).size).toBe(lrs.received.length);
		expect(lrs.received).toHaveLength(expected);
		for (const s of lrs.statements) {
			expect(learningLockerProblem(s)).toBeUndefined();
			expect(statementProblem(s)).toBeUndefined();
		}
		expect(verbCounts(lrs.statements)).toEqual({ launched: 2, attempted: 1, answered: decisions, passed: 1, completed: 1 });
		// The answers are the student's: their name and their student ID on the college's home page.
		for (const s of lrs.statements) expect(s.actor).toEqual({ objectType: 'Agent', name: 'Ana López', account: { homePage: HOME, name: 'S1234567' } });

		expect(violations).toEqual([]);

		// A later visit sends nothing again but its own launch.
		await student.reload();
		await expect(status).toContainText(`${expected + 1} sent, 0 waiting.`);
		expect(lrs.received).toHaveLength(expected + 1);
		await context.close();
	} finally {
		await lrs.close();
	}
});

/** A student opens an assignment of one shift that reports to the LRS at `endpoint`, and starts the shift from it. */
async function startAssignedShift(browser: Browser, endpoint: string, shift: Shift): Promise<{ link: string; student: Page }> {
	const link = await buildAssignment(browser, endpoint, SECRET, 'learner-id', shift.meta.title);
	const student = await (await browser.newContext()).newPage();
	await student.goto(link);
	await saveName(student, 'Ana López');
	await student.locator(`tr[data-shift="${shift.meta.id}"]`).getByRole('link', { name: /^Start the shift/ }).click();
	return { link, student };
}

test('a shift worked from the assignment link reaches the LRS: the run attempted, completed and scored, under the assignment', async ({ browser }) => {
	test.setTimeout(120_000);
	const SHIFT = shiftOf('morning-rush');
	const lrs = await startLrs({ key: KEY, secret: SECRET });
	try {
		const { link, student } = await startAssignedShift(browser, lrs.endpoint, SHIFT);
		// The clock runs out with nothing worked: a finished, failed run (and no answers to report).
		await letItRun(student);
		const shiftIri = new RegExp(`/xapi/shift/${SHIFT.meta.id}$`);
		const aboutShift = () => lrs.statements.filter((s) => shiftIri.test((s.object as { id: string }).id));
		// The report page sends the finished run; the student leaves once the LRS has it, maybe before its answer is recorded.
		await expect.poll(() => verbCounts(aboutShift())).toEqual({ attempted: 1, completed: 1, failed: 1 });
		const batchesBeforeLeaving = lrs.batches.length;
		await student.goto(link);
		// Two launches, the run attempted, completed and failed, and the assignment completed (its one part is finished).
		await expect(student.locator('[data-xapi-status]')).toContainText('6 sent, 0 waiting.');
		expect(verbCounts(lrs.statements)).toEqual({ launched: 2, attempted: 1, completed: 2, failed: 1 });
		const completed = aboutShift().find((s) => (s.verb as { id: string }).id.endsWith('/completed')) as unknown as Statement;
		expect(completed.object.definition!.name['en-US']).toBe(SHIFT.meta.title);
		expect(completed.result!.completion).toBe(true);
		expect(completed.result!.score!.scaled).toBeGreaterThanOrEqual(0);
		expect(completed.context.contextActivities!.parent![0]!.id).toMatch(/\/xapi\/assignment\/[^/]+$/);
		// Nothing acknowledged is sent again. Only the last batch before the page was left may be: the page can go between the LRS storing
		// it and its answer being recorded, and a repeated id with the same content changes nothing in an LRS (Communication 2.1.2).
		const maybeUnrecorded = new Set(lrs.batches[batchesBeforeLeaving - 1]);
		const repeated = lrs.received.filter((id, i) => lrs.received.indexOf(id) !== i);
		expect(repeated.filter((id) => !maybeUnrecorded.has(id))).toEqual([]);
		expect(new Set(repeated).size).toBe(repeated.length);
		for (const s of lrs.statements) {
			expect(learningLockerProblem(s)).toBeUndefined();
			expect(statementProblem(s)).toBeUndefined();
		}
	} finally {
		await lrs.close();
	}
});

test('the answers given during a shift reach the LRS dated when each was given, not when the day ended', async ({ browser }) => {
	test.setTimeout(150_000);
	const SHIFT = shiftOf('morning-rush');
	const lrs = await startLrs({ key: KEY, secret: SECRET });
	try {
		const { link, student } = await startAssignedShift(browser, lrs.endpoint, SHIFT);
		const step = student.locator('article.step');
		const feedback = student.locator('section.feedback');
		// At least two answers, and the task in hand finished (the clock can then run), each bracketed by this computer's clock (the browser's is the same one).
		const given: { after: number; before: number }[] = [];
		while (given.length < 2 || (await step.isVisible())) {
			await expect(student.locator('.desk[aria-busy="false"]')).toBeVisible();
			if (await feedback.isVisible()) {
				await feedback.getByRole('button').press('Enter');
				continue;
			}
			if (!(await step.isVisible())) {
				const take = student.locator('.queue li[data-task] .actions button');
				await ((await take.count()) ? take.first() : student.getByRole('button', { name: 'Carry on until something arrives' })).click();
				continue;
			}
			const it = SHIFT.tasks[(await step.getAttribute('data-task'))!.split('#')[0]!]!.steps[(await step.getAttribute('data-step'))!]!.interaction!;
			const after = Date.now();
			// Answers, sees the feedback and continues past it.
			await answerByKeyboard(student, it, bestIntent(it));
			given.push({ after, before: Date.now() });
		}
		const dayGoesOn = Date.now();
		await letItRun(student);
		await student.goto(link);
		const shiftIri = new RegExp(`/xapi/shift/${SHIFT.meta.id}$`);
		// The run's statements share its registration, the one its "attempted" carries.
		const all = () => lrs.statements as unknown as Statement[];
		const ofRun = () => all().filter((s) => s.context.registration === all().find((x) => shiftIri.test(x.object.id))?.context.registration);
		await expect.poll(() => verbCounts(ofRun() as unknown as Record<string, unknown>[])).toMatchObject({ attempted: 1, answered: given.length, completed: 1 });
		const ended = Date.parse(ofRun().find((s) => s.verb.id.endsWith('/completed'))!.timestamp);
		expect(ended).toBeGreaterThanOrEqual(dayGoesOn);
		const answered = ofRun().filter((s) => s.verb.id.endsWith('/answered')).map((s) => Date.parse(s.timestamp)).sort((x, y) => x - y);
		for (const [n, t] of answered.entries()) {
			expect(t).toBeGreaterThanOrEqual(given[n]!.after);
			expect(t).toBeLessThanOrEqual(given[n]!.before);
			expect(t).toBeLessThan(ended);
		}
		for (const s of lrs.statements) {
			expect(learningLockerProblem(s)).toBeUndefined();
			expect(statementProblem(s)).toBeUndefined();
		}
	} finally {
		await lrs.close();
	}
});

test('an LRS that refuses the credentials: the student sees its reason, and nothing is marked sent', async ({ browser }) => {
	const lrs = await startLrs({ key: KEY, secret: SECRET });
	try {
		const link = await buildAssignment(browser, lrs.endpoint, 'not-the-secret', 'learner-id');
		const student = await (await browser.newContext()).newPage();
		await student.goto(link);
		// Accounts by the app's learner id: no student ID is asked for.
		await saveName(student, 'Ana López');
		await expect(student.locator('[data-xapi-refusal]')).toContainText("refused the assignment's key or secret (401: the key or secret is wrong)");
		await expect(student.locator('[data-xapi-status]')).toContainText('0 sent, 1 waiting');
		expect(lrs.statements).toEqual([]);
		expect((await new AxeBuilder({ page: student }).analyze()).violations).toEqual([]);
	} finally {
		await lrs.close();
	}
});

test('the builder names a bad LRS address before making the link', async ({ page }) => {
	await page.goto('/assign/');
	await page.getByLabel('Title').fill('Week 3');
	await page.getByRole('checkbox', { name: new RegExp(scenario(S).meta.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).check();
	await page.getByLabel('LRS endpoint').fill('http://lrs.college.example/xapi/');
	await page.getByLabel('LRS key').fill(KEY);
	await page.getByLabel('LRS secret').fill(SECRET);
	const create = page.getByRole('button', { name: 'Create the assignment' });
	await create.click();
	await expect(page.getByRole('alert')).toContainText("The learning record store's home page is missing: type your college's web address");
	await page.getByLabel('College home page for student accounts').fill(HOME);
	await create.click();
	await expect(page.getByRole('alert')).toContainText("The learning record store's endpoint: must be an https address");
	await page.getByLabel('LRS endpoint').fill('https://lrs.college.example/xapi/');
	await page.getByLabel('College home page for student accounts').fill('https://ana@lms.college.example');
	await create.click();
	await expect(page.getByRole('alert')).toContainText("The learning record store's home page: must be your college's web address");
	await expect(page.locator('[data-assignment-link]')).toHaveCount(0);
});
