import { describe, expect, it } from 'vitest';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { Scorm12API, Scorm2004API } from 'scorm-again';
import { loadContent } from '../../src/lib/content';
import { readContentFiles } from '../../scripts/read-content';
import { Assignment } from '../../src/lib/assign/assignment';
import { MemoryStore } from '../../src/lib/db';
import { beginAttempt, recordAnswer } from '../../src/lib/attempts';
import { bestIntentInput } from '../support/best-input';
import { decisionsOf } from '../../src/lib/lms/decisions';
import { assignmentStanding } from '../../src/lib/lms/standing';
import { LAUNCH_PAGE, PACKAGE_CONFIG, scormManifest, type ScormStandard } from '../../src/lib/lms/scorm-manifest';
import { readPackageConfig } from '../../src/lib/lms/package-config';
import { scormPackage } from '../../src/lib/lms/scorm-package';
import { MAX_BROWSERS, readSuspendData, suspendData, withCarried, SUSPEND_LIMIT } from '../../src/lib/lms/suspend';
import { assignmentObjectives, id12, objectiveId, objectiveIdFor, objectiveValues, type ObjectivesInput } from '../../src/lib/lms/objectives';
import { placeOfPage, readLocation, scormLocation } from '../../src/lib/lms/scorm-report';
import { afterSending, heldIds, interactionId, optionLetter, scorm12Time, scorm12Duration, scorm2004Duration, scormExit, scormReport, unreported, type ReportedDecision, type SentLog } from '../../src/lib/lms/scorm-report';
import type { Interaction, Scenario } from '../../src/lib/content/schema/scenario';
import type { Input } from '../../src/lib/engine/types';

const content = loadContent(readContentFiles()).content!;
const byId = (id: string) => content.scenarios.find((s) => s.meta.id === id)!;
const HIPAA = byId('hipaa-caller-says-spouse');
const TRIAGE = byId('triage-monday-morning-calls');
/** A scenario with a choice, a dialogue and a multi-choice step. */
const MINOR = byId('hipaa-minor-confidential-visit');

const assignment = Assignment.parse({
	format: 'front-desk-simulator/assignment',
	version: 1,
	id: 'asg-scorm-0001',
	title: 'Week 4: privacy & the "desk" <3',
	scenarios: [HIPAA.meta.id, TRIAGE.meta.id],
	attemptsAllowed: 2,
	passMark: 0.8,
	createdAt: 1000
});

const FILES = ['index.html', LAUNCH_PAGE, '_app/immutable/entry/start.js', 'play/hipaa-caller-says-spouse/index.html', 'a file with spaces.txt'];

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['file', 'item', 'organization', 'resource'].includes(name) });

function manifestOf(standard: ScormStandard) {
	const xml = scormManifest(standard, assignment, FILES);
	expect(XMLValidator.validate(xml)).toBe(true);
	return { xml, doc: parser.parse(xml).manifest };
}

describe('SCORM manifests', () => {
	for (const standard of ['scorm12', 'scorm2004'] as const) {
		it(`${standard}: one organization and one SCO that launches the app and lists every file`, () => {
			const { doc } = manifestOf(standard);
			const ids = new Set<string>();
			const id = (x: string) => {
				// xs:ID: a letter or underscore first, no spaces or colons; unique in the document.
				expect(x).toMatch(/^[A-Za-z_][A-Za-z0-9._-]*$/);
				expect(ids.has(x)).toBe(false);
				ids.add(x);
				return x;
			};
			id(doc['@identifier']);
			expect(doc.metadata.schema).toBe('ADL SCORM');
			expect(String(doc.metadata.schemaversion)).toBe(standard === 'scorm12' ? '1.2' : '2004 4th Edition');
			expect(doc['@xmlns']).toBe(standard === 'scorm12' ? 'http://www.imsproject.org/xsd/imscp_rootv1p1p2' : 'http://www.imsglobal.org/xsd/imscp_v1p1');
			expect(doc['@xmlns:adlcp']).toBe(standard === 'scorm12' ? 'http://www.adlnet.org/xsd/adlcp_rootv1p2' : 'http://www.adlnet.org/xsd/adlcp_v1p3');
			const orgs = doc.organizations.organization;
			expect(orgs).toHaveLength(1);
			expect(doc.organizations['@default']).toBe(id(orgs[0]['@identifier']));
			expect(orgs[0].title).toBe(assignment.title);
			const resources = doc.resources.resource;
			expect(resources).toHaveLength(1);
			const sco = resources[0];
			id(sco['@identifier']);
			const item = orgs[0].item[0];
			id(item['@identifier']);
			expect(item['@identifierref']).toBe(sco['@identifier']);
			expect(item.title).toBe(assignment.title);
			expect(sco['@type']).toBe('webcontent');
			expect(sco[standard === 'scorm12' ? '@adlcp:scormtype' : '@adlcp:scormType']).toBe('sco');
			expect(sco['@href']).toBe(LAUNCH_PAGE);
			const hrefs = sco.file.map((f: Record<string, string>) => decodeURIComponent(f['@href']!));
			expect(hrefs.sort()).toEqual([...FILES].sort());
			// The LMS applies no mastery score of its own: the SCO decides pass or fail.
			expect(JSON.stringify(doc)).not.toMatch(/masteryscore|completionThreshold/);
		});
	}
	it('refuses a file list without the launch page', () => {
		expect(() => scormManifest('scorm12', assignment, ['index.html'])).toThrow(/lms\/index\.html/);
	});
});

describe('SCORM packages', () => {
	it('zip the app, the assignment beside the launch page and the manifest at the root', () => {
		const files = Object.fromEntries(FILES.map((f) => [f, strToU8(`contents of ${f}`)]));
		const zip = unzipSync(scormPackage('scorm2004', assignment, files));
		expect(Object.keys(zip).sort()).toEqual([...FILES, PACKAGE_CONFIG, 'imsmanifest.xml'].sort());
		expect(strFromU8(zip['play/hipaa-caller-says-spouse/index.html']!)).toBe('contents of play/hipaa-caller-says-spouse/index.html');
		const config = readPackageConfig(strFromU8(zip[PACKAGE_CONFIG]!));
		expect(config).toEqual({ ok: true, config: { format: 'front-desk-simulator/lms-package', version: 1, standard: 'scorm2004', assignment } });
		const manifest = parser.parse(strFromU8(zip['imsmanifest.xml']!)).manifest;
		expect(manifest.resources.resource[0].file.map((f: Record<string, string>) => decodeURIComponent(f['@href']!))).toContain(PACKAGE_CONFIG);
	});
	it('a damaged or foreign package file is named', () => {
		expect(readPackageConfig('{"format":')).toMatchObject({ ok: false, error: expect.stringMatching(/not valid JSON/) });
		expect(readPackageConfig(JSON.stringify({ format: 'front-desk-simulator/lms-package', version: 1, standard: 'aicc', assignment }))).toMatchObject({ ok: false, error: expect.stringMatching(/at standard/) });
	});
});

/**
 * Plays a scenario with the best answer at every step (or the worst where `miss` names the step), or
 * the answer `answer` gives for a step where it gives one.
 */
async function play(store: MemoryStore, scenario: Scenario, at: number, miss?: string, answer?: (stepId: string, interaction: Interaction) => Input | undefined) {
	let a = await beginAttempt(store, 'learner-1', scenario, 11, at);
	for (let i = 0; a.state.stepId && i < 30; i++) {
		const interaction = scenario.steps[a.state.stepId]!.interaction!;
		const input: Input = answer?.(a.state.stepId, interaction) ?? bestIntentInput(interaction, a.state.stepId === miss);
		a = { ...a, ...(await recordAnswer(store, a.record, a.state, input, at + (i + 1) * 60_000)) };
	}
	return a.record;
}

