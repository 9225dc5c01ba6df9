/**
 * Spaced review with FSRS (ts-fsrs): each missed or shaky item, and each scenario decision the learner
 * got wrong, becomes a card that comes back when it is about to be forgotten. The learner's exam date
 * sets the target retention: more is asked for as the exam gets close.
 */
import { createEmptyCard, fsrs, generatorParameters, Rating, State, type Card, type Grade } from 'ts-fsrs';

/** A review card as stored: plain JSON, dates as epoch milliseconds. */
export interface ReviewCard {
	/** "item:<item id>" or "step:<scenario id>:<step id>". */
	id: string;
	due: number;
	stability: number;
	difficulty: number;
	elapsedDays: number;
	scheduledDays: number;
	learningSteps: number;
	reps: number;
	lapses: number;
	state: 'new' | 'learning' | 'review' | 'relearning';
	lastReview?: number;
}

const STATES = ['new', 'learning', 'review', 'relearning'] as const;

function toFsrs(c: ReviewCard): Card {
	return {
		due: new Date(c.due),
		stability: c.stability,
		difficulty: c.difficulty,
		elapsed_days: c.elapsedDays,
		scheduled_days: c.scheduledDays,
		learning_steps: c.learningSteps,
		reps: c.reps,
		lapses: c.lapses,
		state: STATES.indexOf(c.state) as State,
		...(c.lastReview !== undefined ? { last_review: new Date(c.lastReview) } : {})
	};
}

function fromFsrs(id: string, c: Card): ReviewCard {
	return {
		id,
		due: c.due.getTime(),
		stability: c.stability,
		difficulty: c.difficulty,
		elapsedDays: c.elapsed_days,
		scheduledDays: c.scheduled_days,
		learningSteps: c.learning_steps,
		reps: c.reps,
		lapses: c.lapses,
		state: STATES[c.state as number]!,
		...(c.last_review ? { lastReview: c.last_review.getTime() } : {})
	};
}

export function newCard(id: string, now: number): ReviewCard {
	return fromFsrs(id, createEmptyCard(new Date(now)));
}

/**
 * Target retention from the exam date: 0.85 with no date or months away, rising to 0.95 in the last
 * week, so the schedule tightens as the exam approaches.
 */
export function targetRetention(examDate: number | undefined, now: number): number {
	if (examDate === undefined) return 0.9;
	const days = (examDate - now) / 86_400_000;
	if (days <= 7) return 0.95;
	if (days <= 30) return 0.92;
	if (days <= 90) return 0.9;
	return 0.85;
}

export type Outcome = 'again' | 'hard' | 'good' | 'easy';
const RATING: Record<Outcome, Grade> = { again: Rating.Again, hard: Rating.Hard, good: Rating.Good, easy: Rating.Easy };

/** Schedules the next review after an answer. Fuzz is off: the schedule must be reproducible. */
export function review(card: ReviewCard, outcome: Outcome, now: number, examDate?: number): ReviewCard {
	const scheduler = fsrs(generatorParameters({ request_retention: targetRetention(examDate, now), enable_fuzz: false }));
	return fromFsrs(card.id, scheduler.next(toFsrs(card), new Date(now), RATING[outcome]).card);
}

/** A right answer given quickly and confidently is "good", a wrong one "again". */
export function outcomeOf(correct: boolean, unsure = false): Outcome {
	return !correct ? 'again' : unsure ? 'hard' : 'good';
}

/** Cards due by `now`, the most overdue first. */
export function dueCards(cards: readonly ReviewCard[], now: number): ReviewCard[] {
	return cards.filter((c) => c.due <= now).sort((a, b) => a.due - b.due || a.id.localeCompare(b.id));
}
