import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/content';
import { readContentFiles } from '../../scripts/read-content';
import { phoneLine } from '../../src/lib/office/phone';
import { parse, VALID } from './fixtures';

const scenarios = new Map(loadContent(readContentFiles()).content!.scenarios.map((s) => [s.meta.id, s]));
const meta = (id: string) => scenarios.get(id)!.meta;

describe('the phone bar', () => {
	it('says the line the story puts the call on', () => {
		expect(phoneLine(meta('communication-billing-surprise'), 'opening')).toMatch(/^Line 1 · connected · Robert Hayes/);
		expect(phoneLine(meta('hipaa-caller-says-spouse'), 'call')).toMatch(/^Line 2 · connected/);
		expect(phoneLine(meta('triage-chest-pain-call'), 'call')).toMatch(/^Line 2 · connected · Walter Nguyen/);
	});

	it('names each caller of a scenario with several, on their own line', () => {
		const m = meta('triage-clinical-question-to-nurse');
		expect(phoneLine(m, 'ibuprofen')).toBe('Line 1 · connected · Marcus Carter · (555) 555-0131');
		expect(phoneLine(m, 'blood-pressure')).toBe('Line 2 · connected · Betty Harmon');
		expect(phoneLine(m, 'lab-result')).toBe('Line 1 · connected · Thomas Begay');
		const triage = meta('triage-monday-morning-calls');
		expect(phoneLine(triage, 'sort')).not.toMatch(/caller|Line 1/);
		expect(phoneLine(triage, 'line-two')).toBe('Line 2 · connected · Doris Ellsworth');
	});

	it('defaults to line 1 and the patient, and never says just "caller"', () => {
		expect(phoneLine({}, 'x', 'Ana Diaz')).toBe('Line 1 · connected · Ana Diaz');
		expect(phoneLine({}, 'x')).toBe('Line 1 · connected');
	});

	it('refuses a call listed for a step the scenario does not have', () => {
		const text = VALID.replace('start: one', 'start: one\nline: 3\ncalls:\n  - { steps: [one, nowhere], name: Pat Doe, line: 2 }');
		const r = parse(text);
		expect(r.errors.map((e) => e.message)).toEqual([expect.stringContaining('calls: step "nowhere" does not exist')]);
		expect(parse(VALID.replace('start: one', 'start: one\nline: 0')).errors[0]!.message).toMatch(/line/);
	});
});
