import { expect, test, type Frame, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { strFromU8, unzipSync } from 'fflate';
import { scenario, shift as shiftOf } from './content';
import { letItRun } from './shift-desk';
import { answerByKeyboard, bestIntent, playToEnd, type Intent } from './play';
import { startLms, storedForResume } from '../support/lms-harness';
import { readSuspendData } from '../../src/lib/lms/suspend';
import { bestOf } from '../../src/lib/engine/interactions/grader';
import type { Interaction } from '../../src/lib/content/schema/scenario';

// One scenario the learner works badly, one they work well.
const BAD = 'hipaa-caller-says-spouse';
const GOOD = 'hipaa-police-at-the-desk';
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const label = (standard: 'scorm12' | 'scorm2004') => (standard === 'scorm12' ? 'SCORM 1.2' : 'SCORM 2004');

/** The instructor builds an assignment and downloads it as a package for the given standard, and as a file. */
async function exportPackage(page: Page, standard: 'scorm12' | 'scorm2004') {
	await page.goto('/assign/');
	await page.getByLabel('Title').fill('Week 5: privacy in the LMS');
	for (const id of [BAD, GOOD]) await page.getByRole('checkbox', { name: new RegExp(escape(scenario(id).meta.title)) }).check();
	await page.getByRole('button', { name: 'Create the assignment' }).click();
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: `Download ${label(standard)} package` }).click()]);
	await expect(page.locator('[data-packaging]')).toContainText(`Upload it to your LMS as a ${label(standard)} package`);
	const path = test.info().outputPath(download.suggestedFilename());
	await download.saveAs(path);
	expect(download.suggestedFilename()).toBe(`week-5-privacy-in-the-lms-${standard}.zip`);
	const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download the assignment file' }).click()]);
	const assignmentFile = test.info().outputPath('assignment.json');
	await file.saveAs(assignmentFile);
	return { files: unzipSync(readFileSync(path)), assignmentFile };
}

/** The app's frame inside the package's launch page, once it shows the given path. */
async function appFrame(page: Page, path: string): Promise<Frame> {
	await expect.poll(() => page.frames().some((f) => new URL(f.url()).pathname.startsWith(path)), { timeout: 15_000 }).toBe(true);
	return page.frames().find((f) => new URL(f.url()).pathname.startsWith(path))!;
}

/** A wrong answer at every step: an option that is not among the best. */
function worstIntent(interaction: Interaction): Intent {
	if (interaction.kind !== 'choice' && interaction.kind !== 'dialogue') throw new Error(`${interaction.kind}: the bad run only meets choices`);
	const options = interaction.kind === 'choice' ? interaction.block.options : interaction.block.replies;
	const best = bestOf(options);
	return options.find((o) => !best.includes(o.id))!.id;
}

/** Starts a scenario from the assignment page in the SCO and plays it to the end; returns the decisions made. */
async function work(page: Page, id: string, choose: (i: Interaction) => Intent): Promise<number> {
	const list = await appFrame(page, '/course/assignment/');
	await list.locator(`tr[data-scenario="${id}"]`).getByRole('link', { name: 'Start' }).click();
	let decisions = 0;
	await playToEnd(page, scenario(id), (_, i) => (decisions++, choose(i)), await appFrame(page, `/course/play/${id}/`));
	return decisions;
}

