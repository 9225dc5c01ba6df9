import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readContentFiles } from '../../scripts/read-content';
import { CODESET_FILES, loadContent } from '../../src/lib/content';
import type { Interaction, Scenario } from '../../src/lib/content/schema/scenario';
import { Assignment, decodeAssignment, encodeAssignment } from '../../src/lib/assign/assignment';
import { beginAttempt, recordAnswer } from '../../src/lib/attempts';
import { MemoryStore } from '../../src/lib/db';
import { bestOf } from '../../src/lib/engine/interactions/grader';
import type { Input } from '../../src/lib/engine/types';
import { decisionsOf, type Decision } from '../../src/lib/lms/decisions';
import { assignmentStanding } from '../../src/lib/lms/standing';
import { VERBS, buildStatements, hashedUuid, isoDuration, learnerAccount, outbox, type Statement, type XapiInput } from '../../src/lib/lms/xapi';
import { checkIdentity } from '../../src/lib/assign/identity';
import { deliver, postStatements, type LrsConfig } from '../../src/lib/lms/xapi-transport';
import { billingKeyInput } from '../support/billing-key';
import { inboxKeyInput } from '../support/inbox-key';
import { indexKeyInput } from '../support/index-key';
import { matchKeyInput } from '../support/match-key';
import { auditKeyInput } from '../support/audit-key';
import { reportKeyInput } from '../support/report-key';
import { startLrs } from '../support/lrs.mjs';
import { isDuration, statementProblem, UUID } from '../support/xapi-spec.mjs';
import { learningLockerProblem } from '../support/xapi-validation.mjs';

const files = readContentFiles();
delete files[CODESET_FILES.icd10cm];
delete files[CODESET_FILES.hcpcs];
const content = loadContent(files).content!;
const scenario = (id: string) => content.scenarios.find((s) => s.meta.id === id)!;

const APP = 'https://college.example/sim/';
/** The instructor's setting: accounts on the college's LMS, named by the student ID the student typed. */
const ACCOUNT = { homePage: 'https://lms.college.example', name: 'S1234567' };
const HIPAA = 'hipaa-caller-says-spouse';
// Between them: choice, dialogue, multi-choice, triage (classify and order) and a coding step.
const PLAYED = [HIPAA, 'triage-monday-morning-calls', 'communication-long-wait', 'coding-lab-only-visit'];

/** The best answer at a step, from the content; `worst` takes a critical or lowest-scoring option instead. */
function inputFor(interaction: Interaction, worst = false): Input {
	const pick = (options: { id: string; evidence: Record<string, string>; critical?: string }[]) => {
		const best = bestOf(options);
		return worst ? (options.find((o) => o.critical) ?? options.find((o) => !best.includes(o.id)) ?? options[0]!).id : best[0]!;
	};
	switch (interaction.kind) {
		case 'choice':
			return { kind: 'choice', optionId: pick(interaction.block.options) };
		case 'dialogue':
			return { kind: 'dialogue', replyId: pick(interaction.block.replies) };
		case 'multi-choice':
			return { kind: 'multi-choice', optionIds: interaction.block.options.filter((o) => o.correct).map((o) => o.id) };
		case 'triage':
			return interaction.block.mode === 'classify'
				? { kind: 'triage', placements: Object.fromEntries(interaction.block.items.map((i) => [i.id, i.category!])) }
				: { kind: 'triage', order: interaction.block.items.map((i) => i.id) };
		case 'schedule':
			throw new Error('no schedule step in these scenarios');
		case 'inbox':
			return inboxKeyInput(interaction);
		case 'index':
			return indexKeyInput(interaction);
		case 'match':
			return matchKeyInput(interaction);
		case 'audit':
			return auditKeyInput(interaction);
		case 'report':
			return reportKeyInput(interaction);
		default:
			return billingKeyInput(interaction);
	}
}

/** Plays a scenario through the engine and the storage glue, one minute per decision. */
async function play(store: MemoryStore, learnerId: string, s: Scenario, startAt: number, worstFirst = false) {
	let { record, state } = await beginAttempt(store, learnerId, s, 42, startAt);
	let t = startAt;
	for (let first = true; state.stepId; first = false) {
		const interaction = s.steps[state.stepId]!.interaction!;
		({ record, state } = await recordAnswer(store, record, state, inputFor(interaction, worstFirst && first), (t += 60_000)));
	}
	return record;
}

