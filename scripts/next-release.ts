/**
 * The offline spec's next release (`npm run build:next`, FDS_NEXT_RELEASE=1): the app built again with
 * one policy added to the clinic's binder. It is real content, so every chunk that carries the clinic
 * (the binder's text, the clinic module) and every chunk that imports one is written under a new hash,
 * as in a real release; the scenarios' own text, and so their content hashes, stay as they are.
 */
export const NEXT_RELEASE_POLICY = {
	id: 'lost-and-found',
	title: 'Lost and found',
	text: 'Items left in the waiting room or an exam room are logged with the date and where they were found, and kept at the front desk for 30 days. An item is handed back to the person who describes it, with their name written in the log; medication, a wallet or a phone goes in the locked drawer.'
};

/** The content files with the next release's policy added to content/office/clinic.yaml. */
export function nextReleaseFiles(files: Record<string, string>): Record<string, string> {
	const path = 'content/office/clinic.yaml';
	const clinic = files[path];
	if (!clinic || !/^policies:\n/m.test(clinic)) throw new Error(`FDS_NEXT_RELEASE: no "policies:" map in ${path} to add to`);
	const p = NEXT_RELEASE_POLICY;
	const entry = `  ${p.id}:\n    title: ${JSON.stringify(p.title)}\n    text: ${JSON.stringify(p.text)}\n`;
	return { ...files, [path]: clinic.replace(/^policies:\n/m, (m) => m + entry) };
}
