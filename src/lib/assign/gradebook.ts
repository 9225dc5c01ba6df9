/**
 * The class gradebook: many result files for one assignment → students × scenarios (and shifts), a competency
 * heat map, and CSV for the LMS. Files for another assignment, duplicates and damaged files are
 * reported by name; the rest still load.
 */
import { openResult, type Opened, type StudentResult } from './results';
import { isAttemptCheck, isShiftRunCheck, verifyResult, type AttemptCheck, type ClaimCheck, type ShiftRunCheck } from './verify';
import type { Scenario } from '../content/schema/scenario';
import type { Shift } from '../content/schema/shift';
import type { Assignment } from './assignment';
import { EXAM_LABELS } from './exam';
import { assignmentStanding, competencyTotals, type ExamScoring, type ExamStanding, type Points, type RunLike, type ShiftStanding } from '../lms/standing';

export interface Cell {
	/** Best score of a finished attempt (0..1), if any. */
	best?: number;
	passed: boolean;
	attempts: number;
	/** Minutes from first opening to last decision, summed over attempts (at most 60 each). */
	minutes: number;
	/** The same time in seconds (at most 3600 each), so a short attempt reads "under a minute", not "0 min". */
	seconds: number;
	late: boolean;
	/** Attempt ids, for opening the replay. */
	attemptIds: string[];
	/** The critical errors of the counted attempts, each attempt's in order (an attempt with one fails whatever its score). */
	critical: string[];
	/** Counted attempts whose claimed score its answers do not give (the replayed figures are the ones shown). */
	differs: AttemptCheck[];
	/** Counted attempts that could not be replayed here (their claimed score is shown). */
	unchecked: AttemptCheck[];
}
/** One shift of the assignment for one student: its runs read as a scenario's attempts are. */
export interface ShiftCell {
	/** Best score of a finished run (0..1), if any. */
	best?: number;
	/** A finished run reached the assignment's pass mark with no critical error. */
	passed: boolean;
	/** Runs that count: started after the assignment was made, oldest first, up to the attempts allowed. */
	runs: number;
	/** At least one counted run is finished. */
	finished: boolean;
	/** A counted run finished (or was last worked) after the due date. */
	late: boolean;
	runIds: string[];
	/** The critical errors of the counted runs, each run's in order. */
	critical: string[];
	/** Counted runs whose claimed score their work does not give (the replayed figures are the ones shown). */
	differs: ShiftRunCheck[];
	/** Counted runs that could not be replayed here (their claimed score is shown). */
	unchecked: ShiftRunCheck[];
}
/** The assignment's mock exam for one student (see ExamStanding in lms/standing.ts). */
export interface ExamCell {
	/** Best share right of a submitted session (0..1), if any. */
	best?: number;
	passed: boolean;
	attempts: number;
	/** A counted session ended (or was last answered) after the due date. */
	late: boolean;
	/** Each submitted session's score with its results by domain, oldest first, for the debrief. */
	scores: ExamStanding['scores'];
}
export interface StudentRow {
	learnerId: string;
	name: string;
	/** The student ID or e-mail the student gave on the assignment page (absent in older files, or left blank). */
	studentId?: string;
	file: string;
	submittedAt: number;
	cells: Record<string, Cell>;
	/** Shift id → the student's runs of it, for each shift the assignment names. */
	shifts: Record<string, ShiftCell>;
	/** Present when the assignment holds a mock exam. */
	exam?: ExamCell;
	/** The assignment as a whole, read as lms/standing.ts reads it: the mean over the parts (each scenario, each shift and the exam one each). */
	score: number;
	passed: boolean;
	completed: boolean;
	/** Competency → share of points earned over every counted attempt and counted shift run. */
	competencies: Record<string, number>;
	/** Competency → share of points earned in each scenario's best finished attempt and each shift's best finished run. */
	competenciesBest: Record<string, number>;
	result: StudentResult;
	/** Each attempt's and shift run's claim checked by replaying its inputs. */
	checks: ClaimCheck[];
	/** Whether the file's claims were checked at all (the scenarios were at hand to replay them). */
	checked: boolean;
}
export interface Gradebook {
	rows: StudentRow[];
	problems: { file: string; problem: string }[];
	competencies: string[];
}

