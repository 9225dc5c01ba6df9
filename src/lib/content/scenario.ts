import {
	FrontMatter,
	INTERACTION_SCHEMAS,
	isInteractionKind,
	type Interaction,
	type Scenario,
	type ScheduleBlock,
	type Step
} from './schema/scenario';
import type { ContentError } from './errors';
import { parseYaml } from './yaml';
import { contentHash } from './hash';
import { checkScenario, type KnownIds } from './rules';
import { scheduleContext } from './schedule-context';
import { fillTemplate, placeholders } from './template';
import { worldBindings } from '../office/bindings';
import { claimContext, codeContext, remittanceContext } from './billing-context';
import { indexContext } from './index-context';
import type { ClinicWorld } from './world';
import { checkStoryAgainstRecords } from './story-check';
import { inboxContext } from './inbox-context';
import { auditContext } from './audit-context';
// Whatever parses scenarios (build, scripts, the authoring page) may play any of them: every grader.
import '../engine/interactions/all';

const HEADING = /^##\s+([^\s:]+)\s*(?::\s*(.*))?$/;
const FENCE = /^```\s*([A-Za-z][\w-]*)?\s*$/;

export interface ParseOptions {
	known: KnownIds;
	/** The clinic, copied into schedule steps so they grade without it. */
	world?: ClinicWorld;
	/** Shipped content must give the learner at least this many decisions. */
	minDecisions?: number;
}

/** Parses one scenario Markdown file and validates it; returns the scenario only when there are no errors. */
export function parseScenario(text: string, file: string, options: ParseOptions): { scenario?: Scenario; errors: ContentError[] } {
	const errors: ContentError[] = [];
	const lines = text.replace(/\r\n?/g, '\n').split('\n');

	if (lines[0]?.trim() !== '---') {
		return { errors: [{ file, line: 1, message: 'the file must start with YAML front matter between two "---" lines' }] };
	}
	const fmEnd = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
	if (fmEnd < 0) return { errors: [{ file, line: 1, message: 'the front matter is never closed with a "---" line' }] };

	const fm = parseYaml(lines.slice(1, fmEnd).join('\n'), FrontMatter, file, 2);
	errors.push(...fm.errors);

	const steps: Record<string, Step> = {};
	const stepOrder: string[] = [];
	let debrief: string | undefined;
	let debriefLine = 0;

	// Split the body into "## id: title" sections, ignoring headings inside fences.
	type Section = { id: string; title?: string; line: number; body: { text: string; line: number }[] };
	const sections: Section[] = [];
	let current: Section | undefined;
	let inFence = false;
	for (let i = fmEnd + 1; i < lines.length; i++) {
		const line = lines[i]!;
		if (!inFence && line.startsWith('```')) inFence = true;
		else if (inFence && /^```\s*$/.test(line)) inFence = false;
		const h = !inFence ? HEADING.exec(line) : null;
		if (h) {
			current = { id: h[1]!, title: h[2]?.trim() || undefined, line: i + 1, body: [] };
			sections.push(current);
		} else if (current) {
			current.body.push({ text: line, line: i + 1 });
		} else if (line.trim() !== '') {
			errors.push({ file, line: i + 1, message: 'text before the first "## step" heading belongs in a step' });
		}
	}

	for (const section of sections) {
		if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(section.id)) {
			errors.push({ file, line: section.line, message: `step id "${section.id}" must be lower-case words joined by dashes` });
			continue;
		}
		if (section.id === 'debrief') {
			if (debrief !== undefined) errors.push({ file, line: section.line, message: 'duplicate "## debrief" section' });
			debrief = section.body.map((b) => b.text).join('\n').trim();
			debriefLine = section.line;
			if (section.body.some((b) => b.text.startsWith('```') && FENCE.exec(b.text)?.[1]))
				errors.push({ file, line: section.line, message: 'the debrief cannot hold an interaction' });
			continue;
		}
		if (section.id === 'end') {
			errors.push({ file, line: section.line, message: '"end" is reserved: it means "finish the scenario" and cannot be a step id' });
			continue;
		}
		// The title is what the learner sees above the step; an id alone would show as a heading.
		if (!section.title) errors.push({ file, line: section.line, message: `step "${section.id}" has no title: write the heading as "## ${section.id}: What happens here"` });
		if (Object.hasOwn(steps, section.id)) {
			errors.push({ file, line: section.line, message: `duplicate step id "${section.id}"` });
			continue;
		}
		const step = parseStep(section, file, errors);
		steps[step.id] = step;
		stepOrder.push(step.id);
	}

	if (debrief === undefined) errors.push({ file, line: lines.length, message: 'missing the "## debrief" section that closes every scenario' });
	else if (debrief === '') errors.push({ file, line: debriefLine, message: 'the debrief is empty' });
	if (stepOrder.length === 0) errors.push({ file, line: fmEnd + 2, message: 'the scenario has no steps' });

	// Schedule and billing steps carry the slice of the clinic they are graded against.
	const refs = { patient: fm.value?.patient, provider: fm.value?.provider };
	const contexts = attachContexts(steps, stepOrder, refs, options.world, file, errors);

	if (fm.value && errors.length === 0) {
		const hash = contentHash(contexts.length ? `${text}\n${JSON.stringify(contexts)}` : text);
		const scenario: Scenario = { meta: fm.value, steps, stepOrder, debrief: debrief ?? '', hash, file };
		errors.push(...checkScenario(scenario, options.known, fmLineOf(lines, fmEnd), options.minDecisions ?? 0));
		if (options.world) {
			const m = fm.value;
			const patients = [m.patient, ...(m.variants ?? []).map((v) => v.patient)].filter((p): p is string => !!p && !p.startsWith('{{'));
			errors.push(...checkStoryAgainstRecords(text, file, patients, options.world));
		}
		if (errors.length === 0) return { scenario, errors };
	}
	return { errors };
}

