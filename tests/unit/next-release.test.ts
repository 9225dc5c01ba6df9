import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/content';
import { readContentFiles } from '../../scripts/read-content';
import { NEXT_RELEASE_POLICY, nextReleaseFiles } from '../../scripts/next-release';

// The offline spec's update test publishes build-next (`npm run build:next`) while an attempt is open:
// it is only a test of a resumed attempt if the release changes the clinic and no scenario's hash.
describe('the next release the offline spec publishes', () => {
	const shipped = loadContent(readContentFiles());
	const next = loadContent(nextReleaseFiles(readContentFiles()));

	it('passes every content check and adds its policy to the binder', () => {
		expect(next.errors).toEqual([]);
		const before = shipped.content!.world.clinic.policies;
		const after = next.content!.world.clinic.policies;
		expect(Object.keys(after).length).toBe(Object.keys(before).length + 1);
		expect(before[NEXT_RELEASE_POLICY.id]).toBeUndefined();
		expect(after[NEXT_RELEASE_POLICY.id]).toEqual({ title: NEXT_RELEASE_POLICY.title, text: NEXT_RELEASE_POLICY.text });
	});

	it('leaves every scenario content hash as it is, so an open attempt resumes on it', () => {
		const hashes = (c: typeof shipped) => Object.fromEntries(c.content!.scenarios.map((s) => [s.meta.id, s.hash]));
		expect(hashes(next)).toEqual(hashes(shipped));
	});
});