const dueEnd = (due?: string) => (due ? Date.parse(`${due}T23:59:59.999`) : Infinity);

export interface LoadedResults {
	results: { file: string; result: StudentResult; checks?: ClaimCheck[] }[];
	problems: Gradebook['problems'];
	/** Positions of the files that are result files for this assignment, each once (older submissions too): the ones worth keeping. */
	accepted: number[];
}

/** A result file opened (seal and content checked) and, once its scenarios are at hand, its claims checked by replay. */
export interface OpenedFile {
	name: string;
	opened: Opened;
	checks?: ClaimCheck[];
}

/** Opens one file: the costly part (the seal's hash over megabytes, the parse), done once per file. */
export const openFile = (f: { name: string; text: string; bytes?: number }): OpenedFile => ({ name: f.name, opened: openResult(f.text, f.bytes) });

/** Replays the file's attempts and shift runs (see verify.ts): the figures its answers give replace the ones it claims. */
export function checkFile(f: OpenedFile, scenarios: ReadonlyMap<string, Scenario>, shifts?: ReadonlyMap<string, Shift>): OpenedFile {
	if (!f.opened.ok) return f;
	const { result, checks } = verifyResult(f.opened.result, scenarios, shifts);
	return { name: f.name, opened: { ...f.opened, result }, checks };
}

/** Opens and checks every file: the ones for this assignment, newest per student, each once. */
export function loadResults(
	assignment: Assignment,
	files: readonly { name: string; text: string; bytes?: number }[],
	scenarios?: ReadonlyMap<string, Scenario>,
	shifts?: ReadonlyMap<string, Shift>
): LoadedResults {
	return loadOpened(assignment, files.map((f) => (scenarios ? checkFile(openFile(f), scenarios, shifts) : openFile(f))));
}

/** The files already opened: the ones for this assignment, newest per student, each once. Cheap: no hashing or parsing. */
export function loadOpened(assignment: Assignment, files: readonly OpenedFile[]): LoadedResults {
	const byStudent = new Map<string, LoadedResults['results'][number]>();
	const problems: Gradebook['problems'] = [];
	const seen = new Set<string>();
	const accepted: number[] = [];
	for (const [n, f] of files.entries()) {
		const opened = f.opened;
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
		accepted.push(n);
		const previous = byStudent.get(r.student.learnerId);
		if (previous && previous.result.submittedAt >= r.submittedAt) {
			problems.push({ file: f.name, problem: `is an older submission by ${r.student.name} than ${previous.file}; the newer one is used` });
			continue;
		}
		if (previous) problems.push({ file: previous.file, problem: `is an older submission by ${r.student.name} than ${f.name}; the newer one is used` });
		byStudent.set(r.student.learnerId, { file: f.name, result: r, ...(f.checks ? { checks: f.checks } : {}) });
	}
	return { results: [...byStudent.values()], problems, accepted };
}

/**
 * One student's runs of one shift, from its standing (lms/standing.ts: which runs count, the best, and
 * passed by the assignment's pass mark, not by the mark the run carries, which the file could say any).
 */
function shiftCell(assignment: Pick<Assignment, 'due'>, standing: ShiftStanding<RunLike>, checks: readonly ClaimCheck[]): ShiftCell {
	const mine = standing.runs;
	const ids = new Set(mine.map((r) => r.id));
	const runChecks = checks.filter(isShiftRunCheck).filter((c) => ids.has(c.runId));
	return {
		...(standing.best !== undefined ? { best: standing.best } : {}),
		passed: standing.passed,
		runs: mine.length,
		finished: standing.finished,
		late: mine.some((r) => (r.finishedAt ?? r.updatedAt) > dueEnd(assignment.due)),
		runIds: mine.map((r) => r.id),
		critical: mine.flatMap((r) => r.critical),
		differs: runChecks.filter((c) => c.verdict === 'differs'),
		unchecked: runChecks.filter((c) => c.verdict === 'unchecked')
	};
}

