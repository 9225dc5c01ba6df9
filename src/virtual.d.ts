declare module 'virtual:catalog' {
	const catalog: {
		scenarios: import('$lib/content/catalog').CatalogEntry[];
		frameworks: import('$lib/content/schema/competencies').Framework[];
	};
	export default catalog;
}
declare module 'virtual:world' {
	const world: import('$lib/content/world').ClinicWorld;
	export default world;
}
declare module 'virtual:scenarios' {
	export const loaders: Record<string, () => Promise<{ default: import('$lib/content/schema/scenario').Scenario }>>;
}
declare module 'virtual:questions' {
	const items: import('$lib/content/schema/questions').Item[];
	export default items;
}
