import { describe, expect, it } from 'vitest';
import { readContentFiles } from '../../scripts/read-content';
import { loadContent } from '../../src/lib/content';
import { checkAuthored } from '../../src/lib/authoring';

const files = readContentFiles();
delete files['content/codesets/icd10cm-2026.tsv'];
delete files['content/codesets/hcpcs-2025oct.tsv'];
const content = loadContent(files).content!;
const shipped = new Set(content.scenarios.map((s) => s.meta.id));
const source = files['content/scenarios/hipaa-caller-says-spouse.md']!;
const check = (text: string) => checkAuthored(text, content.world, content.competencies.frameworks, shipped);

describe('authoring in the app', () => {
	it('accepts a scenario that passes the build checks, under a custom id', () => {
		const r = check(source.replace('id: hipaa-caller-says-spouse', 'id: custom-caller-says-spouse'));
		expect(r.errors).toEqual([]);
		expect(r.scenario!.meta.id).toBe('custom-caller-says-spouse');
	});
	it('refuses a shipped id and an id without the custom prefix, on the id line', () => {
		const r = check(source);
		expect(r.errors.map((e) => `${e.line}: ${e.message}`)).toEqual([
			'2: the id must start with "custom-" (e.g. custom-hipaa-caller-says-spouse) so it cannot replace a shipped scenario',
			'2: "hipaa-caller-says-spouse" is the id of a shipped scenario'
		]);
	});
	it('reports the build errors with their line numbers', () => {
		const broken = source.replace('id: hipaa-caller-says-spouse', 'id: custom-x').replace(/next: [a-z-]+\n/, 'next: nowhere\n');
		const r = check(broken);
		expect(r.scenario).toBeUndefined();
		const line = broken.split('\n').findIndex((l) => l.includes('next: nowhere')) + 1;
		expect(r.errors.some((e) => /nowhere/.test(e.message))).toBe(true);
		expect(r.errors.find((e) => /nowhere/.test(e.message))!.line).toBeLessThanOrEqual(line);
	});
	it('refuses an oversized file', () => {
		expect(check('x'.repeat(300_000)).errors[0]!.message).toMatch(/at most 200000/);
	});
});
