/**
 * For authors: grades the answer key of every billing step in a scenario and prints the result,
 * and for claim steps the values a clean claim holds. `npx tsx scripts/try-billing.ts <scenario-id>`
 */
import { readContentFiles } from './read-content';
import { formatError, loadContent } from '../src/lib/content';
import { graderFor } from '../src/lib/engine/interactions';
import { billingKeyInput } from '../tests/support/billing-key';

const id = process.argv[2];
// Only this scenario and the world, so other files being edited do not get in the way.
const all = readContentFiles();
const follows = /^follows:\s*(\S+)/m.exec(all[`content/scenarios/${id}.md`] ?? '')?.[1];
const keep = (p: string) => !p.startsWith('content/scenarios/') || p === `content/scenarios/${id}.md` || p === `content/scenarios/${follows}.md`;
const files = Object.fromEntries(Object.entries(all).filter(([p]) => keep(p)));
const { content, errors } = loadContent(files);
if (!content) {
	console.error(errors.map(formatError).join('\n'));
	process.exit(1);
}
const scenario = content.scenarios.find((s) => s.meta.id === id);
if (!scenario) {
	console.error(`no scenario "${id}"`);
	process.exit(1);
}
for (const stepId of scenario.stepOrder) {
	const it = scenario.steps[stepId]!.interaction;
	if (!it || (it.kind !== 'code' && it.kind !== 'claim' && it.kind !== 'remittance' && it.kind !== 'verify')) continue;
	const input = billingKeyInput(it);
	const grader = graderFor(it.kind) as ReturnType<typeof graderFor<'code'>>;
	const problem = grader.check(it.block as never, input);
	const graded = grader.grade(it.block as never, input);
	console.log(`\n## ${stepId} (${it.kind}) key answer: ${problem ?? graded.verdict}`);
	console.log(JSON.stringify(input, null, 1));
	for (const r of 'rules' in graded.marks ? graded.marks.rules : []) if (!r.ok) console.log(`  ✗ ${r.message}`);
}
