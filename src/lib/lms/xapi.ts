/**
 * The xAPI statements a student's work on an assignment should have produced, derived whole from
 * what is stored (launch times, counted attempts, their decisions). Every statement id is a UUID
 * hashed from the assignment, the learner and what the statement is about, so deriving again gives
 * the same ids: the outbox is "all statements minus the ids the LRS acknowledged", and re-sending is
 * harmless. Pure: no DOM, no storage, no clock.
 */
import type { Assignment } from '../assign/assignment';
import { sha256Hex } from '../assign/sha256';
import type { AttemptRecord } from '../db/types';
import type { Decision } from './decisions';
import type { ShiftDecision } from './shift-decisions';
import { scenarioStanding, shiftStanding, type AssignmentStanding, type RunLike } from './standing';

/** Sent as X-Experience-API-Version on every request. */
export const XAPI_VERSION = '1.0.3';

export const VERBS = {
	launched: 'http://adlnet.gov/expapi/verbs/launched',
	attempted: 'http://adlnet.gov/expapi/verbs/attempted',
	answered: 'http://adlnet.gov/expapi/verbs/answered',
	passed: 'http://adlnet.gov/expapi/verbs/passed',
	failed: 'http://adlnet.gov/expapi/verbs/failed',
	completed: 'http://adlnet.gov/expapi/verbs/completed'
} as const;
export type VerbName = keyof typeof VERBS;

export const ACTIVITY_TYPES = {
	assessment: 'http://adlnet.gov/expapi/activities/assessment',
	interaction: 'http://adlnet.gov/expapi/activities/cmi.interaction'
} as const;

export type LanguageMap = Record<string, string>;
export type InteractionType = 'choice' | 'sequencing' | 'matching' | 'other';

export interface ActivityDefinition {
	name: LanguageMap;
	description: LanguageMap;
	type: string;
	interactionType?: InteractionType;
	correctResponsesPattern?: string[];
}
export interface Activity {
	objectType: 'Activity';
	id: string;
	definition?: ActivityDefinition;
}
export interface Agent {
	objectType: 'Agent';
	name: string;
	account: { homePage: string; name: string };
}
export interface Score {
	scaled: number;
	raw: number;
	min: number;
	max: number;
}
export interface Result {
	score?: Score;
	success?: boolean;
	completion?: boolean;
	response?: string;
	duration?: string;
	extensions?: Record<string, unknown>;
}
export interface Context {
	registration: string;
	contextActivities?: { parent?: Activity[]; grouping?: Activity[] };
	revision?: string;
	platform: string;
	language: string;
	extensions?: Record<string, unknown>;
}
export interface Statement {
	id: string;
	actor: Agent;
	verb: { id: string; display: LanguageMap };
	object: Activity;
	result?: Result;
	context: Context;
	timestamp: string;
}

export interface XapiInput {
	assignment: Pick<Assignment, 'id' | 'title' | 'instructions' | 'scenarios' | 'createdAt' | 'attemptsAllowed' | 'passMark'> & Partial<Pick<Assignment, 'exam'>>;
	/** The learner profile's id (it keys the statement ids) and the name the student gave. */
	learner: { id: string; name: string };
	/** The actor's account: on the college's home page, as the instructor set it (`learnerAccount`). */
	account: { homePage: string; name: string };
	/** The app's address (origin and base path): the root of every activity id. */
	appUrl: string;
	standing: AssignmentStanding;
	/** Decisions of the counted attempts (others are ignored). */
	decisions: readonly Decision[];
	/** When the learner opened the assignment (ms since the epoch). */
	launches: readonly number[];
	/** Titles and summaries of the assignment's scenarios, for the activity definitions. */
	scenarios: ReadonlyMap<string, { title: string; summary?: string }>;
	/** Titles and summaries of the assignment's shifts. */
	shifts?: ReadonlyMap<string, { title: string; summary?: string }>;
	/** Answers given in the counted shift runs (others, and those of an unfinished run, are ignored). */
	shiftDecisions?: readonly ShiftDecision[];
}

/**
 * A UUID in the standard form from a hash of the text, with the RFC 4122 variant and the name-based
 * version (5) bits set. The hash is SHA-256, not SHA-1 (RFC 9562 would call that version 8), but xAPI
 * accepts "all versions of variant 2 in RFC 4122" and LRSs check for versions 1 to 5.
 */
