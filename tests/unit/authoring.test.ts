import { describe, expect, it } from 'vitest';
import { readContentFiles } from '../../scripts/read-content';
import { loadContent } from '../../src/lib/content';
import { checkAuthored } from '../../src/lib/authoring';
import { AUTHOR_TEMPLATES } from '../../src/lib/author-templates';
import { INTERACTION_SCHEMAS } from '../../src/lib/content/schema/scenario';

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

describe('starter templates on the author page', () => {
	it('offers one for every interaction kind', () => {
		expect(AUTHOR_TEMPLATES.map((t) => t.kind).sort()).toEqual(Object.keys(INTERACTION_SCHEMAS).sort());
	});
	for (const t of AUTHOR_TEMPLATES)
		it(`the ${t.kind} template passes the author check and uses its kind`, () => {
			const r = check(t.text);
			expect(r.errors.map((e) => `${e.line}: ${e.message}`)).toEqual([]);
			expect(r.warnings).toEqual([]);
			expect(Object.values(r.scenario!.steps).some((s) => s.interaction?.kind === t.kind)).toBe(true);
		});
});

describe('the author check proves every schedule task can be met', () => {
	const schedule = AUTHOR_TEMPLATES.find((t) => t.kind === 'schedule')!.text;
	it("refuses a task whose only availability is the provider's day off, on the task's line, naming it", () => {
		// Jordan Kealoha has Fridays off.
		const text = schedule.replace('    availability: [{ from: "13:00", to: "17:00" }]', '    providers: [prov-kealoha]\n    availability: [{ days: [fri], from: "15:00", to: "17:00" }]');
		const r = check(text);
		expect(r.errors.map((e) => `${e.line}: ${e.message}`)).toEqual([
			`${text.split('\n').findIndex((l) => l.includes('- id: book-follow-up')) + 1}: step "book": task "book-follow-up" (“Book his blood pressure follow-up this week, after 1 p.m.”) has no booking that earns full marks (Jordan Kealoha, PA-C does not work Fridays; the only availability given is Friday 15:00–17:00)`
		]);
	});
	it('refuses a task whose only availability is a clinic holiday', () => {
		const text = schedule.replace('availability: [{ from: "13:00", to: "17:00" }]', 'availability: [{ days: [thu], from: "13:00", to: "17:00" }]');
		expect(check(text).errors.map((e) => e.message)).toEqual([
			'step "book": task "book-follow-up" (“Book his blood pressure follow-up this week, after 1 p.m.”) has no booking that earns full marks (Thursday 2025-11-27 is a clinic holiday (Thanksgiving Day); the only availability given is Thursday 13:00–17:00)'
		]);
	});
});
