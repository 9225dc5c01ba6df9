import type { Plugin, ViteDevServer } from 'vite';
import { formatError, loadContent, type Content } from '../src/lib/content';
import { catalogEntry, splitEntry } from '../src/lib/content/catalog';
import { readContentFiles } from './read-content';
import { chartWorldOf, scenarioPatientsOf } from '../src/lib/content/world';
import { busyDayScenario, busyShift } from './bench-content';
import { prerenderTexts } from './prerender-markdown';
import { nextReleaseFiles } from './next-release';

const CATALOG = 'virtual:catalog';
// The catalog's parts, so a page can take one without the others (the budgets count every KB): the
// scenario list, the competency frameworks with their statements, and the domain names alone.
const SCENARIO_LIST = 'virtual:scenario-list';
// Each scenario's competencies, setting and hash by id: the rest of a catalog entry, which the cards do not show.
const SCENARIO_DETAILS = 'virtual:scenario-details';
const COMPETENCIES = 'virtual:competencies';
const DOMAINS = 'virtual:domains';
const WORLD = 'virtual:world';
const CHARTS = 'virtual:charts';
// The EHR's report measures: small, on the report form; the charts load when a report first runs.
const MEASURES = 'virtual:measures';
// The part of the clinic a scenario page reads (chart, bindings, policies): no fee schedule, modifiers or
// staff, and only the patients one scenario names (its own module), so a page carries its own chart.
const CHART_WORLD = 'virtual:chart-world';
// The policy binder's text: fetched when the binder first opens, not with every scenario page.
const POLICIES = 'virtual:policies';
const SCENARIOS = 'virtual:scenarios';
const SCENARIO = 'virtual:scenario/';
const QUESTIONS = 'virtual:questions';
// The code pickers' common codes and synonyms: small, imported with the code sets, never in the first page.
const CODE_TERMS = 'virtual:code-terms';
const START_HERE = 'virtual:start-here';
// Shifts: a small list for the shifts page, and one lazily imported module per shift.
const SHIFTS = 'virtual:shifts';
const SHIFT = 'virtual:shift/';
const ours = (id: string) =>
	id === CATALOG || id === SCENARIO_LIST || id === SCENARIO_DETAILS || id === COMPETENCIES || id === DOMAINS || id === WORLD || id === CHARTS || id === MEASURES || id === CHART_WORLD || id === POLICIES || id === SCENARIOS || id === QUESTIONS || id === CODE_TERMS || id === START_HERE || id === SHIFTS || id.startsWith(SHIFT) || id.startsWith(SCENARIO);

/**
 * Validates content/ once per build and serves it as JSON modules: a small catalog for the first
 * page, and one lazily imported module per scenario, so no scenario text sits in the initial bundle.
 * Invalid content fails the build with file:line messages.
 */
