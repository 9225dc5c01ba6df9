import type { ContentError } from './errors';
import type { Interaction, Scenario } from './schema/scenario';
import { stepOf } from './steps';
import { parsePoints, stepWorth } from './points';
import { MAX_POINTS } from '../limits';
import { placeholders, WORLD_FIELDS } from './template';
import { checkBilling } from './billing-rules';
import type { InboxBlock } from './schema/inbox';
import type { AuditBlock } from './schema/audit';

export interface KnownIds {
	competencies: ReadonlySet<string>;
	patients: ReadonlySet<string>;
	providers: ReadonlySet<string>;
	appointmentTypes?: ReadonlySet<string>;
	rooms?: ReadonlySet<string>;
	/** Codes on the fee schedule (the practice's curated CPT and HCPCS list). */
	fees?: ReadonlySet<string>;
	modifiers?: ReadonlySet<string>;
	payers?: ReadonlySet<string>;
}

/** What the graph and evidence checks need to know about one outcome of an interaction. */
interface OutcomeFacts {
	label: string;
	/** The option's own line, where known. */
	line?: number;
	next?: string;
	evidence: Record<string, string>;
	feedback?: string;
	critical?: string;
}

function outcomesOf(interaction: Interaction): { outcomes: OutcomeFacts[]; fallbackNext?: string; extraTargets: string[]; competencies: string[]; texts: string[] } {
	switch (interaction.kind) {
		case 'choice':
			return {
				outcomes: interaction.block.options.map((o, i) => ({ label: `option "${o.id}"`, ...o, line: interaction.optionLines?.[i] })),
				fallbackNext: interaction.block.next,
				extraTargets: [],
				competencies: [],
				texts: [interaction.block.prompt ?? '', ...interaction.block.options.flatMap((o) => [o.text, o.feedback ?? ''])]
			};
		case 'dialogue':
			return {
				outcomes: interaction.block.replies.map((o, i) => ({ label: `reply "${o.id}"`, ...o, line: interaction.optionLines?.[i] })),
				fallbackNext: interaction.block.next,
				extraTargets: interaction.block.exit ? [interaction.block.exit.next] : [],
				competencies: [],
				texts: [interaction.block.speaker ?? '', interaction.block.says, ...interaction.block.replies.flatMap((o) => [o.text, o.feedback ?? ''])]
			};
		case 'multi-choice':
			return graded(interaction.block.next, interaction.block.competencies, [interaction.block.prompt, ...interaction.block.options.flatMap((o) => [o.text, o.feedback])]);
		case 'triage':
			return graded(interaction.block.next, interaction.block.competencies, [interaction.block.prompt, ...interaction.block.items.flatMap((o) => [o.text, o.feedback])]);
		case 'schedule': {
			const b = interaction.block;
			return graded(
				b.next,
				[b.scoring.fit, b.scoring.type, b.scoring.timing, b.scoring.integrity, ...b.collect.map((c) => c.competency)],
				[b.prompt, ...b.tasks.flatMap((t) => [t.ask, t.teach ?? '']), ...b.collect.flatMap((c) => [c.label, c.feedback, ...c.expect])]
			);
		}
		case 'code': {
			const b = interaction.block;
			return graded(b.next, [b.scoring.procedures, b.scoring.diagnoses, b.scoring.linking], [b.prompt, b.note, ...b.diagnoses.map((d) => d.why ?? ''), ...b.procedures.map((l) => l.why ?? ''), ...b.wrong.map((w) => w.teach)]);
		}
		case 'claim': {
			const b = interaction.block;
			return graded(b.next, [b.scoring.claim, b.scoring.coding], [b.prompt, b.teach ?? '', ...b.superbill.lines.map((l) => l.why ?? ''), ...b.wrong.map((w) => w.teach)]);
		}
		case 'verify': {
			const b = interaction.block;
			return graded(b.next, [b.scoring.rows, b.scoring.collect], [b.prompt, b.collect.teach, ...b.rows.map((r) => r.teach)]);
		}
		case 'remittance': {
			const b = interaction.block;
			return graded(b.next, [b.scoring.posting, b.scoring.reading], [b.prompt, b.teach ?? '']);
		}
		case 'inbox': {
			const b = interaction.block;
			return graded(b.next, [b.scoring.results, b.scoring.messages, b.scoring.priority, ...b.items.flatMap((i) => i.competency ?? [])], [b.prompt, ...b.items.flatMap((i) => [i.from, i.subject, i.body, i.teach]), ...b.replies.map((r) => r.text)]);
		}
		case 'match': {
			const b = interaction.block;
			return graded(b.next, [b.scoring.identity, ...(b.pairs.some((p) => p.fixes.length) ? [b.scoring.fields] : [])], [b.prompt, ...b.pairs.flatMap((p) => [p.title, p.teach, ...p.evidence.map((e) => e.text), ...p.fixes.map((f) => f.teach)])]);
		}
		case 'audit': {
			const b = interaction.block;
			return graded(b.next, [b.scoring.review, b.scoring.breach], [b.prompt, ...b.rows.flatMap((r) => [r.action, r.what ?? '', r.to ?? '', r.purpose, r.note ?? '', r.teach])]);
		}
		case 'report': {
			const b = interaction.block;
			return graded(b.next, [b.scoring.report, ...b.questions.flatMap((q) => q.competency ?? [])], [b.prompt, b.teach, ...b.questions.flatMap((q) => [q.ask, ...(q.type === 'choice' ? q.options.flatMap((o) => [o.text, o.feedback]) : [])])]);
		}
		case 'index': {
			const b = interaction.block;
			return graded(b.next, [b.scoring.filing, ...(b.documents.some((d) => d.misdirected) ? [b.scoring.misdirected] : [])], [b.prompt, ...b.documents.flatMap((d) => [d.from, d.title, d.name, d.body, d.teach])]);
		}
	}
}

