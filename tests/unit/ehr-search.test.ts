/** Issue 20: finding a chart by name and date of birth, the two identifiers a records clerk uses. */
import { describe, expect, it } from 'vitest';
import { buildPatientIndex, findPatients, medicalRecordNumber, parseDob } from '../../src/lib/ehr/search';

const roster = [
	{ id: 'a', firstName: 'Maria', lastName: 'Garcia', dob: '1980-03-14' },
	{ id: 'b', firstName: 'María', lastName: 'García', dob: '1980-03-04' },
	{ id: 'c', firstName: 'Liam', lastName: "O'Connor", dob: '2015-07-01' },
	{ id: 'd', firstName: 'Robert', lastName: 'Hayes', preferredName: 'Bob', dob: '1958-11-30' },
	{ id: 'e', firstName: 'Mei', lastName: 'Chen', dob: '1954-02-09' }
];
const index = buildPatientIndex(roster);
const ids = (q: { name: string; dob?: string }) => findPatients(index, q).matches.map((p) => p.id);

describe('patient search', () => {
	it('finds by any order of name words and prefixes, accents and apostrophes ignored', () => {
		expect(ids({ name: 'chen mei' })).toEqual(['e']);
		expect(ids({ name: 'Chen, M' })).toEqual(['e']);
		expect(ids({ name: 'oconnor' })).toEqual(['c']);
		expect(ids({ name: 'bob hay' })).toEqual(['d']);
		// Two patients of one name: both shown, until the date of birth tells them apart.
		expect(ids({ name: 'maria garcia' })).toEqual(['b', 'a']);
		expect(ids({ name: 'maria garcia', dob: '03/14/1980' })).toEqual(['a']);
		expect(ids({ name: 'maria garcia', dob: '1980-03-04' })).toEqual(['b']);
	});
	it('a date of birth alone finds everyone born that day; nothing typed finds nothing', () => {
		expect(ids({ name: '', dob: '2/9/1954' })).toEqual(['e']);
		expect(ids({ name: '  ' })).toEqual([]);
	});
	it('reads the ways a date of birth is typed, and says when it is not a date', () => {
		expect(parseDob('02/09/1954')).toBe('1954-02-09');
		expect(parseDob('2-9-1954')).toBe('1954-02-09');
		expect(parseDob('1954-2-9')).toBe('1954-02-09');
		expect(parseDob('')).toBeUndefined();
		expect(parseDob('02/30/1954')).toBeNull();
		expect(parseDob('1954')).toBeNull();
		expect(findPatients(index, { name: 'chen', dob: '13/01/1954' })).toEqual({ matches: [], total: 0, badDob: true });
	});
	it('cuts the list at the limit and says how many matched', () => {
		const many = buildPatientIndex(Array.from({ length: 30 }, (_, k) => ({ id: `p${k}`, firstName: 'Ann', lastName: `Lee${String(k).padStart(2, '0')}`, dob: '1990-01-01' })));
		const r = findPatients(many, { name: 'ann' }, 20);
		expect(r.matches).toHaveLength(20);
		expect(r.total).toBe(30);
	});
});

describe('medical record numbers', () => {
	it('are seven digits, the same for a patient every time, and differ across the roster', async () => {
		const { readContentFiles } = await import('../../scripts/read-content');
		const { loadWorld } = await import('../../src/lib/content/world');
		const ids = loadWorld(readContentFiles()).value!.patients.map((p) => p.id);
		const mrns = ids.map(medicalRecordNumber);
		for (const m of mrns) expect(m).toMatch(/^\d{7}$/);
		expect(new Set(mrns).size).toBe(ids.length);
		expect(medicalRecordNumber('pt-mei-chen')).toBe(medicalRecordNumber('pt-mei-chen'));
	});
});
