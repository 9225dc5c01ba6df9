import { describe, expect, it } from 'vitest';
import { betaCdf, betaQuantile, computeMastery } from '../../src/lib/engine/mastery';

const ev = (earned: number, possible = 1, competency = 'c') => ({ competency, earned, possible });

describe('mastery', () => {
	it('Beta quantiles match closed forms', () => {
		// Beta(a, 1): CDF x^a, so the p-quantile is p^(1/a).
		expect(betaQuantile(0.05, 5, 1)).toBeCloseTo(Math.pow(0.05, 1 / 5), 6);
		expect(betaCdf(0.5, 3, 3)).toBeCloseTo(0.5, 9);
	});

	it('one lucky answer is not mastery', () => {
		const m = computeMastery([ev(1)]).get('c')!;
		expect(m.estimate).toBeCloseTo(2 / 3);
		expect(m.level).not.toBe('mastered');
	});

	it('a run of right answers becomes mastered, and the interval narrows as evidence grows', () => {
		const few = computeMastery(Array.from({ length: 3 }, () => ev(1))).get('c')!;
		const many = computeMastery(Array.from({ length: 12 }, () => ev(1))).get('c')!;
		expect(many.high - many.low).toBeLessThan(few.high - few.low);
		expect(few.level).not.toBe('mastered');
		expect(many.level).toBe('mastered');
	});

	it('recent evidence counts more than old evidence', () => {
		const improving = computeMastery([...Array.from({ length: 10 }, () => ev(0)), ...Array.from({ length: 10 }, () => ev(1))]).get('c')!;
		const declining = computeMastery([...Array.from({ length: 10 }, () => ev(1)), ...Array.from({ length: 10 }, () => ev(0))]).get('c')!;
		expect(improving.estimate).toBeGreaterThan(0.5);
		expect(declining.estimate).toBeLessThan(0.5);
	});

	it('more right answers never lower the estimate', () => {
		let prev = 0;
		for (let right = 0; right <= 10; right++) {
			const est = computeMastery([ev(right, 10)]).get('c')!.estimate;
			expect(est).toBeGreaterThan(prev);
			prev = est;
		}
	});

	it('keeps competencies apart', () => {
		const m = computeMastery([ev(1, 1, 'a'), ev(0, 1, 'b')]);
		expect(m.get('a')!.estimate).toBeGreaterThan(m.get('b')!.estimate);
		expect(m.size).toBe(2);
	});
});
