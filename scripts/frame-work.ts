/**
 * Reads a Chromium performance trace (devtools.timeline) for how long each marked click kept the page
 * from showing its result: from the click's dispatch on the page's main thread to the end of the next
 * frame the main thread hands to the compositor (its Commit). Unlike Event Timing's duration, this does
 * not wait for the frame to be shown; and the main thread's work for it (the click's task and the
 * frame's), which is what must fit in one 60 Hz frame (16.7 ms) for the result to show at the next
 * tick, wherever in the frame the click happened to land.
 */
export interface TraceEvent {
	name: string;
	cat?: string;
	ph?: string;
	ts: number;
	dur?: number;
	tid?: number;
	args?: { data?: { type?: string } };
}

/**
 * For each user-timing mark whose name starts with `prefix`, in order: the first click dispatched
 * after it, and the time in ms from that click's start to the end of the first Commit after it on the
 * same thread. A mark with no click or no frame after it gives nothing.
 */
export function clickToFrame(events: readonly TraceEvent[], prefix: string): { mark: string; ms: number; workMs: number }[] {
	const byTime = (a: TraceEvent, b: TraceEvent) => a.ts - b.ts;
	const marks = events.filter((e) => e.cat?.includes('user_timing') && e.name.startsWith(prefix)).sort(byTime);
	const clicks = events.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'click' && e.ph === 'X').sort(byTime);
	const commits = events.filter((e) => e.name === 'Commit' && e.ph === 'X').sort(byTime);
	const tasks = events.filter((e) => e.name === 'RunTask' && e.ph === 'X');
	const end = (e: TraceEvent) => e.ts + (e.dur ?? 0);
	/** The top-level task on the thread that holds `e` (the click with its microtasks, or the frame's update). */
	const taskOf = (e: TraceEvent) => tasks.find((t) => t.tid === e.tid && t.ts <= e.ts && end(t) >= end(e));
	const out: { mark: string; ms: number; workMs: number }[] = [];
	for (const m of marks) {
		const click = clicks.find((c) => c.ts > m.ts);
		const frame = click && commits.find((c) => c.tid === click.tid && c.ts > click.ts);
		if (!click || !frame) continue;
		const handled = taskOf(click) ?? click;
		const drawn = taskOf(frame) ?? frame;
		// The work: the click's task (its handlers and the microtasks they queue) and the frame's (style, layout, paint, commit).
		const workMs = ((handled.dur ?? 0) + (drawn === handled ? 0 : (drawn.dur ?? 0))) / 1000;
		out.push({ mark: m.name, ms: (end(frame) - click.ts) / 1000, workMs });
	}
	return out;
}
