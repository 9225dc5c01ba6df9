import { loadContent, type Content } from '../../src/lib/content';
import { readContentFiles } from '../../scripts/read-content';
import type { Scenario } from '../../src/lib/content/schema/scenario';

let cached: Content | undefined;

/** The shipped content, read the same way the build reads it, so tests follow the content as it changes. */
export function content(): Content {
	if (!cached) {
		const r = loadContent(readContentFiles());
		if (!r.content) throw new Error(`content is invalid: ${r.errors.map((e) => `${e.file}:${e.line} ${e.message}`).join('; ')}`);
		cached = r.content;
	}
	return cached;
}

export function scenario(id: string): Scenario {
	const s = content().scenarios.find((x) => x.meta.id === id);
	if (!s) throw new Error(`no scenario ${id}`);
	return s;
}

export function firstOfKind(kind: string): Scenario {
	const s = content().scenarios.find((x) => x.meta.kind === kind);
	if (!s) throw new Error(`no scenario of kind ${kind}`);
	return s;
}

export function shift(id: string): import('../../src/lib/content/schema/shift').Shift {
	const s = content().shifts.find((x) => x.meta.id === id);
	if (!s) throw new Error(`no shift ${id}`);
	return s;
}
