import { own, verdictOf, type Grader } from './grader';
import { evidenceFromRules } from './code';
import type { AuditFinding, RuleResult } from '../types';
import {
	AUDIT_REASONS,
	BREACH_EXCEPTIONS,
	CONCLUSIONS,
	CONCLUSION_LABELS,
	EXCEPTION_LABELS,
	FACTOR_LABELS,
	FINDINGS,
	NOTIFY_LABELS,
	NOTIFY_PARTIES,
	REASON_LABELS,
	RISK_FACTORS,
	hhsLogDeadline,
	noticeDeadline,
	partiesFor,
	type AuditReason,
	type Conclusion,
	type Finding,
	type NotifyParty
} from '../../content/audit-terms';
import type { AuditRow, ResolvedAuditBlock } from '../../content/schema/audit';
import { parseDob } from '../../ehr/dates';

const usDate = (iso: string) => `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)}`;
const label = <K extends string>(labels: Record<K, string>, v: string) => (Object.hasOwn(labels, v) ? labels[v as K] : v || 'nothing');

/** The reasons an author accepts for a row that was not appropriate. */
export const acceptedReasons = (r: AuditRow): AuditReason[] => (r.reason === undefined ? [] : Array.isArray(r.reason) ? r.reason : [r.reason]);

/**
 * What the practice must conclude about a row that was not appropriate: an exception of 164.402(1)
 * means no breach; otherwise the author's reading of the four factors decides, and a breach brings
 * the notices the numbers call for, the patients' by 60 days after discovery.
 */
export function auditKey(block: Pick<ResolvedAuditBlock, 'discovered'>, row: AuditRow): { conclusion: Conclusion; parties: NotifyParty[]; deadline: string } | undefined {
	if (row.appropriate) return undefined;
	const conclusion: Conclusion = row.exception === 'none' && row.breach ? 'breach' : 'not-breach';
	return { conclusion, parties: conclusion === 'breach' ? partiesFor(row.affected, row.inOneState ?? row.affected, row.businessAssociate) : [], deadline: noticeDeadline(block.discovered) };
}

