/**
 * Label rules of tables: which indicator, subgroup and measure a data cell's number is of. Stages `row-label`
 * (before the kind is decided) and `label`; per value, `value`.
 */
import {
  ACCOUNT_LEVEL_WORDS,
  AREA_CORNER_PATTERN,
  CLASSIFICATION_CORNER_PATTERN,
  CUMULATIVE_WORDS,
  SUBTOTAL_WORDS,
  TOTAL_WORDS,
  wordsPattern,
} from '@shiryo/model';
import {
  captionName,
  compact,
  isComparisonGroup,
  isMeasureOnly,
  isPerBasis,
  isReportingBody,
  isSubgroup,
  stripNumbering,
  stripTags,
} from '../../labels.js';
import { normalized, type Piece } from '../../table/pieces.js';
import { rule } from '../engine.js';
import type { CellContext } from '../table-context.js';

const TOTAL = new RegExp(`^(?:${wordsPattern(TOTAL_WORDS)})$`, 'u');
const SUBTOTAL = new RegExp(`^(?:${wordsPattern(SUBTOTAL_WORDS)})$`, 'u');

/**
 * The indicator the labels make: each without its numbering, joined — a label written again right after itself
 * once (a merged cell the text layer repeats in every column it spans: `特別養護老人ホーム | 特別養護老人ホーム`).
 */
export const indicatorOf = (labels: string[]) =>
  labels
    .map(stripNumbering)
    .filter((l, i, all) => l && l !== all[i - 1])
    .join(' ');

/** `うち精神障害者`, `（うち 精神）`, `（内 精神）`: a part of the row above (a bare 内 counts only in brackets: `内部`). */
const PART_OF = /^(?:うち\s*(.+)|[(（]\s*(?:うち|内)\s*([^)）]+)[)）])$/u;

/** A 再掲 mark before or after a row's name: `（再掲）`, `〈再掲〉`, `<再掲>`, `【再掲】`, `再掲：`. */
const RESTATED_BEFORE = /^(?:[(（〈<＜【［[]\s*再掲\s*[)）〉>＞】］\]]|再掲\s*[:：]|再掲\s+)\s*(.+)$/u;
const RESTATED_AFTER = /^(.+?)\s*[(（〈<＜【［[]\s*再掲\s*[)）〉>＞】］\]]$/u;

/**
 * What a row names as a part of the row above — the one reader of the family for stubs and for words in text cells:
 * `うち精神障害者`, `（内 精神）` (mark うち), `（再掲）精神障害者`, `〈再掲〉障害児`, `精神障害者の利用者数（再掲）` (mark 再掲).
 * The group is the part; a measure after its last の (`の利用者数`) is the measure, not part of the group.
 */
export function readPartOf(label: string): { part: string; measure: string | null; mark: 'うち' | '再掲' } | null {
  const u = PART_OF.exec(label);
  const m = u ? null : (RESTATED_BEFORE.exec(label) ?? RESTATED_AFTER.exec(label));
  const named = (u ? (u[1] ?? u[2]) : m?.[1])?.trim();
  if (!named || (!u && (named.length > 24 || /再掲/u.test(named)))) return null;
  const mark = u ? 'うち' : '再掲';
  const of = named.lastIndexOf('の');
  if (of > 0 && isMeasureOnly(named.slice(of + 1)))
    return { part: named.slice(0, of), measure: named.slice(of + 1), mark };
  return { part: named, measure: null, mark };
}

/**
 * The row labels of a part row: the indicator of the cell above — none when that indicator is this column's own
 * labels (a table of years as rows names its items in the columns: `H17 | 決算額 | 類似団体平均` over `うち単独分`
 * is a part of each column's item, which the column labels name again).
 */
const aboveRowLabels = (x: CellContext): string[] =>
  x.colLabels.length > 0 && indicatorOf(x.colLabels) === x.prevIndicator ? [] : [x.prevIndicator!];

export const partOfRowAbove = rule<CellContext>({
  id: 'label.part-of-row-above',
  family: 'label',
  stage: 'row-label',
  priority: 10,
  summary:
    '`うち精神障害者` (or `（内 精神）`) under `共同生活援助`: the row is a part of the indicator above it, by the group it counts (a bare 内 counts only in brackets: `内部` is a 障害部位).',
  applies: (x) => x.rowLabels.length === 1 && !!x.prevIndicator && readPartOf(x.rowLabels[0]!)?.mark === 'うち',
  apply(x) {
    const { part, measure } = readPartOf(x.rowLabels[0]!)!;
    x.rowLabels = aboveRowLabels(x);
    x.rowSubgroups.push(part);
    if (measure && !x.rowMeasure) x.rowMeasure = measure;
  },
  examples: [
    {
      name: 'example.tsv',
      text: 'サービス\t令和5年度\n共同生活援助（人/月）\t58\nうち精神障害者\t21\n',
      expect: { label: '共同生活援助', subgroup: '精神障害者', value: 21 },
    },
    {
      name: 'example.tsv',
      text: '区分\t2024年度\n短期入所（人/月）\t64\nうち重症心身障害児の利用者数\t9\n',
      expect: { label: '短期入所', subgroup: '重症心身障害児', measure: '利用者数', value: 9 },
    },
  ],
});

