/**
 * Layout rules: which rows of a table are headers, which columns are stubs (labels), what each column's header
 * says and what each body row is labelled by. Stages: `header-rows` → `stub-columns` → `headers`.
 */

import type { Quantity } from '@shiryo/model';
import {
  ANSWER_WORDS,
  BOUND_WORDS,
  BUDGET_KIND_STEMS,
  KIND_PAIR_SPLIT,
  KIND_WORDS,
  kindOfWord,
  OCR_DIGIT_LETTERS,
  OCR_MINUS_READINGS,
  PDCA_STAGE,
  wordsPattern,
} from '@shiryo/model';
import { findPeriods } from '../../period/index.js';
import { canonicalUnit, splitLabelUnit, unitInfo } from '../../quantity/index.js';
import { dataValue, holdsCount, normalized, type Piece, readPiece } from '../../table/pieces.js';
import { rule } from '../engine.js';
import type { TableLayout } from '../table-context.js';

export const stageRow = (L: TableLayout, r: number) => PDCA_STAGE.test(L.text(r, 0).normalize('NFKC'));
export const rowHasNumbers = (L: TableLayout, r: number) => {
  for (let c = 1; c < L.nC; c++) if (L.hasNumber(r, c) && !readPiece(L.text(r, c), L.ctx.periods).period) return true;
  return false;
};
export const maxHeaderRows = (L: TableLayout) => Math.min(4, L.nR - 1);
const ANSWER = new RegExp(`^(?:${wordsPattern(ANSWER_WORDS)})$`, 'u');

export const headerRowsBeforeData = rule<TableLayout>({
  id: 'layout.header-rows-before-data',
  family: 'layout',
  stage: 'header-rows',
  priority: 10,
  summary:
    'Without header rows from the extractor, the leading rows with no number in any column but the first are headers (at most 4); a row with a sentence reporting numbers, or a PDCA stage row, is a body row.',
  applies: (L) => L.headerRows === 0,
  apply(L) {
    // A row with a sentence that reports numbers (`…事務連絡会6回、事例検討会6回…を開催し、…。`) is a body row of
    // a sheet, not a header, though no cell of it is a number alone.
    const rowReports = (r: number) => {
      for (let c = 1; c < L.nC; c++) {
        const t = L.text(r, c);
        if (t.length > 30 && /。/.test(t) && /[0-9０-９]/.test(t)) return true;
      }
      return false;
    };
    // A row whose first cell names a stage of a PDCA cycle (`計画 (P) ↓ 実施 (D)`, `評価（Ｃ）`) is a part of a review
    // sheet: what the plan set and did, then what was found. Its cells (`目標値`) are that stage's, not headers of
    // the rows below; stages named across a row (`区分 | 評価 (C) | 改善 (A)`) do head columns.
    while (
      L.headerRows < maxHeaderRows(L) &&
      !rowHasNumbers(L, L.headerRows) &&
      !rowReports(L.headerRows) &&
      !stageRow(L, L.headerRows)
    )
      L.headerRows++;
    return L.headerRows > 0;
  },
  examples: [
    {
      name: 'example.tsv',
      text: 'サービス、単位\t令和4年度\t令和5年度\n移動支援 利用者数（人/月）\t42\t45\n',
      expect: { fiscal_year: 2023, value: 45 },
    },
  ],
});

export const headerRowsOfKindWords = rule<TableLayout>({
  id: 'layout.header-rows-of-kind-words',
  family: 'layout',
  stage: 'header-rows',
  priority: 20,
  summary:
    "Below the extractor's header rows, a row with no data whose cells name periods or kinds (`計画 | 実績 | 計画 | 実績` under `令和6年度 | | 令和7年度 |`) is one more header row, and so are the rows of labels above it; a cell stating a count with its unit ends the header.",
  applies: (L) => L.headerRows > 0,
  apply(L) {
    const before = L.headerRows;
    // (rows of labels alone, `利用者数(人/月) | 利用日数(日/月)` between the groups and the kind words, are headers
    // when a row of such words follows them before the data)
    for (let r = L.headerRows; r < maxHeaderRows(L) && !rowHasNumbers(L, r) && !stageRow(L, r); r++) {
      let words = 0;
      let counts = 0;
      for (let c = 1; c < L.nC; c++) {
        const p = readPiece(L.text(r, c), L.ctx.periods);
        if (p.kind || p.period) words++;
        // `11人（基準値の入所者数の6％以上）`, `5人（令和4年度末までの累計）`: a count with its unit is a value
        if (holdsCount(L.text(r, c))) counts++;
      }
      if (counts > 0) break;
      if (words > 0) L.headerRows = r + 1;
    }
    return L.headerRows > before;
  },
  examples: [
    {
      name: 'example.html',
      text: '<table><thead><tr><th>サービス</th><th>令和6年度</th><th></th><th>令和7年度</th><th></th></tr></thead><tbody><tr><td></td><td>計画</td><td>実績</td><td>計画</td><td>実績</td></tr><tr><td>短期入所（人日/月）</td><td>120</td><td>98</td><td>130</td><td>101</td></tr></tbody></table>',
      expect: { fiscal_year: 2024, value_kind: 'actual', value: 98 },
    },
  ],
});

export const headerRowsOfLabels = rule<TableLayout>({
  id: 'layout.header-rows-of-labels',
  family: 'layout',
  stage: 'header-rows',
  priority: 30,
  summary:
    "Header words in labels: below the extractor's header rows, a row with no number that names every value column, or spans them from the first (`| | 生活介護 | 生活介護 | 就労定着支援 |`, `| 区分 | 身体障害者手帳 | 療育手帳 |`, `| | | 第8期 | 第9期計画 | |` under one markdown header row) is one more header row, not a row labelling no value; a group row (a label in its first cell only), a sentence, an answer (`有`, `○`) or a count with its unit, alone or after its date (`令和4年度末 248人`), ends the header.",
  applies: (L) => L.headerRows > 0,
  apply(L) {
    const before = L.headerRows;
    // The value columns: those holding a number in a row below.
    const valued = (from: number) => {
      const cols: number[] = [];
      for (let c = 1; c < L.nC; c++) {
        for (let r = from; r < L.nR; r++)
          if (rowHasNumbers(L, r) && L.hasNumber(r, c)) {
            cols.push(c);
            break;
          }
      }
      return cols;
    };
    while (L.headerRows < maxHeaderRows(L) && !rowHasNumbers(L, L.headerRows) && !stageRow(L, L.headerRows)) {
      const r = L.headerRows;
      const cols = valued(r + 1);
      if (cols.length === 0) break;
      // (one cell spanning the stub and every value column, `<td colspan="5">（2）地域密着型サービス</td>`, is a group
      // row heading the rows below it, not a header naming the columns)
      const first = L.grid[r]?.[0];
      if (first?.text.trim() && cols.every((c) => L.grid[r]?.[c] === first)) break;
      const texts = cols.map((c) => L.text(r, c).trim());
      // A blank right of a named cell is that cell's span flattened (`| 第8期 | 第9期計画 | | |`).
      const covered = texts.every((t, i) => (t ? t.length <= 40 && !/[。]/u.test(t) : i > 0));
      // (`11人（基準値の入所者数の6％以上）`: a count with its unit is a value written in words, and so is one after
      // its date, `令和4年度末 248人`; a number inside a label, `就労定着率7割以上の事業所の割合`, is not)
      const value = (t: string) => (/^[^\p{L}]*[0-9０-９]/u.test(t) || findPeriods(t).length > 0) && holdsCount(t);
      if (!covered || texts.some((t) => ANSWER.test(t) || value(t))) break;
      L.headerRows++;
    }
    return L.headerRows > before;
  },
  examples: [
    {
      // (an HTML table with one <th> row: the markdown reader now takes such rows as header rows itself)
      name: 'example.html',
      text: '<table><tr><th></th><th>利用者数</th><th>利用者数</th></tr><tr><td>区分</td><td>短期入所</td><td>共同生活援助</td></tr><tr><td>令和5年度</td><td>31</td><td>58</td></tr></table>',
      expect: { label: '短期入所', fiscal_year: 2023, value: 31 },
    },
  ],
});

