/**
 * What one header, stub or data cell of a table says, read once and memoized: its period, value kind, label and
 * unit (`Piece`), or the quantities it holds (`dataValue`). Pure string readings shared by the table rules.
 */
import type { FiscalPeriod, Quantity, Table, ValueKind } from '@shiryo/model';
import {
  ANSWER_WORDS,
  BOUND_PREFIX_WORDS,
  BOUND_WORDS,
  CARE_LEVEL_SOURCE,
  GUIDELINE_ASIDE,
  KIND_PAIR_SPLIT,
  kindListOf,
  kindOfWord,
  kindPairOf,
  NOTE_REFERENCE,
  PDCA_STAGE,
  tableToGrid,
  VALUE_PREFIX_WORDS,
  wordsPattern,
} from '@shiryo/model';
import { compact, isGeneric, splitKindWord, stripKanaOrdinal, stripTags } from '../labels.js';
import { findPeriods, type PeriodOptions, parseColumnHeader } from '../period/index.js';
import { parseQuantity, splitLabelUnit, trailingUnitWord, type UnitInfo, unitInfo } from '../quantity/index.js';
import { normalizeText } from '../text/index.js';

/** What one header or stub text says. */
export interface Piece {
  text: string;
  period: FiscalPeriod | null;
  kind: ValueKind | null;
  label: string | null;
  /** The label with the kind word `kind` was read from still fused to it (`運営実績` → label `運営`, kind actual). */
  fusedLabel?: string;
  unit: string | null;
  unitText: string | null;
  /** Multiply values read under this label by it (`（千円）` → 1000). */
  factor?: number;
  /** The kinds of a header of kind words joined by a pair mark (`計画|実績`), in order: its cells hold one of each. */
  kinds?: ValueKind[];
  /** The part a year or kind header announces its brackets hold (`令和6年度実績〈うち精神障害者〉` → `精神障害者`). */
  part?: string;
}

/**
 * A part announced in brackets after a label or header (`利用者数（うち医療的ケア児）`, `令和6年度〈うち精神障害者〉`):
 * its name in group 1. Not a bracket that is the whole text (`（うち精神障害者）`, a うち row of its own).
 */
export const PART_ASIDE =
  /(?<=\S)\s*[(（〈<《［[【]\s*(?:うち|内)\s*(?![\d,.\s]*[)）〉>》］\]】])([^()（）〈〉<>《》［］[\]【】]{1,20}?)\s*[)）〉>》］\]】]/u;

export type DataCell = { quantities: Quantity[]; missing: boolean } | null;

const SPECIFIC = new Set(['fy', 'fy_end', 'date', 'month', 'year']);

/** Small bounded memo: the same header and stub texts are read many times per table and per document. */
export function memo<T>(fn: (s: string) => T, size = 4000): (s: string) => T {
  const cache = new Map<string, T>();
  return (s: string) => {
    const hit = cache.get(s);
    if (hit !== undefined) return hit;
    const v = fn(s);
    if (cache.size >= size) cache.delete(cache.keys().next().value as string);
    cache.set(s, v);
    return v;
  };
}

const ANSWER = new RegExp(`^(?:${wordsPattern(ANSWER_WORDS)})$`, 'u');

/**
 * Readings under one document's period options (its era, its plan): one memo per options object, which the
 * document context creates once (`DocumentContext.periods`).
 */
function memoByOptions<T>(fn: (s: string, opts: PeriodOptions) => T): (s: string, opts?: PeriodOptions) => T {
  const plain = memo((s: string) => fn(s, {}));
  const byOptions = new WeakMap<PeriodOptions, (s: string) => T>();
  return (s, opts) => {
    if (!opts || (!opts.era && !opts.planType && opts.bareWesternYears === undefined)) return plain(s);
    let m = byOptions.get(opts);
    if (!m) {
      m = memo((t: string) => fn(t, opts));
      byOptions.set(opts, m);
    }
    return m(s);
  };
}

