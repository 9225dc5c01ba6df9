/** The bench's trace reading (scripts/frame-work.ts): each marked click's work and the frame that shows it. */
import { describe, expect, it } from 'vitest';
import { clickToFrame, type TraceEvent } from '../../scripts/frame-work';

const ms = (x: number) => x * 1000;
const task = (ts: number, dur: number, tid = 1): TraceEvent => ({ name: 'RunTask', ph: 'X', ts: ms(ts), dur: ms(dur), tid });
const click = (ts: number, dur: number, tid = 1): TraceEvent => ({ name: 'EventDispatch', ph: 'X', ts: ms(ts), dur: ms(dur), tid, args: { data: { type: 'click' } } });
const commit = (ts: number, dur: number, tid = 1): TraceEvent => ({ name: 'Commit', ph: 'X', ts: ms(ts), dur: ms(dur), tid });
const mark = (name: string, ts: number): TraceEvent => ({ name, cat: 'blink.user_timing', ph: 'R', ts: ms(ts) });

describe('clickToFrame', () => {
	it('counts the click task and the next frame on its thread, not the wait between them', () => {
		const events = [
			mark('fds-timed:take', 100),
			task(101, 6), click(101.5, 3),
			// Another thread's frame comes first: not the page's.
			commit(108, 1, 2), task(107.5, 2, 2),
			task(116, 4), commit(119, 0.5),
			mark('fds-timed:decide', 200),
			task(205, 3), click(205.2, 2), task(210, 20), commit(229, 1)
		];
		const got = clickToFrame(events, 'fds-timed:');
		expect(got.map((g) => g.mark)).toEqual(['fds-timed:take', 'fds-timed:decide']);
		expect(got[0]!.workMs).toBeCloseTo(10); // 6 ms of click task + 4 ms of frame
		expect(got[0]!.ms).toBeCloseTo(18); // 101.5 → 119.5
		expect(got[1]!.workMs).toBeCloseTo(23);
	});

	it('a mark with no click or no frame after it gives nothing; other marks are ignored', () => {
		expect(clickToFrame([mark('other', 1), task(2, 1), click(2, 1), commit(5, 1), task(4, 2)], 'fds-timed:')).toEqual([]);
		expect(clickToFrame([mark('fds-timed:x', 1), task(2, 1), click(2, 1)], 'fds-timed:')).toEqual([]);
	});
});