/** A step graded as a whole (not per option): one way on, scored against the listed competencies. */
function graded(next: string | undefined, competencies: string[], texts: string[]) {
	return { outcomes: [{ label: 'the step', next, evidence: {} }], extraTargets: [] as string[], competencies, texts };
}

/** ", did you mean …?" when a known id is one or two edits away (a typo), else nothing. */
export function nearest(wrong: string, known: readonly string[]): string {
	let best: string | undefined;
	let bestD = 3;
	for (const k of known) {
		const d = editDistance(wrong, k, bestD);
		if (d < bestD) (best = k), (bestD = d);
	}
	return best === undefined ? '' : `; did you mean "${best}"?`;
}

function editDistance(a: string, b: string, cap: number): number {
	if (Math.abs(a.length - b.length) >= cap) return cap;
	let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const cur = [i];
		for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
		prev = cur;
	}
	return prev[b.length]!;
}

function duplicates(ids: string[]): string[] {
	const seen = new Set<string>();
	return [...new Set(ids.filter((id) => (seen.has(id) ? true : (seen.add(id), false))))];
}

/** Cross-reference, graph and teaching-quality rules that a schema alone cannot express. */
export function checkScenario(s: Scenario, known: KnownIds, fmLine: (key: string) => number, minDecisions: number): ContentError[] {
	const errors: ContentError[] = [];
	const file = s.file;
	const err = (line: number, message: string) => errors.push({ file, line, message });
	const m = s.meta;
	const listed = new Set(m.competencies);

	const unknownListed = m.competencies.filter((c) => !known.competencies.has(c));
	for (const c of unknownListed) err(fmLine('competencies'), `unknown competency "${c}" in the front matter's competencies${nearest(c, [...known.competencies]) || ' (see the competencies listed on the author page, or content/competencies.yaml)'}`);
	// A typo in the list makes every use of the real id look unlisted: report the typo alone.
	const checkListed = unknownListed.length === 0;

	// People in the front matter: a clinic id, or {{patient}} filled by every variant.
	const variantKeys = m.variants ? new Set(m.variants.flatMap((v) => Object.keys(v))) : new Set<string>();
	for (const [key, ids] of [['patient', known.patients], ['provider', known.providers]] as const) {
		const value = m[key];
		if (value === undefined) continue;
		if (value === `{{${key}}}`) {
			if (!m.variants) err(fmLine(key), `${key} is "{{${key}}}" but the scenario has no variants to fill it`);
			for (const [i, v] of (m.variants ?? []).entries()) {
				if (!v[key]) err(fmLine('variants'), `variant ${i + 1} does not set "${key}"`);
				else if (!ids.has(v[key]!)) err(fmLine('variants'), `variant ${i + 1}: unknown ${key} id "${v[key]}"`);
			}
		} else if (!ids.has(value)) err(fmLine(key), `unknown ${key} id "${value}" (see content/office/)`);
	}

	if (!stepOf(s, m.start)) err(fmLine('start'), `start step "${m.start}" does not exist`);
	const called = new Set<string>();
	for (const c of m.calls ?? [])
		for (const id of c.steps) {
			if (!stepOf(s, id)) err(fmLine('calls'), `calls: step "${id}" does not exist${nearest(id, s.stepOrder)}`);
			else if (called.has(id)) err(fmLine('calls'), `calls: step "${id}" is listed for two callers`);
			called.add(id);
		}

	const texts: { text: string; line: number }[] = [{ text: s.debrief, line: 1 }, { text: m.title, line: fmLine('title') }, { text: m.summary, line: fmLine('summary') }];
	const edges = new Map<string, string[]>();
	let missingTargets = 0;
	const reported = new Set<string>();
	let decisions = 0;
	let hasDialogue = false;

	for (const id of s.stepOrder) {
		const step = s.steps[id]!;
		texts.push({ text: step.narrative, line: step.line });
		const targets: string[] = [];
		edges.set(id, targets);
		const it = step.interaction;
		if (!it) continue;
		decisions++;
		if (it.kind === 'dialogue') hasDialogue = true;
		const facts = outcomesOf(it);
		for (const t of facts.texts) texts.push({ text: t, line: it.line });

		for (const o of facts.outcomes) {
			const next = o.next ?? facts.fallbackNext;
			if (!next) err(o.line ?? it.line, `${o.label} of step "${id}" has no next step (give it "next:", or give the block one)`);
			else {
				targets.push(next);
				const own = o.next !== undefined && o.label !== 'the step';
				const key = `${id}>${next}${own ? `>${o.label}` : ''}`;
				if (next !== 'end' && !stepOf(s, next) && !reported.has(key)) {
					missingTargets++;
					reported.add(key).add(`${id}>${next}`);
					err(own ? (o.line ?? it.line) : (it.nextLine ?? it.line), `${own ? `${o.label} of step "${id}"` : `step "${id}"`} leads to "${next}", which is not a step of this scenario${nearest(next, s.stepOrder)}`);
				}
			}
		}
		targets.push(...facts.extraTargets);

		// Evidence: known, listed in the front matter, and the same stakes whichever option is picked.
		const stakes = new Map<string, string>();
		let unknownEvidence = false;
		for (const o of facts.outcomes) {
			const earnedAll = Object.entries(o.evidence).every(([, p]) => {
				const { earned, possible } = parsePoints(p);
				return earned === possible;
			});
			for (const c of Object.keys(o.evidence)) {
				if (!known.competencies.has(c)) (err(o.line ?? it.line, `${o.label} in step "${id}": unknown competency "${c}"${nearest(c, [...known.competencies])}`), (unknownEvidence = true));
				else if (checkListed && !listed.has(c)) err(o.line ?? it.line, `${o.label} in step "${id}": competency "${c}" is not listed in the front matter's competencies`);
			}
			const possibleBy = Object.entries(o.evidence).map(([c, p]) => `${c}:${parsePoints(p).possible}`).sort().join(',');
			stakes.set(o.label, possibleBy);
			if ((!earnedAll || o.critical) && !o.feedback) err(o.line ?? it.line, `${o.label} in step "${id}" is not the best answer but has no feedback to teach why`);
			if (o.critical && earnedAll && Object.keys(o.evidence).length > 0)
				err(o.line ?? it.line, `${o.label} in step "${id}" earns full marks but is marked critical: a critical error is a wrong answer, so give it fewer points or remove "critical:"`);
		}
		if (it.kind === 'choice' || it.kind === 'dialogue') {
			// An unknown id already explains why one option's scale differs: do not report it twice.
			if (new Set(stakes.values()).size > 1 && !unknownEvidence)
				err(it.line, `options of step "${id}" award evidence for different competencies or possible points; every option must be scored on the same scale`);
			if ([...stakes.values()][0] === '') err(it.line, `step "${id}" awards no evidence: a decision must be scored`);
			const ids = it.kind === 'choice' ? it.block.options.map((o) => o.id) : it.block.replies.map((o) => o.id);
			for (const d of duplicates(ids)) err(it.line, `duplicate option id "${d}" in step "${id}"`);
		}
		for (const c of facts.competencies) {
			if (!known.competencies.has(c)) err(it.line, `step "${id}": unknown competency "${c}"`);
			else if (checkListed && !listed.has(c)) err(it.line, `step "${id}": competency "${c}" is not listed in the front matter's competencies`);
		}
		if (it.kind === 'multi-choice') {
			for (const d of duplicates(it.block.options.map((o) => o.id))) err(it.line, `duplicate option id "${d}" in step "${id}"`);
			if (!it.block.options.some((o) => o.correct)) err(it.line, `step "${id}": no option is marked correct`);
		}
		if (it.kind === 'schedule') errors.push(...checkSchedule(it.block, id, it.line, known, file));
		if (it.kind === 'code' || it.kind === 'claim' || it.kind === 'remittance') errors.push(...checkBilling(it, id, known, file));
		if (it.kind === 'verify') {
			const actions = new Set(['ok', ...it.block.actions.map((a) => a.id)]);
			for (const d of duplicates(it.block.rows.map((r) => r.id))) err(it.line, `duplicate row id "${d}" in step "${id}"`);
			for (const r of it.block.rows) if (!actions.has(r.action)) err(it.line, `step "${id}": row "${r.id}" expects unknown action "${r.action}"`);
			if (!it.block.rows.some((r) => r.action !== 'ok')) err(it.line, `step "${id}": no row has a discrepancy to find`);
		}
		if (it.kind === 'inbox') errors.push(...checkInbox(it.block, id, it.line, it.optionLines, file));
		if (it.kind === 'index') errors.push(...checkIndex(it.block, id, it.optionLines, it.line, known, file));
		if (it.kind === 'match') errors.push(...checkMatch(it.block, id, it.optionLines, it.line, file));
		if (it.kind === 'audit') errors.push(...checkAudit(it.block, id, it.line, it.optionLines, file));
		if (it.kind === 'triage') {
			const b = it.block;
			for (const d of duplicates(b.items.map((o) => o.id))) err(it.line, `duplicate item id "${d}" in step "${id}"`);
			if (b.mode === 'classify') {
				if (!b.categories) err(it.line, `step "${id}": classify mode needs categories`);
				const cats = new Set((b.categories ?? []).map((c) => c.id));
				for (const d of duplicates((b.categories ?? []).map((c) => c.id))) err(it.line, `duplicate category id "${d}" in step "${id}"`);
				for (const item of b.items) {
					if (!item.category) err(it.line, `step "${id}": item "${item.id}" has no category`);
					else if (!cats.has(item.category)) err(it.line, `step "${id}": item "${item.id}" names unknown category "${item.category}"`);
				}
			} else if (b.categories || b.items.some((i) => i.category)) {
				err(it.line, `step "${id}": order mode takes the items in their right order; remove categories`);
			}
		}
	}

	if (hasDialogue && m.mood === undefined) err(fmLine('start'), 'the scenario has dialogue steps but no starting "mood" in the front matter');
	// One poor first reply should not end the conversation: the learner deserves a chance to recover.
	const first = stepOf(s, m.start)?.interaction;
	if (first?.kind === 'dialogue' && first.block.exit && m.mood !== undefined) {
		const worst = Math.min(...first.block.replies.map((r) => r.mood));
		if (m.mood + worst <= first.block.exit.atOrBelow)
			err(first.line, `a single reply at the start ends the conversation (mood ${m.mood} ${worst} ≤ ${first.block.exit.atOrBelow}); raise the starting mood or move the exit to a later step`);
	}

	// Graph: every target exists, every step is reachable, and every step can reach an ending.
	for (const [from, targets] of edges) {
		// Targets the options named were reported on their lines above; these come from exits and the like.
		for (const t of new Set(targets)) if (t !== 'end' && !stepOf(s, t) && !reported.has(`${from}>${t}`)) err(s.steps[from]!.line, `step "${from}" leads to "${t}", which does not exist`);
	}
	// A step that leads nowhere makes others look unreachable or endless: report the cause alone.
	if (stepOf(s, m.start) && missingTargets === 0) {
		const reached = new Set<string>([m.start]);
		const queue = [m.start];
		while (queue.length) for (const t of edges.get(queue.shift()!) ?? []) if (stepOf(s, t) && !reached.has(t)) (reached.add(t), queue.push(t));
		for (const id of s.stepOrder) if (!reached.has(id)) err(s.steps[id]!.line, `step "${id}" cannot be reached from the start step "${m.start}"`);
	}
	const ends = new Set(s.stepOrder.filter((id) => !s.steps[id]!.interaction || edges.get(id)!.includes('end')));
	let grew = true;
	while (grew) {
		grew = false;
		for (const [from, targets] of edges) if (!ends.has(from) && targets.some((t) => ends.has(t))) (ends.add(from), (grew = true));
	}
	if (missingTargets === 0)
		for (const id of s.stepOrder) if (!ends.has(id)) err(s.steps[id]!.line, `no path from step "${id}" ever ends the scenario (a loop with no way out)`);

	// Every path's points fit in the attempt's record (src/lib/limits.ts), whichever steps it takes.
	const worth = s.stepOrder.reduce((n, id) => n + (s.steps[id]!.interaction ? stepWorth(s.steps[id]!.interaction!) : 0), 0);
	if (worth > MAX_POINTS) err(1, `the scenario's steps are worth ${worth} points together; at most ${MAX_POINTS} (progress and result files keep a score up to ${MAX_POINTS} points): lower the points or the steps' weight`);

	if (decisions < minDecisions) err(1, `the scenario has ${decisions} decision${decisions === 1 ? '' : 's'}; shipped scenarios need at least ${minDecisions}`);

	// Placeholders must resolve in every variant.
	for (const { text, line } of texts) {
		for (const name of placeholders(text)) {
			const [root, field] = name.split('.');
			if (field !== undefined) {
				// Own keys only: {{constructor.name}} must not find Object's constructor.
				const fields = Object.hasOwn(WORLD_FIELDS, root!) ? (WORLD_FIELDS[root as keyof typeof WORLD_FIELDS] as readonly string[]) : undefined;
				if (!fields || !fields.includes(field)) err(line, `unknown placeholder {{${name}}}`);
				else if (root !== 'clinic' && !m[root as 'patient' | 'provider']) err(line, `{{${name}}} needs a ${root} in the front matter`);
			} else if (!variantKeys.has(name) || m.variants!.some((v) => !Object.hasOwn(v, name) || v[name] === undefined)) {
				err(line, `placeholder {{${name}}} is not set by every variant`);
			}
		}
	}
	return errors;
}

