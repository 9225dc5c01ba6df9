import { z } from '../zod';
import type { ContentError } from './errors';
import type { Scenario } from './schema/scenario';
import { parseYaml } from './yaml';

export const START_HERE_FILE = 'content/start-here.yaml';

const StartHereFile = z.strictObject({
	steps: z.array(z.strictObject({ scenario: z.string().min(1), why: z.string().min(1).max(160) })).min(1).max(15)
});

/** One step of the newcomer's path: a scenario and why it comes at this point. */
export interface StartStep {
	scenario: string;
	why: string;
}

/**
 * The "Start here" path: every id a shipped scenario, none twice, difficulty never going down, and a
 * later part of a story never before its first part (when both are on the path).
 */
export function loadStartHere(files: Readonly<Record<string, string>>, scenarios: readonly Scenario[]): { value?: StartStep[]; errors: ContentError[] } {
	const text = files[START_HERE_FILE];
	if (text === undefined) return { errors: [{ file: START_HERE_FILE, line: 1, message: 'file is missing' }] };
	const parsed = parseYaml(text, StartHereFile, START_HERE_FILE);
	if (!parsed.value) return { errors: parsed.errors };
	const steps = parsed.value.steps;
	const byId = new Map(scenarios.map((s) => [s.meta.id, s]));
	const lineOf = (id: string) => {
		const i = text.search(new RegExp(`scenario:\\s*${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`, 'm'));
		return i < 0 ? 1 : text.slice(0, i).split('\n').length;
	};
	const errors: ContentError[] = [];
	const seen = new Set<string>();
	let before: Scenario | undefined;
	for (const step of steps) {
		const s = byId.get(step.scenario);
		const at = { file: START_HERE_FILE, line: lineOf(step.scenario) };
		if (!s) {
			errors.push({ ...at, message: `no scenario "${step.scenario}"` });
			continue;
		}
		if (seen.has(s.meta.id)) errors.push({ ...at, message: `"${s.meta.id}" is on the path twice` });
		if (before && s.meta.difficulty < before.meta.difficulty)
			errors.push({ ...at, message: `"${s.meta.id}" (difficulty ${s.meta.difficulty}) comes after "${before.meta.id}" (difficulty ${before.meta.difficulty}): order the path easiest first` });
		const first = s.meta.follows;
		if (first && steps.some((x) => x.scenario === first) && !seen.has(first))
			errors.push({ ...at, message: `"${s.meta.id}" continues "${first}", so it must come after it` });
		seen.add(s.meta.id);
		before = s;
	}
	return errors.length ? { errors } : { value: steps, errors: [] };
}
