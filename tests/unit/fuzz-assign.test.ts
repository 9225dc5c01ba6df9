/**
 * Fuzzing what instructors and students hand each other: assignment links and files
 * (decodeAssignment), sealed result files (openResult) and a gradebook's pile of them (loadResults).
 * Never an exception; a refusal says what is wrong and where; what is accepted round-trips.
 * Seed: tests/support/fuzz.ts.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { Assignment, decodeAssignment, encodeAssignment, MAX_ASSIGNMENT_FILE_CHARS, MAX_FRAGMENT_CHARS } from '../../src/lib/assign/assignment';
import { buildResult, MAX_RESULT_BYTES, openResult, sealResult, type StudentResult } from '../../src/lib/assign/results';
import { aggregate, loadResults } from '../../src/lib/assign/gradebook';
import { sha256Hex } from '../../src/lib/assign/sha256';
import { MemoryStore } from '../../src/lib/db';
import { beginAttempt, recordAnswer } from '../../src/lib/attempts';
import { mustParse, VALID } from './fixtures';
import { announceSeed, fuzzSummary, applyEdit, deepArray, isSpecific, mutatedTree, prototypesClean, runs, textEdit, toText } from '../support/fuzz';

const scenario = mustParse(VALID);
const customSource = readFileSync('content/scenarios/hipaa-caller-says-spouse.md', 'utf8').replace('id: hipaa-caller-says-spouse', 'id: custom-spouse-call');

const assignment = Assignment.parse({
	format: 'front-desk-simulator/assignment',
	version: 1,
	id: 'asg-2026-fall-01',
	title: 'Week 3: privacy at the desk',
	instructions: 'Work both scenarios **before Friday**, then [read the policy](https://example.org/policy).',
	scenarios: [scenario.meta.id, 'custom-spouse-call'],
	custom: [{ id: 'custom-spouse-call', source: customSource }],
	exam: { framework: 'cmaa', items: 10 },
	due: '2026-11-27',
	attemptsAllowed: 2,
	passMark: 0.8,
	feedback: 'after-submission',
	createdAt: 1
});
const plain: Assignment = { ...assignment, exam: undefined, custom: [], scenarios: [scenario.meta.id] };

async function resultFor(name: string, learnerId: string, choice: string, at = Date.UTC(2026, 10, 24), forAssignment: Pick<Assignment, 'id' | 'title'> = assignment): Promise<StudentResult> {
	const store = new MemoryStore();
	let a = await beginAttempt(store, learnerId, scenario, 7, at);
	a = { ...a, ...(await recordAnswer(store, a.record, a.state, { kind: 'choice', optionId: choice }, at + 60_000)) };
	if (a.state.stepId) a = { ...a, ...(await recordAnswer(store, a.record, a.state, { kind: 'multi-choice', optionIds: ['a', 'c'] }, at + 120_000)) };
	const attempts = await store.listAttempts(learnerId);
	const exam = { id: `exam-${learnerId}`, learnerId, mode: 'mock' as const, framework: 'cmaa', title: 'Assignment exam', itemIds: ['q1', 'q2'], answers: { q1: 'a' as const }, marked: [], startedAt: at, durationMs: 600_000, submittedAt: at + 300_000, answeredAt: { q1: at + 1_000 }, assignmentId: forAssignment.id };
	return buildResult({ id: forAssignment.id, title: forAssignment.title }, { learnerId, name }, attempts, await store.getInputsOf(attempts.map((x) => x.id)), at + 180_000, [exam]);
}

/** The text of a result file sealed the way the app seals one, whatever the body holds. */
const seal = (body: string) => `{"checksum":"${sha256Hex(body)}","result":${body}}`;

