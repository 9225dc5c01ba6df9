/**
 * Odd input that used to blank or wedge a page (issue 16): addresses and ids named like Object's own
 * keys, an assignment listing a scenario twice, damaged files with the same name, two students with
 * the same display name, a result file over the size limit.
 */
import { expect, test } from '@playwright/test';
import { deflateRawSync } from 'node:zlib';
import { scenario } from './content';
import { bestIntent } from './play';
import { Assignment } from '../../src/lib/assign/assignment';
import { buildResult, sealResult } from '../../src/lib/assign/results';
import { MemoryStore } from '../../src/lib/db/memory-store';
import { beginAttempt, recordAnswer } from '../../src/lib/attempts';
import type { Input } from '../../src/lib/engine/types';

const S = 'hipaa-caller-says-spouse';

/** JSON packed into a link's fragment as the app packs it, without the app's check (so it can be wrong). */
const fragmentOf = (value: unknown) => `a=${deflateRawSync(Buffer.from(JSON.stringify(value))).toString('base64url')}`;

test('/play/constructor/ and /play/valueOf/ say there is no such scenario', async ({ page }) => {
	for (const id of ['constructor', 'valueOf', 'toString']) {
		await page.goto(`/play/${id}/`);
		await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
		await expect(page.getByText(`There is no scenario "${id}".`)).toBeVisible();
	}
});

test('an imported attempt at scenario "constructor" is named as not in the catalog, on its results and in the progress list', async ({ page }) => {
	const at = Date.now() - 3_600_000;
	const attempt = { id: 'att-odd-constructor', learnerId: 'l-odd', scenarioId: 'constructor', contentHash: 'x', seed: 1, startedAt: at, updatedAt: at + 60_000, finishedAt: at + 60_000, status: 'passed', earned: 1, possible: 1, score: 1, critical: [], evidence: [], inputCount: 0 };
	const file = { format: 'front-desk-simulator/progress', version: 1, exportedAt: new Date().toISOString(), learner: { id: 'l-odd', name: 'Odd', createdAt: at }, attempts: [attempt], inputs: [] };
	await page.goto('/learners/');
	await expect(page.getByLabel('Progress file (.json)')).toBeEnabled();
	await page.getByLabel('Progress file (.json)').setInputFiles({ name: 'odd.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
	await expect(page.getByRole('status')).toContainText('1 new attempt');
	await page.getByRole('button', { name: 'Switch to Odd' }).first().click();
	await page.goto(`/results/?attempt=${attempt.id}`);
	await expect(page.getByRole('alert')).toContainText('The scenario "constructor" is no longer in the catalog.');
	await page.goto('/progress/');
	await expect(page.locator('main')).not.toContainText('function Object');
});

test('an assignment that lists a scenario twice is refused by name, not left "Opening…"', async ({ page }) => {
	const assignment = { format: 'front-desk-simulator/assignment', version: 1, id: 'asg-twice-0001', title: 'Twice', scenarios: [S, S], createdAt: 1 };
	await page.goto(`/assignment/#${fragmentOf(assignment)}`);
	await expect(page.getByRole('alert')).toHaveText(`The assignment has a problem at scenarios: lists "${S}" twice (each scenario once).`);
	await expect(page.getByText('Opening the assignment…')).toHaveCount(0);
});

/** A student's sealed result file, worked in Node with the app's own engine: every step answered best. */
async function resultFile(assignment: Assignment, learnerId: string, name: string): Promise<Buffer> {
	const s = scenario(S);
	const store = new MemoryStore();
	const at = Date.now() - 3_600_000;
	let { record, state } = await beginAttempt(store, learnerId, s, 11, at);
	for (let n = 1; state.stepId; n++) {
		const it = s.steps[state.stepId]!.interaction!;
		const intent = bestIntent(it);
		const input = (
			it.kind === 'choice' ? { kind: 'choice', optionId: intent } : it.kind === 'dialogue' ? { kind: 'dialogue', replyId: intent } : it.kind === 'multi-choice' ? { kind: 'multi-choice', optionIds: intent } : Array.isArray(intent) ? { kind: 'triage', order: intent } : { kind: 'triage', placements: intent }
		) as Input;
		({ record, state } = await recordAnswer(store, record, state, input, at + n * 60_000));
	}
	const attempts = await store.listAttempts(learnerId);
	const result = buildResult({ id: assignment.id, title: assignment.title }, { learnerId, name }, attempts, await store.getInputsOf(attempts.map((a) => a.id)), Date.now());
	return Buffer.from(sealResult(result));
}

test('the gradebook lists two damaged files of one name, replays the second of two students called "Student", and calls a huge file too large', async ({ page }) => {
	const assignment = Assignment.parse({ format: 'front-desk-simulator/assignment', version: 1, id: 'asg-same-name-01', title: 'Same names', scenarios: [S], createdAt: Date.now() - 86_400_000 });
	await page.goto('/gradebook/');
	await page.getByLabel('or the assignment file').setInputFiles({ name: 'assignment.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(assignment)) });
	await expect(page.locator('[data-assignment-title]')).toContainText('Same names');

	const files = page.getByLabel('Drop result files here, or choose them');
	await files.setInputFiles([
		{ name: 'result.json', mimeType: 'application/json', buffer: Buffer.from('not a result') },
		{ name: 'result.json', mimeType: 'application/json', buffer: Buffer.from('not a result either') }
	]);
	const problems = page.getByRole('alert');
	await expect(problems).toContainText('2 files not used');
	await expect(problems.locator('li')).toHaveCount(2);

	// The page still works after them: two students, both "Student", each replayable.
	await files.setInputFiles([
		{ name: 'one.json', mimeType: 'application/json', buffer: await resultFile(assignment, 'l-one', 'Student') },
		{ name: 'two.json', mimeType: 'application/json', buffer: await resultFile(assignment, 'l-two', 'Student') }
	]);
	await expect(page.locator('tr[data-student="Student"]')).toHaveCount(2);
	const replays = page.getByRole('button', { name: /^Replay attempt 1 of Student/ });
	await expect(replays).toHaveCount(2);
	await replays.nth(1).click();
	const replay = page.getByRole('region', { name: /^Replay: Student:/ });
	await expect(replay.locator('section.feedback').first()).toBeVisible();

	await files.setInputFiles({ name: 'huge.json', mimeType: 'application/json', buffer: Buffer.alloc(11 * 2 ** 20, 32) });
	await expect(problems).toContainText('huge.json too large (11.0 MB; a result file is at most 10 MB); not loaded');
});
