import type { ClinicWorld } from '../src/lib/content/world';

/**
 * A synthetic busy day for the benchmarks: `count` appointments spread over every provider's office
 * time on the clinic's today (overlaps included, as on a real overbooked day), one booking to make.
 */
export function busyDayScenario(world: ClinicWorld, count = 200): string {
	const providers = world.providers;
	const patients = world.patients.filter((p) => p.established);
	const lines: string[] = [];
	for (let i = 0; i < count; i++) {
		const provider = providers[i % providers.length]!;
		const slot = Math.floor(i / providers.length);
		const minute = 8 * 60 + ((slot * 15) % (9 * 60));
		const start = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
		lines.push(`  - { id: b${i}, patient: ${patients[i % patients.length]!.id}, provider: ${provider.id}, start: "${start}", type: established-follow-up, reason: Follow-up visit ${i} }`);
	}
	return `---
id: bench-busy-day
title: "Benchmark: a busy day"
kind: scheduling
difficulty: 1
minutes: 5
summary: A generated day of ${count} appointments, used only by npm run bench.
competencies: [cmaa.scheduling.methods-templates, cmaa.scheduling.appointment-types, cmaa.scheduling.triage, cmaa.scheduling.cancellations-no-shows, cmaa.encounter.check-in]
start: book
---

## book: The busy day
\`\`\`schedule
prompt: Find a slot.
days: 5
view: week
appointments:
${lines.join('\n')}
tasks:
  - { id: t1, patient: ${patients[0]!.id}, ask: Book a follow-up this week, types: [established-follow-up], urgency: soon, withinDays: 4 }
next: two
\`\`\`

## two: Two
\`\`\`choice
options:
  - { id: a, text: A, evidence: { cmaa.encounter.check-in: 1/1 } }
  - { id: b, text: B, feedback: No., evidence: { cmaa.encounter.check-in: 0/1 } }
next: three
\`\`\`

## three: Three
\`\`\`choice
options:
  - { id: a, text: A, evidence: { cmaa.encounter.check-in: 1/1 } }
  - { id: b, text: B, feedback: No., evidence: { cmaa.encounter.check-in: 0/1 } }
next: end
\`\`\`

## debrief
Benchmark only.
`;
}

/**
 * The shipped morning with `extra` more pieces of desk work arriving at its start (copies of the
 * "empty dispensers" task), so one action is taken with that many tasks waiting: the shift screen's
 * worst case for the bench. Returns the shift file's text, id `bench-busy-shift`.
 */
export function busyShift(morning: string, extra = 60): string {
	const section = morning.slice(morning.indexOf('# supplies: '), morning.indexOf('\n# ', morning.indexOf('# supplies: ') + 1) + 1);
	const events = Array.from({ length: extra }, (_, i) => `  - id: supplies-b${i}\n    channel: desk\n    at: "07:45"\n    who: The front desk\n    about: Restock request ${i + 1}\n    minutes: 3\n    topic: communication\n`).join('');
	const sections = Array.from({ length: extra }, (_, i) => section.replace('# supplies: ', `# supplies-b${i}: `)).join('\n');
	return morning
		.replace(/^id: morning-rush$/m, 'id: bench-busy-shift')
		.replace(/^events:\n/m, `events:\n${events}`)
		.replace(/\n# debrief\n/, `\n${sections}\n# debrief\n`);
}
