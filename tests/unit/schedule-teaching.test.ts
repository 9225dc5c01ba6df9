import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/content';
import { readContentFiles } from '../../scripts/read-content';
import type { ResolvedScheduleBlock } from '../../src/lib/content/schema/scenario';
import { graderFor } from '../../src/lib/engine/interactions';
import { applyActions, bookProblems, slotIsFree, type ScheduleAction } from '../../src/lib/office/schedule';
import { fullDayLabel, toMinutes } from '../../src/lib/office/time';

const content = loadContent(readContentFiles()).content!;
const waitlist = content.scenarios.find((s) => s.meta.id === 'scheduling-cancellation-waitlist')!;
const block = Object.values(waitlist.steps).find((s) => s.interaction?.kind === 'schedule')!.interaction!.block as ResolvedScheduleBlock;

const cancels: ScheduleAction[] = [
	{ op: 'cancel', id: 'c1', reason: 'Family emergency' },
	{ op: 'cancel', id: 'c2', reason: 'IME moved to this morning' }
];
/** Linh Tran in Patricia Moore's freed 9:00 (fits); Frank Kowalski's 30-minute wellness visit in Marcus Webb's 15-minute hole. */
const work: ScheduleAction[] = [
	...cancels,
	{ op: 'book', id: 'n1', patient: 'pt-linh-tran', provider: 'prov-okafor', date: '2025-11-25', start: '09:00', type: 'established-follow-up', minutes: 15, reason: 'Medication review', fromWaitlist: 'w1' },
	{ op: 'book', id: 'n2', patient: 'pt-frank-kowalski', provider: 'prov-lindqvist', date: '2025-11-25', start: '10:00', type: 'medicare-annual-wellness', minutes: 30, reason: 'Annual wellness visit', fromWaitlist: 'w2' }
];

describe('schedule feedback a careful learner can follow', () => {
	it('names whose visit overlaps whose', () => {
		const problems = bookProblems(applyActions(block, work), block).filter((p) => p.rule === 'overlap');
		expect(problems.map((p) => p.message)).toEqual(
			expect.arrayContaining(["Frank Kowalski's 10:00 AM–10:30 AM visit overlaps Min-jun Park's 10:15 AM visit with Samuel Lindqvist, DO."])
		);
	});

	it("shows the scenario's own teaching about fit when the fit rule is broken, once", () => {
		const outcome = graderFor('schedule').grade(block as never, { kind: 'schedule', actions: work, collected: {} });
		const lesson = block.lessons.fit!;
		expect(lesson).toMatch(/15-minute hole cannot take a\s+30-minute wellness visit/);
		expect(outcome.feedback.filter((f) => f === lesson)).toHaveLength(1);
		const fine = graderFor('schedule').grade(block as never, { kind: 'schedule', actions: [...cancels, work[2]!, { ...(work[3] as Extract<ScheduleAction, { op: 'book' }>), patient: 'pt-luis-ramirez', type: 'established-follow-up', minutes: 15, fromWaitlist: 'w4', reason: 'Glucose follow-up' }], collected: {} });
		expect(fine.feedback).not.toContain(lesson);
	});

	it('tells a free slot from a booked one, for the length of the visit', () => {
		const book = applyActions(block, cancels);
		expect(slotIsFree(book, 'prov-lindqvist', '2025-11-25', toMinutes('10:00'), 15)).toBe(true);
		expect(slotIsFree(book, 'prov-lindqvist', '2025-11-25', toMinutes('10:00'), 30)).toBe(false);
		expect(slotIsFree(book, 'prov-okafor', '2025-11-25', toMinutes('08:15'))).toBe(false);
	});

	it('says the whole date for the day view', () => {
		expect(fullDayLabel('2025-11-25')).toBe('Tuesday, November 25, 2025');
	});
});