/** Any text as a link fragment: deflated and base64url, as encodeAssignment does. */
async function asFragment(text: string): Promise<string> {
	const out = new Response(new Blob([new TextEncoder().encode(text)]).stream().pipeThrough(new CompressionStream('deflate-raw')));
	const bytes = new Uint8Array(await out.arrayBuffer());
	let bin = '';
	for (const b of bytes) bin += String.fromCharCode(b);
	return `a=${btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
}

/** "a problem at X" names the damaged field, something inside it, or the object holding it. */
function pointsAt(error: string, path: (string | number)[]): boolean {
	const at = /problem at (\S+?|the top level):/.exec(error)?.[1];
	if (!at || at === 'the top level' || !path.length) return true;
	const damaged = path.join('.');
	return [at, damaged].some((x, i) => {
		const y = i ? at : damaged;
		return x === y || (x.startsWith(y) && x[y.length] === '.');
	});
}

let sample: StudentResult;
let sealed: string;
let link: string;
beforeAll(async () => {
	announceSeed('fuzz-assign');
	sample = await resultFor('Ana Lopez', 'l-ana', 'good');
	sealed = sealResult(sample);
	link = await encodeAssignment(assignment);
});

afterAll(() => fuzzSummary('fuzz-assign'));

describe('assignment links and files: hostile input', () => {
	it('the samples are valid: the link and the file give back the assignment', async () => {
		expect(await decodeAssignment(`#${link}`)).toEqual({ ok: true, assignment });
		expect(await decodeAssignment(JSON.stringify(assignment))).toEqual({ ok: true, assignment });
	});

	it('arbitrary text, fragments and JSON never throw, and each refusal says what is wrong', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.oneof(
					fc.string({ unit: 'binary', maxLength: 200 }),
					fc.string({ unit: fc.constantFrom(...'ABCabc019-_=+/#%'), maxLength: 300 }).map((s) => `#a=${s}`),
					fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v) ?? ''),
					fc.json().map((j) => `{"format":"front-desk-simulator/assignment","version":1,"x":${j}}`)
				),
				async (text) => {
					const r = await decodeAssignment(text);
					if (!r.ok) expect(isSpecific(r.error), r.error).toBe(true);
					expect(prototypesClean()).toBe(true);
				}
			),
			runs(500)
		);
	});

	it('a damaged link (flipped, cut, padded, odd characters) is refused by name or decodes to a valid assignment', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(textEdit(link.length), { minLength: 1, maxLength: 2 }), async (edits) => {
				const damaged = edits.reduce(applyEdit, link);
				const r = await decodeAssignment(`#${damaged}`);
				if (!r.ok) return void expect(isSpecific(r.error), r.error).toBe(true);
				expect(await decodeAssignment(`#${await encodeAssignment(r.assignment)}`)).toEqual(r);
			}),
			runs(400)
		);
	});

	it('a damaged assignment (every path: wrong type, missing, extra, duplicate or prototype key, NaN, huge, deep), as a file or packed in a link, is refused where the damage is', async () => {
		await fc.assert(
			fc.asyncProperty(mutatedTree(assignment), fc.boolean(), async ({ path, tree }, packed) => {
				const text = toText(tree);
				const r = await decodeAssignment(packed ? `#${await asFragment(text)}` : text);
				expect(prototypesClean()).toBe(true);
				if (!r.ok) {
					expect(isSpecific(r.error), r.error).toBe(true);
					expect(pointsAt(r.error, path), `${r.error} (damaged ${path.join('.')})`).toBe(true);
					return;
				}
				expect(Assignment.safeParse(r.assignment).success).toBe(true);
				expect(await decodeAssignment(JSON.stringify(r.assignment))).toEqual(r);
			}),
			runs(700)
		);
	});

	it('instructions carrying raw HTML are refused by name, whatever the tag', async () => {
		await fc.assert(
			fc.asyncProperty(fc.constantFrom('<script>x</script>', '<img src=x onerror=alert(1)>', '<svg onload=alert(1)>', '<iframe srcdoc="x">', '<a href="javascript:alert(1)">x</a>', '<style>*{}</style>', '<meta http-equiv="refresh" content="0;url=https://evil.example">', '<form action="https://evil.example">', '<!-- -->', '</p>'), fc.string({ maxLength: 40 }), async (tag, around) => {
				const r = await decodeAssignment(JSON.stringify({ ...assignment, instructions: `${around}${tag}${around}` }));
				expect(r).toEqual({ ok: false, error: 'The assignment has a problem at instructions: must not contain HTML markup (use Markdown).' });
			}),
			runs(100)
		);
	});

	it('regressions: a link that unpacks to gigabytes, a file bigger than a link may be, a deep version', async () => {
		// 5 MB of zeros deflates to about 5 KB: a short link must not unpack all of it.
		const bomb = await asFragment(`{"format":"front-desk-simulator/assignment","version":1,"title":"${'0'.repeat(5 * 2 ** 20)}"}`);
		expect(bomb.length).toBeLessThan(MAX_FRAGMENT_CHARS);
		expect(await decodeAssignment(`#${bomb}`)).toEqual({ ok: false, error: `The assignment link unpacks to more than ${MAX_ASSIGNMENT_FILE_CHARS} characters, more than any assignment holds: it is not one.` });
		// Two long carried scenarios: too long for a link, fine as a file.
		const long = customSource + `\n<!-- ${'x'.repeat(150_000)} -->\n`.replace(/[<>!-]/g, '');
		const big = { ...assignment, scenarios: [...assignment.scenarios, 'custom-b'], custom: [{ id: 'custom-spouse-call', source: long }, { id: 'custom-b', source: long.replace('custom-spouse-call', 'custom-b') }] };
		expect(JSON.stringify(big).length).toBeGreaterThan(MAX_FRAGMENT_CHARS);
		expect(await decodeAssignment(JSON.stringify(big))).toMatchObject({ ok: true });
		expect(await decodeAssignment('{' + ' '.repeat(MAX_ASSIGNMENT_FILE_CHARS) + '}')).toEqual({ ok: false, error: `The assignment file is ${MAX_ASSIGNMENT_FILE_CHARS + 2} characters long; at most ${MAX_ASSIGNMENT_FILE_CHARS} are read.` });
		// A version nested 100,000 deep used to overflow JSON.stringify while writing the message.
		expect(await decodeAssignment(`{"format":"front-desk-simulator/assignment","version":${deepArray(100_000).text}}`)).toMatchObject({ ok: false, error: expect.stringContaining('format version a list') });
	});
});

