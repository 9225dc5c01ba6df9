import { describe, expect, it } from 'vitest';
import { checkLearnerName } from '../../src/lib/learner-names';
import { lastFinished } from '../../src/lib/attempts';
import type { AttemptRecord } from '../../src/lib/db/types';

describe('a learner name', () => {
	it('is tidied, and refused when empty, too long or holding markup, with the reason', () => {
		expect(checkLearnerName('  Ana   López ')).toEqual({ ok: true, name: 'Ana López' });
		expect(checkLearnerName('   ')).toEqual({ ok: false, error: 'Type a name first.' });
		expect(checkLearnerName('x'.repeat(61))).toEqual({ ok: false, error: 'A name can be at most 60 characters long.' });
		expect(checkLearnerName('<img src=x onerror=alert(1)>')).toEqual({ ok: false, error: 'A name must not contain HTML markup.' });
	});
});

describe('the finished attempt a plain play address offers', () => {
	const a = (id: string, scenarioId: string, status: AttemptRecord['status'], finishedAt?: number) => ({ id, scenarioId, status, updatedAt: finishedAt ?? 1, ...(finishedAt ? { finishedAt } : {}) }) as AttemptRecord;
	it('is the newest finished one of that scenario; none when only unfinished or other scenarios', () => {
		const list = [a('old', 's', 'failed', 10), a('new', 's', 'passed', 20), a('open', 's', 'in-progress'), a('other', 't', 'passed', 30)];
		expect(lastFinished(list, 's')?.id).toBe('new');
		expect(lastFinished([a('open', 's', 'in-progress'), a('other', 't', 'passed', 30)], 's')).toBeUndefined();
	});
});
