declare module 'virtual:catalog' {
	const catalog: {
		scenarios: import('$lib/content/catalog').CatalogEntry[];
		frameworks: import('$lib/content/schema/competencies').Framework[];
	};
	export default catalog;
}
/** The catalog page's cards: a scenario's summary without its competencies, setting and hash. */
declare module 'virtual:scenario-list' {
	const scenarios: import('$lib/content/catalog').CatalogCard[];
	export default scenarios;
}
/** The rest of each catalog entry, by scenario id (a Map: an id never finds Object's own keys). */
declare module 'virtual:scenario-details' {
	const details: ReadonlyMap<string, import('$lib/content/catalog').CatalogDetails>;
	export default details;
}
declare module 'virtual:competencies' {
	const frameworks: import('$lib/content/schema/competencies').Framework[];
	export default frameworks;
}
/** The frameworks' and domains' names only, for the catalog's filters. */
declare module 'virtual:domains' {
	const frameworks: { id: string; name: string; domains: { id: string; name: string }[] }[];
	export default frameworks;
}
/** The clinic's, providers' and payers' names (and the clinic's phone and today): what a scenario page's chart and placeholders read (`chartWorldOf`). */
declare module 'virtual:chart-world' {
	const world: Omit<import('$lib/content/world').ChartWorld, 'patients'>;
	export default world;
}
/** The office policy binder, by policy id: loaded when the binder first opens. */
declare module 'virtual:policies' {
	const policies: import('$lib/content/world').ClinicWorld['clinic']['policies'];
	export default policies;
}
declare module 'virtual:world' {
	const world: import('$lib/content/world').ClinicWorld;
	export default world;
}
/** The EHR's charts, one per patient: loaded only where the EHR opens. */
declare module 'virtual:charts' {
	const charts: import('$lib/content/schema/chart').PatientChart[];
	export default charts;
}
/** The report measures (content/office/measures.yaml): our own simplified definitions. */
declare module 'virtual:measures' {
	const measures: import('$lib/content/schema/report').Measure[];
	export default measures;
}
declare module 'virtual:scenarios' {
	/** Each scenario's module: the scenario, and the patients it names, for its chart (the player takes no other patient). */
	export const loaders: ReadonlyMap<string, () => Promise<{ default: import('$lib/content/schema/scenario').Scenario; patients: import('$lib/content/schema/office').Patient[] }>>;
}
declare module 'virtual:shifts' {
	/** What the shifts page lists, without the tasks. */
	export const shiftList: { id: string; title: string; summary: string; start: string; end: string; tasks: number; competencies: string[]; hash: string }[];
	export const shiftLoaders: ReadonlyMap<string, () => Promise<{ default: import('$lib/content/schema/shift').Shift }>>;
}
declare module 'virtual:questions' {
	const items: import('$lib/content/schema/questions').Item[];
	export default items;
}
/** The code pickers' common codes and synonyms (content/codes/), per code set. */
declare module 'virtual:code-terms' {
	const terms: import('$lib/content/code-terms').CodeTermSets;
	export default terms;
}
/** The catalog's "Start here" path (content/start-here.yaml), checked against the scenario ids. */
declare module 'virtual:start-here' {
	const steps: import('$lib/content/start-here').StartStep[];
	export default steps;
}
