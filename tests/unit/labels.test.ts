import { describe, expect, it } from 'vitest';
import { answeredSoFar, blueprintShare, keyRationale, longDate, pct, storageSize, withArticle } from '../../src/lib/labels';

describe('labels a learner reads', () => {
	it('says storage sizes as people do', () => {
		expect(storageSize(10240.4 * 2 ** 20)).toBe('10 GB');
		expect(storageSize(1.5 * 2 ** 30)).toBe('1.5 GB');
		expect(storageSize(340 * 2 ** 20)).toBe('340 MB');
		expect(storageSize(2.25 * 2 ** 20)).toBe('2.3 MB');
		expect(storageSize(12 * 1024)).toBe('12 KB');
		expect(storageSize(10)).toBe('1 KB');
		expect(storageSize(3 * 2 ** 40)).toBe('3 TB');
	});
	it('puts "a" or "an" by sound', () => {
		expect(withArticle('Established patient follow-up')).toBe('an Established patient follow-up');
		expect(withArticle('New patient visit')).toBe('a New patient visit');
		expect(withArticle('annual physical')).toBe('an annual physical');
		expect(withArticle('urgent visit')).toBe('an urgent visit');
		expect(withArticle('unit')).toBe('a unit');
		expect(withArticle('hour-long visit')).toBe('an hour-long visit');
	});
	it('never says "only 0 items"', () => {
		expect(answeredSoFar(0)).toBe('no items answered yet');
		expect(answeredSoFar(1)).toBe('only 1 item answered so far');
		expect(answeredSoFar(7)).toBe('only 7 items answered so far');
	});
	it('says a domain share is the blueprint\'s, not the bank\'s', () => {
		expect(blueprintShare({ items: 10 }, 110)).toBe("10 of the exam's 110 scored items");
		expect(blueprintShare({ weight: 0.15 }, 100)).toBe('15% of the exam');
	});
	it('drops the leading "Right." from the right answer\'s rationale', () => {
		expect(keyRationale('Right. Checking before every visit catches it.')).toBe('Checking before every visit catches it.');
		expect(keyRationale('Correct: it is due.')).toBe('It is due.');
		expect(keyRationale('Rightly so, the plan ended.')).toBe('Rightly so, the plan ended.');
		expect(keyRationale('Right.')).toBe('Right.');
	});
});

describe('pct and longDate (the figures every results table shows)', () => {
	it('a share as a whole percent, rounded', () => {
		expect([0, 0.826, 0.834, 0.996].map(pct)).toEqual(['0%', '83%', '83%', '100%']);
	});
	it('a date with its year and the month in words', () => {
		const text = longDate(Date.UTC(2026, 11, 7, 12));
		expect(text).toContain('2026');
		expect(text).toMatch(/December/);
	});
});
