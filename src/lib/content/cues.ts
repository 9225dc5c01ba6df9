import { parsePoints } from './points';
import type { Scenario } from './schema/scenario';
import type { Item } from './schema/questions';

/**
 * Surface cues: what a test-wise learner who knows nothing of the subject could use to pick an
 * answer (its length, its hedging, its politeness, an "always" in the others). Pure: used by the
 * content check, the author page's warnings and the test-wiseness guard.
 */

/** One option as a reader sees it, with how much credit it earns (1 = full marks). */
export interface CueOption {
	id: string;
	text: string;
	/** Share of the step's points this option earns: 0…1; a critical option counts 0. */
	credit: number;
}

/** One decision: a single-answer step or exam item, or a pick-all step (each option right or wrong). */
export interface CueDecision {
	where: string;
	/** File line of the step's block, when the decision comes from a scenario. */
	line?: number;
	/** single: one option is picked; all: any subset, each option judged on its own. */
	mode: 'single' | 'all';
	options: CueOption[];
}

/** Thresholds of the guard and the warnings, kept in one place. */
export const CUE_LIMITS = {
	/** A strategy that knows nothing may beat chance by at most this many percentage points. */
	aboveChance: 10,
	/** A know-nothing strategy may pass a scenario in at most this share of its runs. */
	passShare: 0.1,
	/** Warn when the key is this much longer than the longest other option (0.2 = 20%). */
	keyLonger: 0.2,
	/** Warn when the key is this much shorter than the shortest other option. */
	keyShorter: 0.2,
	/** …and by at least this many characters (short numeric options differ by a character or two). */
	minCharsApart: 10
} as const;

