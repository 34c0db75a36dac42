/**
 * Unit rules of tables: the unit comes from the cell, the row label, the column header, the corner cell, the table's
 * unit line or caption, or the measure word — in that order. Stage `unit`; per value, `value`.
 */
import { budgetKindOfWord, CAPTION_TAIL_WORDS, wordsPattern } from '@shiryo/model';
import { compact as compactLabel } from '../../labels.js';
import { splitLabelUnit, unitInfo } from '../../quantity/index.js';
import type { Piece } from '../../table/pieces.js';
import { normalized, periodMeasureUnit, unitFromCompositeHint, unitFromLabel } from '../../table/pieces.js';
import { rule } from '../engine.js';
import { differencedColumns } from '../kind/table.js';
import type { CellContext } from '../table-context.js';

const fromPiece = (x: CellContext, p: Piece) => {
  x.unitSource = p;
  x.unit = p.unit;
  x.unitText = p.unitText;
  x.factor = p.factor ?? 1;
};

const rateColumn = (x: CellContext) => [...x.cols].reverse().find((p) => p.unit === 'percent' || p.unit === 'ratio');

export const rateColumnUnit = rule<CellContext>({
  id: 'unit.rate-column',
  family: 'unit',
  stage: 'unit',
  priority: 10,
  summary:
    'A rate column (`対計画比（％）`, `達成率(%)`) gives its rate unit to every row, whatever the row counts (`給付費（千円）`).',
  applies: (x) => !!rateColumn(x) && (x.kind === 'achievement_rate' || x.kind === 'deviation' || !x.colKind),
  apply(x) {
    fromPiece(x, rateColumn(x)!);
  },
  examples: [
    {
      name: 'example.tsv',
      text: 'サービス\t令和5年度計画\t令和5年度実績\t達成率（％）\n居宅介護（時間/月）\t1,500\t1,380\t92.0\n',
      expect: { value_kind: 'achievement_rate', unit: 'percent', value: 92 },
    },
  ],
});

export const rowUnit = rule<CellContext>({
  id: 'unit.row',
  family: 'unit',
  stage: 'unit',
  priority: 20,
  summary: "The unit the row's label states (`利用者数（人/月）`).",
  applies: (x) => !x.unitSource && x.stubs.some((p) => p.unit),
  apply(x) {
    fromPiece(x, [...x.stubs].reverse().find((p) => p.unit)!);
  },
  examples: [
    {
      name: 'example.tsv',
      text: 'サービス\t令和5年度\n短期入所（人日/月）\t310\n',
      expect: { unit: 'person_day/month', value: 310 },
    },
  ],
});

/** The note mark a row's label ends with (`移動支援事業 ※4`, `相談支援事業（…）※1`), as the notes number it. */
const rowNoteMark = (x: CellContext): string | null => {
  for (const p of [...x.stubs].reverse()) {
    const m = /※\s*([0-9]+|[①-⑳])\s*$/u.exec(p.text.normalize('NFKC'));
    if (m) return m[1]!;
  }
  return null;
};

