import type { ContentError } from './errors';
import { parseYaml } from './yaml';
import { contentHash } from './hash';
import { checkScenario, nearest, type KnownIds } from './rules';
import { attachContexts, parseStep } from './scenario';
import type { ClinicWorld } from './world';
import type { Scenario, Step } from './schema/scenario';
import { checkStoryAgainstRecords } from './story-check';
import { ShiftFrontMatter, type Shift, type ShiftEvent } from './schema/shift';
import { minutesOf } from './shift-clock';

export interface ShiftParseOptions {
	known: KnownIds;
	world?: ClinicWorld;
}

const TASK_HEADING = /^#\s+([^\s:]+)\s*(?::\s*(.*))?$/;
const STEP_HEADING = /^##\s+([^\s:]+)\s*(?::\s*(.*))?$/;

type Section = { id: string; title?: string; line: number; body: { text: string; line: number }[] };

/**
 * Parses one shift file: front matter (the clock, the events, the consequences) and a body of
 * `# event-id: Title` sections, each holding that event's task as `## step-id: Title` steps written
 * exactly like a scenario's, and a closing `# debrief`. Returns the shift only when there are no errors.
 */
export function parseShift(text: string, file: string, options: ShiftParseOptions): { shift?: Shift; errors: ContentError[] } {
	const errors: ContentError[] = [];
	const err = (line: number, message: string) => errors.push({ file, line, message });
	const lines = text.replace(/\r\n?/g, '\n').split('\n');
	if (lines[0]?.trim() !== '---') return { errors: [{ file, line: 1, message: 'the file must start with YAML front matter between two "---" lines' }] };
	const fmEnd = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
	if (fmEnd < 0) return { errors: [{ file, line: 1, message: 'the front matter is never closed with a "---" line' }] };
	const fm = parseYaml(lines.slice(1, fmEnd).join('\n'), ShiftFrontMatter, file, 2);
	errors.push(...fm.errors);
	const fmKeyLine = (key: string) => {
		const i = lines.slice(1, fmEnd).findIndex((l) => l.startsWith(`${key}:`));
		return i < 0 ? 1 : i + 2;
	};
	const eventLines = fm.entryLines?.('events') ?? [];
	/** The line of one key of the i-th event (e.g. its `at:`), so a problem with it is reported there. */
	const eventKeyLine = (i: number, key: string) => {
		const from = eventLines[i];
		if (from === undefined) return fmKeyLine('events');
		const to = eventLines[i + 1] ?? fmEnd;
		const k = lines.slice(from - 1, to - 1).findIndex((l, j) => new RegExp(`^\\s*(?:- )?${key}:`).test(l) || (j === 0 && l.includes(`${key}:`)));
		return k < 0 ? from : from + k;
	};
	const consequenceLines = fm.entryLines?.('consequences') ?? [];

	// Split the body into "# task" sections, each into "## step" sections; headings inside fences are text.
	const tasks: (Section & { steps: Section[] })[] = [];
	let debrief: { text: string; line: number } | undefined;
	let inFence = false;
	let inDebrief = false;
	for (let i = fmEnd + 1; i < lines.length; i++) {
		const line = lines[i]!;
		if (!inFence && line.startsWith('```')) inFence = true;
		else if (inFence && /^```\s*$/.test(line)) inFence = false;
		const task = !inFence && !line.startsWith('```') ? TASK_HEADING.exec(line) : null;
		const step = !inFence && !line.startsWith('```') ? STEP_HEADING.exec(line) : null;
		if (task && task[1] === 'debrief') {
			if (debrief) err(i + 1, 'duplicate "# debrief" section');
			debrief = { text: '', line: i + 1 };
			inDebrief = true;
		} else if (task) {
			inDebrief = false;
			tasks.push({ id: task[1]!, title: task[2]?.trim() || undefined, line: i + 1, body: [], steps: [] });
		} else if (inDebrief) {
			if (step) err(i + 1, 'the debrief cannot hold steps: put it last, after every task');
			debrief!.text += `${line}\n`;
		} else if (step) {
			const current = tasks.at(-1);
			if (!current) err(i + 1, `step "${step[1]}" comes before any "# event-id: Title" task heading`);
			else current.steps.push({ id: step[1]!, title: step[2]?.trim() || undefined, line: i + 1, body: [] });
		} else {
			const current = tasks.at(-1);
			const into = current?.steps.at(-1) ?? current;
			if (into && into !== current) into.body.push({ text: line, line: i + 1 });
			else if (line.trim() !== '') err(i + 1, current ? `text in task "${current.id}" before its first "## step": put it in the first step` : 'text before the first "# event-id: Title" task heading belongs in a task');
		}
	}
	if (!debrief) err(lines.length, 'missing the "# debrief" section that closes every shift');
	else if (debrief.text.trim() === '') err(debrief.line, 'the debrief is empty');
	if (!fm.value) return { errors };

	const m = fm.value;
	const start = minutesOf(m.start);
	const end = minutesOf(m.end);
	if (end <= start) err(fmKeyLine('end'), `the shift ends (${m.end}) before it starts (${m.start})`);

	const events = new Map<string, { event: ShiftEvent; line: number }>();
	for (const [i, event] of m.events.entries()) {
		const line = eventLines[i] ?? fmKeyLine('events');
		if (events.has(event.id)) err(line, `duplicate event id "${event.id}"`);
		events.set(event.id, { event, line });
		if (event.at !== undefined && (minutesOf(event.at) < start || minutesOf(event.at) > end)) err(eventKeyLine(i, 'at'), `event "${event.id}" arrives at ${event.at}, outside the shift (${m.start}–${m.end})`);
		if (event.call && event.channel !== 'call') err(eventKeyLine(i, 'call'), `event "${event.id}" has call rules but arrives by ${event.channel}; only calls ring, hold and hang up`);
		if (event.missed && event.within === undefined) err(eventKeyLine(i, 'missed'), `event "${event.id}" makes a missed deadline critical but has no deadline: give it "within:" minutes`);
	}

	// Each consequence: a real task and trigger, a waiting event to bring, and one way to say when.
	const brought = new Set<string>();
	const consequenceIds = new Set<string>();
	for (const [i, c] of m.consequences.entries()) {
		const line = consequenceLines[i] ?? fmKeyLine('consequences');
		if (consequenceIds.has(c.id)) err(line, `duplicate consequence id "${c.id}"`);
		consequenceIds.add(c.id);
		const triggers = [c.if.skipped, c.if.answered, c.if.notDoneBy].filter((t) => t !== undefined).length;
		if (triggers !== 1) err(line, `consequence "${c.id}" needs exactly one of "skipped", "answered" or "notDoneBy" under "if"`);
		if (!events.has(c.if.task)) err(line, `consequence "${c.id}": unknown task "${c.if.task}"${nearest(c.if.task, [...events.keys()])}`);
		const then = events.get(c.then);
		if (!then) err(line, `consequence "${c.id}": unknown event "${c.then}"${nearest(c.then, [...events.keys()])}`);
		else if (then.event.at !== undefined) err(line, `consequence "${c.id}" brings "${c.then}", which already arrives at ${then.event.at}; remove that event's "at"`);
		brought.add(c.then);
		if (c.after !== undefined && c.at !== undefined) err(line, `consequence "${c.id}" gives both "after" and "at"; keep one`);
		if (c.if.notDoneBy !== undefined && (minutesOf(c.if.notDoneBy) <= start || minutesOf(c.if.notDoneBy) > end)) err(line, `consequence "${c.id}": notDoneBy ${c.if.notDoneBy} is outside the shift`);
		if (c.if.answered && !c.if.answered.with === !c.if.answered.notBest) err(line, `consequence "${c.id}": "answered" needs exactly one of "with" (option ids) or "notBest: true"`);
	}
	for (const { event, line } of events.values())
		if (event.at === undefined && !brought.has(event.id)) err(line, `event "${event.id}" has no "at" and no consequence brings it: it would never arrive`);

	// Each task is a small scenario, checked by the scenario rules.
	const taskScenarios: Record<string, Scenario> = {};
	const contexts: unknown[] = [];
	const seen = new Set<string>();
	for (const section of tasks) {
		const ev = events.get(section.id);
		if (!ev) {
			err(section.line, `task "${section.id}" belongs to no event${nearest(section.id, [...events.keys()])}`);
			continue;
		}
		if (seen.has(section.id)) {
			err(section.line, `duplicate task "${section.id}"`);
			continue;
		}
		seen.add(section.id);
		if (!section.title) err(section.line, `task "${section.id}" has no title: write the heading as "# ${section.id}: What the work is"`);
		if (section.steps.length === 0) {
			err(section.line, `task "${section.id}" has no "## step-id: Title" steps`);
			continue;
		}
		const steps: Record<string, Step> = {};
		const stepOrder: string[] = [];
		for (const s of section.steps) {
			if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(s.id)) err(s.line, `step id "${s.id}" must be lower-case words joined by dashes`);
			else if (s.id === 'end') err(s.line, '"end" is reserved: it means "finish the task" and cannot be a step id');
			else if (Object.hasOwn(steps, s.id)) err(s.line, `duplicate step id "${s.id}" in task "${section.id}"`);
			else {
				if (!s.title) err(s.line, `step "${s.id}" has no title: write the heading as "## ${s.id}: What happens here"`);
				steps[s.id] = parseStep(s, file, errors);
				stepOrder.push(s.id);
			}
		}
		const e = ev.event;
		contexts.push(...attachContexts(steps, stepOrder, { patient: e.patient, provider: e.provider }, options.world, file, errors));
		const scenario: Scenario = {
			meta: {
				id: e.id,
				title: section.title ?? e.about,
				kind: e.topic,
				difficulty: 2,
				minutes: e.minutes,
				summary: e.about,
				setting: e.channel === 'call' ? 'phone' : e.channel === 'portal' ? 'portal' : e.channel === 'claim-rejection' || e.channel === 'fax' ? 'back-office' : 'front-desk',
				...(e.patient ? { patient: e.patient } : {}),
				...(e.provider ? { provider: e.provider } : {}),
				...(e.mood !== undefined ? { mood: e.mood, moodOf: e.who } : {}),
				...(e.variants ? { variants: e.variants } : {}),
				competencies: m.competencies,
				passMark: m.passMark,
				start: stepOrder[0] ?? 'end',
				tags: []
			},
			steps,
			stepOrder,
			debrief: '',
			hash: '',
			file
		};
		const taskKeyLine = (key: string) => (key === 'competencies' ? fmKeyLine('competencies') : ev.line);
		errors.push(...checkScenario(scenario, options.known, taskKeyLine, 1));
		taskScenarios[e.id] = scenario;
	}
	for (const { event, line } of events.values()) if (!seen.has(event.id)) err(line, `event "${event.id}" has no task: add a "# ${event.id}: Title" section with its steps`);

	// "answered" triggers name a step of the task and, for options, options that step offers.
	for (const [i, c] of m.consequences.entries()) {
		const a = c.if.answered;
		const task = taskScenarios[c.if.task];
		if (!a || !task) continue;
		const line = consequenceLines[i] ?? fmKeyLine('consequences');
		const it = Object.hasOwn(task.steps, a.step) ? task.steps[a.step]!.interaction : undefined;
		if (!it) {
			err(line, `consequence "${c.id}": task "${c.if.task}" has no step "${a.step}" with an interaction${nearest(a.step, task.stepOrder)}`);
			continue;
		}
		if (!a.with) continue;
		const offered = it.kind === 'choice' || it.kind === 'multi-choice' ? it.block.options.map((o) => o.id) : it.kind === 'dialogue' ? it.block.replies.map((r) => r.id) : undefined;
		if (!offered) err(line, `consequence "${c.id}": step "${a.step}" is a ${it.kind} step, which has no options to name; use "notBest: true"`);
		else for (const id of a.with) if (!offered.includes(id)) err(line, `consequence "${c.id}": step "${a.step}" has no option "${id}"${nearest(id, offered)}`);
	}

	// A member ID or birth date in the text must belong to a patient the shift names (as in scenarios).
	if (errors.length === 0 && options.world) errors.push(...checkStoryAgainstRecords(text, file, m.events.flatMap((e) => (e.patient && !e.patient.startsWith('{{') ? [e.patient] : [])), options.world));
	if (errors.length) return { errors };
	const hash = contentHash(contexts.length ? `${text}\n${JSON.stringify(contexts)}` : text);
	for (const t of Object.values(taskScenarios)) t.hash = hash;
	return { shift: { meta: m, tasks: taskScenarios, start, end, debrief: debrief!.text.trim(), hash, file }, errors };
}

export const SHIFT_DIR = 'content/shifts/';

/** Every shift under content/shifts/, each named after its id. */
export function loadShifts(files: Readonly<Record<string, string>>, known: KnownIds, world: ClinicWorld): { value: Shift[]; errors: ContentError[] } {
	const value: Shift[] = [];
	const errors: ContentError[] = [];
	for (const path of Object.keys(files).filter((p) => p.startsWith(SHIFT_DIR) && p.endsWith('.md')).sort()) {
		const result = parseShift(files[path]!, path, { known, world });
		errors.push(...result.errors);
		if (!result.shift) continue;
		if (`${SHIFT_DIR}${result.shift.meta.id}.md` !== path) errors.push({ file: path, line: 2, message: `the file name must be the shift id: ${result.shift.meta.id}.md` });
		else value.push(result.shift);
	}
	return { value, errors };
}
