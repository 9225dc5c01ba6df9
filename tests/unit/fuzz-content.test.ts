/**
 * Fuzzing the parsers of authored text: scenario files (checkAuthored, which the /author/ page and a
 * student's browser run on an instructor's scenario, through parseScenario), item banks and the
 * clinic files (build-time only, fuzzed because it is cheap). Arbitrary text, and line- and
 * character-level damage to shipped files of every interaction kind. Never an exception; every
 * problem has a line inside the file and a reason. Seed: tests/support/fuzz.ts.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readContentFiles } from '../../scripts/read-content';
import { loadContent, type ContentError } from '../../src/lib/content';
import { checkAuthored, MAX_AUTHORED_CHARS } from '../../src/lib/authoring';
import { loadQuestions } from '../../src/lib/content/questions';
import { loadWorld, OFFICE_FILES } from '../../src/lib/content/world';
import { fillTemplate } from '../../src/lib/content/template';
import { FrontMatter } from '../../src/lib/content/schema/scenario';
import { announceSeed, fuzzSummary, applyEdit, isSpecific, MARKUP, prototypesClean, runs, textEdit, UNICODE } from '../support/fuzz';

const files = readContentFiles();
delete files['content/codesets/icd10cm-2026.tsv'];
delete files['content/codesets/hcpcs-2025oct.tsv'];
const content = loadContent(files).content!;
const shipped = new Set(content.scenarios.map((s) => s.meta.id));
const check = (text: string) => checkAuthored(text, content.world, content.competencies.frameworks, shipped);

/** The smallest shipped scenario with each interaction kind, renamed custom- as an instructor would. */
const samples: { kind: string; source: string }[] = [];
for (const s of [...content.scenarios].sort((a, b) => files[a.file]!.length - files[b.file]!.length))
	for (const step of Object.values(s.steps)) {
		const kind = step.interaction?.kind;
		if (kind && !samples.some((x) => x.kind === kind)) samples.push({ kind, source: files[s.file]!.replace(/^id: (.*)$/m, 'id: custom-$1') });
	}

beforeAll(() => announceSeed('fuzz-content'));

/** YAML values that break naive loaders: every type, odd numbers, tags, anchors and aliases, markup, deep and huge. */
const YAML_VALUES = [
	'.nan', '.inf', '-.inf', '-1', '-0', '1e400', '0x7fffffff', '0o17', '~', 'null', 'true', '[]', '{}', '""', "''",
	'!!binary aGVsbG8=', '!!set {a, b}', '!!js/function "x"', '!!js/undefined', '!!timestamp 2026-01-01', '!<tag:yaml.org,2002:omap> []',
	'&anchor x', '*anchor', '*nothing', '<<: {a: 1}', '? complex', '|\n  block', '>-\n  folded', '"\\ud800"', '"\\u202e"', '"\\0"', '"\\x00"',
	'{{constructor.name}}', '{{toString}}', '{{patient.__proto__}}', '{{ unknown }}', '[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]',
	'['.repeat(3_000) + ']'.repeat(3_000), '{a: '.repeat(1_000) + '1' + '}'.repeat(1_000), `'${'x'.repeat(60_000)}'`,
	...MARKUP.map((m) => JSON.stringify(m)),
	...UNICODE.map((u) => JSON.stringify(u))
];
/** Whole lines to drop in: keys that attack prototypes, duplicate keys, alias bombs, headings and fences. */
const YAML_LINES = [
	'__proto__: {polluted: yes}', 'constructor: {prototype: {polluted: yes}}', 'prototype: x', 'toString: x', 'hasOwnProperty: x',
	'a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
	'## step', '## end: Reserved', '## debrief', '## Bad Id: Title', '```choice', '```', '```unknown-kind', '---', '...', '%YAML 1.1', '\t- tab', '- ', ': x', '"unclosed',
	...MARKUP, ...UNICODE
];

type LineEdit = { line: number; op: 'value' | 'insert' | 'duplicate' | 'delete' | 'swap' | 'indent'; pick: number };

const lineEdit = (lines: number) =>
	fc.record({ line: fc.nat({ max: lines - 1 }), op: fc.constantFrom('value', 'value', 'insert', 'duplicate', 'delete', 'swap', 'indent'), pick: fc.nat() }) as fc.Arbitrary<LineEdit>;

