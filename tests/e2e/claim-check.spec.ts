/**
 * Issue 16: the gradebook works each score out again from the recorded answers. A result file that
 * claims a pass its answers do not give (edited, seal recomputed) is shown at what it earns and
 * flagged; a big file is opened off the page's thread, once.
 */
import { expect, test } from '@playwright/test';
import { scenario } from './content';
import { bestIntent } from './play';
import { Assignment } from '../../src/lib/assign/assignment';
import { buildResult, sealResult } from '../../src/lib/assign/results';
import { MemoryStore } from '../../src/lib/db/memory-store';
import { beginAttempt, recordAnswer } from '../../src/lib/attempts';
import type { AttemptRecord } from '../../src/lib/db/types';
import type { Input } from '../../src/lib/engine/types';

const S = 'hipaa-caller-says-spouse';

/** Attempts worked in Node with the app's own engine: the first `steps` steps answered best (all when undefined). */
async function worked(learnerId: string, count: number, steps?: number) {
	const s = scenario(S);
	const store = new MemoryStore();
	const at = Date.now() - 3_600_000;
	for (let k = 0; k < count; k++) {
		let { record, state } = await beginAttempt(store, learnerId, s, 11 + k, at + k * 1000);
		for (let n = 1; state.stepId && (steps === undefined || n <= steps); n++) {
			const it = s.steps[state.stepId]!.interaction!;
			const intent = bestIntent(it);
			const input = (
				it.kind === 'choice' ? { kind: 'choice', optionId: intent } : it.kind === 'dialogue' ? { kind: 'dialogue', replyId: intent } : it.kind === 'multi-choice' ? { kind: 'multi-choice', optionIds: intent } : Array.isArray(intent) ? { kind: 'triage', order: intent } : { kind: 'triage', placements: intent }
			) as Input;
			({ record, state } = await recordAnswer(store, record, state, input, at + k * 1000 + n * 60));
		}
	}
	const attempts = await store.listAttempts(learnerId);
	return { attempts, inputs: await store.getInputsOf(attempts.map((a) => a.id)) };
}
const sealed = (assignment: Assignment, learnerId: string, name: string, attempts: AttemptRecord[], inputs: Awaited<ReturnType<typeof worked>>['inputs']) =>
	Buffer.from(sealResult(buildResult({ id: assignment.id, title: assignment.title }, { learnerId, name }, attempts, inputs, Date.now())));

test('a claimed pass the answers do not give is shown at what they earn and flagged; a big file opens in a worker', async ({ page }) => {
	const assignment = Assignment.parse({ format: 'front-desk-simulator/assignment', version: 1, id: 'asg-claims-e2e', title: 'Claims checked', scenarios: [S], createdAt: Date.now() - 86_400_000 });
	await page.goto('/gradebook/');
	await page.getByLabel('or the assignment file').setInputFiles({ name: 'assignment.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(assignment)) });
	await expect(page.locator('[data-assignment-title]')).toContainText('Claims checked');
	const files = page.getByLabel('Drop result files here, or choose them');

	const honest = await worked('l-honest', 1);
	await files.setInputFiles({ name: 'honest.json', mimeType: 'application/json', buffer: sealed(assignment, 'l-honest', 'Hana Honest', honest.attempts, honest.inputs) });
	await expect(page.locator('tr[data-student="Hana Honest"] [data-overall]')).toHaveText('100% pass');
	await expect(page.locator('[data-claims]')).toContainText('Every score claimed in the files matches its answers.');

	// One step answered, then the file edited to say the scenario was finished with full marks.
	const partial = await worked('l-forged', 1, 1);
	const forged = partial.attempts.map((a) => ({ ...a, status: 'passed' as const, score: 1, earned: a.possible, finishedAt: a.updatedAt }));
	await files.setInputFiles({ name: 'forged.json', mimeType: 'application/json', buffer: sealed(assignment, 'l-forged', 'Fred Forged', forged, partial.inputs) });
	const row = page.locator('tr[data-student="Fred Forged"]');
	await expect(row.locator('[data-overall]')).not.toContainText('pass');
	await expect(row.locator('[data-claim-differs]')).toContainText(/^⚠ The file claims 100% \(passed\); its answers give \d+% \(not finished\)\.$/);
	await expect(page.locator('[data-claims]')).toContainText('1 attempt claimed a score its answers do not give');
	// The honest row is untouched.
	await expect(page.locator('tr[data-student="Hana Honest"] [data-claim-differs]')).toHaveCount(0);

	// A file of many attempts (over 256 KB) is opened by a worker, and its scores are still checked.
	const many = await worked('l-many', 300);
	const big = sealed(assignment, 'l-many', 'Mia Many', many.attempts, many.inputs);
	expect(big.length).toBeGreaterThan(256 * 1024);
	const workerStarted = page.waitForEvent('worker');
	await files.setInputFiles({ name: 'many.json', mimeType: 'application/json', buffer: big });
	await workerStarted;
	await expect(page.locator('tr[data-student="Mia Many"] [data-overall]')).toHaveText('100% pass');
	await expect(page.locator('tr[data-student]')).toHaveCount(3);
	await expect(page.locator('[data-claims]')).toContainText('1 attempt claimed a score its answers do not give');

	// The CSV for the LMS carries the check in its last column.
	const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download CSV for the LMS' }).click()]);
	const text = await (await csv.createReadStream()).toArray().then((b) => Buffer.concat(b).toString('utf8'));
	const lines = text.split('\r\n');
	expect(lines[0]).toMatch(/Scores checked by replay$/);
	expect(lines.find((l) => l.startsWith('Fred Forged'))).toMatch(/1 attempt claimed another score than its answers give/);
	expect(lines.find((l) => l.startsWith('Hana Honest'))).toMatch(/,yes$/);

	// A reload reopens the kept files and checks them again: the flag stays.
	await page.reload();
	await expect(page.locator('tr[data-student="Fred Forged"] [data-claim-differs]')).toBeVisible();
});
