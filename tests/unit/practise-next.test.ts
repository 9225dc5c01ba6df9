import { describe, expect, it } from 'vitest';
import { practiseNext, type PractiseScenario } from '../../src/lib/engine/practise-next';
import { countedSoFar, startPathStatus, type AttemptSummary } from '../../src/lib/engine/progress';
import { formatError, loadContent } from '../../src/lib/content';
import { START_HERE_FILE } from '../../src/lib/content/start-here';
import { readContentFiles } from '../../scripts/read-content';
import { catalogEntry, splitEntry } from '../../src/lib/content/catalog';

const scenarios: PractiseScenario[] = [
	{ id: 'claims-hard', difficulty: 3, competencies: ['bill'] },
	{ id: 'greet', difficulty: 1, competencies: ['privacy'] },
	{ id: 'call', difficulty: 1, competencies: ['phone'] },
	{ id: 'check-in', difficulty: 2, competencies: ['register'] },
	{ id: 'book', difficulty: 2, competencies: ['schedule'] }
];
const path = ['greet', 'call', 'check-in'];
let t = 0;
const done = (scenarioId: string, status: AttemptSummary['status'], evidence: [string, number, number][]): AttemptSummary => ({
	scenarioId,
	status,
	score: status === 'passed' ? 1 : 0.4,
	updatedAt: ++t,
	evidence: evidence.map(([competency, earned, possible]) => ({ competency, earned, possible }))
});

describe('what to practise next', () => {
	it('with no progress: the start path in its order, then the rest easiest first', () => {
		expect(practiseNext(scenarios, path, [])).toEqual([
			{ id: 'greet', group: 'start-here' },
			{ id: 'call', group: 'start-here' },
			{ id: 'check-in', group: 'start-here' },
			{ id: 'book', group: 'not-passed' },
			{ id: 'claims-hard', group: 'not-passed' }
		]);
	});

	it('a passed start step leaves the path and goes last; a failed one stays on it', () => {
		const order = practiseNext(scenarios, path, [done('greet', 'passed', [['privacy', 4, 4]]), done('call', 'failed', [['phone', 1, 4]])]);
		expect(order.map((x) => x.id)).toEqual(['call', 'check-in', 'book', 'claims-hard', 'greet']);
		expect(order.at(-1)).toEqual({ id: 'greet', group: 'passed' });
	});

	it('after the path, the scenario training the weakest competency comes first, whatever its difficulty', () => {
		const attempts = [
			...path.map((id) => done(id, 'passed', [[scenarios.find((s) => s.id === id)!.competencies[0]!, 6, 6]])),
			// Scheduling was tried and went badly; billing was tried and went well but is not passed.
			done('book', 'failed', [['schedule', 0, 6]]),
			done('claims-hard', 'failed', [['bill', 5, 6]])
		];
		const order = practiseNext(scenarios, path, attempts);
		expect(order.filter((x) => x.group === 'not-passed').map((x) => x.id)).toEqual(['book', 'claims-hard']);
		expect(order.filter((x) => x.group === 'start-here')).toEqual([]);
		const reversed = practiseNext(scenarios, path, [...attempts.slice(0, 3), done('book', 'failed', [['schedule', 5, 6]]), done('claims-hard', 'failed', [['bill', 0, 6]])]);
		expect(reversed.filter((x) => x.group === 'not-passed').map((x) => x.id)).toEqual(['claims-hard', 'book']);
	});

	it('an open attempt whose assignment holds feedback back does not reorder anything until it is finished (the order would tell how it went)', () => {
		const passedPath = path.map((id) => done(id, 'passed', [[scenarios.find((s) => s.id === id)!.competencies[0]!, 6, 6]]));
		// Billing went middling once; scheduling is being answered well, with feedback held back.
		const base = [...passedPath, done('claims-hard', 'failed', [['bill', 4, 6]])];
		const held = { ...done('book', 'in-progress', Array.from({ length: 6 }, () => ['schedule', 6, 6] as [string, number, number])), feedback: 'after' as const };
		const notPassed = (attempts: AttemptSummary[]) => practiseNext(scenarios, path, attempts).filter((x) => x.group === 'not-passed').map((x) => x.id);
		// Finished, those answers count: scheduling is strong, so billing comes first.
		expect(notPassed([...base, { ...held, status: 'failed' }])).toEqual(['claims-hard', 'book']);
		// Held: the order is the one with no scheduling evidence at all, which the finished answers changed.
		expect(notPassed([...base, held])).toEqual(notPassed([...base, { ...held, evidence: [] }]));
		expect(notPassed([...base, held])).not.toEqual(['claims-hard', 'book']);
		expect(countedSoFar(held).evidence).toEqual([]);
		expect(countedSoFar({ ...held, feedback: undefined }).evidence).toEqual(held.evidence);
	});

	it('an unknown or repeated id on the path is ignored; every scenario appears exactly once', () => {
		const order = practiseNext(scenarios, ['greet', 'nope', 'greet', 'call'], []);
		expect(order.map((x) => x.id).sort()).toEqual(scenarios.map((s) => s.id).sort());
		expect(order.slice(0, 2).map((x) => x.id)).toEqual(['greet', 'call']);
	});

	it('the start path status marks passed steps done and the first unfinished one next', () => {
		expect(startPathStatus(path, [done('greet', 'passed', []), done('call', 'in-progress', [])])).toEqual([
			{ id: 'greet', done: true, next: false },
			{ id: 'call', done: false, next: true },
			{ id: 'check-in', done: false, next: false }
		]);
	});
});

