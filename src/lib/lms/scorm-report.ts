/**
 * What the SCO tells the LMS, as the list of SetValue calls to make: status, score and one
 * cmi.interactions entry per decision. Pure: the standing and decisions are passed in, and the
 * interactions the LMS already holds are skipped, so a resumed session never writes one twice
 * (SCORM 2004 reads their ids back; SCORM 1.2's are write-only, so there each browser keeps the ids
 * it sent, and suspend_data how many of them the LMS holds: see `heldIds`).
 */
import type { Decision } from './decisions';
import type { ShiftDecision } from './shift-decisions';
import type { AssignmentStanding } from './standing';
import type { ScormStandard } from './scorm-manifest';
import { id12, objectiveIdFor } from './objectives';

/** Every acceptable answer a decision names, each a pattern of its own (`correctAll` when there are several). */
const correctResponses = (d: Pick<Decision, 'correct' | 'correctAll'>): string[] => d.correctAll ?? (d.correct === undefined ? [] : [d.correct]);

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

/** A decision to report: a scenario attempt's, or an answer given during a finished shift run. */
export type ReportedDecision = Decision | ShiftDecision;

const isShift = (d: object): d is Pick<ShiftDecision, 'runId'> => 'runId' in d;

/**
 * The interaction's id: stable for one decision of one attempt, so the LMS's copy can be matched on
 * resume. A shift's answer is named by "shift", its run and its place in the run (replaying a finished
 * run gives the same answers in the same order), then its task and step for a reader; the run's UUID
 * comes early, so SCORM 1.2's 255-character cut never makes two ids one, and no scenario's id (which
 * ends at the attempt's UUID) can read the same.
 */
export function interactionId(d: Pick<Decision, 'scenarioId' | 'stepId' | 'attemptId'> | Pick<ShiftDecision, 'shiftId' | 'runId' | 'seq' | 'eventId' | 'stepId'>): string {
	if (isShift(d)) {
		const s = d as ShiftDecision;
		return `urn:front-desk-simulator:shift:${s.shiftId}:${s.runId}:${s.seq}:${s.eventId}:${s.stepId}`;
	}
	const a = d as Decision;
	return `urn:front-desk-simulator:${a.scenarioId}:${a.stepId}:${a.attemptId}`;
}

/** When the learner gave the answer: a shift run's answer keeps its own time (its `at` is the run's end, which orders reporting). */
const answeredAt = (d: ReportedDecision) => ('answeredAt' in d ? d.answeredAt : d.at);

/** What the LMS shows for the interaction: the step's title, a shift's with its task's subject before it. */
const descriptionOf = (d: ReportedDecision) => (isShift(d) ? `${(d as ShiftDecision).about}: ${d.stepTitle}` : d.stepTitle);

type InteractionType = 'choice' | 'sequencing' | 'matching' | 'other';

