/**
 * Rules that revisit a document's observations once every table and paragraph is read. Stages `revisit-document`,
 * `skip-document` (first applies: the observation is dropped).
 */
import { ACCOUNT_LEVEL_WORDS, type Observation } from '@shiryo/model';
import { entryById } from '../../catalog.js';
import { stripNumbering } from '../../labels.js';
import { fyPeriod } from '../../period/index.js';
import { UNDATED_RESULT } from '../../prose/words.js';
import { unitInfo } from '../../quantity/index.js';
import { FIXES, normalizeText } from '../../text/index.js';
import { rule } from '../engine.js';
import type { ObservationContext } from '../observation-context.js';

export const actualAfterReportDate = rule<ObservationContext>({
  id: 'kind.actual-after-report-date',
  family: 'kind',
  stage: 'revisit-document',
  priority: 10,
  summary:
    'An 実績 for a year that had not started when the document was written (`2019年度の進捗(2020年1月時点)` beside a `2020年度の実績` column) cannot be a result: it is read as a plan, with a warning.',
  applies: ({ o, asOf }) => !!asOf && o.value_kind === 'actual' && !!o.period_start && o.period_start > asOf.end,
  apply({ o, asOf }) {
    o.value_kind = 'plan';
    o.warnings.push(
      `labelled 実績 but FY${o.fiscal_year} had not started at the report date (${asOf!.text}): read as a plan`,
    );
  },
  examples: [
    {
      name: 'example.tsv',
      text: '事業\t2020年度の実績\t2021年度の実績\t（2021年1月時点）\n移動支援（人）\t41\t44\t\n',
      expect: { value_kind: 'plan', fiscal_year: 2021, value: 44 },
    },
  ],
});

export const pastYearOfProjection = rule<ObservationContext>({
  id: 'kind.past-year-of-projection',
  family: 'kind',
  stage: 'revisit-document',
  priority: 12,
  summary:
    "A projection table (`被保険者数の推計`, a plan only by its caption) starts from years already over when the document was written: a value of a fiscal year that ended before the document's date is a result, with a warning.",
  applies: ({ o, asOf }) =>
    !!asOf &&
    o.value_kind === 'plan' &&
    o.rules.includes('kind.caption') &&
    o.period_kind === 'fy' &&
    !!o.period_end &&
    o.period_end < asOf.start,
  apply({ o, asOf }) {
    o.value_kind = 'actual';
    o.warnings.push(
      `a projection's FY${o.fiscal_year} had ended at the document's date (${asOf!.text}): read as a result`,
    );
  },
  examples: [
    {
      name: 'example.txt',
      text: '介護保険事業計画 資料\n\n令和6年11月\n\n要介護認定者数の推計\n\n年度\t認定者数（人）\n令和5年度\t4,820\n令和8年度\t5,160\n',
      expect: { value_kind: 'actual', fiscal_year: 2023, value: 4820 },
    },
  ],
});

export const undatedResultLatest = rule<ObservationContext>({
  id: 'period.undated-result-latest',
  family: 'period',
  stage: 'revisit-document',
  priority: 20,
  summary:
    "A result written in a sheet's cell that states no year (`…事業所の確保 1か所`), or its rate or difference to the plan (`見込量の94.3％`), in a document with no report year, reports the state as of the latest results the document's tables give.",
  applies: ({ o }) => o.warnings.includes(UNDATED_RESULT),
  apply({ o, latestResult }) {
    o.warnings = o.warnings.filter((w) => w !== UNDATED_RESULT);
    if (latestResult == null) return false;
    const p = fyPeriod(latestResult, `${latestResult}年度`);
    o.fiscal_year = p.fiscalYear;
    o.period_kind = p.kind;
    o.period_start = p.start;
    o.period_end = p.end;
    o.warnings.push(`no year stated: FY${latestResult}, the latest year of the document's results`);
  },
  examples: [
    {
      name: 'example.tsv',
      text: '項目\t令和4年度実績\t令和5年度実績\t取組状況\n相談支援専門員数（人）\t12\t14\t基幹相談支援センターを1か所設置した\n',
      expect: { value: 1, fiscal_year: 2023 },
    },
  ],
});

