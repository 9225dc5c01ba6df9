import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { readContentFiles } from '../../scripts/read-content';
import { CODESET_FILES, loadContent } from '../../src/lib/content';
import { ClaimBlock, CodeBlock, RemittanceBlock, VerifyBlock } from '../../src/lib/content/schema/billing';
import { claimContext, codeContext, remittanceContext } from '../../src/lib/content/billing-context';
import { checkCodeSets } from '../../src/lib/content/billing-rules';
import { lookupCode, parseHcpcsIndex, parseIcdIndex, searchCodes } from '../../src/lib/office/codesets';
import { isValidNpi } from '../../src/lib/office/npi';
import { expectedClaim, parseClaimDate } from '../../src/lib/office/claim';
import { code } from '../../src/lib/engine/interactions/code';
import { claim } from '../../src/lib/engine/interactions/claim';
import { remittance } from '../../src/lib/engine/interactions/remittance';
import { verify } from '../../src/lib/engine/interactions/verify';
import type { CodedLine, Input, RuleResult } from '../../src/lib/engine/types';
import type { Scenario } from '../../src/lib/content/schema/scenario';

const icd = parseIcdIndex(readFileSync(CODESET_FILES.icd10cm, 'utf8'));
const hcpcs = parseHcpcsIndex(readFileSync(CODESET_FILES.hcpcs, 'utf8'));
const files = readContentFiles();
delete files[CODESET_FILES.icd10cm];
delete files[CODESET_FILES.hcpcs];
const loaded = loadContent(files);
const world = loaded.content!.world;

describe('shipped code sets', () => {
	it('hold the whole FY2026 ICD-10-CM order file: every billable code and every header', () => {
		expect(icd.entries).toHaveLength(98186);
		expect(icd.entries.filter((e) => e.billable)).toHaveLength(74719);
		expect(lookupCode(icd, 'E11')?.billable).toBe(false);
		expect(lookupCode(icd, 'e11.9')).toMatchObject({ code: 'E11.9', billable: true });
		// Headers a learner meets: R05 became a category in FY2023, M54.5 in FY2022.
		expect(lookupCode(icd, 'R05')?.billable).toBe(false);
		expect(lookupCode(icd, 'M54.5')?.billable).toBe(false);
		expect(lookupCode(icd, 'M54.50')?.billable).toBe(true);
	});

	it('hold HCPCS Level II codes and its modifiers, and no CPT', () => {
		expect(lookupCode(hcpcs, 'G0439')?.description).toMatch(/wellness/i);
		expect(lookupCode(hcpcs, 'LT')?.modifier).toBe(true);
		expect(hcpcs.entries.some((e) => /^\d{5}$/.test(e.code))).toBe(false);
	});

	it('find codes by prefix with or without the dot, header first', () => {
		const r = searchCodes(icd, 'e11.6');
		expect(r.entries[0]).toMatchObject({ code: 'E11.6', billable: false });
		expect(r.entries.every((e) => e.code.startsWith('E11.6'))).toBe(true);
		expect(searchCodes(icd, 'E116').total).toBe(r.total);
	});

	it('find codes by words in any order, the description that starts with them first', () => {
		expect(searchCodes(icd, 'low back pain').entries[0]!.code).toBe('M54.5');
		const r = searchCodes(icd, 'pharyngitis strep');
		expect(r.entries.map((e) => e.code)).toContain('J02.0');
		expect(r.entries.every((e) => /strep/i.test(e.description) && /pharyngitis/i.test(e.description))).toBe(true);
		expect(searchCodes(icd, 'zzzz nothing').total).toBe(0);
	});
});

describe('NPI check digit', () => {
	it('accepts the CMS example and every shipped NPI, and rejects a changed digit', () => {
		expect(isValidNpi('1234567893')).toBe(true);
		expect(isValidNpi('1234567890')).toBe(false);
		for (const n of [world.clinic.npi, ...world.providers.map((p) => p.npi)]) {
			expect(isValidNpi(n)).toBe(true);
			expect(isValidNpi(n.slice(0, 9) + String((Number(n[9]) + 1) % 10))).toBe(false);
		}
		expect(isValidNpi('123456789')).toBe(false);
	});
});

