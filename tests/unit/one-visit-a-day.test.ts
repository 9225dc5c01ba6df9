/**
 * A patient has one visit a day, whichever book shows it. Most scenarios and every shift are set on
 * Monday 24 November at the same clinic, and several books look ahead to Tuesday 25 November (the
 * waitlist book on Tuesday at 7:55, the new-patient, after-work, EHR-booking and nurse books on Monday),
 * so a learner who works several books meets the same patients again. A patient who is a 9:30 sick
 * visit in one book, a 10:45 blood pressure check in a second and a 2:00 dizziness visit in a third
 * (Walter Nguyen once, on the Monday another story sends him to hospital at 11:10, and booked four
 * times on the Tuesday) is three people, and the books stop reading like a real day. Kevin Osei was
 * once an asthma follow-up at 9:45, 10:45 and 2:30 that Tuesday in three books. Cheap, from the books'
 * own fields:
 * - a visit is a seed row dated that day (its provider and start); the same provider and start in two
 *   books is the same visit, shown twice, and counts once;
 * - a same-day `book` task in a book whose first day is that day is a visit the learner books that day
 *   (Kevin Osei's asthma flare, booked on Monday in scheduling-urgent-same-day), whatever time it gets;
 * - a patient with two or more visits that day fails, unless on that day's list of known open ones.
 * monday-books-agree checks the narrower case, one patient with two providers at overlapping times.
 */
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/content';
import { isActive, seedBook } from '../../src/lib/office/schedule';
import { readContentFiles } from '../../scripts/read-content';
import { shippedBooks } from './shipped-books';

const files = readContentFiles();
delete files['content/codesets/icd10cm-2026.tsv'];
delete files['content/codesets/hcpcs-2025oct.tsv'];
const { content, errors } = loadContent(files);
const clock = (m: number) => `${Math.floor(m / 60)}:${String(m % 60).padStart(2, '0')}`;

interface Visit {
	patient: string;
	/** `prov at start` for a seed row, `booked today by where/task` for a visit a task books. */
	key: string;
	where: string;
}

function visitsOn(date: string): Visit[] {
	return shippedBooks(content).flatMap(({ where, step, block }) => {
		const at = `${where}/${step}`;
		const rows = seedBook(block)
			.appointments.filter((a) => a.date === date && isActive(a))
			.map((a) => ({ patient: a.patient, key: `${a.provider} at ${clock(a.start)}`, where: at }));
		const booked =
			block.context.firstDay === date
				? block.tasks.filter((t) => t.kind === 'book' && t.urgency === 'same-day' && t.patient).map((t) => ({ patient: t.patient!, key: `booked today by ${at}/${t.id}`, where: at }))
				: [];
		return [...rows, ...booked];
	});
}

/** Each patient with more than one visit among these (one day's), with the visits. */
function twiceInADay(vs: Visit[]): Map<string, string[]> {
	const byPatient = new Map<string, Map<string, string[]>>();
	for (const v of vs) {
		const keys = byPatient.get(v.patient) ?? new Map<string, string[]>();
		keys.set(v.key, [...(keys.get(v.key) ?? []), v.where]);
		byPatient.set(v.patient, keys);
	}
	return new Map(
		[...byPatient].filter(([, keys]) => keys.size > 1).map(([p, keys]) => [p, [...keys].map(([k, ws]) => `${k} (${ws.join(', ')})`)])
	);
}

const v = (patient: string, key: string, where: string): Visit => ({ patient, key, where });

it('the check catches the cases it is for', () => {
	// The old Walter Nguyen: three visits in three books.
	expect(twiceInADay([v('pt-walter-nguyen', 'prov-kealoha at 9:30', 'a'), v('pt-walter-nguyen', 'prov-vargas at 10:45', 'b'), v('pt-walter-nguyen', 'prov-kealoha at 14:00', 'c')]).get('pt-walter-nguyen')).toHaveLength(3);
	// The old Kevin Osei: booked today by one story and an afternoon follow-up in another.
	expect(twiceInADay([v('pt-kevin-osei', 'booked today by a/book/kevin', 'a'), v('pt-kevin-osei', 'prov-okafor at 15:00', 'b')]).size).toBe(1);
	// The same visit shown in two books is one visit.
	expect(twiceInADay([v('pt-luis-ramirez', 'prov-vargas at 9:45', 'a'), v('pt-luis-ramirez', 'prov-vargas at 9:45', 'b')]).size).toBe(0);
});

// Open contradictions, left by the content review of stop 21 for a later pass: filler patients the
// Monday books give two or more visits that day. Remove an entry when its books agree.
const MONDAY_KNOWN_OPEN = [
	'pt-ana-sofia-delgado',
	'pt-daniela-ortiz',
	'pt-esperanza-ruiz',
	'pt-frank-kowalski',
	'pt-grace-okonkwo',
	'pt-harold-jensen',
	'pt-hector-alvarez',
	'pt-liam-oconnor',
	'pt-linh-tran',
	'pt-luis-ramirez',
	'pt-marcus-webb',
	'pt-meera-natarajan',
	'pt-mei-chen',
	'pt-olivia-bennett',
	'pt-robert-hayes',
	'pt-sandra-whitfield',
	'pt-tyler-brooks'
];

const DAYS = [
	// Monday: several books, and same-day bookings a task asks for.
	{ name: 'Monday 24 November', date: '2025-11-24', knownOpen: MONDAY_KNOWN_OPEN, books: 6, visits: 60, bookedToday: true },
	// Tuesday: none left open since stop 21 aligned Dr. Okafor's Tuesday morning across the waitlist and
	// new-patient books and gave the other rows patients with no other visit.
	{ name: 'Tuesday 25 November', date: '2025-11-25', knownOpen: [] as string[], books: 5, visits: 60, bookedToday: false }
];

for (const day of DAYS)
	describe(`a patient has one visit on ${day.name} across the books`, () => {
		const visits = visitsOn(day.date);

		it('the content loads, with visits from several books to compare (the rule is not vacuous)', () => {
			expect(errors).toEqual([]);
			expect(new Set(visits.map((x) => x.where)).size).toBeGreaterThanOrEqual(day.books);
			expect(visits.length).toBeGreaterThanOrEqual(day.visits);
			if (day.bookedToday) expect(visits.some((x) => x.key.startsWith('booked today'))).toBe(true);
		});

		it('no patient has two visits that day, apart from the known open ones', () => {
			const unexpected = [...twiceInADay(visits)].filter(([p]) => !day.knownOpen.includes(p)).map(([p, ks]) => `${p}: ${ks.join('; ')}`);
			expect(unexpected).toEqual([]);
		});

		it('every known open entry is still open (remove it once fixed)', () => {
			const found = twiceInADay(visits);
			expect(day.knownOpen.filter((p) => !found.has(p))).toEqual([]);
		});
	});
