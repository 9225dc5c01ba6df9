import type { Interaction } from '../../content/schema/scenario';
import type { Grader } from './grader';
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
import { report } from './report';
import { index } from './index-documents';
import { match } from './match';
import { audit } from './audit';

/** The registry: one grader per interaction kind. A new kind adds one line here. */
export const graders: { [K in Interaction['kind']]: Grader<K> } = {
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

export function graderFor<K extends Interaction['kind']>(kind: K): Grader<K> {
	return graders[kind];
}
