/**
 * The mock exam an assignment can hold: which form a student gets on each attempt, and how long it
 * runs. Pure; the student's page stores the session this describes.
 */
import { mix } from '../engine/rng';
import { drawExam, type BlueprintFramework, type ExamItemRef } from '../exam/blueprint';
import { mockExamMinutes } from '../exam/clock';
import type { Assignment } from './assignment';

export const EXAM_LABELS = { cmaa: 'NHA CMAA', cehrs: 'NHA CEHRS' } as const;

/**
 * The seed of a student's nth attempt (from 1). Without randomised variants the whole class gets
 * the same form on the same attempt (fair to compare, easy to debrief together); with them each
 * student gets their own. The seed never depends on the clock, so the same attempt draws the same form.
 */
export function examSeed(assignment: Pick<Assignment, 'id' | 'randomiseVariants'>, learnerId: string, attempt: number): number {
	return mix(0x5eed, assignment.randomiseVariants ? `exam|${assignment.id}|${learnerId}|${attempt}` : `exam|${assignment.id}|${attempt}`);
}

export interface ExamForm {
	itemIds: string[];
	durationMs: number;
	title: string;
}

/** The items and time of a student's nth attempt at the assignment's exam, drawn to the blueprint. */
export function assignmentExamForm(
	assignment: Pick<Assignment, 'id' | 'title' | 'randomiseVariants' | 'exam'>,
	learnerId: string,
	attempt: number,
	items: readonly ExamItemRef[],
	framework: BlueprintFramework
): { ok: true; form: ExamForm } | { ok: false; error: string } {
	const exam = assignment.exam;
	if (!exam) return { ok: false, error: 'this assignment has no exam' };
	if (framework.id !== exam.framework) return { ok: false, error: `the exam is ${EXAM_LABELS[exam.framework]}, not ${framework.id}` };
	const drawn = drawExam(items, framework, examSeed(assignment, learnerId, attempt), exam.items);
	if (!drawn.ok) return { ok: false, error: `a ${exam.items}-item exam cannot be drawn from this copy of the app's items: ${drawn.error}` };
	// The stored title is at most 120 characters (the progress file's limit).
	const title = `${EXAM_LABELS[exam.framework]} mock exam, ${exam.items} items: ${assignment.title}`.slice(0, 120);
	return { ok: true, form: { itemIds: drawn.itemIds, durationMs: mockExamMinutes(exam.framework, exam.items, framework.scoredItems) * 60_000, title } };
}