/** An average over several years (`過去５年間平均`, `3か年平均`) is of no single year. */
const SEVERAL_YEARS =
  /(?:過去|直近)\s*[0-9０-９一二三四五六七八九十]+\s*(?:年|か年|カ年|ヵ年)|[0-9０-９一二三四五六七八九十]+\s*(?:年間|か年|カ年|ヵ年)\s*平均/u;

export const documentYearUndated = rule<ObservationContext>({
  id: 'period.document-year',
  family: 'period',
  stage: 'revisit-document',
  priority: 30,
  summary:
    'A value no header, heading or sentence dates, in a document that is no plan and is about one year (`財政状況等一覧表（平成21年度決算）`, `令和6年度 一般会計予算書`, a release dated `令和3年4月7日`), falls on that year, with a warning; an average over several years keeps none.',
  applies: ({ o, documentYear }) =>
    o.fiscal_year === null &&
    documentYear?.fiscalYear != null &&
    !SEVERAL_YEARS.test(`${o.indicator_label} ${o.subgroup ?? ''} ${o.measure ?? ''}`),
  apply({ o, documentYear }) {
    const p = fyPeriod(documentYear!.fiscalYear!, documentYear!.text);
    o.fiscal_year = p.fiscalYear;
    o.period_kind = p.kind;
    o.period_start = p.start;
    o.period_end = p.end;
    o.warnings.push(`no year stated: FY${p.fiscalYear}, the year the document is about (${documentYear!.text})`);
  },
  examples: [
    {
      name: 'example.txt',
      text: '財政状況一覧（令和4年度決算）\n\n1 一般会計等の財政状況\n\n歳入と歳出の総額は次のとおりです。\n\n区分\t歳入総額\t歳出総額\n一般会計（百万円）\t41,250\t40,180\n',
      expect: { fiscal_year: 2022, value: 41250000000 },
    },
  ],
});

/** Units of events that are counted over a period: what a count of them in one fiscal year becomes. */
const PER_YEAR: Record<string, string> = { time: 'time/year', case: 'case/year' };

/** A catalog entry counted per month in 回 or 件 (保育所等訪問支援's 回/月, a kaigo service's 回数): not per year. */
const monthlyEntry = (id: string | null) =>
  !!id && (entryById(id)?.units ?? []).some((u) => /^(?:回|件)\/月$/u.test(u.normalize('NFKC')));

/**
 * Counts written without their period that the catalog's period completes: a service's 回 and 件 counted per month
 * (per year is `unit.events-per-fiscal-year`'s), and its 日, which are person-days (人日) in the catalog's period.
 */
const BARE_COUNT: Record<string, { base: string; per?: string }> = {
  time: { base: 'time', per: 'month' },
  case: { base: 'case', per: 'month' },
  person_day: { base: 'person_day' },
  day: { base: 'person_day' },
};

/** Words that state a period or a point in time of their own (`年間`, `月平均`, `年度末`, `3月末時点`). */
const OWN_PERIOD =
  /年間|年計|年あたり|年当たり|年当り|累計|月平均|月あたり|月当たり|月当り|月間|毎月|毎年|年度末|月末|時点|現在/u;

/** Words that count over a year (`年間回数`, `年計`, `1年あたり`). */
const YEARLY = /年間|年計|年あたり|年当たり|年当り|毎年/u;

/** The words an observation is named and placed by: its section, indicator, measure and unit as written. */
const observationWords = (o: Observation) =>
  `${o.section ?? ''} ${o.indicator_label} ${o.measure ?? ''} ${o.unit_text ?? ''}`.normalize('NFKC');

/**
 * The unit the catalog counts a bare count of an indicator in: `回` of 訪問看護 (介護保険's visits, 回/月) →
 * time/month, `日` of 短期入所生活介護 (日/月) → person_day/month. Null when the entry counts that thing in no
 * period, in several, or also bare (平均生活日数's `日`).
 */
