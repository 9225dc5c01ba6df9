import { describe, expect, it } from 'vitest';
import { formatError, loadContent } from '../../src/lib/content';
import { readContentFiles } from '../../scripts/read-content';
import { ageOn, chartAsOf } from '../../src/lib/office/bindings';
import { solveSchedule } from '../../src/lib/engine/schedule-solver';
import { billingKeyInput } from '../support/billing-key';
import { graderFor } from '../../src/lib/engine/interactions';
import type { Grader } from '../../src/lib/engine/interactions/grader';

const result = loadContent(readContentFiles());

describe('shipped content', () => {
	it('is valid', () => {
		expect(result.errors.map(formatError)).toEqual([]);
	});
	const c = result.content!;

	it('follows the CMAA and CEHRS blueprints', () => {
		const cmaa = c.competencies.frameworks.find((f) => f.id === 'cmaa')!;
		expect(Object.fromEntries(cmaa.domains.map((d) => [d.name, d.items]))).toEqual({
			'Foundational knowledge': 10,
			'Communication and professionalism': 21,
			'Medical law, ethics and compliance': 17,
			Scheduling: 16,
			'Patient encounter': 21,
			'Billing and revenue cycle': 11,
			'Medical practice administrative procedures and logistics': 14
		});
		const cehrs = c.competencies.frameworks.find((f) => f.id === 'cehrs')!;
		expect(cehrs.scoredItems).toBe(100);
		expect(cehrs.domains.map((d) => d.weight)).toEqual([0.28, 0.32, 0.15, 0.15, 0.1]);
	});

	it('has a clinic with the people scenarios need', () => {
		const w = c.world;
		expect(w.providers.length).toBeGreaterThanOrEqual(4);
		expect(w.patients.length).toBeGreaterThanOrEqual(30);
		const payerType = (id: string) => w.payers.find((p) => p.id === id)!.type;
		const types = new Set(w.patients.map((p) => (p.coverage[0] ? payerType(p.coverage[0].payer) : 'self-pay')));
		for (const t of ['commercial', 'medicare', 'medicaid', 'self-pay']) expect(types).toContain(t);
		expect(w.patients.some((p) => ageOn(p.dob, w.clinic.today) < 18 && p.guardian)).toBe(true);
		expect(w.patients.some((p) => p.interpreterNeeded)).toBe(true);
		expect(w.patients.some((p) => p.personalRepresentative?.documentOnFile)).toBe(true);
		for (const p of w.providers) expect(Object.keys(p.template).length).toBeGreaterThan(0);
	});

	it('ships the scenarios the core promises', () => {
		const of = (kind: string) => c.scenarios.filter((s) => s.meta.kind === kind);
		expect(of('hipaa').length).toBeGreaterThanOrEqual(6);
		expect(of('communication').length).toBeGreaterThanOrEqual(4);
		expect(of('triage').length).toBeGreaterThanOrEqual(3);
		for (const s of of('communication')) {
			expect(Object.values(s.steps).some((st) => st.interaction?.kind === 'dialogue'), `${s.meta.id} is a dialogue`).toBe(true);
		}
	});

	it('cites the 45 CFR section in the rationale of every wrong HIPAA option', () => {
		const missing: string[] = [];
		for (const s of c.scenarios.filter((x) => x.meta.kind === 'hipaa')) {
			for (const step of Object.values(s.steps)) {
				const it = step.interaction;
				const options = it?.kind === 'choice' || it?.kind === 'dialogue' ? (it.kind === 'choice' ? it.block.options : it.block.replies) : [];
				for (const o of options) {
					const full = Object.values(o.evidence).every((p) => p.split('/')[0] === p.split('/')[1]);
					if ((!full || o.critical) && !/\b16[04]\.\d+/.test(o.feedback ?? '')) missing.push(`${s.meta.id} › ${step.id} › ${o.id}`);
				}
				if (it?.kind === 'multi-choice')
					for (const o of it.block.options) if (!o.correct && !/\b16[04]\.\d+/.test(o.feedback)) missing.push(`${s.meta.id} › ${step.id} › ${o.id}`);
			}
		}
		expect(missing).toEqual([]);
	});

	it('sends the chest-pain call to 911 or fails the scenario', () => {
		const chest = c.scenarios.find((s) => s.meta.kind === 'triage' && /chest/i.test(s.meta.title + s.meta.summary));
		expect(chest, 'a chest-pain triage scenario').toBeDefined();
		const criticals = Object.values(chest!.steps).flatMap((st) =>
			st.interaction?.kind === 'choice' ? st.interaction.block.options.filter((o) => o.critical) : []
		);
		expect(criticals.length).toBeGreaterThan(0);
	});

	it('every shipped schedule step has a full-mark solution on its book', () => {
		const steps = c.scenarios.flatMap((s) => Object.values(s.steps).flatMap((st) => (st.interaction?.kind === 'schedule' ? [{ id: `${s.meta.id} › ${st.id}`, block: st.interaction.block }] : [])));
		const unsolved = steps.map((x) => ({ id: x.id, r: solveSchedule(x.block) })).flatMap((x) => (x.r.ok ? [] : [`${x.id}: ${x.r.task?.id}: ${x.r.why}`]));
		expect(unsolved).toEqual([]);
	});

	it('ships at least ten scheduling scenarios, each with a schedule book to work', () => {
		const sched = c.scenarios.filter((s) => s.meta.kind === 'scheduling');
		expect(sched.length).toBeGreaterThanOrEqual(10);
		for (const s of sched) expect(Object.values(s.steps).some((st) => st.interaction?.kind === 'schedule'), `${s.meta.id} has a schedule book`).toBe(true);
	});

	it('gives full marks to the answer key of every billing step', () => {
		const steps = c.scenarios.flatMap((s) =>
			Object.values(s.steps).flatMap((st) => {
				const it = st.interaction;
				return it && (it.kind === 'code' || it.kind === 'claim' || it.kind === 'remittance' || it.kind === 'verify') ? [{ id: `${s.meta.id} › ${st.id}`, it }] : [];
			})
		);
		expect(steps.length).toBeGreaterThanOrEqual(12);
		for (const { id, it } of steps) {
			const grader = graderFor(it.kind) as Grader<typeof it.kind>;
			const input = billingKeyInput(it);
			expect(grader.check(it.block as never, input), id).toBeUndefined();
			expect(grader.grade(it.block as never, input).verdict, id).toBe('best');
		}
	});

	it('ships at least twelve revenue-cycle scenarios covering coding, claims and payments', () => {
		const money = c.scenarios.filter((s) => ['registration', 'coding', 'claims', 'payments'].includes(s.meta.kind));
		expect(money.length).toBeGreaterThanOrEqual(12);
		for (const kind of ['code', 'claim', 'remittance', 'verify'])
			expect(money.some((s) => Object.values(s.steps).some((st) => st.interaction?.kind === kind)), `a ${kind} step ships`).toBe(true);
	});

	it('ships item banks to the blueprint: twice each CMAA domain\'s scored items, 200 CEHRS items by weight', () => {
		const domainOf = new Map(c.competencies.frameworks.flatMap((f) => f.domains.flatMap((d) => d.competencies.map((x) => [x.id, d.id] as const))));
		const count = (d: string) => c.questions.filter((q) => domainOf.get(q.competency) === d).length;
		for (const f of c.competencies.frameworks)
			for (const d of f.domains) expect(count(d.id), d.id).toBeGreaterThanOrEqual(d.items ? 2 * d.items : Math.round((d.weight ?? 0) * 200));
		// Keys spread over the letters, so guessing one letter does not pay.
		const keys = new Map<string, number>();
		for (const q of c.questions) keys.set(q.key, (keys.get(q.key) ?? 0) + 1);
		for (const k of ['a', 'b', 'c', 'd']) expect(keys.get(k)! / c.questions.length, `share of key ${k}`).toBeGreaterThan(0.18);
	});
});