/** The shifts an assignment names: none in one kept from before shifts could be assigned (stored unparsed, so the field may be missing). */
export const shiftsOf = (assignment: Pick<Assignment, 'shifts'>): readonly string[] => assignment.shifts ?? [];

/**
 * Students × scenarios (and shifts, and the exam), and the competency shares, from checked results. Which
 * attempts count, the best, passed and the overall score come from lms/standing.ts, as on the
 * student's page and in the LMS reports. Scoring an exam needs the app's item bank (`scoring`).
 */
export function aggregate(assignment: Assignment, loaded: LoadedResults, scoring?: ExamScoring): Gradebook {
	if (assignment.exam && !scoring) throw new Error('The item bank is needed to score the assignment’s exam.');
	const competencies = new Set<string>();
	const rows = loaded.results.map(({ file, result: r, checks: checked }): StudentRow => {
		const checks = checked ?? [];
		const attemptChecks = checks.filter(isAttemptCheck);
		const cells: Record<string, Cell> = {};
		// Time-out counts as of when the student saved the file.
		const standing = assignmentStanding(assignment, r.attempts, scoring ? { sessions: r.exams ?? [], scoring, now: r.submittedAt } : undefined, r.shiftRuns ?? []);
		for (const s of standing.scenarios) {
			const id = s.scenarioId;
			const mine = s.attempts;
			cells[id] = {
				...(s.best !== undefined ? { best: s.best } : {}),
				passed: s.passed,
				attempts: mine.length,
				// Clocks can be wrong (or a file edited): a span below zero counts none, one over an hour counts an hour.
				minutes: Math.round(mine.reduce((n, a) => n + Math.min(60, Math.max(0, (a.updatedAt - a.startedAt) / 60_000)), 0)),
				seconds: Math.round(mine.reduce((n, a) => n + Math.min(3600, Math.max(0, (a.updatedAt - a.startedAt) / 1000)), 0)),
				late: mine.some((a) => (a.finishedAt ?? a.updatedAt) > dueEnd(assignment.due)),
				attemptIds: mine.map((a) => a.id),
				critical: mine.flatMap((a) => a.critical),
				differs: attemptChecks.filter((c) => c.verdict === 'differs' && mine.some((a) => a.id === c.attemptId)),
				unchecked: attemptChecks.filter((c) => c.verdict === 'unchecked' && mine.some((a) => a.id === c.attemptId))
			};
		}
		// The scenario's best finished attempt (the first of equals), as the class table's best score.
		const bests = standing.scenarios.flatMap((s) => s.attempts.filter((a) => a.status !== 'in-progress').reduce<(typeof s.attempts)[number] | undefined>((b, a) => (!b || a.score > b.score ? a : b), undefined) ?? []);
		const shares = (t: Map<string, Points>) => {
			for (const c of t.keys()) competencies.add(c);
			return Object.fromEntries([...t].map(([c, x]) => [c, x.possible ? x.earned / x.possible : 0]));
		};
		// Counted shift runs (the file carries only those; replayed by checkFile) hold decisions like attempts do.
		const runsById = new Map((r.shiftRuns ?? []).map((x) => [x.id, x]));
		const countedRuns = standing.shifts.map((s) => s.runs.flatMap((x) => runsById.get(x.id) ?? []));
		const bestRuns = countedRuns.flatMap((rs) => rs.filter((x) => x.status !== 'in-progress').reduce<(typeof rs)[number] | undefined>((b, x) => (!b || x.score > b.score ? x : b), undefined) ?? []);
		const exam = standing.exam;
		const shifts = Object.fromEntries(standing.shifts.map((s) => [s.shiftId, shiftCell(assignment, s, checks)]));
		return {
			learnerId: r.student.learnerId,
			name: r.student.name,
			...(r.student.studentId ? { studentId: r.student.studentId } : {}),
			file,
			submittedAt: r.submittedAt,
			cells,
			shifts,
			...(exam
				? {
						exam: {
							...(exam.best !== undefined ? { best: exam.best } : {}),
							passed: exam.passed,
							attempts: exam.sessions.length,
							late: exam.sessions.some((x) => (x.submittedAt ?? Math.max(x.startedAt, ...Object.values(x.answeredAt))) > dueEnd(assignment.due)),
							scores: exam.scores
						}
					}
				: {}),
			score: standing.score,
			passed: standing.passed,
			completed: standing.completed,
			competencies: shares(competencyTotals([...standing.scenarios.flatMap((s) => s.attempts), ...countedRuns.flat()])),
			competenciesBest: shares(competencyTotals([...bests, ...bestRuns])),
			result: r,
			checks,
			checked: checked !== undefined
		};
	});
	return { rows: rows.sort((a, b) => a.name.localeCompare(b.name)), problems: loaded.problems, competencies: [...competencies].sort() };
}

