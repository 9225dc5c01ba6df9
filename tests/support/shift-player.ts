import type { Shift } from '../../src/lib/content/schema/shift';
import { minutesOf } from '../../src/lib/content/shift-clock';
import { act, replayShift, startShift, type ShiftInput, type ShiftState } from '../../src/lib/engine/shift';
import { shiftSummaryOf } from '../../src/lib/shift-runs';
import type { ShiftRun } from '../../src/lib/db/types';
import type { Input } from '../../src/lib/engine/types';

/** What a test asks the player to do differently from its strategy, to bring about one consequence. */
export interface PlayChanges {
	/** "<event id>/<step id>" → the option or reply to give there instead. */
	answers?: Readonly<Record<string, string>>;
	/** Event ids to set aside as soon as they arrive. */
	setAside?: readonly string[];
	/** Event id → clock time ("09:25"): leave that task waiting until the clock reaches the time. */
	postpone?: Readonly<Record<string, string>>;
}

/**
 * A player for shipped shifts: 'best' works the most urgent task first (leaving routine work the
 * moment an urgent task arrives) and gives each step's full-marks option; 'worst' works tasks in
 * arrival order and gives the lowest-scoring option. `changes` overrides single answers, sets tasks
 * aside or leaves them waiting, so a test can bring about one consequence and nothing else.
 */
export function play(shift: Shift, seed: number, how: 'best' | 'worst', changes: PlayChanges = {}): ShiftState & { inputs: ShiftInput[] } {
	let s = startShift(shift, seed);
	const inputs: ShiftInput[] = [];
	const step = (i: ShiftInput) => (inputs.push(i), (s = act(s, i).state));
	const rank = { urgent: 0, soon: 1, routine: 2 } as const;
	const eventOf = (key: string) => shift.meta.events.find((e) => e.id === s.tasks.find((t) => t.key === key)!.eventId)!;
	const urgency = (key: string) => rank[eventOf(key).urgency];
	for (let guard = 0; !s.finished && guard < 500; guard++) {
		const held = (t: { eventId: string }) => changes.postpone?.[t.eventId] !== undefined && s.clock < minutesOf(changes.postpone[t.eventId]!);
		const open = s.tasks.filter((t) => ['ringing', 'waiting', 'on-hold'].includes(t.status) && !held(t));
		const aside = open.find((t) => changes.setAside?.includes(t.eventId));
		if (aside) {
			step({ kind: 'set-aside', task: aside.key });
			continue;
		}
		const current = s.current ? s.tasks.find((t) => t.key === s.current)! : null;
		const urgentWaiting = open.find((t) => urgency(t.key) === 0);
		if (how === 'best' && current && urgentWaiting && urgency(current.key) > 0) {
			step({ kind: 'work', task: urgentWaiting.key });
			continue;
		}
		const attempt = current?.attempt ?? null;
		if (attempt) {
			const it = attempt.scenario.steps[attempt.stepId!]!.interaction!;
			const options = it.kind === 'choice' ? it.block.options : it.kind === 'dialogue' ? it.block.replies : [];
			const worth = (o: { evidence: Record<string, string> }) => Object.values(o.evidence).reduce((n, p) => n + Number(p.split('/')[0]), 0);
			const sorted = [...options].sort((a, b) => worth(b) - worth(a));
			const forced = changes.answers?.[`${current!.eventId}/${attempt.stepId}`];
			const pick = forced ? options.find((o) => o.id === forced) : how === 'best' ? sorted[0] : sorted.at(-1);
			if (!pick) throw new Error(`no option "${forced}" at ${current!.eventId}/${attempt.stepId}`);
			step({ kind: 'answer', input: (it.kind === 'choice' ? { kind: 'choice', optionId: pick.id } : { kind: 'dialogue', replyId: pick.id }) as Input });
			continue;
		}
		const next = how === 'best' ? [...open].sort((a, b) => urgency(a.key) - urgency(b.key) || a.arrivedAt - b.arrivedAt)[0] : open[0];
		step(next ? { kind: 'work', task: next.key } : { kind: 'wait' });
	}
	return { ...s, inputs };
}

/**
 * A run the test player worked (seed 11), stored as the app stores it: its summary from the replayed
 * state, finished at `updatedAt` when the inputs finish the shift, and made for `assignment` (its id
 * and pass mark) when one is given. `inputs` keeps only the first so many (a run left open).
 */
export function storedRun(
	shift: Shift,
	o: { id: string; how: 'best' | 'worst'; startedAt: number; updatedAt: number; learnerId?: string; inputs?: number; assignment?: { id: string; passMark: number } }
): ShiftRun {
	const all = play(shift, 11, o.how).inputs;
	const inputs = o.inputs === undefined ? all : all.slice(0, o.inputs);
	const state = replayShift(shift, 11, inputs);
	return {
		id: o.id,
		learnerId: o.learnerId ?? 'ana',
		shiftId: shift.meta.id,
		contentHash: shift.hash,
		seed: 11,
		inputs,
		startedAt: o.startedAt,
		updatedAt: o.updatedAt,
		...(state.finished ? { finishedAt: o.updatedAt } : {}),
		...shiftSummaryOf(state, o.assignment?.passMark),
		...(o.assignment ? { assignmentId: o.assignment.id, passMark: o.assignment.passMark } : {})
	};
}
