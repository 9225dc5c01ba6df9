import { describe, expect, it } from 'vitest';
import { readContentFiles } from '../../scripts/read-content';
import { loadContent } from '../../src/lib/content';
import { checkAuthored } from '../../src/lib/authoring';
import { AuditBlock, type ResolvedAuditBlock } from '../../src/lib/content/schema/audit';
import { auditContext } from '../../src/lib/content/audit-context';
import { addDays, hhsLogDeadline, noticeDeadline, partiesFor } from '../../src/lib/content/audit-terms';
import { audit } from '../../src/lib/engine/interactions/audit';
import { replay, summarize } from '../../src/lib/engine';
import type { AuditFinding, Input } from '../../src/lib/engine/types';
import { auditKeyInput } from '../support/audit-key';
import { bestIntentInput } from '../support/best-input';
import type { Interaction, Scenario } from '../../src/lib/content/schema/scenario';

const files = readContentFiles();
delete files['content/codesets/icd10cm-2026.tsv'];
delete files['content/codesets/hcpcs-2025oct.tsv'];
const content = loadContent(files).content!;
const world = content.world;

// A snoop (a breach), a good-faith wrong chart (an exception), a low-probability disclosure, and ordinary work.
const parsed = AuditBlock.parse({
	prompt: 'Judge each row.',
	discovered: '2025-11-24',
	rows: [
		{ id: 'snoop', log: 'access', at: '2025-11-14T21:40', user: 'staff-lucia-mendes', patient: 'pt-min-jun-park', action: 'Viewed', purpose: 'None', appropriate: false, reason: ['neighbour-family', 'no-need'], factors: { nature: 'higher', person: 'higher', viewed: 'higher', mitigated: 'higher' }, breach: true, teach: 'A neighbour.' },
		{ id: 'oops', log: 'access', at: '2025-11-18T15:39', user: 'staff-brian-castellanos', patient: 'pt-sandra-whitfield', action: 'Viewed', purpose: 'None', appropriate: false, reason: 'mistake', exception: 'good-faith', teach: 'Good faith.' },
		{ id: 'plan', log: 'disclosure', at: '2025-11-19T11:10', user: 'staff-victor-almeida', patient: 'pt-alex-rivera', action: 'Uploaded', what: 'The whole chart', to: 'A health plan', purpose: 'Payment', appropriate: false, reason: 'minimum-necessary', factors: { nature: 'higher', person: 'lower', viewed: 'lower', mitigated: 'lower' }, breach: false, teach: 'Low probability.' },
		{ id: 'work', log: 'access', at: '2025-11-20T16:10', user: 'staff-hannah-lowry', patient: 'pt-min-jun-park', action: 'Viewed results', purpose: 'Result call', appropriate: true, teach: 'Treatment.' }
	]
});
const ctx = auditContext(world, parsed);
if (typeof ctx === 'string') throw new Error(ctx);
const block: ResolvedAuditBlock = { ...parsed, context: ctx };

const ok: AuditFinding = { verdict: 'appropriate', reason: '', exception: '', factors: {}, conclusion: '', notify: [], deadline: '' };
const right: Record<string, AuditFinding> = {
	snoop: { verdict: 'inappropriate', reason: 'neighbour-family', exception: 'none', factors: { nature: 'higher', person: 'higher', viewed: 'higher', mitigated: 'higher' }, conclusion: 'breach', notify: ['individual', 'hhs-log'], deadline: '01/23/2026' },
	oops: { verdict: 'inappropriate', reason: 'mistake', exception: 'good-faith', factors: {}, conclusion: 'not-breach', notify: [], deadline: '' },
	plan: { verdict: 'inappropriate', reason: 'minimum-necessary', exception: 'none', factors: { nature: 'higher', person: 'lower', viewed: 'lower', mitigated: 'lower' }, conclusion: 'not-breach', notify: [], deadline: '' },
	work: ok
};
const grade = (rows: Record<string, AuditFinding>) => audit.grade(block, { kind: 'audit', rows });
const rules = (rows: Record<string, AuditFinding>) => (grade(rows).marks as { rules: { task?: string; rule: string; ok: boolean; message: string; critical?: string }[] }).rules;
const rule = (rows: Record<string, AuditFinding>, task: string, id: string) => rules(rows).find((r) => r.task === task && r.rule === id)!;
const withRow = (id: string, change: Partial<AuditFinding>) => ({ ...right, [id]: { ...right[id]!, ...change } });

