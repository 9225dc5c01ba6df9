import { describe, expect, it } from 'vitest';
import { readContentFiles } from '../../scripts/read-content';
import { loadContent } from '../../src/lib/content';
import { checkAuthored } from '../../src/lib/authoring';
import { MatchBlock } from '../../src/lib/content/schema/match';
import { match } from '../../src/lib/engine/interactions/match';
import { replay, summarize } from '../../src/lib/engine';
import { responseText } from '../../src/lib/lms/decisions';
import type { Input, MatchDecision, RuleResult } from '../../src/lib/engine/types';
import { matchKeyInput } from '../support/match-key';
import { bestIntentInput } from '../support/best-input';
import type { Interaction, Scenario } from '../../src/lib/content/schema/scenario';

const files = readContentFiles();
delete files['content/codesets/icd10cm-2026.tsv'];
delete files['content/codesets/hcpcs-2025oct.tsv'];
const content = loadContent(files).content!;
const world = content.world;

const rec = (mrn: string, name: string, dob: string, opened: string, extra: Record<string, string> = {}) => ({ mrn, name, dob, sex: 'F', address: '1 Elm Street', phone: '(555) 555-0100', opened, ...extra });
// A duplicate (with an address that may be written two ways), two look-alikes, and an overlay.
const block = MatchBlock.parse({
	prompt: 'Decide each set.',
	pairs: [
		{
			id: 'dup',
			title: 'Chen, Mei and Chen, May',
			records: [rec('1000001', 'Chen, Mei', '1954-02-09', '2012-01-05', { address: '54 Larkspur Street' }), rec('1000002', 'Chen, May', '1954-02-09', '2025-11-20')],
			action: 'merge',
			survivor: '1000001',
			fixes: [{ id: 'address', record: '1000001', field: 'address', options: ['54 Larkspur Street', '45 Larkspur Street', '45 Larkspur St'], answer: ['45 Larkspur Street', '45 Larkspur St'], teach: 'The card says 45.' }],
			teach: 'One woman.'
		},
		{ id: 'alike', title: 'Tran, Linh and Tran, Lin', records: [rec('1000003', 'Tran, Linh', '1987-09-27', '2015-01-01'), rec('1000004', 'Tran, Lin', '1987-09-27', '2025-01-01')], action: 'separate', teach: 'Two women.' },
		{ id: 'over', title: 'Moore, Patricia and Moore, Pat', records: [rec('1000005', 'Moore, Patricia', '1964-06-23', '2010-01-01'), rec('1000006', 'Moore, Pat', '1971-01-02', '2020-01-01')], action: 'overlay', teach: 'A visit in the wrong chart.', critical: 'Merged Patricia and Pat Moore.' }
	]
});
const right: Record<string, MatchDecision> = {
	dup: { action: 'merge', survivor: '1000001', fixes: { address: '45 Larkspur Street' } },
	alike: { action: 'separate', survivor: '', fixes: {} },
	over: { action: 'overlay', survivor: '', fixes: {} }
};
const grade = (pairs: Record<string, MatchDecision>) => match.grade(block, { kind: 'match', pairs });
const rulesOf = (pairs: Record<string, MatchDecision>) => (grade(pairs).marks as { rules: RuleResult[] }).rules;
const rule = (pairs: Record<string, MatchDecision>, id: string) => rulesOf(pairs).find((r) => r.rule === id)!;
const total = (pairs: Record<string, MatchDecision>) => grade(pairs).evidence.reduce((t, e) => ({ earned: t.earned + e.earned, possible: t.possible + e.possible }), { earned: 0, possible: 0 });

