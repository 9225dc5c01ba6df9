import catalog from 'virtual:catalog';
import { shiftList } from 'virtual:shifts';

export function load() {
	return {
		frameworks: catalog.frameworks,
		shiftTitles: new Map(shiftList.map((s) => [s.id, s.title])),
		titles: new Map(catalog.scenarios.map((s) => [s.id, s.title])),
		scenarios: catalog.scenarios.map((s) => ({ id: s.id, title: s.title, kind: s.kind, competencies: s.competencies, minutes: s.minutes }))
	};
}
