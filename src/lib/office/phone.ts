import type { FrontMatter } from '../content/schema/scenario';

/** What the phone bar says at a step: the line and who is on it, as the story tells it. */
export function phoneLine(meta: Pick<FrontMatter, 'caller' | 'line' | 'calls'>, stepId: string | undefined, patientName?: string): string {
	const call = stepId ? meta.calls?.find((c) => c.steps.includes(stepId)) : undefined;
	if (call) return [call.line ? `Line ${call.line} · connected` : '', call.name, call.number ?? ''].filter(Boolean).join(' · ');
	const who = meta.caller ? `${meta.caller.name} · ${meta.caller.number}` : patientName;
	return [`Line ${meta.line ?? 1} · connected`, who].filter(Boolean).join(' · ');
}
