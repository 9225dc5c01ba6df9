/**
 * The class gradebook: many result files for one assignment → students × scenarios, a competency
 * heat map, and CSV for the LMS. Files for another assignment, duplicates and damaged files are
 * reported by name; the rest still load.
 */
import { openResult, type StudentResult } from './results';
import type { Assignment } from './assignment';

export interface Cell {
	/** Best score of a finished attempt (0..1), if any. */
	best?: number;
	passed: boolean;
	attempts: number;
	/** Minutes from first opening to last decision, summed over attempts (at most 60 each). */
	minutes: number;
	late: boolean;
	/** Attempt ids, for opening the replay. */
	attemptIds: string[];
}
export interface StudentRow {
	learnerId: string;
	name: string;
	file: string;
	submittedAt: number;
	cells: Record<string, Cell>;
	/** Competency → share of points earned. */
	competencies: Record<string, number>;
	result: StudentResult;
}
export interface Gradebook {
	rows: StudentRow[];
	problems: { file: string; problem: string }[];
	competencies: string[];
}

const dueEnd = (due?: string) => (due ? Date.parse(`${due}T23:59:59.999`) : Infinity);

export interface LoadedResults {
	results: { file: string; result: StudentResult }[];
	problems: Gradebook['problems'];
}

/** Opens and checks every file: the ones for this assignment, newest per student, each once. */
export function loadResults(assignment: Assignment, files: readonly { name: string; text: string }[]): LoadedResults {
	const byStudent = new Map<string, { file: string; result: StudentResult }>();
	const problems: Gradebook['problems'] = [];
	const seen = new Set<string>();
	for (const f of files) {
		const opened = openResult(f.text);
		if (!opened.ok) {
			problems.push({ file: f.name, problem: `${opened.error}; not loaded` });
			continue;
		}
		const r = opened.result;
		if (r.assignment.id !== assignment.id) {
			problems.push({ file: f.name, problem: `is for another assignment ("${r.assignment.title}"); not loaded` });
			continue;
		}
		if (seen.has(opened.checksum)) {
			problems.push({ file: f.name, problem: 'is a duplicate of a file already loaded; skipped' });
			continue;
		}
		seen.add(opened.checksum);
		const previous = byStudent.get(r.student.learnerId);
		if (previous && previous.result.submittedAt >= r.submittedAt) {
			problems.push({ file: f.name, problem: `is an older submission by ${r.student.name} than ${previous.file}; the newer one is used` });
			continue;
		}
		if (previous) problems.push({ file: previous.file, problem: `is an older submission by ${r.student.name} than ${f.name}; the newer one is used` });
		byStudent.set(r.student.learnerId, { file: f.name, result: r });
	}
	return { results: [...byStudent.values()], problems };
}

/** Students × scenarios and the competency shares, from checked results. */
export function aggregate(assignment: Assignment, loaded: LoadedResults): Gradebook {
	const competencies = new Set<string>();
	const rows = loaded.results.map(({ file, result: r }): StudentRow => {
		const cells: Record<string, Cell> = {};
		const totals = new Map<string, { earned: number; possible: number }>();
		for (const id of assignment.scenarios) {
			const mine = r.attempts.filter((a) => a.scenarioId === id).slice(0, assignment.attemptsAllowed);
			const finished = mine.filter((a) => a.status !== 'in-progress');
			const best = finished.length ? Math.max(...finished.map((a) => a.score)) : undefined;
			cells[id] = {
				...(best !== undefined ? { best } : {}),
				passed: best !== undefined && best >= assignment.passMark && finished.some((a) => a.score === best && a.critical.length === 0),
				attempts: mine.length,
				minutes: Math.round(mine.reduce((n, a) => n + Math.min(60, (a.updatedAt - a.startedAt) / 60_000), 0)),
				late: mine.some((a) => (a.finishedAt ?? a.updatedAt) > dueEnd(assignment.due)),
				attemptIds: mine.map((a) => a.id)
			};
			for (const a of mine)
				for (const e of a.evidence) {
					const t = totals.get(e.competency) ?? { earned: 0, possible: 0 };
					totals.set(e.competency, { earned: t.earned + e.earned, possible: t.possible + e.possible });
					competencies.add(e.competency);
				}
		}
		return {
			learnerId: r.student.learnerId,
			name: r.student.name,
			file,
			submittedAt: r.submittedAt,
			cells,
			competencies: Object.fromEntries([...totals].map(([c, t]) => [c, t.possible ? t.earned / t.possible : 0])),
			result: r
		};
	});
	return { rows: rows.sort((a, b) => a.name.localeCompare(b.name)), problems: loaded.problems, competencies: [...competencies].sort() };
}

export function buildGradebook(assignment: Assignment, files: readonly { name: string; text: string }[]): Gradebook {
	return aggregate(assignment, loadResults(assignment, files));
}

/** One row per student: name, then score % and pass/fail per scenario, then the average. */
export function gradebookCsv(gb: Gradebook, assignment: Assignment, titleOf: (id: string) => string): string {
	const q = (s: string) => (/[",\n\r]|^[=+\-@]/.test(s) ? `"${s.replace(/^([=+\-@])/, "'$1").replace(/"/g, '""')}"` : s);
	const head = ['Student', ...assignment.scenarios.flatMap((id) => [`${titleOf(id)} (score %)`, `${titleOf(id)} (passed)`]), 'Average score %', 'Scenarios passed'];
	const lines = gb.rows.map((r) => {
		const cells = assignment.scenarios.map((id) => r.cells[id]!);
		const scores = cells.map((c) => c.best ?? 0);
		return [
			r.name,
			...cells.flatMap((c) => [c.best === undefined ? '' : String(Math.round(c.best * 100)), c.passed ? 'yes' : 'no']),
			String(Math.round((scores.reduce((a, b) => a + b, 0) / Math.max(1, scores.length)) * 100)),
			String(cells.filter((c) => c.passed).length)
		];
	});
	return [head, ...lines].map((l) => l.map(q).join(',')).join('\r\n') + '\r\n';
}