/** At the desk: takes the first task that arrives and answers each of its steps with the best answer, up to its last feedback. */
async function workOneTask(page: Page, desk: Frame, shift: ReturnType<typeof shiftOf>) {
	const step = desk.locator('article.step');
	const feedback = desk.locator('section.feedback');
	for (let i = 0; i < 20 && !(await step.isVisible()); i++) {
		await expect(desk.locator('.desk[aria-busy="false"]')).toBeVisible();
		if (await step.isVisible()) break;
		const take = desk.locator('.queue li[data-task] .actions button').first();
		await ((await take.count()) ? take : desk.getByRole('button', { name: /Carry on until something arrives/ })).click();
	}
	for (let i = 0; i < 20; i++) {
		await expect(desk.locator('.desk[aria-busy="false"]')).toBeVisible();
		if (await feedback.isVisible()) {
			await feedback.getByRole('button').press('Enter');
			await expect(feedback).toBeHidden();
			continue;
		}
		if (!(await step.isVisible())) return;
		const task = shift.tasks[(await step.getAttribute('data-task'))!.split('#')[0]!]!;
		const it = task.steps[(await step.getAttribute('data-step'))!]!.interaction!;
		await answerByKeyboard(page, it, bestIntent(it), desk);
	}
}

// The offline worker is allowed here (the suite blocks it elsewhere): the instructor's copy runs with it,
// and the package must run without one.
test.use({ serviceWorkers: 'allow' });

