/**
 * Shared pieces of the fuzz suite (tests/unit/fuzz-*.test.ts): the seed, hostile values, and
 * mutations of valid samples as JSON trees or as text. Test code, not app code.
 *
 * Replay a failure: fast-check prints `seed` and `path`; run with FUZZ_SEED=<seed> (and, to go
 * straight to the failing case, FUZZ_PATH=<path>). FUZZ_RUNS=<factor> multiplies every run count
 * for a longer hunt, e.g. FUZZ_RUNS=20 before a release.
 */
import fc from 'fast-check';
import { expect } from 'vitest';

export const FUZZ_SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 20_261_125;
const FACTOR = process.env.FUZZ_RUNS ? Number(process.env.FUZZ_RUNS) : 1;

/** fast-check parameters: the fixed (or given) seed and this property's share of the run budget. */
export function runs(numRuns: number): fc.Parameters<unknown> {
	const n = Math.max(1, Math.round(numRuns * FACTOR));
	// Tallied under the test's outer describe (the parser), for fuzzSummary; a failing property stops early and fails its test.
	const parser = (expect.getState().currentTestName ?? 'outside a test').split(' > ')[0]!;
	tally.set(parser, (tally.get(parser) ?? 0) + n);
	return { seed: FUZZ_SEED, numRuns: n, ...(process.env.FUZZ_PATH ? { path: process.env.FUZZ_PATH } : {}), endOnFailure: true };
}

const tally = new Map<string, number>();

/** One line per fuzz file: how many generated inputs each parser took (call in afterAll). */
export function fuzzSummary(file: string): void {
	const total = [...tally.values()].reduce((a, b) => a + b, 0);
	console.log(`${file}: ${total} generated inputs (${[...tally].map(([parser, k]) => `${parser}: ${k}`).join('; ')})`);
}

export function announceSeed(file: string): void {
	console.info(`${file}: fuzz seed ${FUZZ_SEED} (replay with FUZZ_SEED=${FUZZ_SEED}; FUZZ_RUNS=<factor> runs more)`);
}

/** The payloads a hostile file carries in its text fields. */
export const MARKUP = [
	'<script>window.__pwned=1</script>',
	'<img src=x onerror="window.__pwned=1">',
	'<a href="javascript:window.__pwned=1">x</a>',
	'<svg onload="window.__pwned=1"><script>window.__pwned=1</script></svg>',
	'<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
	'<style>body{background:url(https://evil.example/x)}</style>',
	'<!-- x -->',
	'</textarea><script>x</script>',
	'<?xml version="1.0"?>'
];

/** Strings that break naive code: lone surrogates, direction overrides, NUL, BOM, zero width, combining marks. */
export const UNICODE = ['\uD800', '\uDFFF', 'a\uD83D', '\u202Egnp.exe', '\u202Dx\u202C', '\u0000', 'a\u0000b', '\uFEFF', '\u200B', 'e\u0301\u0301\u0301', '😀', 'İı', '\r\n', '\u2028\u2029', '\\u0000', '%00', '../../etc/passwd'];

/** A text-level marker: emitted verbatim by toText (NaN, Infinity as 1e999, deep nesting, broken JSON). */
export class Raw {
	constructor(readonly text: string) {}
}
/** An object with keys in this order, duplicates allowed (JSON.parse keeps the last). */
export class Entries {
	constructor(readonly pairs: [string, unknown][]) {}
}

export const deepArray = (n: number) => new Raw('['.repeat(n) + ']'.repeat(n));
export const deepObject = (n: number) => new Raw('{"a":'.repeat(n) + '1' + '}'.repeat(n));

/** Serialises a tree that may hold Raw and Entries nodes; everything else as JSON.stringify would. */
export function toText(v: unknown): string {
	if (v instanceof Raw) return v.text;
	if (v instanceof Entries) return `{${v.pairs.map(([k, x]) => `${JSON.stringify(k)}:${toText(x)}`).join(',')}}`;
	if (Array.isArray(v)) return `[${v.map((x) => (x === undefined ? 'null' : toText(x))).join(',')}]`;
	if (v !== null && typeof v === 'object') {
		// Own keys, so an own "__proto__" (made by JSON.parse or defineProperty) is written out too.
		const keys = Object.keys(v).filter((k) => (v as Record<string, unknown>)[k] !== undefined);
		return `{${keys.map((k) => `${JSON.stringify(k)}:${toText((v as Record<string, unknown>)[k])}`).join(',')}}`;
	}
	return JSON.stringify(v) ?? 'null';
}

