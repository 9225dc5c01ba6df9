/**
 * imsmanifest.xml for an assignment exported as a SCORM package: one organization, one item, one SCO
 * (the app's /lms/ page) that lists every file of the static app. Pure: the file list is passed in.
 */
export type ScormStandard = 'scorm12' | 'scorm2004';

export const LAUNCH_PAGE = 'lms/index.html';
/** The assignment and the standard, read by the launch page from beside itself. */
export const PACKAGE_CONFIG = 'lms/assignment.json';
export const PACKAGE_FORMAT = 'front-desk-simulator/lms-package';

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
/** Relative URLs in href attributes: each path segment percent-encoded, slashes kept. */
const hrefOf = (path: string) => path.split('/').map(encodeURIComponent).join('/');

/** An xs:ID: starts with a letter, then letters, digits, dots, dashes, underscores. */
function xmlId(prefix: string, raw: string): string {
	return `${prefix}-${raw.replace(/[^A-Za-z0-9._-]/g, '_')}`;
}

const HEAD: Record<ScormStandard, { ns: string; schemaVersion: string; scormType: string }> = {
	scorm12: {
		ns: [
			'xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"',
			'xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"',
			'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
			'xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd"'
		].join('\n\t\t'),
		schemaVersion: '1.2',
		// SCORM 1.2 spells the attribute in lower case, 2004 in camel case.
		scormType: 'adlcp:scormtype'
	},
	scorm2004: {
		ns: [
			'xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"',
			'xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"',
			'xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"',
			'xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"',
			'xmlns:imsss="http://www.imsglobal.org/xsd/imsss"',
			'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
			'xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd"'
		].join('\n\t\t'),
		schemaVersion: '2004 4th Edition',
		scormType: 'adlcp:scormType'
	}
};

export function scormManifest(standard: ScormStandard, assignment: { id: string; title: string }, files: readonly string[]): string {
	if (!files.includes(LAUNCH_PAGE)) throw new Error(`the package has no ${LAUNCH_PAGE}`);
	const h = HEAD[standard];
	const title = escapeXml(assignment.title);
	const org = xmlId('ORG', assignment.id);
	// The SCO reports its own status: no masteryscore / completion threshold for the LMS to apply,
	// because passing means every part passed, not an average over a line.
	return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${xmlId('MANIFEST', assignment.id)}" version="1"
		${h.ns}>
	<metadata>
		<schema>ADL SCORM</schema>
		<schemaversion>${h.schemaVersion}</schemaversion>
	</metadata>
	<organizations default="${org}">
		<organization identifier="${org}">
			<title>${title}</title>
			<item identifier="${xmlId('ITEM', assignment.id)}" identifierref="SCO-app" isvisible="true">
				<title>${title}</title>
			</item>
		</organization>
	</organizations>
	<resources>
		<resource identifier="SCO-app" type="webcontent" ${h.scormType}="sco" href="${LAUNCH_PAGE}">
${[...files].sort().map((f) => `\t\t\t<file href="${escapeXml(hrefOf(f))}"/>`).join('\n')}
		</resource>
	</resources>
</manifest>
`;
}
