import { LineCounter, parseDocument, isMap, isNode, isScalar } from 'yaml';
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
): { value?: z.infer<S>; errors: ContentError[] } {
	const lineCounter = new LineCounter();
	const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
	const at = (offset: number | undefined) =>
		firstLine - 1 + (offset === undefined ? 1 : lineCounter.linePos(offset).line);
	if (doc.errors.length > 0) {
		return {
			errors: doc.errors.map((e) => ({
				file,
				line: at(e.pos[0]),
				message: `malformed YAML: ${/call stack/i.test(e.message) ? 'the text is nested too deeply' : e.message.split('\n')[0]}`
			}))
		};
	}
	let raw: unknown;
	try {
		raw = doc.toJS({ maxAliasCount: 50 });
	} catch (e) {
		// yaml throws rather than reports when aliases multiply (a "billion laughs" file) or nesting exhausts the stack.
		const why = e instanceof ReferenceError && /alias/i.test(e.message) ? 'too many aliases (*name) expand the text; write the values out' : 'the text is nested too deeply';
		return { errors: [{ file, line: at(undefined), message: `malformed YAML: ${why}` }] };
	}
	const result = schema.safeParse(raw);
	if (result.success) return { value: result.data, errors: [] };
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
			return { file, line, message: describeIssue(path, issue, raw) };
		})
	};
}

function describeIssue(path: (string | number)[], issue: z.core.$ZodIssue, raw: unknown): string {
	const where = path.length ? `${path.join('.')}: ` : '';
	if (issue.code === 'unrecognized_keys') return `${where}unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
	// zod does not keep the input on an issue, so look in the data: only a field that is absent is "required".
	if (issue.code === 'invalid_type' && !present(raw, path)) return path.length ? `${where}is required` : 'the YAML here is empty; its fields are required';
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