async function worked(missHipaa?: string) {
	const store = new MemoryStore();
	await play(store, HIPAA, 10_000, missHipaa);
	await play(store, TRIAGE, 2_000_000);
	const attempts = await store.listAttempts('learner-1');
	const standing = assignmentStanding(assignment, attempts);
	const inputs = await store.getInputsOf(attempts.map((x) => x.id));
	const decisions = standing.scenarios.flatMap((s) => s.attempts).flatMap((a) => {
		const d = decisionsOf(a.scenarioId === HIPAA.meta.id ? HIPAA : TRIAGE, a, inputs);
		if (!d.ok) throw new Error(d.error);
		return d.decisions;
	});
	return { standing, decisions };
}

const minorAssignment = Assignment.parse({ ...assignment, id: 'asg-scorm-minor', scenarios: [MINOR.meta.id] });

/** The counted decisions in one browser's store, oldest first, as the launch page gathers them. */
async function counted(store: MemoryStore, a: Assignment = assignment) {
	const attempts = await store.listAttempts('learner-1');
	const standing = assignmentStanding(a, attempts);
	const inputs = await store.getInputsOf(attempts.map((x) => x.id));
	const decisions = standing.scenarios.flatMap((s) => s.attempts).flatMap((x) => {
		const d = decisionsOf(byId(x.scenarioId), x, inputs);
		if (!d.ok) throw new Error(d.error);
		return d.decisions;
	});
	return { standing, decisions: decisions.sort((x, y) => x.at - y.at) };
}

function apply(api: { SetValue?: (e: string, v: string) => string; LMSSetValue?: (e: string, v: string) => string; GetLastError?: () => string; LMSGetLastError?: () => string }, values: [string, string][]) {
	const refused: string[] = [];
	for (const [e, v] of values) {
		const ok = api.SetValue ? api.SetValue(e, v) : api.LMSSetValue!(e, v);
		if (ok !== 'true') refused.push(`${e}=${v}: ${api.GetLastError ? api.GetLastError() : api.LMSGetLastError!()}`);
	}
	return refused;
}

/**
 * What a strict SCORM 1.2 LMS refuses that scorm-again accepts (its 1.2 CMIFeedback is any text): the
 * student_response and correct patterns of a choice, matching or sequencing interaction are CMIFeedback
 * in that type's format (the 1.2 RTE book on cmi.interactions.n.student_response), every identifier one
 * character 0-9 or a-z. Choice: characters joined by commas (a pattern in curly brackets when all of
 * them must be chosen). Matching: "source.target" pairs joined by commas. Sequencing: characters joined
 * by commas. The only type the 1.2 vocabulary has besides those that is used here is performance,
 * whose texts are free. And any CMIFeedback over 255 characters is refused.
 */
function strict12(values: readonly [string, string][]): string[] {
	const types = new Map(values.flatMap(([e, v]) => (/^cmi\.interactions\.\d+\.type$/.test(e) ? [[e.split('.')[2]!, v] as const] : [])));
	const formats: Record<string, { response: RegExp; pattern: RegExp }> = {
		choice: { response: /^[0-9a-z](,[0-9a-z])*$/, pattern: /^(\{[0-9a-z](,[0-9a-z])*\}|[0-9a-z](,[0-9a-z])*)$/ },
		matching: { response: /^[0-9a-z]\.[0-9a-z](,[0-9a-z]\.[0-9a-z])*$/, pattern: /^(\{[0-9a-z]\.[0-9a-z](,[0-9a-z]\.[0-9a-z])*\}|[0-9a-z]\.[0-9a-z](,[0-9a-z]\.[0-9a-z])*)$/ },
		sequencing: { response: /^[0-9a-z](,[0-9a-z])*$/, pattern: /^[0-9a-z](,[0-9a-z])*$/ }
	};
	return values.flatMap(([e, v]) => {
		const type = /^cmi\.interactions\.(\d+)\.type$/.exec(e) ? v : undefined;
		if (type !== undefined && !['choice', 'matching', 'sequencing', 'performance'].includes(type)) return [`${e}=${v}: not a type this report should use`];
		const m = /^cmi\.interactions\.(\d+)\.(student_response|correct_responses\.\d+\.pattern)$/.exec(e);
		if (!m) return [];
		if (v.length > 255) return [`${e}: over 255 characters`];
		const format = formats[types.get(m[1]!)!];
		if (!format) return [];
		return (m[2] === 'student_response' ? format.response : format.pattern).test(v) ? [] : [`${e}=${v}: not a SCORM 1.2 ${types.get(m[1]!)}`];
	});
}

/** What a strict SCORM 1.2 LMS refuses of these values: the format rules above, then a fresh scorm-again 1.2 runtime's (empty when all is accepted). */
function refusedBy12(values: [string, string][]): string[] {
	const api = new Scorm12API({ logLevel: 5 });
	api.LMSInitialize('');
	return [...strict12(values), ...apply(api, values)];
}

