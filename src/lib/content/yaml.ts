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
				message: `malformed YAML: ${e.message.split('\n')[0]}`
			}))
		};
	}
	const raw: unknown = doc.toJS({ maxAliasCount: 50 });
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
				if (pair && isNode(pair.key) && pair.key.range) return { file, line: at(pair.key.range[0]), message: describeIssue(path, issue) };
			}
			for (let n = path.length; n >= 0; n--) {
				const node = doc.getIn(path.slice(0, n), true);
				if (isNode(node) && node.range) {
					line = at(node.range[0]);
					break;
				}
			}
			return { file, line, message: describeIssue(path, issue) };
		})
	};
}

function describeIssue(path: (string | number)[], issue: z.core.$ZodIssue): string {
	const where = path.length ? `${path.join('.')}: ` : '';
	if (issue.code === 'unrecognized_keys') return `${where}unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
	if (issue.code === 'invalid_type' && issue.input === undefined) return `${where}is required`;
	return `${where}${issue.message}`;
}
