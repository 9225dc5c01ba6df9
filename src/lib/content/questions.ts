import type { ContentError } from './errors';
import { ItemFile, type Item } from './schema/questions';
import { parseYaml } from './yaml';

export const QUESTION_DIR = 'content/questions/';

const lineOf = (text: string, needle: string) => {
	const i = text.indexOf(needle);
	return i < 0 ? 1 : text.slice(0, i).split('\n').length;
};
const normalStem = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

/**
 * Loads every item bank under content/questions/ and checks what a schema cannot: unique ids, a known
 * competency, distinct option ids and texts, no duplicate stems across banks.
 */
export function loadQuestions(files: Readonly<Record<string, string>>, competencies: ReadonlySet<string>): { items: (Item & { file: string })[]; errors: ContentError[] } {
	const items: (Item & { file: string })[] = [];
	const errors: ContentError[] = [];
	const ids = new Map<string, string>();
	const stems = new Map<string, string>();
	for (const path of Object.keys(files).filter((p) => p.startsWith(QUESTION_DIR) && /\.ya?ml$/.test(p)).sort()) {
		const text = files[path]!;
		const parsed = parseYaml(text, ItemFile, path);
		errors.push(...parsed.errors);
		if (!parsed.value) continue;
		for (const item of parsed.value.items) {
			const err = (message: string) => errors.push({ file: path, line: lineOf(text, `id: ${item.id}`), message: `item "${item.id}": ${message}` });
			if (ids.has(item.id)) err(`duplicate id (also in ${ids.get(item.id)})`);
			ids.set(item.id, path);
			if (!competencies.has(item.competency)) err(`unknown competency "${item.competency}"`);
			const optionIds = item.options.map((o) => o.id);
			if (new Set(optionIds).size !== 4) err('option ids must be a, b, c and d, each once');
			if (new Set(item.options.map((o) => normalStem(o.text))).size !== 4) err('two options say the same thing');
			if (!optionIds.includes(item.key)) err(`the key "${item.key}" is not one of the options`);
			const stem = normalStem(item.stem);
			if (stems.has(stem)) err(`the same stem as item "${stems.get(stem)}"`);
			stems.set(stem, item.id);
			items.push({ ...item, file: path });
		}
	}
	return { items, errors };
}
