/**
 * The `report` interaction: run a report in the EHR (a quality measure, who is due for a screening,
 * the no-show rate) with the right filters and answer from the result. The author keys the report,
 * the filters and each answer; the content check runs the report engine (ehr/report.ts) over the
 * clinic's charts and refuses a key the engine does not give, so the grader compares with a proven key
 * and never loads the engine. Measures are our own simplified definitions (content/office/measures.yaml).
 */
import { z } from '../../zod';
import { Id, IsoDate, StepWeight } from './common';
import { MAX_LIST_ITEMS } from '../../limits';
import { FILTER_NAMES, REPORT_VALUES } from '../../ehr/report-terms';

const Words = z.array(z.string().min(1)).min(1);
const Age = z.number().int().min(0).max(120);

export const Measure = z.strictObject({
	id: Id,
	title: z.string().min(1),
	/** How it is simplified from the national measure it echoes: said to the learner beside the result. */
	simplified: z.string().min(1),
	denominator: z.strictObject({ problems: Words.optional(), sex: z.enum(['F', 'M']).optional(), ageMin: Age.optional(), ageMax: Age.optional() }),
	numerator: z.strictObject({ results: Words.optional(), immunizations: Words.optional(), months: z.number().int().min(1).max(120) }),
	exclusions: z.strictObject({ problems: Words.optional() }).optional(),
	hints: z.strictObject({ medications: Words.optional() }).optional()
});
export const MeasuresFile = z.strictObject({ measures: z.array(Measure).min(1) });

const FilterName = z.enum(FILTER_NAMES);
/** A filter's right value, or a list when more than one is right ('' in a list: leaving it blank is right too). Dates YYYY-MM-DD. */
const FilterKey = z.union([z.string(), z.array(z.string()).min(1)]);

const Question = z.discriminatedUnion('type', [
	z.strictObject({ type: z.literal('number'), id: Id, ask: z.string().min(1), value: z.enum(REPORT_VALUES), answer: z.number().min(0), competency: Id.optional() }),
	z.strictObject({ type: z.literal('patients'), id: Id, ask: z.string().min(1), value: z.enum(REPORT_VALUES), answer: z.array(Id).max(MAX_LIST_ITEMS), competency: Id.optional() }),
	z.strictObject({
		type: z.literal('choice'),
		id: Id,
		ask: z.string().min(1),
		options: z.array(z.strictObject({ id: Id, text: z.string().min(1), correct: z.boolean().default(false), feedback: z.string().min(1) })).min(2).max(8),
		competency: Id.optional()
	})
]);

export const ReportBlock = z.strictObject({
	prompt: z.string().min(1),
	/** The report the task needs: `measure:<id>`, `due:<id>` or `no-show` (a list when either fits). */
	report: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
	/** The filters the task needs; any filter not named must be left blank. */
	filters: z.partialRecord(FilterName, FilterKey).default({}),
	questions: z.array(Question).min(1).max(10),
	/** Why these filters: shown after grading. */
	teach: z.string().min(1),
	scoring: z.strictObject({ report: Id.default('cehrs.reporting.quality-reports') }).default({ report: 'cehrs.reporting.quality-reports' }),
	/** The day the report is run, for the form's defaults: the clinic's today unless set. */
	today: IsoDate.optional(),
	next: Id.optional(),
	weight: StepWeight.optional()
});

/** Patient names for the feedback, copied from the clinic at parse time so the step grades and replays alone. */
export interface ReportContext {
	patients: { id: string; name: string }[];
}

export type Measure = z.infer<typeof Measure>;
export type ReportQuestion = z.infer<typeof Question>;
export type ReportBlock = z.infer<typeof ReportBlock>;
export type ResolvedReportBlock = ReportBlock & { context: ReportContext };