function catalogPeriod(o: Observation): string | null {
  const bare = o.unit ? BARE_COUNT[o.unit] : undefined;
  const entry = bare && o.indicator_id ? entryById(o.indicator_id) : null;
  if (!bare || !entry) return null;
  const units = entry.units.map((u) => unitInfo(u)?.unit).filter((u): u is string => !!u);
  if (units.some((u) => u === o.unit || u === bare.base)) return null;
  const periods = new Set(units.filter((u) => u.startsWith(`${bare.base}/`)));
  const only = periods.size === 1 ? [...periods][0]! : null;
  return only && (!bare.per || only === `${bare.base}/${bare.per}`) ? only : null;
}

export const catalogPeriodOfBareCount = rule<ObservationContext>({
  id: 'unit.catalog-period',
  family: 'unit',
  stage: 'revisit-document',
  priority: 85,
  summary:
    "Family \"a count written without its period\": many plans write a service's monthly volume with what is counted alone (`回数（回）`, `回`, `日数（日）`: the catalog's «seen as» spellings of 回/月 and 日/月). A bare `回` or `件` of a fiscal year whose catalog entry counts it per month (介護保険's visits 回/月: 訪問看護, 通所介護 …; 保育所等訪問支援's 回/月) is time/month or case/month, not per year; a service's bare `日` are person-days in the period its entry counts them (短期入所生活介護 日/月 → person_day/month) — unless the labels or section state a period or a point in time of their own (`年間`, `月平均`, `年度末`), or the entry counts that thing bare or in two periods.",
  applies: ({ o }) =>
    o.period_kind === 'fy' &&
    o.fiscal_year !== null &&
    !o.rules.includes('period.document-year') &&
    // (days an activity is held are days, not a service's 人日: `unit.days-held`)
    !o.rules.includes('unit.days-held') &&
    !OWN_PERIOD.test(observationWords(o)) &&
    catalogPeriod(o) !== null,
  apply({ o }) {
    o.unit = catalogPeriod(o);
  },
  examples: [
    {
      name: 'example.tsv',
      text: '2 居宅サービスの計画値と実績値\n\nサービス\t区分\t令和6年度計画\t令和6年度実績\n通所介護\t回数（回）\t2,410\t2,296\n\t人数（人/月）\t288\t275\n',
      expect: { unit: 'time/month', value: 2296, value_kind: 'actual' },
    },
    {
      name: 'example.tsv',
      text: '3 短期入所系サービス\n\nサービス\t単位\t令和6年度\t令和7年度\n短期入所生活介護\t日\t512\t540\n',
      expect: { unit: 'person_day/month', value: 540, fiscal_year: 2025 },
    },
  ],
});

export const eventsPerFiscalYear = rule<ObservationContext>({
  id: 'unit.events-per-fiscal-year',
  family: 'unit',
  stage: 'revisit-document',
  priority: 90,
  summary:
    "Events counted in one fiscal year are per year whether or not `/年` is written: `開催回数：5回` in a 令和3年度 result is `time/year` like `年5回`, `相談件数 412件` of a year is `case/year` like `412件/年` — once every rule has dated the value (a fiscal year, or a day in one); not a 年度末 count, a value dated only by the year a document is about (a release, a report), nor an indicator the catalog counts per month unless its words say a year (`年間回数（回）`). A budget book's or settlement report's year is the fiscal year its amounts are appropriated or spent in: the counts of its 説明 (`委員会 6回`, `事務取扱 118,855件`) are that year's events, per year.",
  applies: ({ o, accountBook }) =>
    o.unit !== null &&
    o.unit in PER_YEAR &&
    (o.period_kind === 'fy' || o.period_kind === 'date') &&
    o.fiscal_year !== null &&
    (accountBook || !o.rules.includes('period.document-year')) &&
    // (a count the catalog counts per month is per year where its labels say so: `年間回数（回）`)
    (!monthlyEntry(o.indicator_id) || YEARLY.test(observationWords(o))),
  apply({ o }) {
    o.unit = PER_YEAR[o.unit!]!;
  },
  examples: [
    {
      text: '令和3年度の取組の実績\n\n・ボランティア連絡会の開催回数：5回\n',
      expect: { unit: 'time/year', value: 5, fiscal_year: 2021 },
    },
    {
      name: 'example.tsv',
      text: '項目\t令和4年度\t令和5年度\n出張相談の件数（件）\t38\t41\n',
      expect: { unit: 'case/year', value: 41, fiscal_year: 2023 },
    },
    {
      text: '令和7年度 一般会計予算に関する説明書\n\n地域ケア会議の開催 12回\n',
      expect: { unit: 'time/year', value: 12, fiscal_year: 2025, value_kind: 'plan' },
    },
  ],
});