// A knee injection on the same day as a chronic-care visit, as in the shipped coding scenario.
const codeBlock = {
	...CodeBlock.parse({
		prompt: 'Code it',
		note: 'Diabetes and hypertension managed; right knee injected.',
		diagnoses: [{ code: 'E11.9' }, { code: 'I10' }, { code: 'M17.11' }],
		procedures: [
			{ code: '99214', modifiers: ['25'], diagnoses: ['E11.9', 'I10'] },
			{ code: '20610', modifiers: ['RT'], diagnoses: ['M17.11'] },
			{ code: 'J1030', diagnoses: ['M17.11'] }
		],
		wrong: [
			{ code: 'M17.9', kind: 'unspecified', teach: 'The side is documented.' },
			{ code: '96372', kind: 'bundled', teach: 'A joint injection has its own code.' }
		]
	}),
	context: codeContext(world, CodeBlock.parse({ prompt: 'x', note: 'x', diagnoses: [{ code: 'I10' }], procedures: [{ code: '99213', diagnoses: ['I10'] }] }), 'prov-okafor')
};
const keyLines: CodedLine[] = [
	{ code: '99214', modifiers: ['25'], units: 1, pointers: 'AB' },
	{ code: '20610', modifiers: ['RT'], units: 1, pointers: 'C' },
	{ code: 'J1030', modifiers: [], units: 1, pointers: 'C' }
];
const coded = (diagnoses: string[], lines: CodedLine[]): Input => ({ kind: 'code', diagnoses, lines });
const failed = (rules: RuleResult[]) => rules.filter((r) => !r.ok).map((r) => r.message).join('\n');
const rulesOf = (g: ReturnType<typeof code.grade>) => ('rules' in g.marks ? g.marks.rules : []);
const total = (g: ReturnType<typeof code.grade>) => g.evidence.reduce((s, e) => ({ earned: s.earned + e.earned, possible: s.possible + e.possible }), { earned: 0, possible: 0 });

