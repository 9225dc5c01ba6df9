/**
 * One mistake, one message: each broken file below has a single thing wrong, and the author check
 * must say so once, on the line of the mistake, in an author's words (no internal paths such as
 * "options.2.evidence", no validator wording such as "Too small").
 */
import { describe, expect, it } from 'vitest';
import { readContentFiles } from '../../scripts/read-content';
import { loadContent } from '../../src/lib/content';
import { checkAuthored } from '../../src/lib/authoring';
import { AUTHOR_TEMPLATES } from '../../src/lib/author-templates';

const files = readContentFiles();
delete files['content/codesets/icd10cm-2026.tsv'];
delete files['content/codesets/hcpcs-2025oct.tsv'];
const content = loadContent(files).content!;
const check = (text: string) => checkAuthored(text, content.world, content.competencies.frameworks, new Set());
const template = (kind: string) => AUTHOR_TEMPLATES.find((t) => t.kind === kind)!.text;

/** Replaces exactly one occurrence, so each case breaks one thing. */
function breakOnce(text: string, from: string, to: string): string {
	const at = text.indexOf(from);
	if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`"${from}" must occur exactly once`);
	return text.slice(0, at) + to + text.slice(at + from.length);
}
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

interface Case {
	name: string;
	text: string;
	/** The line the message must be on: the first line containing this text. */
	at: string;
	says: RegExp;
}

const choice = template('choice');
const cases: Case[] = [
	{
		name: 'a wrong quote (never closed)',
		text: breakOnce(choice, `text: '"I will send this to the nurse and she will call you back today."'`, `text: '"I will send this to the nurse and she will call you back today."`),
		at: `text: '"I will send this to the nurse`,
		says: /quote/i
	},
	{
		name: 'an unknown competency in an option',
		text: breakOnce(choice, 'evidence: { cmaa.communication.telephone: 0/2 }\nnext: callback', 'evidence: { cmaa.communication.telephon: 0/2 }\nnext: callback'),
		at: '- id: promise',
		says: /option "promise" in step "greet": unknown competency "cmaa\.communication\.telephon".*did you mean "cmaa\.communication\.telephone"/
	},
	{
		name: 'an unknown competency in the front matter',
		text: breakOnce(choice, 'competencies: [cmaa.communication.telephone]', 'competencies: [cmaa.communication.telephon]'),
		at: 'competencies: [',
		says: /unknown competency "cmaa\.communication\.telephon".*did you mean "cmaa\.communication\.telephone"/
	},
	{
		name: 'a missing feedback on a wrong option',
		text: breakOnce(choice, '    feedback: Only the provider decides a refill; promising one sets up a broken promise.\n', ''),
		at: '- id: promise',
		says: /option "promise" .* no feedback/
	},
	{
		name: 'an impossible schedule task',
		text: breakOnce(template('schedule'), 'availability: [{ from: "13:00", to: "17:00" }]', 'providers: [prov-kealoha]\n    availability: [{ days: [fri], from: "13:00", to: "17:00" }]'),
		at: '- id: book-follow-up',
		says: /task "book-follow-up" .* has no booking that earns full marks \(Jordan Kealoha, PA-C does not work Fridays/
	},
	{
		name: 'an unquoted placeholder',
		text: breakOnce(template('dialogue'), `speaker: '{{patient.name}}'`, 'speaker: {{patient.name}}'),
		at: 'speaker: {{',
		says: /YAML read \{\{…\}\} as a map, not as text: put the value in quotes, e.g. '\{\{patient\.name\}\}'/
	},
	{
		name: 'a critical on the best option',
		text: breakOnce(choice, '    feedback: Right. Refills go to the clinical team; you say who calls back and when.\n', '    feedback: Right. Refills go to the clinical team; you say who calls back and when.\n    critical: Sent the refill to the nurse.\n'),
		at: '- id: route',
		says: /option "route" .* earns full marks but is marked critical/
	},
	{
		name: 'a mistyped next',
		text: breakOnce(choice, 'next: callback', 'next: calback'),
		at: 'next: calback',
		says: /leads to "calback", which is not a step of this scenario; did you mean "callback"\?/
	},
	{
		name: 'a missing debrief',
		text: breakOnce(choice, '## debrief\nSay here what the learner should take away, in two or three sentences.\n', ''),
		at: 'END',
		says: /missing the "## debrief" section/
	},
	{
		name: 'a heading without a title',
		text: breakOnce(choice, '## callback: The callback number', '## callback'),
		at: '## callback',
		says: /step "callback" has no title: write the heading as "## callback: What happens here"/
	},
	{
		name: 'an unknown field',
		text: breakOnce(choice, 'prompt: What do you say first?', 'promt: What do you say first?'),
		at: 'promt:',
		says: /unknown field "promt"/
	},
	{
		name: 'a summary too short',
		text: breakOnce(choice, 'summary: A caller asks for a refill; the learner decides what to say. Replace this with your story.', 'summary: Refill.'),
		at: 'summary:',
		says: /summary: is too short \(at least 10 characters\)/
	}
];

describe('broken scenario files: one message each, on the right line, in plain words', () => {
	it('the unbroken templates pass', () => {
		for (const kind of ['choice', 'schedule', 'dialogue']) expect(check(template(kind)).errors).toEqual([]);
	});
	for (const c of cases)
		it(c.name, () => {
			const errors = check(c.text).errors;
			expect(errors.map((e) => `${e.line}: ${e.message}`)).toHaveLength(1);
			const [e] = errors;
			expect(e!.message).toMatch(c.says);
			// A missing section is reported at the end of the file, where it belongs.
			expect(e!.line).toBe(c.at === 'END' ? c.text.split('\n').length : lineOf(c.text, c.at));
			expect(e!.message).not.toMatch(/\b(options|replies|items|tasks)\.\d|Too small|Too big|Invalid input|expected string/);
		});
});