/**
 * The account caption a label ends with (`３款 民生費`, `2項 固定資産税`, a caption line read with the captions
 * above it): its level and name, blanks removed; null for any other label.
 */
function accountCaption(label: string): string | null {
  const m = /([0-9]+)\s*([款項])\s*([^\s0-9,]+(?:\s[^\s0-9,]+)?)\s*$/u.exec(label.normalize('NFKC'));
  return m ? `${m[2]}${m[3]!.replace(/\s+/gu, '')}` : null;
}

/** Document order of two observations: page first, then the order they were read in. */
const readBefore = (a: Observation, b: Observation, all: Observation[]) =>
  (a.page ?? 0) < (b.page ?? 0) || ((a.page ?? 0) === (b.page ?? 0) && all.indexOf(a) < all.indexOf(b));

export const accountCaptionRestated = rule<ObservationContext>({
  id: 'skip.account-caption-restated',
  family: 'skip',
  stage: 'skip-document',
  priority: 10,
  summary:
    "Budget books: a 款 or 項 caption with its amount (`１款 市税 49,286,300千円`) is printed again above every block and page; it is counted once, where first stated — and not at all where a 項's 計 row on the same or the next page states its amount (the 計 row counts).",
  applies: ({ o, peers }) => {
    const caption = accountCaption(o.indicator_label);
    if (!caption) return false;
    return peers.some(
      (p) =>
        p !== o &&
        p.value === o.value &&
        ((accountCaption(p.indicator_label) === caption && readBefore(p, o, peers)) ||
          (caption.startsWith('項') &&
            p.subgroup === '計' &&
            p.fiscal_year === o.fiscal_year &&
            p.value_kind === o.value_kind &&
            Math.abs((p.page ?? 0) - (o.page ?? 0)) <= 1)),
    );
  },
  apply() {},
  examples: [
    {
      name: 'example.txt',
      text: '令和7年度 一般会計予算書\n\n４款 衛生費 3,120,500千円\n\n１項 保健衛生費 1,204,300千円\n\n（単位：千円）\n\n目\t本年度予算額\t前年度予算額\t比較\n1 保健衛生総務費\t1,204,300\t1,180,000\t24,300\n計\t1,204,300\t1,180,000\t24,300\n\n４款 衛生費 3,120,500千円\n\n２項 清掃費 1,916,200千円\n',
    },
  ],
});

