/**
 * The assignment's competencies as SCORM objectives (cmi.objectives): one per competency its
 * scenarios list or its scenarios and shifts give evidence for, and one per domain of its mock exam. Pure.
 *
 * The score is the share of points earned over every counted attempt and shift run, the gradebook's heat-map
 * reading (lms/standing.ts `competencyTotals`); an exam domain's is its items right over items asked
 * in the scored sessions. An objective is completed once every part that tests it is finished (each
 * scenario that lists the competency or gave evidence for it, each shift that gave evidence for it,
 * the exam for a domain), and then
 * passed when its share meets the assignment's pass mark, else failed; with evidence but a part
 * unfinished it is incomplete; before any evidence, unknown.
 */
import { competencyTotals, examDomainTotals, type AssignmentStanding, type Points } from './standing';
import type { ScormStandard } from './scorm-manifest';
import type { CmiValue } from './scorm-report';

export interface Objective {
	/** The competency's id, or the exam domain's. */
	competency: string;
	name: string;
	/** Undefined before any evidence. */
	points?: Points;
	completion: 'unknown' | 'incomplete' | 'completed';
	success: 'unknown' | 'passed' | 'failed';
}

export interface ObjectivesInput {
	standing: AssignmentStanding;
	passMark: number;
	/** Scenario id → the competencies its content lists (scenario.meta.competencies); a scenario not loaded lists none. */
	listed: ReadonlyMap<string, readonly string[]>;
	/** The exam's domains in blueprint order, when the assignment holds an exam. */
	examDomains?: readonly string[];
	/** The competency's task statement, or the domain's name. */
	nameOf: (id: string) => string;
}

/** In a fixed order: each scenario's listed competencies in the assignment's order, then any evidence beyond them (the scenarios', then the shifts'), then the exam's domains. */
export function assignmentObjectives({ standing, passMark, listed, examDomains = [], nameOf }: ObjectivesInput): Objective[] {
	// A shift run's evidence counts as an attempt's does (a run without it, from an older result, gives none).
	const runsOf = (sh: AssignmentStanding['shifts'][number]) => sh.runs.map((r) => ({ evidence: r.evidence ?? [] }));
	const shifts = standing.shifts ?? [];
	const totals = competencyTotals([...standing.scenarios.flatMap((s) => s.attempts), ...shifts.flatMap(runsOf)]);
	// Competency → does every scenario and shift that tests it have a finished attempt or run?
	const finished = new Map<string, boolean>();
	const test = (c: string, done: boolean) => finished.set(c, (finished.get(c) ?? true) && done);
	for (const s of standing.scenarios) {
		for (const c of listed.get(s.scenarioId) ?? []) test(c, s.finished);
		for (const c of competencyTotals(s.attempts).keys()) test(c, s.finished);
	}
	for (const sh of shifts) for (const c of competencyTotals(runsOf(sh)).keys()) test(c, sh.finished);
	const objective = (competency: string, points: Points | undefined, done: boolean): Objective => {
		const completion = !points ? 'unknown' : done ? 'completed' : 'incomplete';
		const share = points && points.possible ? points.earned / points.possible : 0;
		return { competency, name: nameOf(competency), ...(points ? { points } : {}), completion, success: completion !== 'completed' ? 'unknown' : share >= passMark ? 'passed' : 'failed' };
	};
	const domains = examDomainTotals(standing.exam);
	return [
		...[...finished].map(([c, done]) => objective(c, totals.get(c), done)),
		...(standing.exam ? examDomains.filter((d) => !finished.has(d)).map((d) => objective(d, domains.get(d), standing.exam!.finished)) : [])
	];
}

/** The objective's id: a URN (SCORM 2004 long_identifier_type is a URI), the same in every session. */
export const objectiveId = (competency: string) => `urn:front-desk-simulator:competency:${competency}`;

/** SCORM 1.2 CMIIdentifier: no spaces, at most 255 characters; strict LMSs take letters, digits, dots, dashes and underscores only. */
export const id12 = (s: string) => s.replace(/[^A-Za-z0-9._-]/g, '.').slice(0, 255);

/** The id as the standard carries it (the same text in cmi.objectives and each interaction's objectives). */
export const objectiveIdFor = (standard: ScormStandard, competency: string) => (standard === 'scorm12' ? id12(objectiveId(competency)) : objectiveId(competency));

/** A text cut to `max` characters, an ellipsis marking the cut. */
export const trimText = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1).trimEnd()}…` : s);

const share = (p: Points) => Math.min(1, Math.max(0, p.possible ? p.earned / p.possible : 0));

/**
 * The SetValue calls for the objectives. `held` is the objective ids the LMS already holds, by index
 * (read back at launch, both versions can): a held objective is written at its index, a new one
 * after them, so a resumed session never adds one twice. An objective is written once it has
 * evidence (a branch not taken may leave a listed competency with none); a held one this browser
 * has no evidence for is left as the LMS has it (its evidence is on another computer).
 * Returns the values and the ids held once they are applied.
 */
export function objectiveValues(standard: ScormStandard, objectives: readonly Objective[], held: readonly string[]): { values: CmiValue[]; held: string[] } {
	const now = [...held];
	const values: CmiValue[] = [];
	for (const o of objectives) {
		const id = objectiveIdFor(standard, o.competency);
		if (!o.points) continue;
		let n = now.indexOf(id);
		const fresh = n < 0;
		if (fresh) n = now.push(id) - 1;
		const at = `cmi.objectives.${n}`;
		// The id first: every other element of an objective depends on it.
		if (fresh) values.push([`${at}.id`, id]);
		if (standard === 'scorm12') {
			values.push([`${at}.score.min`, '0'], [`${at}.score.max`, '100'], [`${at}.score.raw`, String(Math.round(share(o.points) * 10_000) / 100)]);
			values.push([`${at}.status`, o.completion === 'completed' ? o.success : 'incomplete']);
			continue;
		}
		// localized_string_type(SPM 250); braces would read as a language tag.
		if (fresh) values.push([`${at}.description`, trimText(o.name.replace(/[{}]/g, ''), 250)]);
		values.push([`${at}.score.min`, '0'], [`${at}.score.max`, '100'], [`${at}.score.raw`, String(Math.round(share(o.points) * 10_000) / 100)], [`${at}.score.scaled`, String(Math.round(share(o.points) * 10_000) / 10_000)]);
		values.push([`${at}.completion_status`, o.completion], [`${at}.success_status`, o.success]);
	}
	return { values, held: now };
}