describe('SCORM reports, checked by a real runtime (scorm-again)', () => {
	it('SCORM 2004: completion, success, score and one interaction per decision, all accepted', async () => {
		const { standing, decisions } = await worked();
		expect(standing.completed).toBe(true);
		const api = new Scorm2004API({ logLevel: 5 });
		expect(api.Initialize('')).toBe('true');
		expect(apply(api, scormReport('scorm2004', { standing, decisions, written: [] }))).toEqual([]);
		expect(api.GetValue('cmi.completion_status')).toBe('completed');
		expect(api.GetValue('cmi.success_status')).toBe(standing.passed ? 'passed' : 'failed');
		expect(Number(api.GetValue('cmi.score.scaled'))).toBeCloseTo(standing.score, 3);
		expect(Number(api.GetValue('cmi.interactions._count'))).toBe(decisions.length);
		expect(decisions.length).toBeGreaterThanOrEqual(6);
		const first = decisions[0]!;
		expect(api.GetValue('cmi.interactions.0.id')).toBe(interactionId(first));
		expect(api.GetValue('cmi.interactions.0.type')).toBe('choice');
		expect(api.GetValue('cmi.interactions.0.learner_response')).toBe(first.response);
		expect(api.GetValue('cmi.interactions.0.result')).toBe('correct');
		expect(api.GetValue('cmi.interactions.0.objectives.0.id')).toBe(objectiveId(first.competencies[0]!));
		const triage = decisions.findIndex((d) => d.kind === 'triage');
		expect(api.GetValue(`cmi.interactions.${triage}.type`)).toMatch(/^(matching|sequencing)$/);
		// A resumed session writes only what the LMS does not have yet.
		const written = Array.from({ length: decisions.length - 2 }, (_, n) => api.GetValue(`cmi.interactions.${n}.id`));
		const again = scormReport('scorm2004', { standing, decisions, written });
		expect(again.filter(([e]) => /^cmi\.interactions\.\d+\.id$/.test(e)).map(([, v]) => v)).toEqual(decisions.slice(-2).map(interactionId));
		expect(apply(api, scormExit('scorm2004', standing, 754_000))).toEqual([]);
		expect(api.Terminate('')).toBe('true');
	});

	it('SCORM 2004: a missed decision is incorrect, and pass or fail waits until every part is done', async () => {
		const missStep = HIPAA.meta.start;
		const { standing, decisions } = await worked(missStep);
		const api = new Scorm2004API({ logLevel: 5 });
		api.Initialize('');
		expect(apply(api, scormReport('scorm2004', { standing, decisions, written: [] }))).toEqual([]);
		expect(api.GetValue('cmi.interactions.0.result')).toBe('incorrect');
		expect(api.GetValue('cmi.success_status')).toBe(standing.passed ? 'passed' : 'failed');
		expect(standing.passed).toBe(false);

		const half = assignmentStanding(assignment, standing.scenarios[0]!.attempts);
		const api2 = new Scorm2004API({ logLevel: 5 });
		api2.Initialize('');
		expect(apply(api2, scormReport('scorm2004', { standing: half, decisions: [], written: [] }))).toEqual([]);
		expect(api2.GetValue('cmi.completion_status')).toBe('incomplete');
		expect(api2.GetValue('cmi.success_status')).toBe('unknown');
		expect(api2.GetValue('cmi.progress_measure')).toBe('0.5');
	});

	it('SCORM 1.2: lesson status and score, accepted by the runtime', async () => {
		const { standing, decisions } = await worked();
		const api = new Scorm12API({ logLevel: 5 });
		expect(api.LMSInitialize('')).toBe('true');
		expect(apply(api, scormReport('scorm12', { standing, decisions, written: [] }))).toEqual([]);
		expect(api.LMSGetValue('cmi.core.lesson_status')).toBe(standing.passed ? 'passed' : 'failed');
		expect(Number(api.LMSGetValue('cmi.core.score.raw'))).toBeCloseTo(standing.score * 100, 1);
		expect(apply(api, scormExit('scorm12', standing, 3_723_450))).toEqual([]);
		expect(api.LMSFinish('')).toBe('true');
		const half = assignmentStanding(assignment, standing.scenarios[0]!.attempts);
		expect(scormReport('scorm12', { standing: half, decisions: [], written: [] })).toContainEqual(['cmi.core.lesson_status', 'incomplete']);
	});

	it('SCORM 1.2: one interaction per decision (id, type, student_response, result, time), accepted; a resumed session adds only new ones', async () => {
		const { standing, decisions } = await worked(HIPAA.meta.start);
		const api = new Scorm12API({ logLevel: 5 });
		api.LMSInitialize('');
		const report = scormReport('scorm12', { standing, decisions, written: [] });
		expect(apply(api, report)).toEqual([]);
		expect(Number(api.LMSGetValue('cmi.interactions._count'))).toBe(decisions.length);
		const at = (e: string) => report.find(([k]) => k === e)?.[1];
		expect(at('cmi.interactions.0.id')).toMatch(/^urn\.front-desk-simulator\.hipaa-caller-says-spouse\.[A-Za-z0-9._-]+$/);
		expect(at('cmi.interactions.0.type')).toBe('choice');
		// The option by the character for its place in the step's authored list, not by its id.
		const first = decisions[0]!;
		const interaction = HIPAA.steps[first.stepId]!.interaction!;
		if (interaction.kind !== 'choice') throw new Error('the first HIPAA step is a choice');
		const authored = interaction.block.options.map((o) => o.id);
		expect(authored).toContain(first.response);
		expect(at('cmi.interactions.0.student_response')).toBe('abcdefghijklmnopqrstuvwxyz'[authored.indexOf(first.response)]);
		expect(at('cmi.interactions.0.correct_responses.0.pattern')).toBe('abcdefghijklmnopqrstuvwxyz'[authored.indexOf(first.correct!)]);
		expect(at('cmi.interactions.0.student_response')).not.toBe(at('cmi.interactions.0.correct_responses.0.pattern'));
		expect(strict12(report)).toEqual([]);
		// The first step was missed on purpose: SCORM 1.2 says "wrong" where 2004 says "incorrect".
		expect(at('cmi.interactions.0.result')).toBe('wrong');
		expect(at('cmi.interactions.0.time')).toBe(scorm12Time(decisions[0]!.at));
		expect(at('cmi.interactions.0.time')).toMatch(/^\d\d:\d\d:\d\d$/);
		// An older version's time watermark (in suspend_data) still keeps what it reported from going twice; the LMS's count gives the next index.
		const until = decisions[decisions.length - 3]!.at;
		const again = scormReport('scorm12', { standing, decisions, written: [], count: decisions.length - 2, reportedUntil: until });
		const ids = again.filter(([e]) => /^cmi\.interactions\.\d+\.id$/.test(e));
		expect(ids.map(([e]) => e)).toEqual([`cmi.interactions.${decisions.length - 2}.id`, `cmi.interactions.${decisions.length - 1}.id`]);
	});

	it('SCORM 1.2: choice, dialogue and multi-choice answers name each option by the character for its authored place; a multi-choice key needs all of them', async () => {
		for (const miss of [undefined, 'routing']) {
			const store = new MemoryStore();
			await play(store, MINOR, 10_000, miss);
			const { standing, decisions } = await counted(store, minorAssignment);
			const kinds = new Set(decisions.map((d) => d.kind));
			expect([...kinds].sort()).toEqual(['choice', 'dialogue', 'multi-choice']);
			const report = scormReport('scorm12', { standing, decisions, written: [] });
			expect(refusedBy12(report)).toEqual([]);
			const at = (e: string) => report.find(([k]) => k === e)?.[1];
			decisions.forEach((d, n) => {
				// The authored list, read from the scenario here (not from what the decision carries).
				const interaction = MINOR.steps[d.stepId]!.interaction!;
				const authored = interaction.kind === 'dialogue' ? interaction.block.replies.map((r) => r.id) : interaction.kind === 'choice' || interaction.kind === 'multi-choice' ? interaction.block.options.map((o) => o.id) : [];
				const char = (id: string) => 'abcdefghijklmnopqrstuvwxyz'[authored.indexOf(id)]!;
				const chars = (ids: string) => ids.split(',').sort((x, y) => authored.indexOf(x) - authored.indexOf(y)).map(char).join(',');
				expect(at(`cmi.interactions.${n}.type`)).toBe('choice');
				expect(at(`cmi.interactions.${n}.student_response`), d.stepId).toBe(chars(d.response));
				if (interaction.kind === 'multi-choice') expect(at(`cmi.interactions.${n}.correct_responses.0.pattern`)).toBe(`{${chars(interaction.block.options.filter((o) => o.correct).map((o) => o.id).join(','))}}`);
				else expect(at(`cmi.interactions.${n}.correct_responses.0.pattern`)).toBe(char(d.correct!));
			});
			// SCORM 2004 keeps the ids: its format allows them.
			const v2004 = scormReport('scorm2004', { standing, decisions, written: [] });
			expect(v2004).toContainEqual(['cmi.interactions.0.learner_response', decisions[0]!.response]);
		}
	});

	it('SCORM 1.2: options past the 26th are 0-9; a step with more than 36 goes as a performance with the ids, which a strict LMS takes', () => {
		expect([0, 25, 26, 35, 36].map(optionLetter)).toEqual(['a', 'z', '0', '9', undefined]);
		const options = Array.from({ length: 40 }, (_, i) => `option-${i}`);
		const decision = (response: string, correct: string, kind: ReportedDecision['kind'] = 'choice'): ReportedDecision => ({
			attemptId: 'attempt-1', scenarioId: 'big-choice', seq: 0, stepId: 'pick', stepTitle: 'Pick', kind, response, correct, options, earned: 0, possible: 1, verdict: 'wrong', competencies: [], at: 5_000
		});
		const one = (d: ReportedDecision) => scormReport('scorm12', { standing: assignmentStanding(assignment, []), decisions: [d], written: [] });
		const late = one(decision('option-30', 'option-1'));
		expect(late).toContainEqual(['cmi.interactions.0.student_response', '4']);
		expect(late).toContainEqual(['cmi.interactions.0.correct_responses.0.pattern', 'b']);
		const picked = one(decision('option-27,option-2', 'option-2,option-35', 'multi-choice'));
		expect(picked).toContainEqual(['cmi.interactions.0.student_response', 'c,1']);
		expect(picked).toContainEqual(['cmi.interactions.0.correct_responses.0.pattern', '{c,9}']);
		const past = one(decision('option-37', 'option-1'));
		expect(past).toContainEqual(['cmi.interactions.0.type', 'performance']);
		expect(past).toContainEqual(['cmi.interactions.0.student_response', 'option-37']);
		expect(past.some(([e]) => e.endsWith('correct_responses.0.pattern'))).toBe(false);
		for (const values of [late, picked, past]) {
			expect(refusedBy12(values)).toEqual([]);
		}
	});

	it('SCORM 1.2: a triage step is matching (item.category) or sequencing by the characters of its authored items and categories, accepted by a strict LMS and read back to the ids', async () => {
		// The shipped Monday-morning triage: a classify step (8 calls into 3 categories) and an order step (4 callbacks).
		const steps = Object.entries(TRIAGE.steps).flatMap(([id, s]) => (s.interaction?.kind === 'triage' ? [[id, s.interaction.block] as const] : []));
		expect(steps.map(([, b]) => b.mode).sort()).toEqual(['classify', 'order']);
		// The learner puts one call (one with no critical error, so the attempt goes on as it would) in the wrong category, and the callbacks in reverse.
		const answer = (_: string, i: Interaction): Input | undefined => {
			if (i.kind !== 'triage') return undefined;
			if (i.block.mode === 'order') return { kind: 'triage', order: i.block.items.map((x) => x.id).reverse() };
			const moved = i.block.items.find((x) => !x.critical)!;
			return { kind: 'triage', placements: Object.fromEntries(i.block.items.map((x) => [x.id, x === moved ? i.block.categories!.find((c) => c.id !== x.category)!.id : x.category!])) };
		};
		const store = new MemoryStore();
		await play(store, TRIAGE, 10_000, undefined, answer);
		const { standing, decisions } = await counted(store, Assignment.parse({ ...assignment, id: 'asg-scorm-triage', scenarios: [TRIAGE.meta.id] }));
		const report = scormReport('scorm12', { standing, decisions, written: [] });
		expect(refusedBy12(report)).toEqual([]);
		const at = (e: string) => report.find(([k]) => k === e)?.[1];
		const seen = new Set<string>();
		decisions.forEach((d, n) => {
			const interaction = TRIAGE.steps[d.stepId]!.interaction!;
			if (interaction.kind !== 'triage') return;
			// The authored lists, read from the scenario here (not from what the decision carries).
			const items = interaction.block.items.map((x) => x.id);
			const categories = (interaction.block.categories ?? []).map((c) => c.id);
			const id = (list: string[], c: string) => list['abcdefghijklmnopqrstuvwxyz0123456789'.indexOf(c)]!;
			const response = at(`cmi.interactions.${n}.student_response`)!;
			const pattern = at(`cmi.interactions.${n}.correct_responses.0.pattern`)!;
			expect(at(`cmi.interactions.${n}.correct_responses.1.pattern`)).toBeUndefined();
			expect(at(`cmi.interactions.${n}.result`)).not.toBe('correct');
			if (interaction.block.mode === 'classify') {
				seen.add('matching');
				expect(at(`cmi.interactions.${n}.type`)).toBe('matching');
				const read = (text: string) => Object.fromEntries(text.split(',').map((p) => [id(items, p[0]!), id(categories, p[2]!)]));
				const given = answer(d.stepId, interaction) as Extract<Input, { placements: unknown }>;
				expect(read(response)).toEqual(given.placements);
				expect(read(pattern)).toEqual(Object.fromEntries(interaction.block.items.map((x) => [x.id, x.category])));
				// In the items' authored order: the first call is "a".
				expect(response.split(',').map((p) => p[0]).join('')).toBe('abcdefghijklmnopqrstuvwxyz'.slice(0, items.length));
			} else {
				seen.add('sequencing');
				expect(at(`cmi.interactions.${n}.type`)).toBe('sequencing');
				const read = (text: string) => text.split(',').map((c) => id(items, c));
				expect(read(response)).toEqual([...items].reverse());
				// The authored order is the right one.
				expect(read(pattern)).toEqual(items);
				expect(pattern).toBe('abcdefghijklmnopqrstuvwxyz'.slice(0, items.length).split('').join(','));
			}
		});
		expect([...seen].sort()).toEqual(['matching', 'sequencing']);
		// SCORM 2004 keeps the ids, its format allows them, and names the same key.
		const api2004 = new Scorm2004API({ logLevel: 5 });
		api2004.Initialize('');
		const v2004 = scormReport('scorm2004', { standing, decisions, written: [] });
		expect(apply(api2004, v2004)).toEqual([]);
		decisions.forEach((d, n) => {
			if (d.kind !== 'triage') return;
			expect(api2004.GetValue(`cmi.interactions.${n}.learner_response`)).toBe(d.response.split(',').map((p) => p.replace(':', '[.]')).join('[,]'));
			expect(api2004.GetValue(`cmi.interactions.${n}.correct_responses.0.pattern`)).toBe(d.correct!.split(',').map((p) => p.replace(':', '[.]')).join('[,]'));
		});
	});

	it('SCORM 1.2 and 2004: a choice step with two best options reports each as a correct pattern of its own, accepted', async () => {
		// No shipped step has two best options yet: the HIPAA call, its second option made as good as its third.
		const files = readContentFiles();
		const path = Object.keys(files).find((f) => f.endsWith('/hipaa-caller-says-spouse.md'))!;
		const before = '    evidence: { cmaa.law.release-of-information: 1/2, cmaa.communication.telephone: 0/1 }\n    next: ask-what-next';
		expect(files[path]).toContain(before);
		const edited = loadContent({ ...files, [path]: files[path]!.replace(before, '    evidence: { cmaa.law.release-of-information: 2/2, cmaa.communication.telephone: 1/1 }\n    next: ask-what-next') });
		const twoBest = edited.content!.scenarios.find((s) => s.meta.id === HIPAA.meta.id)!;
		const first = twoBest.steps[twoBest.meta.start]!.interaction!;
		if (first.kind !== 'choice') throw new Error('the first HIPAA step is a choice');
		const authored = first.block.options.map((o) => o.id);
		expect(authored).toEqual(['read-results', 'confirm-appointment-only', 'explain-and-offer']);
		// The learner picks the second of the two best.
		const store = new MemoryStore();
		await play(store, twoBest, 10_000, undefined, (step) => (step === twoBest.meta.start ? { kind: 'choice', optionId: 'explain-and-offer' } : undefined));
		const attempts = await store.listAttempts('learner-1');
		const d = decisionsOf(twoBest, attempts[0]!, await store.getInputsOf(attempts.map((x) => x.id)));
		if (!d.ok) throw new Error(d.error);
		const decision = d.decisions[0]!;
		expect(decision).toMatchObject({ response: 'explain-and-offer', correct: 'confirm-appointment-only', correctAll: ['confirm-appointment-only', 'explain-and-offer'], verdict: 'best' });
		const standing = assignmentStanding(Assignment.parse({ ...assignment, scenarios: [HIPAA.meta.id] }), attempts);

		const report12 = scormReport('scorm12', { standing, decisions: [decision], written: [] });
		expect(report12.filter(([e]) => e.startsWith('cmi.interactions.0.correct_responses.'))).toEqual([
			['cmi.interactions.0.correct_responses.0.pattern', 'b'],
			['cmi.interactions.0.correct_responses.1.pattern', 'c']
		]);
		expect(report12).toContainEqual(['cmi.interactions.0.student_response', 'c']);
		expect(report12).toContainEqual(['cmi.interactions.0.result', 'correct']);
		expect(strict12(report12)).toEqual([]);
		const api12 = new Scorm12API({ logLevel: 5 });
		api12.LMSInitialize('');
		expect(apply(api12, report12)).toEqual([]);
		expect(api12.LMSGetValue('cmi.interactions.0.correct_responses._count')).toBe('2');

		const report2004 = scormReport('scorm2004', { standing, decisions: [decision], written: [] });
		const api2004 = new Scorm2004API({ logLevel: 5 });
		api2004.Initialize('');
		expect(apply(api2004, report2004)).toEqual([]);
		expect(api2004.GetValue('cmi.interactions.0.correct_responses._count')).toBe('2');
		expect([0, 1].map((m) => api2004.GetValue(`cmi.interactions.0.correct_responses.${m}.pattern`))).toEqual(['confirm-appointment-only', 'explain-and-offer']);
		expect(api2004.GetValue('cmi.interactions.0.result')).toBe('correct');
	});

	it('a triage list past 36 items or categories goes as a performance (1.2) or other (2004) with the ids; up to 36, 1.2 names them a-z then 0-9', () => {
		const items = Array.from({ length: 40 }, (_, i) => `call-${i}`);
		const triage = (response: string, correct: string, options: string[], targets?: string[]): ReportedDecision => ({
			attemptId: 'attempt-1', scenarioId: 'big-triage', seq: 0, stepId: 'sort', stepTitle: 'Sort', kind: 'triage', response, correct, options, ...(targets ? { targets } : {}), earned: 0, possible: 1, verdict: 'partial', competencies: [], at: 5_000
		});
		const one = (d: ReportedDecision) => scormReport('scorm12', { standing: assignmentStanding(assignment, []), decisions: [d], written: [] });
		const ordered = items.slice(0, 30);
		const thirty = one(triage([...ordered].reverse().join(','), ordered.join(','), ordered));
		expect(thirty).toContainEqual(['cmi.interactions.0.type', 'sequencing']);
		expect(thirty).toContainEqual(['cmi.interactions.0.student_response', '3,2,1,0,z,y,x,w,v,u,t,s,r,q,p,o,n,m,l,k,j,i,h,g,f,e,d,c,b,a']);
		const forty = one(triage([...items].reverse().join(','), items.join(','), items));
		expect(forty).toContainEqual(['cmi.interactions.0.type', 'performance']);
		expect(forty).toContainEqual(['cmi.interactions.0.student_response', [...items].reverse().join(',').slice(0, 255)]);
		expect(forty.some(([e]) => e.includes('correct_responses'))).toBe(false);
		const cats = Array.from({ length: 37 }, (_, i) => `cat-${i}`);
		const pairs = one(triage('call-0:cat-36,call-1:cat-0', 'call-0:cat-0,call-1:cat-0', ['call-0', 'call-1'], cats));
		expect(pairs).toContainEqual(['cmi.interactions.0.type', 'performance']);
		const fits = one(triage('call-1:cat-35,call-0:cat-26', 'call-0:cat-0,call-1:cat-0', ['call-0', 'call-1'], cats));
		expect(fits).toContainEqual(['cmi.interactions.0.type', 'matching']);
		expect(fits).toContainEqual(['cmi.interactions.0.student_response', 'a.0,b.9']);
		expect(fits).toContainEqual(['cmi.interactions.0.correct_responses.0.pattern', 'a.a,b.a']);
		for (const values of [thirty, forty, pairs, fits]) {
			expect(refusedBy12(values)).toEqual([]);
		}
		// SCORM 2004 takes up to 36 items in a sequencing response: 40 go as "other", with the ids.
		const in2004 = (d: ReportedDecision) => scormReport('scorm2004', { standing: assignmentStanding(assignment, []), decisions: [d], written: [] });
		const thirty2004 = in2004(triage([...ordered].reverse().join(','), ordered.join(','), ordered));
		expect(thirty2004).toContainEqual(['cmi.interactions.0.type', 'sequencing']);
		expect(thirty2004).toContainEqual(['cmi.interactions.0.correct_responses.0.pattern', ordered.join('[,]')]);
		const forty2004 = in2004(triage([...items].reverse().join(','), items.join(','), items));
		expect(forty2004).toContainEqual(['cmi.interactions.0.type', 'other']);
		expect(forty2004).toContainEqual(['cmi.interactions.0.learner_response', [...items].reverse().join(',')]);
		for (const values of [thirty2004, forty2004]) {
			const api = new Scorm2004API({ logLevel: 5 });
			api.Initialize('');
			expect(apply(api, values)).toEqual([]);
		}
	});

	it('SCORM 1.2: a second computer whose clock is an hour behind gets every decision to the LMS exactly once, and so does the first one after it', async () => {
		const HOUR = 3_600_000;
		// One LMS attempt, kept across launches (its interactions are write-only to the SCO, as in 1.2).
		const lms = new Scorm12API({ logLevel: 5 });
		lms.LMSInitialize('');
		const sentToLms: string[] = [];
		/** One launch in a browser: what the launch page does, with the LMS's suspend_data and count. */
		const launch = (log: SentLog, work: { standing: ReturnType<typeof assignmentStanding>; decisions: ReportedDecision[] }, commit = true): SentLog => {
			const carried = readSuspendData(assignment, lms.LMSGetValue('cmi.suspend_data'));
			const written = heldIds(log, carried.browsers);
			const count = Number(lms.LMSGetValue('cmi.interactions._count'));
			const reportedUntil = carried.reportedUntil;
			const fresh = unreported({ decisions: work.decisions, written, reportedUntil });
			const sent = afterSending(log, written, fresh, carried.browsers);
			if (!commit) return sent.log;
			const values = [...scormReport('scorm12', { standing: withCarried(work.standing, carried), decisions: work.decisions, written, count, reportedUntil }), ['cmi.suspend_data', suspendData('scorm12', assignment, work.standing, reportedUntil, sent.counts)] as [string, string]];
			expect(strict12(values)).toEqual([]);
			expect(apply(lms, values)).toEqual([]);
			sentToLms.push(...values.filter(([e]) => /^cmi\.interactions\.\d+\.id$/.test(e)).map(([, v]) => v));
			return sent.log;
		};
		const first = new MemoryStore();
		const second = new MemoryStore();
		let logFirst: SentLog = { browser: 'first', ids: [] };
		let logSecond: SentLog = { browser: 'second', ids: [] };
		// The first computer works HIPAA at noon by its clock and reports.
		const noon = 12 * HOUR;
		await play(first, HIPAA, noon);
		logFirst = launch(logFirst, await counted(first));
		// Half an hour later the learner goes on at a second computer whose clock reads an hour less.
		await play(second, TRIAGE, noon + HOUR / 2 - HOUR);
		const onSecond = await counted(second);
		// Every one of its decisions is dated before the first computer's last: a time watermark would drop them all.
		expect(Math.max(...onSecond.decisions.map((d) => d.at))).toBeLessThan(Math.max(...(await counted(first)).decisions.map((d) => d.at)));
		// A launch whose report never reached the LMS (the tab closed before its commit) costs nothing: the next sends it.
		logSecond = launch(logSecond, onSecond, false);
		logSecond = launch(logSecond, onSecond);
		logSecond = launch(logSecond, onSecond);
		// Back on the first computer: a second attempt at HIPAA, and a launch that has nothing new.
		await play(first, HIPAA, noon + 2 * HOUR, HIPAA.meta.start);
		logFirst = launch(logFirst, await counted(first));
		logFirst = launch(logFirst, await counted(first));
		logSecond = launch(logSecond, await counted(second));
		const all = [...(await counted(first)).decisions, ...(await counted(second)).decisions];
		expect(new Set(all.filter((d) => d.scenarioId === HIPAA.meta.id).map((d) => d.attemptId)).size).toBe(2);
		expect([...sentToLms].sort()).toEqual(all.map((d) => id12(interactionId(d))).sort());
		expect(Number(lms.LMSGetValue('cmi.interactions._count'))).toBe(all.length);
	});

	it('suspend_data keeps the finished parts and their best scores, so a session in an empty browser resumes without lowering the LMS grade', async () => {
		const { standing } = await worked(HIPAA.meta.start);
		expect(standing.completed).toBe(true);
		for (const standard of ['scorm12', 'scorm2004'] as const) {
			const text = suspendData(standard, assignment, standing, 123_456);
			expect(text.length).toBeLessThanOrEqual(SUSPEND_LIMIT[standard]);
			const carried = readSuspendData(assignment, text);
			expect(carried.reportedUntil).toBe(123_456);
			// Another computer: no attempts here, yet the standing is what the LMS was told.
			const empty = assignmentStanding(assignment, []);
			const resumed = withCarried(empty, carried);
			expect(resumed.completed).toBe(true);
			expect(resumed.passed).toBe(standing.passed);
			expect(resumed.score).toBeCloseTo(standing.score, 4);
			expect(resumed.scenarios.map((s) => s.best)).toEqual(standing.scenarios.map((s) => expect.closeTo(s.best!, 4)));
			expect(scormReport(standard, { standing: resumed, decisions: [], written: [] }).slice(0, 2)).toEqual(scormReport(standard, { standing, decisions: [], written: [] }).slice(0, 2));
		}
		// A better attempt here raises a carried best; a worse one never lowers it.
		const carried = readSuspendData(assignment, suspendData('scorm12', assignment, standing, 0));
		const better = { ...standing, scenarios: standing.scenarios.map((s) => ({ ...s, best: 1, passed: true })) };
		expect(withCarried(better, carried).score).toBe(1);
		const worse = assignmentStanding(assignment, []);
		expect(withCarried(worse, carried).score).toBeCloseTo(standing.score, 4);
	});

	it('suspend_data from something else, damaged or naming scenarios the package lacks, counts as nothing', () => {
		for (const text of ['', 'not json', '{"v":2,"s":[[0,10000,1]]}', 'null', '{"v":1,"s":[[7,10000,1],[0,99999,1],["0",5000,1]],"t":-5}']) {
			const carried = readSuspendData(assignment, text);
			expect(carried.scenarios.size, text).toBe(0);
			expect(carried.reportedUntil).toBe(0);
		}
	});

	it('suspend_data fits SCORM 1.2 for the largest assignment the format allows', () => {
		const ids = Array.from({ length: 40 }, (_, i) => `scenario-${'x'.repeat(180)}-${i}`);
		const big = { scenarios: ids };
		const standing = { scenarios: ids.map((scenarioId) => ({ scenarioId, attempts: [], best: 0.8765, passed: true, finished: true })), shifts: [], completed: true, passed: true, score: 0.8765 };
		const text = suspendData('scorm12', big, standing, Date.now());
		expect(text.length).toBeLessThanOrEqual(4096);
		expect(readSuspendData(big, text).scenarios.size).toBe(40);
	});

	it('suspend_data fits SCORM 1.2 for the largest assignment the format allows, shifts included', () => {
		const ids = Array.from({ length: 40 }, (_, i) => `scenario-${'x'.repeat(180)}-${i}`);
		const shiftIds = Array.from({ length: 10 }, (_, i) => `shift-${'y'.repeat(180)}-${i}`);
		// The schema's own limits: a longer list would not be an assignment.
		expect(Assignment.safeParse({ ...assignment, scenarios: [...ids, 'one-more'] }).success).toBe(false);
		expect(Assignment.safeParse({ ...assignment, shifts: [...shiftIds, 'one-more'] }).success).toBe(false);
		const big = { scenarios: ids, shifts: shiftIds };
		const standing = {
			scenarios: ids.map((scenarioId) => ({ scenarioId, attempts: [], best: 0.8765, passed: true, finished: true })),
			shifts: shiftIds.map((shiftId) => ({ shiftId, runs: [], best: 0.1234, passed: false, finished: true })),
			completed: true,
			passed: false,
			score: 0.7
		};
		// And as many browsers as it remembers, each with the longest key and a count no learner reaches.
		const browsers = new Map(Array.from({ length: MAX_BROWSERS }, (_, i) => [`${i}`.padStart(16, 'k'), 999_999 - i] as const));
		const text = suspendData('scorm12', big, { ...standing, exam: { sessions: [], scores: [], best: 0.5, passed: false, finished: true } }, Date.now(), browsers);
		expect(text.length).toBeLessThanOrEqual(4096);
		const carried = readSuspendData({ ...big, exam: { framework: 'cmaa', items: 110 } }, text);
		expect(carried.scenarios.size).toBe(40);
		expect([...carried.shifts.values()]).toEqual(shiftIds.map(() => ({ best: 0.1234, passed: false })));
		expect(carried.exam).toEqual({ best: 0.5, passed: false });
		expect(carried.browsers).toEqual(browsers);
	});

	it('suspend_data (SCORM 1.2) keeps how many interactions each browser got into the LMS, the least recently reporting forgotten first', () => {
		const standing = assignmentStanding(assignment, []);
		const browsers = new Map(Array.from({ length: MAX_BROWSERS + 2 }, (_, i) => [`b${i}`, i + 1] as const));
		const carried = readSuspendData(assignment, suspendData('scorm12', assignment, standing, 0, browsers));
		expect([...carried.browsers.keys()]).toEqual([...browsers.keys()].slice(2));
		// A browser that reports again moves last; one with nothing held takes no room.
		const log: SentLog = { browser: 'b2', ids: ['x', 'y', 'z'] };
		const after = afterSending(log, heldIds(log, carried.browsers), [], carried.browsers);
		expect(after.log.ids).toEqual(['x', 'y', 'z']);
		expect([...after.counts].at(-1)).toEqual(['b2', 3]);
		expect(afterSending({ browser: 'new', ids: [] }, [], [], carried.browsers).counts.has('new')).toBe(false);
		// Damaged entries are skipped, the rest kept.
		const text = '{"v":1,"s":[],"t":0,"b":[["ok",4],["Bad Key",2],["neg",-1],["frac",1.5],"x",["ok2",7]]}';
		expect(readSuspendData(assignment, text).browsers).toEqual(new Map([['ok', 4], ['ok2', 7]]));
	});

	it('formats time spans the way each standard writes them', () => {
		expect(scorm12Duration(3_723_450)).toBe('0001:02:03.45');
		expect(scorm12Duration(0)).toBe('0000:00:00.00');
		expect(scorm2004Duration(3_723_450)).toBe('PT1H2M3.45S');
		expect(scorm2004Duration(59_000)).toBe('PT59S');
	});
});