describe('the match grader', () => {
	it('gives full marks to the key, and to the other right way of writing the corrected address', () => {
		for (const address of ['45 Larkspur Street', '45 Larkspur St']) {
			const g = grade({ ...right, dup: { ...right.dup!, fixes: { address } } });
			expect(g.verdict, address).toBe('best');
			expect(g.critical).toBeUndefined();
			expect(total({ ...right, dup: { ...right.dup!, fixes: { address } } })).toEqual({ earned: 8, possible: 8 });
		}
	});

	it('scores the decision per set on data integrity and the corrected fields on registration', () => {
		expect(grade(right).evidence).toEqual([
			{ competency: 'cehrs.reporting.data-integrity', earned: 7, possible: 7 },
			{ competency: 'cehrs.nonclinical.registration', earned: 1, possible: 1 }
		]);
	});

	it('action rule: a duplicate left apart loses the decision and the survivor, with the reason, and is not critical', () => {
		const pairs = { ...right, dup: { ...right.dup!, action: 'separate', survivor: '' } };
		expect(rule(pairs, 'dup-action')).toMatchObject({ ok: false, earned: 0, possible: 2 });
		expect(rule(pairs, 'dup-action').message).toMatch(/one person \(merge\), not different people \(keep apart as look-alikes\)\. One woman\./);
		expect(rule(pairs, 'dup-survivor')).toMatchObject({ ok: false, earned: 0 });
		expect(grade(pairs).critical).toBeUndefined();
		expect(grade(pairs).verdict).toBe('partial');
	});

	it('action rule: merging look-alikes is critical and names both people', () => {
		const pairs = { ...right, alike: { action: 'merge', survivor: '1000003', fixes: {} } };
		expect(rule(pairs, 'alike-action')).toMatchObject({ ok: false, earned: 0 });
		expect(rule(pairs, 'alike-action').message).toMatch(/different people \(keep apart as look-alikes\), not one person \(merge\)/);
		expect(grade(pairs).critical).toBe("Merged the charts of different people (Tran, Linh and Tran, Lin): one chart now mixes two people's records.");
		expect(grade(pairs).verdict).toBe('wrong');
	});

	it('action rule: merging an overlay is critical with the authored wording; keeping it apart is wrong but not critical', () => {
		const merged = { ...right, over: { action: 'merge', survivor: '1000005', fixes: {} } };
		expect(grade(merged).critical).toBe('Merged Patricia and Pat Moore.');
		const apart = { ...right, over: { action: 'separate', survivor: '', fixes: {} } };
		expect(rule(apart, 'over-action')).toMatchObject({ ok: false });
		expect(rule(apart, 'over-action').message).toMatch(/an overlay \(to the HIM and privacy lead\), not different people/);
		expect(grade(apart).critical).toBeUndefined();
	});

	it('action rule: calling look-alikes an overlay is wrong and says why', () => {
		const pairs = { ...right, alike: { action: 'overlay', survivor: '', fixes: {} } };
		expect(rule(pairs, 'alike-action')).toMatchObject({ ok: false, earned: 0 });
		expect(rule(pairs, 'alike-action').message).toMatch(/different people \(keep apart as look-alikes\), not an overlay/);
	});

	it('survivor rule: the newer MRN surviving loses the point and names both', () => {
		const pairs = { ...right, dup: { ...right.dup!, survivor: '1000002' } };
		expect(rule(pairs, 'dup-survivor')).toMatchObject({ ok: false, earned: 0, possible: 1 });
		expect(rule(pairs, 'dup-survivor').message).toMatch(/MRN 1000001 survives the merge, not MRN 1000002/);
		expect(rule(right, 'dup-survivor')).toMatchObject({ ok: true, earned: 1 });
		expect(grade(pairs).critical).toBeUndefined();
	});

	it('only a merge has a survivor rule', () => {
		expect(rulesOf(right).map((r) => r.rule)).toEqual(['dup-action', 'dup-survivor', 'dup-fix-address', 'alike-action', 'over-action']);
	});

	it('fix rule: the transposed value kept loses the point and names the right values', () => {
		const pairs = { ...right, dup: { ...right.dup!, fixes: { address: '54 Larkspur Street' } } };
		expect(rule(pairs, 'dup-fix-address')).toMatchObject({ ok: false, earned: 0, possible: 1, competency: 'cehrs.nonclinical.registration' });
		expect(rule(pairs, 'dup-fix-address').message).toMatch(/“45 Larkspur Street” or “45 Larkspur St”, not “54 Larkspur Street”/);
		expect(rule(right, 'dup-fix-address')).toMatchObject({ ok: true, earned: 1 });
	});

	it('check names what is missing: a decision, the survivor of a merge, a field, an unknown set', () => {
		const { alike: _alike, ...noAlike } = right;
		expect(match.check(block, { kind: 'match', pairs: noAlike })).toMatch(/"Tran, Linh and Tran, Lin": choose merge, keep apart or overlay/);
		expect(match.check(block, { kind: 'match', pairs: { ...right, alike: { action: 'split', survivor: '', fixes: {} } } })).toMatch(/choose merge/);
		expect(match.check(block, { kind: 'match', pairs: { ...right, dup: { ...right.dup!, survivor: '9999999' } } })).toMatch(/which MRN survives/);
		expect(match.check(block, { kind: 'match', pairs: { ...right, dup: { ...right.dup!, fixes: {} } } })).toMatch(/correct address for MRN 1000001/);
		expect(match.check(block, { kind: 'match', pairs: { ...right, dup: { ...right.dup!, fixes: { address: '45 Larkspur Rd' } } } })).toMatch(/correct address/);
		expect(match.check(block, { kind: 'match', pairs: { ...right, extra: right.alike! } })).toMatch(/unknown set/);
		expect(match.check(block, { kind: 'match', pairs: { ...right, constructor: right.alike! } })).toMatch(/unknown set/);
		expect(match.check(block, { kind: 'choice', optionId: 'x' })).toMatch(/expected decisions/);
		expect(match.check(block, { kind: 'match', pairs: right })).toBeUndefined();
	});

	it('says what was decided in the LMS report, with the survivor of a merge', () => {
		expect(responseText({ kind: 'match', pairs: right })).toBe('alike:separate,dup:merge/1000001,over:overlay');
	});
});

