/**
 * The inbox grader, rule by rule: each rule of the practice's results-and-inbox policy with a working
 * that passes it and one that fails it; two different valid workings of each shipped inbox scenario
 * both earning full marks; and the content checks an author meets.
 */
import { describe, expect, it } from 'vitest';
import { InboxBlock, type ResolvedInboxBlock } from '../../src/lib/content/schema/inbox';
import { inbox } from '../../src/lib/engine/interactions/inbox';
import type { Input, InboxDecision } from '../../src/lib/engine/types';
import { readContentFiles } from '../../scripts/read-content';
import { loadContent } from '../../src/lib/content';
import { checkAuthored } from '../../src/lib/authoring';
import { AUTHOR_TEMPLATES } from '../../src/lib/author-templates';
import { replay, summarize } from '../../src/lib/engine/engine';
import { inboxKeyInput } from '../support/inbox-key';
import { bestIntentInput } from '../support/best-input';
import type { Scenario } from '../../src/lib/content/schema/scenario';

const base = { patient: 'pt-a', from: 'Lab', received: '2025-11-24T07:00', body: 'Report.', teach: 'Why.' };
const block: ResolvedInboxBlock = {
	...InboxBlock.parse({
		prompt: 'Route the inbox.',
		items: [
			{ ...base, id: 'crit', kind: 'result', subject: 'Potassium', test: 'BMP', flag: 'critical', orderedBy: 'prov-a' },
			{ ...base, id: 'abn', kind: 'result', subject: 'A1c', test: 'A1c', flag: 'abnormal', orderedBy: 'prov-a' },
			{ ...base, id: 'norm', kind: 'result', subject: 'Lipids', test: 'Lipid panel', flag: 'normal', orderedBy: 'prov-a' },
			{ ...base, id: 'refill', kind: 'refill', subject: 'Refill' },
			{ ...base, id: 'late', kind: 'overdue-order', subject: 'Echo', test: 'Echo', orderedBy: 'prov-a', due: '2025-11-07' },
			{ ...base, id: 'clin', kind: 'message', subject: 'Rash', route: 'nurse', priority: ['now', 'today'], clinical: true },
			{ ...base, id: 'hours', kind: 'message', subject: 'Hours', route: 'reply', priority: 'routine', reply: 'hours' },
			{ ...base, id: 'proxy', kind: 'message', subject: 'Proxy', route: 'privacy', priority: 'today', critical: 'Left an open proxy link to an adult record.' }
		],
		replies: [{ id: 'hours', text: 'We close at 7.' }, { id: 'team', text: 'Sent to your team.' }]
	}),
	context: { patients: [{ id: 'pt-a', name: 'Ann Test', dob: '1980-01-01' }], providers: [{ id: 'prov-a', name: 'Ann Able', credentials: 'MD' }] }
};

const key: Record<string, InboxDecision> = {
	crit: { route: 'provider', priority: 'now' },
	abn: { route: 'provider', priority: 'today' },
	norm: { route: 'provider-queue', priority: 'routine' },
	refill: { route: 'nurse', priority: 'routine' },
	late: { route: 'chase', priority: 'today' },
	clin: { route: 'nurse', priority: 'today' },
	hours: { route: 'reply', priority: 'routine', reply: 'hours' },
	proxy: { route: 'privacy', priority: 'today' }
};
const withItem = (id: string, d: InboxDecision): Input => ({ kind: 'inbox', items: { ...key, [id]: d } });
const grade = (input: Input) => inbox.grade(block, input);
const ruleOf = (input: Input, item: string, rule: 'route' | 'priority') => grade(input).marks.kind === 'inbox' ? (grade(input).marks as { rules: { task?: string; rule: string; ok: boolean }[] }).rules.find((r) => r.task === item && r.rule === rule)! : undefined!;

