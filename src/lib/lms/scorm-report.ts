/**
 * What the SCO tells the LMS, as the list of SetValue calls to make: status, score and (SCORM 2004)
 * one cmi.interactions entry per decision. Pure: the standing and decisions are passed in, and the
 * interactions the LMS already holds are skipped, so a resumed session never writes one twice.
 */
import type { Decision } from './decisions';
import type { AssignmentStanding } from './standing';
import type { ScormStandard } from './scorm-manifest';

export type CmiValue = [element: string, value: string];

/** Scores go to the LMS as 0–100 with up to two decimals. */
const percent = (share: number) => String(Math.round(Math.min(1, Math.max(0, share)) * 10_000) / 100);

/** SCORM 1.2 CMITimespan: HHHH:MM:SS.SS. */
export function scorm12Duration(ms: number): string {
	const total = Math.max(0, Math.round(ms / 10)) / 100;
	const h = Math.floor(total / 3600);
	const m = Math.floor((total % 3600) / 60);
	const s = total - h * 3600 - m * 60;
	return `${String(Math.min(h, 9999)).padStart(4, '0')}:${String(m).padStart(2, '0')}:${s.toFixed(2).padStart(5, '0')}`;
}

/** SCORM 2004 timeinterval (ISO 8601 duration), seconds to two decimals. */
export function scorm2004Duration(ms: number): string {
	const total = Math.max(0, Math.round(ms / 10)) / 100;
	const h = Math.floor(total / 3600);
	const m = Math.floor((total % 3600) / 60);
	const s = Math.round((total - h * 3600 - m * 60) * 100) / 100;
	return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s}S`;
}

/** SCORM 2004 time(second,10,0): UTC with at most two decimals of a second. */
export function scorm2004Time(ms: number): string {
	return new Date(ms).toISOString().replace(/(\.\d\d)\dZ$/, '$1Z');
}

/** The interaction's id: stable for one decision of one attempt, so the LMS's copy can be matched on resume. */
export function interactionId(d: Pick<Decision, 'scenarioId' | 'stepId' | 'attemptId'>): string {
	return `urn:front-desk-simulator:${d.scenarioId}:${d.stepId}:${d.attemptId}`;
}

type InteractionType = 'choice' | 'sequencing' | 'matching' | 'other';

function interactionType(d: Decision): InteractionType {
	if (d.kind === 'choice' || d.kind === 'dialogue' || d.kind === 'multi-choice') return 'choice';
	if (d.kind === 'triage') return d.response.includes(':') ? 'matching' : 'sequencing';
	return 'other';
}

/** The response in the format SCORM 2004 defines for the type ([,] between items, [.] inside a pair). */
function formatResponse(type: InteractionType, text: string): string {
	if (type === 'other') return text.slice(0, 4000);
	const items = text.split(',').filter(Boolean);
	return type === 'matching' ? items.map((p) => p.replace(':', '[.]')).join('[,]') : items.join('[,]');
}

function interactionValues(n: number, d: Decision): CmiValue[] {
	const type = interactionType(d);
	const at = `cmi.interactions.${n}`;
	const out: CmiValue[] = [
		// The id first and the type before any response: the data model requires that order.
		[`${at}.id`, interactionId(d)],
		[`${at}.type`, type],
		[`${at}.timestamp`, scorm2004Time(d.at)],
		[`${at}.description`, d.stepTitle.replace(/[{}]/g, '').slice(0, 250)],
		[`${at}.weighting`, String(d.possible)]
	];
	d.competencies.forEach((c, i) => out.push([`${at}.objectives.${i}.id`, c]));
	if (d.correct !== undefined && type !== 'other') out.push([`${at}.correct_responses.0.pattern`, formatResponse(type, d.correct)]);
	out.push([`${at}.learner_response`, formatResponse(type, d.response)]);
	out.push([`${at}.result`, d.verdict === 'best' ? 'correct' : d.verdict === 'wrong' ? 'incorrect' : String(Math.round((d.earned / (d.possible || 1)) * 1000) / 1000)]);
	return out;
}

export interface ScormReportInput {
	standing: AssignmentStanding;
	/** Every decision of the counted attempts, oldest first. */
	decisions: readonly Decision[];
	/** Interaction ids the LMS already holds, in their order (read back when the session starts). */
	written: readonly string[];
}

/** The SetValue calls that bring the LMS up to date. */
export function scormReport(standard: ScormStandard, { standing, decisions, written }: ScormReportInput): CmiValue[] {
	const raw = percent(standing.score);
	if (standard === 'scorm12') {
		return [
			['cmi.core.lesson_status', standing.completed ? (standing.passed ? 'passed' : 'failed') : 'incomplete'],
			['cmi.core.score.min', '0'],
			['cmi.core.score.max', '100'],
			['cmi.core.score.raw', raw]
		];
	}
	const parts = standing.scenarios.length + (standing.exam ? 1 : 0);
	const finished = standing.scenarios.filter((s) => s.finished).length + (standing.exam?.finished ? 1 : 0);
	const out: CmiValue[] = [
		['cmi.completion_status', standing.completed ? 'completed' : 'incomplete'],
		// Pass or fail is only known once every part is finished.
		['cmi.success_status', standing.completed ? (standing.passed ? 'passed' : 'failed') : 'unknown'],
		['cmi.progress_measure', String(Math.round((finished / Math.max(1, parts)) * 1000) / 1000)],
		['cmi.score.min', '0'],
		['cmi.score.max', '100'],
		['cmi.score.raw', raw],
		['cmi.score.scaled', String(Math.round(Math.min(1, Math.max(0, standing.score)) * 10_000) / 10_000)]
	];
	const have = new Set(written);
	let n = written.length;
	for (const d of decisions) {
		if (have.has(interactionId(d))) continue;
		out.push(...interactionValues(n++, d));
		have.add(interactionId(d));
	}
	return out;
}

/** What to set when the session ends: time spent and whether the learner will come back. */
export function scormExit(standard: ScormStandard, standing: AssignmentStanding, sessionMs: number): CmiValue[] {
	return standard === 'scorm12'
		? [['cmi.core.session_time', scorm12Duration(sessionMs)], ['cmi.core.exit', standing.completed ? '' : 'suspend']]
		: [['cmi.session_time', scorm2004Duration(sessionMs)], ['cmi.exit', standing.completed ? 'normal' : 'suspend']];
}
