/**
 * The shipped shifts as a learner meets them: worked well they pass with nothing coming back later;
 * worked carelessly they fail; every consequence can be brought about by some choice and by no good
 * one; the day rebuilds from its inputs; and the seed changes who and when, not what is taught.
 */
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/content';
import type { Shift } from '../../src/lib/content/schema/shift';
import { minutesOf } from '../../src/lib/content/shift-clock';
import { CUE_LIMITS, cueWarnings, scenarioDecisions } from '../../src/lib/content/cues';
import { replayShift, startShift, summarizeShift, type ShiftState } from '../../src/lib/engine/shift';
import { scenarioFigures } from '../../src/lib/engine/test-wiseness';
import { readContentFiles } from '../../scripts/read-content';
import { play, type PlayChanges } from '../support/shift-player';

const files = readContentFiles();
delete files['content/codesets/icd10cm-2026.tsv'];
delete files['content/codesets/hcpcs-2025oct.tsv'];
const loaded = loadContent(files);
const shifts: Shift[] = loaded.content?.shifts ?? [];
const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];

/** The best play with one change: the answer or set-aside that should bring the consequence. */
function changesFor(c: Shift['meta']['consequences'][number], option?: string): PlayChanges {
	if (c.if.answered) return { answers: { [`${c.if.task}/${c.if.answered.step}`]: option! } };
	// Left waiting, not set aside: a shift with nothing open and nothing to come closes early.
	if (c.if.notDoneBy) return { postpone: { [c.if.task]: c.if.notDoneBy } };
	return { setAside: [c.if.task] };
}
const brought = (s: ShiftState, eventId: string) => s.tasks.some((t) => t.eventId === eventId);

