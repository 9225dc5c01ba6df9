/**
 * Fuzzing the item-bank loader (src/lib/content/questions.ts): a shipped bank taken apart as a tree
 * and mutated at every path (every wrong type, prototype-named keys, duplicate keys, deep nesting,
 * huge values), items repeated within and across files (duplicate ids and stems), fields at their
 * length limits, and several banks at once. Never an exception, bounded time per input; each
 * problem names its file, a line inside it and the reason; what is accepted keeps every rule.
 * fuzz-content.test.ts adds line and character damage to the YAML text. Seed: tests/support/fuzz.ts.
 */
import fc from 'fast-check';
import { parse as parseYamlText } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readContentFiles } from '../../scripts/read-content';
import { loadContent } from '../../src/lib/content';
import { loadQuestions, QUESTION_DIR } from '../../src/lib/content/questions';
import type { ContentError } from '../../src/lib/content/errors';
import { announceSeed, fuzzSummary, isSpecific, mutatedTree, prototypesClean, runs, toText } from '../support/fuzz';

const files = readContentFiles();
delete files['content/codesets/icd10cm-2026.tsv'];
delete files['content/codesets/hcpcs-2025oct.tsv'];
const content = loadContent(files).content!;
const competencies = new Set(content.competencies.frameworks.flatMap((f) => f.domains.flatMap((d) => d.competencies.map((c) => c.id))));
const bankPath = `${QUESTION_DIR}cmaa/model-items.yaml`;
const bank = parseYamlText(files[bankPath]!) as { items: Record<string, unknown>[] };
const item = bank.items[0]!;
/** A bank as an author writes it; JSON is YAML, so the mutated trees are written as JSON text. */
const asText = (tree: unknown) => toText(tree);
/** A hang detector, not a timing: each input is done in milliseconds on a quiet machine, and in a few seconds on a machine shared with builds (the whole 500-item shipped set loads in a fraction of this). */
const PER_INPUT_MS = 10_000;

beforeAll(() => announceSeed('fuzz-questions'));
afterAll(() => fuzzSummary('fuzz-questions'));

function load(bankFiles: Record<string, string>) {
	const started = performance.now();
	const r = loadQuestions(bankFiles, competencies);
	expect(performance.now() - started, 'time for one input').toBeLessThan(PER_INPUT_MS);
	expect(prototypesClean()).toBe(true);
	return r;
}

/** Every problem names one of the files, a line inside it, and what is wrong. */
function expectWellReported(errors: ContentError[], bankFiles: Record<string, string>) {
	for (const e of errors) {
		expect(Object.hasOwn(bankFiles, e.file), `problem in a file that was given: ${e.file}`).toBe(true);
		const lines = bankFiles[e.file]!.split('\n').length;
		expect(Number.isInteger(e.line) && e.line >= 1 && e.line <= lines + 1, `line ${e.line} of ${lines}: ${e.message}`).toBe(true);
		expect(isSpecific(e.message), e.message).toBe(true);
	}
}

/** What a clean load returns keeps every rule the loader promises. */
function expectSound(r: ReturnType<typeof loadQuestions>) {
	if (r.errors.length) return;
	const ids = r.items.map((i) => i.id);
	expect(new Set(ids).size).toBe(ids.length);
	for (const i of r.items) {
		expect(i.options.map((o) => o.id).sort()).toEqual(['a', 'b', 'c', 'd']);
		expect(['a', 'b', 'c', 'd']).toContain(i.key);
		expect(competencies.has(i.competency)).toBe(true);
		expect(typeof i.stem === 'string' && i.stem.length >= 15).toBe(true);
		expect(Object.getPrototypeOf(i)).toBe(Object.prototype);
	}
	expect(JSON.parse(JSON.stringify(r.items))).toEqual(r.items);
}