/** Values of every wrong type and every awkward number, for "wrong type at this path". */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
	fc.constantFrom<unknown>(null, true, false, 0, -1, -0, 0.5, 2 ** 53 + 1, 1e308, -1e308, 5e-324, '', ' ', '0', '1', 'true', 'null', [], {}, [null], [[]], { a: 1 }),
	fc.constantFrom(new Raw('NaN'), new Raw('1e999'), new Raw('-1e999'), new Raw('Infinity'), new Raw('undefined'), new Raw('"\\ud800"'), new Raw('"\\u0000"')),
	fc.constantFrom(...MARKUP, ...UNICODE),
	fc.constantFrom(deepArray(3000), deepObject(3000)),
	fc.constantFrom('x'.repeat(100_000), 'é'.repeat(5_000)),
	fc.integer({ min: -(2 ** 40), max: 2 ** 40 }),
	fc.double(),
	fc.string({ unit: 'binary', maxLength: 30 }),
	fc.jsonValue({ maxDepth: 3 })
);

type Path = (string | number)[];

/** Every path into a JSON tree (objects and arrays), root first; capped so huge samples stay cheap. */
export function pathsOf(v: unknown, cap = 5_000): Path[] {
	const out: Path[] = [];
	const walk = (x: unknown, p: Path) => {
		if (out.length >= cap) return;
		out.push(p);
		if (Array.isArray(x)) x.forEach((y, i) => walk(y, [...p, i]));
		else if (x !== null && typeof x === 'object') for (const k of Object.keys(x)) walk((x as Record<string, unknown>)[k], [...p, k]);
	};
	walk(v, []);
	return out;
}

export type Mutation =
	| { op: 'replace'; value: unknown }
	| { op: 'delete' }
	| { op: 'add-key'; key: string; value: unknown }
	| { op: 'duplicate-key'; value: unknown }
	| { op: 'proto'; key: '__proto__' | 'constructor' | 'prototype' }
	| { op: 'wrap' }
	| { op: 'grow' };

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
	{ weight: 6, arbitrary: hostileValue.map((value) => ({ op: 'replace' as const, value })) },
	{ weight: 2, arbitrary: fc.constant({ op: 'delete' as const }) },
	{ weight: 1, arbitrary: fc.record({ op: fc.constant('add-key' as const), key: fc.constantFrom('admin', 'eval', 'x', '', ' ', 'toString', 'hasOwnProperty', 'valueOf'), value: hostileValue }) },
	{ weight: 2, arbitrary: hostileValue.map((value) => ({ op: 'duplicate-key' as const, value })) },
	{ weight: 2, arbitrary: fc.constantFrom('__proto__' as const, 'constructor' as const, 'prototype' as const).map((key) => ({ op: 'proto' as const, key })) },
	{ weight: 1, arbitrary: fc.constant({ op: 'wrap' as const }) },
	{ weight: 1, arbitrary: fc.constant({ op: 'grow' as const }) }
);

const POLLUTION = { polluted: 'yes', isAdmin: true, toString: 'x' };

/**
 * Applies one mutation at one path of a JSON tree (a copy; the sample is left alone). Returns the
 * new tree, which may hold Raw and Entries nodes: write it with toText.
 */
export function mutate(sample: unknown, path: Path, m: Mutation): unknown {
	const root = structuredClone(sample);
	const at = (p: Path) => p.reduce<unknown>((x, k) => (x as Record<string | number, unknown>)[k], root);
	const parentPath = path.slice(0, -1);
	const key = path[path.length - 1];
	const set = (value: unknown): unknown => {
		if (key === undefined) return value;
		(at(parentPath) as Record<string | number, unknown>)[key] = value;
		return root;
	};
	const target = at(path);
	const isObject = target !== null && typeof target === 'object' && !Array.isArray(target);
	switch (m.op) {
		case 'replace':
			return set(m.value);
		case 'delete':
			if (key === undefined) return new Raw('');
			if (Array.isArray(at(parentPath))) (at(parentPath) as unknown[]).splice(key as number, 1);
			else delete (at(parentPath) as Record<string, unknown>)[key as string];
			return root;
		case 'add-key':
			if (!isObject) return set(new Entries([[m.key, m.value]]));
			return set(new Entries([...Object.entries(target as object), [m.key, m.value]]));
		case 'duplicate-key': {
			// The same key again after the real one: JSON.parse keeps the hostile second value.
			if (key === undefined || Array.isArray(at(parentPath))) return set(m.value);
			const parent = at(parentPath) as Record<string, unknown>;
			return setParent(root, parentPath, new Entries([...Object.entries(parent), [key as string, m.value]]));
		}
		case 'proto': {
			const pairs: [string, unknown][] = isObject ? Object.entries(target as object) : [];
			return set(new Entries([[m.key, m.key === 'constructor' ? { prototype: POLLUTION } : POLLUTION], ...pairs]));
		}
		case 'wrap':
			return set([target]);
		case 'grow':
			return set(Array.isArray(target) ? Array.from({ length: 600 }, () => target[0] ?? null) : typeof target === 'string' ? target.repeat(50).padEnd(5_000, 'x') : typeof target === 'number' ? target * 1e6 + 1 : target);
	}
}

