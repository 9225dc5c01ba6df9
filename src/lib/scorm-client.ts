/**
 * The browser side of SCORM: finds the LMS's API object (window.API for 1.2, window.API_1484_11 for
 * 2004) in the parent frames or the opener, as the ADL discovery algorithm does, and wraps its calls.
 * What to send is decided by the pure lms/scorm-report.ts.
 */
import type { ScormStandard } from './lms/scorm-manifest';
import type { CmiValue } from './lms/scorm-report';

interface Api12 {
	LMSInitialize(p: ''): string;
	LMSFinish(p: ''): string;
	LMSGetValue(e: string): string;
	LMSSetValue(e: string, v: string): string;
	LMSCommit(p: ''): string;
	LMSGetLastError(): string;
	LMSGetErrorString(code: string): string;
}
interface Api2004 {
	Initialize(p: ''): string;
	Terminate(p: ''): string;
	GetValue(e: string): string;
	SetValue(e: string, v: string): string;
	Commit(p: ''): string;
	GetLastError(): string;
	GetErrorString(code: string): string;
}

function search(start: Window, name: 'API' | 'API_1484_11'): unknown {
	let w: Window | null = start;
	// ADL's algorithm gives up after a few hundred levels; real LMS frame sets are a handful deep.
	for (let depth = 0; w && depth < 50; depth++) {
		try {
			const api = (w as unknown as Record<string, unknown>)[name];
			if (api) return api;
		} catch {
			// A frame from another origin: keep climbing.
		}
		if (w.parent === w) break;
		w = w.parent;
	}
	return undefined;
}

export class ScormConnection {
	readonly errors: string[] = [];
	private constructor(
		readonly standard: ScormStandard,
		private readonly api: Api12 | Api2004
	) {}

	/** The LMS's API, searched from this window's parents and then the opener's; undefined outside an LMS. */
	static find(standard: ScormStandard, win: Window = window): ScormConnection | undefined {
		const name = standard === 'scorm12' ? 'API' : 'API_1484_11';
		let api = search(win, name);
		if (!api && win.opener) api = search(win.opener as Window, name);
		return api ? new ScormConnection(standard, api as Api12 | Api2004) : undefined;
	}

	private get v12() {
		return this.standard === 'scorm12' ? (this.api as Api12) : undefined;
	}
	private get v2004() {
		return this.standard === 'scorm2004' ? (this.api as Api2004) : undefined;
	}

	private check(what: string, ok: string): boolean {
		if (ok === 'true') return true;
		const code = this.v12 ? this.v12.LMSGetLastError() : this.v2004!.GetLastError();
		const text = this.v12 ? this.v12.LMSGetErrorString(code) : this.v2004!.GetErrorString(code);
		this.errors.push(`${what}: error ${code} (${text})`);
		return false;
	}

	initialize(): boolean {
		return this.check('Initialize', this.v12 ? this.v12.LMSInitialize('') : this.v2004!.Initialize(''));
	}
	get(element: string): string {
		return this.v12 ? this.v12.LMSGetValue(element) : this.v2004!.GetValue(element);
	}
	set(values: readonly CmiValue[]): boolean {
		let ok = true;
		for (const [e, v] of values) ok = this.check(`SetValue ${e}`, this.v12 ? this.v12.LMSSetValue(e, v) : this.v2004!.SetValue(e, v)) && ok;
		return ok;
	}
	commit(): boolean {
		return this.check('Commit', this.v12 ? this.v12.LMSCommit('') : this.v2004!.Commit(''));
	}
	terminate(): boolean {
		return this.check('Terminate', this.v12 ? this.v12.LMSFinish('') : this.v2004!.Terminate(''));
	}

	/** Who the LMS says is learning: its id and the name in "First Last" order. */
	learner(): { id: string; name: string } {
		const id = this.get(this.v12 ? 'cmi.core.student_id' : 'cmi.learner_id');
		const raw = this.get(this.v12 ? 'cmi.core.student_name' : 'cmi.learner_name');
		// LMSs send "Last, First"; the app shows "First Last".
		const [last, first] = raw.split(',').map((s) => s.trim());
		return { id, name: (first ? `${first} ${last}` : raw).trim().slice(0, 60) };
	}

	/** Interaction ids the LMS already holds (SCORM 2004), in order. */
	writtenInteractions(): string[] {
		if (!this.v2004) return [];
		const count = Number(this.get('cmi.interactions._count')) || 0;
		return Array.from({ length: count }, (_, n) => this.get(`cmi.interactions.${n}.id`));
	}

	/** Objective ids the LMS already holds, by index (readable in both versions). */
	heldObjectives(): string[] {
		const count = Number(this.get('cmi.objectives._count')) || 0;
		return Array.from({ length: count }, (_, n) => this.get(`cmi.objectives.${n}.id`));
	}

	/** Where an earlier session left the learner (cmi.location, cmi.core.lesson_location). */
	location(): string {
		return this.get(this.v12 ? 'cmi.core.lesson_location' : 'cmi.location');
	}
}