const baseAssignment = (scenarios: string[], createdAt = 1_000): XapiInput['assignment'] => ({
	id: 'week3-privacy-01',
	title: 'Week 3: privacy at the desk',
	instructions: 'Work the scenarios **before Friday**.',
	scenarios,
	createdAt,
	attemptsAllowed: 3,
	passMark: 0.8
});

/** Everything the app would derive for a learner: standing, decisions and the statements. */
async function derive(store: MemoryStore, assignment: XapiInput['assignment'], launches: number[], learner = { id: 'learner-1', name: 'Ana Lopez' }) {
	const attempts = await store.listAttempts(learner.id);
	const standing = assignmentStanding(assignment, attempts);
	const counted = standing.scenarios.flatMap((s) => s.attempts);
	const inputs = await store.getInputsOf(counted.map((a) => a.id));
	const decisions: Decision[] = [];
	for (const a of counted) {
		const d = decisionsOf(scenario(a.scenarioId), a, inputs);
		if (!d.ok) throw new Error(d.error);
		decisions.push(...d.decisions);
	}
	const scenarios = new Map(assignment.scenarios.map((id) => [id, { title: scenario(id).meta.title, summary: scenario(id).meta.summary }]));
	const statements = buildStatements({ assignment, learner, account: ACCOUNT, appUrl: APP, standing, decisions, launches, scenarios });
	return { standing, decisions, statements, counted };
}

const verbOf = (s: Statement) => Object.entries(VERBS).find(([, iri]) => iri === s.verb.id)![0];
const verbs = (list: Statement[]) => list.map(verbOf);
const count = (list: Statement[], verb: keyof typeof VERBS) => list.filter((s) => s.verb.id === VERBS[verb]).length;

