import type { Interaction } from '../../content/schema/scenario';
import type { Evidence, Input, Marks } from '../types';
import { parsePoints } from '../../content/points';

/** A learner's answer keyed by an authored id: own keys only, so an id "constructor" never reads Object's. */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
	return Object.hasOwn(record, key) ? record[key] : undefined;
}

export interface Graded {
	feedback: string[];
	/** Undefined when the block relies on its default `next`. */
	next: string | undefined;
	evidence: Evidence[];
	critical?: string;
	moodDelta?: number;
	marks: Marks;
	verdict: 'best' | 'partial' | 'wrong';
}

type BlockOf<K extends Interaction['kind']> = Extract<Interaction, { kind: K }>['block'];

/** One interaction kind's grading logic. Pure: no clock, no randomness, no I/O. */
export interface Grader<K extends Interaction['kind']> {
	/** Ids the learner picks among, in authored order; the player shows them in a seeded order. */
	choices(block: BlockOf<K>): string[];
	/** A plain message naming what is wrong with the input, or undefined when it can be graded. */
	check(block: BlockOf<K>, input: Input): string | undefined;
	grade(block: BlockOf<K>, input: Input): Graded;
}

export function evidenceOf(map: Record<string, string>): Evidence[] {
	return Object.entries(map).map(([competency, p]) => ({ competency, ...parsePoints(p) }));
}

export function verdictOf(earned: number, possible: number): Graded['verdict'] {
	return earned === possible ? 'best' : earned === 0 ? 'wrong' : 'partial';
}

export function sumEarned(evidence: Evidence[]): { earned: number; possible: number } {
	return evidence.reduce((t, e) => ({ earned: t.earned + e.earned, possible: t.possible + e.possible }), { earned: 0, possible: 0 });
}

/** Best options by share of points earned (ties are all best). */
export function bestOf(options: { id: string; evidence: Record<string, string>; critical?: string }[]): string[] {
	const share = (o: (typeof options)[number]) => {
		const { earned, possible } = sumEarned(evidenceOf(o.evidence));
		return o.critical ? -1 : possible === 0 ? 0 : earned / possible;
	};
	const top = Math.max(...options.map(share));
	return options.filter((o) => share(o) === top).map((o) => o.id);
}