/** Visible text: no Markdown emphasis, quotes or surrounding spaces. */
export function plain(text: string): string {
	return text
		.replace(/[*_`]/g, '')
		.replace(/^["'“‘\s]+|["'”’\s]+$/g, '')
		.replace(/\s+/g, ' ')
		.trim();
}

export const cueLength = (text: string): number => plain(text).length;

const words = (text: string) => plain(text).toLowerCase().match(/[a-z']+/g) ?? [];

/** Words that make a claim absolute: a test-wise reader rules such options out. */
export const ABSOLUTE = ['always', 'never', 'only', 'all', 'none', 'every', 'any', 'cannot', "can't", 'must', 'nothing', 'forbids', 'guaranteed'];
/** Words that soften a claim: a test-wise reader favours such options. */
export const HEDGE = ['usually', 'generally', 'often', 'may', 'might', 'can', 'could', 'typically', 'likely', 'some', 'most', 'if', 'unless', 'depending', 'when'];
/** Words of courtesy and care: a test-wise reader favours the one kind-sounding reply. */
export const POLITE = ['please', 'sorry', 'understand', 'thank', 'thanks', 'happy', 'help', 'glad', 'appreciate', 'worried', 'frustrating'];
/** Words of the "safe habit" a test-wise reader has learnt to pick in office scenarios. */
export const PROCEDURE = ['verify', 'confirm', 'document', 'policy', 'privacy', 'officer', 'authorization', 'check', 'note', 'record', 'supervisor', 'manager'];

const count = (text: string, list: readonly string[]) => {
	const set = new Set(list);
	return words(text).filter((w) => set.has(w)).length;
};

export const hedgeCount = (text: string) => count(text, HEDGE);
export const absoluteCount = (text: string) => count(text, ABSOLUTE);
export const politeCount = (text: string) => count(text, POLITE);

/** Our own keyword heuristic: what a coached but ignorant learner would reach for. */
export function keywordScore(text: string): number {
	return hedgeCount(text) + politeCount(text) + count(text, PROCEDURE) - 2 * absoluteCount(text) + cueLength(text) / 200;
}

/**
 * A strategy that knows nothing of the subject: it sees only the options' texts. For a single-answer
 * decision it returns the probability of picking each option (ties shared); for a pick-all decision
 * the probability of ticking each one.
 */
export interface Strategy {
	name: string;
	single(texts: string[]): number[];
	all(texts: string[]): number[];
}

/** The options with the highest score share the pick. */
function argmax(scores: number[]): number[] {
	const top = Math.max(...scores);
	const n = scores.filter((s) => s === top).length;
	return scores.map((s) => (s === top ? 1 / n : 0));
}

/** Tick the options scoring above the median; those on it half the time. */
function aboveMedian(scores: number[]): number[] {
	const sorted = [...scores].sort((a, b) => a - b);
	const mid = sorted.length / 2;
	const median = sorted.length % 2 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
	return scores.map((s) => (s > median ? 1 : s === median ? 0.5 : 0));
}

function scored(name: string, score: (text: string) => number): Strategy {
	return { name, single: (t) => argmax(t.map(score)), all: (t) => aboveMedian(t.map(score)) };
}

/** Pick the option(s) whose length ranks k-th (0 = longest): a reader who has learnt "not the longest". */
function lengthRank(name: string, k: number): Strategy {
	return {
		name,
		single(texts) {
			const lens = texts.map(cueLength);
			const sorted = [...lens].sort((a, b) => b - a);
			const target = sorted[Math.min(k, sorted.length - 1)]!;
			return argmax(lens.map((l) => -Math.abs(l - target)));
		},
		all: (t) => t.map(() => 0.5)
	};
}

export const STRATEGIES: readonly Strategy[] = [
	scored('longest', cueLength),
	lengthRank('2nd longest', 1),
	lengthRank('2nd shortest', 2),
	scored('shortest', (t) => -cueLength(t)),
	scored('most hedged', (t) => hedgeCount(t) - absoluteCount(t)),
	scored('keywords', keywordScore)
];

export const RANDOM: Strategy = {
	name: 'random',
	single: (t) => t.map(() => 1 / t.length),
	all: (t) => t.map(() => 0.5)
};

/** Expected share of a decision's credit a strategy earns. */
export function expectedCredit(decision: CueDecision, strategy: Strategy): number {
	const texts = decision.options.map((o) => o.text);
	if (decision.mode === 'single') {
		const p = strategy.single(texts);
		return decision.options.reduce((n, o, i) => n + p[i]! * o.credit, 0);
	}
	// Pick-all: each option is right when ticked as it should be (credit 1 = should be ticked).
	const p = strategy.all(texts);
	return decision.options.reduce((n, o, i) => n + (o.credit >= 1 ? p[i]! : 1 - p[i]!), 0) / decision.options.length;
}

export interface CueWarning {
	where: string;
	line?: number;
	message: string;
}

/** Author-facing warnings for one decision: each names the cue and what to do about it. */
export function cueWarnings(decision: CueDecision): CueWarning[] {
	const out: CueWarning[] = [];
	const warn = (message: string) => out.push({ where: decision.where, line: decision.line, message });
	const keys = decision.options.filter((o) => o.credit >= 1);
	const others = decision.options.filter((o) => o.credit < 1);
	if (decision.mode !== 'single' || keys.length === 0 || others.length === 0) return out;
	const len = (o: CueOption) => cueLength(o.text);
	const keyMin = Math.min(...keys.map(len));
	const keyMax = Math.max(...keys.map(len));
	const otherMax = Math.max(...others.map(len));
	const otherMin = Math.min(...others.map(len));
	if (keyMin > otherMax * (1 + CUE_LIMITS.keyLonger) && keyMin - otherMax >= CUE_LIMITS.minCharsApart)
		warn(`the right answer is much longer than every other option (${keyMin} characters against at most ${otherMax}): write the options alike in length and detail`);
	if (keyMax < otherMin * (1 - CUE_LIMITS.keyShorter) && otherMin - keyMax >= CUE_LIMITS.minCharsApart)
		warn(`the right answer is much shorter than every other option (${keyMax} characters against at least ${otherMin}): write the options alike in length and detail`);
	const has = (f: (t: string) => number, list: CueOption[]) => list.filter((o) => f(o.text) > 0).length;
	if (has(absoluteCount, keys) === 0 && has(absoluteCount, others) === others.length && others.length >= 2)
		warn('only the wrong options say always, never, only or the like: a test-wise reader rules them out unread');
	if (has(hedgeCount, keys) === keys.length && has(hedgeCount, others) === 0)
		warn('only the right answer is hedged (usually, may, if…): hedge the others too, or none');
	if (has(politeCount, keys) === keys.length && has(politeCount, others) === 0)
		warn('only the right answer sounds courteous (please, sorry, I understand…): give the wrong options the same tone');
	return out;
}

type Credited = { id: string; text: string; evidence: Record<string, string>; critical?: string };

/** Each option's share of the step's best share of points: the best option(s) get 1, a critical one 0. */
function credits(options: readonly Credited[]): CueOption[] {
	const share = (o: Credited) => {
		if (o.critical) return 0;
		let earned = 0;
		let possible = 0;
		for (const p of Object.values(o.evidence)) {
			const pts = parsePoints(p);
			earned += pts.earned;
			possible += pts.possible;
		}
		return possible === 0 ? 0 : earned / possible;
	};
	const top = Math.max(...options.map(share));
	return options.map((o) => ({ id: o.id, text: o.text, credit: top > 0 ? share(o) / top : 0 }));
}

/** The choice, dialogue and pick-all decisions of a scenario, as a reader of the options sees them. */
export function scenarioDecisions(scenario: Pick<Scenario, 'steps' | 'stepOrder' | 'meta'>): CueDecision[] {
	const out: CueDecision[] = [];
	for (const id of scenario.stepOrder) {
		const i = scenario.steps[id]?.interaction;
		const where = `${scenario.meta.id} › ${id}`;
		const line = i?.line;
		if (i?.kind === 'choice') out.push({ where, line, mode: 'single', options: credits(i.block.options) });
		else if (i?.kind === 'dialogue') out.push({ where, line, mode: 'single', options: credits(i.block.replies) });
		else if (i?.kind === 'multi-choice')
			out.push({ where, line, mode: 'all', options: i.block.options.map((o) => ({ id: o.id, text: o.text, credit: o.correct ? 1 : 0 })) });
	}
	return out;
}

/** An exam item as a single-answer decision. */
export function itemDecision(item: Pick<Item, 'id' | 'options' | 'key'>): CueDecision {
	return { where: item.id, mode: 'single', options: item.options.map((o) => ({ id: o.id, text: o.text, credit: o.id === item.key ? 1 : 0 })) };
}
