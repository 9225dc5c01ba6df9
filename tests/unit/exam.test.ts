import { describe, expect, it } from 'vitest';
import { readContentFiles } from '../../scripts/read-content';
import { loadCompetencies } from '../../src/lib/content/world';
import { blueprintCounts, drawExam, type ExamItemRef } from '../../src/lib/exam/blueprint';
import { acceptsAnswerAt, formatRemaining, mustAutoSubmit, remainingMs, timeWarning, EXAM_MINUTES } from '../../src/lib/exam/clock';
import { dueCards, newCard, review, targetRetention } from '../../src/lib/exam/review';
import { readiness, weakestDomain, type ItemAnswer } from '../../src/lib/exam/readiness';
import { answersForReadiness, cardAfterAnswer, cardsAfterScenario, examOutlook, scoreSession } from '../../src/lib/exam/session';
import { applyExamChange, sameProgress } from '../../src/lib/exam/changes';

const frameworks = loadCompetencies(readContentFiles()).value!.frameworks;
const cmaa = frameworks.find((f) => f.id === 'cmaa')!;
const cehrs = frameworks.find((f) => f.id === 'cehrs')!;

/** A bank of `n` items spread over every competency of both frameworks. */
function bank(n: number): ExamItemRef[] {
	const comps = frameworks.flatMap((f) => f.domains.flatMap((d) => d.competencies.map((c) => c.id)));
	return Array.from({ length: n }, (_, i) => ({ id: `item-${i}`, competency: comps[i % comps.length]! }));
}

describe('blueprint', () => {
	it('gives each CMAA domain its scored items, 110 in all', () => {
		const counts = blueprintCounts(cmaa);
		expect(Object.fromEntries(counts)).toEqual(Object.fromEntries(cmaa.domains.map((d) => [d.id, d.items])));
		expect([...counts.values()].reduce((a, b) => a + b)).toBe(110);
	});
	it('gives each CEHRS domain its weight of 100 items', () => {
		expect([...blueprintCounts(cehrs).values()]).toEqual([28, 32, 15, 15, 10]);
	});
	it('keeps the proportions in a short practice exam, adding up exactly', () => {
		const counts = blueprintCounts(cmaa, 25);
		expect([...counts.values()].reduce((a, b) => a + b)).toBe(25);
		for (const d of cmaa.domains) expect(Math.abs(counts.get(d.id)! - (d.items! / 110) * 25)).toBeLessThan(1);
	});
	it('draws the exact count per domain from 5,000 items, never an item twice, the same for the same seed', () => {
		const items = bank(5000);
		const a = drawExam(items, cmaa, 42);
		if (!a.ok) throw new Error(a.error);
		expect(a.itemIds).toHaveLength(110);
		expect(new Set(a.itemIds).size).toBe(110);
		const compOf = new Map(items.map((i) => [i.id, i.competency]));
		for (const d of cmaa.domains) expect(a.itemIds.filter((id) => d.competencies.some((c) => c.id === compOf.get(id)))).toHaveLength(d.items!);
		const again = drawExam(items, cmaa, 42);
		expect(again.ok && again.itemIds).toEqual(a.itemIds);
		const other = drawExam(items, cmaa, 43);
		expect(other.ok && other.itemIds).not.toEqual(a.itemIds);
	});
	it('says which domains lack items instead of drawing a lopsided exam', () => {
		const r = drawExam(bank(40), cmaa, 1);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.error).toMatch(/not enough items: Foundational knowledge has \d+ of the 10 needed/);
	});
});