for (const standard of ['scorm2004', 'scorm12'] as const) {
	test(`${standard}: the exported package runs under scorm-again, reports each decision, and resumes from suspend_data`, async ({ browser }) => {
		test.setTimeout(120_000);
		const teacher = await (await browser.newContext()).newPage();
		const { files, assignmentFile } = await exportPackage(teacher, standard);
		const manifest = strFromU8(files['imsmanifest.xml']!);
		expect(manifest).toContain(standard === 'scorm12' ? '<schemaversion>1.2</schemaversion>' : '<schemaversion>2004 4th Edition</schemaversion>');
		const launch = /href="([^"]+)"/.exec(manifest.slice(manifest.indexOf('<resource ')))![1]!;
		expect(launch).toBe('lms/index.html');
		// Every file the manifest lists is in the zip.
		for (const m of manifest.matchAll(/<file href="([^"]+)"/g)) expect(files[decodeURIComponent(m[1]!)], m[1]).toBeDefined();

		// An admin packaging the same assignment file from the repo gets the same package.
		const cli = test.info().outputPath('cli.zip');
		execFileSync(process.execPath, ['--import', 'tsx', 'scripts/package-scorm.ts', assignmentFile, '--version', standard === 'scorm12' ? '1.2' : '2004', '--out', cli]);
		const fromCli = unzipSync(readFileSync(cli));
		expect(Object.keys(fromCli).sort()).toEqual(Object.keys(files).sort());
		expect(strFromU8(fromCli['imsmanifest.xml']!)).toBe(manifest);
		expect(strFromU8(fromCli['lms/assignment.json']!)).toBe(strFromU8(files['lms/assignment.json']!));

		const cmi = (page: Page, path: string) => page.evaluate((p) => p.split('.').reduce((o: any, k) => o?.[k], (window as any).lms.cmi)?.toString(), path);
		const count = (page: Page) => page.evaluate(() => (window as any).lms.cmi.interactions.childArray.length as number);
		/** The objectives as the LMS holds them: id, score, status; and each interaction's objective ids. */
		const objectives = (page: Page) =>
			page.evaluate(() => {
				const cmi = (window as any).lms.renderCMIToJSONObject().cmi;
				const list = Object.values(cmi.objectives ?? {}).filter((o: any) => o && typeof o === 'object' && 'id' in o) as any[];
				const links = (Object.values(cmi.interactions ?? {}) as any[]).flatMap((i) => Object.values(i?.objectives ?? {}).flatMap((o: any) => (o && typeof o === 'object' && 'id' in o ? [o.id as string] : [])));
				return { list: list.map((o) => ({ id: o.id as string, raw: Number(o.score?.raw), status: (o.status ?? o.success_status) as string })), links };
			});
		const location = standard === 'scorm12' ? 'core.lesson_location' : 'location';
		/** What the learner's counted attempts give each competency: the share of its points, over every attempt (as the gradebook reads it). */
		const shares = (page: Page | Frame) =>
			page.evaluate(async () => {
				const open = indexedDB.open('front-desk-simulator');
				const db: IDBDatabase = await new Promise((r) => (open.onsuccess = () => r(open.result)));
				const all: any[] = await new Promise((r) => {
					const q = db.transaction('attempts').objectStore('attempts').getAll();
					q.onsuccess = () => r(q.result);
				});
				const by: Record<string, [number, number]> = {};
				for (const e of all.flatMap((a) => a.evidence)) by[e.competency] = [(by[e.competency]?.[0] ?? 0) + e.earned, (by[e.competency]?.[1] ?? 0) + e.possible];
				return Object.fromEntries(Object.entries(by).map(([c, [earned, possible]]) => [c, earned / possible]));
			});
		const status = standard === 'scorm12' ? 'core.lesson_status' : 'success_status';
		const raw = standard === 'scorm12' ? 'core.score.raw' : 'score.raw';
		/** Closes the SCO as the LMS does when the learner leaves, and returns what the LMS stored. */
		async function close(page: Page) {
			await page.evaluate(() => document.getElementById('sco')!.remove());
			const end = standard === 'scorm12' ? 'LMSFinish' : 'Terminate';
			await expect.poll(() => page.evaluate(() => (window as any).calls as string[])).toContain(end);
			const calls = await page.evaluate(() => (window as any).calls as string[]);
			// One session: one Initialize, one Terminate, with the time spent.
			expect(calls.filter((c) => c === end)).toHaveLength(1);
			expect(calls.filter((c) => c === (standard === 'scorm12' ? 'LMSInitialize' : 'Initialize'))).toHaveLength(1);
			expect(calls.find((c) => c.startsWith(standard === 'scorm12' ? 'cmi.core.session_time=' : 'cmi.session_time='))).toMatch(standard === 'scorm12' ? /=\d{4}:\d\d:\d\d(\.\d\d)?$/ : /=PT[\d.HMS]+$/);
			expect(await page.evaluate(() => (window as any).errors)).toEqual([]);
			return page.evaluate(() => (window as any).lms.renderCMIToJSONObject());
		}

		// First session: one scenario worked badly, one well.
		let stored: Record<string, unknown>;
		let made = 0;
		let score = '';
		let objectivesHeld: { id: string; raw: number; status: string }[] = [];
		{
			const { url, server } = await startLms(standard, files, launch);
			try {
				const page = await (await browser.newContext()).newPage();
				await page.goto(url);
				const sco = page.frameLocator('#sco');
				await expect(sco.locator('[data-lms-status]')).toContainText(`reporting to your LMS (${label(standard)}) as Ada Okonkwo`);
				// The LMS's learner works as their own learner in the app.
				const app = await appFrame(page, '/course/assignment/');
				await expect(app.getByRole('heading', { name: 'Week 5: privacy in the LMS' })).toBeVisible();
				await expect(app.getByRole('navigation', { name: 'Main' })).toContainText('Ada Okonkwo');
				// No offline worker in the LMS's folder: it would go on serving the course after the LMS changed it.
				expect(await app.evaluate(() => navigator.serviceWorker.getRegistrations().then((r) => r.length))).toBe(0);
				expect((await new AxeBuilder({ page }).include('#sco').analyze()).violations).toEqual([]);

				const list = app.url();
				made += await work(page, BAD, worstIntent);
				// The LMS knows which scenario the learner was in.
				await expect.poll(() => cmi(page, location)).toBe(`scenario:${BAD}`);
				await expect(sco.locator('[data-lms-status]')).toContainText('not finished yet (1 of 2 done');
				await expect.poll(() => cmi(page, standard === 'scorm12' ? 'core.lesson_status' : 'completion_status')).toBe('incomplete');
				// Back to the assignment's list, as the learner would reopen it.
				const launchFrame = (await (await page.locator('#sco').elementHandle())!.contentFrame())!;
				await launchFrame.childFrames()[0]!.goto(list);
				made += await work(page, GOOD, bestIntent);
				await expect.poll(() => cmi(page, location)).toBe(`scenario:${GOOD}`);
				await expect(sco.locator('[data-lms-status]')).toContainText('completed, not passed (2 of 2 done; best ');
				await expect.poll(() => cmi(page, status)).toBe('failed');
				if (standard === 'scorm2004') expect(await cmi(page, 'completion_status')).toBe('completed');
				score = (await cmi(page, raw))!;
				// The good run scored 100% and the bad one less: the mean is between 50 and 100.
				expect(Number(score)).toBeGreaterThanOrEqual(50);
				expect(Number(score)).toBeLessThan(100);
				// Every decision is an interaction, with the learner's answer and its result.
				expect(await count(page)).toBe(made);
				// As the LMS stores them (SCORM 1.2 interactions are write-only to the SCO).
				const results = await page.evaluate(() => Object.values((window as any).lms.renderCMIToJSONObject().cmi.interactions).map((i: any) => i.result));
				expect(results).toContain(standard === 'scorm12' ? 'wrong' : 'incorrect');
				expect(results).toContain('correct');
				if (standard === 'scorm12') {
					// A strict 1.2 LMS takes a choice's response and key only as CMIFeedback: characters 0-9 a-z, by commas ({…}: all of them).
					const choices = await page.evaluate(() =>
						(Object.values((window as any).lms.renderCMIToJSONObject().cmi.interactions) as any[])
							.filter((i) => i?.type === 'choice')
							.map((i) => ({ response: String(i.student_response), patterns: (Object.values(i.correct_responses ?? {}) as any[]).flatMap((c) => (c && typeof c === 'object' && 'pattern' in c ? [String(c.pattern)] : [])) }))
					);
					expect(choices.length).toBeGreaterThan(0);
					for (const c of choices) {
						expect(c.response).toMatch(/^[0-9a-z](,[0-9a-z])*$/);
						expect(c.patterns.length).toBeGreaterThan(0);
						for (const p of c.patterns) expect(p).toMatch(/^(\{[0-9a-z](,[0-9a-z])*\}|[0-9a-z](,[0-9a-z])*)$/);
					}
					// The badly worked scenario answered some choice other than its key.
					expect(choices.some((c) => !c.patterns.includes(c.response))).toBe(true);
				}
				// One objective per competency with evidence, scored as the share of its points; every interaction links to one.
				const share = await shares(app);
				const held = await objectives(page);
				const id = (c: string) => (standard === 'scorm12' ? `urn.front-desk-simulator.competency.${c}` : `urn:front-desk-simulator:competency:${c}`);
				expect(held.list.map((o) => o.id).sort()).toEqual(Object.keys(share).map(id).sort());
				for (const [c, x] of Object.entries(share)) {
					const o = held.list.find((o) => o.id === id(c))!;
					expect(o.raw, c).toBeCloseTo(x * 100, 1);
					expect(o.status, c).toBe(x >= 0.8 ? 'passed' : 'failed');
				}
				expect(held.list.some((o) => o.status === 'failed')).toBe(true);
				expect(held.links.length).toBeGreaterThanOrEqual(made);
				for (const link of held.links) expect(held.list.map((o) => o.id)).toContain(link);
				objectivesHeld = held.list;
				stored = await close(page);
				// 1.2: suspend_data counts what this browser got into the LMS (its interactions are write-only to the SCO).
				if (standard === 'scorm12') expect([...readSuspendData({ scenarios: [] }, String((stored as { cmi: Record<string, unknown> }).cmi.suspend_data)).browsers.values()]).toEqual([made]);
			} finally {
				server.close();
			}
		}

		// The SCO reopened on another computer: nothing in this browser, only what the LMS gives back.
		{
			const { url, server } = await startLms(standard, files, launch, storedForResume(standard, stored as { cmi: Record<string, unknown> }));
			try {
				const page = await (await browser.newContext()).newPage();
				await page.goto(url);
				const sco = page.frameLocator('#sco');
				await expect(sco.locator('[data-lms-status]')).toContainText(`Score so far ${Math.round(Number(score))}%, completed, not passed (2 of 2 done; best `);
				// The launch page offers the scenario the learner was last in.
				await expect(sco.getByRole('button', { name: `Continue ${scenario(GOOD).meta.title}` })).toBeVisible();
				expect((await new AxeBuilder({ page }).include('#sco').analyze()).violations).toEqual([]);
				await expect.poll(() => page.evaluate(() => (window as any).calls.some((c: string) => c.startsWith('cmi.suspend_data=')))).toBe(true);
				// Status and score stand; no interaction is written twice.
				expect(await cmi(page, status)).toBe('failed');
				expect(await cmi(page, raw)).toBe(score);
				expect(await count(page)).toBe(made);
				// The objectives stand as they were: none added twice, none lowered by a browser without the work.
				expect((await objectives(page)).list).toEqual(objectivesHeld);
				const again = await close(page);
				// A browser that sent nothing takes no room in suspend_data; the first one's count stands.
				if (standard === 'scorm12') expect([...readSuspendData({ scenarios: [] }, String(again.cmi.suspend_data)).browsers.values()]).toEqual([made]);
			} finally {
				server.close();
			}
		}
	});
}