/** A header that is a running-total word alone (`累計`), brackets and blanks aside. */
const cumulativeHeader = (text: string) =>
  (CUMULATIVE_WORDS as readonly string[]).includes(text.normalize('NFKC').replace(/[\s()（）]/gu, ''));

/** The labels of the column left of a running-total column (`発生者数 | 累計` → 発生者数), when it has some. */
const cumulatedLabels = (x: CellContext): string[] | null => {
  if (x.colLabels.length !== 1 || !cumulativeHeader(x.colLabels[0]!) || x.c - 1 < x.L.stubCols) return null;
  const left = (x.L.colPieces[x.c - 1] ?? []).filter(
    (p) => p.label && !isMeasureOnly(p.label) && !isSubgroup(p.label) && !cumulativeHeader(p.label),
  );
  return left.length ? left.map((p) => p.label!) : null;
};

export const cumulativeColumn = rule<CellContext>({
  id: 'label.cumulative-column',
  family: 'label',
  stage: 'row-label',
  priority: 5,
  summary:
    'Family "running totals beside the figures" (a press release\'s `市町村 | 発生者数 | 累計`): a column headed by `累計` alone counts the item of the column before it, cumulatively — that item is its label, 累計 its measure.',
  applies: (x) => cumulatedLabels(x) !== null,
  apply(x) {
    x.colLabels = cumulatedLabels(x)!;
    x.colMeasure = '累計';
  },
  examples: [
    {
      name: 'example.tsv',
      text: '地区\t相談件数（件）\t累計\n北地区\t12\t148\n南地区\t9\t131\n',
      expect: { label: '相談件数', subgroup: '南地区', measure: '累計', value: 131 },
    },
  ],
});

/** A stub written with a leading indent: an ideographic space, a no-break space, or two or more spaces. */
const INDENTED = /^(?:[\u3000\u00a0]|\s{2,})\s*\S/u;
/** A group a breakdown row names: an age band (`65～74歳`, `（75歳以上）`) anywhere in the label. */
const AGE_BAND = /[0-9０-９]+\s*(?:歳\s*)?[～~〜－-]\s*[0-9０-９]+\s*歳|[0-9０-９]+\s*歳\s*(?:以上|未満|以下)/u;

/** Whether row r's first stub cell with text was written indented (null: the row has no stub cell of its own). */
function stubIndented(L: CellContext['L'], r: number): boolean | null {
  const first = L.grid[r]?.find((c) => c && c.col < L.stubCols && c.row === r && c.text.trim());
  return first ? INDENTED.test(first.orig) : null;
}

/**
 * The row above an indented row that the indented rows break down: the nearest row above written without the indent,
 * every row between indented too, which holds numbers of its own (a category row without numbers heads a section).
 */
function indentParentRow(x: CellContext): number | null {
  const { L } = x;
  for (let r = x.r - 1; r >= L.headerRows; r--) {
    const ind = stubIndented(L, r);
    if (ind === null) return null;
    if (ind) continue;
    return L.data[r]?.some((d) => d && !d.missing && d.quantities.length > 0) ? r : null;
  }
  return null;
}

export const indentedPartOfRowAbove = rule<CellContext>({
  id: 'label.indented-part-of-row-above',
  family: 'label',
  stage: 'row-label',
  priority: 12,
  summary:
    'Family "indented breakdown rows": `　前期高齢者（65～74歳）` and `　後期高齢者（75歳以上）`, written indented under `第1号被保険者数` (an ideographic space, no-break space or two spaces before the name, kept by the export), break down the row above by the age band they name: its indicator, their name as subgroup (a row that is a group word alone, `　65歳以上`, is label.continues-row-above). A row not indented, a parent without numbers (a category heading) and an indented name of no age band (a service under a subtotal) are no such row.',
  applies: (x) =>
    x.rowLabels.length === 1 &&
    !!x.prevIndicator &&
    !x.fired.some((f) => f === 'label.part-of-row-above' || f === 'label.restated-part-of-row-above') &&
    stubIndented(x.L, x.r) === true &&
    AGE_BAND.test(x.rowLabels[0]!) &&
    indentParentRow(x) !== null,
  apply(x) {
    x.rowSubgroups.push(x.rowLabels[0]!);
    x.rowLabels = [x.prevIndicator!];
  },
  examples: [
    {
      name: 'example.tsv',
      text: '区分\t令和6年度\t令和12年度\n被保険者数（人）\t5,210\t5,480\n　75歳以上の者\t2,904\t3,350\n',
      expect: { label: '被保険者数', subgroup: '75歳以上の者', value: 3350 },
    },
    {
      name: 'example.tsv',
      text: '項目\t令和5年度\n要介護認定者数（人）\t1,840\n\u3000第2号被保険者（40～64歳）\t61\n',
      expect: { label: '要介護認定者数', subgroup: '第2号被保険者(40~64歳)', value: 61 },
    },
  ],
});

