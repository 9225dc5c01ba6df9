import { formatError, loadContent } from '../src/lib/content';
import { readContentFiles } from './read-content';
import { scenarioWarnings } from '../src/lib/scenario-warnings';
import { cueWarnings, itemDecision } from '../src/lib/content/cues';
import { scheduleSolvability } from '../src/lib/engine/schedule-solver';
import { unpractisedCompetencies } from '../src/lib/content/coverage';

const started = performance.now();
const { content, errors } = loadContent(readContentFiles());
if (!content) {
	for (const e of errors) console.error(formatError(e));
	console.error(`\ncontent check failed: ${errors.length} problem${errors.length === 1 ? '' : 's'}`);
	process.exit(1);
}
// Every schedule task must have a booking that earns full marks: the solver proves one (bounded search).
const solvability = content.scenarios.map((s) => ({ s, ...scheduleSolvability(s) }));
const unsolvable = solvability.flatMap((x) => x.errors);
if (unsolvable.length) {
	for (const e of unsolvable) console.error(formatError(e));
	console.error(`\ncontent check failed: ${unsolvable.length} schedule task${unsolvable.length === 1 ? '' : 's'} nobody can complete`);
	process.exit(1);
}
const byKind = new Map<string, number>();
for (const s of content.scenarios) byKind.set(s.meta.kind, (byKind.get(s.meta.kind) ?? 0) + 1);
console.log(
	`content ok: ${content.scenarios.length} scenarios (${[...byKind].map(([k, n]) => `${k} ${n}`).join(', ')}), ` +
		`${content.shifts.length} shift${content.shifts.length === 1 ? '' : 's'}, ${content.world.patients.length} patients, ${content.world.providers.length} providers, ` +
		`${content.competencies.frameworks.reduce((n, f) => n + f.domains.reduce((m, d) => m + d.competencies.length, 0), 0)} competencies ` +
		`in ${Math.round(performance.now() - started)} ms`
);
// Every competency of the framework is practised by at least one scenario decision, or the check fails.
const allCompetencies = content.competencies.frameworks.flatMap((f) => f.domains.flatMap((d) => d.competencies.map((c) => c.id)));
const unpractised = unpractisedCompetencies(content.scenarios, content.competencies.frameworks);
console.log(`competencies practised by a scenario decision: ${allCompetencies.length - unpractised.length} of ${allCompetencies.length}`);
if (unpractised.length) {
	console.error(`\ncontent check failed: no scenario decision practises ${unpractised.join(', ')} (give a decision evidence for each)`);
	process.exit(1);
}
// Item banks against the blueprint: CMAA wants twice each domain's scored items, CEHRS 200 by weight.
const domainOf = new Map(content.competencies.frameworks.flatMap((f) => f.domains.flatMap((d) => d.competencies.map((c) => [c.id, d.id] as const))));
const perDomain = new Map<string, number>();
for (const q of content.questions) perDomain.set(domainOf.get(q.competency)!, (perDomain.get(domainOf.get(q.competency)!) ?? 0) + 1);
for (const f of content.competencies.frameworks) {
	const target = (d: (typeof f.domains)[number]) => (d.items ? 2 * d.items : Math.round((d.weight ?? 0) * 200));
	console.log(`items ${f.id}: ${f.domains.map((d) => `${d.id.split('.')[1]} ${perDomain.get(d.id) ?? 0}/${target(d)}`).join(', ')}`);
}
// Warnings never fail the build; they name what a test-wise learner could exploit (see docs/AUTHORING.md).
const warnings = solvability.flatMap(({ s, warnings: solverWarnings }) => [...scenarioWarnings(s), ...solverWarnings].map((w) => `${s.file}:${w.line}: warning: ${w.message}`));
const itemWarnings = content.questions.flatMap((q) => cueWarnings(itemDecision(q)).map((w) => `${q.file}: warning: item ${q.id}: ${w.message}`));
for (const w of [...warnings, ...itemWarnings]) console.log(w);
console.log(`warnings: ${warnings.length} in scenarios, ${itemWarnings.length} in item banks`);
