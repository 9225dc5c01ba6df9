/**
 * Derives the shipped code-set files in content/codesets/ from the official lists in
 * ../shared/reference (ICD-10-CM FY2026 order file; HCPCS Level II, October 2025). Run by hand
 * when a new code year lands: `npx tsx scripts/build-codesets.ts [reference-dir]`.
 * The output keeps every code with its billable flag and long description, one per line, so the
 * app can fetch it lazily and search it without a parser library.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ref = process.argv[2] ?? join(import.meta.dirname, '../../shared/reference');
const out = join(import.meta.dirname, '../content/codesets');
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

// ICD-10-CM order file: fixed width; cols 7-13 code, col 15 billable flag, 78- long description.
const orderBuf = readFileSync(join(ref, 'icd10cm_order_2026.txt'));
const icd: string[] = [];
let billable = 0;
for (const line of orderBuf.toString('latin1').split(/\r?\n/)) {
	if (!line.trim()) continue;
	const code = line.slice(6, 13).trim();
	const flag = line[14];
	const desc = line.slice(77).trim();
	if (!/^[A-Z][0-9A-Z]{2,6}$/.test(code) || (flag !== '0' && flag !== '1') || !desc) throw new Error(`unexpected order-file line: ${line}`);
	if (flag === '1') billable++;
	icd.push(`${code}\t${flag}\t${desc}`);
}
writeFileSync(join(out, 'icd10cm-2026.tsv'), icd.join('\n') + '\n');

// HCPCS Level II CSV: Code (modifiers are left-padded), Description (quoted when it holds commas), last_updated.
const hcpcsBuf = readFileSync(join(ref, 'hcpcs_level2_2025oct_long_desc.csv'));
const rows = parseCsv(hcpcsBuf.toString('utf8')).slice(1);
const hcpcs: string[] = [];
for (const [rawCode, rawDesc] of rows) {
	const code = (rawCode ?? '').trim();
	const desc = (rawDesc ?? '').replace(/\s+/g, ' ').trim();
	if (!/^([A-Z][0-9]{4}|[A-Z0-9]{2})$/.test(code) || !desc) throw new Error(`unexpected HCPCS row: ${rawCode},${rawDesc}`);
	hcpcs.push(`${code}\t${code.length === 2 ? 'M' : 'C'}\t${desc}`);
}
writeFileSync(join(out, 'hcpcs-2025oct.tsv'), hcpcs.join('\n') + '\n');

console.log(JSON.stringify({
	icd10cm: { lines: icd.length, billable, headers: icd.length - billable, sourceSha256: sha(orderBuf) },
	hcpcs: { lines: hcpcs.length, modifiers: hcpcs.filter((l) => l.split('\t')[1] === 'M').length, sourceSha256: sha(hcpcsBuf) }
}, null, 2));

function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i]!;
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
			else if (c === '"') quoted = false;
			else field += c;
		} else if (c === '"') quoted = true;
		else if (c === ',') row.push(field), (field = '');
		else if (c === '\n' || c === '\r') {
			if (c === '\r' && text[i + 1] === '\n') i++;
			row.push(field), rows.push(row), (row = []), (field = '');
		} else field += c;
	}
	if (field || row.length) row.push(field), rows.push(row);
	return rows.filter((r) => r.some((f) => f.trim()));
}