export const accountTotalFromCaptionTable = rule<ObservationContext>({
  id: 'label.account-total-from-caption-table',
  family: 'label',
  stage: 'revisit-document',
  priority: 50,
  summary:
    "Budget books: a bare `計` row named by its corner's level (`目 | 本年度予算額 …`) whose 項 caption was read as a little table of its own above it (`１款 市税 49,286,300千円 | １項 市民税 18,719,000千円` at the top of a page) totals that 項 — the nearest 項 caption before it on its page whose amount the row states: that 項 is its indicator, `計` its subgroup; in a column whose header names a part (`財源内訳 特定財源 国県支出金`), the 項 comes before that header.",
  applies: ({ o, peers, accountBook }) => !!accountBook && !!captionTotalled(o, peers),
  apply({ o, peers }) {
    o.indicator_label = captionTotalled(o, peers)!;
  },
  examples: [
    {
      name: 'example.html',
      text: '<p>令和7年度 一般会計予算書</p><table><tr><td>4款 衛生費</td><td>3,120,500千円</td></tr><tr><td>2項 清掃費</td><td>1,916,200千円</td></tr></table><p>（単位：千円）</p><table><tr><td>目</td><td>本年度予算額</td><td>前年度予算額</td><td>比較</td></tr><tr><td>1 清掃総務費</td><td>416,200</td><td>401,000</td><td>15,200</td></tr><tr><td>2 じん芥処理費</td><td>1,500,000</td><td>1,462,000</td><td>38,000</td></tr><tr><td>計</td><td>1,916,200</td><td>1,863,000</td><td>53,200</td></tr></table>',
      expect: { label: '清掃費', subgroup: '計', value: 1863000000 },
    },
    {
      name: 'example.html',
      text: '<p>令和7年度 一般会計予算書</p><table><tr><td>4款 衛生費</td><td>3,120,500千円</td></tr><tr><td>2項 清掃費</td><td>1,916,200千円</td></tr></table><p>（単位：千円）</p><table><tr><td>目</td><td>本年度予算額</td><td>前年度予算額</td><td>比較</td><td>国県支出金</td><td>一般財源</td></tr><tr><td>1 清掃総務費</td><td>416,200</td><td>401,000</td><td>15,200</td><td>12,000</td><td>404,200</td></tr><tr><td>2 じん芥処理費</td><td>1,500,000</td><td>1,462,000</td><td>38,000</td><td>90,000</td><td>1,410,000</td></tr><tr><td>計</td><td>1,916,200</td><td>1,863,000</td><td>53,200</td><td>102,000</td><td>1,814,200</td></tr></table>',
      expect: { label: '清掃費 国県支出金', subgroup: '計', value: 102000000 },
    },
  ],
});

/** The 項 a bare `目 / 計` row totals, by the caption table above it on its page; null when none. */
function captionTotalled(o: Observation, peers: Observation[]): string | null {
  if (o.subgroup !== '計' || o.table_index === null) return null;
  if (o.rules.includes('label.account-total-from-caption-table')) return null;
  const isLevel = (label: string) => (ACCOUNT_LEVEL_WORDS as readonly string[]).includes(label.replace(/\s+/gu, ''));
  const row = peers.filter((q) => q.table_index === o.table_index && q.row === o.row);
  // (a column whose header names a part, `財源内訳 特定財源 国県支出金`, in a 計 row whose amounts the corner's level
  // word names: the 項 before that header, as a 目 row's name stands before it)
  const part =
    !isLevel(o.indicator_label) &&
    !o.rules.includes('label.corner') &&
    row.some(
      (q) =>
        q.rules.includes('label.corner') &&
        (isLevel(q.indicator_label) || q.rules.includes('label.account-total-from-caption-table')),
    );
  if (!isLevel(o.indicator_label) && !part) return null;
  const rowValues = new Set(row.map((q) => q.value));
  const caption = peers
    .filter(
      (p) =>
        p.table_index !== null &&
        p.table_index < o.table_index! &&
        p.page === o.page &&
        accountCaption(p.indicator_label)?.startsWith('項') &&
        rowValues.has(p.value),
    )
    .pop();
  if (!caption) return null;
  const item = accountCaption(caption.indicator_label)!.slice(1);
  return part ? `${item} ${o.indicator_label}` : item;
}

/** The item a label names first (`1 現年課税分 節 金額` → 現年課税分): the row's own name before any header word. */
const itemName = (label: string) => stripNumbering(label.normalize('NFKC')).split(/\s+/u)[0] ?? '';

/** A 節 written with its number (`1 現年課税分`). */
const NUMBERED = /^[0-9]+\s+\S/u;