describe('exam clock', () => {
	const clock = { startedAt: 1_000_000, durationMs: EXAM_MINUTES.cmaa * 60_000 };
	it('counts down from the stored start, so a reload does not give time back', () => {
		expect(remainingMs(clock, 1_000_000)).toBe(135 * 60_000);
		expect(remainingMs(clock, 1_000_000 + 60_000)).toBe(134 * 60_000);
		expect(formatRemaining(remainingMs(clock, 1_000_000 + 1000))).toBe('2:14:59');
		expect(formatRemaining(65_000)).toBe('1:05');
	});
	it('submits itself at time-out, once, and refuses answers after it', () => {
		const end = clock.startedAt + clock.durationMs;
		expect(mustAutoSubmit(clock, end - 1)).toBe(false);
		expect(mustAutoSubmit(clock, end)).toBe(true);
		expect(mustAutoSubmit({ ...clock, submittedAt: end }, end + 5)).toBe(false);
		expect(acceptsAnswerAt(clock, end - 1)).toBe(true);
		expect(acceptsAnswerAt(clock, end)).toBe(false);
		expect(acceptsAnswerAt({ ...clock, submittedAt: end - 100 }, end - 50)).toBe(false);
	});
	it('warns once under 10 minutes and again under 2, and not after submission', () => {
		const end = clock.startedAt + clock.durationMs;
		expect(timeWarning(clock, end - 10 * 60_000 - 1)).toBe('');
		expect(timeWarning(clock, end - 10 * 60_000)).toMatch(/^Less than 10 minutes left/);
		expect(timeWarning(clock, end - 2 * 60_000 - 1)).toMatch(/^Less than 10 minutes left/);
		expect(timeWarning(clock, end - 2 * 60_000)).toMatch(/^Less than 2 minutes left/);
		expect(timeWarning(clock, end)).toBe('');
		expect(timeWarning({ ...clock, submittedAt: end - 60_000 }, end - 30_000)).toBe('');
	});
	it('does not call a short exam "under 10 minutes" from its start', () => {
		const short = { startedAt: 0, durationMs: 6 * 60_000 };
		expect(timeWarning(short, 0)).toBe('');
		expect(timeWarning(short, 4 * 60_000)).toMatch(/^Less than 2 minutes left/);
	});
	it('stops when submitted early', () => {
		expect(remainingMs({ ...clock, submittedAt: clock.startedAt + 600_000 }, clock.startedAt + 9_000_000)).toBe(clock.durationMs - 600_000);
	});
});

describe('spaced review (FSRS)', () => {
	const DAY = 86_400_000;
	const t0 = Date.UTC(2026, 10, 1);
	it('brings a missed item back sooner than one answered right', () => {
		let good = newCard('item:a', t0);
		let lapsed = newCard('item:b', t0);
		for (let i = 0; i < 3; i++) {
			good = review(good, 'good', Math.max(good.due, t0));
			lapsed = review(lapsed, 'good', Math.max(lapsed.due, t0));
		}
		const after = Math.max(good.due, lapsed.due);
		good = review(good, 'good', after);
		lapsed = review(lapsed, 'again', after);
		expect(lapsed.lapses).toBe(1);
		expect(lapsed.due).toBeLessThan(good.due);
		expect(lapsed.due - after).toBeLessThan(DAY);
	});
	it('asks for more retention as the exam gets close, which shortens intervals', () => {
		expect(targetRetention(undefined, t0)).toBe(0.9);
		expect(targetRetention(t0 + 200 * DAY, t0)).toBe(0.85);
		expect(targetRetention(t0 + 5 * DAY, t0)).toBe(0.95);
		let far = newCard('item:c', t0);
		let near = newCard('item:c', t0);
		for (let i = 0; i < 4; i++) {
			far = review(far, 'good', Math.max(far.due, t0), t0 + 200 * DAY);
			near = review(near, 'good', Math.max(near.due, t0), Math.max(near.due, t0) + 3 * DAY);
		}
		expect(near.scheduledDays).toBeLessThan(far.scheduledDays);
	});
	it('lists what is due, the most overdue first', () => {
		const cards = [
			{ ...newCard('item:x', t0), due: t0 + 5 },
			{ ...newCard('item:y', t0), due: t0 - 10 },
			{ ...newCard('item:z', t0), due: t0 + 50 * DAY }
		];
		expect(dueCards(cards, t0 + 10).map((c) => c.id)).toEqual(['item:y', 'item:x']);
	});
});

