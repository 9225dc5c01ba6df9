/**
 * The test-wiseness guard: a learner who knows nothing of the subject, picking by the options'
 * surface (length, hedging, tone, keywords) or at random, must not earn more than chance plus a
 * margin, nor pass a scenario. Thresholds live in CUE_LIMITS (src/lib/content/cues.ts).
 */
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/content';
import { CUE_LIMITS } from '../../src/lib/content/cues';
import { bankFigures, scenarioFigures } from '../../src/lib/engine/test-wiseness';
import { readContentFiles } from '../../scripts/read-content';

const content = loadContent(readContentFiles()).content!;
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

describe('test-wiseness guard', () => {
	it('no know-nothing strategy beats chance by more than the margin in the scenarios, or passes one', () => {
		const figures = scenarioFigures(content.scenarios, 40);
		const chance = figures.find((f) => f.strategy === 'random')!.decisionShare;
		const limit = chance + CUE_LIMITS.aboveChance / 100;
		console.log(`scenarios: chance ${pct(chance)}, limit ${pct(limit)}; ${figures.map((f) => `${f.strategy} ${pct(f.decisionShare)}`).join(', ')}`);
		const over = figures.filter((f) => f.decisionShare > limit).map((f) => `${f.strategy} earns ${pct(f.decisionShare)}`);
		const passes = figures.flatMap((f) =>
			f.scenarios.filter((s) => s.passShare > CUE_LIMITS.passShare).map((s) => `${f.strategy} passes ${s.id} in ${pct(s.passShare)} of runs`)
		);
		expect([...over, ...passes]).toEqual([]);
	}, 120_000);

	it('no know-nothing strategy beats chance by more than the margin in any item-bank domain', () => {
		const figures = bankFigures(content.questions);
		const limit = 0.25 + CUE_LIMITS.aboveChance / 100;
		for (const b of figures) console.log(`${b.domain} (${b.items}): ${Object.entries(b.byStrategy).map(([k, v]) => `${k} ${pct(v)}`).join(', ')}`);
		const over = figures.flatMap((b) => Object.entries(b.byStrategy).filter(([, v]) => v > limit).map(([k, v]) => `${b.domain}: ${k} ${pct(v)}`));
		expect(over).toEqual([]);
	});
});
