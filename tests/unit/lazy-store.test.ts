import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { DexieStore, MemoryStore, ProgressDb, SCHEMA_VERSIONS, type ProgressStore } from '../../src/lib/db';
import { databaseExists } from '../../src/lib/db/peek';
import { LazyStore } from '../../src/lib/db/lazy';
import type { OpenedStore } from '../../src/lib/db/open';
import { beginAttempt, forgetUnsavedAttempt, keepUnsavedAttempt, newAttempt, recordAnswer, storeAttempt, unsavedAttempt } from '../../src/lib/attempts';
import { mustParse, VALID } from './fixtures';

const scenario = mustParse(VALID);
let n = 0;
const names: string[] = [];
const fresh = () => {
	const name = `peek-${++n}`;
	names.push(name);
	return name;
};
const open: Dexie[] = [];
const dexie = <T extends Dexie>(db: T): T => (open.push(db), db);
afterEach(async () => {
	for (const db of open.splice(0)) db.close();
	for (const name of names.splice(0)) await Dexie.delete(name);
});
const listed = async (name: string) => (await indexedDB.databases()).some((d) => d.name === name);
/** IndexedDB as a browser without `databases()` has it (Firefox before 126): asking must not create the database either. */
const withoutListing = { open: (name: string) => indexedDB.open(name), deleteDatabase: (name: string) => indexedDB.deleteDatabase(name), cmp: (a: unknown, b: unknown) => indexedDB.cmp(a, b) } as IDBFactory;

/**
 * The app's store over the database `name`, as openLazyStore makes it, counting how often the full store
 * (Dexie) was opened.
 */
async function lazy(name: string, factory: IDBFactory = indexedDB) {
	const opens: string[] = [];
	const store = new LazyStore(
		async () => !(await databaseExists(factory, name)),
		(o) => opens.push(o.store.kind),
		async (): Promise<OpenedStore> => ({ store: new DexieStore(dexie(new ProgressDb(name))), persisted: true })
	);
	if (await databaseExists(factory, name)) await store.load();
	return { store, opens };
}

/** Everything a first paint reads. */
async function reads(store: Pick<ProgressStore, 'listLearners' | 'getSetting' | 'listAttempts' | 'getAttempt' | 'getInputs' | 'getDraft' | 'listAssignments'>, attemptId: string) {
	return {
		learners: await store.listLearners(),
		current: await store.getSetting('currentLearner'),
		attempts: await store.listAttempts('ana'),
		attempt: await store.getAttempt(attemptId),
		inputs: await store.getInputs(attemptId),
		draft: await store.getDraft(attemptId, 'two'),
		assignments: await store.listAssignments()
	};
}
const NOTHING = { learners: [], current: undefined, attempts: [], attempt: undefined, inputs: [], draft: undefined, assignments: [] };

/** A database with two learners, three attempts (one answered twice), a draft and a kept assignment, written by Dexie. */
async function written(name: string): Promise<{ store: DexieStore; attemptId: string }> {
	const store = new DexieStore(dexie(new ProgressDb(name)));
	await store.putLearner({ id: 'ana', name: 'Ana', createdAt: 1 });
	await store.putLearner({ id: 'al', name: 'Al', createdAt: 2 });
	await store.setSetting('currentLearner', 'ana');
	let { record, state } = await beginAttempt(store, 'ana', scenario, 1234, 10);
	({ record, state } = await recordAnswer(store, record, state, { kind: 'choice', optionId: 'good' }, 20));
	await recordAnswer(store, record, state, { kind: 'multi-choice', optionIds: ['a'] }, 30);
	await beginAttempt(store, 'ana', scenario, 5, 40);
	await beginAttempt(store, 'al', scenario, 6, 50);
	await store.putDraft({ attemptId: record.id, stepId: 'two', work: { picked: ['a'] }, at: 35 });
	await store.putAssignment({ id: 'assign-1234', assignment: { format: 'front-desk-simulator/assignment', version: 1, id: 'assign-1234', title: 'Week 1', instructions: '', scenarios: ['s'], custom: [], shifts: [], attemptsAllowed: 3, passMark: 0.8, feedback: 'immediate', randomiseVariants: true, createdAt: 1 }, savedAt: 2 });
	return { store, attemptId: record.id };
}

