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
import { interactionId, scorm12Duration, scorm2004Duration, scormExit, scormReport } from '../../src/lib/lms/scorm-report';
import type { Scenario } from '../../src/lib/content/schema/scenario';
import type { Input } from '../../src/lib/engine/types';

const content = loadContent(readContentFiles()).content!;
const byId = (id: string) => content.scenarios.find((s) => s.meta.id === id)!;
const HIPAA = byId('hipaa-caller-says-spouse');
const TRIAGE = byId('triage-monday-morning-calls');

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

/** Plays a scenario with the best answer at every step (or the worst where `miss` names the step). */
async function play(store: MemoryStore, scenario: Scenario, at: number, miss?: string) {
	let a = await beginAttempt(store, 'learner-1', scenario, 11, at);
	for (let i = 0; a.state.stepId && i < 30; i++) {
		const interaction = scenario.steps[a.state.stepId]!.interaction!;
		const input: Input = bestIntentInput(interaction, a.state.stepId === miss);
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

function apply(api: { SetValue?: (e: string, v: string) => string; LMSSetValue?: (e: string, v: string) => string; GetLastError?: () => string; LMSGetLastError?: () => string }, values: [string, string][]) {
	const refused: string[] = [];
	for (const [e, v] of values) {
		const ok = api.SetValue ? api.SetValue(e, v) : api.LMSSetValue!(e, v);
		if (ok !== 'true') refused.push(`${e}=${v}: ${api.GetLastError ? api.GetLastError() : api.LMSGetLastError!()}`);
	}
	return refused;
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
		expect(api.GetValue('cmi.interactions.0.objectives.0.id')).toBe(first.competencies[0]);
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

	it('formats time spans the way each standard writes them', () => {
		expect(scorm12Duration(3_723_450)).toBe('0001:02:03.45');
		expect(scorm12Duration(0)).toBe('0000:00:00.00');
		expect(scorm2004Duration(3_723_450)).toBe('PT1H2M3.45S');
		expect(scorm2004Duration(59_000)).toBe('PT59S');
	});
});
