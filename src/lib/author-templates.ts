/**
 * Starter scenarios for the author page, one per interaction kind: each is small, passes
 * checkAuthored against the shipped clinic (tests/unit/authoring.test.ts proves it), and shows where
 * the kind's fields go. Pure strings: no Svelte, no DOM.
 */
import type { InteractionKind } from './content/schema/scenario';

export interface AuthorTemplate {
	kind: InteractionKind;
	label: string;
	text: string;
}

/** Front matter with the given fields; the id says which template it came from. */
const front = (kind: InteractionKind, fields: string) => `---
id: custom-my-${kind}-scenario
title: "Starter: ${kind} step"
${fields.trim()}
---
`;

/** A short follow-up decision so every template has the three decisions a scenario needs. */
const choiceStep = (id: string, title: string, competency: string, next: string) => `
## ${id}: ${title}
The patient is still at the desk and asks one more question.

\`\`\`choice
prompt: What do you say?
options:
  - id: answer-plainly
    text: '"Here is what happens next, and who will call you."'
    feedback: A plain answer with a name and a time is what the patient needs.
    evidence: { ${competency}: 2/2 }
  - id: answer-later
    text: '"Someone will be in touch with you about that soon."'
    feedback: Vague promises lead to repeat calls; say who will call and when.
    evidence: { ${competency}: 0/2 }
next: ${next}
\`\`\`
`;

const debrief = `
## done: Finished
The visit is sorted.

## debrief
Say here what the learner should take away, in two or three sentences.
`;

const CHOICE = `${front('choice', `
kind: communication
difficulty: 1
minutes: 5
summary: A caller asks for a refill; the learner decides what to say. Replace this with your story.
setting: phone
patient: pt-robert-hayes
competencies: [cmaa.communication.telephone]
start: greet
`)}
## greet: A refill request
{{patient.firstName}} calls: "I'm almost out of my blood pressure pills."

\`\`\`choice
prompt: What do you say first?
options:
  - id: route
    text: '"I will send this to the nurse and she will call you back today."'
    feedback: Right. Refills go to the clinical team; you say who calls back and when.
    evidence: { cmaa.communication.telephone: 2/2 }
  - id: promise
    text: '"No problem, I will ask the doctor to send it right now."'
    feedback: Only the provider decides a refill; promising one sets up a broken promise.
    evidence: { cmaa.communication.telephone: 0/2 }
next: callback
\`\`\`
${choiceStep('callback', 'The callback number', 'cmaa.communication.telephone', 'pharmacy')}${choiceStep('pharmacy', 'The pharmacy', 'cmaa.communication.telephone', 'done')}${debrief}`;

const MULTI = `${front('multi-choice', `
kind: hipaa
difficulty: 1
minutes: 5
summary: The learner picks every item that may go on a sign-in sheet. Replace this with your story.
competencies: [cmaa.law.privacy-safeguards]
start: sheet
`)}
## sheet: The sign-in sheet
The office manager is redesigning the sign-in sheet. (The player adds "(pick all that apply)" to the prompt.)

\`\`\`multi-choice
prompt: Which of these may the sheet ask for?
competencies: [cmaa.law.privacy-safeguards]
options:
  - id: name
    text: The patient's name
    correct: true
    feedback: A name alone is an incidental disclosure when safeguards are in place.
  - id: arrival
    text: The time the patient arrived
    correct: true
    feedback: The arrival time helps patient flow and says nothing about health.
  - id: reason
    text: The reason for the visit
    correct: false
    feedback: The reason for the visit is more than the minimum necessary on a public sheet.
next: pen
\`\`\`
${choiceStep('pen', 'A question about the sheet', 'cmaa.law.privacy-safeguards', 'cover')}${choiceStep('cover', 'Another question', 'cmaa.law.privacy-safeguards', 'done')}${debrief}`;

