/** One piece of evidence for a competency, in the order it was earned (oldest first). */
export interface EvidenceEvent {
	competency: string;
	earned: number;
	possible: number;
}

export type MasteryLevel = 'not-started' | 'needs-work' | 'developing' | 'mastered';

export interface Mastery {
	competency: string;
	/** Posterior mean of the chance of getting this competency right. */
	estimate: number;
	/** 90% credible interval. */
	low: number;
	high: number;
	/** Points of evidence behind it, after recency weighting. */
	weight: number;
	/** Raw points possible seen. */
	points: number;
	level: MasteryLevel;
}

/** Evidence loses half its weight every HALF_LIFE points that come after it: recent work counts more. */
export const HALF_LIFE = 12;
/** "Mastered" when we are 95% sure the learner is right at least this often. */
export const MASTERY_FLOOR = 0.7;

/**
 * Mastery as a Beta posterior (uniform prior) over recency-weighted points. One lucky answer cannot
 * make "mastered": with a uniform prior, the 5th percentile passes 0.7 only after about nine
 * straight points.
 */
export function computeMastery(events: readonly EvidenceEvent[]): Map<string, Mastery> {
	const byCompetency = new Map<string, EvidenceEvent[]>();
	for (const e of events) {
		const list = byCompetency.get(e.competency) ?? [];
		list.push(e);
		byCompetency.set(e.competency, list);
	}
	const out = new Map<string, Mastery>();
	for (const [competency, list] of byCompetency) {
		let alpha = 1;
		let beta = 1;
		let after = 0;
		let points = 0;
		for (let i = list.length - 1; i >= 0; i--) {
			const e = list[i]!;
			const w = Math.pow(0.5, after / HALF_LIFE);
			alpha += w * e.earned;
			beta += w * (e.possible - e.earned);
			after += e.possible;
			points += e.possible;
		}
		out.set(competency, describe(competency, alpha, beta, points));
	}
	return out;
}

/** The posterior means alone (no interval), for many points of a trend: cheap enough to run per day. */
export function computeEstimates(events: readonly EvidenceEvent[]): Map<string, number> {
	const sums = new Map<string, { alpha: number; beta: number; after: number }>();
	for (let i = events.length - 1; i >= 0; i--) {
		const e = events[i]!;
		const s = sums.get(e.competency) ?? { alpha: 1, beta: 1, after: 0 };
		const w = Math.pow(0.5, s.after / HALF_LIFE);
		s.alpha += w * e.earned;
		s.beta += w * (e.possible - e.earned);
		s.after += e.possible;
		sums.set(e.competency, s);
	}
	return new Map([...sums].map(([c, s]) => [c, s.alpha / (s.alpha + s.beta)]));
}

function describe(competency: string, alpha: number, beta: number, points: number): Mastery {
	const estimate = alpha / (alpha + beta);
	const low = betaQuantile(0.05, alpha, beta);
	const high = betaQuantile(0.95, alpha, beta);
	const level: MasteryLevel = points === 0 ? 'not-started' : low >= MASTERY_FLOOR ? 'mastered' : estimate >= 0.6 ? 'developing' : 'needs-work';
	return { competency, estimate, low, high, weight: alpha + beta - 2, points: Math.round(points * 100) / 100, level };
}

/** Regularized incomplete beta I_x(a, b) by Lentz's continued fraction (Numerical Recipes 6.4). */
export function betaCdf(x: number, a: number, b: number): number {
	if (x <= 0) return 0;
	if (x >= 1) return 1;
	const lnFront = lgamma(a + b) - lgamma(a) - lgamma(b) + a * Math.log(x) + b * Math.log(1 - x);
	if (x < (a + 1) / (a + b + 2)) return (Math.exp(lnFront) * betacf(x, a, b)) / a;
	return 1 - (Math.exp(lnFront) * betacf(1 - x, b, a)) / b;
}

function betacf(x: number, a: number, b: number): number {
	const tiny = 1e-30;
	let c = 1;
	let d = 1 - ((a + b) * x) / (a + 1);
	if (Math.abs(d) < tiny) d = tiny;
	d = 1 / d;
	let h = d;
	for (let m = 1; m <= 200; m++) {
		const m2 = 2 * m;
		let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
		d = 1 + aa * d;
		if (Math.abs(d) < tiny) d = tiny;
		c = 1 + aa / c;
		if (Math.abs(c) < tiny) c = tiny;
		d = 1 / d;
		h *= d * c;
		aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
		d = 1 + aa * d;
		if (Math.abs(d) < tiny) d = tiny;
		c = 1 + aa / c;
		if (Math.abs(c) < tiny) c = tiny;
		d = 1 / d;
		const del = d * c;
		h *= del;
		if (Math.abs(del - 1) < 1e-12) break;
	}
	return h;
}

/** Lanczos approximation of ln Γ(x). */
function lgamma(x: number): number {
	const g = [76.18009172947146, -86.50532032941677, 24.01409824083091, -1.231739572450155, 0.1208650973866179e-2, -0.5395239384953e-5];
	let y = x;
	const tmp = x + 5.5 - (x + 0.5) * Math.log(x + 5.5);
	let ser = 1.000000000190015;
	for (const c of g) ser += c / ++y;
	return -tmp + Math.log((2.5066282746310005 * ser) / x);
}

export function betaQuantile(p: number, a: number, b: number): number {
	let lo = 0;
	let hi = 1;
	for (let i = 0; i < 60; i++) {
		const mid = (lo + hi) / 2;
		if (betaCdf(mid, a, b) < p) lo = mid;
		else hi = mid;
	}
	return (lo + hi) / 2;
}