describe('shipped records scenarios with a match step', () => {
	const records = content.scenarios.filter((s) => s.meta.kind === 'records' && Object.values(s.steps).some((st) => st.interaction?.kind === 'match'));
	const keyOf = (it: Interaction, pick: 'first' | 'last'): Input => (it.kind === 'match' ? matchKeyInput(it, pick) : bestIntentInput(it));
	const play = (s: Scenario, pick: 'first' | 'last') => {
		const inputs: Input[] = [];
		let state = replay(s, 7, inputs);
		while (state.stepId) {
			inputs.push(keyOf(s.steps[state.stepId]!.interaction!, pick));
			state = replay(s, 7, inputs);
		}
		return summarize(state);
	};

	it('there are at least two, each with three or more decisions, practising data integrity and registration', () => {
		expect(records.length).toBeGreaterThanOrEqual(2);
		for (const s of records) {
			expect(s.stepOrder.filter((id) => s.steps[id]!.interaction).length).toBeGreaterThanOrEqual(3);
			expect(s.meta.competencies).toEqual(expect.arrayContaining(['cehrs.reporting.data-integrity', 'cehrs.nonclinical.registration']));
		}
	});

	it('each has a merge, a look-alike kept apart, and between them an overlay and a field with two right values', () => {
		const sets = records.flatMap((s) => Object.values(s.steps).flatMap((st) => (st.interaction?.kind === 'match' ? st.interaction.block.pairs : [])));
		for (const s of records) {
			const mine = Object.values(s.steps).flatMap((st) => (st.interaction?.kind === 'match' ? st.interaction.block.pairs : []));
			expect(mine.map((p) => p.action), s.meta.id).toEqual(expect.arrayContaining(['merge', 'separate']));
		}
		expect(sets.some((p) => p.action === 'overlay')).toBe(true);
		expect(sets.some((p) => p.fixes.some((f) => Array.isArray(f.answer) && f.answer.length > 1))).toBe(true);
	});

	it.each(['first', 'last'] as const)('every one earns full marks from its key (%s accepted value)', (pick) => {
		for (const s of records) expect(play(s, pick), s.meta.id).toMatchObject({ score: 1, passed: true, critical: [] });
	});
});