export const noteMarkUnit = rule<CellContext>({
  id: 'unit.note-mark',
  family: 'unit',
  stage: 'unit',
  priority: 25,
  summary:
    'Family "units given by numbered notes": a row whose label ends with a note mark (`移動支援事業 ※4`) takes the unit the note of that number under the table gives (`※4 単位は「人」（年間の実利用者数）` → 人/年; `※1 単位は「か所」` → か所), when neither its label nor its cell states one.',
  applies: (x) => {
    if (x.unitSource || !x.ctx.markUnits) return false;
    const mark = rowNoteMark(x);
    return !!mark && !!x.ctx.markUnits[mark] && !!unitInfo(x.ctx.markUnits[mark]);
  },
  apply(x) {
    const unitText = x.ctx.markUnits![rowNoteMark(x)!]!;
    const u = unitInfo(unitText)!;
    x.unit = u.unit;
    x.unitText = unitText;
    x.factor = u.factor ?? 1;
  },
  examples: [
    {
      name: 'example.md',
      text: '## 訪問入浴サービス事業の実績（令和5年度）\n\n| 事業 | 計画 | 実績 |\n|---|---|---|\n| 訪問入浴サービス事業 ※2 | 30 | 27 |\n| 更生訓練費給付事業※1 | 4 | 3 |\n\n※1 単位は「人」（年間の実利用者数）。\n※2 単位：回（年間の延べ回数）\n',
      expect: { unit: 'time/year', value: 27 },
    },
    {
      name: 'example.md',
      text: '## 訪問入浴サービス事業の実績（令和5年度）\n\n| 事業 | 計画 | 実績 |\n|---|---|---|\n| 訪問入浴サービス事業 ※2 | 30 | 27 |\n| 更生訓練費給付事業※1 | 4 | 3 |\n\n※1 単位は「人」（年間の実利用者数）。\n※2 単位：回（年間の延べ回数）\n',
      expect: { unit: 'person/year', value: 3 },
    },
  ],
});

export const columnUnit = rule<CellContext>({
  id: 'unit.column',
  family: 'unit',
  stage: 'unit',
  priority: 30,
  summary: "The unit the column's header states (`利用者数（人）`), for rows that state none.",
  applies: (x) => !x.unitSource && x.cols.some((p) => p.unit),
  apply(x) {
    fromPiece(x, [...x.cols].reverse().find((p) => p.unit)!);
  },
  examples: [
    {
      name: 'example.tsv',
      text: '年度\t認定者数（人）\n令和5年度\t5,102\n',
      expect: { unit: 'person', value: 5102 },
    },
  ],
});

export const letterDifferenceUnit = rule<CellContext>({
  id: 'unit.letter-difference-column',
  family: 'unit',
  stage: 'unit',
  priority: 32,
  summary:
    'Family "lettered columns and their difference": a column headed `(A)-(B)` that writes no unit of its own is in the unit of the columns it differences (`増減率(%)(A)`, `増減率(%)(B)`: percent), when both state the same.',
  applies: (x) => !x.unitSource && differencedUnit(x) !== null,
  apply(x) {
    fromPiece(x, differencedUnit(x)!);
  },
  examples: [
    {
      name: 'example.tsv',
      text: '## 相談件数の比較\n\n年度\t本団体(件)(A)\t全国平均(件)(B)\tA-B\n令和5年度\t412\t380\t32\n',
      expect: { label: '相談件数', value_kind: 'deviation', unit: 'case/year', value: 32 },
    },
  ],
});

/** The unit piece both differenced columns' headers state, if they agree. */
const differencedUnit = (x: CellContext) => {
  const cols = differencedColumns(x);
  if (!cols) return null;
  const [a, b] = cols.map((j) => [...(x.L.colPieces[j] ?? [])].reverse().find((p) => p.unit) ?? null);
  return a && b && a.unit === b.unit ? a : null;
};

/** A column headed `単位` (`利用量の単位`, `単位`) after the value columns, holding each row's unit (`時間/月`). */
const trailingUnit = (x: CellContext) => {
  for (let j = x.c + 1; j < x.allPieces.length; j++) {
    const p = x.allPieces[j];
    if (!p?.unit || p.label || x.L.hasNumber(x.r, j)) continue;
    if ((x.L.colPieces[j] ?? []).some((h) => /単位/u.test(h.text))) return p;
  }
  return null;
};