/** Whether `p` stands left of `o` on the same text line: by their cells' boxes, else in one table row. */
function leftOnSameLine(p: Observation, o: Observation, box: ObservationContext['cellBox']): boolean {
  const a = box?.(p);
  const b = box?.(o);
  if (a && b) {
    const mid = (b.y0 + b.y1) / 2;
    return a.page === b.page && a.x1 <= b.x0 + 1 && mid >= a.y0 && mid <= a.y1;
  }
  return p.table_index === o.table_index && p.row === o.row && (p.col ?? 0) < (o.col ?? 0);
}

export const explanationRestatesItem = rule<ObservationContext>({
  id: 'skip.explanation-restates-item',
  family: 'skip',
  stage: 'skip-document',
  priority: 20,
  summary:
    'Family "a 説明 line restating its 節" (budget books, docs/OBSERVATIONS.md): the first 説明 line of a 節 often repeats the 節 beside it on the same line (`1 現年課税分 16,084,000 | 現年課税分 16,084,000`) — written once, counted once: the 説明 amount with the same name, value, year and kind right of the 節 is dropped; a line naming it otherwise (`交付金 55,000`) or writing words in its cell stays.',
  applies: ({ o, peers, accountBook, cellBox, rowLabel }) => {
    if (!accountBook || o.table_index === null || /[^\d,.\s△▲-]/u.test(o.value_text.normalize('NFKC'))) return false;
    // (the 説明 line writes its item without the 節's number; the 節 with it — `1 現年課税分` — and a 目 and its only
    // 節, both numbered, are two levels of the account, each counted; two amounts of one row label are not it)
    const own = rowLabel?.(o);
    if (!own || NUMBERED.test(own.text.normalize('NFKC'))) return false;
    const name = itemName(own.text);
    if (name.length < 2) return false;
    return peers.some((p) => {
      if (p === o || p.table_index === null || p.value !== o.value) return false;
      if (p.fiscal_year !== o.fiscal_year || p.value_kind !== o.value_kind || p.unit !== o.unit) return false;
      const item = rowLabel?.(p);
      return (
        !!item &&
        NUMBERED.test(item.text.normalize('NFKC')) &&
        itemName(item.text) === name &&
        leftOnSameLine(p, o, cellBox)
      );
    });
  },
  apply() {},
  examples: [
    {
      name: 'example.tsv',
      text: '令和7年度 下水道事業特別会計予算に関する説明書\n\n（単位：千円）\n\n節\t金額\t説明\t金額\n1 委託料\t2,450\t委託料\t2,450\n\t\t管路調査委託\t1,200\n',
    },
  ],
});

export const ocrLettersInNumber = rule<ObservationContext>({
  id: 'check.ocr-letters-in-number',
  family: 'check',
  stage: 'revisit-document',
  priority: 40,
  summary:
    'Family "OCR-broken numbers" (prose and any cell the table rules did not warn on): a value whose written text the text repair read with a letter for a digit, a blank for a decimal point or a comma for one (`1.O8倍`, `6o人`, `2, 3%`) carries a warning naming what was written, and so less confidence.',
  applies: ({ o }) =>
    !o.warnings.some((w) => w.startsWith('OCR:')) && normalizeText(o.value_text).fixes.includes(FIXES.ocrDigits),
  apply({ o }) {
    o.warnings.push(`OCR: «${o.value_text}» read as ${o.value}${o.unit ? ` ${o.unit}` : ''}`);
  },
  examples: [
    {
      name: 'example.txt',
      text: '令和6年度の一般就労移行者数は基準値の1.O5倍となった。\n',
      expect: { value: 1.05, unit: 'ratio' },
    },
  ],
});

export const DOCUMENT_OBSERVATION_RULES = [
  actualAfterReportDate,
  pastYearOfProjection,
  undatedResultLatest,
  documentYearUndated,
  catalogPeriodOfBareCount,
  eventsPerFiscalYear,
  accountCaptionRestated,
  accountTotalFromCaptionTable,
  explanationRestatesItem,
  ocrLettersInNumber,
];