export const stubColumns = rule<TableLayout>({
  id: 'layout.stub-columns',
  family: 'layout',
  stage: 'stub-columns',
  priority: 10,
  quiet: true,
  summary:
    'The leading columns whose body cells are mostly labels (not numbers) are stub columns; the first column whose numbers are at least as many as its labels starts the data.',
  applies: () => true,
  apply(L) {
    while (L.stubCols < L.nC - 1) {
      let labels = 0;
      let numbers = 0;
      for (let r = L.headerRows; r < L.nR; r++) {
        const t = L.text(r, L.stubCols);
        // (a missing marker, `―`, `－`, is a value not given: it labels nothing)
        if (!t || L.data[r]?.[L.stubCols]?.missing) continue;
        // (`1割負担`, `24時間対応` down the first column: row names that start with a count, see countLedLabel)
        if (L.stubCols === 0 && countLedLabel(t)) labels++;
        else if (L.hasNumber(r, L.stubCols) && !readPiece(t, L.ctx.periods).period) numbers++;
        else labels++;
      }
      if (numbers > 0 && numbers >= labels) break;
      if (labels === 0 && numbers === 0 && L.stubCols > 0) break;
      L.stubCols++;
    }
  },
  examples: [{ name: 'example.tsv', text: '区分\t令和5年度\n居宅介護（時間/月）\t1,204\n', expect: { value: 1204 } }],
});

export const valuedColumnEndsStubs = rule<TableLayout>({
  id: 'layout.valued-column-ends-stubs',
  family: 'layout',
  stage: 'stub-columns',
  priority: 20,
  summary:
    'A column headed by a year or a value kind whose cells mostly hold counts written in words (`・地域生活移行者数：10人` under `目標値（令和5年度）`) holds values: it and the columns right of it are not stubs.',
  applies: (L) => L.stubCols > 1,
  apply(L) {
    for (let c = 1; c < L.stubCols; c++) {
      let valued = false;
      for (let r = 0; r < L.headerRows; r++) {
        const p = readPiece(L.text(r, c), L.ctx.periods);
        if (p.period || p.kind) valued = true;
      }
      if (!valued) continue;
      let filled = 0;
      let counts = 0;
      for (let r = L.headerRows; r < L.nR; r++) {
        const t = L.text(r, c);
        if (!t || !L.isTopLeft(r, c)) continue;
        filled++;
        if (/[0-9０-９]/.test(t) && holdsCount(t)) counts++;
      }
      if (filled > 0 && counts * 2 >= filled) {
        L.stubCols = c;
        return true;
      }
    }
    return false;
  },
  examples: [
    {
      name: 'example.tsv',
      text: '成果目標\t目標値（令和8年度）\t備考\n地域生活への移行\t・地域生活移行者数：6人\t施設入所者の6％\n就労移行\t・一般就労移行者数：14人\t令和3年度実績の1.3倍\n',
      expect: { fiscal_year: 2026, value_kind: 'target', value: 6 },
    },
  ],
});

export const stageColumnEndsStubs = rule<TableLayout>({
  id: 'layout.stage-column-ends-stubs',
  family: 'layout',
  stage: 'stub-columns',
  priority: 30,
  summary:
    "A column under a PDCA stage's name in the body (`評価 (C)`, `改善 (A)`) holds what that stage reports: it and the columns right of it are not stubs.",
  applies: (L) => L.stubCols > 1,
  apply(L) {
    for (let c = 1; c < L.stubCols; c++) {
      for (let r = L.headerRows; r < L.nR; r++)
        if (PDCA_STAGE.test(L.text(r, c).normalize('NFKC'))) {
          L.stubCols = c;
          return true;
        }
    }
    return false;
  },
  examples: [
    {
      name: 'example.tsv',
      text: '項目\t内容\t実績\n相談支援体制の充実\t基幹相談支援センターの設置\t1か所\n区分\t評価 (C)\t改善 (A)\n相談支援体制の充実\t設置できた\t継続する\n',
      expect: { value: 1 },
    },
  ],
});

/**
 * The header pieces of each column read from the given header rows, top to bottom, and those over the stub columns
 * (the corner); a blank header cell right of a filled one, over a column whose lower header rows have text, is a
 * flattened column span and repeats the cell on its left (`flattened` says whether one was).
 */
function headerPieces(L: TableLayout, rows: number[]): { colPieces: Piece[][]; corner: Piece[]; flattened: boolean } {
  let flattened = false;
  const headerText = (i: number, c: number): string => {
    const t = L.text(rows[i]!, c);
    if (t || c === 0 || (c <= L.stubCols && L.stubCols < L.nC - 1)) return t;
    let below = false;
    for (let j = i + 1; j < rows.length; j++) if (L.text(rows[j]!, c)) below = true;
    if (below) flattened = true;
    return below ? headerText(i, c - 1) : '';
  };
  const colPieces: Piece[][] = [];
  for (let c = 0; c < L.nC; c++) {
    const seen = new Set<string>();
    const ps: Piece[] = [];
    for (let i = 0; i < rows.length; i++) {
      const t = headerText(i, c);
      if (!t || seen.has(t)) continue;
      seen.add(t);
      ps.push(readPiece(t, L.ctx.periods));
    }
    colPieces.push(ps);
  }
  const corner: Piece[] = [];
  for (const r of rows)
    for (let c = 0; c < L.stubCols; c++) if (L.text(r, c)) corner.push(readPiece(L.text(r, c), L.ctx.periods));
  return { colPieces, corner, flattened };
}

export const columnHeaders = rule<TableLayout>({
  id: 'layout.column-headers',
  family: 'layout',
  stage: 'headers',
  priority: 10,
  summary:
    "Each column's header pieces, top to bottom; a blank header cell right of a filled one, over a column whose lower header rows have text, is a flattened column span and repeats the cell on its left.",
  applies: () => true,
  apply(L) {
    const read = headerPieces(
      L,
      Array.from({ length: L.headerRows }, (_, r) => r),
    );
    L.colPieces = read.colPieces;
    L.corner = read.corner;
    return read.flattened; // recorded only when a flattened span was read
  },
  examples: [
    {
      name: 'example.html',
      text: '<table><thead><tr><th>サービス</th><th>令和5年度</th><th></th></tr></thead><tbody><tr><td></td><td>計画</td><td>実績</td></tr><tr><td>生活介護（人/月）</td><td>210</td><td>204</td></tr></tbody></table>',
      expect: { fiscal_year: 2023, value_kind: 'actual', value: 204 },
    },
  ],
});

export const headerOfTableAbove = rule<TableLayout>({
  id: 'layout.header-of-table-above',
  family: 'layout',
  stage: 'headers',
  priority: 15,
  summary:
    "A table with no header rows, as wide as the nearest table before it on its page or the page before, whose header names kinds or years (`目 | 本年度予算額 | 前年度予算額 | 比較`), continues that table: it is read by that table's column headers and unit line (a budget book prints the header once per page over every 項 block); a PDF block narrower than it, a blank column dropped, takes the header of the column each of its columns stands under.",
  applies: (L) =>
    L.headerRows === 0 &&
    !!L.above &&
    L.above.stubCols === L.stubCols &&
    L.colPieces.every((ps) => ps.length === 0) &&
    L.above.colPieces.some((ps) => ps.some((p) => p.kind || p.period)),
  apply(L) {
    const above = L.above!;
    L.colPieces = L.aboveColumns
      ? L.aboveColumns.map((j) => [...(above.colPieces[j] ?? [])])
      : above.colPieces.map((ps) => [...ps]);
    L.corner = [...above.corner];
    const unitHint = L.ctx.unitHint ?? above.ctx.unitHint ?? above.table.unitHint ?? null;
    if (unitHint !== L.ctx.unitHint) L.ctx = { ...L.ctx, unitHint };
  },
  examples: [
    {
      name: 'example.txt',
      text: '令和7年度 一般会計予算書\n\n（単位：千円）\n\n目\t本年度予算額\t前年度予算額\t比較\n1 社会教育総務費\t51,200\t49,800\t1,400\n\n１０款 教育費 ５項 保健体育費\n\n1 保健体育総務費\t38,100\t36,900\t1,200\n',
      expect: { value: 36900000, fiscal_year: 2024, value_kind: 'plan', unit: 'yen' },
    },
  ],
});

/**
 * A row label that starts with a count and goes on with a word (`1割負担`, `24時間対応`, `1日あたり`, `3世代同居`):
 * the count is part of the name. Down the first column, among row labels, it names its row, though it parses as a
 * number; a qualifier, a kind or a change after the number (`20人以上`, `12見込`, `3人増`) leaves it a value.
 */
const COUNT_LED_LABEL =
  /^\d+(?:\.\d+)?(?:割|時間|日|人|か月|ヶ月|カ月|世代|世帯|回|件|か所)?([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]{2,})$/u;
// (nor a count's own counter: `12世帯`, `3か所`, `150人分` are values)
const NOT_A_NAME = new RegExp(
  `^(?:${wordsPattern(BOUND_WORDS)}|増|減|見込|人|名|件|回|か所|箇所|カ所|ヶ所|世帯|床|円|千円|割|倍|時間|日|か月|ヶ月|カ月|月|年|週|分|歳)`,
  'u',
);
function countLedLabel(text: string): boolean {
  const m = COUNT_LED_LABEL.exec(normalized(text).replace(/\s+/gu, ''));
  return !!m && !NOT_A_NAME.test(m[1]!) && kindOfWord(m[1]!) === null;
}