describe('SCORM objectives: the assignment\'s competencies', () => {
	const listed = new Map([HIPAA, TRIAGE].map((s) => [s.meta.id, s.meta.competencies]));
	const names = (id: string) => `Name of ${id}`;
	const input = (standing: ObjectivesInput['standing']): ObjectivesInput => ({ standing, passMark: assignment.passMark, listed, nameOf: names });
	/** The share of a competency's points over the attempts, summed here by hand. */
	const shareOf = (standing: ObjectivesInput['standing'], c: string) => {
		const ev = standing.scenarios.flatMap((s) => s.attempts).flatMap((a) => a.evidence).filter((e) => e.competency === c);
		return ev.reduce((n, e) => n + e.earned, 0) / ev.reduce((n, e) => n + e.possible, 0);
	};
	const every = [...new Set([...HIPAA.meta.competencies, ...TRIAGE.meta.competencies])];

	/** The competencies with evidence in the attempts. */
	const evidenced = (standing: ObjectivesInput['standing']) => [...new Set(standing.scenarios.flatMap((s) => s.attempts).flatMap((a) => a.evidence).map((e) => e.competency))];

	it('SCORM 2004: one objective per competency with evidence, with its share of points, passed or failed by the pass mark, linked from each interaction', async () => {
		const { standing, decisions } = await worked(HIPAA.meta.start);
		const all = assignmentObjectives(input(standing));
		expect(all.map((o) => o.competency).sort()).toEqual([...new Set([...every, ...evidenced(standing)])].sort());
		// A competency a scenario lists but this path never scored stays out of the LMS.
		const objectives = all.filter((o) => o.points);
		expect(objectives.map((o) => o.competency).sort()).toEqual(evidenced(standing).sort());
		expect(all.filter((o) => !o.points).every((o) => o.completion === 'unknown' && o.success === 'unknown')).toBe(true);
		const api = new Scorm2004API({ logLevel: 5 });
		api.Initialize('');
		const { values, held } = objectiveValues('scorm2004', objectives, []);
		expect(apply(api, [...scormReport('scorm2004', { standing, decisions, written: [] }), ...values])).toEqual([]);
		expect(Number(api.GetValue('cmi.objectives._count'))).toBe(objectives.length);
		expect(held).toEqual(objectives.map((o) => objectiveId(o.competency)));
		let failed = 0;
		for (const [n, o] of objectives.entries()) {
			expect(api.GetValue(`cmi.objectives.${n}.id`)).toBe(`urn:front-desk-simulator:competency:${o.competency}`);
			expect(api.GetValue(`cmi.objectives.${n}.description`)).toBe(`Name of ${o.competency}`);
			const share = shareOf(standing, o.competency);
			expect(Number(api.GetValue(`cmi.objectives.${n}.score.scaled`))).toBeCloseTo(share, 3);
			expect(Number(api.GetValue(`cmi.objectives.${n}.score.raw`))).toBeCloseTo(share * 100, 1);
			expect(api.GetValue(`cmi.objectives.${n}.score.max`)).toBe('100');
			expect(api.GetValue(`cmi.objectives.${n}.completion_status`)).toBe('completed');
			expect(api.GetValue(`cmi.objectives.${n}.success_status`)).toBe(share >= assignment.passMark ? 'passed' : 'failed');
			if (share < assignment.passMark) failed++;
		}
		// The first step was missed on purpose: at least one competency falls short, and not all do.
		expect(failed).toBeGreaterThan(0);
		expect(failed).toBeLessThan(objectives.length);
		// Every interaction's objective is one of the objectives.
		const ids = new Set(held);
		for (let n = 0; n < decisions.length; n++) {
			const count = Number(api.GetValue(`cmi.interactions.${n}.objectives._count`));
			expect(count).toBe(decisions[n]!.competencies.length);
			for (let m = 0; m < count; m++) expect(ids.has(api.GetValue(`cmi.interactions.${n}.objectives.${m}.id`))).toBe(true);
		}
	});

	it('in progress: evidence with a part unfinished is incomplete; no evidence is unknown, with no score', async () => {
		const { standing } = await worked();
		const half = assignmentStanding(assignment, standing.scenarios[0]!.attempts);
		const objectives = new Map(assignmentObjectives(input(half)).map((o) => [o.competency, o]));
		// Only the HIPAA scenario tests release of information: it is done.
		expect(objectives.get('cmaa.law.release-of-information')).toMatchObject({ completion: 'completed', success: 'passed' });
		// The telephone is tested by both, and the triage scenario is not started.
		expect(objectives.get('cmaa.communication.telephone')).toMatchObject({ completion: 'incomplete', success: 'unknown' });
		expect(objectives.get('cmaa.scheduling.triage')).toMatchObject({ completion: 'unknown', success: 'unknown' });
		expect(objectives.get('cmaa.scheduling.triage')!.points).toBeUndefined();

		const none = assignmentObjectives(input(assignmentStanding(assignment, [])));
		expect(none.every((o) => o.completion === 'unknown' && o.success === 'unknown' && !o.points)).toBe(true);
		// Nothing goes to the LMS before there is evidence.
		for (const standard of ['scorm2004', 'scorm12'] as const) expect(objectiveValues(standard, none, []).values).toEqual([]);
		// Half done, as each LMS is told.
		const at = (standard: 'scorm12' | 'scorm2004', c: string, e: string) => {
			const { values, held } = objectiveValues(standard, [...objectives.values()], []);
			return values.find(([k]) => k === `cmi.objectives.${held.indexOf(objectiveIdFor(standard, c))}.${e}`)?.[1];
		};
		expect(at('scorm12', 'cmaa.communication.telephone', 'status')).toBe('incomplete');
		expect(at('scorm12', 'cmaa.law.release-of-information', 'status')).toBe('passed');
		expect(at('scorm2004', 'cmaa.communication.telephone', 'completion_status')).toBe('incomplete');
		expect(at('scorm2004', 'cmaa.communication.telephone', 'success_status')).toBe('unknown');
		expect(at('scorm2004', 'cmaa.scheduling.triage', 'success_status')).toBeUndefined();
		const api = new Scorm12API({ logLevel: 5 });
		api.LMSInitialize('');
		expect(apply(api, objectiveValues('scorm12', [...objectives.values()], []).values)).toEqual([]);
	});

	it('an exam counts one objective per domain, its items right over items asked', () => {
		const exam = { sessions: [], scores: [{ sessionId: 's1', submittedAt: 5, share: 0.6, score: { correct: 6, total: 10, unanswered: 0, byDomain: [{ domain: 'cmaa.law', correct: 3, total: 4 }, { domain: 'cmaa.scheduling', correct: 3, total: 6 }, { domain: 'cmaa.billing', correct: 0, total: 0 }] } }], best: 0.6, passed: false, finished: true };
		const standing = { ...assignmentStanding(assignment, []), exam };
		const objectives = assignmentObjectives({ ...input(standing), examDomains: ['cmaa.law', 'cmaa.scheduling', 'cmaa.billing'] });
		expect(objectives.slice(-3)).toEqual([
			{ competency: 'cmaa.law', name: 'Name of cmaa.law', points: { earned: 3, possible: 4 }, completion: 'completed', success: 'failed' },
			{ competency: 'cmaa.scheduling', name: 'Name of cmaa.scheduling', points: { earned: 3, possible: 6 }, completion: 'completed', success: 'failed' },
			{ competency: 'cmaa.billing', name: 'Name of cmaa.billing', completion: 'unknown', success: 'unknown' }
		]);
		const api = new Scorm2004API({ logLevel: 5 });
		api.Initialize('');
		expect(apply(api, objectiveValues('scorm2004', objectives, []).values)).toEqual([]);
		expect(api.GetValue('cmi.objectives._count')).toBe('2');
		expect(api.GetValue('cmi.objectives.0.id')).toBe('urn:front-desk-simulator:competency:cmaa.law');
		expect(api.GetValue('cmi.objectives.0.score.scaled')).toBe('0.75');
	});

	it('a long name is trimmed to 250 characters with an ellipsis, and accepted', async () => {
		const { standing } = await worked();
		const objectives = assignmentObjectives({ ...input(standing), nameOf: (id) => `{lang=en} ${id} ${'very '.repeat(80)}long` });
		const { values } = objectiveValues('scorm2004', objectives, []);
		const description = values.find(([e]) => e === 'cmi.objectives.0.description')![1];
		expect(description.length).toBe(250);
		expect(description.endsWith('…')).toBe(true);
		const api = new Scorm2004API({ logLevel: 5 });
		api.Initialize('');
		expect(apply(api, values)).toEqual([]);
	});

	for (const standard of ['scorm2004', 'scorm12'] as const) {
		it(`${standard}: a resumed session writes each objective at the index the LMS holds it, never twice`, async () => {
			const { standing } = await worked(HIPAA.meta.start);
			const objectives = assignmentObjectives(input(standing)).filter((o) => o.points);
			const api = standard === 'scorm2004' ? new Scorm2004API({ logLevel: 5 }) : new Scorm12API({ logLevel: 5 });
			const get = (e: string) => (api instanceof Scorm2004API ? api.GetValue(e) : api.LMSGetValue(e));
			if (api instanceof Scorm2004API) api.Initialize('');
			else api.LMSInitialize('');
			// An earlier session wrote the objectives in another order (say, an older build).
			const first = objectiveValues(standard, [...objectives].reverse(), []);
			expect(apply(api, first.values)).toEqual([]);
			const held = Array.from({ length: Number(get('cmi.objectives._count')) }, (_, n) => get(`cmi.objectives.${n}.id`));
			expect(held).toEqual(first.held);
			const again = objectiveValues(standard, objectives, held);
			expect(again.held).toEqual(held);
			expect(again.values.some(([e]) => e.endsWith('.id'))).toBe(false);
			expect(apply(api, again.values)).toEqual([]);
			expect(Number(get('cmi.objectives._count'))).toBe(objectives.length);
			// Each score lands on its own competency's index.
			const status = standard === 'scorm12' ? 'status' : 'success_status';
			for (const o of objectives) {
				const n = held.indexOf(objectiveIdFor(standard, o.competency));
				expect(get(`cmi.objectives.${n}.${status}`)).toBe(o.success);
				expect(Number(get(`cmi.objectives.${n}.score.raw`))).toBeCloseTo(shareOf(standing, o.competency) * 100, 1);
			}
			// A browser without the work (another computer) leaves the LMS's objectives as they are.
			const empty = objectiveValues(standard, assignmentObjectives(input(assignmentStanding(assignment, []))), held);
			expect(empty.values).toEqual([]);
			// SCORM 1.2 ids are CMIIdentifiers: no spaces or colons.
			if (standard === 'scorm12') for (const id of held) expect(id).toMatch(/^[A-Za-z0-9._-]{1,255}$/);
		});
	}

	it('cmi.location and cmi.core.lesson_location say which part the learner is in, and are read back', () => {
		for (const standard of ['scorm2004', 'scorm12'] as const) {
			const api = standard === 'scorm2004' ? new Scorm2004API({ logLevel: 5 }) : new Scorm12API({ logLevel: 5 });
			if (api instanceof Scorm2004API) api.Initialize('');
			else api.LMSInitialize('');
			const value = scormLocation(standard, { scenario: TRIAGE.meta.id });
			expect(value[0]).toBe(standard === 'scorm12' ? 'cmi.core.lesson_location' : 'cmi.location');
			expect(apply(api, [value])).toEqual([]);
			expect(readLocation(value[1], assignment)).toEqual({ scenario: TRIAGE.meta.id });
			expect(scormLocation(standard, { scenario: 'x'.repeat(2000) })[1].length).toBeLessThanOrEqual(standard === 'scorm12' ? 255 : 1000);
		}
		expect(readLocation('exam', assignment)).toBeUndefined();
		expect(readLocation('exam', { ...assignment, exam: { framework: 'cmaa', items: 10 } })).toBe('exam');
		expect(readLocation('scenario:not-in-this-assignment', assignment)).toBeUndefined();
		expect(readLocation('', assignment)).toBeUndefined();
		expect(placeOfPage('/course/play/hipaa-caller-says-spouse/', '?new=1')).toEqual({ scenario: 'hipaa-caller-says-spouse' });
		expect(placeOfPage('/a/b/play/hipaa-caller-says-spouse/index.html', '')).toEqual({ scenario: 'hipaa-caller-says-spouse' });
		expect(placeOfPage('/course/author/play/', '?id=custom-mine--from-assignment-0a1b2c3d&new=1')).toEqual({ scenario: 'custom-mine' });
		expect(placeOfPage('/course/exam/session/', '?id=abc')).toBe('exam');
		// A shift at the desk is a place too, read back only for a shift the assignment names.
		expect(placeOfPage('/course/shift/morning-rush/', '?run=r1&assignment=x&pass=0.8')).toEqual({ shift: 'morning-rush' });
		expect(scormLocation('scorm12', { shift: 'morning-rush' })).toEqual(['cmi.core.lesson_location', 'shift:morning-rush']);
		expect(readLocation('shift:morning-rush', { ...assignment, shifts: ['morning-rush'] })).toEqual({ shift: 'morning-rush' });
		expect(readLocation('shift:morning-rush', assignment)).toBeUndefined();
		expect(placeOfPage('/course/assignment/', '')).toBeUndefined();
	});
});

