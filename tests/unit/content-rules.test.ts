import { describe, expect, it } from 'vitest';
import { parse, VALID } from './fixtures';

function errorsOf(text: string, minDecisions = 3) {
	const r = parse(text, minDecisions);
	expect(r.scenario, 'an invalid scenario must not be returned').toBeUndefined();
	return r.errors;
}

/** The one error a broken fixture must produce, with its line. */
function expectError(text: string, pattern: RegExp, line?: number) {
	const errors = errorsOf(text);
	const hit = errors.find((e) => pattern.test(e.message));
	expect(hit, `expected an error matching ${pattern}, got:\n${errors.map((e) => `${e.line}: ${e.message}`).join('\n')}`).toBeDefined();
	if (line !== undefined) expect(hit!.line).toBe(line);
	expect(hit!.file).toBe('content/scenarios/fixture.md');
}

const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

describe('content validation', () => {
	it('accepts the valid fixture', () => {
		const r = parse(VALID);
		expect(r.errors).toEqual([]);
		expect(r.scenario?.stepOrder).toEqual(['one', 'two', 'three', 'oops']);
		expect(r.scenario?.steps.one?.title).toBe('First');
	});

	it('rejects malformed YAML in the front matter with its line', () => {
		const bad = VALID.replace('minutes: 3', 'minutes: [3');
		expectError(bad, /malformed YAML/);
	});

	it('rejects malformed YAML inside an interaction block with the file line', () => {
		const bad = VALID.replace('prompt: What now?', 'prompt: "What now?');
		const errors = errorsOf(bad);
		expect(errors[0]!.message).toMatch(/malformed YAML/);
		expect(errors[0]!.line).toBeGreaterThanOrEqual(lineOf(VALID, 'prompt: What now?'));
	});

	it('says why an unquoted {{placeholder}} fails, on its line: YAML read it as a map', () => {
		for (const value of ['{{callerName}}', '{{callerName}} asks again']) {
			const bad = VALID.replace('prompt: What now?', `prompt: ${value}`);
			expectError(bad, new RegExp(`YAML read \\{\\{…\\}\\} as a map, not as text: put the value in quotes, e\\.g\\. '${value.replace(/[{}]/g, '\\$&')}'`), lineOf(VALID, 'prompt: What now?'));
			expect(errorsOf(bad)).toHaveLength(1);
		}
	});

	it('names an option by its id and says what is wrong in plain words, not schema paths', () => {
		const bad = VALID.replace('    feedback: Why it is right.\n', '    feedback: Why it is right.\n    text2: x\n').replace("text: The wrong thing", 'text: ""');
		const errors = errorsOf(bad).map((e) => e.message).join('\n');
		expect(errors).toMatch(/option "bad" › text: is too short \(at least 1 character\)/);
		expect(errors).toMatch(/option "good": unknown field "text2"/);
		expect(errors).not.toMatch(/options\.\d/);
	});

	it('refuses a critical error on an option that earns full marks, on that option', () =>
		expectError(VALID.replace('    next: two', '    critical: Said too much.\n    next: two'), /option "good" in step "one" earns full marks but is marked critical/, lineOf(VALID, '- id: good')));

	it('refuses a step heading with no title', () => expectError(VALID.replace('## one: First', '## one'), /step "one" has no title: write the heading as "## one: What happens here"/, lineOf(VALID, '## one')));

	it('rejects an unknown field and names it', () => expectError(VALID.replace('minutes: 3', 'minutes: 3\nminuets: 4'), /unknown field "minuets"/, 7));

	it('rejects a missing required field', () => expectError(VALID.replace('summary: A small scenario used by the unit tests.\n', ''), /summary: is required/));

	it('rejects a step target that does not exist on the option that names it, suggests the near one, and nothing cascades', () => {
		const bad = VALID.replace('next: two', 'next: tow');
		expectError(bad, /option "good" of step "one" leads to "tow", which is not a step of this scenario; did you mean "two"\?/, lineOf(VALID, '- id: good'));
		// "two" now looks unreachable, but that is the same mistake: one message, not three.
		expect(errorsOf(bad)).toHaveLength(1);
	});

	it('rejects a step unreachable from the start', () =>
		expectError(VALID.replace('## debrief', '## orphan: Nobody comes here\nText.\n\n## debrief'), /step "orphan" cannot be reached/));

	it('rejects a path that never ends', () => {
		const loop = VALID.replace('next: end', 'next: two');
		expectError(loop, /no path from step "three" ever ends/);
	});

	it('rejects an unknown competency', () => expectError(VALID.replace('{ c.law.disclosure: 2/2 }', '{ c.law.disclosur: 2/2 }'), /unknown competency "c.law.disclosur"/));

	it('rejects an unknown patient', () => expectError(VALID.replace('patient: pt-a', 'patient: pt-zz'), /unknown patient id "pt-zz"/, 8));

	it('rejects an unknown provider', () => expectError(VALID.replace('patient: pt-a', 'patient: pt-a\nprovider: prov-nobody'), /unknown provider id "prov-nobody"/, 9));

	it('rejects evidence with earned greater than possible', () => expectError(VALID.replace('{ c.law.disclosure: 2/2 }', '{ c.law.disclosure: 3/2 }'), /earned must not exceed possible/));

	it('rejects duplicate step ids', () => expectError(VALID.replace('## oops: The disclosure', '## two: Again'), /duplicate step id "two"/));

	it('rejects duplicate option ids', () => expectError(VALID.replace('  - id: bad', '  - id: good'), /duplicate option id "good"/));

	it('rejects a wrong option without feedback', () =>
		expectError(VALID.replace('    feedback: Why it is wrong (45 CFR 164.510(b)).\n', ''), /option "bad" in step "one" is not the best answer but has no feedback/));

	it('rejects options scored on different scales', () => expectError(VALID.replace('{ c.comm.phone: 0/1 }', '{ c.comm.phone: 0/2 }'), /scored on the same scale/));

	it('rejects evidence for a competency not listed in the front matter', () =>
		expectError(VALID.replace('competencies: [c.comm.phone]', 'competencies: [c.comm.difficult]'), /"c.comm.difficult" is not listed/));

	it('rejects a scenario with fewer decisions than shipped content needs', () => {
		const errors = errorsOf(VALID, 4);
		expect(errors.map((e) => e.message)).toContain('the scenario has 3 decisions; shipped scenarios need at least 4');
	});

	it('rejects a missing debrief', () => expectError(VALID.replace('## debrief\nWhat to learn.\n', ''), /missing the "## debrief"/));

	it('rejects an unknown interaction kind', () => expectError(VALID.replace('```multi-choice', '```multi-choise'), /unknown interaction kind "multi-choise"/));

	it('rejects a placeholder no variant fills', () => expectError(VALID.replace('The phone rings.', 'The phone rings at {{time}}.'), /placeholder \{\{time\}\} is not set by every variant/));

	it('accepts placeholders every variant fills', () => {
		const ok = VALID.replace('The phone rings.', 'The phone rings at {{time}}.').replace('start: one', 'start: one\nvariants:\n  - { time: "9:10" }\n  - { time: "2:40" }');
		expect(parse(ok).errors).toEqual([]);
	});

	it('rejects dialogue without a starting mood', () => {
		const dialogue = VALID.replace(
			'```choice\nprompt: What now?',
			'```dialogue\nsays: "Hello?"\nreplies:'
		).replace(/options:\n  - id: good/, '  - id: good').replace('next: two', 'next: two\n    mood: 1').replace('next: oops', 'next: oops\n    mood: -2');
		expectError(dialogue, /no starting "mood"/);
	});

	it('rejects a dialogue that one poor first reply ends', () => {
		const dialogue = VALID.replace('start: one', 'start: one\nmood: 2')
			.replace('```choice\nprompt: What now?\noptions:', '```dialogue\nsays: "Hello?"\nexit: { atOrBelow: 0, next: oops }\nreplies:')
			.replace('next: two', 'next: two\n    mood: 1')
			.replace('next: oops\n```', 'next: oops\n    mood: -2\n```');
		expectError(dialogue, /a single reply at the start ends the conversation/);
	});

	it('rejects text after the interaction block', () => expectError(VALID.replace('next: three\n```\n', 'next: three\n```\nMore text.\n'), /text after the interaction/));

	it('rejects a triage item in an unknown category', () => {
		const triage = VALID.replace(
			/```multi-choice[\s\S]*?next: three\n```/,
			'```triage\nprompt: Sort\nmode: classify\ncategories: [{ id: now, label: Now }, { id: later, label: Later }]\ncompetencies: [c.comm.phone]\nitems:\n  - { id: a, text: A, category: now, feedback: f }\n  - { id: b, text: B, category: soon, feedback: f }\nnext: three\n```'
		);
		expectError(triage, /item "b" names unknown category "soon"/);
	});
});
