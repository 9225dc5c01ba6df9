import { registerGraders, type Graders } from './index';
import { choice } from './choice';
import { dialogue } from './dialogue';
import { multiChoice } from './multi-choice';
import { triage } from './triage';
import { schedule } from './schedule';
import { code } from './code';
import { claim } from './claim';
import { remittance } from './remittance';
import { verify } from './verify';
import { inbox } from './inbox';
import { index } from './index-documents';
import { match } from './match';
import { audit } from './audit';
import { report } from './report';

/**
 * Every grader, registered on import: for code that may play any scenario without loading first
 * (Node scripts, unit tests, the content parser and so the authoring page). Never import this from a
 * scenario page: it is the weight per-kind loading keeps off it. A new kind adds one line here.
 */
export const graders: Graders = {
	choice,
	'multi-choice': multiChoice,
	dialogue,
	triage,
	schedule,
	code,
	claim,
	remittance,
	verify,
	inbox,
	index,
	match,
	audit,
	report
};

registerGraders(graders);
