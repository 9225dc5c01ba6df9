import { expect, test } from '@playwright/test';
import { CHART_JS_PROBE, CODE_INDEX_BUDGET_BYTES, CODE_SET_PROBE, INITIAL_JS_BUDGET_BYTES, SCENARIO_TEXT_PROBE, codeIndex, initialJs } from '../../scripts/budget';

// Sizes, not timings: a budget the build must keep on every machine.
test('the first page loads at most 80 KB of gzipped JS, with no chart.js, no scenario text and no code set', () => {
	const { gzipBytes, text, files } = initialJs('build');
	expect(files.length).toBeGreaterThan(0);
	expect(gzipBytes).toBeLessThanOrEqual(INITIAL_JS_BUDGET_BYTES);
	expect(CHART_JS_PROBE.test(text)).toBe(false);
	expect(text.includes(SCENARIO_TEXT_PROBE)).toBe(false);
	expect(text.includes(CODE_SET_PROBE)).toBe(false);
});

test('the ICD-10-CM and HCPCS files are fetched separately and stay within 1.5 MB gzip', () => {
	const { files, gzipBytes } = codeIndex('build');
	expect(files.some((f) => f.startsWith('icd10cm-2026'))).toBe(true);
	expect(files.some((f) => f.startsWith('hcpcs-2025oct'))).toBe(true);
	expect(gzipBytes).toBeLessThanOrEqual(CODE_INDEX_BUDGET_BYTES);
});