describe('superbill grader', () => {
	it('gives full marks to the key, and to another valid order of the secondary diagnoses', () => {
		expect(code.grade(codeBlock, coded(['E11.9', 'I10', 'M17.11'], keyLines)).verdict).toBe('best');
		const swapped = keyLines.map((l) => ({ ...l, pointers: l.pointers.replace('C', 'B').replace(/^AB$/, 'AC') }));
		const g = code.grade(codeBlock, coded(['E11.9', 'M17.11', 'I10'], swapped));
		expect(failed(rulesOf(g))).toBe('');
		expect(g.verdict).toBe('best');
	});

	it('names a header code and the billable code the note supports', () => {
		const g = code.grade(codeBlock, coded(['E11', 'I10', 'M17.11'], keyLines));
		expect(failed(rulesOf(g))).toMatch(/E11 is a category header.*E11\.9/);
		expect(g.verdict).toBe('partial');
	});

	it("uses the content's reason for an anticipated unspecified code", () => {
		const g = code.grade(codeBlock, coded(['E11.9', 'I10', 'M17.9'], keyLines));
		expect(failed(rulesOf(g))).toMatch(/M17\.9 instead of M17\.11: The side is documented/);
	});

	it('wants the main reason for the visit first', () => {
		const g = code.grade(codeBlock, coded(['I10', 'E11.9', 'M17.11'], [{ ...keyLines[0]!, pointers: 'BA' }, keyLines[1]!, keyLines[2]!]));
		expect(failed(rulesOf(g))).toMatch(/List E11\.9 first/);
	});

	it('takes a point off for a diagnosis the note does not support', () => {
		const full = total(code.grade(codeBlock, coded(['E11.9', 'I10', 'M17.11'], keyLines)));
		const g = code.grade(codeBlock, coded(['E11.9', 'I10', 'M17.11', 'R52'], keyLines));
		expect(total(g).earned).toBe(full.earned - 1);
		expect(failed(rulesOf(g))).toMatch(/R52 should not be on this claim/);
	});

	it('asks for modifier 25 on the visit billed with a same-day procedure', () => {
		const g = code.grade(codeBlock, coded(['E11.9', 'I10', 'M17.11'], [{ ...keyLines[0]!, modifiers: [] }, keyLines[1]!, keyLines[2]!]));
		expect(failed(rulesOf(g))).toMatch(/99214 needs modifier 25/);
	});

	it('names a wrong level and a new-patient code for an established patient', () => {
		expect(failed(rulesOf(code.grade(codeBlock, coded(['E11.9', 'I10', 'M17.11'], [{ ...keyLines[0]!, code: '99213' }, keyLines[1]!, keyLines[2]!]))))).toMatch(/99213 is the wrong level/);
		expect(failed(rulesOf(code.grade(codeBlock, coded(['E11.9', 'I10', 'M17.11'], [{ ...keyLines[0]!, code: '99204' }, keyLines[1]!, keyLines[2]!]))))).toMatch(/99204 is for new patients/);
	});

	it('checks units and pointers line by line', () => {
		const g = code.grade(codeBlock, coded(['E11.9', 'I10', 'M17.11'], [keyLines[0]!, { ...keyLines[1]!, pointers: 'A' }, { ...keyLines[2]!, units: 2 }]));
		const msg = failed(rulesOf(g));
		expect(msg).toMatch(/20610 should point first to M17\.11.*not E11\.9/);
		expect(msg).toMatch(/J1030: 1 unit documented, not 2/);
	});

	it('marks a wrong diagnosis once, not again on each line that points to it as the learner coded it', () => {
		const full = total(code.grade(codeBlock, coded(['E11.9', 'I10', 'M17.11'], keyLines)));
		// M17.9 (unspecified side) in place of M17.11: two lines point to it, rightly for what was coded.
		const g = code.grade(codeBlock, coded(['E11.9', 'I10', 'M17.9'], keyLines));
		const rules = rulesOf(g);
		expect(rules.filter((r) => !r.ok).map((r) => r.rule)).toEqual(['dx-present']);
		expect(failed(rules)).not.toMatch(/pointer to the wrong diagnosis/);
		expect(rules.find((r) => r.rule === 'line-pointer' && r.message.startsWith('20610'))!.message).toMatch(/points first to M17\.9 \(coded for M17\.11\)/);
		expect(total(g).earned).toBe(full.earned - 1);
		// A pointer to a diagnosis the learner coded for something else is still wrong.
		const swapped = code.grade(codeBlock, coded(['E11.9', 'I10', 'M17.9'], [keyLines[0]!, { ...keyLines[1]!, pointers: 'B' }, keyLines[2]!]));
		expect(failed(rulesOf(swapped))).toMatch(/20610 should point first to M17\.11.*not I10/);
	});

	it('shows the code entered on the units check of a line billed under the wrong code, and marks it', () => {
		const g = code.grade(codeBlock, coded(['E11.9', 'I10', 'M17.11'], [{ ...keyLines[0]!, code: '99213' }, keyLines[1]!, keyLines[2]!]));
		const units = rulesOf(g).find((r) => r.rule === 'line-units' && r.message.includes('9921'))!;
		expect(units.ok).toBe(false);
		expect(units.message).toMatch(/^1 unit of 99213 entered, but the note documents 99214/);
		expect(units.message).not.toMatch(/^1 unit of 99214/);
		// The count itself was right: the wrong level costs the code check's point, not a second one.
		const full = total(code.grade(codeBlock, coded(['E11.9', 'I10', 'M17.11'], keyLines)));
		expect(total(g).earned).toBe(full.earned - 1);
	});

	it('takes a point off for a service that should not be billed, with the reason', () => {
		const g = code.grade(codeBlock, coded(['E11.9', 'I10', 'M17.11'], [...keyLines, { code: '96372', modifiers: [], units: 1, pointers: 'C' }]));
		expect(failed(rulesOf(g))).toMatch(/96372 .* should not be billed: A joint injection has its own code/);
		expect(g.verdict).toBe('partial');
	});

	it('refuses a superbill it cannot grade, saying why', () => {
		expect(code.check(codeBlock, coded(['E11.9'], [{ ...keyLines[0]!, pointers: 'AB' }]))).toBe('line 1 points to B, but there is no diagnosis B');
		expect(code.check(codeBlock, coded([], keyLines))).toMatch(/at least one diagnosis/);
		expect(code.check(codeBlock, coded(['E11.9'], [{ ...keyLines[0]!, units: 0 }]))).toMatch(/units/);
	});
});