describe('result files: hostile input', () => {
	it('the sample opens as it was written', () => {
		expect(openResult(sealed)).toEqual({ ok: true, result: sample, checksum: sha256Hex(JSON.stringify(sample)) });
	});

	it('arbitrary text never throws, and each refusal says what is wrong', () => {
		fc.assert(
			fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.jsonValue({ maxDepth: 4 }).map((v) => seal(JSON.stringify(v) ?? 'null')), fc.string({ maxLength: 64 }).map((s) => `{"checksum":"${s}","result":{}}`)), (text) => {
				const r = openResult(text);
				expect(r.ok).toBe(false);
				if (!r.ok) expect(isSpecific(r.error), r.error).toBe(true);
			}),
			runs(500)
		);
	});

	it('any change to a sealed file, even one character, is refused', () => {
		fc.assert(
			fc.property(fc.array(textEdit(sealed.length), { minLength: 1, maxLength: 3 }), (edits) => {
				const text = edits.reduce(applyEdit, sealed);
				const r = openResult(text);
				if (text === sealed) return void expect(r.ok).toBe(true);
				expect(r.ok).toBe(false);
				if (!r.ok) expect(r.error).toMatch(/checksum does not match|not a sealed result file|too large/);
			}),
			runs(500)
		);
	});

	it('a resealed file with damage anywhere (a student who recomputes the checksum) is refused where the damage is, or opens whole', () => {
		fc.assert(
			fc.property(mutatedTree(sample), ({ path, tree }) => {
				const r = openResult(seal(toText(tree)));
				expect(prototypesClean()).toBe(true);
				if (!r.ok) {
					expect(isSpecific(r.error), r.error).toBe(true);
					expect(pointsAt(r.error, path), `${r.error} (damaged ${path.join('.')})`).toBe(true);
					return;
				}
				expect(openResult(sealResult(r.result))).toMatchObject({ ok: true, result: r.result });
			}),
			runs(800)
		);
	});

	it('a file over the size limit is refused by its size, before it is read or hashed', () => {
		expect(openResult('', MAX_RESULT_BYTES + 1)).toEqual({ ok: false, error: `too large (10.1 MB; a result file is at most ${MAX_RESULT_BYTES / 2 ** 20} MB)` });
		expect(loadResults(plain, [{ name: 'huge.json', text: '', bytes: 30 * 2 ** 20 }]).problems).toEqual([{ file: 'huge.json', problem: 'too large (30.0 MB; a result file is at most 10 MB); not loaded' }]);
	});

	it('regression: a decision of an unknown kind is named by its kind, not "Invalid input"', () => {
		const body = JSON.parse(JSON.stringify(sample)) as { inputs: { input: { kind: string } }[] };
		body.inputs[0]!.input.kind = 'sql';
		expect(openResult(seal(JSON.stringify(body)))).toMatchObject({ ok: false, error: expect.stringMatching(/^has a problem at inputs\.0\.input\.kind: must be one of "choice", "multi-choice"/) });
	});
});

describe('the gradebook over a pile of files: hostile input', () => {
	it('every file is either loaded or named with its problem; only this assignment, each student once', async () => {
		const ben = await resultFor('Ben Okoro', 'l-ben', 'bad');
		const pool = [
			sealed,
			sealResult(ben),
			sealResult(await resultFor('Ana Lopez', 'l-ana', 'bad', Date.UTC(2026, 10, 20))),
			sealResult(await resultFor('Cy', 'l-cy', 'good', Date.UTC(2026, 10, 24), { id: 'asg-other-0001', title: 'Another week' }))
		];
		const file = fc.oneof(
			{ weight: 3, arbitrary: fc.constantFrom(...pool) },
			{ weight: 2, arbitrary: mutatedTree(ben).map((m) => seal(toText(m.tree))) },
			{ weight: 1, arbitrary: fc.array(textEdit(sealed.length), { minLength: 1, maxLength: 2 }).map((e) => e.reduce(applyEdit, sealed)) },
			{ weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 100 }) }
		);
		fc.assert(
			fc.property(fc.array(file, { minLength: 1, maxLength: 6 }), (texts) => {
				const files = texts.map((text, i) => ({ name: `student-${i}.json`, text }));
				const loaded = loadResults(plain, files);
				const named = new Set([...loaded.results.map((r) => r.file), ...loaded.problems.map((p) => p.file)]);
				expect([...named].sort()).toEqual(files.map((f) => f.name).sort());
				for (const p of loaded.problems) expect(isSpecific(p.problem), p.problem).toBe(true);
				expect(loaded.results.every((r) => r.result.assignment.id === plain.id)).toBe(true);
				expect(new Set(loaded.results.map((r) => r.result.student.learnerId)).size).toBe(loaded.results.length);
				const gb = aggregate(plain, loaded);
				expect(gb.rows).toHaveLength(loaded.results.length);
				for (const row of gb.rows) for (const cell of Object.values(row.cells)) expect(Number.isFinite(cell.minutes)).toBe(true);
			}),
			runs(300)
		);
	});
});
