/**
 * Plays scenarios as a learner who knows nothing of the subject would: picking by the options'
 * surface (length, hedging, tone) or at random. If such a player scores well, the score measures
 * test-wiseness, not competence. Pure: used by the test-wiseness guard and `npm run cues`.
 */
import type { Scenario } from '../content/schema/scenario';
import type { Item } from '../content/schema/questions';
import { expectedCredit, itemDecision, RANDOM, STRATEGIES, type Strategy } from '../content/cues';
import { answer, start, summarize } from './engine';
import { rng, shuffled } from './rng';
import type { AttemptState, Input } from './types';
import { INBOX_PRIORITIES, INBOX_ROUTES } from '../content/inbox-terms';
import { MATCH_ACTIONS } from '../content/match-terms';
import { AUDIT_REASONS, CONCLUSIONS, FINDINGS, RISK_FACTORS, noticeDeadline } from '../content/audit-terms';

const CHOICE_KINDS = new Set(['choice', 'dialogue', 'multi-choice']);

function pick(p: number[], r: () => number): number {
	let x = r();
	for (let i = 0; i < p.length; i++) {
		x -= p[i]!;
		if (x < 0) return i;
	}
	return p.length - 1;
}

/** What a learner who knows nothing submits at a step that has no options to read: the blank form. */
function blankInput(state: AttemptState, r: () => number): Input {
	const i = state.scenario.steps[state.stepId!]!.interaction!;
	switch (i.kind) {
		case 'triage': {
			const ids = i.block.items.map((x) => x.id);
			if (i.block.mode === 'order') return { kind: 'triage', order: shuffled(ids, Math.floor(r() * 2 ** 32)) };
			const cats = (i.block.categories ?? []).map((c) => c.id);
			return { kind: 'triage', placements: Object.fromEntries(ids.map((id) => [id, cats[Math.floor(r() * cats.length)]!])) };
		}
		case 'schedule':
			return { kind: 'schedule', actions: [], collected: {} };
		case 'code':
			// The least a coder can enter: an unspecified diagnosis and the commonest office visit.
			return { kind: 'code', diagnoses: ['R69'], lines: [{ code: '99213', modifiers: [], units: 1, pointers: 'A' }] };
		case 'claim':
			return { kind: 'claim', fields: {} };
		case 'remittance':
			return { kind: 'remittance', lines: i.block.lines.map(() => ({ payment: '0.00', adjustment: '0.00', patient: '0.00' })), balance: '0.00' };
		case 'verify':
			return { kind: 'verify', actions: Object.fromEntries(i.block.rows.map((row) => [row.id, 'ok'])), collect: '0.00' };
		case 'inbox': {
			// A guess per item among the routes and priorities on the screen (and the first script for a reply).
			const at = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
			return { kind: 'inbox', items: Object.fromEntries(i.block.items.map((x) => { const route = at(INBOX_ROUTES); return [x.id, { route, priority: at(INBOX_PRIORITIES), ...(route === 'reply' && i.block.replies.length ? { reply: i.block.replies[0]!.id } : {}) }]; })) };
		}
		case 'index': {
			// A know-nothing clerk files every page to a random patient of the roster, as "other", dated today.
			const roster = i.block.context.patients;
			return { kind: 'index', filed: Object.fromEntries(i.block.documents.map((d) => [d.id, { misdirected: false, patient: roster[Math.floor(r() * roster.length)]!.id, type: 'other', date: '2025-11-24' }])) };
		}
		case 'match': {
			// A guess per set of charts: any decision, any MRN kept, any value for each field.
			const at = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
			return { kind: 'match', pairs: Object.fromEntries(i.block.pairs.map((p) => [p.id, { action: at(MATCH_ACTIONS), survivor: at(p.records).mrn, fixes: Object.fromEntries(p.fixes.map((f) => [f.id, at(f.options)])) }])) };
		}
		case 'audit': {
			// A guess per row: appropriate or not; a row called not appropriate gets a guessed reason, no exception, guessed factors and conclusion, every party told by discovery + 60 days.
			const at = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
			const deadline = noticeDeadline(i.block.discovered);
			return { kind: 'audit', rows: Object.fromEntries(i.block.rows.map((row) => [row.id, r() < 0.5 ? { verdict: 'appropriate', reason: '', exception: '', factors: {}, conclusion: '', notify: [], deadline: '' } : { verdict: 'inappropriate', reason: at(AUDIT_REASONS), exception: 'none', factors: Object.fromEntries(RISK_FACTORS.map((f) => [f, at(FINDINGS)])), conclusion: at(CONCLUSIONS), notify: ['individual', 'hhs-log'], deadline }])) };
		}
		case 'report':
			// A know-nothing clerk runs the first report with no filters and answers 0, nobody and the first option.
			return { kind: 'report', report: 'no-show', filters: {}, answers: Object.fromEntries(i.block.questions.map((q) => [q.id, q.type === 'number' ? '0' : q.type === 'patients' ? [] : q.options[Math.floor(r() * q.options.length)]!.id])) };
		default:
			throw new Error(`no blank input for ${i.kind}`);
	}
}

