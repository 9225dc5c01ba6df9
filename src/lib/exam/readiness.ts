/**
 * Readiness: how likely the learner is to pass, per domain and overall, from recent item answers
 * weighted by difficulty, with the uncertainty stated and the evidence behind it counted.
 *
 * Model: per domain, a Beta posterior on the share of exam-level items answered right. A hard item
 * counts more than an easy one (weights 0.75 / 1 / 1.25 for difficulty 1 / 2 / 3), and answers older
 * than the most recent 60 in a domain are dropped: readiness is about now. Passing is taken as
 * answering at least PASS_SHARE of the items right — an approximation: NHA reports scaled scores
 * (CEHRS passes at 390 of 500), not a fixed share, so the figure is an estimate, said as such.
 */
import { betaCdf, betaQuantile } from '../engine/mastery';

export const PASS_SHARE = 0.7;
export const RECENT_PER_DOMAIN = 60;
const WEIGHT = { 1: 0.75, 2: 1, 3: 1.25 } as const;

export interface ItemAnswer {
	domain: string;
	difficulty: 1 | 2 | 3;
	correct: boolean;
	at: number;
}

export interface DomainReadiness {
	domain: string;
	/** Estimated share right on exam items in this domain. */
	estimate: number;
	low: number;
	high: number;
	/** Chance that the true share is at or above the pass share. */
	pPass: number;
	answers: number;
}

export interface Readiness {
	domains: DomainReadiness[];
	/** Blueprint-weighted estimate and its chance of reaching the pass share overall. */
	overall: { estimate: number; low: number; high: number; pPass: number; answers: number };
	/** Domains with too few answers for a useful estimate. */
	thin: string[];
}

function posterior(answers: readonly ItemAnswer[]) {
	let alpha = 1;
	let beta = 1;
	for (const a of answers) {
		const w = WEIGHT[a.difficulty];
		if (a.correct) alpha += w;
		else beta += w;
	}
	return { alpha, beta };
}

/** `shares`: each domain's share of the exam (CMAA items / 110, CEHRS weights). */
export function readiness(answers: readonly ItemAnswer[], shares: ReadonlyMap<string, number>): Readiness {
	const domains: DomainReadiness[] = [];
	let mean = 0;
	let variance = 0;
	let count = 0;
	for (const [domain, share] of shares) {
		const recent = answers
			.filter((a) => a.domain === domain)
			.sort((a, b) => b.at - a.at)
			.slice(0, RECENT_PER_DOMAIN);
		const { alpha, beta } = posterior(recent);
		const estimate = alpha / (alpha + beta);
		domains.push({ domain, estimate, low: betaQuantile(0.05, alpha, beta), high: betaQuantile(0.95, alpha, beta), pPass: 1 - betaCdf(PASS_SHARE, alpha, beta), answers: recent.length });
		mean += share * estimate;
		variance += share * share * ((alpha * beta) / ((alpha + beta) ** 2 * (alpha + beta + 1)));
		count += recent.length;
	}
	// The overall share is a blueprint-weighted sum of independent domain shares: a normal
	// approximation of its spread is close enough for a statement of uncertainty.
	const sd = Math.sqrt(variance);
	const clamp = (x: number) => Math.min(1, Math.max(0, x));
	const pPass = 1 - normalCdf((PASS_SHARE - mean) / Math.max(sd, 1e-9));
	return {
		domains,
		overall: { estimate: mean, low: clamp(mean - 1.645 * sd), high: clamp(mean + 1.645 * sd), pPass, answers: count },
		thin: domains.filter((d) => d.answers < 10).map((d) => d.domain)
	};
}

/** Standard normal CDF (Abramowitz and Stegun 7.1.26 via erf). */
export function normalCdf(z: number): number {
	const t = 1 / (1 + 0.3275911 * (Math.abs(z) / Math.SQRT2));
	const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-(z * z) / 2);
	return z >= 0 ? 0.5 * (1 + y) : 0.5 * (1 - y);
}

/**
 * The domain to practise next: one with too little evidence first (fewest answers), else the one
 * with the lowest estimate.
 */
export function weakestDomain(r: Readiness): DomainReadiness | undefined {
	return [...r.domains].sort((a, b) => Number(b.answers < 10) - Number(a.answers < 10) || (a.answers < 10 ? a.answers - b.answers : a.estimate - b.estimate))[0];
}