const restatedStub = (x: CellContext) => {
  const stub = x.stubs.findLast((p) => p.label);
  const restated = (text: string) => {
    const r = readPartOf(text);
    return r?.mark === '再掲' ? r : null;
  };
  return stub ? (restated(stub.text) ?? restated(stub.label!)) : null;
};

export const restatedPartOfRowAbove = rule<CellContext>({
  id: 'label.restated-part-of-row-above',
  family: 'label',
  stage: 'row-label',
  priority: 11,
  summary:
    'Family "restated breakdown rows": `（再掲）精神障害者`, `〈再掲〉障害児`, `精神障害者の利用者数（再掲）` under `共同生活援助（人/月）` restate a part of the indicator above — its label, the group as subgroup, the measure after の as measure (its unit, when the row writes none, is the row above\'s: unit.part-of-row-above).',
  // (the stub as written: its label has lost a 【再掲】 mark)
  applies: (x) =>
    x.rowLabels.length === 1 &&
    !!x.prevIndicator &&
    !x.fired.includes('label.part-of-row-above') &&
    restatedStub(x) !== null,
  apply(x) {
    const { part, measure } = restatedStub(x)!;
    x.rowLabels = aboveRowLabels(x);
    x.rowSubgroups.push(part);
    if (measure && !x.rowMeasure) x.rowMeasure = measure;
  },
  examples: [
    {
      name: 'example.tsv',
      text: '区分\t令和4年度\t令和5年度\n就労継続支援B型（人/月）\t212\t230\n〈再掲〉知的障害者\t96\t101\n',
      expect: { label: '就労継続支援B型', subgroup: '知的障害者', value: 101, unit: 'person/month' },
    },
    {
      name: 'example.tsv',
      text: '項目\t2022年度\n生活介護（人日/月）\t4,810\n難病患者の利用者数（再掲）\t35\n',
      expect: { label: '生活介護', subgroup: '難病患者', value: 35 },
    },
  ],
});

export const classificationCorner = rule<CellContext>({
  id: 'label.classification-corner',
  family: 'label',
  stage: 'label',
  priority: 10,
  summary:
    "`障害部位 | 人数 | 構成比` over `視覚 | 120 | 8.0`, `要介護度 | 見込 | 実績` over `要介護1 | …`: rows named under a classification (部位, 等級, 種別, 要介護度…) are groups of what the table's heading or caption counts (without the caption's `…の見込と実績`), not indicators of their own.",
  applies: (x) =>
    !!x.ctx.heading &&
    x.rowLabels.length <= 1 &&
    x.L.corner.some((p) => CLASSIFICATION_CORNER_PATTERN.test(compact(p.text).replace(/[・･]/gu, ''))),
  apply(x) {
    if (x.rowLabels.length === 1) {
      x.rowSubgroups.push(x.rowLabels[0]!);
      x.rowLabels = [];
    }
    x.labels = [...x.rowLabels, ...x.colLabels];
    if (x.labels.length === 0)
      x.labels = [captionName(x.ctx.heading!.replace(/[(（][^()（）]*(?:現在|時点)[)）]\s*$/u, '').trim())];
  },
  examples: [
    {
      name: 'example.txt',
      text: '身体障害者手帳所持者数（令和5年4月1日現在）\n\n障害の部位\t人数\n視覚障害\t182\n聴覚障害\t240\n',
      expect: { label: '身体障害者手帳所持者数', subgroup: '視覚障害', value: 182 },
    },
    {
      // family "rows that are care levels": the caption names what they break down
      name: 'example.html',
      text: '<table><caption>表2　要介護度別の施設サービス利用者数の見込と実績</caption><tr><td>要介護度</td><td>令和6年度 見込</td><td>令和6年度 実績</td></tr><tr><td>要介護3</td><td>210</td><td>204</td></tr><tr><td>要介護4～5</td><td>388</td><td>395</td></tr></table>',
      expect: { label: '要介護度別の施設サービス利用者数', subgroup: '要介護4~5', value: 395, value_kind: 'actual' },
    },
  ],
});

export const areaCorner = rule<CellContext>({
  id: 'label.area-corner',
  family: 'label',
  stage: 'label',
  priority: 11,
  summary:
    'Family "areas as rows": under a corner naming areas (`市町村 | 発生者数 | 累計`, `都道府県名 | …`), each row\'s area is a subgroup of what its column counts, not an indicator of its own; a table in two halves side by side (`市町村 | 発生者数 | 市町村 | 発生者数`) takes the area nearest left of the cell.',
  applies: (x) =>
    x.rowLabels.length >= 1 &&
    x.colLabels.length >= 1 &&
    x.L.corner.some((p) => AREA_CORNER_PATTERN.test(compact(p.text))),
  apply(x) {
    x.rowSubgroups.push(x.rowLabels[x.rowLabels.length - 1]!);
    x.rowLabels = [];
    x.labels = [...x.colLabels];
  },
  examples: [
    {
      name: 'example.tsv',
      text: '都道府県名\t相談件数\n青森県\t12\n岩手県\t7\n',
      expect: { label: '相談件数', subgroup: '岩手県', value: 7 },
    },
  ],
});