describe('readiness', () => {
	const shares = new Map([
		['a', 0.5],
		['b', 0.5]
	]);
	const answers = (domain: string, right: number, wrong: number, difficulty: 1 | 2 | 3 = 2): ItemAnswer[] => [
		...Array.from({ length: right }, (_, i) => ({ domain, difficulty, correct: true, at: i })),
		...Array.from({ length: wrong }, (_, i) => ({ domain, difficulty, correct: false, at: 100 + i }))
	];

	it('rises with performance: more right answers never lower the estimate or the chance of passing', () => {
		let prev = readiness([...answers('a', 0, 10), ...answers('b', 0, 10)], shares);
		for (let right = 1; right <= 30; right++) {
			const r = readiness([...answers('a', right, 10), ...answers('b', right, 10)], shares);
			expect(r.overall.estimate).toBeGreaterThanOrEqual(prev.overall.estimate);
			expect(r.overall.pPass).toBeGreaterThanOrEqual(prev.overall.pPass - 1e-12);
			prev = r;
		}
		expect(prev.overall.pPass).toBeGreaterThan(0.5);
	});
	it('states its uncertainty: few answers give a wide range and are flagged as thin', () => {
		const few = readiness([...answers('a', 4, 1), ...answers('b', 40, 10)], shares);
		const a = few.domains.find((d) => d.domain === 'a')!;
		const b = few.domains.find((d) => d.domain === 'b')!;
		expect(a.high - a.low).toBeGreaterThan(b.high - b.low);
		expect(few.thin).toEqual(['a']);
		expect(few.overall.low).toBeLessThan(few.overall.estimate);
		expect(few.overall.high).toBeGreaterThan(few.overall.estimate);
	});
	it('counts hard items more than easy ones', () => {
		const easyRight = readiness([...answers('a', 10, 0, 1), ...answers('a', 0, 10, 3)], shares).domains[0]!;
		const hardRight = readiness([...answers('a', 10, 0, 3), ...answers('a', 0, 10, 1)], shares).domains[0]!;
		expect(hardRight.estimate).toBeGreaterThan(easyRight.estimate);
	});
	it('sends practice to the domain with the least evidence, then to the lowest estimate', () => {
		const three = new Map([['a', 0.4], ['b', 0.3], ['c', 0.3]]);
		expect(weakestDomain(readiness([...answers('a', 20, 0), ...answers('b', 12, 8), ...answers('c', 3, 0)], three))!.domain).toBe('c');
		expect(weakestDomain(readiness([...answers('a', 20, 0), ...answers('b', 12, 8), ...answers('c', 18, 2)], three))!.domain).toBe('b');
	});

	it('uses recent answers: old misses stop counting once there are enough new ones', () => {
		const old = Array.from({ length: 60 }, (_, i) => ({ domain: 'a', difficulty: 2 as const, correct: false, at: i }));
		const recent = Array.from({ length: 60 }, (_, i) => ({ domain: 'a', difficulty: 2 as const, correct: true, at: 1000 + i }));
		expect(readiness([...old, ...recent], shares).domains[0]!.estimate).toBeGreaterThan(0.95);
	});
});