export const rowLabelsCarryDown = rule<TableLayout>({
  id: 'layout.row-labels-carry-down',
  family: 'layout',
  stage: 'headers',
  priority: 20,
  summary:
    'Every non-data cell of a body row labels it; blank leading stub cells take the label above them (a row span flattened into blanks), unless a cell to their left is new.',
  applies: () => true,
  apply(L) {
    let carried = false;
    const rowHasData = (r: number) => {
      for (let c = L.stubCols; c < L.nC; c++) if (L.hasNumber(r, c)) return true;
      return false;
    };
    L.rowTexts = [];
    for (let r = L.headerRows; r < L.nR; r++) {
      const row: string[] = [];
      const prev = L.rowTexts[L.rowTexts.length - 1];
      let leftIsNew = false;
      for (let c = 0; c < L.nC; c++) {
        const d = L.data[r]?.[c];
        // (a stub cell that is a year written as a bare number, `2019` down a stub under `年度`, reads as a number but
        // names its row's year, as layout.stub-columns counted it)
        const stubYear = d !== null && c < L.stubCols && !!readPiece(L.text(r, c), L.ctx.periods).period?.fiscalYear;
        // (family "labels that contain digits": `1割負担`, `24時間対応` down a stub name their rows; blanked as numbers,
        // they took the label of the row above, every value of the row read under it)
        let t =
          d === null || stubYear || (c === 0 && c < L.stubCols && countLedLabel(L.text(r, c))) ? L.text(r, c) : '';
        if (c < L.stubCols && !t && !leftIsNew && prev && rowHasData(r)) {
          t = prev[c] ?? '';
          if (t) carried = true;
        } else if (c < L.stubCols && t && t !== prev?.[c]) leftIsNew = true;
        row.push(t);
      }
      L.rowTexts.push(row);
    }
    return carried;
  },
  examples: [
    {
      // (a table without a header row whose total row leaves its first cell blank: the extractor spans the group's
      // label down to the row before the total)
      name: 'example.txt',
      text: '療育手帳所持者数（年齢別）\n\n知的障害\t0～17歳\t41\n\t18～64歳\t236\n\t総計\t277\n',
      expect: { value: 277 },
    },
  ],
});

export const unitOnNextLine = rule<TableLayout>({
  id: 'layout.unit-on-next-line',
  family: 'layout',
  stage: 'headers',
  priority: 30,
  summary:
    "A label's unit written on the next line, in the next row's stub (`利用実人数` over `（人／年）`), is the unit of both rows.",
  applies: (L) => L.rowTexts.length > 1,
  apply(L) {
    let joined = false;
    for (let i = 1; i < L.rowTexts.length; i++) {
      for (let c = 0; c < L.stubCols; c++) {
        const [above, here] = [L.rowTexts[i - 1]![c] ?? '', L.rowTexts[i]![c] ?? ''];
        const unitOnly = canonicalUnit(here.replace(/^[(（]\s*|\s*[)）]$/gu, ''));
        if (!above || !unitOnly || !/^[(（].*[)）]$/u.test(here.trim()) || splitLabelUnit(above).unit) continue;
        L.rowTexts[i - 1]![c] = `${above}${here}`;
        L.rowTexts[i]![c] = `${above}${here}`;
        joined = true;
      }
    }
    return joined;
  },
  examples: [
    {
      name: 'example.tsv',
      text: '事業\t区分\t令和5年度\n移動支援事業 利用実人数\t見込\t40\n（人／年）\t実績\t37\n',
      expect: { unit: 'person/year', value_kind: 'actual', value: 37 },
    },
  ],
});

export const blockHeaderRows = rule<TableLayout>({
  id: 'layout.block-header-rows',
  family: 'layout',
  stage: 'headers',
  priority: 40,
  summary:
    "A table in blocks: a body row with no number whose every value column names a period or a value kind again (`延べ利用時間（時間/月） | 令和6年度 計画 | 令和6年度 実績` below the rows of `実利用者数（人/月）`), alone or with the header rows right under it, restarts the header: the rows below it, to the next such row, are read by its column headers (under the first header's rows above those it restates) and its corner (their unit and measure), not by the table's first header; it labels no row.",
  applies: (L) => L.headerRows > 0 && L.nR - L.headerRows >= 3,
  apply(L) {
    // The value columns: those holding a number in a body row.
    const valued: number[] = [];
    for (let c = L.stubCols; c < L.nC; c++)
      for (let r = L.headerRows; r < L.nR; r++)
        if (rowHasNumbers(L, r) && L.hasNumber(r, c)) {
          valued.push(c);
          break;
        }
    if (valued.length === 0) return false;
    // A row of header words: no number, no count with its unit, every filled value cell a period or a kind.
    const headerWords = (r: number) => {
      if (rowHasNumbers(L, r) || stageRow(L, r)) return null;
      const filled = valued.filter((c) => L.text(r, c).trim());
      if (filled.length === 0) return null;
      const words = filled.every((c) => {
        const t = L.text(r, c);
        const p = readPiece(t, L.ctx.periods);
        return (!!p.kind || !!p.period) && !holdsCount(t);
      });
      return words ? filled : null;
    };
    const blocks: NonNullable<TableLayout['blocks']> = [];
    let seenData = false;
    for (let r = L.headerRows; r < L.nR; r++) {
      if (rowHasNumbers(L, r)) {
        seenData = true;
        continue;
      }
      if (!seenData) continue;
      const rows: number[] = [];
      const covered = new Set<number>();
      for (let i = r; i < L.nR && rows.length < maxHeaderRows(L); i++) {
        const filled = headerWords(i);
        if (!filled) break;
        rows.push(i);
        for (const c of filled) covered.add(c);
      }
      // (the block's header names every value column, and data follow it)
      const next = r + rows.length;
      if (rows.length === 0 || covered.size < valued.length || next >= L.nR || !rowHasNumbers(L, next)) continue;
      // The block restates the header's lower rows: the header rows above those (`参加者数` over each column's
      // indicator, over `見込量 | 実績値` restated) still head its columns, but for what the block states anew.
      const own = headerPieces(L, rows);
      const upper = headerPieces(
        L,
        Array.from({ length: Math.max(0, L.headerRows - rows.length) }, (_, i) => i),
      );
      const colPieces = own.colPieces.map((ps, c) => [
        ...(upper.colPieces[c] ?? []).filter(
          (p) => !ps.some((q) => q.text === p.text || (p.period && q.period) || (p.kind && q.kind)),
        ),
        ...ps,
      ]);
      blocks.push({ row: r, rows: rows.length, colPieces, corner: own.corner.length ? own.corner : upper.corner });
      for (const i of rows) L.rowTexts[i - L.headerRows] = (L.rowTexts[i - L.headerRows] ?? []).map(() => '');
      r = next - 1;
    }
    if (blocks.length === 0) return false;
    L.blocks = blocks;
    return true;
  },
  examples: [
    {
      name: 'example.tsv',
      text: '実利用者数（人/月）\t令和6年度計画\t令和6年度実績\n行動援護\t14\t12\n同行援護\t22\t19\n延べ利用時間（時間/月）\t令和6年度計画\t令和6年度実績\n行動援護\t310\t288\n同行援護\t402\t376\n',
      expect: { label: '行動援護', value_kind: 'actual', value: 288, unit: 'hour/month' },
    },
  ],
});

const OCR_LETTERS = Object.keys(OCR_DIGIT_LETTERS).join('');
/** A run of digits, thousands commas and a decimal point, with letters OCR reads for digits. */
const NUMBER_RUN = new RegExp(
  `(?<![A-Za-z])(?=[0-9${OCR_LETTERS},.]*[0-9])[0-9${OCR_LETTERS}][0-9${OCR_LETTERS},.]*(?![A-Za-z])`,
  'gu',
);
/** Two runs of digits with one blank between them. */
const BLANK_SPLIT = /(?<![\d,.])([+\-−▲△]?\d[\d,]*(?:\.\d+)?) (\d[\d,]*(?:\.\d+)?)(?![\d,.])/u;
const QUALIFIER_AT_START = new RegExp(`^(?:${wordsPattern(BOUND_WORDS)})`, 'u');
const WELL_FORMED = /^[+\-−▲△]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/u;

/** Digits before the decimal point of a value. */
const intDigits = (v: number) => String(Math.trunc(Math.abs(v))).length;