/**
 * A column of row names headed `X（Y名）` or `X（Y別）` (`資金不足比率（公営企業会計名）`, `充足率（施設名）`): what its rows'
 * numbers are (X), and what each row is (a Y) — null for any other header, and for an X that is itself only a name
 * or a classification (`事業名（施設名）`).
 */
function namedRowsHeader(header: string): string | null {
  const m = /^(.{2,}?)[(（]([^()（）]+?)(?:名|別)[)）]$/u.exec(compact(header));
  if (!m || /(?:名|区分|項目|分類|種別)$/u.test(m[1]!)) return null;
  return m[1]!;
}

/** The nearest column left of the cell holding a label text in the cell's row, or -1. */
const nearestLabelColumn = (x: CellContext) => {
  for (let j = x.c - 1; j >= 0; j--) if (x.allPieces[j]?.label) return j;
  return -1;
};

/** The header text of column j, its header rows joined. */
const headerOf = (x: CellContext, j: number) =>
  Array.from({ length: x.L.headerRows }, (_, r) => x.L.text(r, j))
    .filter((t, i, a) => t && a.indexOf(t) === i)
    .join('');

export const namedRowsColumn = rule<CellContext>({
  id: 'label.named-rows-column',
  family: 'label',
  stage: 'label',
  priority: 12,
  summary:
    "Family \"side tables\": a column of row names headed `X（Y名）` (`資金不足比率（公営企業会計名）` beside a sheet's 財政指標名 column, `充足率（施設名）`): the numbers right of it, up to the next such column, are X of the row's Y — X the indicator, the row's name a subgroup; the names left of it belong to the table beside.",
  applies: (x) => {
    const j = nearestLabelColumn(x);
    return j >= 0 && x.L.headerRows > 0 && namedRowsHeader(headerOf(x, j)) !== null;
  },
  apply(x) {
    const j = nearestLabelColumn(x);
    x.rowSubgroups = [x.allPieces[j]!.label!];
    x.rowLabels = [];
    x.labels = [namedRowsHeader(headerOf(x, j))!];
  },
  examples: [
    {
      name: 'example.tsv',
      text: '財務指標名\t令和4年度\t令和5年度\t充足率（施設名）\t令和4年度\t令和5年度\n経常収支比率\t95.1\t96.0\t北保育所\t88.0\t90.5\n財政力指数\t0.71\t0.72\t南保育所\t92.3\t91.0\n',
      expect: { label: '充足率', subgroup: '北保育所', value: 90.5, fiscal_year: 2023 },
    },
  ],
});

export const kindWordNotTaken = rule<CellContext>({
  id: 'label.kind-word-not-taken',
  family: 'label',
  stage: 'label',
  priority: 5,
  summary:
    "A row name ending in a kind word (`運営実績`, `販売実績`) whose value takes another kind from its column (`配点` → plan, `計画` → plan): the word names what the row is about (a track record), not the value's kind — it stays in the label.",
  applies: (x) =>
    x.kind !== null && x.stubs.some((p) => p.fusedLabel && p.kind && p.kind !== x.kind && x.labels.includes(p.label!)),
  apply(x) {
    for (const p of x.stubs)
      if (p.fusedLabel && p.kind && p.kind !== x.kind) {
        x.labels = x.labels.map((l) => (l === p.label ? p.fusedLabel! : l));
        x.rowLabels = x.rowLabels.map((l) => (l === p.label ? p.fusedLabel! : l));
      }
  },
  examples: [
    {
      name: 'example.tsv',
      text: '評価項目\t配点\n販売実績\t20\n',
      expect: { label: '販売実績', value: 20, value_kind: 'plan' },
    },
  ],
});