describe('asking whether anything is stored (db/peek.ts)', () => {
	for (const [how, factory] of [
		['with databases()', indexedDB],
		['without databases()', withoutListing]
	] as const) {
		it(`says no where nothing was saved, and creates no database by asking (${how})`, async () => {
			const name = fresh();
			expect(await databaseExists(factory, name)).toBe(false);
			expect(await databaseExists(factory, name)).toBe(false);
			expect(await listed(name)).toBe(false);
		});
		it(`says yes once Dexie has saved (${how})`, async () => {
			const name = fresh();
			await written(name);
			expect(await databaseExists(factory, name)).toBe(true);
		});
	}

	it('throws where the browser blocks IndexedDB (then the full store falls back to memory and says so)', async () => {
		const blocked = { open: () => { throw new DOMException('The user denied permission to access the database.', 'SecurityError'); } } as unknown as IDBFactory;
		await expect(databaseExists(blocked, fresh())).rejects.toThrow('denied');
	});
});

describe('the lazy store (db/lazy.ts)', () => {
	for (const [how, factory] of [
		['with databases()', indexedDB],
		['without databases()', withoutListing]
	] as const)
		it(`answers a first visit's reads with nothing, without opening Dexie or creating the database (${how})`, async () => {
			const name = fresh();
			const { store, opens } = await lazy(name, factory);
			expect(await reads(store, 'x')).toEqual(NOTHING);
			expect(opens).toEqual([]);
			expect(await listed(name)).toBe(false);
		});

	it('reads exactly what Dexie wrote, through Dexie, where progress is stored', async () => {
		const name = fresh();
		const { store: dexieStore, attemptId } = await written(name);
		const { store, opens } = await lazy(name);
		expect(opens).toEqual(['indexeddb']);
		const seen = await reads(store, attemptId);
		expect(seen).toEqual(await reads(dexieStore, attemptId));
		// Not vacuous: the reads found the records written above.
		expect(seen.learners.map((l) => l.name)).toEqual(['Al', 'Ana']);
		expect(seen.attempts).toHaveLength(2);
		expect(seen.inputs.map((i) => i.seq)).toEqual([0, 1]);
		expect(seen.draft?.work).toEqual({ picked: ['a'] });
	});

	it('sees what another tab saved after the page opened', async () => {
		const name = fresh();
		const { store, opens } = await lazy(name);
		expect(await store.listLearners()).toEqual([]);
		await written(name);
		expect((await store.listLearners()).map((l) => l.id)).toEqual(['al', 'ana']);
		expect(opens).toEqual(['indexeddb']);
	});

	it('opens a database of an older schema with Dexie, which upgrades it and keeps what it held', async () => {
		const name = fresh();
		const old = dexie(new Dexie(name));
		for (const v of SCHEMA_VERSIONS.slice(0, -1)) old.version(v.version).stores(v.stores);
		await old.open();
		await old.table('learners').add({ id: 'ana', name: 'Ana', createdAt: 1 });
		old.close();
		const { store, opens } = await lazy(name);
		expect(opens).toEqual(['indexeddb']);
		expect((await store.listLearners()).map((l) => l.name)).toEqual(['Ana']);
		expect(await store.listShiftRuns('ana')).toEqual([]); // The newest table is there.
	});

	it('opens Dexie for the first write, and writes what waited for it first', async () => {
		const name = fresh();
		const { store, opens } = await lazy(name);
		const order: string[] = [];
		store.beforeFirstWrite(async (full) => {
			order.push('learner');
			await full.putLearner({ id: 'ana', name: 'Student', createdAt: 1 });
		});
		const { record, state } = await newAttempt('ana', scenario, 7, 100);
		expect(opens).toEqual([]);
		await storeAttempt(store, record);
		order.push('attempt');
		await recordAnswer(store, record, state, { kind: 'choice', optionId: 'good' }, 200);
		await store.setSetting('nameAsked', true);
		expect(opens).toEqual(['indexeddb']);
		expect(order).toEqual(['learner', 'attempt']);
		// From now on reads come from Dexie, and see what was written.
		expect((await store.listLearners()).map((l) => l.id)).toEqual(['ana']);
		expect((await store.getAttempt(record.id))?.inputCount).toBe(1);
		expect(await store.getSetting('nameAsked')).toBe(true);
	});

	it('a first write that fails leaves what waited for it to the next write', async () => {
		const name = fresh();
		const { store } = await lazy(name);
		let tries = 0;
		store.beforeFirstWrite(async (full) => {
			if (++tries === 1) throw new Error('disk full');
			await full.putLearner({ id: 'ana', name: 'Student', createdAt: 1 });
		});
		await expect(store.setSetting('nameAsked', true)).rejects.toThrow('disk full');
		await store.setSetting('nameAsked', true);
		await store.setSetting('other', 1);
		expect(tries).toBe(2);
		expect((await store.listLearners()).map((l) => l.id)).toEqual(['ana']);
	});

	it('watches a first visit without Dexie: "nothing" at once, then what this tab writes, as Dexie would tell it', async () => {
		const name = fresh();
		const { store, opens } = await lazy(name);
		const seen: number[] = [];
		const stop = store.watchAttempts('ana', (a) => seen.push(a.length));
		await expect.poll(() => seen).toEqual([0]);
		expect(opens).toEqual([]);
		expect(await listed(name)).toBe(false);
		await beginAttempt(store, 'ana', scenario, 1, 1);
		await expect.poll(() => seen.at(-1)).toBe(1);
		stop();
		expect(opens).toEqual(['indexeddb']);
	});

	it('a watch that began on an empty browser sees what another tab saves first', async () => {
		const name = fresh();
		const { store, opens } = await lazy(name);
		const seen: number[] = [];
		const stop = store.watchAttempts('ana', (a) => seen.push(a.length));
		await expect.poll(() => seen).toEqual([0]);
		// Another tab (its own Dexie) saves the first attempt: its Dexie says so on the channel, and this tab starts watching.
		const other = new DexieStore(dexie(new ProgressDb(name)));
		await beginAttempt(other, 'ana', scenario, 1, 1);
		await expect.poll(() => seen.at(-1)).toBe(1);
		expect(opens).toEqual(['indexeddb']);
		stop();
	});

	it('every other read of a first visit answers nothing without opening Dexie', async () => {
		const name = fresh();
		const { store, opens } = await lazy(name);
		expect({
			inputs: await store.getInputsOf(['x']),
			session: await store.getExamSession('x'),
			sessions: await store.listExamSessions('ana'),
			cards: await store.listReviewCards('ana'),
			authored: await store.getAuthored('x'),
			authoredList: await store.listAuthored(),
			xapi: await store.getXapiRecord('ana', 'a1'),
			gradebook: await store.getGradebook('a1'),
			gradebooks: await store.listGradebooks(),
			run: await store.getShiftRun('x'),
			runs: await store.listShiftRuns('ana')
		}).toEqual({ inputs: [], session: undefined, sessions: [], cards: [], authored: undefined, authoredList: [], xapi: { learnerId: 'ana', assignmentId: 'a1', launches: [], acknowledged: [] }, gradebook: undefined, gradebooks: [], run: undefined, runs: [] });
		expect(opens).toEqual([]);
		expect(await listed(name)).toBe(false);
		// The empty answers are the full store's: the same reads through Dexie on an empty database.
		const dexieStore = new DexieStore(dexie(new ProgressDb(fresh())));
		expect(await dexieStore.getXapiRecord('ana', 'a1')).toEqual(await store.getXapiRecord('ana', 'a1'));
		expect(await dexieStore.listShiftRuns('ana')).toEqual(await store.listShiftRuns('ana'));
	});

	it('says memory, and passes on the warning, when storage turns out to be blocked', async () => {
		const warnings: (string | undefined)[] = [];
		const store = new LazyStore(async () => true, (o) => warnings.push(o.warning), async () => ({ store: new MemoryStore(), persisted: false, warning: 'blocked' }));
		expect(store.kind).toBe('indexeddb');
		await store.putLearner({ id: 'ana', name: 'Ana', createdAt: 1 });
		expect(store.kind).toBe('memory');
		expect(warnings).toEqual(['blocked']);
		expect((await store.listLearners()).map((l) => l.id)).toEqual(['ana']);
	});
});