/** What a header or stub text says, read with the document's period options. */
export const readPiece = memoByOptions(readPieceUncached);
export const normalized = memo((s: string) => normalizeText(s).text);
/** A period written in a data cell itself (`62（R4末）`), not in the guideline's aside beside its value. */
export const cellPeriod = memoByOptions((raw: string, opts: PeriodOptions) => {
  const s = raw.replace(GUIDELINE_ASIDE, ' ');
  return /\d/.test(s) ? (findPeriods(s, opts).find((x) => x.fiscalYear !== null) ?? null) : null;
});
export const dataValue = memo(dataValueUncached);
/** The text states a count with its unit (`・拠点数：令和5年度末 1か所`), not only a number. */
export const holdsCount = memo((s: string) => parseQuantity(s).quantities.some((q) => q.unit));

/**
 * An HTML tag left in a cell's text (`<br>`, `</span>`): only a tag name, so that words in angle brackets that
 * the document wrote (`<再掲>`, `<注>`, an entity-escaped `&lt;再掲&gt;` the HTML reader already decoded) stay.
 */
const LEFTOVER_TAG = /<\/?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?\/?>/g;

/** A name, a bracket, and one word after it: `計画相談支援（人/月）計画`. */
const UNIT_THEN_WORD = /^(.*[^\s(（])\s*([(（][^()（）]+[)）])\s*([^\s()（）]+)$/u;

/**
 * Family "paired kinds in one cell", header written after its measure: `実施箇所数（か所） 見込量|実績`,
 * `利用者数 計画/実績`, `延べ時間（時間/月）計画／実績` — the words before the kind pair (after a unit's bracket, or
 * fused with the first kind word) and the kinds in order; null when the text ends otherwise, when a part is no kind
 * word, when two parts name one kind, or when the pair is inside brackets (`達成率（実績/計画）`, a formula).
 */
function measureThenKindPair(text: string): { head: string; kinds: ValueKind[] } | null {
  const close = Math.max(text.lastIndexOf(')'), text.lastIndexOf('）'));
  const parts = text
    .slice(close + 1)
    .trim()
    .split(KIND_PAIR_SPLIT);
  if (parts.length < 2) return null;
  const later = parts.slice(1).map((p) => kindOfWord(p));
  if (later.some((k) => !k)) return null;
  const alone = kindOfWord(parts[0]!);
  const fused = alone ? null : splitKindWord(parts[0]!);
  const first = alone ?? fused?.kind;
  if (!first) return null;
  const head = `${text.slice(0, close + 1)}${fused?.rest ?? ''}`.trim();
  const kinds = [first, ...(later as ValueKind[])];
  if (!head || new Set(kinds).size !== kinds.length) return null;
  return { head, kinds };
}

function readPieceUncached(raw: string, opts: PeriodOptions): Piece {
  // (`ア　施設サービス`: a kana ordinal goes before normalizing closes the blank after it, with those inside a label)
  const text = normalizeText(stripKanaOrdinal(raw.replace(LEFTOVER_TAG, ' ')))
    .text.replace(/\s+/g, ' ')
    .trim();
  // An answer (`有`, `無`, `○`, `×`) reports that something is done: it labels nothing.
  if (!text || ANSWER.test(text)) return { text, period: null, kind: null, label: null, unit: null, unitText: null };
  // A cell that is only a unit (`人/月` under 単位) names the unit of its row or column.
  // (`千円` in a unit column or a corner scales the values it governs: its factor goes with it)
  // (a reference to a note after it, `人/年※5`, is no part of the unit)
  const bare = text.replace(NOTE_REFERENCE, '');
  const whole = unitInfo(bare);
  // (a digit is a count, not a unit — but for the one period a unit is per: `回（1か月）`, `人/1年`)
  if (whole && !/[0-9]/.test(bare.replace(/1(?=(?:か|カ|ヶ|ケ|ヵ|箇)?(?:月|年|週))/gu, '')))
    return { text, period: null, kind: null, label: null, unit: whole.unit, unitText: bare, factor: whole.factor };
  // `実施箇所数（か所） 見込量|実績`, `利用者数 計画/実績`: what is counted, then kind words joined by a pair mark —
  // the measure of both values of a cell under it (`45 | 37`) and their kinds in order.
  const measurePair = measureThenKindPair(text);
  if (measurePair) {
    const head = readPieceUncached(measurePair.head, opts);
    if (!head.kind && !head.kinds) return { ...head, text, kind: measurePair.kinds.at(-1)!, kinds: measurePair.kinds };
  }
  // `計画相談支援（人／月）計画`, `短期入所（人日/月）差` (two header lines joined): a kind word right after the unit's
  // bracket is the kind, even a stem that also ends names of things (`整備計画`), which alone counts only after a
  // measure (`splitKindWord`).
  const afterUnit = UNIT_THEN_WORD.exec(text);
  if (afterUnit && kindOfWord(afterUnit[3]!) && splitLabelUnit(afterUnit[2]).unitText) {
    const head = readPieceUncached(`${afterUnit[1]}${afterUnit[2]}`, opts);
    if (!head.kind && head.label) return { ...head, text, kind: kindOfWord(afterUnit[3]!) };
  }
  // Unit first (`見込量（人日/月）`), so that the kind word stands alone.
  // (`居宅介護 人/月`, `訪問入浴 回(月)`: a unit word after a blank, read before normalizing closed the blank)
  const split = ((s) => (s.unitText ? s : (trailingUnitWord(stripKanaOrdinal(raw.replace(LEFTOVER_TAG, ' '))) ?? s)))(
    splitLabelUnit(text),
  );
  // A sentence in a stub (`2025年問題を広報等でとりあげ、…`) is a label, not a header with a year.
  // (a long name listing fields with 、 and closed by its unit, `保健、医療及び福祉関係者による協議の場への関係者の
  // 参加者数（人）`, is a label with its unit: the unit's bracket ends no sentence)
  if (text.length > 30 && /[、。]/.test(text) && !(split.unitText && !/[。]/.test(text) && split.label)) {
    const label = stripTags(text) || null;
    return { text, period: null, kind: null, label, unit: null, unitText: null };
  }
  // Family "a header announcing the part its cells' brackets hold" (`令和6年度実績〈うち精神障害者〉`): the year and kind
  // as without it, and the part's name for the bracketed values under it.
  const aside = PART_ASIDE.exec(text);
  if (aside) {
    const head = readPieceUncached(text.slice(0, aside.index) + text.slice(aside.index + aside[0].length), opts);
    if (head.period || head.kind) return { ...head, text, part: aside[1]!.trim() };
  }
  const h = parseColumnHeader(split.label ?? text, opts);
  let label: string | null = stripTags(normalized(h.rest ?? '')).trim();
  // A kind word fused with what it counts (`利用者数実績`, `実績（利用者数）`) or a compound one (`計画見込量`).
  let kind = h.valueKind;
  const fused = kind ? null : kindOfWord(label) ? { kind: kindOfWord(label)!, rest: '' } : splitKindWord(label);
  const fusedLabel = fused?.rest ? label : undefined;
  if (fused) {
    kind = fused.kind;
    label = fused.rest;
  }
  if (!label || isGeneric(label) || /^[\s()（）/・:：-]*$/.test(label) || /^第\s*\d+\s*期(?:計画)?の?$/.test(label))
    label = null;
  // Kind words joined by a pair mark (`R3 計画|実績値`): they name the kinds of the cell's values, nothing counted.
  const own = split.label ?? text;
  const ownWords = h.period?.text ? own.replace(h.period.text, '') : own;
  const kinds = kindPairOf(ownWords) ?? undefined;
  // Kind words joined by と・及び over several columns (`目標と実績`) name the kinds under them: no label.
  if (kinds || kindListOf(ownWords)) label = null;
  return {
    text,
    period: h.period,
    kind,
    label,
    unit: split.unit,
    unitText: split.unitText,
    factor: split.factor,
    ...(kinds ? { kinds } : {}),
    ...(fusedLabel && label ? { fusedLabel } : {}),
  };
}

/** A cell reads as data when it holds a quantity and little else (a label with a number inside is not data). */
const CARE_LEVEL_CELL = new RegExp(`^(?:${CARE_LEVEL_SOURCE})$`, 'u');

/**
 * What a data cell may hold beside its number and still be one value: units, bounds and approximations before or
 * after it (the vocabulary's lists: `おおむね30人`, `最大95人`, `20以上`), brackets and separators.
 */
const VALUE_WORDS = new RegExp(
  `${wordsPattern([...BOUND_WORDS, ...VALUE_PREFIX_WORDS, ...Object.keys(BOUND_PREFIX_WORDS)])}|人日|人|名|回|件|時間|日|月|年|か所|箇所|カ所|ヶ所|ケ所|床|円|千円|%|％|割|分|倍|世帯|部|[<>＜＞()（）・/／:：~～]`,
  'gu',
);

function dataValueUncached(raw: string): DataCell {
  // The guideline's wording in brackets beside the city's figure (`5（国の指針：…6%以上）`) is no part of it.
  const text = raw.replace(GUIDELINE_ASIDE, ' ');
  // A cell of single digits with blanks between them (`3 3`, OCR) is one number.
  const t = /^[0-9０-９](?: [0-9０-９])+$/u.test(text.trim()) ? text.trim().replace(/ /g, '') : text.trim();
  if (!t) return { quantities: [], missing: true };
  // Numbers that name a group or an ordinal are labels, not data: 65歳以上, 1級, 第6期, 3号認定, 1-①.
  if (/[0-9０-９]\s*(歳|級|号|期|条|節|章|次)|第\s*[0-9０-９]|^[0-9０-９]+\s*[-－]\s*[①-⑳0-9]/u.test(t)) return null;
  // A care level or a span of them (`要介護1`, `要介護3～5`) names a row, it holds no number.
  if (CARE_LEVEL_CELL.test(compact(t))) return null;
  // An item code written with its leading zeros before the item's name (a budget book's `001 給与費`) is a label.
  if (/^[0０][0-9０-９]{1,3}\s+\p{L}/u.test(t)) return null;
  const v = parseQuantity(t);
  if (v.missing) return { quantities: [], missing: true };
  if (v.quantities.length === 0) return null;
  const rest = compact(t)
    .replace(/[▲△+\-−－]?[0-9０-９][0-9０-９,，.．]*/g, '')
    .replace(VALUE_WORDS, '');
  // the words naming a part read as a subset (`100（うち精神 20）`) are that part's name, not a label of the cell
  const named = v.quantities.reduce((n, q) => n + (q.subsetLabel ? compact(q.subsetLabel).length + 2 : 0), 0);
  return rest.length <= 3 + named ? v : null;
}

/** The most specific period of some pieces (a year before a plan term or a range). */
export function pickPeriod(pieces: Piece[]): FiscalPeriod | null {
  const withPeriod = pieces.filter((p) => p.period);
  return (withPeriod.find((p) => SPECIFIC.has(p.period!.kind)) ?? withPeriod[0])?.period ?? null;
}

/** A unit implied by the measure word when nothing states one: 人数 → person, 世帯数 → household … */
export function unitFromLabel(label: string): string | null {
  const c = compact(label);
  if (/世帯数?$/.test(c)) return 'household';
  if (/(人数|者数|人口|人員)$/.test(c)) return 'person';
  if (/(箇所数|か所数|事業所数|施設数)$/.test(c)) return 'facility';
  if (/(件数)$/.test(c)) return 'case';
  if (/(回数)$/.test(c)) return 'time';
  if (/(割合|率)$/.test(c)) return 'percent';
  if (/(工賃|費用|金額|額)$/.test(c)) return 'yen';
  return null;
}

/**
 * The unit per period a measure word names with its period written before what it counts (`年間延べ利用者数` →
 * person/year, `月あたり回数` → time/month, `1か月当たり利用時間` → hour/month, `年間相談件数` → case/year); null
 * when the measure names no period (`利用者数`) or a span of several months (`3か月間の利用者数`).
 */
export function periodMeasureUnit(label: string): string | null {
  const m =
    /(?<![0-9〇一二三四五六七八九十]|[0-9〇一二三四五六七八九十][かカヶケヵ箇]?)(?:1|一)?(?:か|カ|ヶ|ケ|ヵ)?(月|年|週)(?:あたり|当たり|当り|間)の?(?:[\p{sc=Han}べ]{0,5}?)(者数|人数|時間数?|件数|回数|人日数|日数)$/u.exec(
      compact(label.normalize('NFKC')),
    );
  if (!m) return null;
  const base = {
    者数: '人',
    人数: '人',
    時間: '時間',
    時間数: '時間',
    件数: '件',
    回数: '回',
    人日数: '人日',
    日数: '日',
  }[m[2]!];
  return unitInfo(`${base}/${m[1]}`)?.unit ?? null;
}

/**
 * A composite unit over a table (`(人・世帯)`, `（単位：人、％）`, `（単位：千円，％）`): the unit (and its factor) of
 * one row or column is the part its label names — a rate (`高齢化率`, `構成比`, `達成率`) the percent, a count the
 * part it counts (`世帯数` → 世帯), else the first part that is no rate (the amounts of `千円，％` are in 千円).
 */
export function unitFromCompositeHint(
  hint: string,
  label: string,
  rate = false,
): (UnitInfo & { unitText: string }) | null {
  const parts = normalizeText(hint)
    .text.replace(/[()（）]/g, '')
    .replace(/^\s*単位\s*[:：]?/u, '')
    .split(/[・、,，]/u)
    .flatMap((x) => (unitInfo(x.trim()) ? [x.trim()] : x.split(/[/／]/u).map((y) => y.trim())))
    .filter((x) => x && unitInfo(x));
  if (parts.length < 2) return null;
  const isRate = (u: string) => ['percent', 'ratio'].includes(unitInfo(u)!.unit);
  const named =
    rate || /(?:率|割合|構成比|比|%)$/u.test(compact(label).replace(/[()（）]/g, ''))
      ? parts.find(isRate)
      : parts.find((u) => !isRate(u) && compact(label).includes(u));
  const part = named ?? parts.find((u) => !isRate(u)) ?? parts[0]!;
  return { ...unitInfo(part)!, unitText: part };
}

/** Vertical text split into single characters and shuffled (`て社第 計1回 画実 績報`): no sentence to read. */
export function looksScrambled(t: string): boolean {
  const tokens = t.split(/\s+/).filter(Boolean);
  return tokens.length >= 6 && tokens.filter((x) => [...x].length <= 3).length / tokens.length > 0.6;
}

/**
 * The row of a review sheet that names its stages across the columns (`区分 | 評価 (C) | 協議会等意見 | 改善 (A)`),
 * one text per column, or null when the table has none.
 */
export function stageColumns(table: Table): string[] | null {
  const grid = tableToGrid(table);
  for (const row of grid) {
    const texts = Array.from({ length: table.nCols }, (_, c) => (row[c]?.text ?? '').normalize('NFKC'));
    if (texts.some((t, c) => c > 0 && PDCA_STAGE.test(t))) return texts;
  }
  return null;
}

/**
 * A table that continues a review sheet on the next page (`成果目標 | 1 施設入所者の… ` then `令和4年度 | … | … | …`)
 * repeats the sheet's title row but not the row naming its stages: with as many columns, and every row below the
 * title a year (or nothing) in its first cell, its columns are the sheet's.
 */
export function continuesSheet(table: Table, stages: string[] | null): boolean {
  if (!stages || stages.length !== table.nCols || table.nRows < 2 || stageColumns(table)) return false;
  const grid = tableToGrid(table);
  for (let r = 1; r < table.nRows; r++) {
    const first = (grid[r]?.[0]?.text ?? '').trim();
    if (
      first &&
      !/^(?:令和|平成|R|H)\s*(?:\d{1,2}|元)\s*年度?$|^(?:19|20)\d{2}\s*年度?$/u.test(first.normalize('NFKC'))
    )
      return false;
  }
  return true;
}
