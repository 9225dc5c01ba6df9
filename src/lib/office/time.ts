/** Clock and calendar helpers for the schedule book. Dates are ISO strings read as UTC days, so time zones never shift them. */

export function toMinutes(clock: string): number {
	const [h, m] = clock.split(':').map(Number);
	return h! * 60 + m!;
}

export function toClock(minutes: number): string {
	return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** 13:05 → "1:05 PM", the way the front desk says it. */
export function toSpoken(minutes: number): string {
	const h = Math.floor(minutes / 60);
	const m = minutes % 60;
	return `${((h + 11) % 12) + 1}:${String(m).padStart(2, '0')} ${h < 12 ? 'AM' : 'PM'}`;
}

export function addDays(iso: string, days: number): string {
	const d = new Date(`${iso}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + days);
	return d.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
	return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type WeekdayId = (typeof WEEKDAYS)[number];

export function weekday(iso: string): WeekdayId {
	return WEEKDAYS[new Date(`${iso}T00:00:00Z`).getUTCDay()]!;
}

/** The whole date, as a day view's heading says it: "Tuesday, November 25, 2025". */
export function fullDayLabel(iso: string): string {
	return new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-US', { weekday: 'long', month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
}

export function dayLabel(iso: string): string {
	return new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-US', { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' });
}