export const continuesRowAbove = rule<CellContext>({
  id: 'label.continues-row-above',
  family: 'label',
  stage: 'label',
  priority: 20,
  summary:
    'A row that names only a bracketed word (`(件数)`, or `（日中ショートステイ）` beside its own unit: a label wrapped onto the row of its second measure), a subgroup (`福祉` under `協議の場への参加者数 / 保健`) or a kind (`前年度比（％）`) continues the indicator of the row above.',
  applies: (x) => {
    if (!x.prevIndicator) return false;
    const bracketed = (p: { text: string }) => /^[(（][^)）]*[)）]$/.test(p.text);
    const onlyBracket = x.stubs.length > 0 && x.stubs.every(bracketed);
    // A row named only by a bracketed word beside its unit (`（日中ショートステイ） | 日/年` under `日中一時支援事業 |
    // 人/年`) is the row above's label wrapped, carrying its second measure: it continues that indicator.
    const wrappedAlias =
      x.rowLabels.length === 1 &&
      x.labels.length === 1 &&
      x.stubs.some(bracketed) &&
      x.stubs.every((p) => bracketed(p) || (!!p.unit && !p.label));
    if (wrappedAlias) return true;
    if (x.labels.length > 0) return false;
    return (
      onlyBracket ||
      (x.rowSubgroups.length > 0 && !x.rowSubgroups.some((g) => TOTAL.test(g))) ||
      // (a row led by a year as well as a kind, `R3 | 実績` in a table of years as rows, is a time point of the
      // columns' indicators, not a continuation of the row above)
      (x.stubs.length > 0 &&
        x.stubs.every((p) => !p.label) &&
        x.stubs.some((p) => p.kind) &&
        !x.stubs.some((p) => p.period))
    );
  },
  apply(x) {
    x.labels = [x.prevIndicator!];
  },
  examples: [
    {
      name: 'example.tsv',
      text: '項目\t令和5年度\n相談件数（件）\t412\n前年度比（％）\t104.2\n',
      expect: { label: '相談件数', value: 104.2 },
    },
    {
      name: 'example.tsv',
      text: '事業\t単位\t令和5年度実績\n訪問入浴サービス事業\t人/年\t18\n（入浴車派遣）\t回/年\t640\n',
      expect: { label: '訪問入浴サービス事業', unit: 'time/year', value: 640 },
    },
  ],
});

export const measureRowUnderGroup = rule<CellContext>({
  id: 'label.measure-row-under-group',
  family: 'label',
  stage: 'label',
  priority: 28,
  summary:
    'Family "row groups": a row named only by a measure (`利用者数（人/月）`, `利用時間（時間/月）`) below a row that names a service and holds no number (`居宅介護 | | |`, or one cell spanning the table) counts that service: the group row is its indicator, not the caption over the table.',
  applies: (x) => x.labels.length === 0 && !!x.groupAbove && !!x.rowMeasure && x.rowSubgroups.length === 0,
  apply(x) {
    x.labels = [x.groupAbove!];
  },
  examples: [
    {
      name: 'example.md',
      text: '日中活動系サービスの実績\n\n| 区分 | 令和4年度 | 令和5年度 |\n|---|---|---|\n| 短期入所 | | |\n| 実利用者数（人/月） | 18 | 21 |\n| 延べ利用日数（人日/月） | 96 | 110 |\n| 療養介護 | | |\n| 実利用者数（人/月） | 7 | 7 |\n',
      expect: { label: '療養介護', value: 7, fiscal_year: 2023, unit: 'person/month' },
    },
  ],
});

export const groupSubtotalRow = rule<CellContext>({
  id: 'label.group-subtotal-row',
  family: 'label',
  stage: 'label',
  priority: 29,
  summary:
    'Family "row groups": a `小計` (or bare `計`) row with no name of its own, below a row that names a group and holds no number (`（2）地域密着型サービス` over its services, in its first cell or spanning the table), totals that group: the group is its indicator, the total word its subgroup (a `合計` of every group stays with the caption).',
  applies: (x) =>
    x.labels.length === 0 && !!x.groupAbove && x.rowSubgroups.length === 1 && SUBTOTAL.test(x.rowSubgroups[0]!),
  apply(x) {
    x.labels = [x.groupAbove!];
  },
  examples: [
    {
      name: 'example.tsv',
      text: '表2 通所系サービスの実績（人/月）\n区分\t令和4年度\t令和5年度\n■予防給付\t\t\n介護予防通所リハビリテーション\t41\t44\n小計\t41\t44\n■介護給付\t\t\n通所介護\t320\t331\n通所リハビリテーション\t95\t90\n小計\t415\t421\n合計\t456\t465\n',
      expect: { label: '介護給付', subgroup: '小計', value: 421, fiscal_year: 2023 },
    },
  ],
});

export const cornerLabel = rule<CellContext>({
  id: 'label.corner',
  family: 'label',
  stage: 'label',
  priority: 30,
  summary: "A row without a label of its own is named by the table's corner cell (`居宅介護 | R4 | R5`).",
  applies: (x) => x.labels.length === 0 && !!x.cornerLabel,
  apply(x) {
    x.labels = [x.cornerLabel!];
  },
  examples: [
    {
      name: 'example.tsv',
      text: '就労移行支援（人/月）\t令和4年度\t令和5年度\n\t18\t21\n',
      expect: { label: '就労移行支援', fiscal_year: 2023, value: 21 },
    },
  ],
});

/** The innermost account caption a section path names (`3款 民生費 … 2項 老人福祉費 3,773,176千円` → 老人福祉費). */
function innermostAccount(section: string | null): string | null {
  const found = [...(section ?? '').normalize('NFKC').matchAll(/[0-9]+\s*([款項])\s*([^\s0-9,>]+)/gu)];
  const inner = found.filter((m) => m[1] === '項').pop() ?? found.pop();
  return inner?.[2] ?? null;
}