const DIALOGUE = `${front('dialogue', `
kind: communication
difficulty: 1
minutes: 5
summary: An upset patient at the desk; each reply moves the mood. Replace this with your story.
patient: pt-robert-hayes
mood: 4
competencies: [cmaa.communication.difficult-patients]
start: bill
`)}
## bill: A surprise bill
{{patient.firstName}} puts a statement on the counter.

\`\`\`dialogue
speaker: '{{patient.name}}'
says: '"Nobody told me I owed this. This is ridiculous."'
replies:
  - id: acknowledge
    text: '"I can see this came as a surprise. Let us look at it together."'
    mood: 2
    feedback: Acknowledging the feeling first lowers the temperature.
    evidence: { cmaa.communication.difficult-patients: 2/2 }
  - id: policy
    text: '"Balances are due in full when you receive the statement, sir."'
    mood: -2
    feedback: Leading with policy before listening sounds like a wall.
    evidence: { cmaa.communication.difficult-patients: 0/2 }
next: explain
\`\`\`

## explain: What the statement says
\`\`\`dialogue
says: '"So what is this charge for, then?"'
replies:
  - id: walk-through
    text: '"It is what your plan applied to the deductible; see this line."'
    mood: 1
    feedback: Showing the line on the statement answers the question.
    evidence: { cmaa.communication.difficult-patients: 2/2 }
  - id: insurer
    text: '"You would have to ask your insurance company about that charge."'
    mood: -2
    feedback: Sending the patient away without looking is a second wall.
    evidence: { cmaa.communication.difficult-patients: 0/2 }
next: plan
\`\`\`
${choiceStep('plan', 'Paying it', 'cmaa.communication.difficult-patients', 'done')}${debrief}`;

const TRIAGE = `${front('triage', `
kind: triage
difficulty: 1
minutes: 5
summary: Messages waiting at the desk, each put where it belongs. Replace this with your story.
competencies: [cmaa.scheduling.triage]
start: messages
`)}
## messages: Monday morning messages
Three messages are waiting.

\`\`\`triage
prompt: Put each message where it belongs.
mode: classify
categories:
  - { id: er, label: "Call 911 now" }
  - { id: same-day, label: "Same day" }
  - { id: routine, label: "Routine" }
competencies: [cmaa.scheduling.triage]
items:
  - id: chest-pain
    text: A caller with crushing chest pain and sweating
    category: er
    feedback: Possible heart attack; every minute counts.
    critical: Chest pain not sent to 911.
  - id: fever
    text: A child with a fever of 102 since last night
    category: same-day
    feedback: A fever like this needs to be seen today.
  - id: refill
    text: A refill request with a week of pills left
    category: routine
    feedback: Routine; route it to the refill queue.
next: follow
\`\`\`
${choiceStep('follow', 'The fever call', 'cmaa.scheduling.triage', 'close')}${choiceStep('close', 'The refill call', 'cmaa.scheduling.triage', 'done')}${debrief}`;

const SCHEDULE = `${front('schedule', `
kind: scheduling
difficulty: 1
minutes: 8
summary: Book a follow-up in the live schedule book. Replace this with your story.
patient: pt-robert-hayes
competencies:
  - cmaa.scheduling.methods-templates
  - cmaa.scheduling.appointment-types
  - cmaa.scheduling.triage
  - cmaa.scheduling.cancellations-no-shows
  - cmaa.communication.telephone
start: book
`)}
## book: A follow-up this week
{{patient.firstName}} calls for his blood pressure follow-up. He can come any afternoon this week.

\`\`\`schedule
prompt: Book his follow-up this week, in the afternoon.
now: "09:30"
days: 5
tasks:
  - id: book-follow-up
    patient: pt-robert-hayes
    ask: Book his blood pressure follow-up this week, after 1 p.m.
    types: [established-follow-up]
    urgency: soon
    withinDays: 4
    availability: [{ from: "13:00", to: "17:00" }]
next: confirm
\`\`\`
${choiceStep('confirm', 'Confirming the time', 'cmaa.communication.telephone', 'reminder')}${choiceStep('reminder', 'The reminder', 'cmaa.communication.telephone', 'done')}${debrief}`;

