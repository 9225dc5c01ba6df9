/**
 * Prints what a learner who knows nothing could earn from the options' surface alone.
 *   npx tsx scripts/cues.ts              figures for every scenario and item bank
 *   npx tsx scripts/cues.ts <file>...    also each decision of those files: option lengths, key marked, warnings
 */
import { formatError, loadContent } from '../src/lib/content';
import { CUE_LIMITS, cueLength, cueWarnings, itemDecision, scenarioDecisions, type CueDecision } from '../src/lib/content/cues';
import { bankFigures, scenarioFigures } from '../src/lib/engine/test-wiseness';
import { readContentFiles } from './read-content';

const { content, errors } = loadContent(readContentFiles());
if (!content) {
	console.error(errors.map(formatError).join('\n'));
	process.exit(1);
}
const files = process.argv.slice(2).map((f) => f.replace(/^\.\//, ''));
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

function show(d: CueDecision) {
	const lens = d.options.map((o) => cueLength(o.text));
	const max = Math.max(...lens);
	const row = d.options.map((o, i) => `${o.credit >= 1 ? '*' : ''}${o.id}:${lens[i]}${lens[i] === max ? '(L)' : ''}`).join('  ');
	console.log(`  ${d.where}  [${d.mode}]  ${row}`);
	for (const w of cueWarnings(d)) console.log(`    ! ${w.message}`);
}

if (files.length) {
	for (const s of content.scenarios.filter((s) => files.includes(s.file))) scenarioDecisions(s).forEach(show);
	for (const q of content.questions.filter((q) => files.includes(q.file))) show(itemDecision(q));
	// A shift's tasks are small scenarios: their decisions are shown the same way.
	const shiftTasks = content.shifts.filter((s) => files.includes(s.file)).flatMap((s) => Object.values(s.tasks));
	shiftTasks.forEach((t) => scenarioDecisions(t).forEach(show));
	// Per file: how often the key is the strictly longest option.
	const decisions = [
		...content.scenarios.filter((s) => files.includes(s.file)).flatMap(scenarioDecisions),
		...content.questions.filter((q) => files.includes(q.file)).map(itemDecision),
		...shiftTasks.flatMap(scenarioDecisions)
	].filter((d) => d.mode === 'single');
	const longest = decisions.filter((d) => {
		const lens = d.options.map((o) => cueLength(o.text));
		const max = Math.max(...lens);
		const keys = d.options.filter((o, i) => o.credit >= 1 && lens[i] === max);
		return keys.length > 0 && lens.filter((l) => l === max).length === 1;
	}).length;
	console.log(`\nkey strictly longest in ${longest} of ${decisions.length} single-answer decisions in these files`);
	const warned = decisions.filter((d) => cueWarnings(d).length).length;
	console.log(`${warned} decisions with warnings\n`);
}

const runs = Number(process.env.CUE_RUNS ?? 30);
const figures = scenarioFigures(
	files.length ? content.scenarios.filter((s) => files.includes(s.file)) : content.scenarios,
	runs
);
const chance = figures.find((f) => f.strategy === 'random')!.decisionShare;
console.log(`Scenarios (${runs} runs each): share of decision points earned; chance = random = ${pct(chance)}, limit ${pct(chance + CUE_LIMITS.aboveChance / 100)}`);
for (const f of figures) {
	const passes = f.scenarios.filter((s) => s.passShare > CUE_LIMITS.passShare).map((s) => `${s.id} (${pct(s.passShare)})`);
	console.log(`  ${f.strategy.padEnd(12)} ${pct(f.decisionShare).padStart(6)}  passes: ${passes.length ? passes.join(', ') : 'none'}`);
}
const bank = bankFigures(files.length ? content.questions.filter((q) => files.includes(q.file)) : content.questions);
if (bank.length) {
	console.log(`\nItem banks: expected share right per domain (chance 25%, limit ${25 + CUE_LIMITS.aboveChance}%)`);
	const names = Object.keys(bank[0]!.byStrategy);
	console.log(`  ${'domain'.padEnd(28)} items  ${names.map((n) => n.padStart(12)).join('')}`);
	for (const b of bank) console.log(`  ${b.domain.padEnd(28)} ${String(b.items).padStart(5)}  ${names.map((n) => pct(b.byStrategy[n]!).padStart(12)).join('')}`);
}