export function buildGradebook(
	assignment: Assignment,
	files: readonly { name: string; text: string; bytes?: number }[],
	scoring?: ExamScoring,
	scenarios?: ReadonlyMap<string, Scenario>,
	shifts?: ReadonlyMap<string, Shift>
): Gradebook {
	return aggregate(assignment, loadResults(assignment, files, scenarios, shifts), scoring);
}

/** The exam's column heading, e.g. "NHA CMAA mock exam (25 items)". */
export const examTitle = (exam: NonNullable<Assignment['exam']>) => `${EXAM_LABELS[exam.framework]} mock exam (${exam.items} items)`;

/**
 * One CSV cell, safe to open in a spreadsheet (OWASP's CSV injection advice): a cell that starts
 * with = + - @, a tab or a carriage return, or with blanks (space, no-break space, tab, line breaks)
 * before one of = + - @, gets a leading apostrophe, and so does any such start after a ; or , inside
 * the cell (a spreadsheet that splits on semicolons would start a new cell there). Cells with a
 * quote, comma, semicolon, tab or line break are quoted.
 */
export function csvCell(text: string): string {
	const trigger = /^(?:[\t\r]|[\s\u00a0\ufeff]*[=+\-@])/;
	const defused = (trigger.test(text) ? `'${text}` : text).replace(/([;,])(?=[\s\u00a0\ufeff]*[=+\-@]|[\t\r])/g, "$1'");
	return defused !== text || /[",;\t\n\r]/.test(text) ? `"${defused.replace(/"/g, '""')}"` : text;
}

/** The UTF-8 byte order mark: written before the CSV so Excel reads accented names as UTF-8, not as its local code page. */
export const CSV_BOM = '\uFEFF';
/** Which work the heat map reads: each scenario's best finished attempt and each shift's best finished run, or every counted attempt and shift run. */
export type HeatMapAttempts = 'best' | 'all';

/** A student's share of one competency's points in the attempts chosen, if they have any evidence for it. */
export function competencyShare(row: StudentRow, competency: string, which: HeatMapAttempts): number | undefined {
	// Own keys only: a competency named "constructor" in one file must not read Object's in another.
	const shares = which === 'best' ? row.competenciesBest : row.competencies;
	return Object.hasOwn(shares, competency) ? shares[competency] : undefined;
}

/** The class average of each competency: the mean of the shares of the students with evidence for it (each student counts once). */
export function classAverages(gb: Gradebook, which: HeatMapAttempts): Map<string, { mean: number; students: number }> {
	const out = new Map<string, { mean: number; students: number }>();
	for (const c of gb.competencies) {
		const xs = gb.rows.flatMap((r) => competencyShare(r, c, which) ?? []);
		if (xs.length) out.set(c, { mean: xs.reduce((a, b) => a + b, 0) / xs.length, students: xs.length });
	}
	return out;
}

/** The CSV's average column: its heading says how work not attempted counts, as lms/standing.ts scores it. */
export const AVERAGE_HEADING = 'Average score % (parts not attempted count as 0)';
export const STUDENT_ID_HEADING = 'Student ID or e-mail';

/**
 * One row per student, for an LMS gradebook import: the name and the student ID or e-mail (the column
 * an import matches students on), then per scenario the best score %, passed, late, attempts,
 * minutes and critical errors, then per shift the best score %, passed, late, runs and critical
 * errors, then the exam's score %, passed, late and attempts, then the average
 * over the parts (a part not attempted or not finished counts as 0, as lms/standing.ts scores it)
 * and how many parts passed. Every cell goes through csvCell.
 */
export const CHECK_HEADING = 'Scores checked by replay';
/** The CSV's word on a student's claims: every counted attempt and shift run replayed to its stated score, or what did not. */
export function claimSummary(cells: readonly Pick<Cell, 'differs' | 'unchecked'>[], checked = true, shiftCells: readonly Pick<ShiftCell, 'differs' | 'unchecked'>[] = []): string {
	if (!checked) return 'not checked';
	const differs = cells.reduce((n, c) => n + c.differs.length, 0);
	const runsDiffer = shiftCells.reduce((n, c) => n + c.differs.length, 0);
	const unchecked = [...cells, ...shiftCells].reduce((n, c) => n + c.unchecked.length, 0);
	const parts = [
		...(differs ? [`${differs} attempt${differs === 1 ? '' : 's'} claimed another score than its answers give (the answers' score is used)`] : []),
		...(runsDiffer ? [`${runsDiffer} shift run${runsDiffer === 1 ? '' : 's'} claimed another score than ${runsDiffer === 1 ? 'its' : 'their'} work gives (the work's score is used)`] : []),
		...(unchecked ? [`${unchecked} could not be replayed here, so stated scores were used`] : [])
	];
	return parts.join('; ') || 'yes';
}

/** What the CSV's "parts passed" column counts, e.g. "Parts passed (scenarios, shifts and the exam)". */
function passedHeading(shifts: boolean, exam: boolean): string {
	if (!shifts && !exam) return 'Scenarios passed';
	const kinds = ['scenarios', ...(shifts ? ['shifts'] : []), ...(exam ? ['the exam'] : [])];
	return `Parts passed (${kinds.slice(0, -1).join(', ')} and ${kinds.at(-1)})`;
}

/** `shiftTitleOf` names a shift's columns (the shift's title); without it, its id. */
export function gradebookCsv(gb: Gradebook, assignment: Assignment, titleOf: (id: string) => string, shiftTitleOf: (id: string) => string = (id) => id): string {
	const exam = assignment.exam;
	const shiftIds = shiftsOf(assignment);
	const yes = (b: boolean) => (b ? 'yes' : 'no');
	const score = (best?: number) => (best === undefined ? '' : String(Math.round(best * 100)));
	const head = [
		'Student',
		STUDENT_ID_HEADING,
		...assignment.scenarios.flatMap((id) => ['score %', 'passed', 'late', 'attempts', 'minutes', 'critical errors'].map((what) => `${titleOf(id)} (${what})`)),
		...shiftIds.flatMap((id) => ['score %', 'passed', 'late', 'runs', 'critical errors'].map((what) => `${shiftTitleOf(id)} (${what})`)),
		...(exam ? ['score %', 'passed', 'late', 'attempts'].map((what) => `${examTitle(exam)} (${what})`) : []),
		AVERAGE_HEADING,
		passedHeading(shiftIds.length > 0, exam !== undefined),
		CHECK_HEADING
	];
	const lines = gb.rows.map((r) => {
		const cells = assignment.scenarios.map((id) => r.cells[id]!);
		const shiftCells = shiftIds.map((id) => r.shifts[id]!);
		const examCell: Pick<ExamCell, 'best' | 'passed' | 'late' | 'attempts'> | undefined = exam ? (r.exam ?? { passed: false, late: false, attempts: 0 }) : undefined;
		const passed = cells.filter((c) => c.passed).length + shiftCells.filter((c) => c.passed).length + (examCell?.passed ? 1 : 0);
		return [
			r.name,
			r.studentId ?? '',
			...cells.flatMap((c) => [score(c.best), yes(c.passed), yes(c.late), String(c.attempts), String(c.minutes), String(c.critical.length)]),
			...shiftCells.flatMap((c) => [score(c.best), yes(c.passed), yes(c.late), String(c.runs), String(c.critical.length)]),
			...(examCell ? [score(examCell.best), yes(examCell.passed), yes(examCell.late), String(examCell.attempts)] : []),
			String(Math.round(r.score * 100)),
			String(passed),
			claimSummary(cells, r.checked, shiftCells)
		];
	});
	return [head, ...lines].map((l) => l.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
