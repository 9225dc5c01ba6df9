/**
 * cmi.suspend_data: what the SCO needs to resume where the LMS last saw it, even in a browser that
 * holds none of the learner's work (another computer, a cleared browser): which parts are done, with
 * their best scores and whether they passed, and (SCORM 1.2) how many interactions each browser has
 * got into the LMS. Pure.
 *
 * Scenarios and shifts are named by their place in the package's assignment (fixed for the package's
 * life), so the text stays short: at most 40 scenarios and 10 shifts of about 12 characters each, and
 * at most 64 browsers of about 18, far under SCORM 1.2's 4,096.
 */
import type { Assignment } from '../assign/assignment';
import { standingOf, type AssignmentStanding, type ExamStanding, type RunLike, type ScenarioStanding, type ShiftStanding } from './standing';
import type { ScormStandard } from './scorm-manifest';

/** What the LMS may store: SCORM 1.2 CMIString4096, SCORM 2004 characterstring(SPM 64000). */
export const SUSPEND_LIMIT: Record<ScormStandard, number> = { scorm12: 4096, scorm2004: 64000 };

/** A finished part as the LMS last heard of it. */
export interface CarriedPart {
	best: number;
	passed: boolean;
}

export interface Carried {
	/** By index in assignment.scenarios. */
	scenarios: Map<number, CarriedPart>;
	/** By index in assignment.shifts. */
	shifts: Map<number, CarriedPart>;
	exam?: CarriedPart;
	/**
	 * Decisions made at or before this time (ms) are already in the LMS's interactions: the watermark a
	 * version before `browsers` kept. It is read and kept as it was, never moved on (a clock behind
	 * another's would date new decisions under it), so those decisions are not sent twice.
	 */
	reportedUntil: number;
	/**
	 * SCORM 1.2: by browser key, how many of the interactions that browser sent the LMS holds (its first
	 * ones, in the order sent; see scorm-report.ts `heldIds`), least recently reporting first.
	 */
	browsers: Map<string, number>;
}

export const NOTHING_CARRIED: Carried = { scenarios: new Map(), shifts: new Map(), reportedUntil: 0, browsers: new Map() };

/**
 * The browsers suspend_data remembers. One forgotten (the least recently reporting, after 64 others
 * have reported since) sends its decisions again if it comes back: a duplicate row in the LMS, never a lost one.
 */
export const MAX_BROWSERS = 64;
const BROWSER_KEY = /^[a-z0-9]{1,16}$/;

/** A share 0..1 as a whole number of hundredths of a percent, and back. */
const toUnits = (share: number) => Math.round(Math.min(1, Math.max(0, share)) * 10_000);
const fromUnits = (n: number) => n / 10_000;

/**
 * The text to store. Over the limit (which a valid assignment cannot reach) the least recently
 * reporting browsers, then the last scenarios, then the last shifts, are dropped rather than the text
 * being sent to be refused: the LMS's own status and score still hold. Shifts go under "h" and
 * browsers under "b", each absent when empty, so older readers see the same text.
 */
export function suspendData(
	standard: ScormStandard,
	assignment: Pick<Assignment, 'scenarios'> & Partial<Pick<Assignment, 'shifts'>>,
	standing: AssignmentStanding,
	reportedUntil: number,
	browsers: ReadonlyMap<string, number> = new Map()
): string {
	const s = standing.scenarios.flatMap((p, i) => (p.finished && assignment.scenarios[i] === p.scenarioId ? [[i, toUnits(p.best ?? 0), p.passed ? 1 : 0]] : []));
	const h = (standing.shifts ?? []).flatMap((p, i) => (p.finished && assignment.shifts?.[i] === p.shiftId ? [[i, toUnits(p.best ?? 0), p.passed ? 1 : 0]] : []));
	const e = standing.exam?.finished ? [toUnits(standing.exam.best ?? 0), standing.exam.passed ? 1 : 0] : undefined;
	const b = [...browsers].filter(([key, n]) => BROWSER_KEY.test(key) && Number.isInteger(n) && n > 0).slice(-MAX_BROWSERS);
	const data = { v: 1, s, ...(h.length ? { h } : {}), ...(e ? { e } : {}), t: reportedUntil, ...(b.length ? { b } : {}) };
	let text = JSON.stringify(data);
	// A forgotten browser costs duplicate interactions; a forgotten part, its carried grade.
	while (text.length > SUSPEND_LIMIT[standard] && (data.b?.length || data.s.length || data.h?.length)) (data.b?.length ? data.b.shift() : data.s.length ? data.s.pop() : data.h!.pop(), (text = JSON.stringify(data)));
	return text;
}

const isUnits = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 0 && (n as number) <= 10_000;

/** What an earlier session left; anything unreadable (another tool's data, a damaged value) counts as nothing. */
export function readSuspendData(assignment: Pick<Assignment, 'scenarios' | 'exam'> & Partial<Pick<Assignment, 'shifts'>>, text: string): Carried {
	let raw: unknown;
	try {
		raw = JSON.parse(text);
	} catch {
		return NOTHING_CARRIED;
	}
	const d = raw as { v?: unknown; s?: unknown; h?: unknown; e?: unknown; t?: unknown; b?: unknown } | null;
	if (!d || typeof d !== 'object' || d.v !== 1) return NOTHING_CARRIED;
	const scenarios = parts(d.s, assignment.scenarios.length);
	const shifts = parts(d.h, assignment.shifts?.length ?? 0);
	const e = Array.isArray(d.e) && isUnits(d.e[0]) && assignment.exam ? { best: fromUnits(d.e[0]), passed: d.e[1] === 1 } : undefined;
	const reportedUntil = typeof d.t === 'number' && Number.isFinite(d.t) && d.t >= 0 ? d.t : 0;
	const browsers = new Map<string, number>();
	if (Array.isArray(d.b))
		for (const entry of d.b) {
			const [key, n] = Array.isArray(entry) ? (entry as unknown[]) : [];
			if (typeof key === 'string' && BROWSER_KEY.test(key) && Number.isInteger(n) && (n as number) > 0) browsers.set(key, n as number);
		}
	return { scenarios, shifts, ...(e ? { exam: e } : {}), reportedUntil, browsers };
}

/** Entries [index, best in units, passed] for indexes below `length`; anything else is skipped. */
function parts(list: unknown, length: number): Map<number, CarriedPart> {
	const out = new Map<number, CarriedPart>();
	if (Array.isArray(list))
		for (const entry of list) {
			if (!Array.isArray(entry)) continue;
			const [i, best, passed] = entry as unknown[];
			if (Number.isInteger(i) && (i as number) >= 0 && (i as number) < length && isUnits(best)) out.set(i as number, { best: fromUnits(best), passed: passed === 1 });
		}
	return out;
}

function carry<P extends ScenarioStanding | ShiftStanding<RunLike> | ExamStanding>(part: P, carried: CarriedPart | undefined): P {
	if (!carried) return part;
	return { ...part, best: Math.max(part.best ?? 0, carried.best), passed: part.passed || carried.passed, finished: true };
}

/** The standing from this browser's work, with what the LMS already holds kept: a resumed session never lowers it. */
export function withCarried(standing: AssignmentStanding, carried: Carried): AssignmentStanding {
	return standingOf(
		standing.scenarios.map((p, i) => carry(p, carried.scenarios.get(i))),
		standing.exam ? carry(standing.exam, carried.exam) : undefined,
		(standing.shifts ?? []).map((p, i) => carry(p, carried.shifts.get(i)))
	);
}