function interactionType(d: ReportedDecision): InteractionType {
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

/** SCORM 2004's most items or pairs in a matching or sequencing response or pattern that an LMS must take (its SPM; strict ones take no more). */
const MAX_2004_NODES = 36;

function interactionValues(n: number, d: ReportedDecision): CmiValue[] {
	let type = interactionType(d);
	// A triage step may list up to 50 items: past 36 it goes as "other", its ids as text, which every LMS takes.
	if ((type === 'matching' || type === 'sequencing') && d.response.split(',').filter(Boolean).length > MAX_2004_NODES) type = 'other';
	const at = `cmi.interactions.${n}`;
	const out: CmiValue[] = [
		// The id first and the type before any response: the data model requires that order.
		[`${at}.id`, interactionId(d)],
		[`${at}.type`, type],
		[`${at}.timestamp`, scorm2004Time(answeredAt(d))],
		[`${at}.description`, descriptionOf(d).replace(/[{}]/g, '').slice(0, 250)],
		[`${at}.weighting`, String(d.possible)]
	];
	// Each links to its competency's cmi.objectives entry by the same id.
	d.competencies.forEach((c, i) => out.push([`${at}.objectives.${i}.id`, objectiveIdFor('scorm2004', c)]));
	// Each acceptable answer is a pattern of its own (a choice with two best options has two).
	if (type !== 'other') correctResponses(d).forEach((c, m) => out.push([`${at}.correct_responses.${m}.pattern`, formatResponse(type, c)]));
	out.push([`${at}.learner_response`, formatResponse(type, d.response)]);
	out.push([`${at}.result`, d.verdict === 'best' ? 'correct' : d.verdict === 'wrong' ? 'incorrect' : String(Math.round((d.earned / (d.possible || 1)) * 1000) / 1000)]);
	return out;
}

/** SCORM 1.2 CMITime (HH:MM:SS, a time of day): UTC, since the LMS knows no time zone for it. */
export function scorm12Time(ms: number): string {
	return new Date(ms).toISOString().slice(11, 19);
}


/**
 * SCORM 1.2's name for the option at `place` (0-based) in its step's authored list. Its choice
 * responses (CMIFeedback) are single characters 0-9 and a-z: the first 26 options are a…z, the next
 * ten 0…9 (so "a" stays the first, as authors count). There is none for a 37th.
 */
export function optionLetter(place: number): string | undefined {
	if (place < 0 || place >= 36) return undefined;
	return place < 26 ? String.fromCharCode(97 + place) : String(place - 26);
}

/** Where each id is in `list`, as its 1.2 character; undefined when one is not there or has no character (past the 36th). */
function charsOf(ids: readonly string[], list: readonly string[]): string[] | undefined {
	const chars = ids.map((id) => optionLetter(list.indexOf(id)));
	return chars.every((c) => c !== undefined) ? (chars as string[]) : undefined;
}

/** Option ids as their 1.2 characters, in the step's order; undefined when one has none (unknown, or past the 36th). */
function letters(ids: string, options: readonly string[]): string[] | undefined {
	const picked = ids.split(',').filter(Boolean).sort((x, y) => options.indexOf(x) - options.indexOf(y));
	return charsOf(picked, options);
}

/** SCORM 1.2's type and CMIFeedback texts for a decision: its response (none for an empty choice) and each correct pattern. */
interface Feedback12 {
	type: 'choice' | 'matching' | 'sequencing';
	response?: string;
	correct: string[];
}

/**
 * A choice-like decision's response and correct patterns in SCORM 1.2's choice format: characters
 * joined by commas, the pattern of a multi-choice (every correct option must be picked) in curly
 * brackets, one pattern per best option. Undefined when an option has no character: the caller
 * reports it as a performance, whose texts are free, with the ids.
 */
function choice12(d: ReportedDecision): Feedback12 | undefined {
	if (!d.options) return undefined;
	const options = d.options;
	const response = letters(d.response, options);
	const correct = correctResponses(d).map((c) => letters(c, options));
	if (!response || correct.some((c) => !c)) return undefined;
	const patterns = (correct as string[][]).filter((c) => c.length > 0).map((c) => (d.kind === 'multi-choice' ? `{${c.join(',')}}` : c.join(',')));
	// Nothing picked is no character at all: the format has no empty choice, so none is sent.
	return { type: 'choice', ...(response.length ? { response: response.join(',') } : {}), correct: patterns };
}

/**
 * A triage decision in SCORM 1.2's formats, each item and category by the character for its authored
 * place (as a choice's options are): matching (classify) is "item.category" pairs joined by commas, in
 * the items' order; sequencing (order) the items' characters in the order given, joined by commas.
 * Undefined when an item or category has no character (a list past the 36th: the schema allows 50
 * items), or the decision carries no authored lists: the caller then reports it as a performance, with
 * the ids, since 1.2's matching and sequencing take single characters only.
 */
function triage12(type: 'matching' | 'sequencing', d: ReportedDecision): Feedback12 | undefined {
	const items = d.options;
	if (!items) return undefined;
	const format = (text: string): string | undefined => {
		const parts = text.split(',').filter(Boolean);
		if (type === 'sequencing') return charsOf(parts, items)?.join(',');
		const targets = d.targets;
		if (!targets) return undefined;
		const pairs = parts.map((p) => p.split(':')).sort(([x], [y]) => items.indexOf(x!) - items.indexOf(y!));
		const sources = charsOf(pairs.map(([item]) => item!), items);
		const dests = charsOf(pairs.map(([, cat]) => cat ?? ''), targets);
		return sources && dests ? sources.map((s, k) => `${s}.${dests[k]}`).join(',') : undefined;
	};
	const response = format(d.response);
	const correct = correctResponses(d).map(format);
	if (response === undefined || correct.some((c) => c === undefined)) return undefined;
	return { type, ...(response ? { response } : {}), correct: (correct as string[]).filter(Boolean) };
}

function interactionValues12(n: number, d: ReportedDecision): CmiValue[] {
	const type = interactionType(d);
	const feedback = type === 'choice' ? choice12(d) : type === 'matching' || type === 'sequencing' ? triage12(type, d) : undefined;
	const at = `cmi.interactions.${n}`;
	// SCORM 1.2 has no "other": a worked form is a performance, and so is a choice or triage whose
	// options cannot all be named by one character. Texts are CMIFeedback, 255 characters.
	// It has no description either, so nothing but the step's authored order says which option a letter is.
	const out: CmiValue[] = [
		[`${at}.id`, id12(interactionId(d))],
		[`${at}.type`, feedback ? feedback.type : 'performance'],
		[`${at}.time`, scorm12Time(answeredAt(d))],
		[`${at}.weighting`, String(d.possible)]
	];
	d.competencies.forEach((c, i) => out.push([`${at}.objectives.${i}.id`, objectiveIdFor('scorm12', c)]));
	if (feedback) {
		// Each acceptable answer is a pattern of its own (a choice with two best options has two).
		feedback.correct.forEach((c, m) => out.push([`${at}.correct_responses.${m}.pattern`, c]));
		if (feedback.response !== undefined) out.push([`${at}.student_response`, feedback.response]);
	} else {
		out.push([`${at}.student_response`, d.response.slice(0, 255)]);
	}
	out.push([`${at}.result`, d.verdict === 'best' ? 'correct' : d.verdict === 'wrong' ? 'wrong' : String(Math.round((d.earned / (d.possible || 1)) * 1000) / 1000)]);
	return out;
}

export interface ScormReportInput {
	standing: AssignmentStanding;
	/** Every decision of the counted attempts and the counted finished shift runs, oldest first. */
	decisions: readonly ReportedDecision[];
	/** Interaction ids the LMS already holds, in their order (SCORM 2004 reads them back when the session starts). */
	written: readonly string[];
	/** How many interactions the LMS already holds (cmi.interactions._count); defaults to written's length. */
	count?: number;
	/** Decisions made at or before this time are already in the LMS (an older version's watermark, from suspend_data). */
	reportedUntil?: number;
}

/**
 * What one browser has sent an LMS attempt (SCORM 1.2), kept in that browser: its key in
 * suspend_data and the ids of the interactions it sent, in the order sent.
 */
export interface SentLog {
	browser: string;
	ids: string[];
}

/**
 * SCORM 1.2 interactions are write-only, so the LMS cannot say which decisions it holds. Each browser
 * keeps the ids it sent in order; suspend_data, committed with them, keeps how many of them the LMS
 * holds. The LMS thus holds this browser's first `held` ids; any after them were sent but never
 * committed, and go again. No clock is compared: a second computer whose clock is behind the first's
 * sends all of its own decisions, once each. The cost: a decision that sits in two browsers (a progress
 * file restored elsewhere) is sent by each, a duplicate row, where a time watermark would lose new ones.
 */
export function heldIds(log: SentLog, held: ReadonlyMap<string, number>): string[] {
	return log.ids.slice(0, held.get(log.browser) ?? 0);
}

/**
 * After a report sends `fresh` on top of the `held` ids: the browser's log (saved before the LMS
 * commits, so it is never behind it) and the counts suspend_data stores, this browser's moved last
 * (the least recently reporting is the one forgotten first).
 */
export function afterSending(log: SentLog, held: readonly string[], fresh: readonly ReportedDecision[], counts: ReadonlyMap<string, number>): { log: SentLog; counts: Map<string, number> } {
	const ids = [...held, ...fresh.map(interactionId)];
	const next = new Map([...counts].filter(([key]) => key !== log.browser));
	if (ids.length) next.set(log.browser, ids.length);
	return { log: { browser: log.browser, ids }, counts: next };
}

/** The decisions the LMS does not hold yet. */
export function unreported({ decisions, written, reportedUntil = 0 }: Pick<ScormReportInput, 'decisions' | 'written' | 'reportedUntil'>): ReportedDecision[] {
	const have = new Set(written);
	const out: ReportedDecision[] = [];
	for (const d of decisions) {
		const id = interactionId(d);
		if (d.at <= reportedUntil || have.has(id)) continue;
		have.add(id);
		out.push(d);
	}
	return out;
}

/** The SetValue calls that bring the LMS up to date. */
export function scormReport(standard: ScormStandard, input: ScormReportInput): CmiValue[] {
	const { standing } = input;
	const raw = percent(standing.score);
	let n = Math.max(input.count ?? 0, input.written.length);
	const fresh = unreported(input);
	if (standard === 'scorm12') {
		return [
			['cmi.core.lesson_status', standing.completed ? (standing.passed ? 'passed' : 'failed') : 'incomplete'],
			['cmi.core.score.min', '0'],
			['cmi.core.score.max', '100'],
			['cmi.core.score.raw', raw],
			...fresh.flatMap((d) => interactionValues12(n++, d))
		];
	}
	const shifts = standing.shifts ?? [];
	const parts = standing.scenarios.length + shifts.length + (standing.exam ? 1 : 0);
	const finished = standing.scenarios.filter((s) => s.finished).length + shifts.filter((s) => s.finished).length + (standing.exam?.finished ? 1 : 0);
	return [
		['cmi.completion_status', standing.completed ? 'completed' : 'incomplete'],
		// Pass or fail is only known once every part is finished.
		['cmi.success_status', standing.completed ? (standing.passed ? 'passed' : 'failed') : 'unknown'],
		['cmi.progress_measure', String(Math.round((finished / Math.max(1, parts)) * 1000) / 1000)],
		['cmi.score.min', '0'],
		['cmi.score.max', '100'],
		['cmi.score.raw', raw],
		['cmi.score.scaled', String(Math.round(Math.min(1, Math.max(0, standing.score)) * 10_000) / 10_000)],
		...fresh.flatMap((d) => interactionValues(n++, d))
	];
}

/** Where the learner is: a scenario's id, a shift's id, or "exam". */
export type Place = { scenario: string } | { shift: string } | 'exam';

/**
 * cmi.location (2004, characterstring SPM 1000) or cmi.core.lesson_location (1.2, CMIString255):
 * the scenario or shift being worked or "exam", so a resumed launch can offer to go on there first.
 */
export function scormLocation(standard: ScormStandard, place: Place): CmiValue {
	const text = place === 'exam' ? 'exam' : 'shift' in place ? `shift:${place.shift}` : `scenario:${place.scenario}`;
	return standard === 'scorm12' ? ['cmi.core.lesson_location', text.slice(0, 255)] : ['cmi.location', text.slice(0, 1000)];
}

/** The place a stored location names, if it is one of this assignment's parts. */
export function readLocation(text: string, assignment: { scenarios: readonly string[]; shifts?: readonly string[]; exam?: unknown }): Place | undefined {
	if (text === 'exam') return assignment.exam ? 'exam' : undefined;
	if (text.startsWith('shift:')) return assignment.shifts?.includes(text.slice('shift:'.length)) ? { shift: text.slice('shift:'.length) } : undefined;
	const id = text.startsWith('scenario:') ? text.slice('scenario:'.length) : '';
	return assignment.scenarios.includes(id) ? { scenario: id } : undefined;
}

/** The place a page of the app (its path and query, under the app's base) is about, if any. */
export function placeOfPage(path: string, search: string): Place | undefined {
	const page = path.replace(/index\.html$/, '');
	// An authored scenario plays from /author/play/?id=…, possibly under its kept copy's key.
	if (/\/author\/play\/$/.test(page)) {
		const id = new URLSearchParams(search).get('id');
		return id ? { scenario: id.replace(/--from-assignment-[0-9a-f]+$/, '') } : undefined;
	}
	const play = /\/play\/([^/]+)\/$/.exec(page);
	if (play) return { scenario: decodeURIComponent(play[1]!) };
	const shift = /\/shift\/([^/]+)\/$/.exec(page);
	if (shift) return { shift: decodeURIComponent(shift[1]!) };
	return /\/exam\/session\/$/.test(page) ? 'exam' : undefined;
}

/**
 * What to set when the session ends: the time spent, and "suspend" always, so the LMS keeps this
 * attempt's data (suspend_data above all) and resumes it on the next launch. A normal exit would let
 * it start a fresh attempt with none of it, and a learner opening the course on another computer
 * would then report 0% over their grade. The assignment counts its own attempts per scenario.
 */
export function scormExit(standard: ScormStandard, _standing: AssignmentStanding, sessionMs: number): CmiValue[] {
	return standard === 'scorm12'
		? [['cmi.core.session_time', scorm12Duration(sessionMs)], ['cmi.core.exit', 'suspend']]
		: [['cmi.session_time', scorm2004Duration(sessionMs)], ['cmi.exit', 'suspend']];
}
