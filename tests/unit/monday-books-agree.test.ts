/**
 * Every schedule book dated Monday 24 November shows the same day at Maple Grove, seen from a different
 * moment. A learner who works several meets the same patients and providers again, so the books must not
 * disagree about where anyone is (Kevin Osei was once booked with four providers that day; one book had
 * Elena Vargas at an off-site training all morning while two others had her seeing patients). Cheap,
 * from the books' own fields:
 * - a patient is never booked with two different providers at overlapping times, in one book or across
 *   books (the same visit shown in two books, same provider and time, is the same visit, not a clash);
 * - a provider is never booked in a slot that a book marks them away (a `disruption`), unless the row is
 *   one the book's own tasks ask the learner to move or cancel (that is the problem it teaches), or the
 *   row's book is set earlier than anyone knew of the absence: an absence is known from the earlier of
 *   its start and its own book's clock (`now`), so a book at 11:40 may still show a 1:00 visit with a
 *   provider who is called to the hospital at 12:15. A book with no clock is taken as known all day.
 * The books are the `schedule` steps of every scenario and every shift task; a row counts when its date
 * (its own, or its book's first day, the clinic's today by default) is 24 November.
 */
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/content';
import type { ResolvedScheduleBlock } from '../../src/lib/content/schema/scenario';
import { isActive, seedBook } from '../../src/lib/office/schedule';
import { readContentFiles } from '../../scripts/read-content';
import { shippedBooks } from './shipped-books';

const files = readContentFiles();
delete files['content/codesets/icd10cm-2026.tsv'];
delete files['content/codesets/hcpcs-2025oct.tsv'];
const { content, errors } = loadContent(files);
const MONDAY = '2025-11-24';
const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
const clock = (m: number) => `${Math.floor(m / 60)}:${String(m % 60).padStart(2, '0')}`;

interface Book {
	where: string;
	block: ResolvedScheduleBlock;
}
interface Row {
	where: string;
	id: string;
	patient: string;
	provider: string;
	start: number;
	end: number;
	/** A task of its own book asks the learner to move, cancel or mark it. */
	toFix: boolean;
	/** The book's clock, in minutes; undefined when the book gives none. */
	now?: number;
}
interface Away {
	where: string;
	provider: string;
	from: number;
	to: number;
	reason: string;
	known: number;
}

const books: Book[] = shippedBooks(content).map(({ where, step, block }) => ({ where: `${where}/${step}`, block }));

function rowsOf({ where, block }: Book): Row[] {
	const toFix = new Set(block.tasks.flatMap((t) => t.appointments ?? []));
	const now = block.now ? minutes(block.now) : undefined;
	return seedBook(block)
		.appointments.filter((a) => a.date === MONDAY && isActive(a))
		.map((a) => ({ where, id: a.id, patient: a.patient, provider: a.provider, start: a.start, end: a.start + a.minutes, toFix: toFix.has(a.id), now }));
}

function awayOf({ where, block }: Book): Away[] {
	return block.disruptions
		.filter((d) => (d.date ?? block.context.firstDay) === MONDAY && d.provider)
		.map((d) => {
			const from = minutes(d.from);
			return { where, provider: d.provider!, from, to: minutes(d.to), reason: d.reason ?? '', known: Math.min(from, block.now ? minutes(block.now) : from) };
		});
}

/** Each pair of rows that puts one patient with two providers at once. */
function patientClashes(rows: Row[]): string[] {
	const out: string[] = [];
	for (const [i, a] of rows.entries())
		for (const b of rows.slice(i + 1))
			if (a.patient === b.patient && a.provider !== b.provider && a.start < b.end && b.start < a.end)
				out.push(`${a.patient}: ${a.provider} at ${clock(a.start)} (${a.where} ${a.id}) and ${b.provider} at ${clock(b.start)} (${b.where} ${b.id})`);
	return out;
}

/** Each row that books a provider while a book has them away, and the book knew it. */
function whileAway(rows: Row[], away: Away[]): string[] {
	const out: string[] = [];
	for (const d of away)
		for (const r of rows)
			if (r.provider === d.provider && r.start < d.to && d.from < r.end && !(r.where === d.where && r.toFix) && (r.now === undefined || r.now >= d.known))
				out.push(`${r.provider} at ${clock(r.start)} with ${r.patient} (${r.where} ${r.id}), away ${clock(d.from)}-${clock(d.to)} in ${d.where}: ${d.reason}`);
	return out;
}

const monday = books.filter((b) => rowsOf(b).length > 0 || awayOf(b).length > 0);
const rows = monday.flatMap(rowsOf);
const away = monday.flatMap(awayOf);

describe('the books dated Monday 24 November agree on where everyone is', () => {
	it('the content loads, with several Monday books to compare (the rule is not vacuous)', () => {
		expect(errors).toEqual([]);
		expect(new Set(rows.map((r) => r.where)).size).toBeGreaterThanOrEqual(6);
		expect(away.length).toBeGreaterThanOrEqual(2);
	});

	it('the checks catch the clashes they are for', () => {
		const row = (where: string, patient: string, provider: string, start: string, extra: Partial<Row> = {}): Row => ({
			where, id: 'x', patient, provider, start: minutes(start), end: minutes(start) + 15, toFix: false, now: minutes('08:00'), ...extra
		});
		// One patient with two providers at once, across books; the same visit in two books is no clash.
		expect(patientClashes([row('a', 'pt-kevin-osei', 'prov-okafor', '10:00'), row('b', 'pt-kevin-osei', 'prov-kealoha', '10:05')])).toHaveLength(1);
		expect(patientClashes([row('a', 'pt-kevin-osei', 'prov-okafor', '10:00'), row('b', 'pt-kevin-osei', 'prov-okafor', '10:00')])).toEqual([]);
		expect(patientClashes([row('a', 'pt-kevin-osei', 'prov-okafor', '10:00'), row('b', 'pt-kevin-osei', 'prov-kealoha', '10:15')])).toEqual([]);
		// The old urgent-same-day book: Vargas at a training all morning, while another book has her seeing patients.
		const training: Away = { where: 'a', provider: 'prov-vargas', from: minutes('08:00'), to: minutes('12:30'), reason: 'Off-site training', known: minutes('08:00') };
		expect(whileAway([row('b', 'pt-linh-tran', 'prov-vargas', '10:00', { now: minutes('09:52') })], [training])).toHaveLength(1);
		// A row the absence's own book asks the learner to move is the lesson; a book set before the absence was known is not wrong.
		expect(whileAway([row('a', 'pt-linh-tran', 'prov-vargas', '10:00', { toFix: true })], [training])).toEqual([]);
		const calledAway: Away = { ...training, from: minutes('13:00'), to: minutes('17:00'), known: minutes('12:15') };
		expect(whileAway([row('b', 'pt-luis-ramirez', 'prov-vargas', '13:00', { now: minutes('11:40') })], [calledAway])).toEqual([]);
		expect(whileAway([row('b', 'pt-luis-ramirez', 'prov-vargas', '13:00', { now: minutes('12:30') })], [calledAway])).toHaveLength(1);
	});

	it('no patient is booked with two providers at once', () => {
		expect(patientClashes(rows)).toEqual([]);
	});

	it('no provider is booked while a book has them away', () => {
		expect(whileAway(rows, away)).toEqual([]);
	});
});