const CODE = `${front('code', `
kind: coding
difficulty: 2
minutes: 8
summary: Code a nurse visit's vaccine on the superbill. Replace this with your story.
setting: back-office
patient: pt-olivia-bennett
provider: prov-raman
competencies: [cmaa.billing.coding-basics, cmaa.billing.superbill, cehrs.revenue.coding-support]
start: code-it
`)}
## code-it: Code the superbill
The nurse gave one flu vaccine into the muscle under standing orders; no provider visit.

\`\`\`code
prompt: Enter the diagnosis and a line for the vaccine and its administration.
note: One injected flu vaccine given by the nurse; no provider counseling and no provider visit.
diagnoses:
  - { code: Z23, why: Encounter for immunization is the reason for the visit. }
procedures:
  - { code: "90656", diagnoses: [Z23], why: The vaccine product has its own line. }
  - { code: "90471", diagnoses: [Z23], why: Administration of the first injected vaccine. }
next: question
\`\`\`
${choiceStep('question', 'A question from the nurse', 'cmaa.billing.coding-basics', 'units')}${choiceStep('units', 'Another question', 'cmaa.billing.coding-basics', 'done')}${debrief}`;

const CLAIM = `${front('claim', `
kind: claims
difficulty: 2
minutes: 10
summary: Complete a CMS-1500 from the superbill and the registration. Replace this with your story.
setting: back-office
patient: pt-patricia-moore
provider: prov-vargas
competencies: [cmaa.billing.claims, cehrs.revenue.insurance-billing, cehrs.revenue.claim-follow-up]
start: claim
`)}
## claim: The claim
The superbill from her visit today is in the tray.

\`\`\`claim
prompt: Complete the claim to Summit Mutual from the superbill and the registration on file.
patient: pt-patricia-moore
provider: prov-vargas
superbill:
  diagnoses: [E11.9]
  lines:
    - { code: "99214", diagnoses: [E11.9] }
next: status
\`\`\`
${choiceStep('status', 'The claim status', 'cehrs.revenue.claim-follow-up', 'follow-up')}${choiceStep('follow-up', 'A week later', 'cehrs.revenue.claim-follow-up', 'done')}${debrief}`;

const REMITTANCE = `${front('remittance', `
kind: payments
difficulty: 2
minutes: 8
summary: Post a payer's remittance to the ledger. Replace this with your story.
setting: back-office
patient: pt-sandra-whitfield
provider: prov-lindqvist
competencies: [cmaa.billing.payment-posting, cmaa.billing.remittance-denials, cmaa.billing.patient-financial]
start: post
`)}
## post: The remittance
Cascade's remittance for her visit on 3 November arrived.

\`\`\`remittance
prompt: Post the payment, the write-off and what moves to the patient.
payer: cascade-health-plan
claimNumber: CHP2611021187
trace: EFT 0008812204
paidOn: 2025-11-21
collected: 25
lines:
  - date: 2025-11-03
    code: "99213"
    billed: 135
    allowed: 100
    paid: 75
    adjustments: [{ group: CO, reason: "45", amount: 35 }, { group: PR, reason: "3", amount: 25 }]
teach: The copay was collected at the desk, so nothing more is due from her.
next: statement
\`\`\`
${choiceStep('statement', 'Her statement', 'cmaa.billing.patient-financial', 'call')}${choiceStep('call', 'Her call', 'cmaa.billing.patient-financial', 'done')}${debrief}`;