export function contentPlugin(): Plugin {
	let content: Content | undefined;
	let server: ViteDevServer | undefined;
	const load = (): Content => {
		// `npm run build:next` builds the offline spec's next release: one policy added (scripts/next-release.ts).
		const files = process.env.FDS_NEXT_RELEASE ? nextReleaseFiles(readContentFiles()) : readContentFiles();
		// `npm run bench` builds a copy of the app with one generated busy day added.
		if (process.env.FDS_BENCH_CONTENT) {
			const world = loadContent(files).content?.world;
			if (world) files['content/scenarios/bench-busy-day.md'] = busyDayScenario(world, Number(process.env.FDS_BENCH_CONTENT) || 200);
			const morning = files['content/shifts/morning-rush.md'];
			if (morning) files['content/shifts/bench-busy-shift.md'] = busyShift(morning);
		}
		const result = loadContent(files);
		if (!result.content) throw new Error(`Invalid content:\n${result.errors.map(formatError).join('\n')}`);
		return result.content;
	};
	return {
		name: 'front-desk-content',
		configureServer(s) {
			server = s;
		},
		buildStart() {
			content = load();
		},
		resolveId(id) {
			if (ours(id)) return `\0${id}`;
		},
		load(id) {
			if (!id.startsWith('\0') || !ours(id.slice(1))) return;
			const name = id.slice(1);
			content ??= load();
			if (name === CATALOG)
				return `import cards from '${SCENARIO_LIST}';\nimport details from '${SCENARIO_DETAILS}';\nimport frameworks from '${COMPETENCIES}';\nexport default { scenarios: cards.map((c) => ({ ...c, ...details.get(c.id) })), frameworks };`;
			const entries = () => content!.scenarios.map((s) => splitEntry(catalogEntry(s, content!.competencies)));
			if (name === SCENARIO_LIST) return `export default ${JSON.stringify(entries().map((e) => e.card))};`;
			if (name === SCENARIO_DETAILS) return `export default new Map(${JSON.stringify(entries().map((e) => [e.card.id, e.details]))});`;
			if (name === COMPETENCIES) return `export default ${JSON.stringify(content.competencies.frameworks)};`;
			if (name === DOMAINS)
				return `export default ${JSON.stringify(content.competencies.frameworks.map((f) => ({ id: f.id, name: f.name, domains: f.domains.map((d) => ({ id: d.id, name: d.name })) })))};`;
			if (name === START_HERE) return `export default ${JSON.stringify(content.startHere)};`;
			if (name === WORLD) return `export default ${JSON.stringify(content.world)};`;
			if (name === CHARTS) return `export default ${JSON.stringify(content.charts)};`;
			if (name === MEASURES) return `export default ${JSON.stringify(content.measures)};`;
			if (name === CODE_TERMS) return `export default ${JSON.stringify(content.codeTerms)};`;
			if (name === CHART_WORLD) {
				return `export default ${JSON.stringify(chartWorldOf(content.world))};`;
			}
			if (name === POLICIES) return `export default ${JSON.stringify(content.world.clinic.policies)};`;
			if (name === SHIFTS) {
				const list = content.shifts.map((s) => ({ id: s.meta.id, title: s.meta.title, summary: s.meta.summary, start: s.meta.start, end: s.meta.end, tasks: s.meta.events.filter((e) => e.at !== undefined).length, competencies: s.meta.competencies, hash: s.hash }));
				return `export const shiftList = ${JSON.stringify(list)};\nexport const shiftLoaders = new Map([${content.shifts
					.map((s) => `[${JSON.stringify(s.meta.id)}, () => import(${JSON.stringify(SHIFT + s.meta.id)})]`)
					.join(',\n')}]);`;
			}
			if (name.startsWith(SHIFT)) {
				const shift = content.shifts.find((s) => s.meta.id === name.slice(SHIFT.length));
				if (!shift) this.error(`no shift "${name.slice(SHIFT.length)}"`);
				// Each task is a small scenario: its texts come rendered and sanitised like a scenario's.
				return `import { registerRendered } from '$lib/render/prerendered.svelte';\nregisterRendered(${JSON.stringify(prerenderTexts(shift))});\nexport default ${JSON.stringify(shift)};`;
			}
			if (name === QUESTIONS) return `export default ${JSON.stringify(content.questions.map(({ file: _file, ...item }) => item))};`;
			if (name === SCENARIOS)
				// A Map, not an object: an id from an address or a file ("constructor") must not find Object's own keys.
				return `export const loaders = new Map([${content.scenarios
					.map((s) => `[${JSON.stringify(s.meta.id)}, () => import(${JSON.stringify(SCENARIO + s.meta.id)})]`)
					.join(',\n')}]);`;
			const scenario = content.scenarios.find((s) => s.meta.id === name.slice(SCENARIO.length));
			if (!scenario) this.error(`no scenario "${name.slice(SCENARIO.length)}"`);
			// Its texts come rendered and sanitised, so the page needs no Markdown renderer (docs/PERFORMANCE.md).
			// A patient is named by id in the front matter or a variant: every id the parsed scenario holds.
			// They ride in the scenario's own module: one file and one loader fewer on the page.
			// Not the rosters a step's context copies (scenarioPatientsOf): every roster patient's whole record
			// would ride in every schedule scenario's module, about 85 bytes gzip each.
			const text = JSON.stringify(scenario);
			const patients = scenarioPatientsOf(scenario, content.world.patients);
			return `import { registerRendered } from '$lib/render/prerendered.svelte';\nregisterRendered(${JSON.stringify(prerenderTexts(scenario))});\nexport default ${text};\nexport const patients = ${JSON.stringify(patients)};`;
		},
		handleHotUpdate({ file }) {
			if (!file.includes('/content/')) return;
			try {
				content = load();
			} catch (e) {
				server?.config.logger.error(String(e));
				return [];
			}
			const graph = server?.moduleGraph;
			for (const m of graph?.idToModuleMap.values() ?? []) if (m.id?.startsWith('\0') && ours(m.id.slice(1))) graph!.invalidateModule(m);
			server?.ws.send({ type: 'full-reload' });
			return [];
		}
	};
}