/** Each page is either ours (a patient, a type and a date of service to file it under) or misdirected, never both. */
function checkIndex(b: import('./schema/indexing').IndexBlock, stepId: string, lines: number[] | undefined, line: number, known: KnownIds, file: string): ContentError[] {
	const errors: ContentError[] = [];
	for (const d of duplicates(b.documents.map((x) => x.id))) errors.push({ file, line, message: `duplicate document id "${d}" in step "${stepId}"` });
	b.documents.forEach((d, i) => {
		const err = (message: string) => errors.push({ file, line: lines?.[i] ?? line, message: `step "${stepId}": document "${d.id}" ${message}` });
		const key = [d.patient && 'patient', d.type && 'type', d.date && 'date'].filter(Boolean);
		if (d.misdirected) {
			if (key.length) err(`is misdirected, so it is filed nowhere: remove its ${key.join(', ')}`);
		} else if (key.length < 3) err(`needs a patient, a type and a date to be filed under (or misdirected: true)`);
		if (d.patient && !known.patients.has(d.patient)) err(`names unknown patient "${d.patient}"${nearest(d.patient, [...known.patients])}`);
	});
	return errors;
}

/** A set of charts: distinct MRNs; a merge names the survivor (only a merge does); each fix names one of the charts and its answer is among its options. */
function checkMatch(b: import('./schema/match').MatchBlock, stepId: string, lines: number[] | undefined, line: number, file: string): ContentError[] {
	const errors: ContentError[] = [];
	for (const d of duplicates(b.pairs.map((x) => x.id))) errors.push({ file, line, message: `duplicate set id "${d}" in step "${stepId}"` });
	b.pairs.forEach((p, i) => {
		const err = (message: string) => errors.push({ file, line: lines?.[i] ?? line, message: `step "${stepId}": set "${p.id}" ${message}` });
		const mrns = p.records.map((r) => r.mrn);
		for (const d of duplicates(mrns)) err(`lists MRN ${d} twice`);
		const survivors = p.survivor === undefined ? [] : Array.isArray(p.survivor) ? p.survivor : [p.survivor];
		if (p.action === 'merge' && !survivors.length) err('is a merge: name the MRN that survives with "survivor"');
		if (p.action !== 'merge' && survivors.length) err(`is not a merge (${p.action}), so nothing survives: remove "survivor"`);
		for (const s of survivors) if (!mrns.includes(s)) err(`names survivor MRN ${s}, which is none of its charts (${mrns.join(', ')})`);
		if (p.action === 'overlay' && p.fixes.length) err('is an overlay, which the HIM lead corrects, not the desk: remove its fixes');
		for (const d of duplicates(p.fixes.map((f) => f.id))) err(`has two fixes with id "${d}"`);
		for (const f of p.fixes) {
			if (!mrns.includes(f.record)) err(`fix "${f.id}" names MRN ${f.record}, which is none of its charts (${mrns.join(', ')})`);
			for (const d of duplicates(f.options)) err(`fix "${f.id}" offers "${d}" twice`);
			const answers = Array.isArray(f.answer) ? f.answer : [f.answer];
			for (const a of answers) if (!f.options.includes(a)) err(`fix "${f.id}": the answer "${a}" is not one of its options`);
		}
	});
	return errors;
}