describe('inbox grader', () => {
	it('gives full marks to the key, with feedback for every item', () => {
		const g = grade({ kind: 'inbox', items: key });
		expect(g.verdict).toBe('best');
		expect(g.critical).toBeUndefined();
		expect(g.feedback).toHaveLength(block.items.length);
	});

	it('a critical result goes to the ordering provider now, or it is a critical error', () => {
		expect(ruleOf(withItem('crit', { route: 'provider', priority: 'now' }), 'crit', 'priority').ok).toBe(true);
		const late = grade(withItem('crit', { route: 'provider', priority: 'today' }));
		expect(late.critical).toMatch(/critical result .* not sent to the ordering provider at once/);
		expect(late.verdict).toBe('wrong');
		const nurse = grade(withItem('crit', { route: 'nurse', priority: 'now' }));
		expect(nurse.critical).toMatch(/not sent to the ordering provider/);
		expect(nurse.feedback[0]).toMatch(/Potassium.*sends a critical value to the ordering provider by phone/);
	});

	it('an abnormal result goes to the ordering provider now or today, never the routine queue', () => {
		expect(grade(withItem('abn', { route: 'provider', priority: 'now' })).verdict).toBe('best');
		expect(grade(withItem('abn', { route: 'provider', priority: 'today' })).verdict).toBe('best');
		const queued = grade(withItem('abn', { route: 'provider-queue', priority: 'routine' }));
		expect(queued.verdict).toBe('partial');
		expect(ruleOf(withItem('abn', { route: 'provider-queue', priority: 'routine' }), 'abn', 'route').ok).toBe(false);
		expect(queued.critical).toBeUndefined();
	});

	it("a normal result goes to the provider's routine review queue", () => {
		expect(ruleOf(withItem('norm', { route: 'provider-queue', priority: 'routine' }), 'norm', 'route').ok).toBe(true);
		const flagged = withItem('norm', { route: 'provider', priority: 'now' });
		expect(ruleOf(flagged, 'norm', 'route').ok).toBe(false);
		expect(ruleOf(flagged, 'norm', 'priority').ok).toBe(false);
	});

	it('a result sent to the patient before review is a critical error', () => {
		expect(grade(withItem('norm', { route: 'reply', priority: 'routine', reply: 'team' })).critical).toMatch(/released to the patient before the ordering provider reviewed it/);
	});

	it('a refill request goes to the nurse', () => {
		expect(ruleOf(withItem('refill', { route: 'nurse', priority: 'routine' }), 'refill', 'route').ok).toBe(true);
		const g = withItem('refill', { route: 'provider', priority: 'routine' });
		expect(ruleOf(g, 'refill', 'route').ok).toBe(false);
		expect(grade(g).feedback[0]).toMatch(/Refill requests go to the clinical team/);
	});

	it('an overdue order is chased', () => {
		expect(ruleOf(withItem('late', { route: 'chase', priority: 'today' }), 'late', 'route').ok).toBe(true);
		expect(ruleOf(withItem('late', { route: 'provider-queue', priority: 'today' }), 'late', 'route').ok).toBe(false);
	});

	it('a clinical question answered by the front desk is a critical error; to the nurse it is right', () => {
		expect(grade(withItem('clin', { route: 'nurse', priority: 'now' })).verdict).toBe('best');
		const answered = grade(withItem('clin', { route: 'reply', priority: 'today', reply: 'team' }));
		expect(answered.critical).toMatch(/clinical question .* answered by the front desk/);
	});

	it('a portal reply must be the approved reply that fits', () => {
		expect(ruleOf(withItem('hours', { route: 'reply', priority: 'routine', reply: 'hours' }), 'hours', 'route').ok).toBe(true);
		const wrong = withItem('hours', { route: 'reply', priority: 'routine', reply: 'team' });
		expect(ruleOf(wrong, 'hours', 'route').ok).toBe(false);
		expect(grade(wrong).feedback[0]).toMatch(/reply chosen does not answer/);
	});

	it("an item's own critical error applies when it is routed wrongly", () => {
		expect(grade(withItem('proxy', { route: 'privacy', priority: 'routine' })).critical).toBeUndefined();
		expect(grade(withItem('proxy', { route: 'reply', priority: 'today', reply: 'team' })).critical).toBe('Left an open proxy link to an adult record.');
	});

	it('refuses an incomplete or unknown answer with a reason', () => {
		const { crit: _, ...rest } = key;
		expect(inbox.check(block, { kind: 'inbox', items: rest })).toMatch(/choose where "Potassium" goes/);
		expect(inbox.check(block, withItem('crit', { route: 'fax', priority: 'now' }))).toMatch(/unknown route "fax"/);
		expect(inbox.check(block, withItem('crit', { route: 'provider', priority: 'asap' }))).toMatch(/unknown priority "asap"/);
		expect(inbox.check(block, withItem('hours', { route: 'reply', priority: 'routine' }))).toMatch(/choose the portal reply/);
		expect(inbox.check(block, { kind: 'inbox', items: { ...key, ghost: { route: 'nurse', priority: 'now' } } })).toMatch(/unknown inbox item/);
		expect(inbox.check(block, { kind: 'inbox', items: key })).toBeUndefined();
	});
});

