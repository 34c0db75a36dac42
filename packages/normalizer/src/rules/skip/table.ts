/** Skip rules of tables: cells whose numbers are not the city's observations. Stage `skip` (first applies). */
import { ACCOUNT_LEVEL_WORDS, GUIDELINE_LEAD, isGuidelineText, RECORD_ATTRIBUTE_HEADERS } from '@shiryo/model';
import { isPerBasis } from '../../labels.js';
import { rule } from '../engine.js';
import type { ObservationContext } from '../observation-context.js';
import type { CellContext, TableLayout } from '../table-context.js';

export const tableWithoutHeaders = rule<TableLayout>({
  id: 'skip.table-without-headers',
  family: 'skip',
  stage: 'skip-table',
  priority: 10,
  summary: 'A table with neither header rows nor stub columns names nothing its numbers could be read by.',
  applies: (L) => L.headerRows === 0 && L.stubCols === 0,
  apply(L) {
    L.skip = 'no header rows and no stub columns';
  },
  examples: [{ name: 'example.tsv', text: '12\t15\t18\n21\t24\t27\n' }],
});

export const mergedCellRepeat = rule<CellContext>({
  id: 'skip.merged-cell-repeat',
  family: 'skip',
  stage: 'skip',
  priority: 10,
  summary: 'A merged cell is read once, at its top-left position; the positions it covers are not new values.',
  applies: (x) => !x.L.isTopLeft(x.r, x.c),
  apply(x) {
    x.skip = 'covered by a merged cell';
  },
  examples: [
    {
      name: 'example.html',
      text: '<table><tr><th>事業</th><th>令和4年度</th><th>令和5年度</th></tr><tr><td>相談支援事業（か所）</td><td colspan="2">3</td></tr></table>',
    },
  ],
});

export const nationalGuidelineColumn = rule<CellContext>({
  id: 'skip.national-guideline-column',
  family: 'skip',
  stage: 'skip',
  priority: 20,
  summary:
    "A column of the national guideline (`国の成果目標`, `基本指針`) states the country's targets, not the city's.",
  applies: (x) => !!x.L.national[x.c],
  apply(x) {
    x.skip = 'national guideline column';
  },
  examples: [
    {
      name: 'example.tsv',
      text: '項目\t国の基本指針\t市の目標値（令和8年度）\n地域生活移行者数（人）\t6\t4\n',
    },
  ],
});

export const guidelineRow = rule<CellContext>({
  id: 'skip.guideline-row',
  family: 'skip',
  stage: 'skip',
  priority: 21,
  summary:
    "Family \"a guideline set above the city\": a row led by the guideline (`国の指針`, `（国の基本指針）`, `県の目標` under the city's 目標値 row) states the country's or the prefecture's figures, not the city's — as its column does.",
  applies: (x) => x.texts.some((t) => GUIDELINE_LEAD.test(t.normalize('NFKC')) && isGuidelineText(t)),
  apply(x) {
    x.skip = 'guideline row';
  },
  examples: [
    {
      name: 'example.tsv',
      text: '区分\t令和7年度\t令和8年度\n就労定着率8割以上の事業所（%）\t25\t30\n県の目標\t\t25\n',
    },
  ],
});

/** A column header that is an account level word alone (`節`, `款`), brackets and blanks aside. */
const accountLevelHeader = (text: string) =>
  (ACCOUNT_LEVEL_WORDS as readonly string[]).includes(text.normalize('NFKC').replace(/[\s()（）]/gu, ''));

export const accountCodeColumn = rule<CellContext>({
  id: 'skip.account-code-column',
  family: 'skip',
  stage: 'skip',
  priority: 25,
  summary:
    "Budget tables: a column headed by an account level alone (`節`, `款`, `目`) holds the items' code numbers (`1`, `12`), not amounts.",
  applies: (x) =>
    x.cols.length > 0 &&
    x.cols.every((p) => accountLevelHeader(p.text)) &&
    /^\s*\d{1,3}\s*$/u.test(x.L.text(x.r, x.c).normalize('NFKC')),
  apply(x) {
    x.skip = 'account code column';
  },
  examples: [{ name: 'example.tsv', text: '節\t区分\t金額（千円）\n13\t使用料及び賃借料\t2,480\n' }],
});

export const perBasisCell = rule<CellContext>({
  id: 'skip.per-basis-cell',
  family: 'skip',
  stage: 'skip',
  priority: 26,
  summary:
    'Family "a basis beside an amount" (a subsidy table: `2,850,000円 | 1床当り`, `施設当り`): a cell that is a per-unit basis alone states what the amount beside it is per, not a count of one.',
  applies: (x) => isPerBasis(x.L.text(x.r, x.c).replace(/\s+/gu, '')),
  apply(x) {
    x.skip = 'per-unit basis';
  },
  examples: [{ name: 'example.tsv', text: '施設\t補助単価\t単位\nグループホーム\t1,200,000円\t１床あたり\n' }],
});

