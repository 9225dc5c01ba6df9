export { start, answer, replay, displayOrder, summarize, isFinished } from './engine';
export { loadGraders, loadGradersFor, GraderNotLoaded } from './interactions';
export { computeMastery, type Mastery, type EvidenceEvent } from './mastery';
export * from './types';