describe('xAPI statements for played attempts', () => {
	let store: MemoryStore;
	let derived: Awaited<ReturnType<typeof derive>>;
	const assignment = baseAssignment(PLAYED);
	const launches = [2_000, 500_000];

	beforeAll(async () => {
		store = new MemoryStore();
		// A failed attempt at the privacy call (a critical first answer), then a passing one; the others played well.
		let t = 10_000;
		await play(store, 'learner-1', scenario(HIPAA), t, true);
		for (const id of PLAYED) await play(store, 'learner-1', scenario(id), (t += 3_600_000));
		derived = await derive(store, assignment, launches);
	});

	it("every kind of statement validates with Learning Locker's validator (xapi-validation) and the stricter spec rules", () => {
		expect(derived.statements.length).toBeGreaterThan(20);
		for (const s of derived.statements) {
			expect(learningLockerProblem(s), JSON.stringify(s)).toBeUndefined();
			expect(statementProblem(s), JSON.stringify(s)).toBeUndefined();
		}
		// Each kind was checked: every verb, and answered with every interaction type.
		const kinds = new Set(derived.statements.map((s) => `${verbOf(s)}${s.object.definition?.interactionType ? ` ${s.object.definition.interactionType}` : ''}`));
		expect([...kinds].sort()).toEqual(['answered choice', 'answered matching', 'answered other', 'answered sequencing', 'attempted', 'completed', 'failed', 'launched', 'passed']);
	});

	it("names the student by their name and an account on the college's home page, never an e-mail", () => {
		for (const s of derived.statements) expect(s.actor).toEqual({ objectType: 'Agent', name: 'Ana Lopez', account: { homePage: 'https://lms.college.example', name: 'S1234567' } });
	});

	it('says launched, attempted, answered, passed, failed and completed where each happened', () => {
		const { statements, decisions, counted } = derived;
		expect(count(statements, 'launched')).toBe(2);
		expect(count(statements, 'attempted')).toBe(counted.length);
		expect(counted.length).toBe(PLAYED.length + 1);
		expect(count(statements, 'answered')).toBe(decisions.length);
		expect(count(statements, 'failed')).toBe(1);
		expect(count(statements, 'passed')).toBe(PLAYED.length);
		expect(count(statements, 'completed')).toBe(1);
		// The failed one is the first privacy attempt, with its score and a critical error on the answer that failed it.
		const failed = statements.find((s) => s.verb.id === VERBS.failed)!;
		const firstAttempt = counted.find((a) => a.status === 'failed')!;
		expect(failed.result).toMatchObject({ success: false, completion: true });
		expect(failed.context.registration).toBe(statements.find((s) => s.verb.id === VERBS.attempted && s.timestamp === new Date(firstAttempt.startedAt).toISOString())!.context.registration);
		expect(statements.some((s) => s.verb.id === VERBS.answered && s.result?.extensions && Object.values(s.result.extensions).some((v) => typeof v === 'string' && v.length > 0))).toBe(true);
		// Completed is the assignment's: every part passed, so success and the mean of the best scores.
		const completed = statements.find((s) => s.verb.id === VERBS.completed)!;
		expect(completed.object.id).toBe(`${APP}xapi/assignment/week3-privacy-01`);
		expect(completed.result).toMatchObject({ success: true, completion: true, score: { scaled: derived.standing.score, min: 0, max: 100 } });
		// Oldest first, launched at the very start.
		expect(verbs(statements)[0]).toBe('launched');
		expect([...statements].map((s) => s.timestamp)).toEqual([...statements].map((s) => s.timestamp).sort());
	});

	it('describes each decision as a cmi.interaction with its response, correct response and result', () => {
		const answered = derived.statements.filter((s) => s.verb.id === VERBS.answered);
		const types = new Set(answered.map((s) => s.object.definition!.interactionType));
		expect(types).toEqual(new Set(['choice', 'matching', 'sequencing', 'other']));
		for (const s of answered) {
			expect(s.object.definition!.type).toBe('http://adlnet.gov/expapi/activities/cmi.interaction');
			expect(s.context.contextActivities?.parent?.[0]?.id).toMatch(/^https:\/\/college\.example\/sim\/xapi\/scenario\//);
			expect(s.context.contextActivities?.grouping?.[0]?.id).toBe(`${APP}xapi/assignment/week3-privacy-01`);
			expect(typeof s.result!.response).toBe('string');
			expect(s.result!.score!.max).toBeGreaterThan(0);
		}
		// A multi-choice answer lists its options with [,]; the correct pattern is there for choice-like steps.
		const multi = derived.decisions.find((d) => d.kind === 'multi-choice')!;
		const multiStatement = answered.find((s) => s.object.id.endsWith(`/step/${multi.stepId}`) && s.timestamp === new Date(multi.at).toISOString())!;
		expect(multiStatement.result!.response).toBe(multi.response.split(',').join('[,]'));
		expect(multiStatement.object.definition!.correctResponsesPattern).toEqual([multi.correct!.split(',').join('[,]')]);
		expect(multiStatement.result!.success).toBe(true);
		// The critical wrong answer: not a success, no points, the correct answer named.
		const wrong = derived.decisions.find((d) => d.critical)!;
		const wrongStatement = answered.find((s) => s.timestamp === new Date(wrong.at).toISOString())!;
		expect(wrongStatement.result).toMatchObject({ response: wrong.response, success: false, score: { raw: 0 } });
		expect(wrongStatement.object.definition!.correctResponsesPattern).toEqual([wrong.correct]);
		// Competencies travel as a context extension.
		expect(Object.values(wrongStatement.context.extensions ?? {})[0]).toEqual(wrong.competencies);
		// A triage step names its key too (played with the key here): each item's category as [.] pairs, or the authored order.
		for (const type of ['matching', 'sequencing']) {
			const triage = answered.find((s) => s.object.definition!.interactionType === type)!;
			expect(triage.object.definition!.correctResponsesPattern, type).toEqual([triage.result!.response]);
		}
	});

	it('a choice with several best options names each as a correct response pattern of its own', () => {
		const choice = derived.decisions.find((d) => d.kind === 'choice' && d.options && d.options.length >= 2)!;
		const other = choice.options!.find((o) => o !== choice.correct)!;
		// As a step whose author gave two options the top score reports it (SCORM does the same: one pattern each).
		const twoBest: Decision = { ...choice, correctAll: [choice.correct!, other] };
		const decisions = derived.decisions.map((d) => (d === choice ? twoBest : d));
		const scenarios = new Map(assignment.scenarios.map((id) => [id, { title: scenario(id).meta.title }]));
		const statements = buildStatements({ assignment, learner: { id: 'learner-1', name: 'Ana Lopez' }, account: ACCOUNT, appUrl: APP, standing: derived.standing, decisions, launches, scenarios });
		const s = statements.find((x) => x.verb.id === VERBS.answered && x.object.id.endsWith(`/step/${choice.stepId}`) && x.timestamp === new Date(choice.at).toISOString())!;
		expect(s.object.definition!.correctResponsesPattern).toEqual([choice.correct, other]);
		expect(learningLockerProblem(s), JSON.stringify(s)).toBeUndefined();
		expect(statementProblem(s), JSON.stringify(s)).toBeUndefined();
	});

	it('gives the same ids and statements when derived again, and no id twice', async () => {
		const again = await derive(store, assignment, [...launches].reverse());
		expect(again.statements).toEqual(derived.statements);
		const ids = derived.statements.map((s) => s.id);
		expect(new Set(ids).size).toBe(ids.length);
		for (const id of ids) expect(id).toMatch(UUID);
		// Another learner or another assignment gets other ids for the same kind of work.
		const other = await derive(store, { ...assignment, id: 'week3-privacy-02' }, launches);
		expect(other.statements.map((s) => s.id).filter((id) => ids.includes(id))).toEqual([]);
	});

	it('leaves in the outbox only what the LRS has not acknowledged', () => {
		const all = derived.statements;
		expect(outbox(all, [])).toEqual(all);
		const acknowledged = all.slice(0, 7).map((s) => s.id);
		const left = outbox(all, acknowledged);
		expect(left).toHaveLength(all.length - 7);
		expect(left.some((s) => acknowledged.includes(s.id))).toBe(false);
		expect(outbox(all, all.map((s) => s.id))).toEqual([]);
	});
});

describe('when statements appear', () => {
	it('an unfinished attempt is attempted with its answers so far; nothing is passed, failed or completed', async () => {
		const store = new MemoryStore();
		const s = scenario(HIPAA);
		const { record, state } = await beginAttempt(store, 'learner-1', s, 42, 5_000);
		await recordAnswer(store, record, state, inputFor(s.steps[state.stepId!]!.interaction!), 6_000);
		const { statements } = await derive(store, baseAssignment([HIPAA]), [4_000]);
		expect(verbs(statements)).toEqual(['launched', 'attempted', 'answered']);
	});

	it('completed comes only once every scenario is finished, and a better score later is a new completion', async () => {
		const store = new MemoryStore();
		const assignment = baseAssignment([HIPAA, 'communication-long-wait']);
		await play(store, 'learner-1', scenario(HIPAA), 10_000, true);
		let { statements } = await derive(store, assignment, [9_000]);
		expect(count(statements, 'failed')).toBe(1);
		expect(count(statements, 'completed')).toBe(0);
		await play(store, 'learner-1', scenario('communication-long-wait'), 100_000);
		({ statements } = await derive(store, assignment, [9_000]));
		const first = statements.filter((x) => x.verb.id === VERBS.completed);
		expect(first).toHaveLength(1);
		expect(first[0]!.result!.success).toBe(false);
		await play(store, 'learner-1', scenario(HIPAA), 10_000_000);
		({ statements } = await derive(store, assignment, [9_000]));
		const second = statements.filter((x) => x.verb.id === VERBS.completed);
		expect(second).toHaveLength(1);
		expect(second[0]!.id).not.toBe(first[0]!.id);
		expect(second[0]!.result!.success).toBe(true);
		expect(Date.parse(second[0]!.timestamp)).toBeGreaterThan(Date.parse(first[0]!.timestamp));
	});

	it('leaves out attempts that do not count: started before the assignment, or beyond the attempts allowed', async () => {
		const store = new MemoryStore();
		const s = scenario(HIPAA);
		await play(store, 'learner-1', s, 10_000);
		for (const t of [2e6, 3e6, 4e6]) await play(store, 'learner-1', s, t, true);
		const { statements } = await derive(store, { ...baseAssignment([HIPAA], 1e6), attemptsAllowed: 2 }, [1.5e6]);
		expect(count(statements, 'attempted')).toBe(2);
		expect(statements.every((x) => Date.parse(x.timestamp) >= 1e6)).toBe(true);
	});
});

describe('an assignment with a mock exam', () => {
	it('reports each counted exam session as attempted, then passed or failed with its score, and completes only once the exam is submitted too', async () => {
		const store = new MemoryStore();
		await play(store, 'learner-1', scenario(HIPAA), 10_000);
		const assignment = { ...baseAssignment([HIPAA]), exam: { framework: 'cmaa' as const, items: 10 } };
		const attempts = await store.listAttempts('learner-1');
		const scenarios = new Map([[HIPAA, { title: scenario(HIPAA).meta.title }]]);
		const build = (standing: ReturnType<typeof assignmentStanding>) => buildStatements({ assignment, learner: { id: 'learner-1', name: 'Ana' }, account: ACCOUNT, appUrl: APP, standing, decisions: [], launches: [5_000], scenarios });
		const session = (id: string, startedAt: number) => ({ id, learnerId: 'learner-1', mode: 'mock' as const, framework: 'cmaa', title: 'Mock', itemIds: [], answers: {}, marked: [], startedAt, answeredAt: {}, assignmentId: assignment.id });
		const scoreOf = (correct: number) => ({ correct, total: 10, unanswered: 0, byDomain: [] });
		const taking = { ...assignmentStanding(assignment, attempts), exam: { sessions: [session('e1', 900_000)], scores: [], passed: false, finished: false }, completed: false };
		let statements = build(taking);
		expect(statements.filter((x) => x.object.id === `${APP}xapi/assignment/week3-privacy-01/exam`).map(verbOf)).toEqual(['attempted']);
		expect(count(statements, 'completed')).toBe(0);
		const done = {
			...taking,
			exam: { sessions: [session('e1', 900_000), session('e2', 2_000_000)], scores: [{ sessionId: 'e1', submittedAt: 1_500_000, share: 0.6, score: scoreOf(6) }, { sessionId: 'e2', submittedAt: 2_600_000, share: 0.9, score: scoreOf(9) }], best: 0.9, passed: true, finished: true },
			completed: true,
			passed: true,
			score: 0.95
		};
		statements = build(done);
		for (const x of statements) {
			expect(learningLockerProblem(x), JSON.stringify(x)).toBeUndefined();
			expect(statementProblem(x)).toBeUndefined();
		}
		const exam = statements.filter((x) => x.object.id.endsWith('/exam'));
		expect(exam.map(verbOf)).toEqual(['attempted', 'failed', 'attempted', 'passed']);
		expect(exam[3]!.result).toMatchObject({ success: true, score: { scaled: 0.9, raw: 9, min: 0, max: 10 }, duration: 'PT10M0S' });
		const completed = statements.find((x) => x.verb.id === VERBS.completed)!;
		expect(completed.timestamp).toBe(new Date(2_600_000).toISOString());
		expect(completed.result!.score!.scaled).toBe(0.95);
	});
});

describe('statement building blocks', () => {
	it('hashes text into RFC 4122 UUIDs with the version and variant bits set', () => {
		const id = hashedUuid('anything');
		expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
		expect(hashedUuid('anything')).toBe(id);
		expect(hashedUuid('anything else')).not.toBe(id);
	});

	it('writes durations in ISO 8601 to hundredths of a second', () => {
		expect(isoDuration(0)).toBe('PT0S');
		expect(isoDuration(61_250)).toBe('PT1M1.25S');
		expect(isoDuration(3_723_004)).toBe('PT1H2M3S');
		for (const ms of [0, 5, 999, 61_250, 3_723_004, 90_000_000]) expect(isDuration(isoDuration(ms))).toBe(true);
	});
});

describe('the spec validator refuses what the specification forbids', () => {
	const good: Record<string, unknown> = {
		id: '6690e6c9-3ef0-4ed3-8b37-7f3964730bee',
		actor: { objectType: 'Agent', name: 'A', account: { homePage: 'https://x.example/', name: 'a1' } },
		verb: { id: 'http://adlnet.gov/expapi/verbs/answered', display: { 'en-US': 'answered' } },
		object: { objectType: 'Activity', id: 'https://x.example/q1', definition: { name: { 'en-US': 'Q1' }, type: 'http://adlnet.gov/expapi/activities/cmi.interaction', interactionType: 'choice', correctResponsesPattern: ['a[,]b'], choices: [{ id: 'a' }, { id: 'b' }] } },
		result: { response: 'a', success: false, score: { scaled: 0.5, raw: 1, min: 0, max: 2 }, duration: 'PT1M2.5S' },
		context: { registration: 'ec531277-b57b-4c15-8d91-d292c5b2b8f7', contextActivities: { parent: [{ id: 'https://x.example/quiz' }] }, platform: 'p', language: 'en-US' },
		timestamp: '2025-11-18T12:17:00.123Z'
	};
	const set = (path: string, value: unknown) => {
		const copy = structuredClone(good);
		const keys = path.split('.');
		let o = copy as Record<string, unknown>;
		for (const k of keys.slice(0, -1)) o = o[k] as Record<string, unknown>;
		if (value === undefined) delete o[keys.at(-1)!];
		else o[keys.at(-1)!] = value;
		return copy;
	};

	it('accepts a well-formed statement, as xapi-validation does', () => {
		expect(learningLockerProblem(good)).toBeUndefined();
		expect(statementProblem(good)).toBeUndefined();
	});

	// Why the stand-in LRS runs both: these pass Learning Locker's validator but break the specification.
	const onlyOurs = new Set(['a UUID of an unknown version', 'repeated component ids', 'a matching pattern without pairs', 'a response not in the format of its type', 'a timestamp without a time', 'a timestamp on a day that does not exist']);

	for (const [what, statement, reason] of [
		['no actor', set('actor', undefined), /needs actor/],
		['no verb', set('verb', undefined), /needs verb/],
		['no object', set('object', undefined), /needs object/],
		['an unknown top-level property', { ...good, score: 1 }, /statement\.score: is not a property/],
		['an id that is not a UUID', set('id', 'abc'), /statement\.id: must be a UUID/],
		['a UUID of an unknown version', set('id', '6690e6c9-3ef0-9ed3-8b37-7f3964730bee'), /UUID/],
		['a UUID of another variant', set('id', '6690e6c9-3ef0-4ed3-cb37-7f3964730bee'), /UUID/],
		['an agent with two identifiers', set('actor.mbox', 'mailto:a@x.example'), /more than one identifier/],
		['an agent with no identifier', set('actor', { objectType: 'Agent', name: 'A' }), /exactly one/],
		['an account without a home page', set('actor.account', { name: 'a1' }), /needs a homePage/],
		['a verb id without a scheme', set('verb.id', 'answered'), /verb\.id: must be an IRI/],
		['a display that is not a language map', set('verb.display', { en_US: 'answered' }), /language tag/],
		['a name given as a plain string', set('object.definition.name', 'Q1'), /must be a JSON object/],
		['an unknown interaction type', set('object.definition.interactionType', 'multiple-choice'), /interactionType: must be one of/],
		['a component list the type does not allow', set('object.definition.source', [{ id: 'a' }]), /source: is not allowed for interactionType choice/],
		['repeated component ids', set('object.definition.choices', [{ id: 'a' }, { id: 'a' }]), /repeats the id/],
		['interaction properties with no type', set('object.definition.interactionType', undefined), /no interactionType/],
		['a matching pattern without pairs', set('object.definition', { interactionType: 'matching', correctResponsesPattern: ['a[,]b'] }), /source\[\.\]target/],
		['a response not in the format of its type', set('result.response', 'a b'), /result\.response/],
		['a scaled score above 1', set('result.score.scaled', 1.5), /between -1 and 1/],
		['a raw score above max', set('result.score.raw', 3), /above max/],
		['min not below max', set('result.score.min', 2), /less than max/],
		['a score given as text', set('result.score.raw', '1'), /must be a number/],
		['success given as text', set('result.success', 'true'), /true or false/],
		['a duration in minutes and seconds', set('result.duration', '1:02'), /ISO 8601 duration/],
		['a duration mixing weeks and days', set('result.duration', 'P4W1D'), /ISO 8601 duration/],
		['a registration that is not a UUID', set('context.registration', 'attempt-1'), /registration: must be a UUID/],
		['an unknown context activity type', set('context.contextActivities', { sibling: [{ id: 'https://x.example/s' }] }), /contextActivities\.sibling/],
		['a language that is not a tag', set('context.language', 'English!'), /language tag/],
		['a timestamp without a time', set('timestamp', '2025-11-18'), /ISO 8601 timestamp/],
		['a timestamp on a day that does not exist', set('timestamp', '2025-02-30T10:00:00Z'), /not a real date/],
		['a null value', set('result.response', null), /must not be null/],
		['an extension key that is not an IRI', set('result.extensions', { critical: 'x' }), /key "critical"/],
		['platform on a statement about an agent', set('object', { objectType: 'Agent', mbox: 'mailto:b@x.example' }), /platform: may only be used/]
	] as [string, unknown, RegExp][]) {
		it(`refuses ${what}${onlyOurs.has(what) ? ' (which xapi-validation lets through)' : ', as xapi-validation does'}`, () => {
			expect(statementProblem(statement)).toMatch(reason);
			if (onlyOurs.has(what)) expect(learningLockerProblem(statement)).toBeUndefined();
			else expect(learningLockerProblem(statement)).toBeDefined();
		});
	}
});

describe('sending to an LRS (the stand-in, over HTTP)', () => {
	let lrs: Awaited<ReturnType<typeof startLrs>>;
	let config: LrsConfig;
	let statements: Statement[];
	beforeAll(async () => {
		lrs = await startLrs({ key: 'course-key', secret: 's3cret:with-colon' });
		config = { endpoint: lrs.endpoint, key: 'course-key', secret: 's3cret:with-colon' };
		const store = new MemoryStore();
		await play(store, 'learner-1', scenario(HIPAA), 10_000);
		({ statements } = await derive(store, baseAssignment([HIPAA]), [9_000]));
	});
	afterAll(() => lrs.close());

	it('stores every statement once, acknowledging each batch, and a second delivery of the outbox sends nothing', async () => {
		const acked: string[] = [];
		const first = await deliver(config, statements, async (ids) => void acked.push(...ids));
		expect(first).toEqual({ acknowledged: statements.map((s) => s.id), refused: [] });
		expect(acked).toEqual(first.acknowledged);
		expect(lrs.statements.map((s) => s.id)).toEqual(statements.map((s) => s.id));
		const again = await deliver(config, outbox(statements, acked), async () => {});
		expect(again.acknowledged).toEqual([]);
		expect(lrs.received).toHaveLength(statements.length);
	});

	it('a re-sent statement with the same content changes nothing; with other content the LRS answers 409 and it counts as acknowledged', async () => {
		const before = lrs.statements.length;
		expect(await postStatements(config, [statements[0]!])).toEqual({ kind: 'stored' });
		const changed = { ...statements[1]!, actor: { ...statements[1]!.actor, name: 'Renamed' } };
		const outcome = await postStatements(config, [changed]);
		expect(outcome).toMatchObject({ kind: 'conflict', reason: expect.stringMatching(/^409: .*different content/) });
		expect((await deliver(config, [changed], async () => {})).acknowledged).toEqual([changed.id]);
		expect(lrs.statements.length).toBe(before);
	});

	it('a batch with one bad statement stores nothing at first; split up, the good ones go through and the bad one is named', async () => {
		const fresh = statements.map((s, i) => ({ ...s, id: hashedUuid(`batch ${i}`) }));
		const bad = { ...fresh[2]!, result: { ...fresh[2]!.result, score: { scaled: 2, raw: 1, min: 0, max: 1 } } } as Statement;
		const batch = [...fresh.slice(0, 2), bad, ...fresh.slice(3)];
		const before = lrs.statements.length;
		expect(await postStatements(config, batch)).toMatchObject({ kind: 'refused', status: 400, reason: expect.stringMatching(/statement\.result\.score\.scaled: type \(got 2\)/) });
		expect(lrs.statements.length).toBe(before);
		const report = await deliver(config, batch, async () => {});
		expect(report.refused).toEqual([{ id: bad.id, reason: expect.stringMatching(/^400: .*scaled/) }]);
		expect(report.acknowledged).toHaveLength(batch.length - 1);
		expect(lrs.statements.length).toBe(before + batch.length - 1);
	});

	it('wrong credentials stop sending for good; a server error stops it until the next try', async () => {
		const wrong = await deliver({ ...config, secret: 'nope' }, statements, async () => {});
		expect(wrong).toMatchObject({ acknowledged: [], stopped: { retry: false, reason: expect.stringMatching(/^401: the key or secret is wrong/) } });
		lrs.failWith = 503;
		try {
			expect((await deliver(config, statements, async () => {})).stopped).toMatchObject({ retry: true, reason: /^503/ });
		} finally {
			lrs.failWith = undefined;
		}
		// Nothing is listening here: unreachable, to retry later.
		const closed = await deliver({ ...config, endpoint: 'http://127.0.0.1:9/xapi/' }, statements, async () => {});
		expect(closed.stopped?.retry).toBe(true);
	});

	it('the stand-in requires the version header and answers the browser preflight', async () => {
		const noVersion = await fetch(`${lrs.endpoint}statements`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Basic ${btoa('course-key:s3cret:with-colon')}` }, body: '[]' });
		expect(noVersion.status).toBe(400);
		expect(await noVersion.text()).toMatch(/X-Experience-API-Version header is missing/);
		const preflight = await fetch(`${lrs.endpoint}statements`, { method: 'OPTIONS', headers: { Origin: 'http://127.0.0.1:4173', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type,x-experience-api-version' } });
		expect(preflight.status).toBe(204);
		expect(preflight.headers.get('access-control-allow-headers')).toMatch(/X-Experience-API-Version/);
		expect(preflight.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:4173');
	});
});

describe("the actor's account, as the instructor set it", () => {
	const lrs: { endpoint: string; key: string; secret: string; homePage?: string; accountName?: 'student-id' | 'learner-id' } = { endpoint: 'https://lrs.college.example/xapi/', key: 'k', secret: 's' };
	it("is the student's own ID on the college's home page, and none until the student gives it", () => {
		expect(learnerAccount({ ...lrs, homePage: 'https://lms.college.example', accountName: 'student-id' }, 'learner-1', 'S1234567', APP)).toEqual({ homePage: 'https://lms.college.example', name: 'S1234567' });
		expect(learnerAccount({ ...lrs, homePage: 'https://lms.college.example', accountName: 'student-id' }, 'learner-1', undefined, APP)).toBeUndefined();
	});
	it("is the app's learner id when the instructor chose it, and on the app's address for a link made before the home page could be set", () => {
		expect(learnerAccount({ ...lrs, homePage: 'https://lms.college.example', accountName: 'learner-id' }, 'learner-1', 'S1234567', APP)).toEqual({ homePage: 'https://lms.college.example', name: 'learner-1' });
		expect(learnerAccount(lrs, 'learner-1', 'S1234567', APP)).toEqual({ homePage: APP, name: 'learner-1' });
	});
	it('an assignment that needs the student ID refuses a blank one, by name', () => {
		expect(checkIdentity('Ana Lopez', '', true)).toEqual({ ok: false, error: expect.stringMatching(/Type your student ID or e-mail/) });
		expect(checkIdentity('Ana Lopez', ' S1234567 ', true)).toEqual({ ok: true, identity: { name: 'Ana Lopez', studentId: 'S1234567' } });
		expect(checkIdentity('Ana Lopez', '')).toEqual({ ok: true, identity: { name: 'Ana Lopez' } });
	});
});

describe('the assignment names its LRS', () => {
	const draft = {
		format: 'front-desk-simulator/assignment',
		version: 1,
		id: 'abcdefgh1234',
		title: 'Week 3',
		scenarios: [HIPAA],
		createdAt: 1,
		xapi: { endpoint: 'https://lrs.college.example/xapi/', key: 'course-key', secret: 'Secret/123+=', homePage: 'https://lms.college.example', accountName: 'student-id' }
	};
	const problem = (xapi: unknown) => {
		const r = Assignment.safeParse({ ...draft, xapi });
		return r.success ? undefined : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
	};

	it('keeps an https endpoint, its credentials and the account settings through the link; a link made before the account settings still opens', async () => {
		const decoded = await decodeAssignment(await encodeAssignment(Assignment.parse(draft)));
		expect(decoded.ok && decoded.assignment.xapi).toEqual(draft.xapi);
		expect(problem({ ...draft.xapi, endpoint: 'http://127.0.0.1:8080/xapi' })).toBeUndefined();
		expect(problem({ ...draft.xapi, endpoint: 'http://localhost/xapi/' })).toBeUndefined();
		expect(problem({ endpoint: draft.xapi.endpoint, key: draft.xapi.key, secret: draft.xapi.secret })).toBeUndefined();
	});

	for (const [what, xapi, reason] of [
		['plain http to another computer', { ...draft.xapi, endpoint: 'http://lrs.college.example/xapi/' }, /endpoint: must be an https address/],
		['an address that is not one', { ...draft.xapi, endpoint: 'lrs.college.example' }, /endpoint/],
		['credentials inside the address', { ...draft.xapi, endpoint: 'https://key:secret@lrs.college.example/xapi/' }, /endpoint/],
		['a query in the address', { ...draft.xapi, endpoint: 'https://lrs.college.example/xapi/?x=1' }, /endpoint/],
		['a javascript: address', { ...draft.xapi, endpoint: 'javascript:alert(1)' }, /endpoint/],
		['a colon in the key', { ...draft.xapi, key: 'a:b' }, /key: the key must not contain .* colon/],
		['markup in the secret', { ...draft.xapi, secret: '<script>' }, /secret: the secret must not contain quotes, < or >/],
		['a space in the key', { ...draft.xapi, key: 'a b' }, /key: the key must be letters/],
		['no secret', { ...draft.xapi, secret: '' }, /secret: the secret is missing/],
		['an extra property', { ...draft.xapi, password: 'x' }, /password|Unrecognized/],
		['a home page without a scheme', { ...draft.xapi, homePage: 'lms.college.example' }, /homePage: must be your college's web address/],
		['a javascript: home page', { ...draft.xapi, homePage: 'javascript:alert(1)' }, /homePage/],
		['a user name in the home page', { ...draft.xapi, homePage: 'https://ana@lms.college.example' }, /homePage/],
		['an unknown account name', { ...draft.xapi, accountName: 'email' }, /accountName/]
	] as [string, unknown, RegExp][]) {
		it(`refuses ${what}`, () => {
			expect(problem(xapi)).toMatch(reason);
		});
	}
});