const files = readContentFiles();
delete files['content/codesets/icd10cm-2026.tsv'];
delete files['content/codesets/hcpcs-2025oct.tsv'];
const content = loadContent(files).content!;

describe('shipped inbox scenarios', () => {
	const withInbox = content.scenarios.filter((s) => Object.values(s.steps).some((st) => st.interaction?.kind === 'inbox'));

	it('at least two Records desk scenarios route an inbox, each with three decisions or more', () => {
		expect(withInbox.filter((s) => s.meta.kind === 'records').length).toBeGreaterThanOrEqual(2);
		for (const s of withInbox) expect(Object.values(s.steps).filter((st) => st.interaction).length, s.meta.id).toBeGreaterThanOrEqual(3);
	});

	/** Plays a scenario with the best answer at every step, the inbox worked as `pick` says. */
	const play = (s: Scenario, pick: 'first' | 'last') => {
		const inputs: Input[] = [];
		let state = replay(s, 7, []);
		while (state.stepId) {
			const it = s.steps[state.stepId]!.interaction!;
			inputs.push(it.kind === 'inbox' ? inboxKeyInput(it, pick) : bestIntentInput(it));
			state = replay(s, 7, inputs);
		}
		return { summary: summarize(state), inputs };
	};

	it('two different valid workings of each inbox both earn full marks', () => {
		for (const s of withInbox) {
			const a = play(s, 'first');
			const b = play(s, 'last');
			expect(JSON.stringify(a.inputs), `${s.meta.id}: the two workings differ`).not.toBe(JSON.stringify(b.inputs));
			for (const { summary } of [a, b]) {
				expect(summary.score, s.meta.id).toBe(1);
				expect(summary.passed, s.meta.id).toBe(true);
			}
		}
	});
});

describe('inbox content checks', () => {
	const template = AUTHOR_TEMPLATES.find((t) => t.kind === 'inbox')!.text;
	const check = (text: string) => checkAuthored(text, content.world, content.competencies.frameworks, new Set());
	const messagesOf = (text: string) => {
		const r = check(text);
		return 'errors' in r ? r.errors.map((e) => e.message) : [];
	};

	it('the template passes', () => {
		expect(messagesOf(template)).toEqual([]);
	});
	it('a message needs its route', () => {
		expect(messagesOf(template.replace('    route: reply\n', ''))).toEqual([expect.stringMatching(/message "hours" needs a "route"/)]);
	});
	it('a result takes its route from the rule', () => {
		expect(messagesOf(template.replace('flag: critical, orderedBy', 'flag: critical, route: nurse, orderedBy'))).toEqual([expect.stringMatching(/result "k-result" takes its route from the practice's rule/)]);
	});
	it('a clinical question cannot be keyed to a front-desk reply', () => {
		expect(messagesOf(template.replace('    route: reply\n', '    route: reply\n    clinical: true\n'))).toEqual([expect.stringMatching(/clinical question, so the front desk may not answer it/)]);
	});
	it('an unknown patient is named', () => {
		expect(messagesOf(template.replace('patient: pt-walter-nguyen', 'patient: pt-nobody'))).toEqual([expect.stringMatching(/unknown patient "pt-nobody"/)]);
	});
});