describe('an attempt opened but not stored yet', () => {
	const kept = () => {
		const m = new Map<string, string>();
		return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), removeItem: (k: string) => void m.delete(k), m };
	};
	const id = '0f8c7a52-1111-4222-8333-444455556666';

	it('is found again for the same learner and scenario until it is stored', () => {
		const s = kept();
		expect(unsavedAttempt('ana', 'x', s)).toBeUndefined();
		keepUnsavedAttempt('ana', 'x', { id, seed: 42 }, s);
		expect(unsavedAttempt('ana', 'x', s)).toEqual({ id, seed: 42 });
		expect(unsavedAttempt('al', 'x', s)).toBeUndefined();
		expect(unsavedAttempt('ana', 'y', s)).toBeUndefined();
		// Another attempt stored at the same scenario does not forget it.
		forgetUnsavedAttempt('ana', 'x', 'another-id', s);
		expect(unsavedAttempt('ana', 'x', s)).toEqual({ id, seed: 42 });
		forgetUnsavedAttempt('ana', 'x', id, s);
		expect(unsavedAttempt('ana', 'x', s)).toBeUndefined();
	});

	it('ignores what is not an attempt (a hand-edited or foreign value)', () => {
		const s = kept();
		for (const bad of ['{', '"x"', '{"id":"x","seed":1}', `{"id":"${id}","seed":1.5}`, `{"id":"${id}"}`]) {
			s.m.set('front-desk-simulator:unsaved-attempt:ana:x', bad);
			expect(unsavedAttempt('ana', 'x', s)).toBeUndefined();
		}
	});

	it('is stored once even when two tabs store it, and the second tab\'s answer to the same step is refused', async () => {
		const store = new MemoryStore();
		const a = await newAttempt('ana', scenario, 9, 1, undefined, id);
		const b = await newAttempt('ana', scenario, 9, 2, undefined, id);
		expect(await store.getAttempt(id)).toBeUndefined();
		await storeAttempt(store, a.record);
		const answered = await recordAnswer(store, a.record, a.state, { kind: 'choice', optionId: 'good' }, 3);
		await storeAttempt(store, b.record); // Already stored: kept as it is.
		expect(await store.getAttempt(id)).toEqual(answered.record);
		await expect(recordAnswer(store, b.record, b.state, { kind: 'choice', optionId: 'bad' }, 4)).rejects.toThrow(/already stored/);
		expect(await store.getInputs(id)).toHaveLength(1);
	});
});

describe('the session on a first visit', () => {
	it('works as the default learner without storing anything, and stores them (as the one working) with the first write', async () => {
		const { session } = await import('../../src/lib/session.svelte');
		const { DB_NAME } = await import('../../src/lib/db');
		await session.ready();
		expect(session.learner?.name).toBe('Student');
		expect(session.learners).toEqual([session.learner]);
		expect(session.askName).toBe(true);
		expect(session.store!.kind).toBe('indexeddb');
		expect(await listed(DB_NAME)).toBe(false);

		const learner = session.learner!;
		await session.nameAnswered();
		expect(await listed(DB_NAME)).toBe(true);
		expect(await session.store!.listLearners()).toEqual([learner]);
		expect(await session.store!.getSetting('currentLearner')).toBe(learner.id);
		expect(await session.store!.getSetting('nameAsked')).toBe(true);
		await session.renameLearner(learner.id, 'Ana');
		expect((await session.store!.listLearners()).map((l) => l.name)).toEqual(['Ana']);
		session.store = null;
		await Dexie.delete(DB_NAME);
	});
});