// Mei Chen: Medicare Part B primary with a Medigap supplement, seen by Dr. Lindqvist.
const claimBlockRaw = ClaimBlock.parse({
	prompt: 'Complete the claim',
	patient: 'pt-mei-chen',
	provider: 'prov-lindqvist',
	superbill: { diagnoses: ['E11.9', 'I10'], lines: [{ code: '99214', diagnoses: ['E11.9', 'I10'] }, { code: '83036', diagnoses: ['E11.9'] }] }
});
const claimCtx = claimContext(world, claimBlockRaw, {});
if (typeof claimCtx === 'string') throw new Error(claimCtx);
const claimBlock = { ...claimBlockRaw, context: claimCtx };
const clean = expectedClaim(claimBlock, claimCtx);
const filed = (changes: Record<string, string>): Input => ({ kind: 'claim', fields: { ...clean, ...changes } });

describe('CMS-1500 grader', () => {
	it('gives full marks to a clean claim, in any date format a biller types', () => {
		expect(claim.grade(claimBlock, filed({})).verdict).toBe('best');
		const g = claim.grade(claimBlock, filed({ '3.dob': '02/09/1954', '24.1.A': '112425', '2': 'chen,  mei' }));
		expect(failed(rulesOf(g))).toBe('');
	});

	it('puts NONE in item 11 when Medicare is primary', () => {
		expect(clean['11']).toBe('NONE');
		expect(failed(rulesOf(claim.grade(claimBlock, filed({ '11': '' }))))).toMatch(/write NONE when Medicare is primary/);
	});

	it('rejects an NPI whose check digit fails, and the group NPI in 24J', () => {
		expect(failed(rulesOf(claim.grade(claimBlock, filed({ '33a': '2555501009' }))))).toMatch(/not a valid NPI/);
		expect(failed(rulesOf(claim.grade(claimBlock, filed({ '24.1.J': world.clinic.npi }))))).toMatch(/that is the group's NPI/);
		expect(failed(rulesOf(claim.grade(claimBlock, filed({ '33a': claimCtx.provider.npi }))))).toMatch(/the provider's own NPI/);
	});

	it('wants pointers within the diagnoses filled in item 21, as letters', () => {
		expect(failed(rulesOf(claim.grade(claimBlock, filed({ '24.2.E': 'C' }))))).toMatch(/C points past the last diagnosis/);
		expect(failed(rulesOf(claim.grade(claimBlock, filed({ '24.2.E': 'E11.9' }))))).toMatch(/letters of item 21/);
	});

	it('checks the total against the line charges', () => {
		expect(clean['28']).toBe('230.00');
		expect(failed(rulesOf(claim.grade(claimBlock, filed({ '28': '195.00' }))))).toMatch(/not the sum of the line charges \(230\.00\)/);
	});

	it('names an insured ID that does not match the card, and a birth date without a four-digit year', () => {
		const msg = failed(rulesOf(claim.grade(claimBlock, filed({ '1a': '3TW7HK2PD4', '3.dob': '02 09 55' }))));
		expect(msg).toMatch(/does not match the card on file/);
		expect(msg).toMatch(/MM DD YYYY/);
	});

	it('a claim under another member ID is a critical error; a wrong birth date format alone is not', () => {
		const wrongId = claim.grade(claimBlock, filed({ '1a': '3TW7HK2PD4' }));
		expect(wrongId.critical).toMatch(/member ID that is not the patient's/);
		expect(wrongId.verdict).toBe('wrong');
		expect(claim.grade(claimBlock, filed({ '3.dob': '02 09 55' })).critical).toBeUndefined();
		expect(claim.grade(claimBlock, filed({})).critical).toBeUndefined();
	});

	it('parses the date formats billers type', () => {
		expect(parseClaimDate('11 23 2026', true)).toBe('2026-11-23');
		expect(parseClaimDate('11/23/26', false)).toBe('2026-11-23');
		expect(parseClaimDate('11/23/26', true)).toBeUndefined();
		expect(parseClaimDate('13/01/2026', false)).toBeUndefined();
	});
});

const remitBlockRaw = RemittanceBlock.parse({
	prompt: 'Post it',
	patient: 'pt-luis-ramirez',
	payer: 'cascade-health-plan',
	claimNumber: 'C1',
	trace: 'EFT1',
	paidOn: '2026-11-20',
	collected: 25,
	lines: [
		{ code: '99214', billed: 195, allowed: 140, paid: 75, adjustments: [{ group: 'CO', reason: '45', amount: 55 }, { group: 'PR', reason: '3', amount: 25 }, { group: 'PR', reason: '2', amount: 40 }] },
		{ code: '83036', billed: 35, allowed: 20, paid: 0, adjustments: [{ group: 'CO', reason: '45', amount: 15 }, { group: 'PR', reason: '1', amount: 20 }] }
	]
});
const remitBlock = { ...remitBlockRaw, context: remittanceContext(world, remitBlockRaw, {}) };
const posted = (lines: [string, string, string][], balance: string): Input => ({ kind: 'remittance', lines: lines.map(([payment, adjustment, patient]) => ({ payment, adjustment, patient })), balance });

describe('remittance posting grader', () => {
	const key: [string, string, string][] = [['75.00', '55.00', '65.00'], ['0', '15', '20']];
	it('gives full marks to the right posting: CO written off, PR to the patient, less the copay paid', () => {
		expect(remittance.grade(remitBlock, posted(key, '60.00')).verdict).toBe('best');
	});
	it("names writing off the patient's share", () => {
		expect(failed(rulesOf(remittance.grade(remitBlock, posted([key[0]!, ['0', '35', '0']], '40'))))).toMatch(/wrote off the patient's share/);
	});
	it('names billing the patient a contractual adjustment', () => {
		expect(failed(rulesOf(remittance.grade(remitBlock, posted([['75', '0', '120'], key[1]!], '115'))))).toMatch(/balance billing/);
	});
	it('takes off what the patient paid at the desk', () => {
		expect(failed(rulesOf(remittance.grade(remitBlock, posted(key, '85.00'))))).toMatch(/already paid 25\.00/);
	});
	it('refuses amounts that are not money', () => {
		expect(remittance.check(remitBlock, posted([['7o', '0', '0'], key[1]!], '0'))).toMatch(/line 1: the payment must be an amount/);
	});
});

describe('code-set checks on content', () => {
	const scenarioWith = (interaction: unknown): Scenario =>
		({ meta: { id: 't' }, file: 'content/scenarios/t.md', stepOrder: ['s'], steps: { s: { id: 's', narrative: '', line: 1, interaction } } }) as unknown as Scenario;
	const codeStep = (over: Record<string, unknown>) => ({ kind: 'code', line: 9, block: { ...codeBlock, ...over } });

	it('accepts the shipped-style block, then names a header in the key, a false "unspecified" and a "deleted" code that exists', () => {
		expect(checkCodeSets([scenarioWith(codeStep({}))], world, icd, hcpcs)).toEqual([]);
		const errors = checkCodeSets(
			[
				scenarioWith(
					codeStep({
						diagnoses: [{ code: 'E11' }, { code: 'I10' }, { code: 'M17.11' }],
						wrong: [
							{ code: 'M17.11X', kind: 'header', teach: 'x' },
							{ code: 'I10', kind: 'unspecified', teach: 'x' },
							{ code: 'E11.9', kind: 'deleted', teach: 'x' },
							{ code: 'E11.8', kind: 'header', teach: 'x' }
						]
					})
				)
			],
			world,
			icd,
			hcpcs
		).map((e) => e.message);
		expect(errors).toContain('step "s": answer-key diagnosis E11 is a header in ICD-10-CM, not a billable code');
		expect(errors).toContain('step "s": wrong code I10 is marked "unspecified" but its description does not say "unspecified"');
		expect(errors).toContain('step "s": wrong code E11.9 is marked "deleted" but it is in the current code set');
		expect(errors).toContain('step "s": wrong code E11.8 is marked "header" but it is billable');
		expect(errors).toContain('step "s": wrong code M17.11X is marked "header" but it is in no shipped code set or the fee schedule');
	});

	it('names a code in the prose that is in no code set', () => {
		const s = { ...scenarioWith(codeStep({})), debrief: 'Code E11.9 (not E11.99) and bill J1030, never J9998.' } as Scenario;
		expect(checkCodeSets([s], world, icd, hcpcs).map((e) => e.message)).toEqual([
			'the text names E11.99, which is not in ICD-10-CM FY2026',
			'the text names J9998, which is not in the HCPCS Level II file'
		]);
	});
});

describe('insurance verification grader', () => {
	const block = VerifyBlock.parse({
		prompt: 'Compare',
		rows: [
			{ id: 'name', label: 'Name', card: 'ANA LOPEZ', registration: 'Anna Lopez', eligibility: 'LOPEZ, ANA', action: 'fix', teach: 'Match the card.' },
			{ id: 'id', label: 'Member ID', card: 'X1', registration: 'X1', eligibility: 'X1', action: 'ok', teach: 'Same everywhere.' },
			{ id: 'status', label: 'Status', card: 'Effective 2020', registration: 'Active', eligibility: 'Terminated', action: 'coverage', teach: 'It ended.', critical: 'Missed terminated coverage.' }
		],
		actions: [
			{ id: 'fix', label: 'Correct the registration' },
			{ id: 'coverage', label: 'Coverage problem' }
		],
		collect: { amount: 75, teach: 'Self-pay deposit.' }
	});
	const v = (actions: Record<string, string>, collect: string): Input => ({ kind: 'verify', actions, collect });
	it('gives full marks when every row and the amount are right', () => {
		expect(verify.grade(block, v({ name: 'fix', id: 'ok', status: 'coverage' }, '75')).verdict).toBe('best');
	});
	it('names a missed discrepancy and makes missed terminated coverage critical', () => {
		const g = verify.grade(block, v({ name: 'ok', id: 'ok', status: 'ok' }, '25'));
		expect(g.critical).toBe('Missed terminated coverage.');
		expect(g.verdict).toBe('wrong');
		const msg = failed(rulesOf(g));
		expect(msg).toMatch(/Name: Correct the registration, not "nothing to do: it matches"\. Match the card\./);
		expect(msg).toMatch(/Collect 75\.00, not 25\.00/);
	});
	it('wants a decision for every row', () => {
		expect(verify.check(block, v({ name: 'fix' }, '75'))).toBe('decide what to do about "Member ID"');
		expect(verify.check(block, v({ name: 'fix', id: 'ok', status: 'later' }, '75'))).toMatch(/unknown action "later"/);
	});
});
