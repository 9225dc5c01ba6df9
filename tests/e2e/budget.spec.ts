import { expect, test } from '@playwright/test';
import { CHART_JS_PROBE, INITIAL_JS_BUDGET_BYTES, SCENARIO_TEXT_PROBE, initialJs } from '../../scripts/budget';

// Sizes, not timings: a budget the build must keep on every machine.
test('the first page loads at most 80 KB of gzipped JS, with no chart.js and no scenario text', () => {
	const { gzipBytes, text, files } = initialJs('build');
	expect(files.length).toBeGreaterThan(0);
	expect(gzipBytes).toBeLessThanOrEqual(INITIAL_JS_BUDGET_BYTES);
	expect(CHART_JS_PROBE.test(text)).toBe(false);
	expect(text.includes(SCENARIO_TEXT_PROBE)).toBe(false);
});
