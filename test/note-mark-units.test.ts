/**
 * test/layouts/note-mark-units.txt (written for this test, in other words than the 高鍋町 blind fixture
 * shogai-7ki-md-note-units): family "units given by numbered notes" (unit.note-mark). A row whose label ends with a
 * note mark (`手話奉仕員養成研修事業※1`, `訪問入浴サービス事業 ※2`) takes the unit its note under the table gives
 * (`※1　単位：人（年間の修了者数）` → 人/年, `※3　単位は「人日」（1か月当たり…）` → 人日/月); the mark is no part of
 * the label; a row without a mark gets no unit from the notes.
 */
import type { Observation } from '@shiryo/model';
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

const n = normalizeLayout('note-mark-units.txt');
const row = (o: Observation) => [o.indicator_label, o.fiscal_year, o.value_kind, o.value, o.unit];
const rows = n.observations.map(row);

describe('units given by numbered notes under a table', () => {
  it('gives each marked row the unit of its note, per year or per month as the note counts', () => {
    expect(rows).toContainEqual(['手話奉仕員養成研修事業', 2023, 'actual', 17, 'person/year']);
    expect(rows).toContainEqual(['訪問入浴サービス事業', 2023, 'plan', 300, 'time/year']);
    expect(rows).toContainEqual(['日中一時支援事業', 2023, 'actual', 1432, 'person_day/month']);
  });

  it('gives a row without a mark no unit from the notes', () => {
    expect(rows).toContainEqual(['成年後見制度利用支援事業', 2023, 'actual', 4, null]);
  });
});
