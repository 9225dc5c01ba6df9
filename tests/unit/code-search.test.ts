import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { readContentFiles } from '../../scripts/read-content';
import { CODESET_FILES } from '../../src/lib/content';
import { CODE_TERM_FILES, checkCodeTerms, loadCodeTerms } from '../../src/lib/content/code-terms';
import { matchStatus, parseHcpcsIndex, parseIcdIndex, searchCodes, withTerms } from '../../src/lib/office/codesets';

// The index as the browser builds it: the shipped files with the practice's common codes and synonyms.
const files = readContentFiles();
const terms = loadCodeTerms(files).value!;
const icdBare = parseIcdIndex(readFileSync(CODESET_FILES.icd10cm, 'utf8'));
const hcpcsBare = parseHcpcsIndex(readFileSync(CODESET_FILES.hcpcs, 'utf8'));
const icd = withTerms(icdBare, terms.icd10cm);
const hcpcs = withTerms(hcpcsBare, terms.hcpcs);
const top = (index: typeof icd, q: string, n = 5) => searchCodes(index, q).entries.slice(0, n).map((e) => e.code);

describe('code search by words, as an EHR picker ranks it', () => {
	it('puts the most used code in the first five for everyday words', () => {
		expect(top(icd, 'type 2 diabetes')).toContain('E11.9');
		expect(top(icd, 'asthma')).toContain('J45.909');
		expect(top(icd, 'hypertension')[0]).toBe('I10');
	});

	it('finds what patients and staff say, through the synonym list', () => {
		expect(top(icd, 'high cholesterol')).toEqual(expect.arrayContaining(['E78.00', 'E78.5']));
		expect(top(icd, 'annual exam')).toEqual(expect.arrayContaining(['Z00.00', 'Z00.01']));
		expect(top(icd, 'sore throat')[0]).toBe('J02.9');
		expect(top(icd, 'flu vaccine')[0]).toBe('Z23');
		expect(top(hcpcs, 'flu vaccine')).toContain('G0008');
		expect(top(hcpcs, 'annual exam')).toEqual(expect.arrayContaining(['G0438', 'G0439']));
	});

	it('finds synonyms while the words are still being typed', () => {
		expect(top(icd, 'high chol')).toContain('E78.5');
		expect(top(icd, 'sore thr')).toContain('J02.9');
	});

	it('still says how many match in all, beyond the listed ones', () => {
		const r = searchCodes(icd, 'type 2 diabetes', 50);
		expect(r.entries).toHaveLength(50);
		expect(r.total).toBeGreaterThan(100);
		expect(matchStatus(r)).toMatch(new RegExp(`^Showing 50 of ${r.total} matches`));
		expect(matchStatus(searchCodes(icd, 'I10'))).toBe('1 code match.');
		// Every description match is still there, once.
		expect(new Set(searchCodes(icd, 'type 2 diabetes', 1000).entries.map((e) => e.code)).size).toBe(r.total);
	});

	it('keeps code prefixes and plain description search as they were', () => {
		expect(searchCodes(icd, 'e11.6').entries[0]).toMatchObject({ code: 'E11.6', billable: false });
		expect(searchCodes(icd, 'pharyngitis strep').entries.map((e) => e.code)).toContain('J02.0');
		expect(searchCodes(icd, 'zzzz nothing').total).toBe(0);
	});

	it('times a learner typing (printed, not asserted: machines are noisy)', () => {
		const queries = ['type 2 diabetes', 'asthma', 'high cholesterol', 'annual exam', 'sore throat', 'flu vaccine', 'low back pain'];
		const t0 = performance.now();
		let n = 0;
		for (const q of queries) for (let i = 1; i <= q.length; i++, n++) searchCodes(icd, q.slice(0, i));
		console.log(`ICD-10-CM search with common codes and synonyms: ${((performance.now() - t0) / n).toFixed(1)} ms per keystroke over ${n} keystrokes`);
		expect(n).toBeGreaterThan(0);
	});
});

describe('the common-code and synonym lists are checked against the shipped code sets', () => {
	it('accepts the shipped lists', () => {
		expect(checkCodeTerms(terms, files, icdBare, hcpcsBare)).toEqual([]);
	});

	it('refuses a code that does not exist, a header and a wrong code set, with file and line', () => {
		const bad = {
			...files,
			[CODE_TERM_FILES.synonyms]: 'icd10cm:\n  - terms: [high cholesterol]\n    codes: [E11.99]\n  - terms: [diabetes]\n    codes: [E11]\nhcpcs:\n  - terms: [flu vaccine]\n    codes: ["90686"]\n'
		};
		const t = loadCodeTerms(bad).value!;
		const errors = checkCodeTerms(t, bad, icdBare, hcpcsBare);
		expect(errors).toEqual(
			expect.arrayContaining([
				{ file: CODE_TERM_FILES.synonyms, line: 3, message: expect.stringMatching(/E11\.99 is not in the shipped ICD-10-CM list/) },
				{ file: CODE_TERM_FILES.synonyms, line: 5, message: expect.stringMatching(/E11 is a header in ICD-10-CM/) },
				{ file: CODE_TERM_FILES.synonyms, line: 8, message: expect.stringMatching(/90686 is not in the shipped HCPCS Level II list/) }
			])
		);
	});

	it('names a malformed entry with its line', () => {
		const r = loadCodeTerms({ [CODE_TERM_FILES.common]: 'icd10cm:\n  - I10\n  - [nope]\n' });
		expect(r.value).toBeUndefined();
		expect(r.errors[0]).toMatchObject({ file: CODE_TERM_FILES.common, line: 3 });
	});
});
