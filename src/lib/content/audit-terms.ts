/**
 * The audit's reasons, the breach exceptions and risk factors of 45 CFR 164.402, who is told, and
 * the notification clock: no zod here, because the grader and the audit component use them on every
 * scenario page (the schema in schema/audit.ts imports them).
 */

/** Why a row of the access or disclosure log was not appropriate (the learner picks one). */
export const AUDIT_REASONS = ['no-need', 'coworker', 'neighbour-family', 'famous', 'own-chart', 'no-authorization', 'minimum-necessary', 'wrong-recipient', 'mistake'] as const;
export type AuditReason = (typeof AUDIT_REASONS)[number];
export const REASON_LABELS: Record<AuditReason, string> = {
	'no-need': 'No treatment, payment or operations need (164.502(b), 164.506)',
	coworker: "A coworker's chart, opened out of curiosity",
	'neighbour-family': "A neighbour's, friend's or relative's chart",
	famous: "A well-known patient's chart, opened out of curiosity",
	'own-chart': 'Own chart, outside the practice\'s policy (ask through the patient portal or the records clerk)',
	'no-authorization': 'Disclosed without an authorization or other permission (164.508)',
	'minimum-necessary': 'More than the minimum necessary (164.502(b), 164.514(d))',
	'wrong-recipient': 'Sent to the wrong recipient (a misdirected fax, mail or e-mail)',
	mistake: 'Opened by mistake (the wrong patient), closed at once'
};

/** The exceptions of 164.402(1): when one applies, the event is not a breach at all. */
export const BREACH_EXCEPTIONS = ['none', 'good-faith', 'internal', 'could-not-retain'] as const;
export type BreachException = (typeof BREACH_EXCEPTIONS)[number];
export const EXCEPTION_LABELS: Record<BreachException, string> = {
	none: 'No exception applies',
	'good-faith': '164.402(1)(i): unintentional, in good faith, within the person\'s job, not used further',
	internal: '164.402(1)(ii): inadvertent, between two people both authorized at the practice, not used further',
	'could-not-retain': '164.402(1)(iii): the recipient could not reasonably have kept the information'
};

/** The four factors of 164.402(2), each found to raise or lower the probability that the PHI was compromised. */
export const RISK_FACTORS = ['nature', 'person', 'viewed', 'mitigated'] as const;
export type RiskFactor = (typeof RISK_FACTORS)[number];
export const FINDINGS = ['higher', 'lower'] as const;
export type Finding = (typeof FINDINGS)[number];
export const FACTOR_LABELS: Record<RiskFactor, { name: string; higher: string; lower: string }> = {
	nature: {
		name: '(i) Nature and extent of the PHI (identifiers, sensitivity, likelihood of re-identification)',
		higher: 'Raises the risk: clinical details or identifiers that could harm or be misused',
		lower: 'Lowers the risk: little beyond a name, nothing clinical, hard to misuse'
	},
	person: {
		name: '(ii) The unauthorized person who used it or received it',
		higher: 'Raises the risk: someone with no duty to protect it',
		lower: 'Lowers the risk: someone bound by HIPAA or a confidentiality duty'
	},
	viewed: {
		name: '(iii) Whether the PHI was actually acquired or viewed',
		higher: 'Raises the risk: it was opened, read or kept',
		lower: 'Lowers the risk: it was not opened or read'
	},
	mitigated: {
		name: '(iv) How far the risk has been mitigated',
		higher: 'Raises the risk: no reliable assurance it was destroyed or not passed on',
		lower: 'Lowers the risk: a reliable assurance it was destroyed and not passed on'
	}
};

/** The conclusion: a breach to notify, or not (a low probability of compromise shown by the assessment, or an exception). */
export const CONCLUSIONS = ['breach', 'not-breach'] as const;
export type Conclusion = (typeof CONCLUSIONS)[number];
export const CONCLUSION_LABELS: Record<Conclusion, string> = {
	breach: 'A breach: notify',
	'not-breach': 'Not a breach: document the assessment, no notice'
};

/** Who must be told of a breach (164.404 to 164.410). */
export const NOTIFY_PARTIES = ['individual', 'media', 'hhs-now', 'hhs-log', 'covered-entity'] as const;
export type NotifyParty = (typeof NOTIFY_PARTIES)[number];
export const NOTIFY_LABELS: Record<NotifyParty, string> = {
	individual: 'Each affected patient, in writing (164.404)',
	media: 'Prominent media outlets in the state (164.406)',
	'hhs-now': 'HHS at the same time as the patients (164.408(b))',
	'hhs-log': "HHS through the practice's breach log, after the calendar year ends (164.408(c))",
	'covered-entity': 'The covered entity, by its business associate (164.410)'
};

/** Days after discovery within which each affected individual must be told (164.404(b)), and the yearly HHS log (164.408(c)). */
export const NOTICE_DAYS = 60;
/** More than this many residents of one state: the media too (164.406). */
export const MEDIA_THRESHOLD = 500;
/** This many individuals or more: HHS at once, with the individual notices (164.408(b)). */
export const HHS_NOW_THRESHOLD = 500;

/** An ISO date plus some days (calendar days, as the rule counts them). */
export function addDays(iso: string, days: number): string {
	const d = new Date(`${iso}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + days);
	return d.toISOString().slice(0, 10);
}

/** Who must be told of one breach: the patients always; the media over 500 in a state; HHS at once at 500 or more, else in the yearly log; a business associate tells the covered entity. */
export function partiesFor(affected: number, inOneState: number, businessAssociate: boolean): NotifyParty[] {
	return [
		'individual',
		...(inOneState > MEDIA_THRESHOLD ? (['media'] as const) : []),
		affected >= HHS_NOW_THRESHOLD ? 'hhs-now' : 'hhs-log',
		...(businessAssociate ? (['covered-entity'] as const) : [])
	];
}

/** The last day for the individual notices: 60 calendar days after the breach was discovered (164.404(b)). */
export const noticeDeadline = (discovered: string) => addDays(discovered, NOTICE_DAYS);
/** The last day to log a small breach with HHS: 60 days after the end of the calendar year it was discovered in (164.408(c)). */
export const hhsLogDeadline = (discovered: string) => addDays(`${discovered.slice(0, 4)}-12-31`, NOTICE_DAYS);