export const trailingUnitColumn = rule<CellContext>({
  id: 'unit.trailing-unit-column',
  family: 'unit',
  stage: 'unit',
  priority: 35,
  summary:
    'Family "unit column after the values": a column headed `単位` (`利用量の単位`) to the right of the numbers, holding each row\'s unit (`時間/月`, `人日/月`), is the unit of the row\'s numbers whose row and column state none.',
  applies: (x) => !x.unitSource && trailingUnit(x) !== null,
  apply(x) {
    fromPiece(x, trailingUnit(x)!);
  },
  examples: [
    {
      name: 'example.tsv',
      text: 'サービス\t令和6年度\t令和7年度\t単位\n居宅介護\t3,240\t3,350\t時間/月\n生活介護\t9,930\t10,090\t人日/月\n',
      expect: { label: '生活介護', unit: 'person_day/month', value: 10090 },
    },
  ],
});

export const cornerUnit = rule<CellContext>({
  id: 'unit.corner',
  family: 'unit',
  stage: 'unit',
  priority: 40,
  summary: 'The unit the corner cell states for the whole table (`(件/年)` over the stubs).',
  applies: (x) => !x.unitSource && !!x.L.tableUnit,
  apply(x) {
    fromPiece(x, x.L.tableUnit!);
  },
  examples: [
    {
      name: 'example.tsv',
      text: '（件/年）\t令和4年度\t令和5年度\n成年後見制度利用支援事業\t3\t4\n',
      expect: { unit: 'case/year', value: 4 },
    },
  ],
});

export const partOfRowAboveUnit = rule<CellContext>({
  id: 'unit.part-of-row-above',
  family: 'unit',
  stage: 'unit',
  priority: 45,
  summary:
    'A row that is a part of the row above (`うち精神障害者`, `（再掲）知的障害者`) and writes no unit of its own counts in the unit of the row above (`共同生活援助（人/月）`).',
  applies: (x) =>
    !x.unitSource &&
    !!x.prevUnitSource &&
    (x.fired.includes('label.part-of-row-above') || x.fired.includes('label.restated-part-of-row-above')),
  apply(x) {
    fromPiece(x, x.prevUnitSource!);
  },
  examples: [
    {
      name: 'example.tsv',
      text: 'サービス\t令和6年度\n自立訓練（生活訓練）（人/月）\t44\nうち精神障害者\t17\n',
      expect: { label: '自立訓練(生活訓練)', subgroup: '精神障害者', unit: 'person/month', value: 17 },
    },
  ],
});

export const tableHintUnit = rule<CellContext>({
  id: 'unit.table-hint',
  family: 'unit',
  stage: 'unit',
  priority: 50,
  summary:
    "The unit of the table's unit line or caption (`（単位：人）`, `(千円)`, `【…の給付費（千円）】`), or of a unit line or `※` note under it (`※単位は「件」（年間）`); of a composite hint (`(人・世帯)`, `（単位：千円，％）`), the part the label names: a rate's percent, else the counted part, else the first (amounts in 千円 scaled to yen).",
  applies: (x) => !x.unit && !!x.ctx.unitHint,
  apply(x) {
    const hintText = x.ctx.unitHint!;
    const whole = unitInfo(hintText);
    const hint = whole ? { unit: whole.unit, unitText: hintText, factor: whole.factor } : splitLabelUnit(hintText);
    const part = hint.unit
      ? null
      : unitFromCompositeHint(
          hintText,
          `${x.indicator}${x.measure ?? ''}${x.cols.map((p) => p.label ?? '').join('')}`,
          x.kind === 'achievement_rate',
        );
    x.unit = hint.unit ?? part?.unit ?? null;
    x.unitText = x.unit ? (hint.unit ? (hint.unitText ?? hintText) : part!.unitText) : null;
    x.factor = (hint.unit ? hint.factor : part?.factor) ?? 1;
    return !!x.unit;
  },
  examples: [
    {
      name: 'example.txt',
      text: '相談支援の実績\n\n（単位：件）\n\n区分\t令和4年度\t令和5年度\n基幹相談支援センター\t812\t845\n',
      // (件 of a fiscal year: per year, unit.events-per-fiscal-year)
      expect: { unit: 'case/year', value: 845 },
    },
    {
      name: 'example.txt',
      text: '日常生活用具の給付実績\n\n区分\t令和4年度\t令和5年度\n排泄管理支援用具\t1,420\t1,515\n\n※単位は「件」（年間の給付件数）\n',
      // (a note under the table gives its unit, per year as the note says)
      expect: { unit: 'case/year', value: 1515 },
    },
    {
      name: 'example.txt',
      text: '3 意思疎通支援事業（派遣件数）\n【意思疎通支援事業の派遣件数】\n単位：件/年 見込と実績\n派遣件数\n見込量 実績値\n令和5年度 96 88\n',
      // (a unit line run into the header words after it)
      expect: { unit: 'case/year', value: 88 },
    },
  ],
});