/** A cell that holds nothing but numbers (signs, brackets, a unit or a qualifier after them). */
function numbersOnly(t: string): boolean {
  // (`17以上 (1.21倍)`: a qualifier, then a unit, may both follow the numbers)
  const rest = t
    .replace(NUMBER_RUN, '')
    .replace(/[\s▲△+\-−%<>()]/gu, '')
    .replace(QUALIFIER_AT_START, '')
    .trim();
  return !rest || !!unitInfo(rest);
}

/**
 * The median digit count of the values of one-value cells in the row, in the column and in the rows under the same
 * first-column label as (r, c), with how many there are (null when none): a row, a column or a block of one kind of
 * figure (rates, amounts) has values of one size.
 */
function neighbourDigits(L: TableLayout, r: number, c: number): ({ median: number; n: number } | null)[] {
  const median = (cells: [number, number][]) => {
    const out: number[] = [];
    for (const [i, j] of cells) {
      const d = L.data[i]?.[j];
      if (d && d.quantities.length === 1 && !/\d \d/u.test(normalized(L.text(i, j))))
        out.push(intDigits(d.quantities[0]!.value));
    }
    out.sort((a, b) => a - b);
    return out.length ? { median: out[Math.floor(out.length / 2)]!, n: out.length } : null;
  };
  const row = Array.from({ length: L.nC }, (_, j): [number, number] => [r, j]).filter(([, j]) => j !== c);
  const col = Array.from({ length: L.nR }, (_, i): [number, number] => [i, c]).filter(([i]) => i !== r);
  // (the rows under one label in the first column — repeated, or blank below it — count one measure: `利用者数 |
  // 見込`, `利用者数 | 実績`, `利用者数 | 実績見込`)
  const head = (i: number) => normalized(L.text(i, 0)).trim();
  let top = r;
  while (top > 0 && !head(top)) top--;
  const label = head(top);
  const block: [number, number][] = [];
  if (label && !/[0-9]/u.test(label)) {
    let [lo, hi] = [top, r];
    while (lo > 0 && head(lo - 1) === label) lo--;
    while (hi + 1 < L.nR && [label, ''].includes(head(hi + 1))) hi++;
    for (let i = lo; i <= hi; i++) for (let j = 1; j < L.nC; j++) if (i !== r || j !== c) block.push([i, j]);
  }
  return [median(row), median(col), median(block), ...headedTogether(L, r, c).map(median)];
}

/**
 * The cells of the columns headed together with column c above row r, the transposed counterpart of the rows under
 * one first-column label: (1) the columns whose nearest header word above the body is c's (`達成率` of each
 * service: one kind of figure), and (2) the columns under the lowest header above that spans c and others
 * (`施設入所支援事業` repeated, or written once and blank to its right, over `見込 | 見込|実績 | 実績`: one measure).
 */
function headedTogether(L: TableLayout, r: number, c: number): [number, number][][] {
  // (a cell read as data — a number, or a mark of none, `－` — is no header)
  const isHead = (i: number, j: number) => !L.data[i]?.[j];
  const head = (i: number, j: number) => normalized(L.text(i, j)).trim();
  // (the nearest header word above row r in a column: the first text above it that is no data)
  const nameOf = (j: number) => {
    for (let i = r - 1; i >= 0; i--) if (isHead(i, j) && head(i, j)) return { row: i, text: head(i, j) };
    return null;
  };
  const own = nameOf(c);
  if (!own || /[0-9]/u.test(own.text)) return [];
  const body = (cols: number[]) => {
    const out: [number, number][] = [];
    for (const j of cols)
      for (let i = own.row + 1; i < L.nR; i++) if ((i !== r || j !== c) && !isHead(i, j)) out.push([i, j]);
    return out;
  };
  const kin = Array.from({ length: L.nC }, (_, j) => j).filter((j) => j !== c && nameOf(j)?.text === own.text);
  const sets = kin.length ? [body(kin)] : [];
  for (let h = own.row - 1; h >= 0; h--) {
    let left = c;
    while (left > 0 && !head(h, left) && isHead(h, left)) left--;
    const name = head(h, left);
    if (!name || /[0-9]/u.test(name)) continue;
    let [lo, hi] = [left, c];
    while (lo > 0 && head(h, lo - 1) === name) lo--;
    while (hi + 1 < L.nC && [name, ''].includes(head(h, hi + 1))) hi++;
    if (hi > lo) {
      sets.push(body(Array.from({ length: hi - lo + 1 }, (_, k) => lo + k)));
      break;
    }
  }
  return sets;
}

/** Digit groups parted by single blanks (`1 0 2.1`, `3,4 5 0`, `1 0,4 0 0`). */
const SPACED_RUN = /(?<![\d,.])\d[\d,.]*(?: \d[\d,.]*)+(?![\d,.])/u;
const LONE_DIGIT = /^\d$/u;
/** A part of a letter-spaced number: one digit, or one on each side of a thousands comma or a decimal point. */
const SPACED_PART = /^(?:\d|\d[,.]\d)$/u;
/** A cell whose digits are set apart by blanks (a letter-spaced scan). */
const isSpacedCell = (t: string) => {
  const m = SPACED_RUN.exec(t);
  return !!m && m[0].split(' ').every((p) => SPACED_PART.test(p)) && m[0].split(' ').some((p) => LONE_DIGIT.test(p));
};

/**
 * A number a letter-spaced scan set out digit by digit, joined: two blanks or more, each beside a lone digit, every
 * part one digit or two around a comma or point, with a well-formed join (`1 0 2.1%` → `102.1%`, `3,4 5 0` → `3,450`, `1 0,4 0 0` → `10,400`); one blank beside a lone
 * digit (`9 0.0%`) only in a column where two other cells are set out so too. (Two runs of several digits each,
 * `12 15`, are left to the size test below.)
 */
function joinSpacedDigits(L: TableLayout, r: number, c: number, t: string): string {
  const m = SPACED_RUN.exec(t);
  if (!m) return t;
  const parts = m[0].split(' ');
  const joined = parts.join('');
  if (!WELL_FORMED.test(joined)) return t;
  // (every part one digit, or two around the separator a scan keeps glued: `3,4`, `2.1`; parts of several digits are
  // several values of a cell, `906 4 1` a total and its items)
  if (!parts.every((p) => SPACED_PART.test(p))) return t;
  const eachBlankBesideLone = parts.slice(1).every((p, i) => LONE_DIGIT.test(p) || LONE_DIGIT.test(parts[i]!));
  if (!eachBlankBesideLone) return t;
  if (parts.length >= 3) return t.replace(m[0], joined);
  let spacedNeighbours = 0;
  for (let i = 0; i < L.nR; i++) if (i !== r && isSpacedCell(normalized(L.written(i, c)))) spacedNeighbours++;
  return spacedNeighbours >= 2 ? t.replace(m[0], joined) : t;
}

/**
 * The number an OCR'd cell means, or null: letters read for digits inside a run of digits (`35I` → `351`), and two
 * runs split by a blank joined (`35 00` → `3500`, `4,2 49` → `4,249`) when the blank cuts a thousands group, leaves
 * a part starting with 0, or the joined value has as many digits (±1) as the one-value cells of its row or of its
 * column while a part has fewer — unless both parts have the size of one of them (`12 15` in a row of 2-digit
 * figures stays two values). The sizes are not read in a PDF's text layer (no OCR there: `78 78` in a budget
 * book's cell is a 節's amount and its 説明's, two numbers).
 */
export function repairOcrNumber(L: TableLayout, r: number, c: number): string | null {
  const written = normalized(L.text(r, c)).trim();
  // (a cell of values joined by a pair mark, `8I4 | 742`, `8 33 | 820` under `見込|実績`: each value repaired alone,
  // and only when each part then reads as one number or a mark of none)
  const parts = written.split(KIND_PAIR_SPLIT);
  if (parts.length > 1) {
    const marks = written.match(new RegExp(KIND_PAIR_SPLIT.source, 'gu')) ?? [];
    const fixed = parts.map((p) => repairOcrValue(L, r, c, p) ?? p);
    if (fixed.every((p, i) => p === parts[i])) return null;
    const one = (p: string) => {
      const d = dataValue(p);
      return !!d && (d.missing || d.quantities.length === 1);
    };
    return fixed.every(one) ? fixed.map((p, i) => `${p}${marks[i] ?? ''}`).join('') : null;
  }
  return repairOcrValue(L, r, c, written);
}

