/** Check rules of tables: what a cell's values say against its labels. */
import { KIND_OCR_READINGS } from '@shiryo/model';
import { kanjiOutsideJis } from '../../text/jis.js';
import { rule } from '../engine.js';
import type { CellContext } from '../table-context.js';

export const valuesOutnumberItems = rule<CellContext>({
  id: 'check.values-outnumber-items',
  family: 'check',
  stage: 'values',
  priority: 30,
  summary:
    'A cell holding several values whose row lists no matching items: each value is kept under the row, with a warning.',
  applies: (x) => x.values.length > 1 && x.itemLabels.every((l) => l === null) && x.valueKinds.length === 0,
  apply(x) {
    x.warnings.push(`cell holds ${x.values.length} values but the row label lists ${x.items.length} items`);
  },
  examples: [
    {
      name: 'example.tsv',
      text: '項目\t令和5年度\n移動支援事業\t12人 340時間\n',
      expect: { value: 12 },
    },
  ],
});

/** Units that count whole things (people, days, cases, times, places, hours, yen): never three decimals. */
export const COUNT_UNIT = /^(?:person|person_day|day|case|time|facility|place|household|hour|yen)(?:\/|$)/;
/** One number with exactly three digits after a point: `4.512` (not `4.5`, `1.2345`, `3.2.1`). */
export const POINT_THREE = /(?<![\d.,])\d{1,3}\.\d{3}(?![\d.,])/;
/**
 * A number OCR left stray marks after (`229.98:.`, `67.364.`: a colon, or two separators in a row): its size is no
 * evidence (the glyphs of its last digits became the marks).
 */
const OCR_NOISY_NUMBER = /\d[.,]*[:;][.,:;]*$|\d[.,]{2,}$/u;
/**
 * The size of a data cell's first value as the layout read it; null for none, zero, another three-decimal count, or
 * a number with OCR's stray marks after it.
 */
function siblingValue(L: CellContext['L'], r: number, c: number): number | null {
  const v = L.data[r]?.[c]?.quantities[0]?.value;
  const text = L.text(r, c);
  if (v === undefined || v === 0 || POINT_THREE.test(text) || OCR_NOISY_NUMBER.test(text.trim())) return null;
  return Math.abs(v);
}

/** An integer written with thousands commas (`1,403,450`, `△12,880`): the whole cell one such number. */
const COMMA_INTEGER = /^[^\d.,]{0,2}\d{1,3}(?:,\d{3})+[^\d.,]{0,2}$/u;
/**
 * A number with a decimal point that is not three decimals (`1.5`, `△12.34`), the whole cell or word: the column holds
 * decimals. (An OCR'd word with stray points, `229.98:.`, is noise, not a decimal.)
 */
const OTHER_DECIMAL = /^[^\d.,]{0,2}\d+\.(?:\d{1,2}|\d{4,})[^\d.,]{0,2}$/u;

/**
 * The cells of the column (less row r) write integers with thousands commas, two at least, and no decimals: a point
 * before three digits in such a column is a comma misread (family "OCR turns a comma into a point").
 */
