import type { Grader } from './grader';
import type { RuleResult } from '../types';
import { checkClaim } from '../../office/claim';
import { gradedFromRules } from './code';

const FIELD = /^(1|1a|2|3\.dob|3\.sex|4|6|[57]\.(street|city|state|zip)|9|9a|9d|11|11d|12|13|21\.(ind|[A-L])|22\.(code|original)|23|24\.[1-6]\.[ABDMEFGJ]|25|26|27|28|31|3[23]\.(name|address)|3[23]a)$/;

export const claim: Grader<'claim'> = {
	choices: () => [],
	check(_block, input) {
		if (input.kind !== 'claim') return `expected a claim form, got ${input.kind}`;
		if (typeof input.fields !== 'object' || input.fields === null || Array.isArray(input.fields)) return 'the claim form is empty';
		for (const [k, v] of Object.entries(input.fields)) {
			if (!FIELD.test(k)) return `the claim has no item "${k}"`;
			if (typeof v !== 'string' || v.length > 200) return `item ${k} must be text of at most 200 characters`;
		}
	},
	grade(block, input) {
		const form = input.kind === 'claim' ? input.fields : {};
		const checks = checkClaim(block, block.context, form);
		const rules: RuleResult[] = checks.map((c) => ({
			rule: `item-${c.path}`,
			ok: c.ok,
			earned: c.ok ? 1 : 0,
			possible: 1,
			competency: c.group === 'coding' ? block.scoring.coding : block.scoring.claim,
			message: c.message,
			// A claim under an ID that is not the patient's cannot be matched to anyone: it is rejected
			// at best, and at worst paid against another member's policy.
			...(c.path === '1a' && !c.ok ? { critical: "The claim went out under a member ID that is not the patient's (item 1a)." } : {})
		}));
		return gradedFromRules(rules, block.next, 'claim');
	}
};