/** `repairOcrNumber` of one value's text written in cell (r, c). */
function repairOcrValue(L: TableLayout, r: number, c: number, written: string): string | null {
  if (!written || !/[0-9]/u.test(written) || written.length > 24 || !numbersOnly(written)) return null;
  let t = written.replace(NUMBER_RUN, (run) => {
    const letters = [...run].filter((ch) => OCR_DIGIT_LETTERS[ch]).length;
    const digits = [...run].filter((ch) => /[0-9]/u.test(ch)).length;
    return letters && letters <= digits ? [...run].map((ch) => OCR_DIGIT_LETTERS[ch] ?? ch).join('') : run;
  });
  t = joinSpacedDigits(L, r, c, t);
  const m = BLANK_SPLIT.exec(t);
  if (m) {
    const [left, right] = [m[1]!, m[2]!];
    const joined = `${left}${right}`;
    // (a blank that cuts a thousands group, `4,2 49`, or that leaves a part starting with 0, `35 00`, splits a number)
    const cutGroup = (/,\d{1,2}$/u.test(left) || /^0\d/u.test(right)) && WELL_FORMED.test(joined);
    let fits = false;
    // (a PDF's text layer sets each number as its glyphs: a blank between two runs of digits is a gap between two
    // numbers — a budget book's 節 and 説明 amounts on one line, `78 78` — unless it cuts a group; the sizes of the
    // neighbours only tell OCR'd text, and text exports that may have been OCR'd, apart)
    const cell = L.grid[r]?.[c];
    const textLayer = (L.table.method === 'lattice' || L.table.method === 'stream') && cell?.confidence === undefined;
    if (!cutGroup && !textLayer && WELL_FORMED.test(joined)) {
      // (a bracketed subset or ratio beside the value, `6 37<396>`, is no third number)
      const whole = t
        .replace(m[0], '')
        .replace(/<[^<>]*>|\([^()]*\)/gu, '')
        .replace(/[\s%]/gu, '');
      const sizes = neighbourDigits(L, r, c).filter((x) => x !== null);
      const digitsOf = (s: string) =>
        s
          .replace(/^[+\-−▲△]/u, '')
          .split('.')[0]!
          .replace(/,/g, '').length;
      const [dj, dl, dr] = [digitsOf(joined), digitsOf(left), digitsOf(right)];
      // (joined, the value has the size of the row's or the column's figures; apart, the parts do not both have the
      // size of the figures of a row or column of several)
      fits =
        !/[0-9]/u.test(whole) &&
        sizes.some(({ median }) => Math.abs(dj - median) <= 1 && Math.min(dl, dr) <= median - 1) &&
        !sizes.some(({ median, n }) => n >= 2 && dl === median && dr === median);
    }
    if (cutGroup || fits) t = t.replace(m[0], joined);
  }
  if (t === written) return null;
  const d = dataValue(t);
  if (!d || d.missing || d.quantities.length === 0) return null;
  // (a cell of single digits with blanks, `3 3`, is already read as one number: nothing to repair)
  const before = dataValue(written);
  const same = (a: Quantity[], b: Quantity[]) =>
    a.length === b.length &&
    a.every((q, k) => q.value === b[k]!.value && q.ratio?.value === b[k]!.ratio?.value && q.subset === b[k]!.subset);
  return before && same(before.quantities, d.quantities) ? null : t;
}

export const ocrBrokenNumbers = rule<TableLayout>({
  id: 'layout.ocr-broken-numbers',
  family: 'layout',
  stage: 'cells',
  priority: 10,
  quiet: true,
  summary:
    'Family "OCR-broken numbers in cells": a cell holding nothing but a number read by OCR with a letter for a digit (`35I`, `7,46O`) or a blank inside it (`35 00` among 4-digit cells, `4,2 49`), or set out digit by digit by a letter-spaced scan (`2,6 8 0`, `1 0 4.0%`), is read as that one number (with a warning, `check.ocr-repaired-number`), not as a label or two values.',
  applies: (L) => L.nR > 1,
  apply(L) {
    let any = false;
    for (let r = 0; r < L.nR; r++)
      for (let c = 0; c < L.nC; c++) {
        if (!L.isTopLeft(r, c)) continue;
        const t = repairOcrNumber(L, r, c);
        if (!t) continue;
        L.repaired.set(`${r},${c}`, t);
        L.data[r]![c] = dataValue(t);
        any = true;
      }
    return any;
  },
  examples: [
    {
      name: 'example.tsv',
      text: '区分\t令和4年度\t令和5年度\n行動援護（時間/月）\t1,204\t13 80\n同行援護（時間/月）\t2,210\t2,3I5\n',
      expect: { value: 1380, fiscal_year: 2023, unit: 'hour/month' },
    },
    {
      name: 'example.tsv',
      text: '事業\t令和4年度\t令和5年度\n移動支援（時間/年）\t2,4 1 2\t2,6 8 0\n',
      expect: { value: 2680, fiscal_year: 2023, unit: 'hour/year' },
    },
  ],
});

/** A label ending in a letter OCR reads for a digit (`要支援l`), its word and letter. */
const LETTER_FOR_DIGIT = new RegExp(
  `^(.*[\\p{sc=Han}\\p{sc=Katakana}\\p{sc=Hiragana}ー])\\s*([${Object.keys(OCR_DIGIT_LETTERS).join('')}])$`,
  'u',
);

export const ocrLetterInNumberedHead = rule<TableLayout>({
  id: 'layout.ocr-letter-in-numbered-head',
  family: 'layout',
  stage: 'cells',
  priority: 11,
  quiet: true,
  summary:
    'Family "OCR-broken numbers in cells", in the heads: a label that ends in a letter OCR reads for a digit (`要支援l`, `第I層`) beside a cell of the same row or column that is the same word with a digit (`要支援2`, `第2層`) is that word with the digit (`要支援1`): the heads of a numbered series, not a word of their own.',
  applies: (L) => L.nR > 1,
  apply(L) {
    let any = false;
    const numbered = (r: number, c: number, word: string) =>
      new RegExp(`^${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*[0-9０-９]+$`, 'u').test(
        L.text(r, c).normalize('NFKC').trim(),
      );
    for (let r = 0; r < L.nR; r++)
      for (let c = 0; c < L.nC; c++) {
        if (!L.isTopLeft(r, c) || L.data[r]?.[c] !== null) continue;
        const m = LETTER_FOR_DIGIT.exec(L.text(r, c).normalize('NFKC').trim());
        if (!m) continue;
        let sibling = false;
        for (let k = 0; k < L.nC && !sibling; k++) if (k !== c && numbered(r, k, m[1]!)) sibling = true;
        for (let k = 0; k < L.nR && !sibling; k++) if (k !== r && numbered(k, c, m[1]!)) sibling = true;
        if (!sibling) continue;
        L.repaired.set(`${r},${c}`, `${m[1]}${OCR_DIGIT_LETTERS[m[2]!]}`);
        any = true;
      }
    return any;
  },
  examples: [
    {
      name: 'example.txt',
      text: '障害支援区分別の利用者数（単位：人）\n\n年度    区分l    区分2    区分3\nR3    10    33    40\nR4    12    30    41\nR5    15    28    44\n',
      expect: { label: '区分1', value: 15, fiscal_year: 2023 },
    },
  ],
});

/** The OCR confidence of a cell below which its words are doubted (tesseract's own; a text layer has none). */
const OCR_DOUBT = 0.6;
/**
 * An OCR'd cell the engine was unsure of; a cell of a text export (which may have been OCR'd: it carries no
 * confidence) may be; a PDF text layer's cell never.
 */
const doubtedOcrCell = (L: TableLayout, r: number, c: number) => {
  const conf = L.grid[r]?.[c]?.confidence;
  if (conf !== undefined) return conf < OCR_DOUBT;
  return L.table.method !== 'lattice' && L.table.method !== 'stream';
};
/** Marks OCR leaves in a header beside its words: empty brackets, `!`, `|`, a lone `_`. */
const HEADER_NOISE = /[(（]\s*[)）]|[!！|｜_]/gu;
/**
 * A tail OCR adds after a word (`増減り-`: a bracket's remains read as a kana and a dash). Never a bracket: `達成率(%)`
 * keeps its unit.
 */
const NOISE_TAIL = /(?:\p{sc=Hiragana}[-ー!|.,、。]{0,2}|[-ー!|.,、。]{1,3})$/u;
/** The kind stems a garbled header cell is compared with (two glyphs or more: one glyph alone is no evidence). */
const KIND_STEM_WORDS = [...new Set([...Object.keys(KIND_WORDS), ...Object.keys(BUDGET_KIND_STEMS)])].filter(
  (w) => [...w].length >= 2,
);

/**
 * The kind word an OCR'd header cell garbled means, or null: its noise dropped (`前年度決算()`, `増減()り-()` →
 * `増減`), or one glyph of a kind stem read as another (`飛離` → `乖離`, `前年度次算` → `前年度決算`) when one stem
 * fits that way — or, of several (`次算`: 決算 or 予算), one that the other headers of its row use (`siblings`) — and
 * the word then reads as a kind.
 */
