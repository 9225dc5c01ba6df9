import { z } from '../zod';
import type { ContentError } from './errors';
import { parseYaml } from './yaml';
import { lookupCode, type CodeIndex, type CodeTerms } from '../office/codesets';

export const CODE_TERM_FILES = { common: 'content/codes/common-codes.yaml', synonyms: 'content/codes/code-synonyms.yaml' } as const;

const Code = z.string().regex(/^[A-Z0-9][A-Z0-9.]{2,7}$/, 'a code as printed on a claim, e.g. E11.9 or G0008');
const CommonFile = z.strictObject({ icd10cm: z.array(Code).default([]), hcpcs: z.array(Code).default([]) });
const Synonym = z.strictObject({ terms: z.array(z.string().trim().min(2).max(60)).min(1), codes: z.array(Code).min(1) });
const SynonymFile = z.strictObject({ icd10cm: z.array(Synonym).default([]), hcpcs: z.array(Synonym).default([]) });

/** The code pickers' common codes and synonyms, per searchable code set. Plain JSON. */
export interface CodeTermSets {
	icd10cm: CodeTerms;
	hcpcs: CodeTerms;
}

const lineOf = (text: string, needle: string) => {
	const i = text.search(new RegExp(`(^|[^A-Z0-9.])${needle.replace(/\./g, '\\.')}([^A-Z0-9.]|$)`, 'm'));
	return i < 0 ? 1 : text.slice(0, i).split('\n').length;
};

/** Reads content/codes/; the files are optional (an empty list each), as a scenario-only fixture has none. */
export function loadCodeTerms(files: Readonly<Record<string, string>>): { value?: CodeTermSets; errors: ContentError[] } {
	const commonText = files[CODE_TERM_FILES.common];
	const synonymText = files[CODE_TERM_FILES.synonyms];
	const common = commonText === undefined ? { value: { icd10cm: [], hcpcs: [] }, errors: [] } : parseYaml(commonText, CommonFile, CODE_TERM_FILES.common);
	const synonyms = synonymText === undefined ? { value: { icd10cm: [], hcpcs: [] }, errors: [] } : parseYaml(synonymText, SynonymFile, CODE_TERM_FILES.synonyms);
	const errors = [...common.errors, ...synonyms.errors];
	if (!common.value || !synonyms.value) return { errors };
	return {
		value: {
			icd10cm: { common: common.value.icd10cm, synonyms: synonyms.value.icd10cm },
			hcpcs: { common: common.value.hcpcs, synonyms: synonyms.value.hcpcs }
		},
		errors
	};
}

/**
 * Every common code and synonym target exists in the shipped code set, and an ICD-10-CM one is
 * billable (a header is never valid on a claim): a list that points a learner at a code that does
 * not exist would teach the wrong thing.
 */
export function checkCodeTerms(terms: CodeTermSets, files: Readonly<Record<string, string>>, icd: CodeIndex, hcpcs: CodeIndex): ContentError[] {
	const errors: ContentError[] = [];
	const check = (file: string, set: 'icd10cm' | 'hcpcs', codes: string[]) => {
		const index = set === 'icd10cm' ? icd : hcpcs;
		const name = set === 'icd10cm' ? 'ICD-10-CM' : 'HCPCS Level II';
		for (const code of codes) {
			const entry = lookupCode(index, code);
			const line = lineOf(files[file] ?? '', code);
			if (!entry || entry.code !== code) errors.push({ file, line, message: `${code} is not in the shipped ${name} list${entry ? ` (write it as ${entry.code})` : ''}` });
			else if (!entry.billable) errors.push({ file, line, message: `${code} is a header in ${name}, not a billable code: name the codes under it` });
			else if (entry.modifier) errors.push({ file, line, message: `${code} is a modifier, not a code` });
		}
	};
	for (const set of ['icd10cm', 'hcpcs'] as const) {
		check(CODE_TERM_FILES.common, set, terms[set].common);
		check(CODE_TERM_FILES.synonyms, set, terms[set].synonyms.flatMap((s) => s.codes));
	}
	return errors;
}