function checkSchedule(b: import('./schema/scenario').ScheduleBlock, stepId: string, line: number, known: KnownIds, file: string): ContentError[] {
	const errors: ContentError[] = [];
	const err = (message: string) => errors.push({ file, line, message: `step "${stepId}": ${message}` });
	const types = known.appointmentTypes ?? new Set<string>();
	const rooms = known.rooms ?? new Set<string>();
	const seedIds = b.appointments.map((a) => a.id);
	for (const d of duplicates([...seedIds, ...b.waitlist.map((w) => w.id)])) err(`duplicate appointment or waitlist id "${d}"`);
	for (const d of duplicates(b.tasks.map((t) => t.id))) err(`duplicate task id "${d}"`);
	for (const a of b.appointments) {
		if (!known.patients.has(a.patient)) err(`appointment "${a.id}": unknown patient "${a.patient}"`);
		if (!known.providers.has(a.provider)) err(`appointment "${a.id}": unknown provider "${a.provider}"`);
		if (!types.has(a.type)) err(`appointment "${a.id}": unknown appointment type "${a.type}"`);
	}
	for (const w of b.waitlist) {
		if (!known.patients.has(w.patient)) err(`waitlist "${w.id}": unknown patient "${w.patient}"`);
		if (!types.has(w.type)) err(`waitlist "${w.id}": unknown appointment type "${w.type}"`);
		if (w.provider && !known.providers.has(w.provider)) err(`waitlist "${w.id}": unknown provider "${w.provider}"`);
	}
	for (const d of b.disruptions) {
		if (!d.provider === !d.room) err(`a disruption names either a provider or a room (${d.reason})`);
		if (d.provider && !known.providers.has(d.provider)) err(`disruption: unknown provider "${d.provider}"`);
		if (d.room && !rooms.has(d.room)) err(`disruption: unknown room "${d.room}"`);
	}
	for (const t of b.tasks) {
		if (t.patient && !known.patients.has(t.patient)) err(`task "${t.id}": unknown patient "${t.patient}"`);
		for (const ty of t.types ?? []) if (!types.has(ty)) err(`task "${t.id}": unknown appointment type "${ty}"`);
		for (const p of [...(t.providers ?? []), ...(t.preferProvider ? [t.preferProvider] : [])]) if (!known.providers.has(p)) err(`task "${t.id}": unknown provider "${p}"`);
		for (const a of [...(t.appointments ?? []), ...t.sameDay]) if (!seedIds.includes(a)) err(`task "${t.id}": no appointment "${a}" on the book`);
		for (const w of t.fromWaitlist ?? []) if (!b.waitlist.some((x) => x.id === w)) err(`task "${t.id}": no waitlist entry "${w}"`);
		if (t.kind === 'book' && !t.patient && !t.fromWaitlist) err(`task "${t.id}": a booking task names a patient or waitlist entries`);
		if ((t.kind === 'resolve' || t.kind === 'cancel' || t.kind === 'no-show') && !(t.appointments ?? []).length) err(`task "${t.id}": a ${t.kind} task lists the appointments it concerns`);
		if (t.kind === 'waitlist' && !t.patient) err(`task "${t.id}": a waitlist task names the patient`);
		if (t.urgency === 'soon' && !t.withinDays) err(`task "${t.id}": urgency "soon" needs withinDays`);
	}
	for (const d of duplicates(b.collect.map((c) => c.id))) err(`duplicate collect field "${d}"`);
	return errors;
}