export function garbledKindWord(text: string, siblings: readonly string[] = [], glyphs = true): string | null {
  const t = text.normalize('NFKC').replace(/\s+/g, '');
  if (!t || kindOfWord(t)) return null;
  const clean = t.replace(HEADER_NOISE, '');
  const bases = [...new Set([clean, clean.replace(NOISE_TAIL, '')])].filter((b) => b);
  for (const base of bases) if (kindOfWord(base)) return base;
  if (!glyphs) return null;
  for (const base of bases) {
    const found = new Map<string, string>();
    const g = [...base];
    for (const stem of KIND_STEM_WORDS) {
      const sg = [...stem];
      for (let i = 0; i + sg.length <= g.length; i++) {
        let diff = 0;
        for (let k = 0; k < sg.length && diff < 2; k++) if (g[i + k] !== sg[k]) diff++;
        if (diff !== 1) continue;
        const fixed = [...g.slice(0, i), ...sg, ...g.slice(i + sg.length)].join('');
        if (kindOfWord(fixed)) found.set(fixed, stem);
      }
    }
    if (found.size === 1) return [...found.keys()][0]!;
    const used = [...found].filter(([, stem]) => siblings.some((x) => x.normalize('NFKC').includes(stem)));
    if (used.length === 1) return used[0]![0];
    if (found.size) return null;
  }
  return null;
}

export const ocrGarbledKindHeader = rule<TableLayout>({
  id: 'layout.ocr-garbled-kind-header',
  family: 'layout',
  stage: 'cells',
  priority: 11,
  quiet: true,
  summary:
    "Family \"kind words in headers garbled by OCR\": a cell of an OCR'd table the engine was unsure of (confidence under 0.6), holding no number, in a row where another cell reads as a kind word (計画値, 当年度決算), is the kind word it is one glyph or some noise away from (`飛離` → 乖離, `前年度次算()` → 前年度決算, `増減()り-()` → 増減) when exactly one kind stem fits (of several, the one its row's other headers use): the column is then read with its kind (and a difference column's misread ▲ repaired), not as a label. In a text export (no confidence: it may have been OCR'd) only the noise goes.",
  applies: (L) => L.nR > 1,
  apply(L) {
    let any = false;
    for (let r = 0; r < L.nR; r++) {
      // (a cell that is a kind word once its noise goes counts too: `当年度決算!(A)` beside `前年度次算()`)
      const kindCells = Array.from({ length: L.nC }, (_, c) => c).filter(
        (c) =>
          L.isTopLeft(r, c) &&
          L.data[r]?.[c] === null &&
          (kindOfWord(normalized(L.text(r, c)).replace(/\s+/g, '')) || garbledKindWord(L.text(r, c), [], false)),
      );
      if (!kindCells.length) continue;
      for (let c = 0; c < L.nC; c++) {
        if (!L.isTopLeft(r, c) || L.data[r]?.[c] !== null || !doubtedOcrCell(L, r, c)) continue;
        if (!kindCells.some((k) => k !== c)) continue;
        // (a glyph read as another only where the engine's confidence says so: `比率` in a text export is a word)
        const fixed = garbledKindWord(
          L.text(r, c),
          kindCells.filter((k) => k !== c).map((k) => L.text(r, k)),
          L.grid[r]?.[c]?.confidence !== undefined,
        );
        if (!fixed) continue;
        L.repaired.set(`${r},${c}`, fixed);
        any = true;
      }
    }
    return any;
  },
  examples: [
    {
      name: 'example.tsv',
      text: '事業\t計画\t実績\t増減()り-()\n短期入所（人日/月）\t620\t377\t▲243\n',
      expect: { value: -243, value_kind: 'deviation' },
    },
  ],
});

