import { LineCounter, parseDocument, isCollection, isMap, isNode, isScalar, isSeq, visit } from 'yaml';
import type { z } from '../zod';
import type { ContentError } from './errors';

/**
 * Parses YAML and checks it against a schema, mapping every problem to a line of the file.
 * `firstLine` is the file line where this YAML text starts (front matter and fenced blocks sit inside Markdown).
 */
export function parseYaml<S extends z.ZodType>(
	text: string,
	schema: S,
	file: string,
	firstLine = 1
): { value?: z.infer<S>; errors: ContentError[]; entryLines?: (key: string) => number[] | undefined; keyLine?: (key: string) => number | undefined } {
	const lineCounter = new LineCounter();
	const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
	const at = (offset: number | undefined) =>
		firstLine - 1 + (offset === undefined ? 1 : lineCounter.linePos(offset).line);
	const sourceLine = (line: number) => text.split('\n')[line - firstLine] ?? '';
	const quoteAdvice = (line: number) => {
		const value = sourceLine(line).replace(/^[^:]*:\s*/, '').trim();
		return `YAML read {{…}} as a map, not as text: put the value in quotes, e.g. '${value.replace(/'/g, "''")}'`;
	};
	if (doc.errors.length > 0) {
		return {
			errors: doc.errors.map((e) => {
				const line = at(e.pos[0]);
				const why = /call stack/i.test(e.message) ? 'the text is nested too deeply' : sourceLine(line).includes('{{') ? quoteAdvice(line) : e.message.split('\n')[0];
				return { file, line, message: `malformed YAML: ${why}` };
			})
		};
	}
	// An unquoted {{placeholder}} is a map used as a key: say so before converting (which would warn and mangle it).
	const braced: ContentError[] = [];
	visit(doc, {
		Pair(_, pair) {
			if (isCollection(pair.key) && pair.key.range) braced.push({ file, line: at(pair.key.range[0]), message: quoteAdvice(at(pair.key.range[0])) });
		}
	});
	if (braced.length) return { errors: braced };
	let raw: unknown;
	try {
		raw = doc.toJS({ maxAliasCount: 50 });
	} catch (e) {
		// yaml throws rather than reports when aliases multiply (a "billion laughs" file) or nesting exhausts the stack.
		const why = e instanceof ReferenceError && /alias/i.test(e.message) ? 'too many aliases (*name) expand the text; write the values out' : 'the text is nested too deeply';
		return { errors: [{ file, line: at(undefined), message: `malformed YAML: ${why}` }] };
	}
	const result = schema.safeParse(raw);
	/** The file line of each entry of a top-level list (options, replies, items), for later checks. */
	const entryLines = (key: string): number[] | undefined => {
		const list = doc.get(key, true);
		if (!list || !isSeq(list)) return undefined;
		return list.items.map((n) => (isNode(n) && n.range ? at(n.range[0]) : at(undefined)));
	};
	/** The file line of a top-level key (e.g. a block's `next:`), for later checks. */
	const keyLine = (key: string): number | undefined => {
		const pair = isMap(doc.contents) ? doc.contents.items.find((p) => isScalar(p.key) && p.key.value === key) : undefined;
		return pair && isNode(pair.key) && pair.key.range ? at(pair.key.range[0]) : undefined;
	};
	if (result.success) return { value: result.data, errors: [], entryLines, keyLine };
	return {
		errors: result.error.issues.map((issue) => {
			const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
			// Point at the deepest node that exists: a missing key is reported at its parent.
			let line = at(undefined);
			const parent = doc.getIn(path, true);
			if (issue.code === 'unrecognized_keys' && isMap(parent)) {
				// Point at the unknown key itself, not at the start of its map.
				const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === issue.keys[0]);
				if (pair && isNode(pair.key) && pair.key.range) return { file, line: at(pair.key.range[0]), message: describeIssue(path, issue, raw) };
			}
			for (let n = path.length; n >= 0; n--) {
				const node = doc.getIn(path.slice(0, n), true);
				if (isNode(node) && node.range) {
					line = at(node.range[0]);
					break;
				}
			}
			return { file, line, message: describeIssue(path, issue, raw, text.split('\n')[line - firstLine]) };
		})
	};
}

/** A path in an author's words: `option "read-results" › evidence` rather than `options.2.evidence`. */
function describePath(path: (string | number)[], raw: unknown): string {
	const parts: string[] = [];
	let node: unknown = raw;
	for (const [i, key] of path.entries()) {
		const child = node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>)[key] : undefined;
		if (typeof key === 'number') {
			const list = String(path[i - 1] ?? 'entry');
			const singular = ({ options: 'option', replies: 'reply', items: 'item', tasks: 'task', categories: 'category', appointments: 'appointment', waitlist: 'waitlist entry', variants: 'variant', collect: 'collect field', rows: 'row', lines: 'line', procedures: 'procedure', diagnoses: 'diagnosis', wrong: 'wrong code' } as Record<string, string>)[list] ?? 'entry';
			const id = child !== null && typeof child === 'object' && typeof (child as { id?: unknown }).id === 'string' ? (child as { id: string }).id : undefined;
			parts.pop();
			parts.push(id ? `${singular} "${id}"` : `${singular} ${key + 1}`);
		} else parts.push(key);
		node = child;
	}
	return parts.join(' › ');
}

const TYPE_WORDS: Record<string, string> = { string: 'text', number: 'a number', boolean: 'true or false', array: 'a list', object: 'a set of fields', int: 'a whole number' };

function describeIssue(path: (string | number)[], issue: z.core.$ZodIssue, raw: unknown, sourceLine?: string): string {
	const where = path.length ? `${describePath(path, raw)}: ` : '';
	if (issue.code === 'unrecognized_keys') return `${where}unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
	// zod does not keep the input on an issue, so look in the data: only a field that is absent is "required".
	if (issue.code === 'invalid_type' && !present(raw, path)) return path.length ? `${where}is required` : 'the YAML here is empty; its fields are required';
	// A schema's own message (e.g. "needs a rationale of at least a sentence") is already in an author's words.
	if (!/^(Too small|Too big|Invalid)/.test(issue.message)) return `${where}${issue.message}`;
	if (issue.code === 'invalid_type') {
		// speaker: {{daughter}} unquoted: YAML reads the braces as a map inside a map.
		if (issue.expected === 'string' && sourceLine?.includes('{{'))
			return `${where}YAML read {{…}} as a map, not as text: put the value in quotes, e.g. '${sourceLine.replace(/^[^:]*:\s*/, '').trim()}'`;
		return `${where}should be ${TYPE_WORDS[issue.expected] ?? issue.expected}`;
	}
	if (issue.code === 'too_small' || issue.code === 'too_big') {
		const n = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum);
		const least = issue.code === 'too_small' ? 'at least' : 'at most';
		if (issue.origin === 'string') return `${where}is too ${issue.code === 'too_small' ? 'short' : 'long'} (${least} ${n} character${n === 1 ? '' : 's'})`;
		if (issue.origin === 'array') return `${where}needs ${least} ${n} entr${n === 1 ? 'y' : 'ies'}`;
		return `${where}must be ${least} ${n}`;
	}
	if (issue.code === 'invalid_value') return `${where}must be one of ${issue.values.map((v) => `"${String(v)}"`).join(', ')}`;
	return `${where}${issue.message}`;
}

function present(raw: unknown, path: (string | number)[]): boolean {
	let node = raw;
	for (const key of path) {
		if (node === null || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, key)) return false;
		node = (node as Record<string | number, unknown>)[key];
	}
	return node !== undefined && node !== null;
}