function setParent(root: unknown, parentPath: Path, value: unknown): unknown {
	if (parentPath.length === 0) return value;
	const holder = parentPath.slice(0, -1).reduce<unknown>((x, k) => (x as Record<string | number, unknown>)[k], root) as Record<string | number, unknown>;
	holder[parentPath[parentPath.length - 1]!] = value;
	return root;
}

/** A mutated sample: a path into it (by index into pathsOf) and what to do there. */
export function mutatedTree(sample: unknown): fc.Arbitrary<{ path: Path; mutation: Mutation; tree: unknown }> {
	const paths = pathsOf(sample);
	return fc.tuple(fc.nat({ max: paths.length - 1 }), mutationArb).map(([i, mutation]) => ({ path: paths[i]!, mutation, tree: mutate(sample, paths[i]!, mutation) }));
}

export type TextEdit = { at: number; op: 'flip' | 'truncate' | 'insert' | 'delete' | 'repeat'; text: string };

/** Text-level damage: a flipped character, a cut, an insertion of markup or odd unicode, a deletion, a repeated run. */
export function textEdit(length: number): fc.Arbitrary<TextEdit> {
	return fc.record({
		at: fc.nat({ max: Math.max(0, length - 1) }),
		op: fc.constantFrom('flip', 'truncate', 'insert', 'delete', 'repeat'),
		text: fc.oneof(fc.constantFrom(...MARKUP, ...UNICODE, '"', '\\', '{', '}', '[', ']', ',', ':', '\n', '---', '```', '## x', '- ', '&a', '*a', '!!binary', '\t'), fc.string({ unit: 'binary', maxLength: 8 }))
	});
}

export function applyEdit(text: string, e: TextEdit): string {
	switch (e.op) {
		case 'flip': {
			const c = text.charCodeAt(e.at) || 0;
			return text.slice(0, e.at) + String.fromCharCode(c ^ (1 << (e.text.length % 7))) + text.slice(e.at + 1);
		}
		case 'truncate':
			return text.slice(0, e.at);
		case 'insert':
			return text.slice(0, e.at) + e.text + text.slice(e.at);
		case 'delete':
			return text.slice(0, e.at) + text.slice(e.at + 1 + (e.text.length % 40));
		case 'repeat': {
			const run = text.slice(e.at, e.at + 1 + (e.text.length % 60));
			return text.slice(0, e.at) + run.repeat(2 + (e.text.length % 5)) + text.slice(e.at);
		}
	}
}

/** A message that says what is wrong: long enough to carry a reason, not a bare "invalid" or an exception's name. */
export function isSpecific(message: string): boolean {
	return message.trim().length >= 15 && !/^(invalid|error|undefined|null|\[object Object\])\.?$/i.test(message.trim()) && !/\b(TypeError|RangeError|ReferenceError|SyntaxError: Unexpected end)\b|at Object\.|node_modules/.test(message);
}

/** The prefixes of a path, so "a problem at X" can be checked against where the damage was done. */
export function relatedPaths(path: Path): Path[] {
	return path.map((_, i) => path.slice(0, i + 1));
}

/** Nothing leaked onto the shared prototypes while parsing. */
export function prototypesClean(): boolean {
	const probe = {} as Record<string, unknown>;
	return probe.polluted === undefined && probe.isAdmin === undefined && typeof probe.toString === 'function' && (Object.prototype as unknown as Record<string, unknown>).polluted === undefined;
}