export const rowMeasureOverTable = rule<CellContext>({
  id: 'unit.row-measure-over-table',
  family: 'unit',
  stage: 'unit',
  priority: 55,
  summary:
    'A table-wide unit (corner `(件/年)`) yields to what the row says it counts (`(実人数)` → people), keeping its period.',
  applies: (x) => !!x.unit && !x.stubs.some((p) => p.unit) && !!x.rowMeasure,
  apply(x) {
    const base = unitFromLabel(x.rowMeasure!);
    const [ub, per] = x.unit!.split('/');
    if (!base || ub === base || (base === 'person' && ub === 'person_day')) return false;
    x.unit = per ? `${base}/${per}` : base;
  },
  examples: [
    {
      name: 'example.tsv',
      text: '（件/年）\t\t令和5年度\n日常生活用具給付等事業\t件数\t420\n\t実人数\t188\n',
      expect: { unit: 'person/year', value: 188 },
    },
  ],
});

export const labelCountOverTable = rule<CellContext>({
  id: 'unit.label-count-over-table',
  family: 'unit',
  stage: 'unit',
  priority: 56,
  summary:
    'Family "table-wide unit vs what a column counts": a unit over the whole table (caption `（人）`, a corner) yields to the count its column or row label names when that counts something else (`…の事業所数` → facility, `…世帯数` → household), keeping its period.',
  applies: (x) =>
    !!x.unit &&
    !x.stubs.some((p) => p.unit) &&
    !x.cols.some((p) => p.unit) &&
    !x.rowMeasure &&
    x.labels.length > 0 &&
    !!unitFromLabel(x.labels.at(-1)!),
  apply(x) {
    const base = unitFromLabel(x.labels.at(-1)!)!;
    const [ub, per] = x.unit!.split('/');
    if (ub === base || ub === 'person_day' || !['facility', 'household'].includes(base)) return false;
    x.unit = per ? `${base}/${per}` : base;
    x.unitText = null;
  },
  examples: [
    {
      name: 'example.txt',
      text: '表3 地域の体制（人）\n\n年度\t相談支援専門員数\t相談支援事業所数\n令和5年度\t14\t6\n',
      expect: { unit: 'facility', value: 6 },
    },
  ],
});

/** A column header naming a budget or settlement amount (`本年度予算額`, `決算額`: `budgetKindOfWord`). */
const budgetColumn = (ps: readonly Piece[]) => ps.some((p) => !!budgetKindOfWord(p.text));

export const budgetColumnMoney = rule<CellContext>({
  id: 'unit.budget-column-money',
  family: 'unit',
  stage: 'unit',
  priority: 58,
  summary:
    'Budget tables: a budget or settlement column (`本年度予算額`, `決算額`) and the difference beside it (`比較`, `増減`) hold money (yen) when no unit is written; a rate column keeps its own unit.',
  applies: (x) =>
    !x.unit && (budgetColumn(x.cols) || (x.kind === 'deviation' && x.L.colPieces.some((ps) => budgetColumn(ps)))),
  apply(x) {
    x.unit = 'yen';
    x.unitText = null;
  },
  examples: [
    {
      name: 'example.tsv',
      text: '会計\t当初予算額\t補正予算額\t増減\n国民健康保険\t8,210\t8,460\t250\n',
      expect: { unit: 'yen', value: 250, value_kind: 'deviation' },
    },
  ],
});

