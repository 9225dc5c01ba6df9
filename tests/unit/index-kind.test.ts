import { describe, expect, it } from 'vitest';
import { readContentFiles } from '../../scripts/read-content';
import { loadContent } from '../../src/lib/content';
import { checkAuthored } from '../../src/lib/authoring';
import { IndexBlock, type ResolvedIndexBlock } from '../../src/lib/content/schema/indexing';
import { DOCUMENT_TYPES } from '../../src/lib/content/schema/chart';
import { indexContext } from '../../src/lib/content/index-context';
import { index } from '../../src/lib/engine/interactions/index-documents';
import { replay, summarize } from '../../src/lib/engine';
import type { FiledDocument, Input } from '../../src/lib/engine/types';
import { indexKeyInput } from '../support/index-key';
import { bestIntentInput } from '../support/best-input';
import type { Interaction, Scenario } from '../../src/lib/content/schema/scenario';

const files = readContentFiles();
delete files['content/codesets/icd10cm-2026.tsv'];
delete files['content/codesets/hcpcs-2025oct.tsv'];
const content = loadContent(files).content!;
const world = content.world;

// Two look-alike surnames and a hospital stay that may be dated either way.
const block: ResolvedIndexBlock = {
	...IndexBlock.parse({
		prompt: 'File each page.',
		documents: [
			{ id: 'consult', received: 'Fax', from: 'Lakeview Cardiology', title: 'Consultation letter', name: 'George Whittaker', dob: '10/10/1937', body: 'Seen 11/19/2025.', patient: 'pt-george-whitaker', type: 'consult-letter', date: '2025-11-19', teach: 'The DOB confirms him.' },
			{ id: 'stay', received: 'Fax', from: 'St. Brigid', title: 'Discharge summary', name: 'Ramirez, Luis', dob: '04/17/1967', body: 'Admitted 11/14, discharged 11/17.', patient: 'pt-luis-ramirez', type: ['discharge-summary', 'correspondence'], date: ['2025-11-17', '2025-11-14'], teach: 'Either date of the stay.' },
			{ id: 'astray', received: 'Fax', from: 'Riverside Imaging', title: 'MRI', name: 'Delacroix, Marie', dob: '03-22-1961', body: 'To Maple Ridge.', misdirected: true, teach: 'Not ours.' }
		]
	}),
	context: indexContext(world)
};
const file = (patient: string, type: string, date: string): FiledDocument => ({ misdirected: false, patient, type, date });
const aside: FiledDocument = { misdirected: true, patient: '', type: '', date: '' };
const right = { consult: file('pt-george-whitaker', 'consult-letter', '11/19/2025'), stay: file('pt-luis-ramirez', 'discharge-summary', '11/17/2025'), astray: aside };
const grade = (filed: Record<string, FiledDocument>) => index.grade(block, { kind: 'index', filed });
const rule = (filed: Record<string, FiledDocument>, id: string) => grade(filed).marks.kind === 'index' ? (grade(filed).marks as { rules: { rule: string; ok: boolean; message: string; critical?: string }[] }).rules.find((r) => r.rule === id)! : undefined!;
const total = (filed: Record<string, FiledDocument>) => grade(filed).evidence.reduce((t, e) => ({ earned: t.earned + e.earned, possible: t.possible + e.possible }), { earned: 0, possible: 0 });