export const accountTotalRow = rule<CellContext>({
  id: 'label.account-total-row',
  family: 'label',
  stage: 'label',
  priority: 32,
  summary:
    "Budget tables: a `計` row under a corner naming an account level (`目 | 本年度予算額 …`) totals the 項 (or 款) the caption above the table names (`２項 老人福祉費 3,773,176千円`): that 項 is its indicator, `計` its subgroup; in a column whose header names a part (`財源内訳 特定財源 国県支出金`), the 項 comes before that header, as a 目 row's name does.",
  applies: (x) =>
    x.rowSubgroups.some((g) => (TOTAL_WORDS as readonly string[]).includes(g)) &&
    x.labels.length >= 1 &&
    ((x.labels.length === 1 && x.labels[0] === x.cornerLabel) ||
      (x.rowLabels.length === 0 && !x.labels.includes(x.cornerLabel ?? ''))) &&
    (ACCOUNT_LEVEL_WORDS as readonly string[]).includes((x.cornerLabel ?? '').replace(/\s+/gu, '')) &&
    !!innermostAccount(x.ctx.section),
  apply(x) {
    const account = innermostAccount(x.ctx.section)!;
    // (the corner's word alone: the 項 instead; a part's column header: the 項, then the header)
    x.labels = x.labels[0] === x.cornerLabel ? [account] : [account, ...x.labels.filter((l) => l !== account)];
  },
  examples: [
    {
      name: 'example.txt',
      text: '令和7年度 一般会計予算書\n\n## ４款 衛生費 3,120,500千円 ２項 清掃費 1,916,200千円\n\n（単位：千円）\n\n目\t本年度予算額\t前年度予算額\t比較\n1 清掃総務費\t416,200\t401,000\t15,200\n2 じん芥処理費\t1,500,000\t1,462,000\t38,000\n計\t1,916,200\t1,863,000\t53,200\n',
      expect: { label: '清掃費', subgroup: '計', value: 1863000000, fiscal_year: 2024 },
    },
    {
      name: 'example-sources.txt',
      text: '令和7年度 一般会計予算書\n\n## ４款 衛生費 3,120,500千円 ２項 清掃費 1,916,200千円\n\n（単位：千円）\n\n目\t本年度予算額\t前年度予算額\t比較\t国県支出金\t一般財源\n1 清掃総務費\t416,200\t401,000\t15,200\t12,000\t404,200\n2 じん芥処理費\t1,500,000\t1,462,000\t38,000\t90,000\t1,410,000\n計\t1,916,200\t1,863,000\t53,200\t102,000\t1,814,200\n',
      expect: { label: '清掃費 国県支出金', subgroup: '計', value: 102000000, fiscal_year: 2025 },
    },
  ],
});

/**
 * What a caption of a breakdown by the corner's word counts (`表3 総合相談の相談内容別件数` under the corner `相談内容`
 * → `総合相談件数`): the thing before `の<corner>別` with the measure after it. Null when no heading of the table's
 * section is such a caption.
 */
function breakdownTotalOf(section: string | null, corner: string): string | null {
  const by = corner.replace(/\s+/gu, '');
  if (!section || by.length < 2) return null;
  const escaped = by.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
  const caption = new RegExp(`([^\\s>]{2,})の${escaped}別([^\\s>(（)）]{1,8})`, 'u');
  for (const heading of section.normalize('NFKC').split(' > ').reverse()) {
    const m = caption.exec(heading);
    if (m) return `${m[1]}${m[2]}`;
  }
  return null;
}

export const breakdownTotalRow = rule<CellContext>({
  id: 'label.breakdown-total-row',
  family: 'label',
  stage: 'label',
  priority: 33,
  summary:
    'Family "total row of a breakdown table": a `計` row under a corner naming what the rows break down by (`相談内容`), in a table whose caption counts a thing by it (`総合相談の相談内容別件数`), totals that thing: its indicator is the caption\'s (`総合相談件数`), not the corner\'s word, `計` its subgroup.',
  applies: (x) =>
    x.rowSubgroups.some((g) => TOTAL.test(g)) &&
    x.labels.length === 1 &&
    !!x.cornerLabel &&
    x.labels[0] === x.cornerLabel &&
    !!breakdownTotalOf(x.ctx.section, x.cornerLabel),
  apply(x) {
    x.labels = [breakdownTotalOf(x.ctx.section, x.cornerLabel!)!];
  },
  examples: [
    {
      name: 'example.txt',
      text: '表5 訪問指導の対象者別件数\n\n（単位：件）\n\n対象者\t令和5年度\t令和6年度\n認知症の方\t120\t131\n介護者\t45\t52\n計\t165\t183\n',
      expect: { label: '訪問指導件数', subgroup: '計', value: 183, fiscal_year: 2024 },
    },
  ],
});

export const joinLabels = rule<CellContext>({
  id: 'label.join',
  family: 'label',
  stage: 'label',
  priority: 35,
  quiet: true,
  summary: 'The labels found so far, each without its list number, are the indicator (a step of every cell).',
  applies: () => true,
  apply(x) {
    x.indicator = indicatorOf(x.labels);
  },
  examples: [{ name: 'example.tsv', text: '(1) 生活介護（人/月）\t令和5年度\n\t210\n', expect: { value: 210 } }],
});