describe('the content check for match steps', () => {
	const front = `---\nid: custom-match\ntitle: Match test\nkind: records\ndifficulty: 1\nminutes: 5\nsummary: Two charts to decide.\ncompetencies: [cehrs.reporting.data-integrity, cehrs.nonclinical.registration]\nstart: a\n---\n`;
	const record = (mrn: string, name: string) => `      - { mrn: "${mrn}", name: "${name}", dob: 1954-02-09, sex: F, address: 1 Elm Street, phone: (555) 555-0100, opened: 2020-01-01 }\n`;
	const set = (extra: string) => `  - id: s1\n    title: Two charts\n    records:\n${record('1000001', 'Chen, Mei')}${record('1000002', 'Chen, May')}    teach: Why.\n${extra}`;
	const choiceStep = (id: string, next: string) => `## ${id}: Step ${id}\nText.\n\n\`\`\`choice\noptions:\n  - { id: x, text: One way, evidence: { cehrs.reporting.data-integrity: 1/1 } }\n  - { id: y, text: Another, feedback: Why not., evidence: { cehrs.reporting.data-integrity: 0/1 } }\nnext: ${next}\n\`\`\`\n\n`;
	const scenario = (s1: string) => `${front}\n## a: Charts\nThe report.\n\n\`\`\`match\nprompt: Decide.\npairs:\n${set(s1)}next: b\n\`\`\`\n\n${choiceStep('b', 'c')}${choiceStep('c', 'end')}## debrief\nDone.\n`;
	const messages = (text: string) => checkAuthored(text, world, content.competencies.frameworks, new Set()).errors.map((e) => e.message);
	const fix = (answer: string, record = '1000001') => `    fixes:\n      - { id: name, record: "${record}", field: name, options: ["Chen, May", "Chen, Mei"], answer: "${answer}", teach: The card. }\n`;

	it('accepts a merge with its survivor and a fix, look-alikes, and an overlay', () => {
		expect(messages(scenario(`    action: merge\n    survivor: "1000001"\n${fix('Chen, Mei')}`))).toEqual([]);
		expect(messages(scenario('    action: separate\n'))).toEqual([]);
		expect(messages(scenario('    action: overlay\n'))).toEqual([]);
	});
	it('refuses a merge without a survivor, a survivor on anything else, and a survivor that is none of the charts', () => {
		expect(messages(scenario('    action: merge\n'))).toEqual([expect.stringMatching(/set "s1" is a merge: name the MRN that survives/)]);
		expect(messages(scenario('    action: separate\n    survivor: "1000001"\n'))).toEqual([expect.stringMatching(/is not a merge \(separate\), so nothing survives/)]);
		expect(messages(scenario('    action: merge\n    survivor: "1000009"\n'))).toEqual([expect.stringMatching(/survivor MRN 1000009, which is none of its charts/)]);
	});
	it('refuses a fix whose answer is not an option, a fix on another chart, and fixes on an overlay', () => {
		expect(messages(scenario(`    action: separate\n${fix('Chen, Mai')}`))).toEqual([expect.stringMatching(/fix "name": the answer "Chen, Mai" is not one of its options/)]);
		expect(messages(scenario(`    action: separate\n${fix('Chen, Mei', '1000009')}`))).toEqual([expect.stringMatching(/fix "name" names MRN 1000009/)]);
		expect(messages(scenario(`    action: overlay\n${fix('Chen, Mei')}`))).toEqual([expect.stringMatching(/is an overlay, which the HIM lead corrects/)]);
	});
});
