import type { Shift } from '../../src/lib/content/schema/shift';
import { act, startShift, type ShiftInput, type ShiftState } from '../../src/lib/engine/shift';
import type { Input } from '../../src/lib/engine/types';

/**
 * A player for shipped shifts: 'best' works the most urgent task first and gives each step's
 * full-marks option; 'worst' works tasks in arrival order and gives the lowest-scoring option.
 */
export function play(shift: Shift, seed: number, how: 'best' | 'worst'): ShiftState & { inputs: ShiftInput[] } {
	let s = startShift(shift, seed);
	const inputs: ShiftInput[] = [];
	const step = (i: ShiftInput) => (inputs.push(i), (s = act(s, i).state));
	const rank = { urgent: 0, soon: 1, routine: 2 } as const;
	for (let guard = 0; !s.finished && guard < 500; guard++) {
		const attempt = s.current ? s.tasks.find((t) => t.key === s.current)!.attempt! : null;
		if (attempt) {
			const it = attempt.scenario.steps[attempt.stepId!]!.interaction!;
			const options = it.kind === 'choice' ? it.block.options : it.kind === 'dialogue' ? it.block.replies : [];
			const worth = (o: { evidence: Record<string, string> }) => Object.values(o.evidence).reduce((n, p) => n + Number(p.split('/')[0]), 0);
			const sorted = [...options].sort((a, b) => worth(b) - worth(a));
			const pick = (how === 'best' ? sorted[0] : sorted.at(-1))!;
			step({ kind: 'answer', input: (it.kind === 'choice' ? { kind: 'choice', optionId: pick.id } : { kind: 'dialogue', replyId: pick.id }) as Input });
			continue;
		}
		const open = s.tasks.filter((t) => ['ringing', 'waiting', 'on-hold'].includes(t.status));
		const urgency = (key: string) => rank[shift.meta.events.find((e) => e.id === s.tasks.find((t) => t.key === key)!.eventId)!.urgency];
		const next = how === 'best' ? [...open].sort((a, b) => urgency(a.key) - urgency(b.key) || a.arrivedAt - b.arrivedAt)[0] : open[0];
		step(next ? { kind: 'work', task: next.key } : { kind: 'wait' });
	}
	return { ...s, inputs };
}