const VERIFY = `${front('verify', `
kind: registration
difficulty: 2
minutes: 8
summary: Compare the card, the registration and the eligibility response at check-in. Replace this with your story.
patient: pt-sandra-whitfield
provider: prov-lindqvist
competencies: [cmaa.encounter.identity-insurance, cmaa.billing.eligibility, cmaa.encounter.check-in]
start: compare
`)}
## compare: Check-in
She hands over her card.

\`\`\`verify
prompt: Compare each item and choose what to do, then enter what to collect today.
rows:
  - { id: name, label: Patient name, card: SANDRA WHITFIELD, registration: Sandra Whitfeld, eligibility: "WHITFIELD, SANDRA", action: fix-registration, teach: The registration drops a letter; correct it to match the card. }
  - { id: member-id, label: Member ID, card: CHP310776452, registration: CHP310776452, eligibility: CHP310776452, action: ok, teach: The ID matches everywhere. }
  - { id: copay, label: Office visit copay, card: "$25", registration: "$25", eligibility: "$25", action: ok, teach: The copay agrees everywhere. }
actions:
  - { id: fix-registration, label: Correct our registration to match the card and ID }
  - { id: new-card, label: Ask for a new card and rescan it }
collect: { amount: 25, teach: The plan's office visit copay is due at check-in. }
next: wait
\`\`\`
${choiceStep('wait', 'The waiting room', 'cmaa.encounter.check-in', 'leave')}${choiceStep('leave', 'Checking out', 'cmaa.encounter.check-in', 'done')}${debrief}`;

const INBOX = `${front('inbox', `
kind: records
difficulty: 2
minutes: 8
summary: Route the morning's EHR inbox to whoever may act on each item. Replace this with your story.
setting: back-office
competencies: [cehrs.clinical.orders-results, cehrs.nonclinical.communication, cmaa.communication.team-handoffs]
start: inbox
`)}
## inbox: The morning inbox
Three items arrived overnight.

\`\`\`inbox
prompt: Choose where each item goes and how soon.
items:                      # results route by the lab's flag, refills go to the nurse, overdue orders are chased
  - { id: k-result, kind: result, patient: pt-walter-nguyen, from: Cascade Regional Lab, received: "2025-11-24T07:10", subject: Potassium, body: Potassium flagged by the lab., test: Basic metabolic panel, flag: critical, orderedBy: prov-okafor, teach: "Why, shown after grading." }
  - { id: refill, kind: refill, patient: pt-robert-hayes, from: Pharmacy fax, received: "2025-11-24T07:30", subject: Lisinopril refill, body: The pharmacy asks for a refill., teach: Why. }
  - id: hours
    kind: message           # messages are keyed: route, priority, and the scripted reply when answered by portal
    patient: pt-sandra-whitfield
    from: "Portal: the patient"
    received: "2025-11-24T08:02"
    subject: Thursday hours
    body: Are you open late on Thursday?
    route: reply
    priority: routine
    reply: hours
    teach: An administrative question the front desk answers with the approved reply.
replies:                    # the practice's approved non-clinical portal replies
  - { id: hours, text: "Thank you for your message. We are open until 7:00 p.m. on Thursdays." }
  - { id: to-team, text: "Thank you for your message. We have sent it to your care team, who will reply within one business day." }
next: call
\`\`\`
${choiceStep('call', 'A call about a result', 'cehrs.clinical.orders-results', 'wrap')}${choiceStep('wrap', 'Before you log off', 'cmaa.communication.team-handoffs', 'done')}${debrief}`;
const INDEX = `${front('index', `
kind: records
difficulty: 2
minutes: 8
summary: File the morning's faxes to the right chart, type and date of service. Replace this with your story.
setting: back-office
competencies: [cehrs.clinical.scanning-indexing, cehrs.compliance.audit-breach, cmaa.logistics.records-management]
start: stack
`)}
## stack: The fax queue
Two pages wait in the records queue.

\`\`\`index
prompt: File each page to the patient (name and date of birth), its type and its date of service, or set it aside.
documents:
  - id: lab
    received: "Fax, 11/21/2025 16:42"
    from: Cascade Regional Laboratory
    title: Lipid panel
    name: Nguyen, Walter
    dob: 07/04/1958
    body: Specimen collected 11/18/2025; reported 11/20/2025.
    patient: pt-walter-nguyen
    type: lab-report
    date: 2025-11-18
    teach: A lab is dated by the day the specimen was collected.
  - id: not-ours
    received: "Fax, 11/23/2025 07:02"
    from: Riverside Imaging Center
    title: MRI lumbar spine
    name: Delacroix, Marie
    dob: 03-22-1961
    body: "Fax cover: to another practice."
    misdirected: true
    teach: Meant for another practice; give it to the privacy officer and tell the sender.
next: officer
\`\`\`
${choiceStep('officer', 'The privacy officer', 'cmaa.logistics.records-management', 'sender')}${choiceStep('sender', 'The sender calls', 'cehrs.compliance.audit-breach', 'done')}${debrief}`;