for (const standard of ['scorm2004', 'scorm12'] as const) {
	test(`${standard}: a package with a shift: the learner works it at the desk inside the LMS, which stores its status and score, and a resume elsewhere keeps them`, async ({ browser }) => {
		test.setTimeout(180_000);
		const SHIFT = shiftOf('morning-rush');
		const v12 = standard === 'scorm12';
		// The data model's own names: SCORM 1.2 has one lesson_status for completion and success, and no progress_measure.
		const at = v12
			? { location: 'core.lesson_location', completion: 'core.lesson_status', raw: 'core.score.raw', init: 'LMSInitialize', end: 'LMSFinish', ids: 'urn.front-desk-simulator.shift.', objectives: 'urn.front-desk-simulator.competency.' }
			: { location: 'location', completion: 'completion_status', raw: 'score.raw', init: 'Initialize', end: 'Terminate', ids: 'urn:front-desk-simulator:shift:', objectives: 'urn:front-desk-simulator:competency:' };
		// What the LMS may store in cmi.suspend_data: CMIString4096 in 1.2, characterstring SPM 64000 in 2004.
		const suspendLimit = v12 ? 4096 : 64000;
		const teacher = await (await browser.newContext()).newPage();
		await teacher.goto('/assign/');
		await teacher.getByLabel('Title').fill('Week 7: the rush, in the LMS');
		await teacher.getByRole('checkbox', { name: new RegExp(escape(SHIFT.meta.title)) }).check();
		await teacher.getByRole('button', { name: 'Create the assignment' }).click();
		const [download] = await Promise.all([teacher.waitForEvent('download'), teacher.getByRole('button', { name: `Download ${label(standard)} package` }).click()]);
		await expect(teacher.locator('[data-packaging]')).toContainText(`Upload it to your LMS as a ${label(standard)} package`);
		const path = test.info().outputPath(download.suggestedFilename());
		await download.saveAs(path);
		const files = unzipSync(readFileSync(path));
		expect(strFromU8(files['imsmanifest.xml']!)).toContain(v12 ? '<schemaversion>1.2</schemaversion>' : '<schemaversion>2004 4th Edition</schemaversion>');
		const cmi = (page: Page, p: string) => page.evaluate((p) => p.split('.').reduce((o: any, k) => o?.[k], (window as any).lms.cmi)?.toString(), p);
		/** The interactions and objectives as the LMS stores them (1.2's interactions are write-only to the SCO, not to the LMS). */
		const held = (page: Page) =>
			page.evaluate(() => {
				const cmi = (window as any).lms.renderCMIToJSONObject().cmi;
				const interactions = (Object.values(cmi.interactions ?? {}) as any[]).filter((i) => i && typeof i === 'object' && 'id' in i);
				const objectives = (Object.values(cmi.objectives ?? {}) as any[]).filter((o) => o && typeof o === 'object' && 'id' in o).map((o) => ({ id: o.id as string, raw: o.score?.raw as string, status: (o.status ?? o.success_status) as string }));
				const links = interactions.flatMap((i) => Object.values(i.objectives ?? {}).flatMap((o: any) => (o && typeof o === 'object' && 'id' in o ? [o.id as string] : [])));
				return { ids: interactions.map((i) => i.id as string), objectives, links };
			});
		/** Closes the SCO as the LMS does when the learner leaves: one session, ended once, with no call refused; returns what the LMS stored. */
		async function close(page: Page) {
			await page.evaluate(() => document.getElementById('sco')!.remove());
			await expect.poll(() => page.evaluate(() => (window as any).calls as string[])).toContain(at.end);
			const calls = await page.evaluate(() => (window as any).calls as string[]);
			expect(calls.filter((c) => c === at.init)).toHaveLength(1);
			expect(calls.filter((c) => c === at.end)).toHaveLength(1);
			expect(await page.evaluate(() => (window as any).errors)).toEqual([]);
			return page.evaluate(() => (window as any).lms.renderCMIToJSONObject()) as Promise<{ cmi: Record<string, any> }>;
		}

		let stored: { cmi: Record<string, any> };
		let reported = '';
		let lms: Awaited<ReturnType<typeof held>>;
		{
			const { url, server } = await startLms(standard, files, 'lms/index.html');
			try {
				const page = await (await browser.newContext()).newPage();
				await page.goto(url);
				const sco = page.frameLocator('#sco');
				await expect(sco.locator('[data-lms-status]')).toContainText(`reporting to your LMS (${label(standard)}) as Ada Okonkwo`);
				await expect(sco.locator('[data-lms-status]')).toContainText('not finished yet (0 of 1 done)');
				const app = await appFrame(page, '/course/assignment/');
				const row = app.locator(`tr[data-shift="${SHIFT.meta.id}"]`);
				await expect(row).toContainText('0 of 3');
				await row.getByRole('link', { name: /^Start the shift/ }).click();
				const desk = await appFrame(page, `/course/shift/${SHIFT.meta.id}/`);
				// The run is the assignment's: its mark, not the shift's own.
				await expect.poll(() => new URL(desk.url()).searchParams.get('assignment')).toBeTruthy();
				// The LMS knows the learner is at the desk, and nothing is complete yet.
				await expect.poll(() => cmi(page, at.location)).toBe(`shift:${SHIFT.meta.id}`);
				expect(await cmi(page, at.completion)).toBe('incomplete');
				// Two tasks worked to their end (the rest left to the clock), so the run has answers from more than one task to report.
				await workOneTask(page, desk, SHIFT);
				await workOneTask(page, desk, SHIFT);
				await letItRun(desk);
				const result = desk.locator('[data-shift-report] [data-result]');
				await expect(result).toContainText('set by the assignment');
				reported = /(\d+)%/.exec(await result.innerText())![1]!;
				const passed = Number(reported) >= 80;
				// The shift is the whole assignment: finishing it completes it, at the run's score.
				if (v12) await expect.poll(() => cmi(page, 'core.lesson_status')).toBe(passed ? 'passed' : 'failed');
				else {
					await expect.poll(() => cmi(page, 'completion_status')).toBe('completed');
					expect(await cmi(page, 'success_status')).toBe(passed ? 'passed' : 'failed');
					expect(await cmi(page, 'progress_measure')).toBe('1');
				}
				expect(Math.round(Number(await cmi(page, at.raw)))).toBe(Number(reported));
				await expect(sco.locator('[data-lms-status]')).toContainText(`Score so far ${reported}%, ${passed ? 'completed and passed' : 'completed, not passed'} (1 of 1 done; best ${reported}%)`);
				// The run's answers are the LMS's interactions, each with its own id and linked to a competency objective the LMS holds.
				await expect.poll(async () => (await held(page)).ids.length).toBeGreaterThanOrEqual(2);
				lms = await held(page);
				// Every answer the shift's report lists ("(n answers)" per task) reaches the LMS once, none left out.
				const answers = (await desk.locator('[data-shift-report] details[data-answers] summary').allInnerTexts()).reduce((n, t) => n + Number(/\((\d+) answers?\)/.exec(t)![1]), 0);
				expect(lms.ids).toHaveLength(answers);
				expect(lms.ids.every((id) => id.startsWith(`${at.ids}${SHIFT.meta.id}${v12 ? '.' : ':'}`))).toBe(true);
				if (v12) for (const id of lms.ids) expect(id, 'a CMIIdentifier').toMatch(/^[A-Za-z0-9._-]{1,255}$/);
				expect(new Set(lms.ids).size).toBe(lms.ids.length);
				expect(lms.objectives.length).toBeGreaterThan(0);
				expect(lms.objectives.every((o) => o.id.startsWith(at.objectives))).toBe(true);
				expect(lms.links.length).toBeGreaterThanOrEqual(lms.ids.length);
				expect(lms.links.every((id) => lms.objectives.some((o) => o.id === id))).toBe(true);
				stored = await close(page);
				// The LMS can keep what the SCO needs to resume.
				expect(String(stored.cmi.suspend_data).length).toBeGreaterThan(0);
				expect(String(stored.cmi.suspend_data).length).toBeLessThanOrEqual(suspendLimit);
				// It names the finished shift and its best, which is all another computer will have of the run.
				expect(Math.round(readSuspendData({ scenarios: [], shifts: [SHIFT.meta.id] }, String(stored.cmi.suspend_data)).shifts.get(0)!.best * 100)).toBe(Number(reported));
			} finally {
				server.close();
			}
		}

		// Another computer: no run in this browser, only what the LMS gives back; the shift still counts.
		{
			const { url, server } = await startLms(standard, files, 'lms/index.html', storedForResume(standard, stored));
			try {
				const page = await (await browser.newContext()).newPage();
				await page.goto(url);
				const sco = page.frameLocator('#sco');
				await expect(sco.locator('[data-lms-status]')).toContainText(`Score so far ${reported}%`);
				await expect(sco.locator('[data-lms-status]')).toContainText(`(1 of 1 done; best ${reported}%)`);
				await expect(sco.getByRole('button', { name: `Continue the shift ${SHIFT.meta.title}` })).toBeVisible();
				await expect.poll(() => page.evaluate(() => (window as any).calls.some((c: string) => c.startsWith('cmi.suspend_data=')))).toBe(true);
				const passed = Number(reported) >= 80;
				expect(await cmi(page, v12 ? 'core.lesson_status' : 'success_status')).toBe(passed ? 'passed' : 'failed');
				if (!v12) expect(await cmi(page, 'completion_status')).toBe('completed');
				expect(Math.round(Number(await cmi(page, at.raw)))).toBe(Number(reported));
				// Nothing written twice, nothing lowered by a browser without the run.
				expect(await held(page)).toEqual(lms!);
				const again = await close(page);
				expect(String(again.cmi.suspend_data).length).toBeLessThanOrEqual(suspendLimit);
			} finally {
				server.close();
			}
		}
	});
}

test('the launch page outside an LMS says what it is for', async ({ page }) => {
	await page.goto('/lms/');
	await expect(page.getByRole('alert')).toContainText('This page is the start page of an LMS package');
});