export function hashedUuid(text: string): string {
	const h = sha256Hex(text).slice(0, 32).split('');
	h[12] = '5';
	h[16] = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
	const x = h.join('');
	return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

/** What names a student's account at the college: the student ID or e-mail they give, or the app's own learner id. */
export type AccountName = 'student-id' | 'learner-id';

/**
 * The actor's account as the instructor configured it: on their college's home page, named by the
 * student ID or e-mail the student gave, or by the app's learner id. Undefined while the student has
 * not given the ID the assignment asks for: nothing is sent under an invented name. An assignment
 * made before the home page could be set keeps the app's address as the home page.
 */
export function learnerAccount(lrs: { homePage?: string; accountName?: AccountName }, learnerId: string, studentId: string | undefined, appUrl: string): { homePage: string; name: string } | undefined {
	const homePage = lrs.homePage ?? root(appUrl);
	if ((lrs.accountName ?? 'learner-id') === 'learner-id') return { homePage, name: learnerId };
	return studentId ? { homePage, name: studentId } : undefined;
}

/** ISO 8601 duration to hundredths of a second (the precision xAPI asks for). */
export function isoDuration(ms: number): string {
	const cs = Math.max(0, Math.round(ms / 10));
	const h = Math.floor(cs / 360_000);
	const m = Math.floor((cs % 360_000) / 6000);
	const s = (cs % 6000) / 100;
	return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s}S`;
}

const round = (x: number, places: number) => Math.round(x * 10 ** places) / 10 ** places;
const iso = (ms: number) => new Date(ms).toISOString();
const en = (text: string): LanguageMap => ({ 'en-US': text });

/** Where the app's activities and extensions live, ending in "/". */
function root(appUrl: string): string {
	return appUrl.endsWith('/') ? appUrl : `${appUrl}/`;
}

export function assignmentIri(appUrl: string, assignmentId: string): string {
	return `${root(appUrl)}xapi/assignment/${encodeURIComponent(assignmentId)}`;
}
export function scenarioIri(appUrl: string, scenarioId: string): string {
	return `${root(appUrl)}xapi/scenario/${encodeURIComponent(scenarioId)}`;
}
export function shiftIri(appUrl: string, shiftId: string): string {
	return `${root(appUrl)}xapi/shift/${encodeURIComponent(shiftId)}`;
}
/** A step of one of a shift's tasks (the task named by its event id). */
export function shiftStepIri(appUrl: string, shiftId: string, eventId: string, stepId: string): string {
	return `${shiftIri(appUrl, shiftId)}/task/${encodeURIComponent(eventId)}/step/${encodeURIComponent(stepId)}`;
}
export function examIri(appUrl: string, assignmentId: string): string {
	return `${assignmentIri(appUrl, assignmentId)}/exam`;
}
export function stepIri(appUrl: string, scenarioId: string, stepId: string): string {
	return `${scenarioIri(appUrl, scenarioId)}/step/${encodeURIComponent(stepId)}`;
}
/** Context extension: the competency ids a decision gave evidence for (framework ids such as cmaa.law.release-of-information). */
export const competenciesExtension = (appUrl: string) => `${root(appUrl)}xapi/extension/competencies`;
/** Result extension: the critical error a decision made, in the scenario's words. */
export const criticalExtension = (appUrl: string) => `${root(appUrl)}xapi/extension/critical-error`;

/** The interaction type for a decision's kind: triage is matching when it classifies and sequencing when it orders. */
export function interactionTypeOf(d: Pick<Decision, 'kind' | 'response'>): InteractionType {
	if (d.kind === 'choice' || d.kind === 'dialogue' || d.kind === 'multi-choice') return 'choice';
	if (d.kind === 'triage') return d.response.includes(':') ? 'matching' : 'sequencing';
	return 'other';
}

/** A response in the xAPI format for its type: items joined by [,], a matched pair joined by [.]. */
export function responsePattern(type: InteractionType, text: string): string {
	if (type === 'other') return text;
	const items = text.split(',').filter(Boolean);
	return (type === 'matching' ? items.map((p) => p.replace(':', '[.]')) : items).join('[,]');
}

function score(earned: number, possible: number): Score | undefined {
	if (!(possible > 0)) return undefined;
	const raw = Math.min(possible, Math.max(0, earned));
	return { scaled: round(raw / possible, 4), raw, min: 0, max: possible };
}

/**
 * When the standing reached its present score and pass: per scenario, the first attempt with its best
 * score (and, if it passed, the first passing attempt); the latest of those moments.
 */
function completedAt(assignment: XapiInput['assignment'], standing: AssignmentStanding): number {
	let at = 0;
	for (const s of standing.scenarios) {
		const finished = s.attempts.filter((a) => a.status !== 'in-progress' && a.finishedAt !== undefined).sort((x, y) => x.finishedAt! - y.finishedAt!);
		const best = finished.find((a) => a.score === s.best);
		const pass = s.passed ? finished.find((a) => scenarioStanding(assignment, [a], a.scenarioId).passed) : undefined;
		at = Math.max(at, best?.finishedAt ?? 0, pass?.finishedAt ?? 0);
	}
	for (const sh of standing.shifts) {
		const finished = sh.runs.filter((r) => r.status !== 'in-progress' && r.finishedAt !== undefined).sort((x, y) => x.finishedAt! - y.finishedAt!);
		const best = finished.find((r) => r.score === sh.best);
		const pass = sh.passed ? finished.find((r) => shiftStanding(assignment, [r], r.shiftId).passed) : undefined;
		at = Math.max(at, best?.finishedAt ?? 0, pass?.finishedAt ?? 0);
	}
	// The exam's best session was its first with that share, and the pass came with it.
	const exam = standing.exam;
	if (exam?.finished) at = Math.max(at, Math.min(...exam.scores.filter((x) => x.share === exam.best).map((x) => x.submittedAt)));
	return at;
}

/** Every acceptable answer a decision names, each a pattern of its own (`correctAll` when there are several). */
const correctResponses = (d: Pick<Decision, 'correct' | 'correctAll'>): string[] => d.correctAll ?? (d.correct === undefined ? [] : [d.correct]);

/** Every statement the learner's work on the assignment should have produced, oldest first. */
type ScoredDecision = Pick<Decision, 'kind' | 'response' | 'correct' | 'correctAll' | 'stepTitle' | 'verdict' | 'earned' | 'possible' | 'critical'>;

/** The step answered, as an interaction activity: the same for a scenario's decision and a shift task's. */
function decisionActivity(id: string, d: ScoredDecision, description: string): Activity {
	const type = interactionTypeOf(d);
	return {
		objectType: 'Activity',
		id,
		definition: {
			name: en(d.stepTitle),
			description: en(description),
			type: ACTIVITY_TYPES.interaction,
			interactionType: type,
			// Each acceptable answer is a pattern of its own (a choice with two best options has two), as in SCORM.
			...(d.correct !== undefined && type !== 'other' ? { correctResponsesPattern: correctResponses(d).map((c) => responsePattern(type, c)) } : {})
		}
	};
}

/** What the answer earned (a shift's answers carry no time of their own, so no duration). */
function decisionResult(appUrl: string, d: ScoredDecision, duration?: string): Result {
	const s = score(d.earned, d.possible);
	return {
		response: responsePattern(interactionTypeOf(d), d.response),
		// Only the best answer counts as a success; a partly right one earns its points in the score.
		success: d.verdict === 'best',
		...(s ? { score: s } : {}),
		...(duration ? { duration } : {}),
		...(d.critical ? { extensions: { [criticalExtension(appUrl)]: d.critical } } : {})
	};
}

export function buildStatements(input: XapiInput): Statement[] {
	const { assignment, learner, appUrl, standing } = input;
	// One namespace per assignment and learner: the same work always gives the same ids.
	const idOf = (about: string) => hashedUuid(`front-desk-simulator xapi\n${assignment.id}\n${learner.id}\n${about}`);
	const actor: Agent = { objectType: 'Agent', name: learner.name, account: { homePage: input.account.homePage, name: input.account.name } };
	const verb = (v: VerbName) => ({ id: VERBS[v], display: en(v) });
	const base = { platform: 'Front-desk simulator', language: 'en-US' };

	const assignmentRef: Activity = { objectType: 'Activity', id: assignmentIri(appUrl, assignment.id) };
	const n = assignment.scenarios.length;
	const assignmentActivity: Activity = {
		...assignmentRef,
		definition: {
			name: en(assignment.title),
			description: en(assignment.instructions.trim().slice(0, 1000) || `An assignment of ${n} scenario${n === 1 ? '' : 's'} at the front desk.`),
			type: ACTIVITY_TYPES.assessment
		}
	};
	const scenarioTitle = (id: string) => input.scenarios.get(id)?.title ?? id;
	const scenarioActivity = (id: string): Activity => ({
		objectType: 'Activity',
		id: scenarioIri(appUrl, id),
		definition: { name: en(scenarioTitle(id)), description: en(input.scenarios.get(id)?.summary || `Scenario ${id}.`), type: ACTIVITY_TYPES.assessment }
	});
	// The assignment as a whole is one registration; each attempt at a scenario is another.
	const assignmentRegistration = idOf('registration');

	const out: Statement[] = [];
	for (const at of [...new Set(input.launches)].sort((a, b) => a - b)) {
		out.push({ id: idOf(`launched ${at}`), actor, verb: verb('launched'), object: assignmentActivity, context: { registration: assignmentRegistration, ...base }, timestamp: iso(at) });
	}

	const counted = new Map<string, AttemptRecord>();
	for (const s of standing.scenarios) for (const a of s.attempts) counted.set(a.id, a);
	const attemptContext = (a: AttemptRecord): Context => ({
		registration: idOf(`registration ${a.id}`),
		contextActivities: { parent: [assignmentRef] },
		// The scenario's content version: a revised scenario keeps its activity id.
		revision: a.contentHash.slice(0, 12),
		...base
	});

	for (const a of counted.values()) {
		const object = scenarioActivity(a.scenarioId);
		out.push({ id: idOf(`attempted ${a.id}`), actor, verb: verb('attempted'), object, context: attemptContext(a), timestamp: iso(a.startedAt) });
		if (a.status === 'in-progress' || a.finishedAt === undefined) continue;
		// The assignment's pass mark decides, by the same rule as the standing.
		const passed = scenarioStanding(assignment, [a], a.scenarioId).passed;
		const s = score(a.earned, a.possible);
		out.push({
			id: idOf(`${passed ? 'passed' : 'failed'} ${a.id}`),
			actor,
			verb: verb(passed ? 'passed' : 'failed'),
			object,
			result: { ...(s ? { score: s } : {}), success: passed, completion: true, duration: isoDuration(a.finishedAt - a.startedAt) },
			context: attemptContext(a),
			timestamp: iso(a.finishedAt)
		});
	}

	const byAttempt = new Map<string, Decision[]>();
	for (const d of input.decisions) if (counted.has(d.attemptId)) byAttempt.set(d.attemptId, [...(byAttempt.get(d.attemptId) ?? []), d]);
	for (const [attemptId, list] of byAttempt) {
		const a = counted.get(attemptId)!;
		let previous = a.startedAt;
		for (const d of [...list].sort((x, y) => x.seq - y.seq)) {
			const ctx = attemptContext(a);
			out.push({
				id: idOf(`answered ${attemptId} ${d.seq}`),
				actor,
				verb: verb('answered'),
				object: decisionActivity(stepIri(appUrl, d.scenarioId, d.stepId), d, `A decision in the scenario "${scenarioTitle(d.scenarioId)}".`),
				result: decisionResult(appUrl, d, isoDuration(d.at - previous)),
				context: {
					...ctx,
					contextActivities: { parent: [{ objectType: 'Activity', id: scenarioIri(appUrl, d.scenarioId) }], grouping: [assignmentRef] },
					...(d.competencies.length ? { extensions: { [competenciesExtension(appUrl)]: d.competencies } } : {})
				},
				timestamp: iso(d.at)
			});
			previous = Math.max(previous, d.at);
		}
	}

	// The assignment's shifts: each counted run attempted, and once the day is over completed and passed or
	// failed with its score; its answers (dated at the run's end: a run's inputs keep no wall time) as decisions.
	const runs = new Map<string, RunLike>();
	for (const sh of standing.shifts) for (const r of sh.runs) runs.set(r.id, r);
	const shiftTitle = (id: string) => input.shifts?.get(id)?.title ?? id;
	const shiftActivity = (id: string): Activity => ({
		objectType: 'Activity',
		id: shiftIri(appUrl, id),
		definition: { name: en(shiftTitle(id)), description: en(input.shifts?.get(id)?.summary || `A shift at the front desk: ${id}.`), type: ACTIVITY_TYPES.assessment }
	});
	const runContext = (r: RunLike): Context => ({
		registration: idOf(`registration shift ${r.id}`),
		contextActivities: { parent: [assignmentRef] },
		...(r.contentHash ? { revision: r.contentHash.slice(0, 12) } : {}),
		...base
	});
	const ended = (r: RunLike) => r.status !== 'in-progress' && r.finishedAt !== undefined;
	for (const r of runs.values()) {
		const object = shiftActivity(r.shiftId);
		out.push({ id: idOf(`attempted shift ${r.id}`), actor, verb: verb('attempted'), object, context: runContext(r), timestamp: iso(r.startedAt) });
		if (!ended(r)) continue;
		// The assignment's pass mark, as the standing (and every scenario statement) uses it: the run's own
		// copy came from the link's query, which a student could edit.
		const passed = shiftStanding(assignment, [r], r.shiftId).passed;
		const s = score(round(r.score * 100, 2), 100);
		const result: Result = { ...(s ? { score: s } : {}), completion: true, duration: isoDuration(r.finishedAt! - r.startedAt) };
		out.push({ id: idOf(`completed shift ${r.id}`), actor, verb: verb('completed'), object, result, context: runContext(r), timestamp: iso(r.finishedAt!) });
		out.push({
			id: idOf(`${passed ? 'passed' : 'failed'} shift ${r.id}`),
			actor,
			verb: verb(passed ? 'passed' : 'failed'),
			object,
			result: { ...result, success: passed, ...(r.critical.length ? { extensions: { [criticalExtension(appUrl)]: r.critical.join('; ') } } : {}) },
			context: runContext(r),
			timestamp: iso(r.finishedAt!)
		});
	}
	for (const d of input.shiftDecisions ?? []) {
		const r = runs.get(d.runId);
		if (!r || !ended(r)) continue;
		out.push({
			id: idOf(`answered shift ${d.runId} ${d.seq}`),
			actor,
			verb: verb('answered'),
			object: decisionActivity(shiftStepIri(appUrl, d.shiftId, d.eventId, d.stepId), d, `A decision in the task "${d.about}" of the shift "${shiftTitle(d.shiftId)}".`),
			result: decisionResult(appUrl, d),
			context: {
				...runContext(r),
				contextActivities: { parent: [{ objectType: 'Activity', id: shiftIri(appUrl, d.shiftId) }], grouping: [assignmentRef] },
				...(d.competencies.length ? { extensions: { [competenciesExtension(appUrl)]: d.competencies } } : {})
			},
			// When the learner answered, not when the run ended (the id does not depend on it).
			timestamp: iso(d.answeredAt)
		});
	}

	// The assignment's mock exam: each counted session attempted, and passed or failed once submitted (items are not reported one by one).
	if (standing.exam && assignment.exam) {
		const { framework, items } = assignment.exam;
		const exam: Activity = {
			objectType: 'Activity',
			id: examIri(appUrl, assignment.id),
			definition: { name: en(`Mock exam: ${framework.toUpperCase()}, ${items} items`), description: en(`A timed ${framework.toUpperCase()} mock exam drawn to the exam's blueprint, part of "${assignment.title}".`), type: ACTIVITY_TYPES.assessment }
		};
		for (const session of standing.exam.sessions) {
			const context: Context = { registration: idOf(`registration exam ${session.id}`), contextActivities: { parent: [assignmentRef] }, ...base };
			out.push({ id: idOf(`attempted exam ${session.id}`), actor, verb: verb('attempted'), object: exam, context, timestamp: iso(session.startedAt) });
			const scored = standing.exam.scores.find((x) => x.sessionId === session.id);
			if (!scored) continue;
			const passed = scored.share >= assignment.passMark;
			const s = score(scored.score.correct, scored.score.total);
			out.push({
				id: idOf(`${passed ? 'passed' : 'failed'} exam ${session.id}`),
				actor,
				verb: verb(passed ? 'passed' : 'failed'),
				object: exam,
				result: { ...(s ? { score: s } : {}), success: passed, completion: true, duration: isoDuration(scored.submittedAt - session.startedAt) },
				context,
				timestamp: iso(scored.submittedAt)
			});
		}
	}

	if (standing.completed) {
		const scaled = round(Math.min(1, Math.max(0, standing.score)), 4);
		out.push({
			// A better score later is a new completion statement: statements are never changed.
			id: idOf(`completed ${scaled} ${standing.passed}`),
			actor,
			verb: verb('completed'),
			object: assignmentActivity,
			result: { score: { scaled, raw: round(scaled * 100, 2), min: 0, max: 100 }, success: standing.passed, completion: true },
			context: { registration: assignmentRegistration, ...base },
			timestamp: iso(completedAt(assignment, standing))
		});
	}
	return out.sort((x, y) => x.timestamp.localeCompare(y.timestamp) || VERB_ORDER.indexOf(x.verb.id) - VERB_ORDER.indexOf(y.verb.id) || x.id.localeCompare(y.id));
}

/** Within one instant, statements go in the order things happen. */
const VERB_ORDER: string[] = [VERBS.launched, VERBS.attempted, VERBS.answered, VERBS.passed, VERBS.failed, VERBS.completed];

/** The statements still to send: all of them minus those the LRS acknowledged. */
export function outbox(statements: readonly Statement[], acknowledged: Iterable<string>): Statement[] {
	const have = new Set(acknowledged);
	return statements.filter((s) => !have.has(s.id));
}
