/** Issue 20: which competencies a scenario decision actually practises (evidence), not just lists. */
import { describe, expect, it } from 'vitest';
import { practisedCompetencies, unpractisedCompetencies } from '../../src/lib/content/coverage';
import { loadContent } from '../../src/lib/content';
import { readContentFiles } from '../../scripts/read-content';
import { mustParse, VALID } from './fixtures';

describe('competency coverage', () => {
	it('counts evidence given by a decision, not a competency only listed in the front matter', () => {
		const s = mustParse(VALID);
		const known = new Set([...s.meta.competencies, 'cehrs.reporting.data-integrity']);
		const practised = practisedCompetencies([s], known);
		expect(practised.size).toBeGreaterThan(0);
		for (const c of practised) expect(s.meta.competencies).toContain(c);
		expect(practised.has('cehrs.reporting.data-integrity')).toBe(false);
		// A step whose evidence names it makes it practised.
		const more = { steps: { x: { interaction: { block: { options: [{ id: 'a', evidence: { 'cehrs.reporting.data-integrity': 2 } }] } } } } };
		expect(practisedCompetencies([s, more as never], known).has('cehrs.reporting.data-integrity')).toBe(true);
	});

	it('every competency of the shipped frameworks is practised by some scenario decision; one without is named', () => {
		const { content } = loadContent(readContentFiles());
		expect(unpractisedCompetencies(content!.scenarios, content!.competencies.frameworks)).toEqual([]);
		// Without the records scenarios, the reporting competencies would have none: the check names them.
		const without = content!.scenarios.filter((s) => !s.meta.id.startsWith('records-'));
		expect(unpractisedCompetencies(without, content!.competencies.frameworks)).toContain('cehrs.reporting.quality-reports');
	});
});