describe('index grader', () => {
	it('gives full marks to the right filing, with no critical error', () => {
		const g = grade(right);
		expect(g.verdict).toBe('best');
		expect(g.critical).toBeUndefined();
		expect(total(right)).toEqual({ earned: 9, possible: 9 });
	});

	it('gives full marks to a second valid working: the other accepted type and date, the date typed as ISO', () => {
		const other = { ...right, stay: file('pt-luis-ramirez', 'correspondence', '2025-11-14') };
		expect(grade(other).verdict).toBe('best');
		expect(total(other)).toEqual({ earned: 9, possible: 9 });
	});

	it('patient rule: filing to the look-alike surname is a critical error that names both patients', () => {
		const wrong = { ...right, consult: file('pt-sandra-whitfield', 'consult-letter', '11/19/2025') };
		const r = rule(wrong, 'consult-patient');
		expect(r.ok).toBe(false);
		expect(r.message).toMatch(/belongs to George Whitaker \(DOB 10\/10\/1937\), not Sandra Whitfield/);
		expect(grade(wrong).critical).toMatch(/wrong patient's chart/);
		expect(grade(wrong).verdict).toBe('wrong');
		expect(rule(right, 'consult-patient').ok).toBe(true);
	});

	it('type rule: a wrong type costs its point and says which type was right', () => {
		const wrong = { ...right, consult: file('pt-george-whitaker', 'correspondence', '11/19/2025') };
		expect(rule(wrong, 'consult-type')).toMatchObject({ ok: false, message: expect.stringMatching(/type consult letter, not correspondence/) });
		expect(total(wrong)).toEqual({ earned: 8, possible: 9 });
		expect(grade(wrong).critical).toBeUndefined();
		expect(rule(right, 'consult-type').ok).toBe(true);
	});

	it('date rule: the day the page was faxed is not the date of service', () => {
		const wrong = { ...right, consult: file('pt-george-whitaker', 'consult-letter', '11/22/2025') };
		expect(rule(wrong, 'consult-date')).toMatchObject({ ok: false, message: expect.stringMatching(/date of service 11\/19\/2025, not 11\/22\/2025/) });
		expect(total(wrong)).toEqual({ earned: 8, possible: 9 });
		expect(rule(right, 'consult-date').ok).toBe(true);
	});

	it('misdirected rule: filing another practice\'s fax into a chart is critical; setting it aside earns its 3 points', () => {
		const wrong = { ...right, astray: file('pt-george-whitaker', 'imaging-report', '11/22/2025') };
		expect(rule(wrong, 'astray-misdirected')).toMatchObject({ ok: false, message: expect.stringMatching(/not ours to file, yet filed to George Whitaker/) });
		expect(grade(wrong).critical).toMatch(/meant for another practice/);
		expect(total(wrong)).toEqual({ earned: 6, possible: 9 });
		expect(rule(right, 'astray-misdirected').ok).toBe(true);
	});

	it('setting aside a page that is ours loses its three points but is not critical', () => {
		const wrong = { ...right, consult: aside };
		expect(total(wrong)).toEqual({ earned: 6, possible: 9 });
		expect(grade(wrong).critical).toBeUndefined();
		expect(rule(wrong, 'consult-patient').message).toMatch(/this page is ours, for George Whitaker/);
	});

	it('check names what is missing before grading', () => {
		expect(index.check(block, { kind: 'index', filed: { consult: right.consult, stay: right.stay } })).toMatch(/file or set aside "MRI"/);
		expect(index.check(block, { kind: 'index', filed: { ...right, consult: file('pt-nobody', 'consult-letter', '11/19/2025') } })).toMatch(/choose the patient/);
		expect(index.check(block, { kind: 'index', filed: { ...right, consult: file('pt-george-whitaker', 'letter', '11/19/2025') } })).toMatch(/document type/);
		expect(index.check(block, { kind: 'index', filed: { ...right, consult: file('pt-george-whitaker', 'consult-letter', '19 Nov') } })).toMatch(/MM\/DD\/YYYY/);
		expect(index.check(block, { kind: 'index', filed: right })).toBeUndefined();
	});

	it('check takes every document type of the chart, and nothing else', () => {
		for (const t of DOCUMENT_TYPES) expect(index.check(block, { kind: 'index', filed: { ...right, consult: file('pt-george-whitaker', t, '11/19/2025') } }), t).toBeUndefined();
		expect(index.check(block, { kind: 'index', filed: { ...right, consult: file('pt-george-whitaker', 'toString', '11/19/2025') } })).toMatch(/document type/);
	});
});

describe('shipped records scenarios', () => {
	const records = content.scenarios.filter((s) => s.meta.kind === 'records' && Object.values(s.steps).some((st) => st.interaction?.kind === 'index'));
	const keyOf = (it: Interaction, pick: 'first' | 'last'): Input => (it.kind === 'index' ? indexKeyInput(it, pick) : bestIntentInput(it));
	const play = (s: Scenario, pick: 'first' | 'last') => {
		const inputs: Input[] = [];
		let state = replay(s, 7, inputs);
		while (state.stepId) {
			inputs.push(keyOf(s.steps[state.stepId]!.interaction!, pick));
			state = replay(s, 7, inputs);
		}
		return summarize(state);
	};

	it('there are at least two, each with three or more decisions', () => {
		expect(records.length).toBeGreaterThanOrEqual(2);
		for (const s of records) expect(s.stepOrder.filter((id) => s.steps[id]!.interaction).length).toBeGreaterThanOrEqual(3);
	});

	it.each(['first', 'last'] as const)('every one earns full marks from its key (%s accepted type and date)', (pick) => {
		for (const s of records) expect(play(s, pick), s.meta.id).toMatchObject({ score: 1, passed: true, critical: [] });
	});
});

describe('the content check for index steps', () => {
	const front = `---\nid: custom-index\ntitle: Index test\nkind: records\ndifficulty: 1\nminutes: 5\nsummary: A small stack of pages to file.\ncompetencies: [cehrs.clinical.scanning-indexing, cehrs.compliance.audit-breach]\nstart: a\n---\n`;
	const doc = (extra: string) => `  - id: d1\n    received: Fax\n    from: Lab\n    title: Lab report\n    name: Chen, Mei\n    dob: 02/09/1954\n    body: Collected 11/18/2025.\n    teach: Why.\n${extra}`;
	const other = `  - id: d2\n    received: Fax\n    from: Lab\n    title: CBC\n    name: Tran, Linh\n    dob: 09/27/1987\n    body: Collected 11/18/2025.\n    patient: pt-linh-tran\n    type: lab-report\n    date: 2025-11-18\n    teach: Why.\n`;
	const choiceStep = (id: string, next: string) => `## ${id}: Step ${id}\nText.\n\n\`\`\`choice\noptions:\n  - { id: x, text: One way, evidence: { cehrs.clinical.scanning-indexing: 1/1 } }\n  - { id: y, text: Another, feedback: Why not., evidence: { cehrs.clinical.scanning-indexing: 0/1 } }\nnext: ${next}\n\`\`\`\n\n`;
	const scenario = (d1: string) => `${front}\n## a: Pages\nThe queue.\n\n\`\`\`index\nprompt: File them.\ndocuments:\n${doc(d1)}${other}next: b\n\`\`\`\n\n${choiceStep('b', 'c')}${choiceStep('c', 'end')}## debrief\nDone.\n`;
	const messages = (text: string) => checkAuthored(text, world, content.competencies.frameworks, new Set()).errors.map((e) => e.message);

	it('accepts a page filed to a patient, and a misdirected page', () => {
		expect(messages(scenario('    patient: pt-mei-chen\n    type: lab-report\n    date: 2025-11-18\n'))).toEqual([]);
		expect(messages(scenario('    misdirected: true\n'))).toEqual([]);
	});
	it('refuses a misdirected page that also names where to file it', () => {
		expect(messages(scenario('    misdirected: true\n    patient: pt-mei-chen\n'))).toEqual([expect.stringMatching(/document "d1" is misdirected, so it is filed nowhere: remove its patient/)]);
	});
	it('refuses a page with no filing key, and an unknown patient', () => {
		expect(messages(scenario('    patient: pt-mei-chen\n'))).toEqual([expect.stringMatching(/document "d1" needs a patient, a type and a date/)]);
		expect(messages(scenario('    patient: pt-mei-chan\n    type: lab-report\n    date: 2025-11-18\n'))).toEqual([expect.stringMatching(/unknown patient "pt-mei-chan"; did you mean "pt-mei-chen"/)]);
	});
});