describe('SCORM with a shift: each shift is one part of what the LMS is told', () => {
	const withShift = Assignment.parse({ ...assignment, shifts: ['morning-rush'] });
	const run = (score: number, status: 'passed' | 'failed' | 'in-progress', startedAt = 5000) => ({
		id: `run-${score}-${startedAt}`,
		shiftId: 'morning-rush',
		assignmentId: withShift.id,
		startedAt,
		updatedAt: startedAt + 1,
		...(status === 'in-progress' ? {} : { finishedAt: startedAt + 2 }),
		status,
		score,
		critical: []
	});

	it('the score is the mean over scenarios and the shift; completion and pass wait for the shift', async () => {
		const { standing: scenariosOnly } = await worked();
		const attempts = scenariosOnly.scenarios.flatMap((s) => s.attempts);
		expect(scenariosOnly.completed).toBe(true);
		// The scenarios done, the shift begun but not finished: not complete, and pass or fail unknown yet.
		const open = assignmentStanding(withShift, attempts, undefined, [run(0, 'in-progress')]);
		const api = new Scorm2004API({ logLevel: 5 });
		api.Initialize('');
		expect(apply(api, scormReport('scorm2004', { standing: open, decisions: [], written: [] }))).toEqual([]);
		expect(api.GetValue('cmi.completion_status')).toBe('incomplete');
		expect(api.GetValue('cmi.success_status')).toBe('unknown');
		expect(api.GetValue('cmi.progress_measure')).toBe('0.667');
		const sum = scenariosOnly.scenarios.reduce((n, s) => n + s.best!, 0);
		expect(Number(api.GetValue('cmi.score.raw'))).toBeCloseTo((sum / 3) * 100, 1);

		// The shift finished at 60% (under the 80% mark): complete, failed, and the shift counts a third of the score.
		const done = assignmentStanding(withShift, attempts, undefined, [run(0.6, 'failed')]);
		const api12 = new Scorm12API({ logLevel: 5 });
		api12.LMSInitialize('');
		expect(apply(api12, scormReport('scorm12', { standing: done, decisions: [], written: [] }))).toEqual([]);
		expect(api12.LMSGetValue('cmi.core.lesson_status')).toBe('failed');
		expect(Number(api12.LMSGetValue('cmi.core.score.raw'))).toBeCloseTo(((sum + 0.6) / 3) * 100, 1);
		// A practice run (not from the assignment's link) counts for nothing.
		const practice = assignmentStanding(withShift, attempts, undefined, [{ ...run(1, 'passed'), assignmentId: undefined }]);
		expect(scormReport('scorm12', { standing: practice, decisions: [], written: [] })).toContainEqual(['cmi.core.lesson_status', 'incomplete']);
	});

	it('suspend_data carries the finished shift, so another computer with no runs keeps its score and pass', () => {
		const standing = assignmentStanding(withShift, [], undefined, [run(0.9, 'passed')]);
		expect(standing.shifts[0]!.passed).toBe(true);
		const text = suspendData('scorm12', withShift, standing, 42);
		const carried = readSuspendData(withShift, text);
		expect(carried.shifts.get(0)).toEqual({ best: 0.9, passed: true });
		const elsewhere = withCarried(assignmentStanding(withShift, []), carried);
		expect(elsewhere.shifts[0]).toMatchObject({ best: 0.9, passed: true, finished: true });
		expect(elsewhere.score).toBeCloseTo(0.3, 4);
		// A worse run here never lowers it; a better one raises it.
		expect(withCarried(assignmentStanding(withShift, [], undefined, [run(0.2, 'failed')]), carried).shifts[0]!.best).toBe(0.9);
		expect(withCarried(assignmentStanding(withShift, [], undefined, [run(0.95, 'passed')]), carried).shifts[0]!.best).toBe(0.95);
		// A package whose assignment has no such shift ignores the entry.
		expect(readSuspendData(assignment, text).shifts.size).toBe(0);
		// With no shift finished the text is what it was before shifts could be carried.
		expect(suspendData('scorm12', withShift, assignmentStanding(withShift, []), 42)).toBe('{"v":1,"s":[],"t":42}');
	});
});
