/**
 * Exam sessions as data: scoring a submitted mock exam by domain, the answers readiness counts, and
 * the review cards an answer creates or moves. Pure; the page stores what these return.
 */
import { readiness, type ItemAnswer, type Readiness } from './readiness';
import { newCard, outcomeOf, review, type ReviewCard } from './review';

export interface SessionItem {
	id: string;
	competency: string;
	difficulty: 1 | 2 | 3;
	key: 'a' | 'b' | 'c' | 'd';
}
export interface SessionShape {
	mode: 'practice' | 'mock' | 'review';
	itemIds: string[];
	answers: Record<string, 'a' | 'b' | 'c' | 'd'>;
	answeredAt: Record<string, number>;
	submittedAt?: number;
}
export interface DomainOf {
	(competency: string): string | undefined;
}

export interface SessionScore {
	correct: number;
	total: number;
	unanswered: number;
	byDomain: { domain: string; correct: number; total: number }[];
}

/** Right answers over all items of the session (an unanswered item counts as wrong, as on the exam). */
export function scoreSession(session: SessionShape, items: ReadonlyMap<string, SessionItem>, domainOf: DomainOf, domainOrder: readonly string[]): SessionScore {
	const by = new Map(domainOrder.map((d) => [d, { domain: d, correct: 0, total: 0 }]));
	let correct = 0;
	let unanswered = 0;
	for (const id of session.itemIds) {
		const item = items.get(id);
		if (!item) continue;
		const d = by.get(domainOf(item.competency) ?? '');
		const ok = session.answers[id] === item.key;
		if (session.answers[id] === undefined) unanswered++;
		if (ok) correct++;
		if (d) {
			d.total++;
			if (ok) d.correct++;
		}
	}
	return { correct, total: session.itemIds.length, unanswered, byDomain: [...by.values()].filter((d) => d.total > 0) };
}

/**
 * What readiness counts: practice and review answers as given; a mock exam's only once submitted
 * (its answers may still change before that).
 */
export function answersForReadiness(sessions: readonly SessionShape[], items: ReadonlyMap<string, SessionItem>, domainOf: DomainOf): ItemAnswer[] {
	const out: ItemAnswer[] = [];
	for (const s of sessions) {
		if (s.mode === 'mock' && s.submittedAt === undefined) continue;
		for (const [id, chosen] of Object.entries(s.answers)) {
			const item = items.get(id);
			const domain = item && domainOf(item.competency);
			if (!item || !domain) continue;
			out.push({ domain, difficulty: item.difficulty, correct: chosen === item.key, at: s.answeredAt[id] ?? s.submittedAt ?? 0 });
		}
	}
	return out;
}

/**
 * What one submitted mock exam says about passing, with readiness's model: its answers alone, an
 * unanswered item counted as wrong (as the exam counts it), weighted by the blueprint's shares.
 */
export function examOutlook(session: SessionShape, items: ReadonlyMap<string, SessionItem>, domainOf: DomainOf, shares: ReadonlyMap<string, number>): Readiness['overall'] {
	const answers: ItemAnswer[] = [];
	for (const id of session.itemIds) {
		const item = items.get(id);
		const domain = item && domainOf(item.competency);
		if (!item || !domain) continue;
		answers.push({ domain, difficulty: item.difficulty, correct: session.answers[id] === item.key, at: session.answeredAt[id] ?? session.submittedAt ?? 0 });
	}
	return readiness(answers, shares).overall;
}

/** A missed item gets a card (or its card lapses); a right answer moves an existing card on. */
export function cardAfterAnswer(existing: ReviewCard | undefined, itemId: string, correct: boolean, now: number, examDate?: number): ReviewCard | undefined {
	if (!existing && correct) return undefined;
	return review(existing ?? newCard(`item:${itemId}`, now), outcomeOf(correct), now, examDate);
}

/** "step:<scenario>:<step>": a scenario decision to come back to. */
export const stepCardId = (scenarioId: string, stepId: string) => `step:${scenarioId}:${stepId}`;

/**
 * After a finished scenario: each decision not answered at its best becomes (or lapses) a review
 * card; a best answer moves an existing card on. Redoing the scenario is how the card is reviewed.
 */
export function cardsAfterScenario(
	scenarioId: string,
	outcomes: readonly { stepId: string; verdict: 'best' | 'partial' | 'wrong' }[],
	existing: ReadonlyMap<string, ReviewCard>,
	now: number,
	examDate?: number
): ReviewCard[] {
	const out: ReviewCard[] = [];
	for (const o of outcomes) {
		const id = stepCardId(scenarioId, o.stepId);
		const card = existing.get(id);
		if (o.verdict === 'best' && !card) continue;
		out.push(review(card ?? newCard(id, now), o.verdict === 'best' ? 'good' : o.verdict === 'partial' ? 'hard' : 'again', now, examDate));
	}
	return out;
}