/**
 * Copies into each schedule and billing step the slice of the clinic it is graded against (so grading
 * and replay never reach outside the attempt); returns the copies, which the content hash covers.
 */
export function attachContexts(steps: Record<string, Step>, stepOrder: readonly string[], refs: { patient?: string; provider?: string }, world: ClinicWorld | undefined, file: string, errors: ContentError[]): unknown[] {
	const contexts: unknown[] = [];
	for (const id of stepOrder) {
		const it = steps[id]!.interaction;
		if (!it || it.kind === 'choice' || it.kind === 'multi-choice' || it.kind === 'dialogue' || it.kind === 'triage' || it.kind === 'verify' || it.kind === 'match') continue;
		if (!world) {
			errors.push({ file, line: it.line, message: `${it.kind} steps need the clinic world to validate against` });
			continue;
		}
		const w = world;
		if (it.kind === 'index') contexts.push((it.block.context = indexContext(w)));
		else if (it.kind === 'report') contexts.push((it.block.context = { patients: w.patients.map((p) => ({ id: p.id, name: `${p.firstName} ${p.lastName}` })) }));
		else if (it.kind === 'schedule') {
			contexts.push((it.block.context = scheduleContext(w, it.block)));
			errors.push(...fillCollectFromWorld(it.block, w, refs, file, it.line, id));
		}
		else if (it.kind === 'code') contexts.push((it.block.context = codeContext(w, it.block, refs.provider)));
		else if (it.kind === 'remittance') contexts.push((it.block.context = remittanceContext(w, it.block, refs)));
		else if (it.kind === 'audit') {
			const ctx = auditContext(w, it.block);
			if (typeof ctx === 'string') errors.push({ file, line: it.line, message: `step "${id}": ${ctx}` });
			else contexts.push((it.block.context = ctx));
		} else if (it.kind === 'inbox') {
			const ctx = inboxContext(w, it.block);
			if (typeof ctx === 'string') errors.push({ file, line: it.line, message: `step "${id}": ${ctx}` });
			else contexts.push((it.block.context = ctx));
		} else {
			const ctx = claimContext(w, it.block, refs);
			if (typeof ctx === 'string') errors.push({ file, line: it.line, message: `step "${id}": ${ctx}` });
			else contexts.push((it.block.context = ctx));
		}
	}
	return contexts;
}