/** A product of figures alone (`883,000×98.8％`, `3,966,000×1.4%`, `12人×3回`): how an amount is computed. */
const PRODUCT = /^[0-9,.]+[^0-9\s×*]{0,2}(?:[×*][0-9,.]+[^0-9\s×*]{0,2})+$/u;

export const productFormulaCell = rule<CellContext>({
  id: 'skip.product-formula-cell',
  family: 'skip',
  stage: 'skip',
  priority: 28,
  summary:
    'Family "the basis of an amount" (a budget book\'s 説明: `調定見込額 | 883,000×98.8％`, `算定標準額 | 3,966,000×1.4%`): a cell that is a product of figures alone states how an amount is computed — its factors are not observations.',
  applies: (x) => PRODUCT.test(x.L.text(x.r, x.c).normalize('NFKC').replace(/\s+/gu, '')),
  apply(x) {
    x.skip = 'product formula';
  },
  examples: [{ name: 'example.tsv', text: '区分\t金額（千円）\t算定\n保育料\t1,200\t2,400×50％\n' }],
});

/** The rows of a table numbered 1, 2, 3 … in its first column: a list of records (cases, persons), not counts. */
const numbersItsRows = (L: TableLayout) => {
  const rows = L.nR - L.headerRows;
  if (rows < 2) return false;
  for (let r = L.headerRows; r < L.nR; r++)
    if (L.text(r, 0).normalize('NFKC').replace(/\s+/gu, '') !== String(r - L.headerRows + 1)) return false;
  return true;
};

export const recordListColumns = rule<CellContext>({
  id: 'skip.record-list-columns',
  family: 'skip',
  stage: 'skip',
  priority: 27,
  summary:
    'Family "case lists" (a press release\'s list of deaths or severe cases: `1 | 70 | 男 | 4月5日`): in a table whose first column numbers its rows 1, 2, 3 …, that column holds row numbers and a column headed by an age band (`年代`, `年齢`) an attribute of each record — neither is a count.',
  applies: (x) =>
    numbersItsRows(x.L) &&
    (x.c === 0 ||
      x.cols.some((p) =>
        (RECORD_ATTRIBUTE_HEADERS as readonly string[]).includes(p.text.normalize('NFKC').replace(/\s+/gu, '')),
      )),
  apply(x) {
    x.skip = 'record list: row number or attribute';
  },
  examples: [{ name: 'example.tsv', text: '事故\t年代\t性別\n1\t30\t女\n2\t60\t男\n3\t40\t男\n' }],
});

export const committeeOpinionColumn = rule<CellContext>({
  id: 'skip.committee-opinion-column',
  family: 'skip',
  stage: 'skip',
  priority: 30,
  summary:
    "A review sheet's column of what its committee said (`協議会等意見`) asks and suggests (`2床程度確保してほしい`): its numbers are not the city's.",
  applies: (x) => x.c > 0 && !!x.L.opinion[x.c],
  apply(x) {
    x.skip = "committee's opinion column";
  },
  examples: [
    {
      name: 'example.tsv',
      text: '区分\t評価 (C)\t協議会等意見\t改善 (A)\n短期入所\t利用が増えた\t3床\t検討する\n',
    },
  ],
});

export const noLabel = rule<CellContext>({
  id: 'skip.no-label',
  family: 'skip',
  stage: 'skip-unlabelled',
  priority: 10,
  summary: 'A number that no row, column, corner or heading names is not an observation.',
  applies: (x) => !x.indicator,
  apply(x) {
    x.skip = 'nothing names the value';
  },
  examples: [{ name: 'example.tsv', text: '\t令和5年度\n\t12\n' }],
});

export const sentenceRestatesRowValue = rule<ObservationContext>({
  id: 'skip.sentence-restates-row-value',
  family: 'skip',
  stage: 'sentence',
  priority: 10,
  summary:
    "A sentence in a table cell that repeats a value of the row's own cells restates it: the same kind of the same year, or any value under a header that says how the targets were set (`目標値設定の考え方`). Only a base it names in brackets (`…時点の施設入所者数(72人)`) is new.",
  applies: ({ o, peers, cellText, reasoning }) =>
    o.value_kind !== 'baseline' &&
    !(cellText ?? '').includes(`(${o.value_text}`) &&
    peers.some(
      (d) =>
        d.col !== o.col &&
        d.value === o.value &&
        d.unit === o.unit &&
        (!!reasoning || (d.value_kind === o.value_kind && d.fiscal_year === o.fiscal_year)),
    ),
  apply() {},
  examples: [
    {
      name: 'example.tsv',
      text: '成果目標\t目標値（令和8年度）\t目標値設定の考え方\n地域生活移行者数（人）\t4人\t令和4年度末の入所者のうち、4人が地域生活へ移行することを目標とする。\n',
    },
  ],
});
