/**
 * For authors: grade a proposed solution to a schedule step without the browser.
 *   npx tsx scripts/try-schedule.ts <scenario-id> <step-id> <solution.json>
 * solution.json: { "actions": [ScheduleAction...], "collected": { "field-id": "text" } }
 * Prints every rule with ✓/✗, the points, and the book's conflicts after the actions.
 */
import { readFileSync } from 'node:fs';
import { formatError, loadContent } from '../src/lib/content';
import { gradeSchedule } from '../src/lib/engine/interactions/schedule';
import { applyActions, bookProblems } from '../src/lib/office/schedule';
import { readContentFiles } from './read-content';

const [id, stepId, solutionPath] = process.argv.slice(2);
if (!id || !stepId) {
	console.error('usage: npx tsx scripts/try-schedule.ts <scenario-id> <step-id> [solution.json]');
	process.exit(2);
}
const { content, errors } = loadContent(readContentFiles());
if (!content) {
	errors.forEach((e) => console.error(formatError(e)));
	process.exit(1);
}
const it = content.scenarios.find((s) => s.meta.id === id)?.steps[stepId]?.interaction;
if (it?.kind !== 'schedule') {
	console.error(`${id} has no schedule step "${stepId}"`);
	process.exit(1);
}
const solution = solutionPath ? JSON.parse(readFileSync(solutionPath, 'utf8')) : { actions: [], collected: {} };
const book = applyActions(it.block, solution.actions ?? []);
const rules = gradeSchedule(it.block, book, solution.collected ?? {});
for (const r of rules) console.log(`${r.ok ? '✓' : '✗'} ${r.task ?? '-'} ${r.rule} ${r.earned}/${r.possible} [${r.competency}] ${r.message}`);
const earned = rules.reduce((n, r) => n + r.earned, 0);
const possible = rules.reduce((n, r) => n + r.possible, 0);
console.log(`\nscore ${earned}/${possible}`);
const problems = bookProblems(book, it.block);
if (problems.length) console.log(`conflicts on the book:\n${problems.map((p) => `  ${p.appointment}: ${p.message}`).join('\n')}`);
console.log(`\nlog:\n${book.log.map((l) => `  ${l}`).join('\n')}`);
