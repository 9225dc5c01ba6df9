import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/content';
import { readContentFiles } from '../../scripts/read-content';
import { policyList, searchPolicies } from '../../src/lib/office/policies';

const policies = loadContent(readContentFiles()).content!.world.clinic.policies;
const list = policyList(policies);

describe('the office policy binder', () => {
	it('titles every policy in words a reader looks for, not its id', () => {
		const titles = Object.fromEntries(list.map((p) => [p.id, p.title]));
		expect(titles).toMatchObject({
			abn: 'Advance Beneficiary Notice (ABN)',
			'photo-id': 'Photo ID at check-in',
			'no-show': 'No-show policy',
			'referrals-prior-authorization': 'Referrals and prior authorization'
		});
	});

	it('lists the policies in title order', () => {
		const titles = list.map((p) => p.title);
		expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b, 'en')));
		expect(titles[0]).toBe('Advance Beneficiary Notice (ABN)');
	});

	it('finds policies by words of the title or the text, in any order, with title matches first', () => {
		expect(searchPolicies(list, 'refill').map((p) => p.id)[0]).toBe('prescription-refills');
		const voicemail = searchPolicies(list, 'voicemail results').map((p) => p.id);
		expect(voicemail).toContain('voicemail');
		expect(voicemail).not.toContain('abn');
		expect(searchPolicies(list, 'MEDICARE notice').map((p) => p.id)).toEqual(['abn']);
		expect(searchPolicies(list, 'zebra')).toEqual([]);
		expect(searchPolicies(list, '  ')).toHaveLength(list.length);
	});
});