describe('the story agrees with the records', () => {
	const files = readContentFiles();
	const path = 'content/scenarios/claims-complete-from-superbill.md';

	it("a story that shows another patient's member ID is refused, naming whose it is", () => {
		const wrong = { ...files, [path]: files[path]!.replace('SMI702266481', 'SMI384450921') };
		const errors = loadContent(wrong).errors.map(formatError);
		expect(errors.some((e) => e.includes(path) && /SMI384450921 is Thomas Begay's number/.test(e))).toBe(true);
	});

	it('a birth date in the story that is not the patient\'s is refused, with the one on file', () => {
		const spouse = 'content/scenarios/hipaa-attorney-request.md';
		const wrong = { ...files, [spouse]: files[spouse]!.replace('KEVIN OSEI, DOB 10/05/2001', 'KEVIN OSEI, DOB 10/05/2002') };
		const errors = loadContent(wrong).errors.map(formatError);
		expect(errors.some((e) => e.includes(spouse) && /birth date 10\/05\/2002 is not in the clinic's records.*Kevin Osei's is 10\/05\/2001/.test(e))).toBe(true);
	});

	it('the chart shows what the office knew at the scenario\'s moment, not the end of the story', () => {
		const c = result.content!;
		const sandra = c.world.patients.find((p) => p.id === 'pt-sandra-whitfield')!;
		expect(sandra.coverage[0]!.terminated).toBe('2025-10-31');
		const checkIn = c.scenarios.find((s) => s.meta.id === 'registration-coverage-ended-check-in')!;
		const chart = chartAsOf(sandra, checkIn.meta.chart);
		expect(chart.coverage[0]!.terminated).toBeUndefined();
		expect(chart.notes).toBeUndefined();
		// Luis's note about his wife belongs to the call about her, not to his coding or billing steps.
		const luis = c.world.patients.find((p) => p.id === 'pt-luis-ramirez')!;
		for (const s of c.scenarios.filter((x) => x.meta.patient === 'pt-luis-ramirez')) {
			const notes = chartAsOf(luis, s.meta.chart).notes ?? '';
			expect(notes.includes('Maria'), s.meta.id).toBe(s.meta.id === 'hipaa-caller-says-spouse');
		}
	});
});

describe('dates of service fall in the code year shipped', () => {
	it('a clinic day outside the ICD-10-CM and HCPCS files is refused, naming the window', () => {
		const files = readContentFiles();
		const clinic = files['content/office/clinic.yaml']!;
		const moved = { ...files, 'content/office/clinic.yaml': clinic.replace(/^today: .*$/m, 'today: "2026-11-23"') };
		const errors = loadContent(moved).errors.map(formatError);
		expect(errors.some((e) => /today \(2026-11-23\) is outside 2025-10-01 to 2025-12-31/.test(e))).toBe(true);
		expect(errors.some((e) => /the date of service 2026-11-23 is outside/.test(e))).toBe(true);
	});
});