describe('exam sessions', () => {
	const items = new Map([
		['q1', { id: 'q1', competency: 'c-a', difficulty: 1 as const, key: 'a' as const }],
		['q2', { id: 'q2', competency: 'c-a', difficulty: 3 as const, key: 'b' as const }],
		['q3', { id: 'q3', competency: 'c-b', difficulty: 2 as const, key: 'c' as const }]
	]);
	const domainOf = (c: string) => ({ 'c-a': 'A', 'c-b': 'B' })[c];
	const mock = { mode: 'mock' as const, itemIds: ['q1', 'q2', 'q3'], answers: { q1: 'a' as const, q2: 'c' as const }, answeredAt: { q1: 10, q2: 20 } };

	it('scores a mock exam by domain, an unanswered item counting as wrong', () => {
		expect(scoreSession(mock, items, domainOf, ['A', 'B'])).toEqual({
			correct: 1,
			total: 3,
			unanswered: 1,
			byDomain: [
				{ domain: 'A', correct: 1, total: 2 },
				{ domain: 'B', correct: 0, total: 1 }
			]
		});
	});
	it('counts a mock exam toward readiness only once it is submitted, practice at once', () => {
		expect(answersForReadiness([mock], items, domainOf)).toEqual([]);
		expect(answersForReadiness([{ ...mock, submittedAt: 30 }], items, domainOf)).toEqual([
			{ domain: 'A', difficulty: 1, correct: true, at: 10 },
			{ domain: 'A', difficulty: 3, correct: false, at: 20 }
		]);
		expect(answersForReadiness([{ ...mock, mode: 'practice' }], items, domainOf)).toHaveLength(2);
	});
	it('gives a submitted exam\'s likely share right with its range and chance of passing, an unanswered item counting as wrong', () => {
		const shares = new Map([['A', 0.5], ['B', 0.5]]);
		const answered = { ...mock, answers: { q1: 'a' as const, q2: 'b' as const, q3: 'c' as const }, submittedAt: 30 };
		const all = examOutlook(answered, items, domainOf, shares);
		const some = examOutlook({ ...mock, submittedAt: 30 }, items, domainOf, shares);
		expect(all.answers).toBe(3);
		expect(some.answers).toBe(3);
		expect(all.estimate).toBeGreaterThan(some.estimate);
		expect(all.pPass).toBeGreaterThan(some.pPass);
		for (const o of [all, some]) {
			expect(o.low).toBeLessThan(o.estimate);
			expect(o.high).toBeGreaterThan(o.estimate);
		}
	});
	it('stores where the learner is without making it progress another tab conflicts on', () => {
		const stored: typeof mock & { id: string; marked: string[]; currentItemId?: string } = { ...mock, id: 's1', marked: [] };
		const moved = applyExamChange(stored, { kind: 'position', itemId: 'q3' });
		expect(moved.currentItemId).toBe('q3');
		expect(sameProgress(moved, stored)).toBe(true);
		expect(() => applyExamChange(stored, { kind: 'position', itemId: 'nope' })).toThrow(/not part of this exam session/);
	});
	it('makes a card for a miss, none for a first right answer, and moves an existing card on', () => {
		const t = Date.UTC(2026, 10, 1);
		expect(cardAfterAnswer(undefined, 'q1', true, t)).toBeUndefined();
		const missed = cardAfterAnswer(undefined, 'q2', false, t)!;
		expect(missed.id).toBe('item:q2');
		expect(missed.reps).toBe(1);
		const later = cardAfterAnswer(missed, 'q2', true, missed.due)!;
		expect(later.reps).toBe(2);
		expect(later.due).toBeGreaterThan(missed.due);
	});
});

describe('scenario decisions in review', () => {
	it('turns missed decisions into cards and moves them on when the scenario is redone well', () => {
		const t = Date.UTC(2026, 10, 1);
		const first = cardsAfterScenario('hipaa-x', [{ stepId: 'call', verdict: 'wrong' }, { stepId: 'verify', verdict: 'best' }, { stepId: 'close', verdict: 'partial' }], new Map(), t);
		expect(first.map((c) => c.id)).toEqual(['step:hipaa-x:call', 'step:hipaa-x:close']);
		const again = cardsAfterScenario('hipaa-x', [{ stepId: 'call', verdict: 'best' }], new Map(first.map((c) => [c.id, c])), t + 86_400_000);
		expect(again).toHaveLength(1);
		expect(again[0]!.reps).toBe(2);
		expect(again[0]!.due).toBeGreaterThan(first[0]!.due);
	});
});