function applyLineEdit(text: string, e: LineEdit): string {
	const lines = text.split('\n');
	const l = lines[e.line] ?? '';
	switch (e.op) {
		case 'value': {
			// Replace what follows "key:" (or a list item's dash) with a hostile value, keeping the key and indentation.
			const m = /^(\s*(?:- )?[^:\s][^:]*:\s?|\s*- )/.exec(l);
			lines[e.line] = `${m ? m[1] : ''}${YAML_VALUES[e.pick % YAML_VALUES.length]}`;
			break;
		}
		case 'insert': {
			const indent = /^\s*/.exec(l)![0];
			lines.splice(e.line, 0, ...YAML_LINES[e.pick % YAML_LINES.length]!.split('\n').map((x) => indent + x));
			break;
		}
		case 'duplicate':
			lines.splice(e.line, 0, l);
			break;
		case 'delete':
			lines.splice(e.line, 1);
			break;
		case 'swap': {
			const other = e.pick % lines.length;
			[lines[e.line], lines[other]] = [lines[other]!, l];
			break;
		}
		case 'indent':
			lines[e.line] = ' '.repeat(1 + (e.pick % 5)) + l;
			break;
	}
	return lines.join('\n');
}

/** Every problem points at a line of the text and says what is wrong. */
function expectWellReported(errors: ContentError[], text: string) {
	const lines = text.split('\n').length;
	for (const e of errors) {
		expect(Number.isInteger(e.line) && e.line >= 1 && e.line <= lines + 1, `line ${e.line} of ${lines}: ${e.message}`).toBe(true);
		expect(isSpecific(e.message), e.message).toBe(true);
	}
}

/** An accepted scenario is plain JSON (as the build and the authored store keep it) and parses the same again. */
function expectSound(text: string, r: ReturnType<typeof check>) {
	if (!r.scenario) return expect(r.errors.length).toBeGreaterThan(0);
	expect(r.errors).toEqual([]);
	expect(r.scenario.meta.id.startsWith('custom-')).toBe(true);
	expect(FrontMatter.safeParse(r.scenario.meta).success).toBe(true);
	expect(JSON.parse(JSON.stringify(r.scenario))).toEqual(r.scenario);
	expect(check(text).scenario?.hash).toBe(r.scenario.hash);
}

afterAll(() => fuzzSummary('fuzz-content'));

