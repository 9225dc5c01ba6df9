import { own, verdictOf, type Grader } from './grader';
import { evidenceFromRules } from './code';
import type { RuleResult } from '../types';
import { INBOX_PRIORITIES, INBOX_ROUTES, PRIORITY_LABELS, ROUTE_LABELS, type InboxPriority, type InboxRoute } from '../../content/inbox-terms';
import type { InboxItem, ResolvedInboxBlock } from '../../content/schema/inbox';

const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/**
 * Where an item may go and how soon: the practice's results-routing policy for results (by the lab's
 * flag, never by reading the values), refills to the nurse, overdue orders chased; messages as keyed.
 */
export function inboxKey(item: InboxItem): { routes: InboxRoute[]; priorities: InboxPriority[]; why: string } {
	switch (item.kind) {
		case 'result':
			if (item.flag === 'critical')
				return { routes: ['provider'], priorities: ['now'], why: 'The lab flagged it critical: the practice\'s results policy sends a critical value to the ordering provider by phone, at once (the covering provider if the orderer is away).' };
			if (item.flag === 'abnormal')
				return { routes: ['provider'], priorities: ['now', 'today'], why: 'The lab flagged it abnormal: it goes to the ordering provider flagged for review the same day, not into the routine queue.' };
			return { routes: ['provider-queue'], priorities: ['routine'], why: "A normal result still goes to the ordering provider, who reviews every result before it is released: by policy, into the routine review queue." };
		case 'refill':
			return { routes: ['nurse'], priorities: list(item.priority).length ? list(item.priority) : ['routine'], why: 'Refill requests go to the clinical team (the nurse); the front desk never approves or refuses a refill.' };
		case 'overdue-order':
			return { routes: ['chase'], priorities: list(item.priority).length ? list(item.priority) : ['today'], why: 'An order past its due date with no result is followed up with the performing lab or the patient, so nothing ordered is lost.' };
		case 'message':
			return { routes: list(item.route), priorities: list(item.priority), why: '' };
	}
}

function criticalOf(item: InboxItem, route: string | undefined, priority: string | undefined, label: string): string | undefined {
	if (item.kind === 'result' && item.flag === 'critical' && (route !== 'provider' || priority !== 'now'))
		return `A critical result (${label}) was not sent to the ordering provider at once.`;
	if (item.kind === 'result' && route === 'reply') return `A result (${label}) was released to the patient before the ordering provider reviewed it.`;
	if (item.kind === 'message' && item.clinical && route === 'reply') return `A clinical question (${label}) was answered by the front desk instead of going to the clinical team.`;
	if (item.critical && !inboxKey(item).routes.includes(route as InboxRoute)) return item.critical;
	return undefined;
}

export const inbox: Grader<'inbox'> = {
	choices: (block) => block.items.map((i) => i.id),
	check(block, input) {
		if (input.kind !== 'inbox') return `expected an inbox, got ${input.kind}`;
		if (typeof input.items !== 'object' || input.items === null) return 'route every item in the inbox';
		const routes = new Set<string>(INBOX_ROUTES);
		const priorities = new Set<string>(INBOX_PRIORITIES);
		for (const item of block.items) {
			const d = own(input.items, item.id);
			if (d === undefined || typeof d !== 'object' || d === null || !d.route) return `choose where "${item.subject}" goes`;
			if (!routes.has(d.route)) return `"${item.subject}" has an unknown route "${d.route}"`;
			if (!d.priority) return `choose a priority for "${item.subject}"`;
			if (!priorities.has(d.priority)) return `"${item.subject}" has an unknown priority "${d.priority}"`;
			if (d.route === 'reply' && block.replies.length && !block.replies.some((r) => r.id === d.reply)) return `choose the portal reply to send about "${item.subject}"`;
		}
		if (Object.keys(input.items).some((k) => !block.items.some((i) => i.id === k))) return 'a decision names an unknown inbox item';
	},
	grade(block: ResolvedInboxBlock, input) {
		const chosen = input.kind === 'inbox' ? input.items : {};
		const patientName = (id: string) => block.context.patients.find((p) => p.id === id)?.name ?? id;
		const rules: RuleResult[] = [];
		const feedback: string[] = [];
		for (const item of block.items) {
			const d = own(chosen, item.id);
			const key = inboxKey(item);
			const label = `${item.subject}, ${patientName(item.patient)}`;
			const routeOk = !!d && key.routes.includes(d.route as InboxRoute) && (d.route !== 'reply' || !block.replies.length || d.reply === item.reply);
			const priorityOk = !!d && key.priorities.includes(d.priority as InboxPriority);
			const critical = criticalOf(item, d?.route, d?.priority, label);
			const right = `${key.routes.map((r) => ROUTE_LABELS[r]).join(' or ')}, ${key.priorities.map((p) => PRIORITY_LABELS[p].toLowerCase()).join(' or ')}`;
			const given = d ? `${ROUTE_LABELS[d.route as InboxRoute] ?? d.route}, ${(PRIORITY_LABELS[d.priority as InboxPriority] ?? d.priority).toLowerCase()}` : 'nothing';
			const wrongReply = d?.route === 'reply' && key.routes.includes('reply') && !routeOk ? ' The reply chosen does not answer what was asked.' : '';
			const why = [key.why, item.teach].filter(Boolean).join(' ');
			rules.push({
				task: item.id,
				rule: 'route',
				ok: routeOk,
				earned: routeOk ? 1 : 0,
				possible: 1,
				competency: item.competency ?? (item.kind === 'result' || item.kind === 'overdue-order' ? block.scoring.results : block.scoring.messages),
				message: `${label}: ${routeOk ? ROUTE_LABELS[d!.route as InboxRoute] : `${key.routes.map((r) => ROUTE_LABELS[r]).join(' or ')}, not "${d ? (ROUTE_LABELS[d.route as InboxRoute] ?? d.route) : 'nothing'}"`}.${wrongReply}`,
				...(critical && !routeOk ? { critical } : {})
			});
			rules.push({
				task: item.id,
				rule: 'priority',
				ok: priorityOk,
				earned: priorityOk ? 1 : 0,
				possible: 1,
				competency: block.scoring.priority,
				message: `${label}: priority ${priorityOk ? PRIORITY_LABELS[d!.priority as InboxPriority].toLowerCase() : `${key.priorities.map((p) => PRIORITY_LABELS[p].toLowerCase()).join(' or ')}, not "${d ? (PRIORITY_LABELS[d.priority as InboxPriority] ?? d.priority).toLowerCase() : 'nothing'}"`}.`,
				...(critical && routeOk ? { critical } : {})
			});
			feedback.push(routeOk && priorityOk ? `**${label}**: right (${given}). ${why}` : `**${label}**: ${right}; you chose ${given}.${wrongReply} ${why}`);
		}
		const evidence = evidenceFromRules(rules);
		const earned = evidence.reduce((n, e) => n + e.earned, 0);
		const possible = evidence.reduce((n, e) => n + e.possible, 0);
		const critical = rules.find((r) => r.critical)?.critical;
		// Mistakes first: the learner reads what to fix before what went right.
		const wrongFirst = [...feedback.filter((_, i) => !(rules[2 * i]!.ok && rules[2 * i + 1]!.ok)), ...feedback.filter((_, i) => rules[2 * i]!.ok && rules[2 * i + 1]!.ok)];
		return { feedback: wrongFirst, next: block.next, evidence, marks: { kind: 'inbox', rules }, verdict: critical ? 'wrong' : verdictOf(earned, possible), ...(critical ? { critical } : {}) };
	}
};
