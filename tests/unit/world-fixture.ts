import type { ClinicWorld } from '../../src/lib/content/world';

const addr = { street: '1 Test St', city: 'Testville', state: 'OR', zip: '97000' };
const patient = (id: string, firstName: string, established = true) => ({
	id, firstName, lastName: 'Test', dob: '1980-01-01', sex: 'F' as const, phone: '(555) 555-0100', address: addr,
	language: 'English', interpreterNeeded: false, pcp: 'prov-a', established, coverage: [], disclosures: [], balance: 0, alerts: []
});

/** A tiny clinic for grader tests: two providers, a few patients, the usual visit types. Monday 2026-11-23. */
export const world: ClinicWorld = {
	clinic: {
		id: 'test-clinic', name: 'Test Clinic', address: addr, phone: '(555) 555-0100', fax: '(555) 555-0101', npi: '1234567893', taxId: '12-3456789',
		today: '2026-11-23', hours: '8-5', policies: {}, closedDays: [{ date: '2026-11-26', reason: 'Thanksgiving' }],
		rooms: [
			{ id: 'exam-1', name: 'Exam 1', kind: 'exam' },
			{ id: 'exam-2', name: 'Exam 2', kind: 'exam' },
			{ id: 'proc-1', name: 'Procedure', kind: 'procedure' }
		]
	},
	providers: [
		{
			id: 'prov-a', name: 'Ann Able', credentials: 'MD', specialty: 'FM', npi: '1234567893', languages: ['English'],
			template: {
				mon: [
					{ start: '08:00', end: '10:00', kind: 'physicals' },
					{ start: '10:00', end: '12:00', kind: 'office' },
					{ start: '12:00', end: '13:00', kind: 'lunch' },
					{ start: '13:00', end: '15:00', kind: 'procedure' },
					{ start: '15:00', end: '17:00', kind: 'office' }
				],
				tue: [{ start: '08:00', end: '12:00', kind: 'office' }],
				wed: [{ start: '08:00', end: '12:00', kind: 'office' }],
				thu: [{ start: '08:00', end: '12:00', kind: 'office' }],
				fri: [{ start: '08:00', end: '12:00', kind: 'office' }]
			}
		},
		{
			id: 'prov-b', name: 'Ben Baker', credentials: 'NP', specialty: 'FM', npi: '1234567893', languages: ['English'],
			template: { mon: [{ start: '08:00', end: '12:00', kind: 'office' }, { start: '13:00', end: '17:00', kind: 'office' }] }
		},
		{
			id: 'prov-rn', name: 'Rita Nurse', credentials: 'RN', specialty: 'Nurse visits', npi: '1234567893', languages: ['English'], sees: ['injection'],
			template: { mon: [{ start: '08:00', end: '12:00', kind: 'office' }] }
		}
	],
	staff: [],
	payers: [],
	patients: [patient('pt-est', 'Esther'), patient('pt-new', 'Nina', false), patient('pt-c', 'Carl'), patient('pt-d', 'Dora'), patient('pt-w', 'Wade')],
	appointmentTypes: [
		{ id: 'new-patient', name: 'New patient visit', minutes: 40, room: 'exam', newPatient: true, blocks: ['office'] },
		{ id: 'follow-up', name: 'Follow-up', minutes: 15, room: 'exam', newPatient: false, blocks: ['office'] },
		{ id: 'physical', name: 'Annual physical', minutes: 30, room: 'exam', newPatient: false, blocks: ['physicals', 'office'] },
		{ id: 'procedure', name: 'Office procedure', minutes: 30, room: 'procedure', newPatient: false, blocks: ['procedure'] },
		{ id: 'injection', name: 'Injection visit', minutes: 10, room: 'exam', newPatient: false, blocks: ['office'] }
	],
	fees: [],
	modifiers: []
};