/** A column header naming what it counts in full (`一般就労移行者数`, `長期入院患者数`): a label, not a measure word. */
const namesIndicator = (p: Piece) =>
  !!p.label && !isMeasureOnly(p.label) && !isSubgroup(p.label) && !isReportingBody(p.label);

/** The lowest header piece of a column that names something (its leaf head). */
const leafHead = (ps: Piece[]) => ps.findLast((p) => !!p.label);

export const measureWordAmongIndicatorColumns = rule<CellContext>({
  id: 'label.measure-word-among-indicator-columns',
  family: 'label',
  stage: 'label',
  priority: 38,
  summary:
    'Family "indicators side by side as columns": a column headed by a word that is otherwise a measure (`入所者数`, `利用者数`) beside columns headed by indicators (`一般就労移行者数 | 長期入院患者数`), in rows that name no indicator (`R1 | 基準値`), is an indicator column like its neighbours: its header is its indicator (after the group heads over it, if any).',
  applies: (x) => {
    if (x.rowLabels.length > 0 || x.colSubgroups.length > 0) return false;
    const leaf = leafHead(x.cols);
    if (!leaf || !isMeasureOnly(leaf.label!)) return false;
    // (its neighbours under the same group heads: `介護予防教室` over `開催回数 | 延べ参加者数` heads measures of one
    // indicator, `施設入所者の地域生活への移行` over `地域生活移行者数 | 入所者数` heads indicators)
    const groupOf = (ps: Piece[]) => {
      const leaf = leafHead(ps);
      return ps
        .filter((p) => p.label && p !== leaf)
        .map((p) => p.label)
        .join('|');
    };
    const group = groupOf(x.cols);
    return x.L.colPieces.some((ps, j) => {
      if (j === x.c || j < x.L.stubCols || groupOf(ps) !== group) return false;
      const other = leafHead(ps);
      return !!other && namesIndicator(other);
    });
  },
  apply(x) {
    x.indicator = indicatorOf([...x.labels, leafHead(x.cols)!.label!]);
  },
  examples: [
    {
      name: 'example.tsv',
      text: '年度\t区分\t入所者数\t地域移行者数\n令和元年度\t基準値\t140\t―\n令和5年度\t目標値\t131\t9\n',
      expect: { label: '入所者数', value: 131, fiscal_year: 2023 },
    },
    {
      name: 'example.tsv',
      text: '年度\t区分\t地域生活への移行\t\n\t\t入所者数\t地域移行者数\n令和元年度\t基準値\t140\t―\n令和5年度\t目標値\t131\t9\n',
      expect: { label: '地域生活への移行 入所者数', value: 131, fiscal_year: 2023 },
    },
  ],
});

/** The comparison group heading the column left of a rate column of no item of its own (`類似団体平均 | 増減率`). */
const comparedGroupOnTheLeft = (x: CellContext): string | null => {
  if (x.colKind !== 'deviation' || x.colSubgroups.length > 0 || x.c - 1 < x.L.stubCols) return null;
  const left = x.L.colPieces[x.c - 1] ?? [];
  const group = left.find((p) => p.label && isComparisonGroup(p.label))?.label;
  if (!group) return null;
  // (its own header names nothing the left column's does not: group heads over both, then a rate word)
  const shared = new Set(left.map((p) => p.label).filter(Boolean));
  return x.cols.every((p) => !p.label || shared.has(p.label)) ? group : null;
};

export const comparisonRateColumn = rule<CellContext>({
  id: 'label.comparison-rate-column',
  family: 'label',
  stage: 'label',
  priority: 37,
  summary:
    'Family "a comparison group\'s columns" (a settlement analysis: `当該団体 | 増減率(A) | 類似団体平均 | 増減率(B)`): a rate-of-change column naming no item of its own, right of a column headed by a comparison group, is the change of that group\'s figure — its subgroup is the group.',
  applies: (x) => comparedGroupOnTheLeft(x) !== null,
  apply(x) {
    x.colSubgroups.push(comparedGroupOnTheLeft(x)!);
  },
  examples: [
    {
      name: 'example.tsv',
      text: '## 相談件数の推移\n\n年度\t本団体実績(件)\t増減率(%)\t全国平均実績(件)\t増減率(%)\n令和4年度\t412\t3.1\t380\t▲1.2\n',
      expect: {
        label: '相談件数',
        subgroup: '全国平均',
        value_kind: 'deviation',
        unit: 'percent',
        value: -1.2,
        fiscal_year: 2022,
      },
    },
  ],
});