/** Marks OCR adds round a unit (`_人日/月`, `人/月|`). */
const UNIT_NOISE = /^[_|｜.,'`ー-]+|[_|｜.,'`ー-]+$/gu;

/**
 * The unit of `candidates` an OCR'd unit word garbled means, or null: its stray marks dropped (`_人日/月`), its
 * slash lost (`人月` for 人/月), or the slash and the glyph beside it read as one glyph (`人骨` for 人/月) — when
 * exactly one candidate fits.
 */
export function garbledUnit(text: string, candidates: readonly string[], glyphs = true): string | null {
  const t = text.normalize('NFKC').replace(/\s+/g, '');
  if (!t || unitInfo(t)) return null;
  const clean = t.replace(UNIT_NOISE, '');
  const fits = (u: string) => {
    if (clean === u) return true;
    if (!glyphs) return false;
    if (t.replace(/[/]/gu, '') === u.replace(/[/]/gu, '')) return true;
    const g = [...clean];
    const ug = [...u];
    if (g.length !== ug.length - 1) return false;
    // (two glyphs of the unit, one of them the slash, read as one)
    for (let i = 0; i + 1 < ug.length; i++)
      if ((ug[i] === '/' || ug[i + 1] === '/') && [...ug.slice(0, i), g[i], ...ug.slice(i + 2)].join('') === clean)
        return true;
    return false;
  };
  const found = [...new Set(candidates.map((u) => u.normalize('NFKC').replace(/\s+/g, '')))].filter(
    (u) => unitInfo(u) && fits(u),
  );
  return found.length === 1 ? found[0]! : null;
}

/** A unit in brackets in a header cell (`訪問介護(回/月)`): the bracket's text and where it stands. */
const BRACKETED = /[(（]([^()（）]{1,8})[)）]/gu;

export const ocrGarbledUnit = rule<TableLayout>({
  id: 'layout.ocr-garbled-unit',
  family: 'layout',
  stage: 'cells',
  priority: 11,
  quiet: true,
  summary:
    'Family "units garbled by OCR": a cell of an OCR\'d table the engine was unsure of (confidence under 0.6) whose word is no unit, in a column whose other cells hold units (a 単位 column), or a bracket in such a cell of a header row whose other cells carry units in brackets, is the unit of those it is a few marks from: its stray marks dropped (`_人日/月`), its slash lost (`人月`), or the slash and a glyph read as one (`人骨` for 人/月) — when exactly one unit of its neighbours fits. In a text export (no confidence: it may have been OCR\'d) only stray marks go.',
  applies: (L) => L.nR > 1,
  apply(L) {
    let any = false;
    const cellUnit = (r: number, c: number) => {
      const t = normalized(L.text(r, c)).replace(/\s+/g, '');
      return t && L.data[r]?.[c] === null && unitInfo(t) ? t : null;
    };
    for (let c = 0; c < L.nC; c++) {
      const units: string[] = [];
      for (let r = 0; r < L.nR; r++) {
        const u = L.isTopLeft(r, c) ? cellUnit(r, c) : null;
        if (u) units.push(u);
      }
      if (units.length < 2) continue;
      for (let r = 0; r < L.nR; r++) {
        if (!L.isTopLeft(r, c) || L.data[r]?.[c] !== null || !doubtedOcrCell(L, r, c)) continue;
        // (a glyph read as another only where the engine's confidence says so; in a text export only stray marks)
        const fixed = garbledUnit(L.text(r, c), units, L.grid[r]?.[c]?.confidence !== undefined);
        if (!fixed) continue;
        L.repaired.set(`${r},${c}`, fixed);
        any = true;
      }
    }
    // brackets of a row's heads (`訪問介護(回/月)` | `通所介護(回骨)`)
    for (let r = 0; r < L.nR; r++) {
      const units: string[] = [];
      for (let c = 0; c < L.nC; c++)
        if (L.isTopLeft(r, c))
          for (const m of normalized(L.text(r, c)).matchAll(BRACKETED)) if (unitInfo(m[1]!)) units.push(m[1]!);
      if (units.length < 2) continue;
      for (let c = 0; c < L.nC; c++) {
        if (!L.isTopLeft(r, c) || L.data[r]?.[c] !== null || !doubtedOcrCell(L, r, c)) continue;
        const text = normalized(L.text(r, c));
        const fixed = text.replace(BRACKETED, (whole, inner: string) => {
          const u = garbledUnit(inner, units, L.grid[r]?.[c]?.confidence !== undefined);
          return u ? `(${u})` : whole;
        });
        if (fixed === text) continue;
        L.repaired.set(`${r},${c}`, fixed);
        any = true;
      }
    }
    return any;
  },
  examples: [
    {
      name: 'example.tsv',
      text: 'サービス\t単位\t令和5年度\n生活介護\t人/月\t612\n生活介護\t人日/月\t11,934\n短期入所\t人/月\t96\n短期入所\t_人日/月\t672\n',
      expect: { label: '短期入所', value: 672, unit: 'person_day/month', fiscal_year: 2023 },
    },
  ],
});

/** The one value of a cell, or null. */
const oneValue = (L: TableLayout, r: number, c: number): number | null => {
  const q = L.data[r]?.[c]?.quantities;
  return q?.length === 1 ? q[0]!.value : null;
};
/**
 * The values cell (r, c) may mean for a row's arithmetic: its one value, and — in a cell of an OCR'd page or of a
 * text export — the thousands reading of a count written with one point (`140.860` is 140,860 when the row's difference says so; the
 * check stage decides the cell itself later, `check.point-for-thousands`).
 */
const readingsOf = (L: TableLayout, r: number, c: number): number[] => {
  const v = oneValue(L, r, c);
  if (v === null) return [];
  // (not in a PDF's text layer, whose points are what was typed; a text export may have been OCR'd)
  const textLayer =
    (L.table.method === 'lattice' || L.table.method === 'stream') && L.grid[r]?.[c]?.confidence === undefined;
  const m = /^([▲△-]?)(\d{1,3})\.(\d{3})$/u.exec(normalized(L.text(r, c)).trim());
  if (textLayer || !m) return [v];
  const alt = Number(`${m[2]}${m[3]}`) * (m[1] ? -1 : 1);
  return [v, alt];
};
const MINUS_READING = new RegExp(`^([▲△${OCR_MINUS_READINGS.join('')}])((?:\\d[\\d,]*)(?:\\.\\d+)?)$`, 'u');
/** Glyphs other than digits and signs before a number: what OCR made of ▲ in a scan (`人14`, `人ムる23`). */
const MINUS_GLYPHS = /^([^\d\s+\-−,.]{1,3})((?:\d[\d,]*)(?:\.\d+)?)$/u;
/** A number with a Latin letter or a stroke or two after it (`0H`, `46,912!`, `12|`). */
const OCR_TAIL = /^(.*\d)[A-Za-z!|:;'"]{1,2}$/u;
const ZERO_LETTER = new RegExp(
  `^[${Object.keys(OCR_DIGIT_LETTERS)
    .filter((k) => OCR_DIGIT_LETTERS[k] === '0')
    .join('')}〇]$`,
  'u',
);

/**
 * How OCR may have written the difference `d` in a cell (`47` or `A7` for ▲7, `O` for 0): the repaired text, or
 * null when the cell as read already equals d or no reading gives d.
 */
export function deviationReading(written: string, value: number | null, d: number, ocr = false): string | null {
  const same = (v: number) => Math.abs(v - d) < 1e-9;
  if (value !== null && same(value)) return null;
  // (the blanks of a letter-spaced scan go first: `4 2 3 2`, `A2 0`)
  const t = normalized(written)
    .trim()
    .replace(/(?<=[\dA-Zム,.]) (?=[\d,.])/gu, '');
  if (ZERO_LETTER.test(t)) return same(0) ? '0' : null;
  // (in a cell of an OCR'd page, a glyph or two after the number, a rule's remains read as a letter: `0H`, `46,912!`;
  // the difference as written, or with a misread mark before it, when the row's arithmetic confirms it)
  const tail = ocr ? OCR_TAIL.exec(t) : null;
  if (tail) {
    const inner = deviationReading(tail[1]!, dataValue(tail[1]!)?.quantities[0]?.value ?? null, d, ocr);
    if (inner) return inner;
    return dataValue(tail[1]!)?.quantities.length === 1 && same(dataValue(tail[1]!)!.quantities[0]!.value)
      ? tail[1]!
      : null;
  }
  // (the mark read as a 4 or a letter, or — in a cell of an OCR'd page — as any one to three glyphs: `人14`, `合2`,
  // `人る568`, `人ムる23`; the row's arithmetic decides)
  const m = MINUS_READING.exec(t) ?? (ocr ? MINUS_GLYPHS.exec(t) : null);
  if (!m || d >= 0) return null;
  // (the digits as written, or with the thousands comma OCR read as a point, `ん679.024`, `へ4.065`: the row's
  // arithmetic tells a point from a comma)
  const readings = [m[2]!];
  if (/^\d{1,3}(?:[.,]\d{3})+$/u.test(m[2]!) && m[2]!.includes('.')) readings.push(m[2]!.replace(/\./g, ','));
  const fits = readings.find((x) => {
    const rest = Number(x.replace(/,/g, ''));
    return Number.isFinite(rest) && same(-rest);
  });
  return fits === undefined ? null : `▲${fits}`;
}

/** ▲/△ as OCR reads it and no number ever starts with: kana and the like, one or two of them (`ん`, `んへ`). */
const MINUS_KANA = OCR_MINUS_READINGS.filter((g) => !/[0-9A-Za-z]/u.test(g)).join('');
const KANA_MINUS = new RegExp(`^[${MINUS_KANA}]{1,2}(\\d{1,3}(?:[,.]\\d{3})+|\\d{1,3})$`, 'u');
/** A cell written with ▲/△, read or misread (`▲12`, `△1,305`, `ん679.024`, `A7.060`, `47` is not counted). */
const MARKED = new RegExp(`^(?:[▲△]|[${MINUS_KANA}A]{1,2})\\d`, 'u');

export const ocrMinusInValues = rule<TableLayout>({
  id: 'layout.ocr-minus-in-values',
  family: 'layout',
  stage: 'headers',
  priority: 11,
  quiet: true,
  summary:
    "Family \"▲ misread by OCR\", outside a difference column: in an OCR'd table (or a text export, which may have been OCR'd; never a PDF's text layer) that writes negatives with a mark (two other cells or more begin with ▲/△ or a reading of it), a cell of one number after one or two glyphs OCR reads for ▲/△ and no number begins with (`ん`, `へ`, `ム`, `Δ`: `んへ1,305,211` for a subtotal △1,305,211) is that number negative, with a warning (`check.ocr-repaired-number`). A 4 or a Latin letter before digits is left to the row's arithmetic (`layout.ocr-sign-in-deviation`).",
  // (not a PDF's text layer, whose glyphs are what was typed; a text export may have been OCR'd)
  applies: (L) =>
    (L.table.method !== 'lattice' && L.table.method !== 'stream') ||
    L.table.cells.some((c) => c.confidence !== undefined),
  apply(L) {
    const cells: [number, number, string][] = [];
    for (let r = L.headerRows; r < L.nR; r++)
      for (let c = L.stubCols; c < L.nC; c++)
        if (L.isTopLeft(r, c)) cells.push([r, c, normalized(L.text(r, c)).trim()]);
    const marked = cells.filter(([, , t]) => MARKED.test(t)).length;
    let any = false;
    for (const [r, c, t] of cells) {
      const m = KANA_MINUS.exec(t);
      if (!m || marked < 3) continue;
      const fixed = `▲${m[1]}`;
      const d = dataValue(fixed);
      if (!d || d.missing || d.quantities.length !== 1) continue;
      L.repaired.set(`${r},${c}`, fixed);
      L.data[r]![c] = d;
      any = true;
    }
    return any;
  },
  examples: [
    {
      name: 'example.tsv',
      text: '科目\t本年度決算額\t前年度決算額\t差引\n事業収入\t2,480,000\t2,615,500\tム135,500\n積立金取崩額\tへ310,250\tん42,800\tへ267,450\n',
      expect: { label: '積立金取崩額', value: -310250 },
    },
  ],
});

/**
 * Rows of a difference column `c` of an OCR'd table whose minus mark OCR dropped altogether (`△12` read as `12`):
 * the column's other rows tell which way it subtracts — three or more cells equal to one side minus the other
 * (right − left of `sides`, or left − right), at least three times as many as the other way round — and the cell,
 * a bare positive number, is the size of a difference that comes out negative that way. A text layer never drops
 * a mark, so only cells read by OCR are taken.
 */
function lostMarkRows(L: TableLayout, c: number, sides: (r: number) => (number | null)[]): Set<number> {
  const rows: { r: number; x: number; d: number }[] = [];
  for (let r = L.headerRows; r < L.nR; r++) {
    if (!L.isTopLeft(r, c)) continue;
    const x = oneValue(L, r, c);
    const [p, a] = sides(r);
    if (x === null || p === null || p === undefined || a === null || a === undefined || a === p) continue;
    rows.push({ r, x, d: Math.round((a - p) * 1e6) / 1e6 });
  }
  const near = (u: number, v: number) => Math.abs(u - v) < 1e-6 * Math.max(1, Math.abs(v));
  const forward = rows.filter((w) => near(w.x, w.d)).length;
  const backward = rows.filter((w) => near(w.x, -w.d)).length;
  const way = forward >= 3 && forward >= 3 * backward ? 1 : backward >= 3 && backward >= 3 * forward ? -1 : 0;
  const out = new Set<number>();
  if (!way) return out;
  for (const w of rows) {
    const d = way * w.d;
    const text = normalized(L.text(w.r, c)).trim();
    if (
      d < 0 &&
      w.x > 0 &&
      near(w.x, -d) &&
      L.grid[w.r]?.[c]?.confidence !== undefined &&
      /^\d[\d,]*(?:\.\d+)?$/u.test(text)
    )
      out.add(w.r);
  }
  return out;
}

export const ocrSignInDeviation = rule<TableLayout>({
  id: 'layout.ocr-sign-in-deviation',
  family: 'layout',
  stage: 'headers',
  priority: 12,
  quiet: true,
  summary:
    "Family \"▲ misread by OCR in a difference column\": in a column whose header names a difference (kind deviation), a cell whose row holds a plan and a result (the nearest plan and actual columns on its left) is read as the difference result − plan when it was written with the minus mark read as a 4 or a letter (`47` for ▲7, `4 2 3 2` for ▲232, `A2 0`, `ム9`) — in a cell of an OCR'd page, as any one to three glyphs (`人14`, `人ムる23`) — or 0 as a letter (`O`), with a glyph or two after it in a cell of an OCR'd page (`0H`), its thousands comma read as a point or not (`ム105.750` for ▲105,750); a cell that already equals the difference (`44`, `4 8 6`), or that no reading makes equal to it, stays as written. In a cell of an OCR'd page, a bare number that is the size of a negative difference when the column's other rows (three or more, three to one) show which way it subtracts is that difference: its mark was dropped (`12` for △12). The repair is warned (`check.ocr-repaired-number`).",
  applies: (L) => L.colPieces.some((ps) => ps.some((p) => p.kind === 'deviation')),
  apply(L) {
    const kindOf = (c: number) => L.colPieces[c]?.find((p) => p.kind)?.kind ?? null;
    let any = false;
    for (let c = L.stubCols; c < L.nC; c++) {
      if (kindOf(c) !== 'deviation') continue;
      const left = (k: string) => {
        for (let j = c - 1; j >= L.stubCols; j--) if (kindOf(j) === k) return j;
        return -1;
      };
      const [planCol, actualCol] = [left('plan'), left('actual')];
      // Else two columns of one kind (当年度決算(A) | 前年度決算(B) | 増減(A)-(B)): the two nearest valued columns on
      // its left. Which is minuend is not known, so only a mark read before the number decides the sign: the
      // cell is the negative difference when its digits are the gap between the two.
      const valued: number[] = [];
      for (let j = c - 1; j >= L.stubCols && valued.length < 2; j--) {
        const k = kindOf(j);
        if (k && k !== 'deviation') valued.push(j);
      }
      const pair = planCol >= 0 && actualCol >= 0 ? null : valued.length === 2 ? valued : null;
      if (!pair && (planCol < 0 || actualCol < 0)) continue;
      const sides = (r: number) =>
        pair
          ? [oneValue(L, r, pair[0]!), oneValue(L, r, pair[1]!)]
          : [oneValue(L, r, planCol), oneValue(L, r, actualCol)];
      const lost = lostMarkRows(L, c, sides);
      for (let r = L.headerRows; r < L.nR; r++) {
        if (!L.isTopLeft(r, c)) continue;
        const ocr = L.grid[r]?.[c]?.confidence !== undefined;
        const [ps, as] = pair
          ? [readingsOf(L, r, pair[0]!), readingsOf(L, r, pair[1]!)]
          : [readingsOf(L, r, planCol), readingsOf(L, r, actualCol)];
        let t: string | null = null;
        for (const p of ps)
          for (const a of as) {
            if (t) continue;
            const d = pair ? -Math.round(Math.abs(a - p) * 1e6) / 1e6 : Math.round((a - p) * 1e6) / 1e6;
            t = deviationReading(L.text(r, c), oneValue(L, r, c), d, ocr);
          }
        if (!t && lost.has(r)) t = `▲${normalized(L.text(r, c)).trim()}`;
        if (!t) continue;
        L.repaired.set(`${r},${c}`, t);
        L.data[r]![c] = dataValue(t);
        any = true;
      }
    }
    return any;
  },
  examples: [
    {
      name: 'example.tsv',
      text: '事業\t単位\t令和5年度計画\t令和5年度実績\t差（実績－計画）\n訪問入浴\t人/年\t30\t22\t48\n',
      expect: { value: -8, value_kind: 'deviation', fiscal_year: 2023 },
    },
    {
      name: 'example.tsv',
      text: '勘定科目\t当年度決算(A)\t前年度決算(B)\t増減(A)-(B)\n介護保険事業収益\t11,113,250\t11,792,274\tん679,024\n',
      expect: { value: -679024, value_kind: 'deviation' },
    },
    {
      name: 'example.tsv',
      text: '款項目\t本年度決算額(A)\t前年度決算額(B)\t差引(A)-(B)\n委託料\t1,204,500\t1,310,250\tム105.750\n使用料及び賃借料\t88,120\t91,400\tA3.280\n',
      expect: { label: '委託料', value: -105750, value_kind: 'deviation' },
    },
  ],
});

/** A cell that is nothing but a bracketed number: `〈30〉`, `<30>`, `く30〉` (OCR); `（30）`, `［30］` under a note. */
const ANGLE_ONLY = /^[<〈《く]\s*[0-9][0-9,.]*\s*[>〉》]$/u;
const BRACKET_ONLY = /^[(（[［【〔]\s*[0-9][0-9,.]*\s*[)）\]］】〕]$/u;

export const subsetOnNextLine = rule<TableLayout>({
  id: 'layout.subset-on-next-line',
  family: 'layout',
  stage: 'cells',
  priority: 20,
  summary:
    'Family "a subset on the line under its value": a row with no label whose cells hold nothing but bracketed numbers (`〈30〉`, or `（30）` under a note that brackets hold a part), each under a cell holding one plain number — a cell\'s second line set as a row of its own by a PDF without rulings — is that row\'s subsets (`120` over `〈30〉` → `120〈30〉`), not a row of values.',
  applies: (L) => L.nR > 1,
  apply(L) {
    let any = false;
    const bracketOnly = (t: string) =>
      ANGLE_ONLY.test(normalized(t).trim()) || (L.ctx.subsetNoted && BRACKET_ONLY.test(normalized(t).trim()));
    for (let r = 1; r < L.nR; r++) {
      const cols: number[] = [];
      let other = false;
      for (let c = 0; c < L.nC; c++) {
        if (!L.isTopLeft(r, c)) continue;
        const t = L.text(r, c).trim();
        if (!t) continue;
        if (bracketOnly(t)) cols.push(c);
        else other = true;
      }
      if (other || cols.length === 0) continue;
      const plain = (c: number) => {
        if (!L.isTopLeft(r - 1, c)) return false;
        const d = L.data[r - 1]![c];
        return (
          !!d &&
          d.quantities.length === 1 &&
          d.quantities[0]!.subset === undefined &&
          !d.quantities[0]!.ratio &&
          /^[0-9０-９][0-9０-９,，.．]*\s*[^\s0-9０-９<>〈〉《》()（）]{0,3}$/u.test(L.text(r - 1, c).trim())
        );
      };
      if (!cols.every(plain)) continue;
      for (const c of cols) {
        const joined = `${L.text(r - 1, c).trim()} ${normalized(L.text(r, c)).trim().replace(/^く/u, '〈')}`;
        const d = dataValue(joined.replace(/[(（[［【〔]\s*([0-9][0-9,.]*)\s*[)）\]］】〕]$/u, '<$1>'));
        if (d?.quantities.length !== 1 || d.quantities[0]!.subset === undefined) continue;
        L.repaired.set(`${r - 1},${c}`, joined);
        L.data[r - 1]![c] = d;
        L.linesJoined ??= new Set();
        L.linesJoined.add(`${r - 1},${c}`).add(`${r},${c}`);
        L.repaired.set(`${r},${c}`, '');
        L.data[r]![c] = dataValue('');
        any = true;
      }
    }
    return any;
  },
  examples: [
    {
      name: 'example.tsv',
      text: '区分\t令和5年度実績\t令和6年度実績\n短期入所（人日/月）\t64\t71\n\t〈12〉\t〈15〉\n',
      expect: { value_kind: 'subset', value: 15, fiscal_year: 2024 },
    },
  ],
});

export const LAYOUT_RULES = [
  ocrBrokenNumbers,
  subsetOnNextLine,
  ocrLetterInNumberedHead,
  ocrGarbledKindHeader,
  ocrGarbledUnit,
  ocrMinusInValues,
  ocrSignInDeviation,
  headerRowsBeforeData,
  headerRowsOfKindWords,
  headerRowsOfLabels,
  stubColumns,
  valuedColumnEndsStubs,
  stageColumnEndsStubs,
  columnHeaders,
  headerOfTableAbove,
  rowLabelsCarryDown,
  unitOnNextLine,
  blockHeaderRows,
];
