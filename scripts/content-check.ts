import { formatError, loadContent } from '../src/lib/content';
import { readContentFiles } from './read-content';

const started = performance.now();
const { content, errors } = loadContent(readContentFiles());
if (!content) {
	for (const e of errors) console.error(formatError(e));
	console.error(`\ncontent check failed: ${errors.length} problem${errors.length === 1 ? '' : 's'}`);
	process.exit(1);
}
const byKind = new Map<string, number>();
for (const s of content.scenarios) byKind.set(s.meta.kind, (byKind.get(s.meta.kind) ?? 0) + 1);
console.log(
	`content ok: ${content.scenarios.length} scenarios (${[...byKind].map(([k, n]) => `${k} ${n}`).join(', ')}), ` +
		`${content.world.patients.length} patients, ${content.world.providers.length} providers, ` +
		`${content.competencies.frameworks.reduce((n, f) => n + f.domains.reduce((m, d) => m + d.competencies.length, 0), 0)} competencies ` +
		`in ${Math.round(performance.now() - started)} ms`
);