export const measureWordUnit = rule<CellContext>({
  id: 'unit.measure-word',
  family: 'unit',
  stage: 'unit',
  priority: 60,
  summary:
    'With no unit written, the measure word implies one: 人数 → person, 世帯数 → household, 件数 → case …; a period written before what it counts makes it per period (`年間延べ利用者数` → person/year, `月あたり回数` → time/month).',
  applies: (x) => !x.unit,
  apply(x) {
    // (a period written before what the measure counts makes it per period: `年間延べ人数` → person/year)
    x.unit =
      periodMeasureUnit(x.measure && !x.indicator.endsWith(x.measure) ? `${x.indicator}${x.measure}` : x.indicator) ??
      unitFromLabel(x.measure ?? '') ??
      unitFromLabel(x.indicator);
    if (!x.unit) return false;
    x.unitText = null;
  },
  examples: [
    {
      name: 'example.tsv',
      text: '項目\t令和5年度\n地域移行支援の利用者数\t3\n',
      expect: { unit: 'person', value: 3 },
    },
    {
      name: 'example.tsv',
      text: '項目\t令和5年度\n日中一時支援の年間延べ利用者数\t320\n訪問入浴サービスの月あたり回数\t42\n',
      expect: { unit: 'person/year', value: 320 },
    },
    {
      name: 'example.tsv',
      text: '項目\t令和5年度\n日中一時支援の年間延べ利用者数\t320\n訪問入浴サービスの月あたり回数\t42\n',
      expect: { unit: 'time/month', value: 42 },
    },
  ],
});

export const rateKindIsPercent = rule<CellContext>({
  id: 'unit.rate-kind-is-percent',
  family: 'unit',
  stage: 'unit',
  priority: 70,
  summary:
    "An achievement rate (`達成率`, `対計画比` with no unit of its own) is a result over its plan in percent, whatever the table's unit (`（人/年）` in the corner, `利用者数` in the row).",
  applies: (x) => x.kind === 'achievement_rate' && x.unit !== 'percent' && x.unit !== 'ratio',
  apply(x) {
    x.unit = 'percent';
    x.unitText = null;
    x.factor = 1;
  },
  examples: [
    {
      name: 'example.tsv',
      text: '（人/年）\t令和5年度計画\t令和5年度実績\t令和5年度達成率\n移動支援事業\t40\t36\t90.0\n',
      expect: { value_kind: 'achievement_rate', unit: 'percent', value: 90 },
    },
  ],
});

export const rateRowLabel = rule<CellContext>({
  id: 'unit.rate-row-label',
  family: 'unit',
  stage: 'unit',
  priority: 57,
  summary:
    'Family "statistics sheets that print rates bare" (a settlement sheet\'s `財政指標の状況`: `実質公債費比率 | 15.1 | 13.9 | △1.2 | 25.0`): a row whose label names a rate (`…比率`, `…率`, `…割合`) and no unit is in percent in every column — its difference and its limit too — when no cell, header or unit line gives one (before the money of a settlement column: `決算額` over a ratio row is no amount).',
  applies: (x) => {
    if (x.unit || x.stubs.length === 0) return false;
    const stub = normalized(x.stubs.at(-1)!.text).replace(/\s+/g, '');
    if (!/(?:比率|率|割合)$/u.test(stub) || /(?:伸び?率|構成比)$/u.test(stub)) return false;
    // (left to unit.measure-word when it reads the same, unless a settlement column would take it for money first)
    return (
      (unitFromLabel(x.measure ?? '') ?? unitFromLabel(x.indicator)) !== 'percent' ||
      budgetColumn(x.cols) ||
      (x.kind === 'deviation' && x.L.colPieces.some((ps) => budgetColumn(ps)))
    );
  },
  apply(x) {
    x.unit = 'percent';
    x.unitText = null;
  },
  examples: [
    {
      name: 'example.tsv',
      text: '財政指標名\t平成20年度決算\t平成21年度決算\t差引\n経常収支比率\t97.3\t97.9\t0.60\n',
      expect: { unit: 'percent', value: 0.6, value_kind: 'deviation' },
    },
  ],
});

