/**
 * Population denominators (issue 14): `shiryo populations load FILE.csv` (code, year, population, source; every row
 * checked, nothing stored when one is bad), the `plan_vs_actual_per_10000` view (the population of the year nearest
 * to each row's fiscal year) and `shiryo compare --per N`. The populations here are made-up test figures, named so
 * in their source: no real table is bundled (docs/RESEARCHERS.md says why).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './pipeline.js';

const BIN = join(ROOT, 'packages/cli/bin/shiryo.mjs');
function shiryo(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args]);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    child.on('error', fail).on('close', (code) => done({ code, stdout, stderr }));
  });
}

const dir = mkdtempSync(join(tmpdir(), 'shiryo-populations-'));
const db = join(dir, 'p.sqlite');
const file = (name: string, text: string) => {
  const f = join(dir, name);
  writeFileSync(f, text);
  return f;
};
const populations = () => {
  const d = new Database(db, { readonly: true });
  try {
    return d.prepare('SELECT * FROM populations ORDER BY municipality_code, year').all();
  } finally {
    d.close();
  }
};

// 所沢市 (112089): 短期入所 利用者数 FY2024 plan 12 (R6年度(見込) in a plan document), FY2023 actual 9 (R5実績);
// 東松山市 (112127): FY2023 actual 30, FY2024 plan 31, and a share (percent) that has no rate per inhabitant
beforeAll(async () => {
  const a = file(
    'tokorozawa.txt',
    '所沢市 第7期障害福祉計画\n\n1) 短期入所\n\n\tR6年度 (見込)\tR5実績\n利用者数(人/月)\t12\t9\n',
  );
  const b = file(
    'higashimatsuyama.txt',
    '東松山市 第7期障害福祉計画\n\n1) 短期入所\n\n\tR6年度 (見込)\tR5実績\n利用者数(人/月)\t31\t30\n\n2) 福祉施設から一般就労への移行\n\n\tR6年度 (見込)\tR5実績\n移行率(%)\t12\t10\n',
  );
  const r = await shiryo('ingest', a, b, '--db', db, '-q');
  expect(r.code, r.stderr).toBe(0);
}, 180_000);

describe('populations and rates per inhabitants', () => {
  it('compare --per before any population is loaded: one line saying how to load them (exit 1)', async () => {
    const r = await shiryo('compare', '--db', db, '--indicator', '短期入所', '--per', '10000');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `shiryo compare: --per needs populations, and ${db} holds none: load them with shiryo populations load FILE.csv --db ${db} (docs/RESEARCHERS.md)\n`,
    );
  });

  it('a file with bad rows: every problem by line, nothing stored (exit 2)', async () => {
    const bad = file(
      'bad.csv',
      [
        'code,year,population,source',
        '999999,2022,1000,test', // no such municipality
        '112089,20,abc,', // year, population and source
        '112089,2022,-5,test', // not more than 0
        '112089,2022,300000,test', // good, but listed again below
        '112089,2022,300001,test',
      ].join('\n'),
    );
    const r = await shiryo('populations', 'load', bad, '--db', db);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')).toEqual([
      `shiryo populations load: ${bad} cannot be used (nothing stored):`,
      '  line 2: code: 999999 is no municipality of the code list',
      '  line 3: year: a year from 1920; population: a whole number of inhabitants; source: the source (survey, table, date): 令和2年国勢調査 人口等基本集計 2020-10-01',
      '  line 4: population: more than 0 inhabitants',
      '  line 6: 112089 2022 is also on line 5',
      '',
    ]);
    expect(populations()).toEqual([]);
    const noColumns = await shiryo(
      'populations',
      'load',
      file('nocol.csv', 'code,year,pop\n112089,2022,1\n'),
      '--db',
      db,
    );
    expect(noColumns.code).toBe(2);
    expect(noColumns.stderr).toContain(
      'the first line must name the columns code, year, population, source (missing: population, source)',
    );
    expect((await shiryo('populations')).code).toBe(2);
  });

  it('load: rows stored with their source (a BOM, quoted "300,000" and any column order read); a second load replaces the same city and year', async () => {
    const good = file(
      'good.csv',
      '\uFEFFsource,code,year,population\n' +
        'test figure A,112089,2022,"300,000"\n' +
        'test figure B,112089,2025,240000\n' +
        'test figure C,112127,2020,1000\n',
    );
    const r = await shiryo('populations', 'load', good, '--db', db);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(`loaded 3 populations from ${good}; ${db} holds 3 (2 municipalities, 2020–2025)\n`);
    const again = await shiryo(
      'populations',
      'load',
      file('again.csv', 'code,year,population,source\n112127,2020,90000,test figure D\n'),
      '--db',
      db,
    );
    expect(again.code, again.stderr).toBe(0);
    expect(populations()).toEqual([
      { municipality_code: '112089', year: 2022, population: 300000, source: 'test figure A' },
      { municipality_code: '112089', year: 2025, population: 240000, source: 'test figure B' },
      { municipality_code: '112127', year: 2020, population: 90000, source: 'test figure D' },
    ]);
  });

  it('compare --per 10000: the population of the year nearest to each fiscal year, and the rates worked by hand', async () => {
    const r = await shiryo('compare', '--db', db, '--indicator', '短期入所', '--per', '10000', '--json');
    expect(r.code, r.stderr).toBe(0);
    const rows = (JSON.parse(r.stdout) as Record<string, unknown>[]).map((x) => [
      x.municipality_name,
      x.fiscal_year,
      x.plan ?? x.actual,
      x.population,
      x.population_year,
      x.population_source,
      x.plan_per_10000 ?? x.actual_per_10000,
    ]);
    expect(rows).toEqual([
      // FY2023 is 1 year from 2022, 2 from 2025: 9 × 10,000 / 300,000 = 0.3
      ['所沢市', 2023, 9, 300000, 2022, 'test figure A', 0.3],
      // FY2024 is 1 year from 2025: 12 × 10,000 / 240,000 = 0.5
      ['所沢市', 2024, 12, 240000, 2025, 'test figure B', 0.5],
      // one year loaded: it serves every year; 30 × 10,000 / 90,000 = 3.33, 31 × 10,000 / 90,000 = 3.44
      ['東松山市', 2023, 30, 90000, 2020, 'test figure D', 3.33],
      ['東松山市', 2024, 31, 90000, 2020, 'test figure D', 3.44],
    ]);
    // per 1,000: ten times smaller; the table names the denominator
    const table = await shiryo(
      'compare',
      '--db',
      db,
      '--indicator',
      '短期入所',
      '--per',
      '1000',
      '--municipality',
      '所沢市',
    );
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toContain('per 1,000 inhabitants');
    expect(table.stdout).toMatch(/所沢市 +112089 +利用者数 +person\/month +2023 +9 +300000 +2022 +0\.03 /);
    expect((await shiryo('compare', '--db', db, '--indicator', '短期入所', '--per', '0')).code).toBe(2);
  });

  it('the view: a share has no rate per inhabitant, a count has one', () => {
    const d = new Database(db, { readonly: true });
    try {
      const rows = d
        .prepare(
          `SELECT municipality_name, unit, fiscal_year, plan, actual, population, plan_per_10000, actual_per_10000
           FROM plan_vs_actual_per_10000 WHERE municipality_code = '112127' ORDER BY unit, fiscal_year`,
        )
        .all();
      expect(rows).toEqual([
        {
          municipality_name: '東松山市',
          unit: 'percent',
          fiscal_year: 2023,
          plan: null,
          actual: 10,
          population: 90000,
          plan_per_10000: null,
          actual_per_10000: null,
        },
        {
          municipality_name: '東松山市',
          unit: 'percent',
          fiscal_year: 2024,
          plan: 12,
          actual: null,
          population: 90000,
          plan_per_10000: null,
          actual_per_10000: null,
        },
        {
          municipality_name: '東松山市',
          unit: 'person/month',
          fiscal_year: 2023,
          plan: null,
          actual: 30,
          population: 90000,
          plan_per_10000: null,
          actual_per_10000: 3.33,
        },
        {
          municipality_name: '東松山市',
          unit: 'person/month',
          fiscal_year: 2024,
          plan: 31,
          actual: null,
          population: 90000,
          plan_per_10000: 3.44,
          actual_per_10000: null,
        },
      ]);
    } finally {
      d.close();
    }
  });
});