export function strategyInput(state: AttemptState, strategy: Strategy, r: () => number): Input {
	const i = state.scenario.steps[state.stepId!]!.interaction!;
	if (i.kind === 'choice') {
		const p = strategy.single(i.block.options.map((o) => o.text));
		return { kind: 'choice', optionId: i.block.options[pick(p, r)]!.id };
	}
	if (i.kind === 'dialogue') {
		const p = strategy.single(i.block.replies.map((o) => o.text));
		return { kind: 'dialogue', replyId: i.block.replies[pick(p, r)]!.id };
	}
	if (i.kind === 'multi-choice') {
		const p = strategy.all(i.block.options.map((o) => o.text));
		return { kind: 'multi-choice', optionIds: i.block.options.filter((_, n) => r() < p[n]!).map((o) => o.id) };
	}
	return blankInput(state, r);
}

export interface PlayResult {
	/** Points of the choice, dialogue and pick-all steps reached. */
	earned: number;
	possible: number;
	/** The whole scenario as the player would score it. */
	score: number;
	passed: boolean;
}

/** One play-through of a scenario by a strategy; the seed picks the variant and breaks ties. */
export function playAs(scenario: Scenario, strategy: Strategy, seed: number): PlayResult {
	const r = rng(seed ^ 0x5bd1e995);
	let state = start(scenario, seed);
	let earned = 0;
	let possible = 0;
	for (let guard = 0; state.stepId !== null && guard < 200; guard++) {
		const kind = state.scenario.steps[state.stepId]!.interaction!.kind;
		const { state: next, outcome } = answer(state, strategyInput(state, strategy, r));
		if (CHOICE_KINDS.has(kind))
			for (const e of outcome.evidence) {
				earned += e.earned;
				possible += e.possible;
			}
		state = next;
	}
	const s = summarize(state);
	return { earned, possible, score: s.score, passed: s.passed };
}

export interface ScenarioFigures {
	id: string;
	/** Mean share of the decision points (choice, dialogue, pick-all) earned. */
	decisionShare: number;
	/** Share of runs that passed the scenario. */
	passShare: number;
	/** Whether the scenario has any decision a strategy can read. */
	readable: boolean;
}

export interface StrategyFigures {
	strategy: string;
	/** Decision points earned over all scenarios, as a share of those possible (mean over runs). */
	decisionShare: number;
	scenarios: ScenarioFigures[];
}

/** Every strategy (and random) over every scenario, `runs` seeded plays each. */
export function scenarioFigures(scenarios: readonly Scenario[], runs: number): StrategyFigures[] {
	return [...STRATEGIES, RANDOM].map((strategy) => {
		let earned = 0;
		let possible = 0;
		const per = scenarios.map((s) => {
			let e = 0;
			let p = 0;
			let passes = 0;
			for (let n = 0; n < runs; n++) {
				const r = playAs(s, strategy, 1000 + n * 7919);
				e += r.earned;
				p += r.possible;
				if (r.passed) passes++;
			}
			earned += e;
			possible += p;
			return { id: s.meta.id, decisionShare: p ? e / p : 0, passShare: passes / runs, readable: p > 0 };
		});
		return { strategy: strategy.name, decisionShare: possible ? earned / possible : 0, scenarios: per };
	});
}

export interface BankFigures {
	domain: string;
	items: number;
	/** Expected share right, per strategy name (random included). */
	byStrategy: Record<string, number>;
}

/** Every strategy over the item bank, per domain (the competency id's first two parts). */
export function bankFigures(items: readonly Pick<Item, 'id' | 'options' | 'key' | 'competency'>[]): BankFigures[] {
	const byDomain = new Map<string, (typeof items)[number][]>();
	for (const item of items) {
		const domain = item.competency.split('.').slice(0, 2).join('.');
		byDomain.set(domain, [...(byDomain.get(domain) ?? []), item]);
	}
	return [...byDomain].map(([domain, list]) => ({
		domain,
		items: list.length,
		byStrategy: Object.fromEntries(
			[...STRATEGIES, RANDOM].map((s) => [s.name, list.reduce((n, item) => n + expectedCredit(itemDecision(item), s), 0) / list.length])
		)
	}));
}