describe('item banks: hostile input', () => {
	it('the sample bank loads as it is, from its YAML and from its JSON form', () => {
		expect(load({ [bankPath]: files[bankPath]! }).errors).toEqual([]);
		expect(load({ [bankPath]: asText(bank) }).errors).toEqual([]);
	});

	it('a bank mutated at any path (wrong types, prototype keys, duplicate keys, deep nesting, huge values) is refused by name or loaded sound', () => {
		fc.assert(
			fc.property(mutatedTree(bank), ({ tree }) => {
				const bankFiles = { [bankPath]: asText(tree) };
				const r = load(bankFiles);
				expectWellReported(r.errors, bankFiles);
				expectSound(r);
			}),
			runs(1500)
		);
	}, 120_000);

	it('items repeated, renamed and spread over several files: a duplicate id or stem is never accepted, and is named wherever it is', () => {
		const variants = fc.record({
			id: fc.constantFrom(String(item.id), 'constructor', '__proto__', 'toString', 'hasOwnProperty', 'x'.repeat(80), 'x'.repeat(81), 'a', 'cmaa-x'),
			stem: fc.constantFrom(String(item.stem), 'S'.repeat(14), 'S'.repeat(15), `${String(item.stem).toUpperCase()}!`, 'Which one is right here?'),
			competency: fc.constantFrom(String(item.competency), 'constructor', '__proto__', 'cmaa.none'),
			why: fc.constantFrom('x'.repeat(9), 'x'.repeat(10), 'Because the rule says so.')
		});
		fc.assert(
			fc.property(fc.array(fc.tuple(fc.nat({ max: 3 }), variants), { minLength: 1, maxLength: 8 }), (placed) => {
				const bankFiles: Record<string, string> = {};
				const byFile = new Map<number, unknown[]>();
				for (const [f, v] of placed) {
					const options = (item.options as Record<string, unknown>[]).map((o) => ({ ...o, why: v.why }));
					byFile.set(f, [...(byFile.get(f) ?? []), { ...item, id: v.id, stem: v.stem, competency: v.competency, options }]);
				}
				for (const [f, items] of byFile) bankFiles[`${QUESTION_DIR}fuzz/bank-${f}.yaml`] = asText({ items });
				const r = load(bankFiles);
				expectWellReported(r.errors, bankFiles);
				expectSound(r);
				// The same id twice, anywhere, is never accepted (a file refused for another reason is not read further),
				// and is named as such when every file is otherwise sound.
				const ids = placed.map(([, v]) => v.id);
				if (new Set(ids).size < ids.length) {
					expect(r.errors.length).toBeGreaterThan(0);
					if (r.errors.every((e) => /duplicate id|same stem|unknown competency/.test(e.message))) expect(r.errors.map((e) => e.message).join('\n')).toMatch(/duplicate id/);
				}
			}),
			runs(600)
		);
	}, 60_000);

	it('regressions: a prototype-named id or competency, the same id in two files, fields one under their limits', () => {
		const one = (over: Record<string, unknown>) => asText({ items: [{ ...item, ...over }] });
		const a = `${QUESTION_DIR}x/a.yaml`;
		const b = `${QUESTION_DIR}x/b.yaml`;
		expect(load({ [a]: one({ competency: 'constructor' }) }).errors.map((e) => e.message)).toEqual([`item "${String(item.id)}": unknown competency "constructor"`]);
		const twice = load({ [a]: one({}), [b]: one({ stem: 'Another stem, long enough to pass.' }) });
		expect(twice.errors).toEqual([{ file: b, line: expect.any(Number), message: `item "${String(item.id)}": duplicate id (also in ${a})` }]);
		expect(load({ [a]: one({ stem: 'S'.repeat(14) }) }).errors[0]!.message).toMatch(/stem/);
		const proto = load({ [a]: one({ id: '__proto__' }) });
		expect(proto.errors.length ? proto.errors[0]!.message : proto.items[0]!.id).toMatch(/__proto__/);
		expect(prototypesClean()).toBe(true);
	});
});