const MATCH = `${front('match', `
kind: records
difficulty: 2
minutes: 8
summary: Decide whether two charts are one person, merge or keep them apart, and fix a wrong field. Replace this with your story.
setting: back-office
competencies: [cehrs.reporting.data-integrity, cehrs.nonclinical.registration, cmaa.law.identity-verification]
start: report
`)}
## report: The possible-duplicates report
Two sets of charts look like one person.

\`\`\`match
prompt: For each set decide merge (and which MRN survives), keep apart as look-alikes, or overlay; then fix the field from the evidence.
pairs:
  - id: chen                # a duplicate: merged into the older chart
    title: Chen, Mei and Chen, May
    records:                # dates of birth in ISO form (YYYY-MM-DD)
      - { mrn: "2048113", name: "Chen, Mei", dob: 1954-02-09, sex: F, address: 54 Larkspur Street, phone: (555) 555-0123, memberId: 3TW7HK2PD45, opened: 2012-06-01, lastVisit: 2025-09-04 }
      - { mrn: "8100452", name: "Chen, May", dob: 1954-02-09, sex: F, address: 45 Larkspur Street, phone: (555) 555-0123, memberId: 3TW7HK2PD45, opened: 2025-11-20 }
    evidence:
      - { label: Medicare card, text: "CHEN, MEI · 3TW7HK2PD45" }
      - { label: Registration form signed 11/20/2025, text: "Mei Chen, 45 Larkspur Street" }
    action: merge           # merge, separate (look-alikes) or overlay (to the HIM and privacy lead)
    survivor: "2048113"     # the practice's rule: the older chart keeps its MRN
    fixes:
      - id: address
        record: "2048113"
        field: address      # name, dob, sex, address, phone, memberId, ssn4
        options: [54 Larkspur Street, 45 Larkspur Street]
        answer: 45 Larkspur Street
        teach: The signed form gives 45; the old chart swapped two digits.
    teach: Name (one letter typed wrong), birth date, sex, phone and Medicare number agree.
  - id: twins               # look-alikes: kept apart, never merged (merging is a critical error)
    title: Chen, Mei and Chen, Mai
    records:
      - { mrn: "2048113", name: "Chen, Mei", dob: 1954-02-09, sex: F, address: 45 Larkspur Street, phone: (555) 555-0123, opened: 2012-06-01 }
      - { mrn: "7730021", name: "Chen, Mai", dob: 1954-09-02, sex: F, address: 9 Ridge Road, phone: (555) 555-0190, opened: 2024-02-11 }
    action: separate
    teach: Only the surname agrees; the birth date, address and phone differ.
next: search
\`\`\`
${choiceStep('search', 'Before opening a chart', 'cehrs.nonclinical.registration', 'caller')}${choiceStep('caller', 'Which Mei Chen is calling?', 'cmaa.law.identity-verification', 'done')}${debrief}`;
const AUDIT = `${front('audit', `
kind: records
difficulty: 3
minutes: 10
summary: Review the access log with the privacy officer and assess any breach. Replace this with your story.
setting: back-office
competencies: [cehrs.compliance.audit-breach, cmaa.law.privacy-safeguards]
start: audit
`)}
## audit: The access report
The privacy officer runs the monthly access report and asks you to go through it with her.

\`\`\`audit
prompt: Mark each row appropriate or not and why; assess each that is not (45 CFR 164.402) and say who is told by when.
discovered: 2025-11-24          # the day the practice learned of it: the 60 days of 164.404 run from here
rows:
  - id: snoop
    log: access                 # access (who opened a chart) or disclosure (what left the practice; add what: and to:)
    at: "2025-11-14T21:40"
    user: staff-lucia-mendes    # a staff or provider id: the log shows the name and role
    patient: pt-min-jun-park
    action: "Viewed: problem list and notes"
    purpose: None entered
    note: What the privacy officer learned when she asked.
    appropriate: false
    reason: [neighbour-family, no-need]   # no-need, coworker, neighbour-family, famous, own-chart, no-authorization, minimum-necessary, wrong-recipient, mistake
    factors: { nature: higher, person: higher, viewed: higher, mitigated: higher }   # or exception: good-faith | internal | could-not-retain, with no factors
    breach: true                # who is told follows from affected (default 1), inOneState and businessAssociate
    teach: Why, with the rule it rests on.
  - { id: work, log: access, at: "2025-11-20T16:10", user: staff-hannah-lowry, patient: pt-min-jun-park, action: "Viewed: results", purpose: Result call, appropriate: true, teach: Treatment (164.506(c)). }
next: sanction
\`\`\`
${choiceStep('sanction', 'The sanction', 'cmaa.law.privacy-safeguards', 'notice')}${choiceStep('notice', 'The notice', 'cehrs.compliance.audit-breach', 'done')}${debrief}`;
const REPORT = `${front('report', `
kind: records
difficulty: 2
minutes: 8
summary: Run a report in the EHR with the filters a manager asks for and answer from it. Replace this with your story.
setting: back-office
competencies: [cehrs.reporting.operational-reports, cehrs.reporting.data-integrity]
start: run
`)}
## run: The manager's request
The office manager asks for Dr. Okafor's no-show rate for October.

\`\`\`report
prompt: Run the no-show report with the filters the request states, then answer from the result.
# measure:<id> or due:<id> (content/office/measures.yaml), or no-show. The build proves each answer against the report.
report: no-show
filters:
  from: "2025-10-01"
  to: "2025-10-31"
  provider: prov-okafor
questions:
  - type: number
    id: rate
    ask: What is the no-show rate, in percent?
    value: rate
    answer: 42.9
  - type: patients
    id: who
    ask: Which patients are counted as no-shows?
    value: no-shows
    answer: [pt-yuki-tanaka, pt-naomi-whitecloud, pt-harold-jensen]
teach: The request names the date range and the provider, and nothing else.
scoring:
  report: cehrs.reporting.operational-reports
next: fix
\`\`\`
${choiceStep('fix', 'A wrong status', 'cehrs.reporting.data-integrity', 'tell')}${choiceStep('tell', 'The figure', 'cehrs.reporting.operational-reports', 'done')}${debrief}`;

