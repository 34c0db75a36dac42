import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractText } from '@shiryo/extractor';
import type { Observation } from '@shiryo/model';
import { describe, expect, it } from 'vitest';
import { normalizeLayout, ROOT } from './pipeline.js';

// Tables whose structure a text export lost, written for these tests (test/layouts/linear-*.txt): a PDF viewer copy
// (小山市, a row per line), a fixed-width listing across a page break (日野市 介護保険), a web-page copy one cell per
// line (松江市), rows repeating their header words (高崎市 介護保険). End to end, extract → normalize: the numbers
// come out with their service, year, kind and unit, as they would from the same tables written as TSV.
const row = (o: Observation) => [o.indicator_label, o.fiscal_year, o.value_kind, o.value, o.unit];
const of = (n: ReturnType<typeof normalizeLayout>, label: string) =>
  n.observations.filter((o) => o.indicator_label === label).map(row);

describe('a row per line (PDF viewer copy)', () => {
  const n = normalizeLayout('linear-spaced-rows.txt');

  it('reads each value under its year and kind, the unit from its own cell', () => {
    expect(of(n, '居宅介護')).toEqual([
      ['居宅介護', 2021, 'actual', 1234, 'hour/month'],
      ['居宅介護', 2022, 'actual', 1310, 'hour/month'],
      ['居宅介護', 2023, 'plan', 1402, 'hour/month'],
      ['居宅介護', 2024, 'plan', 1450, 'hour/month'],
      ['居宅介護', 2025, 'plan', 1500, 'hour/month'],
      ['居宅介護', 2026, 'plan', 1550, 'hour/month'],
      ['居宅介護', 2021, 'actual', 56, 'person/month'],
      ['居宅介護', 2022, 'actual', 58, 'person/month'],
      ['居宅介護', 2023, 'plan', 60, 'person/month'],
      ['居宅介護', 2024, 'plan', 62, 'person/month'],
      ['居宅介護', 2025, 'plan', 64, 'person/month'],
      ['居宅介護', 2026, 'plan', 66, 'person/month'],
    ]);
    // the label with a space, and the label wrapped before its numbers
    expect(of(n, '就労継続支援(B型)').slice(0, 2)).toEqual([
      ['就労継続支援(B型)', 2021, 'actual', 3210, 'person_day/month'],
      ['就労継続支援(B型)', 2022, 'actual', 3300, 'person_day/month'],
    ]);
    expect(of(n, '共同生活援助(グループホーム)').at(-1)).toEqual([
      '共同生活援助(グループホーム)',
      2026,
      'plan',
      70,
      'person/month',
    ]);
    // `－` is no value; the misfit row gives none
    expect(of(n, '重度訪問介護').map((r) => r[1])).toEqual([2021, 2022, 2024, 2025, 2026]);
    expect(of(n, '短期入所')).toEqual([]);
  });

  it('reads the two-line header: plan and result of each year, units glued to the numbers', () => {
    expect(of(n, '移動支援事業')).toEqual([
      ['移動支援事業', 2021, 'plan', 120, 'case/year'],
      ['移動支援事業', 2021, 'actual', 98, 'case/year'],
      ['移動支援事業', 2022, 'plan', 125, 'case/year'],
      ['移動支援事業', 2022, 'actual', 110, 'case/year'],
      ['移動支援事業', 2023, 'plan', 130, 'case/year'],
      ['移動支援事業', 2023, 'actual', 121, 'case/year'],
    ]);
    expect(of(n, '意思疎通支援事業')[3]).toEqual(['意思疎通支援事業', 2022, 'actual', 58, 'person']);
  });

  it('keeps the sentence with a number a sentence', () => {
    const prose = n.observations.filter((o) => o.table_index === null);
    expect(prose.map((o) => [o.fiscal_year, o.value, o.unit])).toEqual([
      [2023, 12, 'person'],
      [2026, 6, 'time/year'],
    ]);
  });
});

