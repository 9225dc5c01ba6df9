/**
 * The `inbox` interaction: an EHR inbox of results, portal messages, refill requests and order
 * alerts, each to route to whoever may act on it, with a priority. The routing rules for results,
 * refills and overdue orders are the practice's policy and live in the grader; the author keys only
 * the messages, whose right route depends on what they say.
 */
import { z } from '../../zod';
import { CriticalText, Id, IsoDate, StepWeight } from './common';
import { LocalDateTime } from './chart';
import { MAX_LIST_ITEMS } from '../../limits';
import { INBOX_PRIORITIES, INBOX_ROUTES } from '../inbox-terms';
export { INBOX_PRIORITIES, INBOX_ROUTES, PRIORITY_LABELS, ROUTE_LABELS, type InboxPriority, type InboxRoute } from '../inbox-terms';

const Route = z.enum(INBOX_ROUTES);
const Priority = z.enum(INBOX_PRIORITIES);
/** One right answer, or a list when more than one is right. */
const OneOrMore = <T extends z.ZodType>(t: T) => z.union([t, z.array(t).min(1)]);

export const InboxItem = z.strictObject({
	id: Id,
	/** result: routed by the lab's flag. refill: to the nurse. overdue-order: chased. message: as the author keys it. */
	kind: z.enum(['result', 'message', 'refill', 'overdue-order']),
	/** A clinic patient id. */
	patient: Id,
	/** Who or what sent it ("Cascade Regional Lab", "Portal: the patient", "Walgreens pharmacy fax"). */
	from: z.string().min(1),
	received: LocalDateTime,
	subject: z.string().min(1),
	body: z.string().min(1),
	/** Results: the test, the lab's own flag and the provider who ordered it. Overdue orders: the test and who ordered it. */
	test: z.string().min(1).optional(),
	flag: z.enum(['normal', 'abnormal', 'critical']).optional(),
	orderedBy: Id.optional(),
	/** Overdue orders: when the result was due. */
	due: IsoDate.optional(),
	/** Messages: the right route (or routes). Results, refills and overdue orders take the practice's rule. */
	route: OneOrMore(Route).optional(),
	/** Messages, refills (default routine) and overdue orders (default today); results take the rule for their flag. */
	priority: OneOrMore(Priority).optional(),
	/** Messages: a clinical question (symptoms, medicines, a result's meaning) that administrative staff never answer. */
	clinical: z.boolean().default(false),
	/** When the right route is the portal reply: the scripted reply that fits. */
	reply: Id.optional(),
	/** Why this route and priority: shown after grading, right or wrong. */
	teach: z.string().min(1),
	/** A critical error when this item is routed wrongly (besides the rules' own). */
	critical: CriticalText.optional(),
	/** The competency the route is scored against, when not the kind's default. */
	competency: Id.optional()
});

export const InboxBlock = z.strictObject({
	prompt: z.string().min(1),
	items: z.array(InboxItem).min(2).max(MAX_LIST_ITEMS, `at most ${MAX_LIST_ITEMS} items (a progress file keeps up to ${MAX_LIST_ITEMS} in one answer)`),
	/** The practice's approved non-clinical portal replies the front office may send. */
	replies: z.array(z.strictObject({ id: Id, text: z.string().min(1) })).default([]),
	scoring: z
		.strictObject({
			results: Id.default('cehrs.clinical.orders-results'),
			messages: Id.default('cehrs.nonclinical.communication'),
			priority: Id.default('cmaa.communication.team-handoffs')
		})
		.default({ results: 'cehrs.clinical.orders-results', messages: 'cehrs.nonclinical.communication', priority: 'cmaa.communication.team-handoffs' }),
	next: Id.optional(),
	weight: StepWeight.optional()
});

/** Names the inbox shows, copied from the clinic at parse time so the step grades and replays alone. */
export interface InboxContext {
	patients: { id: string; name: string; dob: string }[];
	providers: { id: string; name: string; credentials: string }[];
}

export type InboxItem = z.infer<typeof InboxItem>;
export type InboxBlock = z.infer<typeof InboxBlock>;
export type ResolvedInboxBlock = InboxBlock & { context: InboxContext };