/** An audit step: each row keyed appropriate or not; one that is not has a reason, and either an exception or the four factors and a conclusion. */
function checkAudit(b: AuditBlock, id: string, line: number, rowLines: number[] | undefined, file: string): ContentError[] {
	const errors: ContentError[] = [];
	const err = (at: number | undefined, message: string) => errors.push({ file, line: at ?? line, message: `step "${id}": ${message}` });
	for (const d of duplicates(b.rows.map((r) => r.id))) err(line, `duplicate audit row id "${d}"`);
	if (!b.rows.some((r) => !r.appropriate)) err(line, 'no row is inappropriate: an audit needs something to find');
	for (const [n, r] of b.rows.entries()) {
		const at = rowLines?.[n];
		if (r.log === 'disclosure' && (!r.what || !r.to)) err(at, `disclosure row "${r.id}" needs "what" was disclosed and "to" whom`);
		if (r.appropriate) {
			const extra = [r.reason !== undefined && 'reason', r.exception !== 'none' && 'exception', r.factors && 'factors', r.breach !== undefined && 'breach'].filter(Boolean);
			if (extra.length) err(at, `row "${r.id}" is appropriate, so it has no ${extra.join(', ')}: remove ${extra.length > 1 ? 'them' : 'it'}`);
			continue;
		}
		if (r.reason === undefined) err(at, `row "${r.id}" is not appropriate: give the "reason" (or reasons) it is not`);
		if (r.exception !== 'none') {
			if (r.factors || r.breach !== undefined) err(at, `row "${r.id}" falls under an exception of 164.402(1), so it is no breach: remove "factors" and "breach"`);
		} else if (!r.factors || r.breach === undefined) err(at, `row "${r.id}" needs the four "factors" (nature, person, viewed, mitigated: higher or lower) and "breach" (true or false), or an "exception"`);
		if (r.inOneState !== undefined && r.inOneState > r.affected) err(at, `row "${r.id}": "inOneState" (${r.inOneState}) cannot exceed "affected" (${r.affected})`);
	}
	return errors;
}

