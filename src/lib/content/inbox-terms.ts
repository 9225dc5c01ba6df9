/**
 * The inbox's routes and priorities, with their labels: no zod here, because the grader and the
 * inbox component use them on every scenario page (the schema in schema/inbox.ts imports them).
 */

export const INBOX_ROUTES = ['provider', 'provider-queue', 'nurse', 'billing', 'records', 'privacy', 'reply', 'chase'] as const;
export const INBOX_PRIORITIES = ['now', 'today', 'routine'] as const;
export type InboxRoute = (typeof INBOX_ROUTES)[number];
export type InboxPriority = (typeof INBOX_PRIORITIES)[number];

/** What the learner reads for each route and priority (the component and the feedback use the same words). */
export const ROUTE_LABELS: Record<InboxRoute, string> = {
	provider: 'To the ordering provider, flagged for action',
	'provider-queue': "To the provider's routine review queue",
	nurse: 'To the nurse',
	billing: 'To billing',
	records: 'To the release-of-information clerk',
	privacy: 'To the privacy officer',
	reply: 'Reply to the patient via the portal (scripted)',
	chase: 'Chase it with the lab or the patient'
};
export const PRIORITY_LABELS: Record<InboxPriority, string> = {
	now: 'Now (by phone or in person)',
	today: 'Today',
	routine: 'Routine'
};