export const groupHeaderNamesColumns = rule<CellContext>({
  id: 'label.group-header',
  family: 'label',
  stage: 'label',
  priority: 40,
  summary:
    '`手帳所持者数` spanning `身体 | 療育 | 精神 | 小計`: a group header that reads like a measure names the indicator of its sub-columns.',
  // (a basis over the columns, `人口1人当たり` of `人口1人当たり決算額` over `当該団体 | 類似団体平均`, says how they
  // are measured, not what they count)
  applies: (x) =>
    !x.indicator &&
    x.colSubgroups.length > 0 &&
    x.cols.some((p) => p.label && isMeasureOnly(p.label) && !isPerBasis(p.label)),
  apply(x) {
    const group = x.cols.find((p) => p.label && isMeasureOnly(p.label) && !isPerBasis(p.label))?.label;
    if (!group) return false;
    x.indicator = stripNumbering(group);
  },
  examples: [
    {
      name: 'example.tsv',
      text: '年度\t所持者数\t\t\n\t身体\t療育\t精神\n令和5年度\t2,410\t612\t830\n',
      expect: { subgroup: '身体', value: 2410 },
    },
  ],
});

export const itemHeadingOverGroupCaption = rule<CellContext>({
  id: 'label.item-heading-over-group-caption',
  family: 'label',
  stage: 'label',
  priority: 45,
  summary:
    "Family \"caption of a group's measure under an item's heading\": a number no row or column names, under a caption that counts a measure for a group (`表2 相談支援体制の充実・強化等の実施回数`) right below a heading naming one item with that measure in brackets (`2) 地域の相談機関との連携強化の取組の実施回数（実施回数）`), is of the heading's item.",
  applies: (x) => !x.indicator && !!x.ctx.itemHeading,
  apply(x) {
    x.indicator = x.ctx.itemHeading!;
  },
  examples: [
    {
      name: 'example.tsv',
      text: '3) 訪問入浴サービス事業（利用人数）\n\n表3 任意事業の利用人数（人/月）\n区分\t令和4年度\t令和5年度\n見込量\t6\t7\n実績\t5\t6\n',
      expect: { label: '訪問入浴サービス事業', value: 6, value_kind: 'plan', fiscal_year: 2022 },
    },
  ],
});

export const headingNamesTable = rule<CellContext>({
  id: 'label.heading',
  family: 'label',
  stage: 'label',
  priority: 50,
  summary:
    "A number no row or column names takes the heading or caption above its table as its indicator, without the caption's phrasing (`給付費の推移` → `給付費`).",
  applies: (x) => !x.indicator && !!x.ctx.heading,
  apply(x) {
    x.indicator = captionName(x.ctx.heading!);
  },
  examples: [
    {
      name: 'example.txt',
      text: '訪問入浴サービス利用者数\n\n令和4年度\t令和5年度\n31\t34\n',
      expect: { label: '訪問入浴サービス利用者数', fiscal_year: 2023, value: 34 },
    },
    {
      name: 'example.tsv',
      text: '相談件数の推移\n\n\t令和4年度\t令和5年度\n件数\t412\t455\n',
      expect: { label: '相談件数', fiscal_year: 2023, value: 455 },
    },
  ],
});

export const bulletItemsOfStub = rule<CellContext>({
  id: 'label.bullet-items',
  family: 'label',
  stage: 'values',
  priority: 20,
  summary:
    'A cell with several values in a row whose label lists as many items (`・65歳以上 ・65歳未満`), or one more (the total first): each value is of its item.',
  // (a stub that opens with its one bullet, `　・手話通訳者派遣 | 件 | 120`, is an indented row naming one thing, not a
  // list of items: its label is its own)
  applies: (x) =>
    x.items.length > 0 &&
    !(x.items.length === 1 && !x.itemHead.trim()) &&
    (x.values.length === x.items.length + 1 || x.values.length === x.items.length),
  apply(x) {
    x.itemLabels = x.values.length === x.items.length + 1 ? [null, ...x.items] : [...x.items];
  },
  examples: [
    {
      name: 'example.tsv',
      text: '項目\t令和5年度\n精神病床からの退院率 ・3か月時点 ・6か月時点 ・1年時点\t・68% ・84% ・91%\n',
      expect: { value: 84, fiscal_year: 2023 },
    },
  ],
});

/** The label and subgroup of one value of the cell (its item's, when the row lists items). */
export function valueLabel(x: CellContext, i: number): { label: string; subgroup: string | null } {
  const item = x.itemLabels[i] ?? null;
  const base = stripNumbering(stripTags(normalized(x.itemHead))) || x.indicator;
  const label = item ? `${base} ${item}`.trim() : x.indicator;
  const subgroup = item && isSubgroup(item) ? [item, x.subgroup].filter(Boolean).join(' ') : x.subgroup;
  return { label, subgroup };
}

export const TABLE_LABEL_RULES = [
  cumulativeColumn,
  partOfRowAbove,
  restatedPartOfRowAbove,
  indentedPartOfRowAbove,
  kindWordNotTaken,
  classificationCorner,
  areaCorner,
  namedRowsColumn,
  continuesRowAbove,
  comparisonRateColumn,
  measureWordAmongIndicatorColumns,
  measureRowUnderGroup,
  groupSubtotalRow,
  cornerLabel,
  accountTotalRow,
  breakdownTotalRow,
  joinLabels,
  groupHeaderNamesColumns,
  itemHeadingOverGroupCaption,
  headingNamesTable,
  bulletItemsOfStub,
];