/** An inbox step: messages keyed, the practice's rules left to decide results, refills and overdue orders. */
function checkInbox(b: InboxBlock, id: string, line: number, itemLines: number[] | undefined, file: string): ContentError[] {
	const errors: ContentError[] = [];
	const err = (at: number | undefined, message: string) => errors.push({ file, line: at ?? line, message: `step "${id}": ${message}` });
	for (const d of duplicates(b.items.map((i) => i.id))) err(line, `duplicate inbox item id "${d}"`);
	for (const d of duplicates(b.replies.map((r) => r.id))) err(line, `duplicate portal reply id "${d}"`);
	const replies = new Set(b.replies.map((r) => r.id));
	for (const [n, i] of b.items.entries()) {
		const at = itemLines?.[n];
		const routes = i.route === undefined ? [] : Array.isArray(i.route) ? i.route : [i.route];
		if (i.kind === 'message') {
			if (!routes.length) err(at, `message "${i.id}" needs a "route": where it should go`);
			if (i.priority === undefined) err(at, `message "${i.id}" needs a "priority": now, today or routine`);
			if (i.clinical && routes.includes('reply')) err(at, `message "${i.id}" is a clinical question, so the front desk may not answer it: route it to the nurse or the provider`);
		} else {
			if (routes.length) err(at, `${i.kind} "${i.id}" takes its route from the practice's rule; remove "route"`);
			if (i.clinical) err(at, `"clinical" is for messages; remove it from ${i.kind} "${i.id}"`);
		}
		if (i.kind === 'result') {
			if (!i.test || !i.flag || !i.orderedBy) err(at, `result "${i.id}" needs the "test", the lab's "flag" and "orderedBy" (the ordering provider)`);
			if (i.priority !== undefined) err(at, `result "${i.id}" takes its priority from the lab's flag; remove "priority"`);
		} else if (i.flag) err(at, `only results carry the lab's "flag"; remove it from ${i.kind} "${i.id}"`);
		if (i.kind === 'overdue-order' && (!i.test || !i.orderedBy || !i.due)) err(at, `overdue order "${i.id}" needs the "test", "orderedBy" and the "due" date it was expected by`);
		if (routes.includes('reply') && replies.size && !i.reply) err(at, `message "${i.id}" is answered by a portal reply: name the right one with "reply"`);
		if (i.reply !== undefined && !replies.has(i.reply)) err(at, `item "${i.id}" names unknown portal reply "${i.reply}"${nearest(i.reply, [...replies])}`);
	}
	return errors;
}
