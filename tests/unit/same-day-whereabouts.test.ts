/**
 * Most scenarios and every shift are set on one day, Monday 24 November, so a learner who works several
 * of them meets the same patients more than once. A patient the triage desk sends to hospital by 911
 * that morning cannot also be the patient at the desk in another story that day (Evelyn Castillo was
 * once both in an ambulance at 8:12 and at the window at 9:10; George Whitaker had stroke signs at 8:00
 * and came to the window at 1:00; Samuel Adeyemi called 911 for a swelling throat at 8:05 and was at the
 * records window at 9:10). Cheap, from the content's own fields:
 * - who goes by 911: the roster patients whose surname is in a triage item classed "er";
 * - who is at the desk: the `patient:` of another scenario set that day, or the patient of a shift event
 *   at the window;
 * - who is named anywhere else that day: the surname (or the patient id, as in a schedule book) in any
 *   step of another scenario set that day (dated 24 November, or a Monday without a date) or of a shift.
 *   Telling "at the window" from "a faxed consult about him" in prose is not reliable, so every such
 *   mention fails unless it is on the allow-list below with the reason it is paperwork only.
 */
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/content';
import { readContentFiles } from '../../scripts/read-content';

const { content } = loadContent(readContentFiles());
const { world, scenarios, shifts } = content!;

const TODAY = /\b24 November\b|\bNovember 24\b/;
const textOf = (s: (typeof scenarios)[number]) => Object.values(s.steps).map((st) => st.narrative).join('\n');
const today = scenarios.filter((s) => TODAY.test(textOf(s)));
// The undated stories that say it is Monday are that Monday too, as far as a learner can tell.
const sameDay = scenarios.filter((s) => TODAY.test(textOf(s)) || /\bMonday\b/.test(textOf(s) + s.meta.summary));
// A step's words and its interaction (a schedule book names its patients by id), less the whole roster
// that search-style interactions carry for the learner to look through, which names everyone.
const isRoster = (v: unknown) =>
	Array.isArray(v) && v.length >= world.patients.length / 2 && v.every((x) => typeof x?.id === 'string' && x.id.startsWith('pt-'));
const stepsText = (steps: Record<string, { narrative: string; interaction?: unknown }>) =>
	Object.values(steps)
		.map((st) => `${st.narrative}\n${JSON.stringify(st.interaction ?? null, (_, v) => (isRoster(v) ? undefined : v))}`)
		.join('\n');

// Open contradictions, each named in the report that left it: remove an entry when the story is fixed.
const KNOWN_OPEN: string[] = [];

// A patient sent by 911 may still be named elsewhere that day where the mention is paperwork only (a
// report row, a fax, a record request about an earlier visit): "patient id → story ids", each with why.
const PAPERWORK_ONLY: Record<string, string[]> = {};

describe('a patient sent to hospital by 911 is not at the desk later that day', () => {
	const sentAway = new Map<string, string>();
	for (const s of today)
		for (const st of Object.values(s.steps)) {
			const i = st.interaction as { kind?: string; block?: { mode?: string; items?: { category?: string; text: string }[] } } | undefined;
			if (i?.kind !== 'triage' || i.block?.mode !== 'classify') continue;
			for (const item of i.block.items ?? [])
				if (item.category === 'er')
					for (const p of world.patients) if (new RegExp(`\\b${p.lastName}\\b`).test(item.text)) sentAway.set(p.id, s.meta.id);
		}

	it('finds the morning calls sent to 911', () => {
		expect([...sentAway.keys()]).toEqual(expect.arrayContaining(['pt-marjorie-hollister', 'pt-curtis-mayhew', 'pt-howard-ellsworth']));
	});

	it('none of them is the patient of another story that day, apart from the known open ones', () => {
		const conflicts = new Set<string>();
		for (const [id, from] of sentAway) {
			for (const s of today) if (s.meta.id !== from && s.meta.patient === id) conflicts.add(id);
			for (const sh of shifts) for (const e of sh.meta.events) if (e.channel === 'window' && e.patient === id) conflicts.add(id);
		}
		expect([...conflicts].sort()).toEqual([...KNOWN_OPEN].sort());
	});

	it('none of them is named in another story set that day, apart from paperwork on the allow-list', () => {
		const named: string[] = [];
		for (const [id, from] of sentAway) {
			const p = world.patients.find((q) => q.id === id)!;
			const mentions = (text: string) => new RegExp(`\\b${p.lastName}\\b`).test(text) || text.includes(id);
			for (const s of sameDay)
				if (s.meta.id !== from && !PAPERWORK_ONLY[id]?.includes(s.meta.id) && (s.meta.patient === id || mentions(stepsText(s.steps))))
					named.push(`${id} in ${s.meta.id}`);
			for (const sh of shifts) {
				const events = sh.meta.events.filter((e) => e.patient === id || mentions(`${e.who} ${e.about}`)).map((e) => e.id);
				const tasks = Object.entries(sh.tasks)
					.filter(([, t]) => mentions(stepsText(t.steps)))
					.map(([e]) => e);
				for (const e of new Set([...events, ...tasks]))
					if (!PAPERWORK_ONLY[id]?.includes(`${sh.meta.id}/${e}`)) named.push(`${id} in ${sh.meta.id}/${e}`);
			}
		}
		expect(named).toEqual([]);
	});

	it('would catch a 911 patient named at the window in another story (the Samuel Adeyemi kind)', () => {
		// The old story: Adeyemi's throat-swelling call went to 911 at 8:05, and he came to the records
		// window at 9:10 in records-first-day-orientation.
		const orientation = sameDay.find((s) => s.meta.id === 'records-first-day-orientation')!;
		expect(/\bAdeyemi\b/.test(stepsText(orientation.steps))).toBe(true);
		expect(sentAway.has('pt-samuel-adeyemi')).toBe(false);
	});
});