export const AUTHOR_TEMPLATES: readonly AuthorTemplate[] = [
	{ kind: 'choice', label: 'Pick one (choice)', text: CHOICE },
	{ kind: 'multi-choice', label: 'Pick all that apply (multi-choice)', text: MULTI },
	{ kind: 'dialogue', label: 'A conversation (dialogue)', text: DIALOGUE },
	{ kind: 'triage', label: 'Sort or order (triage)', text: TRIAGE },
	{ kind: 'schedule', label: 'Work the schedule book (schedule)', text: SCHEDULE },
	{ kind: 'code', label: 'Code a superbill (code)', text: CODE },
	{ kind: 'claim', label: 'Complete a CMS-1500 (claim)', text: CLAIM },
	{ kind: 'remittance', label: 'Post a remittance (remittance)', text: REMITTANCE },
	{ kind: 'verify', label: 'Compare card, registration and eligibility (verify)', text: VERIFY },
	{ kind: 'inbox', label: 'Route an EHR inbox (inbox)', text: INBOX },
	{ kind: 'index', label: 'File scanned and faxed pages (index)', text: INDEX },
	{ kind: 'match', label: 'Duplicate charts and overlays (match)', text: MATCH },
	{ kind: 'audit', label: 'Review access and disclosure logs (audit)', text: AUDIT },
	{ kind: 'report', label: 'Run a report and answer from it (report)', text: REPORT }
];