describe('content/start-here.yaml', () => {
	const files = readContentFiles();
	const text = files[START_HERE_FILE]!;
	const errorsWith = (yaml: string) => loadContent({ ...files, [START_HERE_FILE]: yaml }).errors.map(formatError);

	it('the shipped path loads: easiest first, a first week of foundation work before billing', () => {
		const content = loadContent(files).content!;
		const ids = content.startHere.map((s) => s.scenario);
		expect(ids.length).toBeGreaterThanOrEqual(5);
		const difficulty = ids.map((id) => content.scenarios.find((s) => s.meta.id === id)!.meta.difficulty);
		expect(difficulty).toEqual([...difficulty].sort());
		expect(difficulty[0]).toBe(1);
	});

	it('an unknown scenario id is refused on its line', () => {
		const errors = errorsWith(text.replace('scenario: hipaa-caller-says-spouse', 'scenario: hipaa-caller-says-sister'));
		expect(errors).toEqual([expect.stringMatching(/^content\/start-here\.yaml:\d+: no scenario "hipaa-caller-says-sister"$/)]);
		expect(Number(errors[0]!.split(':')[1])).toBe(text.split('\n').findIndex((l) => l.includes('hipaa-caller-says-spouse')) + 1);
	});

	it('a repeated id, a harder step before an easier one and a part two before its part one are refused', () => {
		const steps = `steps:\n  - scenario: registration-coverage-ended-check-in\n    why: A\n  - scenario: hipaa-caller-says-spouse\n    why: B\n  - scenario: hipaa-caller-says-spouse\n    why: C\n`;
		const errors = errorsWith(steps);
		expect(errors.some((e) => /"hipaa-caller-says-spouse" \(difficulty 1\) comes after "registration-coverage-ended-check-in" \(difficulty 2\)/.test(e))).toBe(true);
		expect(errors.some((e) => /"hipaa-caller-says-spouse" is on the path twice/.test(e))).toBe(true);
		const parts = `steps:\n  - scenario: payments-denial-coverage-ended\n    why: A\n  - scenario: registration-coverage-ended-check-in\n    why: B\n`;
		expect(errorsWith(parts)).toEqual([expect.stringContaining('"payments-denial-coverage-ended" continues "registration-coverage-ended-check-in", so it must come after it')]);
	});
});

describe('the catalog split for the first page', () => {
	const content = loadContent(readContentFiles()).content!;
	it('a card carries no competencies, setting or hash, and card plus details is the whole catalog entry again', () => {
		for (const s of content.scenarios) {
			const entry = catalogEntry(s, content.competencies);
			const { card, details } = splitEntry(entry);
			expect(card).not.toHaveProperty('competencies');
			expect(card).not.toHaveProperty('setting');
			expect(card).not.toHaveProperty('hash');
			expect(details.competencies.length).toBeGreaterThan(0);
			expect({ ...card, ...details }).toEqual(entry);
		}
	});
});