describe('space-aligned columns (fixed-width listing, pdftotext -layout)', () => {
  const n = normalizeLayout('linear-aligned-columns.txt');

  it('reads plan and result per year across the page break', () => {
    expect(of(n, '訪問看護')).toEqual([
      ['訪問看護', 2024, 'plan', 6820, 'time/month'],
      ['訪問看護', 2024, 'actual', 7415, 'time/month'],
      ['訪問看護', 2025, 'plan', 7080, 'time/month'],
      ['訪問看護', 2025, 'actual', 7702, 'time/month'],
    ]);
    // after the page break
    expect(of(n, '介護老人福祉施設')).toEqual([
      ['介護老人福祉施設', 2024, 'plan', 1086, 'person/month'],
      ['介護老人福祉施設', 2024, 'actual', 1079, 'person/month'],
      ['介護老人福祉施設', 2025, 'plan', 1116, 'person/month'],
      ['介護老人福祉施設', 2025, 'actual', 1102, 'person/month'],
    ]);
    // the empty cell stays empty: no 2025 result for 通所介護
    expect(of(n, '通所介護').map((r) => [r[1], r[2]])).toEqual([
      [2024, 'plan'],
      [2024, 'actual'],
      [2025, 'plan'],
    ]);
  });

  it('reads targets and results of the 地域支援事業 table, the wrapped label joined', () => {
    expect(of(n, '認知症サポーター養成者数')).toEqual([
      ['認知症サポーター養成者数', 2024, 'target', 1200, 'person'],
      ['認知症サポーター養成者数', 2024, 'actual', 1264, 'person'],
      ['認知症サポーター養成者数', 2025, 'target', 1250, 'person'],
      ['認知症サポーター養成者数', 2025, 'actual', 1198, 'person'],
    ]);
  });
});

describe('one cell per line (web-page copy)', () => {
  const n = normalizeLayout('linear-cell-lines.txt');

  it('reads the outlook per year, a row without a label under the service above', () => {
    expect(of(n, '居宅介護')).toEqual([
      ['居宅介護', 2024, 'plan', 4210, 'hour/month'],
      ['居宅介護', 2025, 'plan', 4380, 'hour/month'],
      ['居宅介護', 2026, 'plan', 4560, 'hour/month'],
      ['居宅介護', 2024, 'plan', 245, 'person/month'],
      ['居宅介護', 2025, 'plan', 255, 'person/month'],
      ['居宅介護', 2026, 'plan', 265, 'person/month'],
    ]);
    expect(of(n, '就労継続支援(B型)')[2]).toEqual(['就労継続支援(B型)', 2026, 'plan', 12096, 'person_day/month']);
  });

  it('reads plan and result per year of the 地域生活支援事業 table', () => {
    expect(of(n, '日中一時支援事業')).toEqual([
      ['日中一時支援事業', 2022, 'plan', 96, 'person'],
      ['日中一時支援事業', 2022, 'actual', 101, 'person'],
      ['日中一時支援事業', 2023, 'plan', 100, 'person'],
      ['日中一時支援事業', 2023, 'actual', 107, 'person'],
    ]);
  });
});

describe('rows repeating their header words', () => {
  const n = normalizeLayout('linear-repeated-heads.txt');

  // (users under the caption 介護サービスの利用状況（月平均）: a monthly average, per month — unit.caption-month-basis)
  it('reads users and volume per year and kind, the wrapped row whole', () => {
    expect(of(n, '訪問介護')).toEqual([
      ['訪問介護', 2018, 'plan', 1234, 'person/month'],
      ['訪問介護', 2018, 'plan', 5678, 'hour/month'],
      ['訪問介護', 2018, 'actual', 1200, 'person/month'],
      ['訪問介護', 2018, 'actual', 5500, 'hour/month'],
      ['訪問介護', 2019, 'plan', 1260, 'person/month'],
      ['訪問介護', 2019, 'plan', 5800, 'hour/month'],
      ['訪問介護', 2019, 'actual', 1241, 'person/month'],
      ['訪問介護', 2019, 'actual', 5690, 'hour/month'],
    ]);
    expect(of(n, '通所介護').slice(-2)).toEqual([
      ['通所介護', 2019, 'actual', 2130, 'person/month'],
      ['通所介護', 2019, 'actual', 20875, 'time/month'],
    ]);
    expect(n.observations.find((o) => o.indicator_label === '訪問介護')?.measure).toBe('利用者数');
  });
});

describe('documents whose tables kept their structure', () => {
  it('give no linear table: their prose, bullets, headings and notes stay what they were', () => {
    const dir = join(ROOT, 'test/layouts');
    const names = readdirSync(dir).filter((f) => /\.(?:txt|md|tsv)$/u.test(f) && !f.startsWith('linear-'));
    expect(names.length).toBeGreaterThan(15);
    for (const name of names) {
      if (name === 'sjis-stats.txt') continue;
      const doc = extractText(readFileSync(join(dir, name), 'utf8'), name);
      expect([name, doc.tables.filter((t) => t.method === 'linearized' || t.method === 'aligned').length]).toEqual([
        name,
        0,
      ]);
    }
  });
});
