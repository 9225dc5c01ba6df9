/** The report form's filter and value names: no engine here, so the grader can share them on every scenario page. */

export const FILTER_NAMES = ['from', 'to', 'provider', 'sex', 'ageMin', 'ageMax', 'payer'] as const;
export type FilterName = (typeof FILTER_NAMES)[number];
/** The filters as typed in the form: '' means any. Dates MM/DD/YYYY (or ISO). */
export type ReportFilters = Record<FilterName, string>;
export const FILTER_LABELS: ReportFilters = { from: 'From', to: 'To (as of)', provider: 'Provider', sex: 'Sex', ageMin: 'Lowest age', ageMax: 'Highest age', payer: 'Payer' };

/** What a report can be asked for: a measure's counts, its due list, or the no-show figures. */
export const REPORT_VALUES = ['denominator', 'excluded', 'numerator', 'due', 'rate', 'visits', 'no-shows'] as const;
export type ReportValue = (typeof REPORT_VALUES)[number];
