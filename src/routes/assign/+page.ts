import catalog from 'virtual:catalog';
import { shiftList } from 'virtual:shifts';

export function load() {
	return {
		scenarios: catalog.scenarios.map((s) => ({ id: s.id, title: s.title, kind: s.kind, minutes: s.minutes })),
		// For the mock exam's time per item; the full frameworks load only when an exam is checked.
		exams: catalog.frameworks.map((f) => ({ id: f.id, scoredItems: f.scoredItems })),
		shifts: shiftList.map((s) => ({ id: s.id, title: s.title, summary: s.summary, start: s.start, end: s.end, tasks: s.tasks }))
	};
}