function commaIntegerColumn(L: CellContext['L'], r: number, c: number): boolean {
  let commas = 0;
  for (let rr = L.headerRows; rr < L.nR; rr++) {
    if (rr === r) continue;
    // (each number of the cell on its own: an OCR'd cell may hold two, `9.336 319.340`)
    for (const t of L.text(rr, c).split(/\s+/u)) {
      if (OTHER_DECIMAL.test(t)) return false;
      if (COMMA_INTEGER.test(t)) commas++;
    }
  }
  return commas >= 2;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export const pointForThousands = rule<CellContext>({
  id: 'check.point-for-thousands',
  family: 'check',
  stage: 'value',
  priority: 30,
  summary:
    'Family: a thousands comma read or typed as a point (OCR `4,512` → `4.512`). A count (人, 件, 回, か所, 時間, 円) with exactly three decimals is doubted with a warning; when the values of its row or column nearest to it in size are of the size of the thousands reading (`4,380 | 4.512 | 4,650`), or its column writes integers with thousands commas and no decimals (`142,000 | 50.000 | 1,403,450`, whatever their sizes), it is read as thousands, still with the warning. A number OCR left stray marks after (`229.98:.`) tells no size.',
  applies: (x) => {
    const unit = x.valueUnit ?? x.unit ?? x.value?.unit ?? null;
    return !!x.value && !!unit && COUNT_UNIT.test(unit) && POINT_THREE.test(x.value.text);
  },
  apply(x) {
    const q = x.value!;
    const { L, r, c } = x;
    const row: number[] = [];
    const col: number[] = [];
    for (let rr = L.headerRows; rr < L.nR; rr++) {
      const v = rr !== r ? siblingValue(L, rr, c) : null;
      if (v !== null) col.push(v);
    }
    for (let cc = L.stubCols; cc < L.nC; cc++) {
      const v = cc !== c ? siblingValue(L, r, cc) : null;
      if (v !== null) row.push(v);
    }
    // The line (row or column) whose values are nearest in size to one of the two readings holds the same
    // indicator; the reading nearer to it is the one meant.
    const distance = (v: number, m: number) => Math.abs(Math.log(v / m));
    let asWritten = Number.POSITIVE_INFINITY;
    let thousands = Number.POSITIVE_INFINITY;
    for (const line of [row, col]) {
      const m = median(line);
      if (m === null || q.value <= 0) continue;
      asWritten = Math.min(asWritten, distance(q.value, m));
      thousands = Math.min(thousands, distance(q.value * 1000, m));
    }
    const written = POINT_THREE.exec(q.text)![0];
    // (the column's commas decide unless a line's sizes say the value is as written: `31.500 | 33 | 35`)
    const sizedAsWritten = asWritten < thousands && asWritten < Math.log(3);
    if ((thousands < asWritten && thousands < Math.log(3)) || (!sizedAsWritten && commaIntegerColumn(L, r, c))) {
      x.value = { ...q, value: Math.round(q.value * 1000) };
      x.warnings.push(
        `「${written}」 read as ${written.replace('.', ',')}: a count with three decimals beside values of thousands (a comma read as a point?)`,
      );
    } else {
      x.warnings.push(`「${written}」: a count with three decimals (is the point a thousands comma read wrong?)`);
    }
  },
  examples: [
    {
      name: 'example.tsv',
      text: '事業\t令和4年度\t令和5年度\t令和6年度\n訪問入浴（回/年）\t1,210\t1.305\t1,388\n',
      expect: { value: 1305, fiscal_year: 2023, unit: 'time/year' },
    },
    {
      name: 'example.tsv',
      text: '（単位：円）\n\n科目\t令和6年度\n会費収入\t1,412,300\n寄附金収入\t40.000\n雑収入\t3,150\n',
      expect: { value: 40000, unit: 'yen' },
    },
    {
      name: 'example.tsv',
      text: '（単位：円）\n\n科目\t本年度\t前年度\n繰入金収入\t298.40:.\t526.000\n寄附金収入\t12,400\t15,000\n雑収入\t1,204\t3,150\n',
      expect: { label: '繰入金収入', value: 526000, unit: 'yen' },
    },
    {
      name: 'example.tsv',
      text: '事業\t令和6年度\n相談件数（件）\t2.075\n',
      expect: { value: 2.075, unit: 'case/year' },
    },
  ],
});

export const ocrRepairedNumber = rule<CellContext>({
  id: 'check.ocr-repaired-number',
  family: 'check',
  stage: 'values',
  priority: 40,
  summary:
    'Family "OCR-broken numbers in cells": a value read from a cell whose OCR\'d number was repaired (`layout.ocr-broken-numbers`) carries a warning naming what was written, and so less confidence.',
  applies: (x) => x.L.repaired.has(`${x.r},${x.c}`) && !x.L.linesJoined?.has(`${x.r},${x.c}`),
  apply(x) {
    x.warnings.push(`OCR: «${x.L.written(x.r, x.c)}» read as ${x.L.repaired.get(`${x.r},${x.c}`)}`);
  },
  examples: [
    {
      name: 'example.tsv',
      text: '区分\t令和4年度\t令和5年度\n相談件数（件）\t412\t41I\n',
      expect: { value: 411, fiscal_year: 2023 },
    },
  ],
});

/**
 * The kanji outside the JIS sets a cell's labels hold, less those OCR is known to read for a JIS kanji (`值` for `値`,
 * `KIND_OCR_READINGS`: a misreading repaired elsewhere, not a glyph mapped wrong); none for an OCR'd table.
 */
function oddKanji(x: CellContext): string[] {
  if (x.L.table.cells.some((c) => c.confidence !== undefined)) return [];
  const ocrReadings = Object.keys(KIND_OCR_READINGS).join('');
  return kanjiOutsideJis([x.indicator, x.subgroup ?? '', ...x.texts].join(' ')).filter(
    (ch) => !ocrReadings.includes(ch),
  );
}

export const glyphOutsideJis = rule<CellContext>({
  id: 'check.glyph-outside-jis',
  family: 'check',
  stage: 'values',
  priority: 45,
  summary:
    'Family "text layers that lie": a label holding a kanji outside JIS X 0208 and the CP932 extensions (`邴市計画税` where the page shows 都市計画税: a glyph the PDF font\'s ToUnicode maps to a wrong code point) is doubted with a warning naming the character, so no value under it is confident; the label is kept as read (no guess at the character meant).',
  applies: (x) => oddKanji(x).length > 0,
  apply(x) {
    const odd = oddKanji(x);
    x.warnings.push(
      `label holds ${odd.map((ch) => `«${ch}» (U+${ch.codePointAt(0)!.toString(16).toUpperCase()})`).join(', ')}, outside the JIS kanji: a glyph the text layer maps wrong?`,
    );
  },
  examples: [
    {
      name: 'example.tsv',
      text: '目\t本年度予算額\n1 丂水道事業費\t412,500\n2 上水道事業費\t388,000\n',
      expect: { value: 412500 },
    },
  ],
});

export const TABLE_CHECK_RULES = [valuesOutnumberItems, pointForThousands, ocrRepairedNumber, glyphOutsideJis];
