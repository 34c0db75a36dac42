// Family "a unit as it is written", continued: a count with its period and how it is counted written beside it —
// in brackets (`時間（年間延べ）`, `人（年計）`, `回（1か月）`, `人/年（実）`), after a slash as 年度 (`件/年度`), joined by a dot
// (`件・月平均`), and nested in a label's bracket (`…（回（年間））`). Before, each read as no unit (the unit column's
// `回（1か月）` as part of the label: its 1 was taken for a count).
// The document is written in other words than the probe where the family was found (日常生活用具 / 意思疎通支援 with
// 件（年間）, 件（年度）, 件（延べ）).

import type { Observation } from '@shiryo/model';
import { unitInfo } from '@shiryo/normalizer';
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

const row = (o: Observation) => [o.indicator_label, o.fiscal_year, o.value, o.unit];

describe('a count with its period written beside it', () => {
  const n = normalizeLayout('count-period-brackets.md');
  const table = (i: number) => n.observations.filter((o) => o.table_index === i).map(row);

  it('reads the period in a unit column’s bracket, after 年度 and for one month', () => {
    expect(table(0).filter((r) => r[1] === 2024)).toEqual([
      ['移動支援事業', 2024, 5010, 'hour/year'],
      ['日中一時支援事業', 2024, 61, 'person/year'],
      ['手話通訳者派遣事業', 2024, 104, 'case/year'],
      ['訪問入浴サービス事業', 2024, 25, 'time/month'],
    ]);
  });

  it('reads a period nested in a label’s bracket and joined by a dot', () => {
    expect(table(1).filter((r) => r[1] === 2023)).toEqual([
      ['専門職の派遣', 2023, 14, 'time/year'],
      ['地域活動支援センターの利用', 2023, 33, 'person/year'],
      ['要約筆記者の派遣', 2023, 7, 'case/month'],
    ]);
  });

  it('reads the written forms alone', () => {
    const u = (t: string) => unitInfo(t)?.unit ?? null;
    expect(u('件（年間延べ）')).toBe('case/year');
    expect(u('時間/年度')).toBe('hour/year');
    expect(u('回（月・平均）')).toBe('time/month');
    expect(u('人数（年間）')).toBe('person/year');
    expect(u('延べ時間')).toBe('hour');
    expect(u('日（延べ）')).toBe('person_day');
    // a point in time and an average of no period are no unit per period
    expect(u('人（年度末）')).toBe(null);
    expect(u('回（平均）')).toBe(null);
  });
});
