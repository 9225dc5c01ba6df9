import type { KnownIds } from '../../src/lib/content/rules';
import { parseScenario } from '../../src/lib/content/scenario';
import type { Scenario } from '../../src/lib/content/schema/scenario';

export const known: KnownIds = {
	competencies: new Set(['c.law.disclosure', 'c.comm.phone', 'c.comm.difficult', 'c.sched.triage']),
	patients: new Set(['pt-a', 'pt-b']),
	providers: new Set(['prov-x'])
};

/** A small valid scenario: three decisions, a branch to an ending step, a debrief. */
export const VALID = `---
id: fixture-valid
title: "A fixture"
kind: hipaa
difficulty: 1
minutes: 3
summary: A small scenario used by the unit tests.
patient: pt-a
competencies: [c.law.disclosure, c.comm.phone]
start: one
---

## one: First
The phone rings.

\`\`\`choice
prompt: What now?
options:
  - id: good
    text: The right thing
    feedback: Why it is right.
    evidence: { c.law.disclosure: 2/2 }
    next: two
  - id: bad
    text: The wrong thing
    feedback: Why it is wrong (45 CFR 164.510(b)).
    evidence: { c.law.disclosure: 0/2 }
    critical: Disclosed PHI.
    next: oops
\`\`\`

## two: Second
Next.

\`\`\`multi-choice
prompt: Pick all that apply
competencies: [c.comm.phone]
options:
  - { id: a, text: A, correct: true, feedback: A is right. }
  - { id: b, text: B, correct: false, feedback: B is wrong. }
  - { id: c, text: C, correct: true, feedback: C is right. }
next: three
\`\`\`

## three: Third
Last.

\`\`\`choice
options:
  - id: x
    text: X
    evidence: { c.comm.phone: 1/1 }
  - id: y
    text: Y
    feedback: Not quite.
    evidence: { c.comm.phone: 0/1 }
next: end
\`\`\`

## oops: The disclosure
It went wrong.

## debrief
What to learn.
`;

export function parse(text: string, minDecisions = 3) {
	return parseScenario(text, 'content/scenarios/fixture.md', { known, minDecisions });
}

export function mustParse(text: string): Scenario {
	const r = parse(text);
	if (!r.scenario) throw new Error(r.errors.map((e) => `${e.line}: ${e.message}`).join('\n'));
	return r.scenario;
}
