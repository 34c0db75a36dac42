/**
 * `shiryo populations load FILE.csv --db F`: the population denominators a person brings (no table is bundled:
 * docs/RESEARCHERS.md says why). A CSV (RFC 4180, UTF-8, a BOM allowed) with the columns `code` (6-digit
 * 全国地方公共団体コード), `year` (the calendar year of the count), `population` and `source`, each row checked
 * (zod, and the code against the code list); every bad row is reported by line and nothing is stored (exit 2).
 */
import { readFileSync } from 'node:fs';
import { PopulationRow } from '@shiryo/model';
import { municipalityByCode } from '@shiryo/normalizer';
import { openStore } from '@shiryo/store';
import { plural } from './format.js';
import { parseCsv } from './manifest.js';

const EXIT = { OK: 0, ALL_FAILED: 1, USAGE: 2 } as const;
const out = (s: string) => process.stdout.write(s);
const err = (s: string) => process.stderr.write(s);
const COLUMNS = ['code', 'year', 'population', 'source'] as const;

/** The rows of a populations CSV, or every problem by line. */
export function readPopulations(file: string): { rows: PopulationRow[] } | { problems: string[] } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return { problems: [`cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`] };
  }
  let records: ReturnType<typeof parseCsv>;
  try {
    records = parseCsv(text);
  } catch (e) {
    return { problems: [e instanceof Error ? e.message : String(e)] };
  }
  const header = records.shift();
  const names = (header?.fields ?? []).map((h) => h.trim().toLowerCase());
  const missing = COLUMNS.filter((c) => !names.includes(c));
  if (missing.length)
    return {
      problems: [`the first line must name the columns ${COLUMNS.join(', ')} (missing: ${missing.join(', ')})`],
    };
  const problems: string[] = [];
  const rows: PopulationRow[] = [];
  const seen = new Map<string, number>();
  for (const r of records) {
    const cell = (c: (typeof COLUMNS)[number]) => (r.fields[names.indexOf(c)] ?? '').normalize('NFKC').trim();
    const parsed = PopulationRow.safeParse({
      code: cell('code'),
      year: cell('year'),
      // 1,234,567 as a spreadsheet writes it
      population: cell('population').replace(/,/g, '') || undefined,
      source: cell('source'),
    });
    if (!parsed.success) {
      problems.push(
        `line ${r.line}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      );
      continue;
    }
    const row = parsed.data;
    if (!municipalityByCode(row.code)) {
      problems.push(`line ${r.line}: code: ${row.code} is no municipality of the code list`);
      continue;
    }
    const key = `${row.code} ${row.year}`;
    const before = seen.get(key);
    if (before !== undefined) problems.push(`line ${r.line}: ${row.code} ${row.year} is also on line ${before}`);
    seen.set(key, r.line);
    rows.push(row);
  }
  if (problems.length) return { problems };
  if (rows.length === 0) return { problems: ['no rows'] };
  return { rows };
}

export function populationsLoad(file: string, o: { db: string; quiet?: boolean }): number {
  const read = readPopulations(file);
  if ('problems' in read) {
    err(
      `shiryo populations load: ${file} cannot be used (nothing stored):\n${read.problems.map((p) => `  ${p}\n`).join('')}`,
    );
    return EXIT.USAGE;
  }
  const store = openStore(o.db);
  try {
    const held = store.loadPopulations(read.rows);
    if (!o.quiet)
      out(
        `loaded ${plural(read.rows.length, 'population')} from ${file}; ${o.db} holds ${held.rows} (${plural(held.municipalities, 'municipality', 'municipalities')}, ${held.minYear}–${held.maxYear})\n`,
      );
    return EXIT.OK;
  } finally {
    store.close();
  }
}