export const audit: Grader<'audit'> = {
	choices: (block) => block.rows.map((r) => r.id),
	check(block, input) {
		if (input.kind !== 'audit') return `expected an audit, got ${input.kind}`;
		if (typeof input.rows !== 'object' || input.rows === null) return 'judge every row of the logs';
		for (const row of block.rows) {
			const f = own(input.rows, row.id);
			const n = `row ${row.at.replace('T', ' ')}`;
			if (f === undefined || typeof f !== 'object' || f === null || (f.verdict !== 'appropriate' && f.verdict !== 'inappropriate')) return `${n}: mark it appropriate or not`;
			if (f.verdict === 'appropriate') continue;
			if (!(AUDIT_REASONS as readonly string[]).includes(f.reason)) return `${n}: choose why it was not appropriate`;
			if (!(BREACH_EXCEPTIONS as readonly string[]).includes(f.exception)) return `${n}: choose whether an exception of 164.402(1) applies`;
			if (f.exception === 'none') {
				if (typeof f.factors !== 'object' || f.factors === null) return `${n}: weigh the four risk factors`;
				for (const factor of RISK_FACTORS) if (!(FINDINGS as readonly string[]).includes(own(f.factors, factor) ?? '')) return `${n}: weigh the risk factor ${FACTOR_LABELS[factor].name}`;
			}
			if (!(CONCLUSIONS as readonly string[]).includes(f.conclusion)) return `${n}: conclude whether it is a breach to notify`;
			if (f.conclusion === 'breach') {
				if (!Array.isArray(f.notify) || !f.notify.length || f.notify.some((p) => !(NOTIFY_PARTIES as readonly string[]).includes(p))) return `${n}: choose who must be told`;
				if (!parseDob(f.deadline)) return `${n}: enter the last day for the patients' notices as MM/DD/YYYY`;
			}
		}
		if (Object.keys(input.rows).some((k) => !block.rows.some((r) => r.id === k))) return 'a finding names an unknown log row';
	},
	grade(block, input) {
		const given = input.kind === 'audit' ? input.rows : {};
		const userOf = (id: string) => block.context.users.find((u) => u.id === id);
		const patientName = (id: string) => block.context.patients.find((p) => p.id === id)?.name ?? id;
		const rules: RuleResult[] = [];
		const rowRight: boolean[] = [];
		const feedback: string[] = [];
		for (const row of block.rows) {
			const f: AuditFinding | undefined = own(given, row.id);
			const user = userOf(row.user);
			const title = `${usDate(row.at.slice(0, 10))} ${row.at.slice(11)}, ${user?.name ?? row.user} → ${patientName(row.patient)}${row.to ? ` → ${row.to}` : ''}`;
			const said = f?.verdict === 'inappropriate' ? 'not appropriate' : f?.verdict === 'appropriate' ? 'appropriate' : 'nothing';
			const start = rules.length;
			const push = (rule: string, ok: boolean, competency: string, message: string, critical?: string) =>
				rules.push({ task: row.id, rule, ok, earned: ok ? 1 : 0, possible: 1, competency, message: `${title}: ${message}`, ...(critical && !ok ? { critical } : {}) });
			const key = auditKey(block, row);
			const flagged = f?.verdict === 'inappropriate';
			const missed = key?.conclusion === 'breach' ? (row.critical ?? `A breach was left unreported (${patientName(row.patient)}'s chart, ${usDate(row.at.slice(0, 10))}): the patient must be told within 60 days of discovery (45 CFR 164.404).`) : undefined;
			push('verdict', row.appropriate ? f?.verdict === 'appropriate' : flagged, block.scoring.review, row.appropriate ? `appropriate${flagged ? ', not "not appropriate"' : ''}.` : `not appropriate${flagged ? '' : `, not "${said}"`}.`, f && !flagged ? missed : undefined);
			if (key) {
				const reasons = acceptedReasons(row);
				const reasonOk = flagged && reasons.includes(f!.reason as AuditReason);
				push('reason', reasonOk, block.scoring.review, `why: ${reasons.map((r) => REASON_LABELS[r]).join(' or ')}${reasonOk || !flagged ? '' : `, not "${label(REASON_LABELS, f!.reason)}"`}.`);
				const exOk = flagged && f!.exception === row.exception;
				push('exception', exOk, block.scoring.breach, `${EXCEPTION_LABELS[row.exception]}${exOk || !flagged ? '' : `, not "${label(EXCEPTION_LABELS, f!.exception)}"`}.`);
				if (row.exception === 'none' && row.factors) {
					for (const factor of RISK_FACTORS) {
						const right: Finding = row.factors[factor];
						const chose = flagged ? (own(f!.factors ?? {}, factor) ?? '') : '';
						const ok = chose === right;
						push(`factor-${factor}`, ok, block.scoring.breach, `${FACTOR_LABELS[factor].name}: ${FACTOR_LABELS[factor][right].toLowerCase()}${ok || !flagged ? '' : `, not "${chose ? FACTOR_LABELS[factor][chose as Finding]?.toLowerCase() ?? chose : 'nothing'}"`}.`);
					}
				}
				const conclusionOk = flagged && f!.conclusion === key.conclusion;
				const why = row.exception !== 'none' ? 'an exception of 164.402(1) applies, so it is not a breach' : key.conclusion === 'breach' ? 'an impermissible use or disclosure is presumed a breach unless the assessment shows a low probability of compromise (164.402(2)), and this one does not' : 'the four factors show a low probability that the PHI was compromised (164.402(2)); document the assessment (164.530(j))';
				push('conclusion', conclusionOk, block.scoring.breach, `${CONCLUSION_LABELS[key.conclusion]}: ${why}${conclusionOk || !flagged ? '' : `; you chose "${label(CONCLUSION_LABELS, f!.conclusion)}"`}.`, flagged ? missed : undefined);
				if (key.conclusion === 'breach') {
					const chosen = new Set(flagged && f!.conclusion === 'breach' && Array.isArray(f!.notify) ? f!.notify : []);
					const partiesOk = chosen.size === key.parties.length && key.parties.every((p) => chosen.has(p));
					const log = key.parties.includes('hhs-log') ? ` The HHS log for a breach discovered in ${block.discovered.slice(0, 4)} is due by ${usDate(hhsLogDeadline(block.discovered))}.` : '';
					push('notify', partiesOk, block.scoring.breach, `tell ${key.parties.map((p) => NOTIFY_LABELS[p]).join('; ')}${partiesOk ? '' : `; you chose ${chosen.size ? [...chosen].map((p) => label(NOTIFY_LABELS, p)).join('; ') : 'no one'}`}.${log}`);
					const typed = flagged ? parseDob(f!.deadline ?? '') : undefined;
					const dateOk = typed === key.deadline;
					push('deadline', dateOk, block.scoring.breach, `the patients' notices go without unreasonable delay and no later than ${usDate(key.deadline)}, 60 days after discovery on ${usDate(block.discovered)} (164.404(b))${dateOk || !typed ? '' : `, not ${usDate(typed)}`}.`);
				}
			}
			const mine = rules.slice(start);
			const ok = mine.every((r) => r.ok);
			rowRight.push(ok);
			const role = user ? ` (${user.role})` : '';
			feedback.push(ok ? `**${title}**${role}: right. ${row.teach}` : `**${title}**${role}: ${mine.filter((r) => !r.ok).map((r) => r.message.slice(title.length + 2)).join(' ')} ${row.teach}`);
		}
		const evidence = evidenceFromRules(rules);
		const earned = evidence.reduce((n, e) => n + e.earned, 0);
		const possible = evidence.reduce((n, e) => n + e.possible, 0);
		const critical = rules.find((r) => r.critical)?.critical;
		// Mistakes first: the learner reads what to fix before what went right.
		const wrongFirst = [...feedback.filter((_, i) => !rowRight[i]), ...feedback.filter((_, i) => rowRight[i])];
		return { feedback: wrongFirst, next: block.next, evidence, marks: { kind: 'audit', rules }, verdict: critical ? 'wrong' : verdictOf(earned, possible), ...(critical ? { critical } : {}) };
	}
};