describe('the notification clock and who is told (45 CFR 164.404-164.410)', () => {
	it('the patients by 60 days after discovery, across a month and a year end', () => {
		expect(noticeDeadline('2025-11-24')).toBe('2026-01-23');
		expect(addDays('2024-12-31', 60)).toBe('2025-03-01');
		expect(addDays('2024-01-01', 59)).toBe('2024-02-29');
	});
	it('the HHS log by 60 days after the end of the calendar year of discovery', () => {
		expect(hhsLogDeadline('2025-11-24')).toBe('2026-03-01');
		expect(hhsLogDeadline('2023-02-10')).toBe('2024-02-29');
	});
	it('the media only over 500 residents of a state, HHS at once from 500, a business associate tells the covered entity', () => {
		expect(partiesFor(1, 1, false)).toEqual(['individual', 'hhs-log']);
		expect(partiesFor(500, 500, false)).toEqual(['individual', 'hhs-now']);
		expect(partiesFor(499, 499, false)).toEqual(['individual', 'hhs-log']);
		expect(partiesFor(900, 501, false)).toEqual(['individual', 'media', 'hhs-now']);
		expect(partiesFor(900, 400, true)).toEqual(['individual', 'hhs-now', 'covered-entity']);
	});
});

describe('the audit grader', () => {
	it('full marks for the key, and a second valid working (another right reason, parties in another order, the date typed M/D/YYYY)', () => {
		expect(grade(right)).toMatchObject({ verdict: 'best' });
		const other = withRow('snoop', { reason: 'no-need', notify: ['hhs-log', 'individual'], deadline: '1/23/2026' });
		expect(grade(other)).toMatchObject({ verdict: 'best' });
		expect(rules(other).every((r) => r.ok)).toBe(true);
	});

	it('verdict: an appropriate row called inappropriate loses its point and says why it was fine', () => {
		const r = rule(withRow('work', { ...right.oops! }), 'work', 'verdict');
		expect(r).toMatchObject({ ok: false });
		expect(r.message).toMatch(/appropriate, not "not appropriate"/);
		expect(rule(right, 'work', 'verdict').ok).toBe(true);
	});

	it('verdict: a breach marked appropriate is critical, and every assessment rule of the row fails', () => {
		const rows = withRow('snoop', ok);
		const g = grade(rows);
		expect(g.verdict).toBe('wrong');
		expect(g.critical).toMatch(/Min-jun Park's chart.*164\.404/);
		expect(rules(rows).filter((r) => r.task === 'snoop').every((r) => !r.ok)).toBe(true);
	});

	it('verdict: a good-faith mistake marked appropriate loses points but is not critical (no breach to miss)', () => {
		const g = grade(withRow('oops', ok));
		expect(g.critical).toBeUndefined();
		expect(g.verdict).toBe('partial');
	});

	it('reason: any of the accepted reasons passes, another fails naming the right ones', () => {
		expect(rule(withRow('snoop', { reason: 'no-need' }), 'snoop', 'reason').ok).toBe(true);
		const r = rule(withRow('snoop', { reason: 'famous' }), 'snoop', 'reason');
		expect(r.ok).toBe(false);
		expect(r.message).toMatch(/neighbour's.*or No treatment.*not "A well-known patient's chart/);
	});

	it('exception: claiming the good-faith exception for the snoop fails; the good-faith row needs it', () => {
		expect(rule(withRow('snoop', { exception: 'good-faith' }), 'snoop', 'exception')).toMatchObject({ ok: false });
		expect(rule(withRow('oops', { exception: 'none' }), 'oops', 'exception').message).toMatch(/164\.402\(1\)\(i\).*not "No exception applies"/);
		expect(rule(right, 'oops', 'exception').ok).toBe(true);
	});

	it('factors: each of the four is its own rule, and an exception row has none', () => {
		const rows = withRow('plan', { factors: { nature: 'higher', person: 'higher', viewed: 'lower', mitigated: 'lower' } });
		expect(rule(rows, 'plan', 'factor-person')).toMatchObject({ ok: false });
		expect(rule(rows, 'plan', 'factor-person').message).toMatch(/unauthorized person.*lowers the risk.*not "raises the risk/);
		for (const f of ['nature', 'viewed', 'mitigated']) expect(rule(rows, 'plan', `factor-${f}`).ok).toBe(true);
		expect(rules(right).filter((r) => r.task === 'oops' && r.rule.startsWith('factor-'))).toEqual([]);
	});

	it('conclusion: calling the snoop no breach is critical; calling the low-probability disclosure a breach only loses the point', () => {
		const missed = grade(withRow('snoop', { conclusion: 'not-breach', notify: [], deadline: '' }));
		expect(missed.critical).toMatch(/left unreported/);
		const over = withRow('plan', { conclusion: 'breach', notify: ['individual', 'hhs-log'], deadline: '01/23/2026' });
		expect(rule(over, 'plan', 'conclusion')).toMatchObject({ ok: false });
		expect(rule(over, 'plan', 'conclusion').message).toMatch(/low probability/);
		expect(grade(over).critical).toBeUndefined();
	});

	it('notify: the patient and the HHS log for one person; HHS at once or the media is wrong here', () => {
		expect(rule(right, 'snoop', 'notify').message).toMatch(/HHS log for a breach discovered in 2025 is due by 03\/01\/2026/);
		expect(rule(withRow('snoop', { notify: ['individual', 'hhs-now'] }), 'snoop', 'notify')).toMatchObject({ ok: false });
		expect(rule(withRow('snoop', { notify: ['individual', 'hhs-log', 'media'] }), 'snoop', 'notify')).toMatchObject({ ok: false });
		expect(rule(withRow('snoop', { notify: ['hhs-log'] }), 'snoop', 'notify')).toMatchObject({ ok: false });
	});

	it('deadline: 60 days after discovery passes; 60 days after the event, or 30 days, fails with the date typed', () => {
		const late = rule(withRow('snoop', { deadline: '01/13/2026' }), 'snoop', 'deadline');
		expect(late.ok).toBe(false);
		expect(late.message).toMatch(/no later than 01\/23\/2026, 60 days after discovery on 11\/24\/2025.*not 01\/13\/2026/);
		expect(rule(withRow('snoop', { deadline: '12/24/2025' }), 'snoop', 'deadline').ok).toBe(false);
		expect(rule(withRow('snoop', { deadline: '2026-01-23' }), 'snoop', 'deadline').ok).toBe(true);
	});

	it('feedback puts the rows with mistakes first and teaches every row', () => {
		const g = grade(withRow('work', { ...right.oops! }));
		expect(g.feedback[0]).toMatch(/Hannah Lowry.*Treatment\./);
		expect(g.feedback).toHaveLength(4);
	});

	it('check names what is missing before grading', () => {
		expect(audit.check(block, { kind: 'audit', rows: right })).toBeUndefined();
		const { work: _w, ...noWork } = right;
		expect(audit.check(block, { kind: 'audit', rows: noWork })).toMatch(/mark it appropriate or not/);
		expect(audit.check(block, { kind: 'audit', rows: withRow('snoop', { reason: 'toString' }) })).toMatch(/choose why/);
		expect(audit.check(block, { kind: 'audit', rows: withRow('snoop', { factors: { nature: 'higher' } }) })).toMatch(/risk factor \(ii\)/);
		expect(audit.check(block, { kind: 'audit', rows: withRow('snoop', { notify: [] }) })).toMatch(/who must be told/);
		expect(audit.check(block, { kind: 'audit', rows: withRow('snoop', { deadline: 'soon' }) })).toMatch(/MM\/DD\/YYYY/);
		expect(audit.check(block, { kind: 'audit', rows: { ...right, ghost: ok } })).toMatch(/unknown log row/);
	});
});

describe('shipped audit scenarios', () => {
	const audits = content.scenarios.filter((s) => s.meta.kind === 'records' && Object.values(s.steps).some((st) => st.interaction?.kind === 'audit'));
	const keyOf = (it: Interaction, pick: 'first' | 'last'): Input => (it.kind === 'audit' ? auditKeyInput(it, pick) : bestIntentInput(it));
	const play = (s: Scenario, pick: 'first' | 'last') => {
		const inputs: Input[] = [];
		let state = replay(s, 7, inputs);
		while (state.stepId) {
			inputs.push(keyOf(s.steps[state.stepId]!.interaction!, pick));
			state = replay(s, 7, inputs);
		}
		return summarize(state);
	};

	it('there are at least two, each with three or more decisions, a breach to find and every row of the clinic', () => {
		expect(audits.length).toBeGreaterThanOrEqual(2);
		for (const s of audits) {
			expect(s.stepOrder.filter((id) => s.steps[id]!.interaction).length).toBeGreaterThanOrEqual(3);
			const it = Object.values(s.steps).find((st) => st.interaction?.kind === 'audit')!.interaction as Extract<Interaction, { kind: 'audit' }>;
			expect(it.block.rows.some((r) => r.breach), s.meta.id).toBe(true);
		}
	});

	it.each(['first', 'last'] as const)('every one earns full marks from its key (%s right reason, date typed two ways)', (pick) => {
		for (const s of audits) expect(play(s, pick), s.meta.id).toMatchObject({ score: 1, passed: true, critical: [] });
	});

	it("Lucia Mendes's row is the one in Min-jun Park's chart audit trail", () => {
		const chart = content.charts!.find((c) => c.patient === 'pt-min-jun-park')!;
		expect(chart.audit).toContainEqual(expect.objectContaining({ at: '2025-11-14T21:40', user: 'staff-lucia-mendes' }));
		const s = audits.find((x) => x.meta.id === 'records-access-audit')!;
		const it = s.steps.audit!.interaction as Extract<Interaction, { kind: 'audit' }>;
		expect(it.block.rows.find((r) => r.id === 'lucia-park')).toMatchObject({ at: '2025-11-14T21:40', user: 'staff-lucia-mendes', patient: 'pt-min-jun-park', breach: true });
	});
});

describe('the content check for audit steps', () => {
	const front = `---\nid: custom-audit\ntitle: Audit test\nkind: records\ndifficulty: 1\nminutes: 5\nsummary: A short access log to review.\ncompetencies: [cehrs.compliance.audit-breach]\nstart: a\n---\n`;
	const work = `  - { id: w, log: access, at: "2025-11-20T16:10", user: staff-hannah-lowry, patient: pt-min-jun-park, action: Viewed, purpose: Result call, appropriate: true, teach: Treatment. }\n`;
	const choiceStep = (id: string, next: string) => `## ${id}: Step ${id}\nText.\n\n\`\`\`choice\noptions:\n  - { id: x, text: One way, evidence: { cehrs.compliance.audit-breach: 1/1 } }\n  - { id: y, text: Another, feedback: Why not., evidence: { cehrs.compliance.audit-breach: 0/1 } }\nnext: ${next}\n\`\`\`\n\n`;
	const scenario = (row: string) => `${front}\n## a: Rows\nThe log.\n\n\`\`\`audit\nprompt: Judge them.\ndiscovered: 2025-11-24\nrows:\n${row}${work}next: b\n\`\`\`\n\n${choiceStep('b', 'c')}${choiceStep('c', 'end')}## debrief\nDone.\n`;
	const row = (extra: string, user = 'staff-lucia-mendes') => `  - { id: r, log: access, at: "2025-11-14T21:40", user: ${user}, patient: pt-min-jun-park, action: Viewed, purpose: None, teach: Why., ${extra} }\n`;
	const messages = (text: string) => checkAuthored(text, world, content.competencies.frameworks, new Set()).errors.map((e) => e.message);

	it('accepts a breach row and an exception row', () => {
		expect(messages(scenario(row('appropriate: false, reason: no-need, factors: { nature: higher, person: higher, viewed: higher, mitigated: higher }, breach: true')))).toEqual([]);
		expect(messages(scenario(row('appropriate: false, reason: mistake, exception: good-faith')))).toEqual([]);
	});
	it('refuses an inappropriate row with neither factors nor an exception, and an exception row with factors', () => {
		expect(messages(scenario(row('appropriate: false, reason: no-need')))).toEqual([expect.stringMatching(/row "r" needs the four "factors"/)]);
		expect(messages(scenario(row('appropriate: false, reason: mistake, exception: good-faith, breach: false')))).toEqual([expect.stringMatching(/exception of 164\.402\(1\), so it is no breach/)]);
	});
	it('refuses an appropriate row with a reason, a log with nothing to find, and an unknown user', () => {
		expect(messages(scenario(row('appropriate: true, reason: no-need')))).toEqual(expect.arrayContaining([expect.stringMatching(/row "r" is appropriate, so it has no reason: remove it$/)]));
		expect(messages(scenario(row('appropriate: true')))).toEqual([expect.stringMatching(/no row is inappropriate/)]);
		expect(messages(scenario(row('appropriate: true', 'staff-lucia-mendez')))).toEqual(expect.arrayContaining([expect.stringMatching(/unknown user "staff-lucia-mendez"/)]));
	});
});
