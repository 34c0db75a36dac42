/**
 * The words shiryo reads documents by — one copy, shared by the extractor and the normalizer.
 *
 * Every list here is data: the readers build their patterns from it (`wordsPattern`, `charClass`) instead of
 * writing their own alternations, so a word added here (a new OCR reading of 目標, a new bullet mark) is known to
 * every stage at once. `test/vocabulary.test.ts` fails when a source file writes a stray copy of one of the big
 * character classes or alternations.
 *
 * Conventions (docs/OBSERVATIONS.md): 見込/計画 → plan; 実績(見込) → estimate; 目標 → target; 基準値/現状値 →
 * baseline; 差/乖離/増減/比較/前年度比 → deviation; 達成率/対計画比/進捗率 → achievement_rate.
 */
import type { ValueKind } from './index.js';

// ---------------------------------------------------------------------------------------------
// Value kinds
// ---------------------------------------------------------------------------------------------

/**
 * Header words and their value kinds, exactly as a header cell or a bracket states them (after NFKC and without
 * blanks). `estimate` is not here: it is only a result estimated before it is final (`実績(見込)`, `実績見込`), which
 * takes two words (see `ESTIMATE_PATTERN`).
 */
export const KIND_WORDS: Readonly<Record<string, ValueKind>> = {
  見込: 'plan',
  見込み: 'plan',
  見込量: 'plan',
  見込み量: 'plan',
  見込値: 'plan',
  計画: 'plan',
  計画値: 'plan',
  計画量: 'plan',
  計画案: 'plan',
  実績: 'actual',
  実績値: 'actual',
  目標: 'target',
  目標値: 'target',
  目標量: 'target',
  進捗目標: 'target',
  基準: 'baseline',
  基準値: 'baseline',
  現状値: 'baseline',
  乖離: 'deviation',
  乖離値: 'deviation',
  差: 'deviation',
  差異: 'deviation',
  比較: 'deviation',
  増減: 'deviation',
  増減数: 'deviation',
  前年度比増減: 'deviation',
  前年比: 'deviation',
  前年度比: 'deviation',
  対前年比: 'deviation',
  対前年度比: 'deviation',
  達成率: 'achievement_rate',
  対計画比: 'achievement_rate',
  計画比: 'achievement_rate',
  計画対比: 'achievement_rate',
  執行率: 'achievement_rate',
  達成度: 'achievement_rate',
  進捗率: 'achievement_rate',
};

/** `実績(見込)`, `実績見込`, `実績（見込み）`: a result estimated before it is final (NFKC text). */
export const ESTIMATE_PATTERN = /実績\s*[(（]?\s*見込み?\s*[)）]?/u;

/**
 * What OCR makes of the kind words (`目標` read as `月標`/`日標`, `値` as `值`): the repaired word for each reading.
 * The text normalizer repairs them only where the repaired form is a kind word.
 */
export const KIND_OCR_READINGS: Readonly<Record<string, string>> = {
  月標: '目標',
  日標: '目標',
  目標值: '目標値',
  実績值: '実績値',
  計画值: '計画値',
  基準值: '基準値',
  乖離值: '乖離値',
  見込值: '見込値',
  現状值: '現状値',
};

/** Words that stand for 目標 in a text whose OCR misread it (`【月標】`, `日標値`). */
export const TARGET_READINGS = ['目標', '月標', '日標'] as const;

/** The kind-word stems a phrase is searched for (`【目標値】`, `…の実績`, `見込量`), longest first per kind. */
export const KIND_STEMS: Readonly<Record<'target' | 'actual' | 'plan' | 'baseline', readonly string[]>> = {
  target: TARGET_READINGS,
  actual: ['実績'],
  plan: ['見込'],
  baseline: ['基準値', '現状値', '計画策定時', '策定時'],
};

/** Words of a comparison with last year (`前年度比`, `対前年度比`, `前年同期比`). */
export const YEAR_ON_YEAR_PATTERN = /前年度?比|前年同期比|対前年度?比?/u;

/**
 * Kind words a PDF sets so close together that they come out as one header cell (`目標実績`): the header words
 * `splitGluedHeaderWords` separates. Only these: a longer kind word (`前年度比増減`) must never be cut in two.
 */
export const GLUED_KIND_WORDS = [
  '目標値',
  '目標',
  '実績値',
  '実績',
  '計画値',
  '計画',
  '見込量',
  '見込み',
  '見込',
  '基準値',
  '差',
  '達成率',
] as const;

/** Stems OCR writes with 值 (U+503C) for 値: `目標值`, `基準值`; the text normalizer repairs `<stem>值` → `<stem>値`. */
export const ATAI_STEMS = [
  '目標',
  '日標',
  '月標',
  '実績',
  '計画',
  '基準',
  '乖離',
  '見込',
  '数',
  '設定',
  '推計',
  '現状',
] as const;

/**
 * Kind words that may end a prose label (`フレイル予防教室 目標 /実績/達成率`, `…の抑制 現状値`): they say what the
 * value is, not what it counts, and are cut off. Not 計画 (`…整備計画` names a thing) nor the difference words.
 */
export const LABEL_TAIL_KIND_WORDS = [
  '目標値',
  '目標',
  '実績値',
  '実績',
  '達成率',
  '進捗率',
  '現状値',
  '基準値',
  '前年度比',
  '前年比',
  '見込量',
  '見込',
  '計画策定時',
  '策定時',
] as const;

/** Words that make a row or column a total of the rows above or the columns before it. */
export const TOTAL_WORDS = ['計', '小計', '合計', '総数', '総計'] as const;