describe('shipped shifts', () => {
	it('load without errors and include the midday phones, the billing afternoon and the records afternoon', () => {
		expect(loaded.errors).toEqual([]);
		expect(shifts.map((s) => s.meta.id)).toEqual(expect.arrayContaining(['morning-rush', 'midday-phones', 'billing-afternoon', 'records-afternoon']));
	});

	for (const shift of shifts) {
		describe(shift.meta.id, () => {
			it('runs two to three hours with at least 12 timed tasks, an urgent one among them, and 3 consequences that cross tasks', () => {
				const hours = (shift.end - shift.start) / 60;
				expect(hours).toBeGreaterThanOrEqual(2);
				expect(hours).toBeLessThanOrEqual(3);
				const timed = shift.meta.events.filter((e) => e.at !== undefined);
				expect(timed.length).toBeGreaterThanOrEqual(12);
				expect(timed.some((e) => e.urgency === 'urgent')).toBe(true);
				expect(shift.meta.consequences.filter((c) => c.then !== c.if.task).length).toBeGreaterThanOrEqual(3);
			});

			it('worked well, passes with no critical error, nothing left to come back, and the urgent work first', () => {
				for (const seed of SEEDS) {
					const best = play(shift, seed, 'best');
					const sum = summarizeShift(best);
					expect(sum.critical, `seed ${seed}`).toEqual([]);
					expect(best.fired, `seed ${seed}`).toEqual([]);
					expect(sum.prioritisation.score, `seed ${seed}`).toBe(1);
					expect(sum.timeliness.notDone, `seed ${seed}`).toEqual([]);
					expect(sum.passed, `seed ${seed}`).toBe(true);
				}
			});

			it('worked carelessly (in arrival order, the weakest answer each time), fails and brings consequences', () => {
				for (const seed of SEEDS) {
					const worst = play(shift, seed, 'worst');
					expect(summarizeShift(worst).passed, `seed ${seed}`).toBe(false);
					expect(worst.fired.length, `seed ${seed}`).toBeGreaterThanOrEqual(2);
				}
			});

			for (const c of shift.meta.consequences) {
				const options = c.if.answered?.with ?? [undefined];
				for (const option of options) {
					const how = c.if.answered ? `answering ${c.if.answered.step} with "${option}"` : c.if.skipped ? 'setting the task aside' : `leaving the task undone past ${c.if.notDoneBy}`;
					it(`${c.id}: ${how} in ${c.if.task} brings ${c.then}; the best play does not`, () => {
						const s = play(shift, 1, 'best', changesFor(c, option));
						expect(s.fired).toContain(c.id);
						expect(brought(s, c.then)).toBe(true);
						expect(s.log.some((l) => l.kind === 'consequence' && l.text === c.because)).toBe(true);
						// It arrives when the rule says: after the trigger, or at its set time.
						const arrived = s.tasks.find((t) => t.eventId === c.then)!.arrivedAt;
						if (c.at !== undefined) expect(arrived).toBeGreaterThanOrEqual(minutesOf(c.at));
						if (c.if.notDoneBy !== undefined) expect(arrived).toBeGreaterThanOrEqual(minutesOf(c.if.notDoneBy) + (c.after ?? 0));
						for (const seed of SEEDS) expect(brought(play(shift, seed, 'best'), c.then), `seed ${seed}`).toBe(false);
					});
				}
			}

			it('rebuilt from its seed and inputs equals the live state, for good and careless days', () => {
				for (const seed of [1, 5]) {
					for (const how of ['best', 'worst'] as const) {
						const { inputs, ...live } = play(shift, seed, how);
						expect(replayShift(shift, seed, inputs)).toEqual(live);
					}
				}
			});

			it('the seed moves arrivals within their jitter and picks variants, while the decisions stay the same', () => {
				const timesOf = new Map<string, Set<number>>();
				const variantsOf = new Map<string, Set<number>>();
				const decisionsOf = new Map<string, Set<string>>();
				for (let seed = 1; seed <= 24; seed++) {
					for (const a of startShift(shift, seed).upcoming) {
						const e = shift.meta.events.find((x) => x.id === a.eventId)!;
						expect(Math.abs(a.at - minutesOf(e.at!))).toBeLessThanOrEqual(e.jitter);
						timesOf.set(e.id, (timesOf.get(e.id) ?? new Set()).add(a.at));
					}
					for (const t of play(shift, seed, 'best').tasks) {
						if (!t.attempt) continue;
						variantsOf.set(t.eventId, (variantsOf.get(t.eventId) ?? new Set()).add(t.attempt.variantIndex));
						const chosen = t.attempt.outcomes.map((o) => `${o.stepId}:${o.marks.kind === 'choice' || o.marks.kind === 'dialogue' ? o.marks.chosen : ''}`).join(' ');
						decisionsOf.set(t.eventId, (decisionsOf.get(t.eventId) ?? new Set()).add(chosen));
					}
				}
				const jittered = shift.meta.events.filter((e) => e.at !== undefined && e.jitter > 0);
				expect(jittered.length).toBeGreaterThan(0);
				for (const e of jittered) expect(timesOf.get(e.id)!.size, e.id).toBeGreaterThan(1);
				for (const e of shift.meta.events.filter((x) => (x.variants?.length ?? 0) > 1 && x.at !== undefined)) expect(variantsOf.get(e.id)?.size, e.id).toBeGreaterThan(1);
				// Whatever the variant and the timing, the best answers are the same steps and options.
				for (const [id, set] of decisionsOf) expect(set.size, id).toBe(1);
			});
		});
	}

	it('each new shift varies some task by seed (a different patient or detail), not only its time', () => {
		for (const id of ['midday-phones', 'billing-afternoon', 'records-afternoon']) {
			const shift = shifts.find((s) => s.meta.id === id)!;
			expect(shift.meta.events.some((e) => (e.variants?.length ?? 0) > 1), id).toBe(true);
		}
	});

	it("every answer short of full marks says why, citing 45 CFR, a CMS or payer rule, or the practice's policy", () => {
		const cites = /45 CFR 16\d\.\d+|CMS|CDC|CARC|CO-\d+|PR-\d|Medicare|No Surprises|polic(y|ies)|template|checklist|hours/;
		const missing: string[] = [];
		for (const shift of shifts.filter((s) => s.meta.id !== 'morning-rush'))
			for (const task of Object.values(shift.tasks))
				for (const step of Object.values(task.steps)) {
					const it = step.interaction;
					const options = it?.kind === 'choice' ? it.block.options : it?.kind === 'dialogue' ? it.block.replies : [];
					const best = Math.max(...options.map((o) => Object.values(o.evidence).reduce((n, p) => n + Number(p.split('/')[0]), 0)));
					for (const o of options) {
						const earned = Object.values(o.evidence).reduce((n, p) => n + Number(p.split('/')[0]), 0);
						if ((earned < best || o.critical) && !cites.test(o.feedback ?? '')) missing.push(`${shift.meta.id} › ${task.meta.id} › ${step.id} › ${o.id}`);
					}
				}
		expect(missing).toEqual([]);
	});

	it('gives no answer away by its length or tone: no cue warnings, and no know-nothing strategy beats chance by more than the margin', () => {
		const tasks = shifts.flatMap((s) => Object.values(s.tasks));
		const warnings = tasks.flatMap((t) => scenarioDecisions(t).flatMap(cueWarnings)).map((w) => `${w.where}: ${w.message}`);
		expect(warnings).toEqual([]);
		const figures = scenarioFigures(tasks, 5);
		const chance = figures.find((f) => f.strategy === 'random')!.decisionShare;
		const over = figures.filter((f) => f.decisionShare > chance + CUE_LIMITS.aboveChance / 100).map((f) => `${f.strategy} earns ${(100 * f.decisionShare).toFixed(1)}% (chance ${(100 * chance).toFixed(1)}%)`);
		expect(over).toEqual([]);
	});
});