/** `新規陽性者の状況`, `患者の状況`, `利用者数の推移`, `陽性者発生状況`: a caption naming the persons its table counts. */
const PERSONS_CAPTION = new RegExp(
  `[\\p{sc=Han}\\p{sc=Katakana}]者(?:数)?の?[\\p{sc=Han}]{0,2}(?:${wordsPattern(CAPTION_TAIL_WORDS)})`,
  'u',
);

/** The nearest caption over the table that is no sentence (a note read as a heading ends with `。`). */
const captionOf = (x: CellContext) =>
  (x.ctx.section ?? '')
    .split(' > ')
    .reverse()
    .find((part) => !/。\s*$/u.test(part)) ?? '';

export const personsCaptionUnit = rule<CellContext>({
  id: 'unit.persons-caption',
  family: 'unit',
  stage: 'unit',
  priority: 65,
  summary:
    'Family "counts of people under a caption naming them" (a release\'s `１ 新規陽性者の状況`, `３ 患者の状況`): whole numbers no cell, header, unit line or measure word gives a unit are persons, with a warning (the caption, not the cell, says so).',
  applies: (x) =>
    !x.unit &&
    x.quantities.length > 0 &&
    x.quantities.every((q) => Number.isInteger(q.value) && !q.unit) &&
    PERSONS_CAPTION.test(normalized(captionOf(x))),
  apply(x) {
    x.unit = 'person';
    x.unitText = null;
    x.warnings.push(`unit person from the caption «${captionOf(x)}»: no cell or header states it`);
  },
  examples: [
    {
      name: 'example.tsv',
      text: '２ 相談に来られた方の状況\n\n区分\t男性\t女性\n来所者\t41\t57\n\n３ 新規登録者の状況\n\n区分\t男性\t女性\n登録\t12\t19\n',
      expect: { unit: 'person', value: 19 },
    },
  ],
});

/** Counts that a basis of one month makes per month. */
const PER_MONTH: Record<string, string> = {
  person: 'person/month',
  hour: 'hour/month',
  person_day: 'person_day/month',
  time: 'time/month',
  case: 'case/month',
};

export const captionMonthBasis = rule<CellContext>({
  id: 'unit.caption-month-basis',
  family: 'unit',
  stage: 'unit',
  priority: 90,
  summary:
    'Family "a per-month basis said once above the table": a caption, line or heading saying the counts are per month (`【見込量（１か月当たり）】`, `…の利用者数の見込み（1月当たり）`) makes a bare count of the table per month — `人` → person/month, `時間` → hour/month, `人日` → person_day/month, `回`, `件` — when the row, column or unit line names no period of its own (a `人/年` row stays per year, `か所` and rates are no counts of a month).',
  applies: (x) => !!x.ctx.monthBasis && !!x.unit && x.unit in PER_MONTH,
  apply(x) {
    x.unit = PER_MONTH[x.unit!]!;
  },
  examples: [
    {
      name: 'example.txt',
      text: '２ 短期入所の見込み（１か月当たり）\n\n区分\t単位\t令和6年度\t令和7年度\n短期入所（福祉型）\t人日\t410\t425\n短期入所（福祉型）\t人\t52\t55\n',
      expect: { unit: 'person_day/month', value: 425, fiscal_year: 2025 },
    },
    {
      name: 'example.txt',
      text: '２ 短期入所の見込み（１か月当たり）\n\n区分\t単位\t令和6年度\t令和7年度\n短期入所（福祉型）\t人日\t410\t425\n短期入所（福祉型）\t人\t52\t55\n',
      expect: { unit: 'person/month', value: 55, fiscal_year: 2025 },
    },
  ],
});

