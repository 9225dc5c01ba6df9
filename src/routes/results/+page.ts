import catalog from 'virtual:catalog';
import { shiftList } from 'virtual:shifts';

export const ssr = false;

export function load({ url }) {
	return {
		attemptId: url.searchParams.get('attempt'),
		scenarioTitles: new Map(catalog.scenarios.map((s) => [s.id, s.title])),
		shiftTitles: new Map(shiftList.map((s) => [s.id, s.title]))
	};
}