/** A yes/no answer in a cell (`有`, `無`, `○`, `×`, `済`): it reports that something is done and labels nothing. */
export const ANSWER_WORDS = ['有', '無', '○', '◯', '×', '済'] as const;

/** Words for a value that is missing (a dash, a slash, `未実施`): never zero. */
export const MISSING_MARKS = ['－', '―', '—', '-', '‐', '/', '／', '…', '・', '*', '＊', '×'] as const;

// ---------------------------------------------------------------------------------------------
// Marks
// ---------------------------------------------------------------------------------------------

/** Marks that open a list item or a bullet (`・`, `●`, `■` …): each a single character. */
export const BULLET_MARKS = '・•‧∙●○◎◯■□◆◇▪▫▽☆★';

/** The marks a PDF or a converter writes before a list item most often (a subset of `BULLET_MARKS`). */
export const COMMON_BULLET_MARKS = '・•●○◆■◇□';

/** Marks that open a section's line in a sheet (`■相談支援体制の充実`): a subset of `BULLET_MARKS`. */
export const SECTION_MARKS = '■◆□◇';

/** A note mark (`※1`): what follows explains, it does not report. */
export const NOTE_MARKS = '※';

/** The bullet marks that also join two names without a blank (`保健・医療`): not a separator inside a label. */
export const JOINING_MARKS = '・‧∙';

/** Circled numbers ①…⑳ and ㉑…㊿ as a character-class body. */
export const CIRCLED_NUMBERS = '①-⑳㉑-㊿';

/** Arrows between a base and a target, or between two years (`3人→4人`, `R5→R8`). */
export const ARROWS = '→⇒';

/** Escape characters for use inside a regular-expression character class. */
export function classBody(chars: string): string {
  return chars.replace(/[\\\]^-]/g, '\\$&');
}

/** A character class of the given characters (`charClass(BULLET_MARKS)` → `[・•…]`). */
export function charClass(chars: string, extra = ''): string {
  return `[${classBody(chars)}${extra}]`;
}

/** An alternation of words for a regular expression, longest first so that `小計` is tried before `計`. */
export function wordsPattern(words: readonly string[]): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|');
}

// ---------------------------------------------------------------------------------------------
// Tables
// ---------------------------------------------------------------------------------------------

/**
 * A classification corner (`障害部位 | 人数 | 構成比`): the rows under it are groups of what the table counts, not
 * indicators of their own. Compared without blanks and middle dots.
 */
export const CLASSIFICATION_CORNER_PATTERN =
  /^(?:(?:障害|障がい|障碍)の?(?:部位|等級|種別|種類|程度)(?:等級)?|手帳の種類|部位|等級|種別|判定|程度|年齢|年齢区分|性別)$/u;

/** The stages of a PDCA review sheet, each written with its letter (`計画 (P)`, `評価（Ｃ）`). */
export const PDCA_STAGE_WORDS = ['計画', '実施', '実行', '評価', '点検', '改善', '見直し'] as const;

/** A stage with its letter (NFKC): `計画 (P)`, `実施(D)`, `評価 (C)`, `改善 (A)`. */
export const PDCA_STAGE = new RegExp(`(?:${wordsPattern(PDCA_STAGE_WORDS)})\\s*\\(\\s*[PDCA]\\s*\\)`, 'u');

/** Header words of the national guideline's column (`国の成果目標概要`, `基本指針`): the country's targets. */
export const NATIONAL_GUIDELINE_WORDS = ['国の', '基本指針'] as const;
export const NATIONAL_GUIDELINE = new RegExp(wordsPattern(NATIONAL_GUIDELINE_WORDS), 'u');

/** A bracketed kind marker (`【目標値】`, `【実績】`, the OCR readings `【月標】`/`【日標】`). */
export const KIND_MARKER = new RegExp(`【[^】]*(?:${wordsPattern([...TARGET_READINGS, '実績', '見込'])})[^】]*】`, 'u');

/** Header words that name no indicator (`項目`, `区分`, `単位` …). */
export const GENERIC_HEADER_WORDS = [
  '項目',
  '区分',
  '内訳',
  '現在',
  '年度',
  '数値',
  '種別',
  '名称',
  'サービス名',
  'サービス',
  '指標',
  '成果目標',
  '活動指標',
  '事業名',
  '事業',
  '単位',
  '考え方',
  '備考',
] as const;

// ---------------------------------------------------------------------------------------------
// Plans
// ---------------------------------------------------------------------------------------------

/**
 * The first fiscal year of each plan's 第1期: every term runs three fiscal years from `base + 3 × (N − 1)`
 * (第6期障害福祉計画 → FY2021–2023, 第2期障害児福祉計画 → FY2021–2023, 第8期介護保険事業計画 → FY2021–2023).
 */
export const PLAN_TERM_BASES = { 障害福祉計画: 2006, 障害児福祉計画: 2018, 介護保険事業計画: 2000 } as const;
export type PlanKind = keyof typeof PLAN_TERM_BASES;

// ---------------------------------------------------------------------------------------------
// Years named relative to the document's own
// ---------------------------------------------------------------------------------------------

/**
 * Header words naming a fiscal year by its distance from the document's year (a budget book's `本年度予算額 |
 * 前年度予算額`): 本年度 is the year of the book's title (`令和6年度 一般会計予算書`). Not in `前年度比` (a change).
 */
export const RELATIVE_YEAR_WORDS: Readonly<Record<string, number>> = {
  本年度: 0,
  当年度: 0,
  今年度: 0,
  前年度: -1,
  昨年度: -1,
  前々年度: -2,
  翌年度: 1,
  次年度: 1,
};