/**
 * A `collect` expectation is compared with what the learner types, so a clinic placeholder in it
 * ({{patient.phone}}) is filled here from the record; it can only be when the scenario's patient is
 * fixed (a variant's patient is known only when an attempt starts).
 */
function fillCollectFromWorld(block: ScheduleBlock, world: ClinicWorld, refs: { patient?: string; provider?: string }, file: string, line: number, stepId: string): ContentError[] {
	const worldKey = (name: string) => /^(patient|provider|clinic)\./.test(name);
	const needs = block.collect.some((c) => c.expect.some((e) => placeholders(e).some(worldKey)));
	if (!needs) return [];
	const variantRef = [refs.patient, refs.provider].some((r) => r?.startsWith('{{'));
	if (variantRef)
		return [{ file, line, message: `step "${stepId}": a collect expectation names the clinic record ({{patient.…}}), but the scenario's patient or provider changes with the variant; write the value in each variant instead` }];
	const bindings = worldBindings(world, refs, {});
	for (const c of block.collect) c.expect = c.expect.map((e) => fillTemplate(e, bindings));
	return [];
}

/** Line numbers of front matter keys, so rule errors about them point at the right line. */
function fmLineOf(lines: string[], fmEnd: number): (key: string) => number {
	return (key) => {
		const i = lines.slice(1, fmEnd).findIndex((l) => l.startsWith(`${key}:`));
		return i < 0 ? 1 : i + 2;
	};
}

export function parseStep(section: { id: string; title?: string; line: number; body: { text: string; line: number }[] }, file: string, errors: ContentError[]): Step {
	const narrative: string[] = [];
	let interaction: Interaction | undefined;
	let i = 0;
	const body = section.body;
	while (i < body.length) {
		const { text, line } = body[i]!;
		const fence = text.startsWith('```') ? FENCE.exec(text) : null;
		if (fence) {
			const lang = fence[1];
			let j = i + 1;
			while (j < body.length && !/^```\s*$/.test(body[j]!.text)) j++;
			if (j >= body.length) {
				errors.push({ file, line, message: 'a fenced block is never closed with ```' });
				break;
			}
			const inner = body.slice(i + 1, j).map((b) => b.text).join('\n');
			if (!lang) {
				narrative.push(...body.slice(i, j + 1).map((b) => b.text));
			} else if (!isInteractionKind(lang)) {
				errors.push({ file, line, message: `unknown interaction kind "${lang}" (known: ${Object.keys(INTERACTION_SCHEMAS).join(', ')})` });
			} else if (interaction) {
				errors.push({ file, line, message: `step "${section.id}" has more than one interaction; split it into two steps` });
			} else {
				const kind = lang;
				const parsed = parseYaml(inner, INTERACTION_SCHEMAS[kind], file, line + 1);
				errors.push(...parsed.errors);
				if (parsed.value) {
					const listKey = kind === 'dialogue' ? 'replies' : kind === 'triage' || kind === 'inbox' ? 'items' : kind === 'schedule' ? 'tasks' : kind === 'index' ? 'documents' : kind === 'match' ? 'pairs' : kind === 'audit' ? 'rows' : kind === 'report' ? 'questions' : 'options';
					const optionLines = parsed.entryLines?.(listKey);
					const nextLine = parsed.keyLine?.('next');
					interaction = { kind, block: parsed.value, line: line + 1, ...(optionLines ? { optionLines } : {}), ...(nextLine ? { nextLine } : {}) } as Interaction;
				}
				if (body.slice(j + 1).some((b) => b.text.trim() !== ''))
					errors.push({ file, line: body[j]!.line, message: `text after the interaction in step "${section.id}": put narrative before the block` });
				break;
			}
			i = j + 1;
			continue;
		}
		narrative.push(text);
		i++;
	}
	return { id: section.id, title: section.title, narrative: narrative.join('\n').trim(), interaction, line: section.line };
}