describe('authored scenarios: hostile input', () => {
	it(`the samples (one for each of ${samples.length} interaction kinds) pass as they are`, () => {
		expect(samples.map((s) => s.kind).sort()).toEqual(['choice', 'claim', 'code', 'dialogue', 'index', 'multi-choice', 'remittance', 'schedule', 'triage', 'verify']);
		for (const s of samples) expect(check(s.source).errors, s.kind).toEqual([]);
	});

	it('arbitrary text, with or without front matter, never throws and every problem has a line and a reason', () => {
		fc.assert(
			fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), fc.string({ maxLength: 400 }).map((s) => `---\n${s}\n---\n${s}`), fc.array(fc.constantFrom(...YAML_LINES, 'id: custom-x', 'title: A title', '## one: One', 'text'), { maxLength: 30 }).map((l) => `---\n${l.join('\n')}`)), (text) => {
				const r = check(text);
				expect(r.scenario).toBeUndefined();
				expect(r.errors.length).toBeGreaterThan(0);
				expectWellReported(r.errors, text);
				expect(prototypesClean()).toBe(true);
			}),
			runs(500)
		);
	}, 30_000);

	it('line damage to a scenario of every kind (hostile values, prototype keys, duplicate keys, alias bombs, stray headings) is reported on a line or checked whole', () => {
		fc.assert(
			fc.property(fc.constantFrom(...samples), fc.integer({ min: 1, max: 3 }), fc.infiniteStream(lineEdit(400)), ({ source }, n, edits) => {
				let text = source;
				for (const e of edits.take(n)) text = applyLineEdit(text, { ...e, line: e.line % text.split('\n').length });
				const r = check(text);
				expectWellReported(r.errors, text);
				expectSound(text, r);
				expect(prototypesClean()).toBe(true);
			}),
			runs(700)
		);
	}, 30_000);

	it('character damage (flips, cuts, markup, lone surrogates, RTL overrides, NUL, repeated runs) never throws', () => {
		fc.assert(
			fc.property(fc.constantFrom(...samples), fc.array(textEdit(12_000), { minLength: 1, maxLength: 3 }), ({ source }, edits) => {
				const text = edits.reduce((t, e) => applyEdit(t, { ...e, at: e.at % Math.max(1, t.length) }), source);
				const r = check(text);
				expectWellReported(r.errors, text);
				expectSound(text, r);
			}),
			runs(400)
		);
	}, 30_000);

	it('refuses text over the size limit by naming the limit, without parsing it', () => {
		const r = check(samples[0]!.source + '\n'.repeat(MAX_AUTHORED_CHARS));
		expect(r.errors).toEqual([{ file: 'your scenario', line: 1, message: expect.stringContaining(`at most ${MAX_AUTHORED_CHARS}`) }]);
	});

	it('regressions: an alias bomb, a present field of the wrong type, a prototype-named placeholder', () => {
		const source = samples[0]!.source;
		const bomb = source.replace(/^---\n/, `---\n${YAML_LINES.find((l) => l.includes('&b'))!}\n`);
		expect(check(bomb).errors.map((e) => e.message)).toContain('malformed YAML: too many aliases (*name) expand the text; write the values out');
		// A field that is there but of the wrong type is not "required".
		const wrongType = source.replace(/^minutes: .*$/m, 'minutes: .nan');
		expect(check(wrongType).errors.map((e) => e.message)).toContain('minutes: should be a number');
		const deep = source.replace(/^tags: .*$/m, `tags: ${'['.repeat(5_000)}${']'.repeat(5_000)}`).replace(/^---\n/, `---\ntags: ${'['.repeat(5_000)}${']'.repeat(5_000)}\n`);
		expect(check(deep).errors[0]!.message).toMatch(/malformed YAML/);
		const proto = source.replace(/^## debrief\n/m, '## debrief\nAsk {{constructor.name}} or {{toString}}.\n');
		expect(check(proto).errors.map((e) => e.message)).toEqual(expect.arrayContaining(['unknown placeholder {{constructor.name}}', 'placeholder {{toString}} is not set by every variant']));
		expect(fillTemplate('{{constructor}} {{toString}} {{x}}', { x: 'y' })).toBe('{{constructor}} {{toString}} y');
	});
});

describe('item banks and clinic files: hostile input', () => {
	const bankPath = 'content/questions/cmaa/model-items.yaml';
	const bank = files[bankPath]!;
	const competencies = new Set(content.competencies.frameworks.flatMap((f) => f.domains.flatMap((d) => d.competencies.map((c) => c.id))));

	it('an item bank with line or character damage never throws; each problem names its file, line and reason', () => {
		expect(loadQuestions({ [bankPath]: bank }, competencies).errors).toEqual([]);
		fc.assert(
			fc.property(fc.oneof(fc.array(lineEdit(200), { minLength: 1, maxLength: 3 }).map((es) => es.reduce((t, e) => applyLineEdit(t, { ...e, line: e.line % t.split('\n').length }), bank)), fc.array(textEdit(bank.length), { minLength: 1, maxLength: 2 }).map((es) => es.reduce(applyEdit, bank)), fc.string({ unit: 'binary', maxLength: 200 })), (text) => {
				const r = loadQuestions({ [bankPath]: text }, competencies);
				expectWellReported(r.errors, text);
				for (const e of r.errors) expect(e.file).toBe(bankPath);
				if (!r.errors.length) for (const item of r.items) expect(item.options).toHaveLength(4);
			}),
			runs(500)
		);
	}, 30_000);

	it('a damaged clinic file never throws; each problem names its file and line', () => {
		// The clinic is read at build time only (no page takes it from a user), so fewer runs.
		const keys = Object.keys(OFFICE_FILES) as (keyof typeof OFFICE_FILES)[];
		fc.assert(
			fc.property(fc.constantFrom(...keys), fc.array(lineEdit(800), { minLength: 1, maxLength: 2 }), (key, es) => {
				const path = OFFICE_FILES[key].path;
				const text = es.reduce((t, e) => applyLineEdit(t, { ...e, line: e.line % t.split('\n').length }), files[path]!);
				const r = loadWorld({ ...files, [path]: text });
				expectWellReported(r.errors, text);
				for (const e of r.errors) expect(e.file).toBe(path);
			}),
			runs(40)
		);
	}, 30_000);
});
