import { describe, expect, it } from 'vitest';
import { loadQuestions } from '../../src/lib/content/questions';

const competencies = new Set(['cmaa.law.patient-rights', 'cmaa.scheduling.methods-templates']);
const item = (id: string, over: Record<string, string> = {}) => `
  - id: ${id}
    competency: ${over.competency ?? 'cmaa.law.patient-rights'}
    difficulty: 2
    stem: ${over.stem ?? `A patient asks for her record (${id}). What is the deadline?`}
    options:
      - { id: a, text: "10 business days", why: "No rule sets ten business days." }
      - { id: b, text: "${over.b ?? '30 calendar days'}", why: "Right, 45 CFR 164.524(b)(2)." }
      - { id: ${over.cId ?? 'c'}, text: "60 calendar days", why: "${over.why ?? 'Only with a written extension.'}" }
      - { id: d, text: "Whenever staff allow", why: "Access has a deadline." }
    key: ${over.key ?? 'b'}
    source: ${over.source ?? '45 CFR 164.524(b)(2)'}
`;
const load = (...bodies: string[]) =>
	loadQuestions(Object.fromEntries(bodies.map((b, i) => [`content/questions/cmaa/f${i}.yaml`, `items:${b}`])), competencies);
const messages = (r: ReturnType<typeof load>) => r.errors.map((e) => `${e.file}:${e.line} ${e.message}`);

describe('item banks', () => {
	it('load a valid bank', () => {
		const r = load(item('q1') + item('q2'));
		expect(messages(r)).toEqual([]);
		expect(r.items.map((i) => i.id)).toEqual(['q1', 'q2']);
	});
	it('refuse a duplicate id across files, naming both', () => {
		expect(messages(load(item('q1'), item('q1')))).toContain('content/questions/cmaa/f1.yaml:2 item "q1": duplicate id (also in content/questions/cmaa/f0.yaml)');
	});
	it('refuse an unknown competency', () => {
		expect(messages(load(item('q1', { competency: 'cmaa.law.nope' })))).toEqual(['content/questions/cmaa/f0.yaml:2 item "q1": unknown competency "cmaa.law.nope"']);
	});
	it('refuse the same stem twice, even with different punctuation and case', () => {
		expect(messages(load(item('q1', { stem: 'What is the deadline?' }) + item('q2', { stem: 'what is the DEADLINE' })))).toContain(
			'content/questions/cmaa/f0.yaml:14 item "q2": the same stem as item "q1"'
		);
	});
	it('refuse two options that say the same thing, a repeated option id, a short rationale and a missing source', () => {
		expect(messages(load(item('q1', { b: '10 business days' })))).toContain('content/questions/cmaa/f0.yaml:2 item "q1": two options say the same thing');
		expect(messages(load(item('q1', { cId: 'b' })))).toContain('content/questions/cmaa/f0.yaml:2 item "q1": option ids must be a, b, c and d, each once');
		expect(messages(load(item('q1', { why: 'No.' })))[0]).toMatch(/needs a rationale of at least a sentence/);
		expect(messages(load(item('q1', { source: '""' })))[0]).toMatch(/source/);
	});
	it('refuse a key that is not a, b, c or d, and a fifth option', () => {
		expect(messages(load(item('q1', { key: 'e' })))[0]).toMatch(/key/);
		const five = item('q1').replace('    key:', '      - { id: a, text: "extra", why: "An extra option here." }\n    key:');
		expect(messages(load(five))[0]).toMatch(/exactly 4 options/);
	});
});
