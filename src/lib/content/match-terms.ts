/**
 * The master patient index's decisions and fields, with their labels: no zod here, because the match
 * grader and component use them on every scenario page (the schema in schema/match.ts imports them).
 */

/** What the desk can do with a set of charts that look like one person. */
export const MATCH_ACTIONS = ['merge', 'separate', 'overlay'] as const;
export type MatchAction = (typeof MATCH_ACTIONS)[number];

/** The identifiers a chart's index entry shows, in the order the MPI screen lists them. */
export const MPI_FIELDS = ['name', 'dob', 'sex', 'address', 'phone', 'memberId', 'ssn4', 'opened', 'lastVisit'] as const;
export type MpiField = (typeof MPI_FIELDS)[number];

export const MPI_FIELD_LABELS: Record<MpiField, string> = {
	name: 'Name',
	dob: 'Date of birth',
	sex: 'Sex',
	address: 'Address',
	phone: 'Phone',
	memberId: 'Insurance member ID',
	ssn4: 'SSN (last 4)',
	opened: 'Chart opened',
	lastVisit: 'Last visit'
};