/** Days an activity is held or a place is open (`開催日数`, `年間開所日数`, `実施日数（日/年）`): days, not a service's 人日. */
const DAYS_HELD = /(?:開催|実施|開所|開館|開設|稼働|営業)日数$/u;

export const daysHeldUnit = rule<CellContext>({
  id: 'unit.days-held',
  family: 'unit',
  stage: 'unit',
  priority: 95,
  summary:
    "Days an activity is held or a place is open (`年間開催日数`, `開所日数（日/年）`, `実施日数`) are days (`day`), not the person-days (人日) a service's `日/月` counts: the measure or label naming what is held overrules the `日` read as 人日 (the fiscal year carries the period).",
  applies: (x) =>
    !!x.unit &&
    /^(?:person_day(?:\/|$)|day$)/u.test(x.unit) &&
    [x.measure, x.indicator].some((l) => !!l && DAYS_HELD.test(compactLabel(splitLabelUnit(l).label))),
  apply(x) {
    x.unit = 'day';
  },
  examples: [
    {
      name: 'example.tsv',
      text: '地域活動支援センター事業\n\n項目\t令和5年度\t令和6年度\n年間開催日数\t120\t118\n',
      expect: { unit: 'day', value: 118, fiscal_year: 2024 },
    },
    {
      name: 'example.tsv',
      text: '地域活動支援センター事業\n\n項目\t令和5年度\t令和6年度\n開所日数（日/年）\t240\t242\n',
      expect: { unit: 'day', value: 240, fiscal_year: 2023 },
    },
  ],
});

export const TABLE_UNIT_RULES = [
  rateColumnUnit,
  rowUnit,
  noteMarkUnit,
  columnUnit,
  letterDifferenceUnit,
  trailingUnitColumn,
  cornerUnit,
  partOfRowAboveUnit,
  tableHintUnit,
  rowMeasureOverTable,
  labelCountOverTable,
  rateRowLabel,
  budgetColumnMoney,
  measureWordUnit,
  personsCaptionUnit,
  rateKindIsPercent,
  captionMonthBasis,
  daysHeldUnit,
];

export const scaleFactor = rule<CellContext>({
  id: 'unit.scale-factor',
  family: 'unit',
  stage: 'value',
  priority: 10,
  summary: 'A value under `（千円）` or `（百万円）` is stored in yen; its value_text keeps what was written.',
  applies: (x) => x.factor !== 1 && !!x.value && !x.value.unit,
  apply(x) {
    const q = x.value!;
    x.value = {
      ...q,
      value: q.value * x.factor,
      ...(q.subset === undefined ? {} : { subset: q.subset * x.factor }),
    };
  },
  examples: [
    {
      name: 'example.tsv',
      text: '事業\t令和5年度（千円）\n地域生活支援事業費\t12,400\n',
      expect: { unit: 'yen', value: 12_400_000 },
    },
  ],
});

export const cellOwnUnit = rule<CellContext>({
  id: 'unit.cell',
  family: 'unit',
  stage: 'value',
  priority: 20,
  summary:
    "A unit written in the cell itself (`4か所` in a row counted in 人) is the value's, unless it is the base of the row's rate (`11人` in a row counted in 人/年).",
  applies: (x) => !!x.value?.unit && !x.unit?.startsWith(`${x.value.unit}/`),
  apply(x) {
    x.valueUnit = x.value!.unit;
    x.valueUnitText = x.value!.unitText;
  },
  examples: [
    {
      name: 'example.tsv',
      text: '項目\t令和5年度\n地域生活支援拠点等\t2か所\n',
      expect: { unit: 'facility', value: 2 },
    },
  ],
});

TABLE_UNIT_RULES.push(scaleFactor, cellOwnUnit);
