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
  // (the points an evaluation sheet of a call for proposals allots to each criterion: set for the coming award)
  配点: 'plan',
  実績: 'actual',
  実績値: 'actual',
  目標: 'target',
  目標値: 'target',
  目標量: 'target',
  進捗目標: 'target',
  基準: 'baseline',
  基準値: 'baseline',
  // (a base as some plans write it; not `基準年度` / `基準時点`, which head a column of the base's year or date)
  ベースライン: 'baseline',
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
  // (a comparison with another figure standing beside it: the city against the average of similar cities, `対比（％）`,
  // `対比（差引）`; against the plan it is a rate, `計画対比`)
  対比: 'deviation',
  達成率: 'achievement_rate',
  対計画比: 'achievement_rate',
  計画比: 'achievement_rate',
  計画対比: 'achievement_rate',
  執行率: 'achievement_rate',
  達成度: 'achievement_rate',
  進捗率: 'achievement_rate',
};

/**
 * `実績(見込)`, `実績見込`, `実績（見込み）`, `実績見込値`, `実績見込量`, `見込実績`: a result estimated before it is final
 * (NFKC text).
 * The 値/量/額 after it is the word's own suffix (as in 実績値, 計画値), no part of a label.
 */
export const ESTIMATE_PATTERN = /実績\s*[(（]?\s*見込み?\s*[)）]?(?:値|量|額)?|見込み?実績(?:値|量|額)?/u;

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
  実續: '実績',
  実積: '実績',
};

/** What OCR makes of 績 in 実績 (續, 積: the same radical and a look-alike right side); the text normalizer repairs them. */
export const JISSEKI_OCR_READINGS = ['実續', '実積'] as const;

/**
 * What OCR makes of the era name 令和, its 令 read as a look-alike (`念和6年度`, `信和5年度`, `今和4年度`, `合和3年`): read as
 * 令和 only where an era year follows, with a warning (`ocr_era`).
 */
export const ERA_OCR_READINGS: Readonly<Record<string, '令和'>> = {
  念和: '令和',
  信和: '令和',
  今和: '令和',
  合和: '令和',
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

/**
 * The stems a compound kind word is made of, by what each says (`計画見込量`, `実績値（見込）`, `対目標比`,
 * `計画差`, `前年度末比較` are in no exact list). Rates are whole words: `比` alone ends many a word that is no rate
 * (`構成比`), so it only counts after another stem (`計画比`, `前年度比`).
 */
export const KIND_WORD_STEMS = {
  /** A rate of a result to its plan or target. */
  rate: ['達成率', '達成度', '進捗率', '執行率'],
  /** A difference. */
  /** A difference, or a comparison with last year (`前年度比`; in percent, `kind.year-on-year-percent-is-level`). */
  deviation: ['差異', '差引', '差', '乖離', '増減', '比較', '前年同期比', '前年度比', '前年比'],
  /**
   * A base the plan is measured from (`計画策定時` before 計画). `現状` alone heads a review's column of what was done
   * (a result); only `現状値` names a base.
   */
  baseline: ['計画策定時', '策定時', '基準', '現状値'],
  target: [...TARGET_READINGS],
  /** A result, final or first reported (`実績（速報値）`, `速報値`). */
  actual: ['実績', '速報'],
  plan: ['見込み', '見込', '計画', '推計', '見通し'],
} as const;

/**
 * The plan stems that say a figure is expected rather than planned (`見込`, `推計`, `見通し`; not `計画`): a year
 * marked with one (`令和7年度（見込）`) over a result column holds an estimate of that year's result.
 */
export const OUTLOOK_KIND_STEMS = ['見込み', '見込', '推計', '見通し'] as const;
export const OUTLOOK_KIND_PATTERN = new RegExp(wordsPattern(OUTLOOK_KIND_STEMS), 'u');

/** What may stand before a stem (`対計画比`, `前年度比`, `進捗目標`, `将来推計`). */
export const KIND_WORD_PREFIXES = ['前年同期', '前年度', '前年', '対', '進捗', '将来'] as const;
/** What may follow a stem (`見込量`, `目標値`, `計画比`, `実績数`). */
export const KIND_WORD_SUFFIXES = ['数値', '値', '量', '数', '額', '率', '度', '案', '比', '対比'] as const;
/**
 * The suffixes that say a kind word names a value (`目標量`, `目標数値`, `実績数`, `見込み量`, `計画値`): the word
 * with one of them names the same kind as the word alone.
 */
export const KIND_VALUE_SUFFIXES = ['数値', '値', '量', '数'] as const;
/** Value forms of a kind stem that name a thing counted (`サービス等利用計画の計画数`: how many plans), no kind. */
export const VALUE_FORMS_NAMING_THINGS: readonly string[] = ['計画数'];
const VALUE_SUFFIXED = new RegExp(`(?:${KIND_VALUE_SUFFIXES.join('|')}|率|比|時)$`, 'u');
/**
 * Kind words with the forms a value suffix makes of them (`目標` → `目標`, `目標数値`, `目標値`, `目標量`, `目標数`): a
 * word that already ends in a value suffix, a rate or a time (`目標値`, `達成率`, `策定時`) stays as it is. The word
 * lists a reader matches by (`LABEL_TAIL_KIND_WORDS`, `BRACKET_KIND_WORDS`, `CAPTION_KIND_TAIL_WORDS`) are built with
 * it, so each reads `目標量` and `実績数値` as it reads `目標値` and `実績値` (they read as one kind, `kindOfWord`).
 */
export function withValueSuffixes(
  words: readonly string[],
  except: readonly string[] = VALUE_FORMS_NAMING_THINGS,
): string[] {
  return [
    ...new Set(
      words.flatMap((w) =>
        VALUE_SUFFIXED.test(w)
          ? [w]
          : [w, ...KIND_VALUE_SUFFIXES.filter((x) => !except.includes(w + x)).map((x) => w + x)],
      ),
    ),
  ];
}

const STEM_KIND: Readonly<Record<string, ValueKind>> = Object.fromEntries(
  Object.entries(KIND_WORD_STEMS).flatMap(([k, stems]) =>
    stems.map((s) => [s, k === 'rate' ? 'achievement_rate' : (k as ValueKind)]),
  ),
);
const escapeWord = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternation = (words: readonly string[]) =>
  [...new Set(words)]
    .sort((a, b) => b.length - a.length)
    .map(escapeWord)
    .join('|');
const STEM = `(?:${alternation(Object.keys(STEM_KIND))})`;
const PREFIX = `(?:${alternation(KIND_WORD_PREFIXES)})`;
// (`比較` is a stem of its own: `計画比較` is 計画 and 比較, not 計画比 and 較)
const SUFFIX = `(?:(?:${alternation(KIND_WORD_SUFFIXES)})(?!較))`;
/** One part of a compound kind word: a stem with what may stand around it, in brackets or not (`（見込）`). */
const KIND_PART = `[(（]?${PREFIX}?${STEM}${SUFFIX}*[)）]?`;

/**
 * The source of a regular expression matching one compound kind word (NFKC text, no blanks): `計画見込量`,
 * `実績値(見込)`, `対計画比`, `目標達成率`, `前年度比増減`.
 */
export const KIND_COMPOUND_SOURCE = `(?:${KIND_PART}){1,4}`;
const KIND_COMPOUND = new RegExp(`^${KIND_COMPOUND_SOURCE}$`, 'u');
/** A bracketed formula after a kind word: `(実績ー見込量)`, `(B/A)`, `(実績÷計画)`. */
const FORMULA = /[(（][^()（）]*[-−ー－÷×/／+＋][^()（）]*[)）]$/u;
const LETTER_FORMULA = /(?:\([A-Za-z]\))?(?:[-−－÷×/+](?:\([A-Za-z]\))?)*$/u;
const KIND_PARTS = new RegExp(`(${PREFIX})?(${STEM})(${SUFFIX}*)`, 'gu');

/**
 * A limit a ratio must stay within, named by what crossing it triggers (the 地方公共団体財政健全化法 thresholds of
 * every settlement sheet: `早期健全化基準`, `財政再生基準`, `経営健全化基準`): a column of such limits holds
 * targets, not results and not bases (`基準` alone, `基準値`, `基準年度` stay bases).
 */
const STATUTORY_LIMIT = /^\p{sc=Han}{2,}(?:化|再生)基準$/u;

/**
 * The value kind of one header or bracket word, read by its stems so that a compound no list holds reads as its
 * parts say (the one reader of kind words: exact words of `KIND_WORDS` read the same through it):
 *
 * - a rate stem (`達成率`, `進捗率`), or `比` after a stem (`対計画比`, `計画対比`) → `achievement_rate`, except a
 *   comparison with last year (`前年度比`, `対前年比`) → `deviation`;
 * - a difference stem (`差`, `乖離`, `増減`, `比較`) → `deviation` (`計画差`, `実績との差`, `前年度比増減`);
 * - 実績 before 見込 (`実績見込`, `実績値（見込）`) → `estimate`, and 見込 right before 実績 (`見込実績`, `見込み実績値`);
 * - else one kind among 実績 → `actual`, 見込/計画/推計 → `plan`, 目標 → `target`, 基準/現状値/策定時 → `baseline`;
 *   words naming two (`目標実績`, `計画実績`: headers glued together) → null.
 *
 * A word with anything but stems and their prefixes and suffixes (`計画相談支援`, `構成比`, `整備計画`) is no kind
 * word: null.
 */
export function kindOfWord(word: string): ValueKind | null {
  const w = word
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/值/g, '値')
    // A formula saying how the value is made (`差(実績ー見込量)`, `達成率(B/A)`) is no part of the word.
    .replace(FORMULA, '')
    // so is a column's letter and a formula of letters (`当年度決算(A)`, `増減(A)-(B)`)
    .replace(LETTER_FORMULA, '');
  if (!w) return null;
  const exact = KIND_WORDS[w];
  if (exact) return exact;
  const budget = budgetKindOfWord(w);
  if (budget) return budget;
  if (STATUTORY_LIMIT.test(w)) return 'target';
  if (!KIND_COMPOUND.test(w)) return null;
  const parts = [...w.matchAll(KIND_PARTS)].map((m) => ({
    prefix: m[1] ?? '',
    kind: STEM_KIND[m[2]!]!,
    stem: m[2]!,
    suffix: m[3] ?? '',
  }));
  const yearOnYear = parts.some((p) => /前年/u.test(p.prefix));
  if (parts.some((p) => p.kind === 'achievement_rate')) return 'achievement_rate';
  if (parts.some((p) => /比/u.test(p.suffix) && p.kind !== 'deviation'))
    return yearOnYear ? 'deviation' : 'achievement_rate';
  if (parts.some((p) => p.kind === 'deviation') || yearOnYear) return 'deviation';
  const kinds = [...new Set(parts.map((p) => p.kind))];
  if (kinds.length === 1) return kinds[0]!;
  const actualAt = parts.findIndex((p) => p.kind === 'actual');
  const planAt = parts.findIndex((p) => p.kind === 'plan' && p.stem.startsWith('見込'));
  if (kinds.length === 2 && actualAt >= 0 && planAt > actualAt) return 'estimate';
  // `見込実績`, `見込み実績値`: the result as expected, written the other way round — the 見込 stem right before the
  // 実績 stem with nothing between (`計画実績` and `目標実績` name two kinds: null)
  if (
    parts.length === 2 &&
    planAt === 0 &&
    actualAt === 1 &&
    !parts[0]!.suffix &&
    !parts[1]!.prefix &&
    /^見込み?実績/u.test(w.replace(/^[(（]/u, ''))
  )
    return 'estimate';
  // `計画策定時`: the time the plan was made is a base.
  if (kinds.includes('baseline') && parts.some((p) => p.stem.endsWith('策定時'))) return 'baseline';
  return null;
}

/**
 * The kind stems of public accounts (docs/OBSERVATIONS.md, budget tables): a budget (`予算`) is a plan, a
 * settlement or what was paid in or out (`決算`, `支出済`, `収入済`) a result.
 */
export const BUDGET_KIND_STEMS: Readonly<Record<string, ValueKind>> = {
  予算: 'plan',
  決算: 'actual',
  支出済: 'actual',
  収入済: 'actual',
};
/**
 * Words before a budget stem that say which year or which stage of the budget a column is (`本年度予算額`,
 * `前年度予算額`, `当初予算額`, `補正後予算額`, `令和5年度決算額`): they qualify the year, never the kind — so
 * `前年度予算額` is the plan of the year before, not a comparison with it (`前年度比`).
 */
export const BUDGET_STAGE_WORDS = ['当初', '補正後', '補正', '最終', '既決', '追加'] as const;
/** What may end a budget word: `予算額`, `予算現額` (the budget as amended), `決算見込額`. */
export const BUDGET_SUFFIXES = ['見込額', '現額', '額', '高'] as const;

// (built on first use: `RELATIVE_YEAR_WORDS` is defined further down)
let budgetWord: RegExp | undefined;
const budgetWordPattern = () =>
  new RegExp(
    `^(?:${alternation(Object.keys(RELATIVE_YEAR_WORDS))}|(?:令和|平成|昭和|R|H)?(?:\\d{1,2}|元)年度|\\d{4}年度)?` +
      `(?:${alternation(BUDGET_STAGE_WORDS)})?(${alternation(Object.keys(BUDGET_KIND_STEMS))})` +
      `(?:${alternation(BUDGET_SUFFIXES)})?$`,
    'u',
  );

/**
 * The kind of a budget or settlement column word (`本年度予算額`, `前年度予算額`, `当初予算額`, `予算現額` → plan;
 * `決算額`, `令和5年度決算額`, `支出済額` → actual), the year word before the stem left to the period readers; null
 * for anything else (`予算比`, `決算状況`, `予算の執行`).
 */
export function budgetKindOfWord(word: string): ValueKind | null {
  budgetWord ??= budgetWordPattern();
  const m = budgetWord.exec(word.normalize('NFKC').replace(/\s+/g, ''));
  return m ? BUDGET_KIND_STEMS[m[1]!]! : null;
}

/**
 * The levels of a public account, outermost first (款 > 項 > 目 > 節 > 細節): their numbers (`3款`, `2項`, a 節
 * column of `1`, `2`) are codes, not observations; their names go to `section` (docs/OBSERVATIONS.md).
 */
export const ACCOUNT_LEVEL_WORDS = ['款', '項', '目', '節', '細節'] as const;

/**
 * The marks that join two kind words in one header whose cells hold a value of each in the same order: `計画|実績`
 * over `557 | 598`, `見込／実績` over `12／10` (a converter's table, or two columns folded into one). NFKC folds the
 * full-width forms (`｜`, `／`) into these.
 */
export const KIND_PAIR_MARKS = '|/';
/**
 * The marks that may stand between a kind word and its number, and between one such pair and the next, on a record
 * line (`令和6年度　計画値　24,860　実績値　24,487`, `R6 計画：120人／実績：118人`, `計画=120, 実績=118`): blanks,
 * colons, equals signs, slashes, commas, semicolons, bars and middle dots (NFKC text).
 */
export const RECORD_PAIR_MARKS = ':=/,;|・、';
/** Splits a header or a cell at a pair mark, with the blanks around it. */
export const KIND_PAIR_SPLIT = new RegExp(`\\s*${charClass(KIND_PAIR_MARKS)}\\s*`, 'u');

/**
 * The kinds a header names in order when it is kind words joined by a pair mark (`計画値|実績値` → plan, actual;
 * `見込/実績` → plan, actual), else null. A bracketed formula (`達成率(実績/計画)`) or a word that is no kind
 * (`利用者数/実績`) is no pair; neither are two words of one kind.
 */
export function kindPairOf(text: string): ValueKind[] | null {
  // (the whole pair in one bracket, as written after a year, `令和6年度（計画値|実績）` with the year taken off: the
  // bracket holds the pair and nothing else, no formula after a measure's name)
  const whole = text
    .normalize('NFKC')
    .trim()
    .replace(/^[(（]([^()（）]*)[)）]$/u, '$1');
  const parts = whole.split(KIND_PAIR_SPLIT);
  if (parts.length < 2) return null;
  const words = parts.map((p) => p.replace(/^[(（]([^()（）]*)[)）]$/u, '$1'));
  // (a mark inside brackets, `達成率（実績/計画）`, leaves a bracket open in a part: a formula)
  if (words.some((w) => /[()（）]/u.test(w))) return null;
  const kinds = words.map((w) => kindOfWord(w));
  if (kinds.some((k) => !k) || new Set(kinds).size !== kinds.length) return null;
  return kinds as ValueKind[];
}

/** Words that join the kind words of a group header (`目標と実績`, `計画・実績`, `見込量及び実績値`). */
export const KIND_LIST_JOINERS = ['と', '・', '及び', 'および', '並びに', 'ならびに', '、', ','] as const;
const KIND_LIST_SPLIT = new RegExp(`\\s*(?:${wordsPattern(KIND_LIST_JOINERS)})\\s*`, 'u');

/**
 * The kinds a group header lists when it is only kind words joined by と・及び (`目標と実績`, `計画値・実績値`,
 * `計画と実績の比較`, `見込量及び実績の状況`): it names the kinds of the columns under it, nothing counted — not
 * a label. Null for anything else (`地域と医療`, `計画相談支援`, one kind word alone).
 */
export function kindListOf(text: string): ValueKind[] | null {
  const t = text
    .normalize('NFKC')
    .replace(/\s+/gu, '')
    .replace(/の?(?:比較|状況|対比|推移|一覧)$/u, '')
    .replace(/^の/u, '');
  const parts = t.split(KIND_LIST_SPLIT);
  if (parts.length < 2) return null;
  const kinds = parts.map((p) => kindOfWord(p));
  if (kinds.some((k) => !k) || new Set(kinds).size < 2) return null;
  return kinds as ValueKind[];
}

/**
 * Bare stems that also end the names of things (`整備計画`, `地域福祉計画`, `人口推計`, `格差`, `比較`): at the
 * end of a label they state a kind only after what is counted (`利用者数計画`).
 */
export const KIND_STEMS_NAMING_THINGS = ['計画', '計画案', '推計', '差', '基準', '増減', '比較'] as const;

/**
 * Nouns of an activity that begin with a kind stem (`目標設定及び評価の実施回数`, an indicator of the national
 * guideline; `目標管理`): in a sentence they name what is done, not the kind of its number.
 */
export const KIND_STEM_ACTIVITY_NOUNS = ['目標設定', '目標管理'] as const;

/**
 * Stems of the verbs and nouns of an outlook: a sentence whose predicate is one of them and its endings
 * (`…の見込みです。`, `…を見込んでいます。`, `…と推計しています。`, `…の整備を予定しています。`) states a plan.
 */
export const OUTLOOK_STEMS = ['見込', '見通し', '推計', '予定', '計画', '想定'] as const;

/** The predicate of a sentence of outlook: an outlook stem followed by kana endings only, up to the full stop. */
export const OUTLOOK_PREDICATE = new RegExp(
  `(?:${wordsPattern(OUTLOOK_STEMS)})\\p{sc=Hiragana}{0,12}\\s*[。．]?\\s*$`,
  'u',
);

/** A compound kind word at the end of a text (`利用者数実績`, `延べ利用日数見込`), for `splitKindWord`. */
export const KIND_COMPOUND_AT_END = new RegExp(`${KIND_COMPOUND_SOURCE}$`, 'u');
/** A compound kind word at the start of a text (`実績（利用者数）`, `見込 利用者数`). */
export const KIND_COMPOUND_AT_START = new RegExp(`^${KIND_COMPOUND_SOURCE}`, 'u');

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
  '対計画比',
  '計画比',
  '現状値',
  '基準値',
  '前年度比',
  '前年比',
  '見込量',
  '見込',
  '計画策定時',
  '策定時',
] as const;
/**
 * The same kind words with a value suffix no word of `LABEL_TAIL_KIND_WORDS` has (`…の目標量`, `…の実績数値`,
 * `…の見込み数`): they end a label only after `の` or a mark (`相談実績数` may name what is counted).
 */
export const LABEL_TAIL_SUFFIXED_KIND_WORDS = withValueSuffixes(['目標', '実績', '見込み', '見込', '基準']).filter(
  (w) => !(LABEL_TAIL_KIND_WORDS as readonly string[]).includes(w) && w !== '基準',
);

/**
 * Kind words that, alone in round brackets after a label (`施設入所者数（基準値）`, `箇所数（計画）：185か所`,
 * `参加者数（実績）`), say what the value is, not what it counts: the bracket is a kind marker and leaves the label.
 * 計画 counts here (in brackets it names no thing, unlike `…整備計画`); so do their value forms (`（目標量）`, `（実績数）`,
 * `（見込み）`), but `計画数`, which counts plans (`VALUE_FORMS_NAMING_THINGS`).
 */
export const BRACKET_KIND_WORDS = withValueSuffixes(['基準', '目標', '実績', '見込み', '見込', '計画']);

/**
 * The care levels of the long-term care insurance (要支援1・2, 要介護1～5, and their groups 要支援 / 要介護, with
 * 事業対象者, and a span of them, `要介護3～5`): a row or column named by one is a breakdown of what the table counts (認定者数, 利用者数), not an
 * indicator (family "rows that are care levels", the indicator named by the caption).
 */
export const CARE_LEVEL_SOURCE =
  '(?:要支援|要介護)(?:[1-5１-５](?:[～~〜・\\-－](?:要支援|要介護)?[1-5１-５])?)?|事業対象者';

/** Words that make a row or column a total of the rows above or the columns before it. */
export const TOTAL_WORDS = ['計', '小計', '合計', '総数', '総計'] as const;

/** Total words of a part of the rows (a group's): `小計`, and a bare `計` under a group's heading row. Not 合計/総計. */
export const SUBTOTAL_WORDS = ['小計', '計'] as const;

/**
 * Words of a per-head or per-unit basis (`人口1人当たり`, `1床当り`, `1件あたり`): a column headed by the basis alone
 * (its kind word set apart: `人口1人当たり決算額`) states how the amount is measured, not what it is of.
 */
export const PER_BASIS_WORDS = ['当たり', '当り', 'あたり'] as const;
/** A basis alone: an optional population word, a count of one and its counter, a per-basis word. */
export const PER_BASIS = new RegExp(
  `^(?:人口|住民|市民|被保険者|利用者)?(?:[1１一])(?:人|床|件|世帯|施設|戸|台|回)(?:${PER_BASIS_WORDS.join('|')})$`,
  'u',
);

/**
 * Whose figures a column or row of a settlement analysis holds (歳出比較分析表, 財政状況資料集): the body itself
 * (`当該団体`, `当該団体値`) or a group it is compared with (`類似団体平均`, `類似団体内最大値`, `全国平均`, `県平均`).
 * Neither says what the amounts are of — the item is the row's or the table's caption: the body itself labels
 * nothing, a comparison group is the figure's subgroup.
 */
export const REPORTING_BODY_WORDS = ['当該団体', '当該団体値', '本団体'] as const;
export const COMPARISON_GROUP_PATTERN =
  /^(?:類似団体|同規模団体|全国|都道府県|県|市町村)内?(?:平均|最大|最小|中央)値?$/u;

/**
 * Words heading a column of running totals beside the figures they add up (`発生者数 | 累計`): the column counts the
 * same item as the column before it, cumulatively (its measure).
 */
export const CUMULATIVE_WORDS = ['累計', '累積', '累計数'] as const;

/** A yes/no answer in a cell (`有`, `無`, `○`, `×`, `済`): it reports that something is done and labels nothing. */
export const ANSWER_WORDS = ['有', '無', '○', '◯', '〇', '×', '済'] as const;

/**
 * Column headers of a list of records (rows numbered 1, 2, 3 …: cases, persons) whose numbers are attributes of each
 * record (`年代` 70 = in their seventies), not counts.
 */
export const RECORD_ATTRIBUTE_HEADERS = ['年代', '年齢'] as const;

/**
 * Words after a number that bound it (`10以上`, `292を超えない`, `5人程度`): the number with them is still one value
 * cell. (The normalizer reads which bound each is: quantity/parse.ts.)
 */
export const BOUND_WORDS = [
  '以上',
  '以下',
  '以内',
  '未満',
  'を超えない',
  'を超える',
  'を上回らない',
  'を下回らない',
  '超',
  '程度',
  '前後',
] as const;

/**
 * Words right before a number that say how it is counted or held, not what it counts (`参加者は延べ48人`,
 * `給付件数は合計1,650件`, `拠点等を少なくとも1か所`, `市職員が毎年度5人以上`, `協議の場を、…引き続き年2回`): the
 * prose label reader drops them from the end of a label (label.manner-word-tail).
 */
export const MANNER_WORDS = [
  '延べ',
  'のべ',
  '累計',
  '合計',
  '計',
  '少なくとも',
  '引き続き',
  '引続き',
  'それぞれ',
  '毎年度',
  '毎年',
  'おおむね',
  '概ね',
  '合わせて',
  'あわせて',
] as const;

/**
 * Family "a cell that says why it holds no number": not counted yet (`未`, `未集計`, `集計中`; not `調査中`, also a group: a COVID sheet's sex or area "under investigation"), not published
 * (`非公表`, `NA`), or a change from or to nothing (`皆増`, `皆減`: a rate with no base). Missing, never zero, and no
 * part of the row's label.
 */
export const MISSING_VALUE_WORDS = ['未', '未集計', '集計中', '非公表', '皆増', '皆減', 'NA'] as const;

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

/**
 * Roles a minute (会議録) names its speakers by, at the start of a turn (`○事務局（障がい福祉課長）`, `○会長`, `○Ａ委員`,
 * `○高齢福祉課長`): the ends of a speaker's name, not words of what is said.
 */
export const SPEAKER_ROLE_WORDS = [
  '事務局',
  '会長',
  '委員長',
  '委員',
  '議長',
  '座長',
  '部会長',
  '司会',
  '課長',
  '部長',
  '係長',
  '主査',
  '主幹',
  '参事',
  '説明員',
] as const;

/**
 * A speaker mark opening a turn of a minute, as the text reader leaves it after the bullet (`事務局(佐藤主査) `,
 * `会長 `, `A委員 `, `障がい福祉課長 `): a short name ending in a role, an optional name or post in brackets, then a
 * space before what is said.
 */
export const SPEAKER_MARK = new RegExp(
  `^[A-Za-zＡ-Ｚａ-ｚ\\p{sc=Han}\\p{sc=Katakana}ー]{0,8}?(?:${wordsPattern(SPEAKER_ROLE_WORDS)})(?:\\s*[(（][^()（）]{1,24}[)）])?[\\s\u3000]+`,
  'u',
);

/** A note mark (`※1`): what follows explains, it does not report. */
export const NOTE_MARKS = '※';

/**
 * How a note line opens (NFKC text): `※`, `※1`, `(注)`, `(注1)`, `注)`, `注1:`, `注:`. A note states how the
 * figures above it are counted or when they stand, and reports nothing itself.
 */
export const NOTE_OPENING = /^\s*(?:※\s*[0-9]*|[(（]\s*注\s*[0-9]*\s*[)）]|注\s*[0-9]*\s*[)）:：])\s*/u;

/** A reference to a note written after a word or a unit (`人/年※5`, `回/月(注2)`, `か所*1`): no part of it. */
export const NOTE_REFERENCE = /\s*(?:※\s*[0-9]*|[(（]\s*注\s*[0-9]*\s*[)）]|\*\s*[0-9]*)\s*$/u;

/**
 * Words after the name of a group of rows in a note that scope a statement to it (`一般就労関係は令和3年度`,
 * `入所者等は…`): the name without them is what the rows' labels hold.
 */
export const GROUP_SCOPE_SUFFIXES = ['関係', '関連', '等'] as const;

/** The bullet marks that also join two names without a blank (`保健・医療`): not a separator inside a label. */
export const JOINING_MARKS = '・‧∙';

/**
 * Katakana in the order items are lettered (`ア 施設サービス`, `（イ）居住系サービス`, `ウ．排泄管理支援用具`), as a
 * character-class body: an ordinal before a label, not part of it.
 */
export const KANA_ORDINALS = 'アイウエオカキクケコサシスセソタチツテト';

/** Circled numbers ①…⑳ and ㉑…㊿ as a character-class body. */
export const CIRCLED_NUMBERS = '①-⑳㉑-㊿';

/**
 * Latin letters OCR reads for digits inside a number (`35I`, `19O`, `44l21`): the digit each stands for. Read as
 * digits only where a table cell holds nothing but a number (`layout.ocr-broken-numbers`).
 */
export const OCR_DIGIT_LETTERS: Readonly<Record<string, string>> = { I: '1', l: '1', O: '0', o: '0' };

/**
 * What OCR makes of a minus mark (▲/△) before a number in a difference column: a digit 4 (`47` for ▲7, `4 2 3 2` for
 * ▲232) or a letter (`A12`, `ム9`, `Δ5`). Read as the sign only where the row's own arithmetic (実績 − 計画) confirms it
 * (`layout.ocr-sign-in-deviation`).
 */
// (ん and へ: △ as tesseract's jpn model read it in the cells of an Aspose scan's 増減 column, kaigofin_9e82)
export const OCR_MINUS_READINGS = ['4', 'A', 'ム', 'Δ', 'ん', 'へ'] as const;

/**
 * Words that may come before a number in a data cell and leave it a value (`約３（５．４%）`, `おおむね20`, `延べ 360人`):
 * an approximation or a cumulative count, not a label that starts with a word.
 */
export const VALUE_PREFIX_WORDS = ['約', '概ね', 'おおむね', '延べ', 'のべ'] as const;

/**
 * Words and marks right before a number that bound it, as 以下 / 以上 after it would (`最大95人`, `上限 3か所`,
 * `最低1か所`, `少なくとも2回`, `≧30`): a cap (`lte`) or a floor (`gte`). A data cell holding one is a value, not a
 * label (the extractor and the normalizer read the same list).
 */
export const BOUND_PREFIX_WORDS: Readonly<Record<string, 'lte' | 'gte'>> = {
  最大: 'lte',
  上限: 'lte',
  '≦': 'lte',
  '≤': 'lte',
  最低: 'gte',
  下限: 'gte',
  少なくとも: 'gte',
  '≧': 'gte',
  '≥': 'gte',
};

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

/** Words of what an amount is per (`＜日額／円＞`: a daily amount, in yen): the basis, not the unit. */
export const AMOUNT_BASIS_WORDS = ['日額', '月額', '年額', '時間額'] as const;

/**
 * A corner naming areas (`市町村 | 発生者数 | 累計`, `都道府県名 | …`, `圏域 | …`): the rows under it are areas, each a
 * subgroup of what the columns count (docs/OBSERVATIONS.md, subgroup). Compared without blanks.
 */
export const AREA_CORNER_PATTERN = /^(?:都道府県|市区町村|市町村|区市町村|自治体|保健所|日常生活圏域|圏域)名?$/u;

/**
 * Caption words saying a table's amounts are bounds (`神戸市施設整備費補助（上限）`, `補助上限額`): 上限 lists caps
 * (qualifier `lte`), 下限 floors (`gte`).
 */
export const BOUND_CAPTION_WORDS = { 上限: 'lte', 下限: 'gte' } as const;

/** A caption ending on a bound word, bracketed (`…（上限）`) or with the amount word after it (`補助上限額`). NFKC. */
export const BOUND_CAPTION_PATTERN = new RegExp(
  `(?:\\(\\s*(${Object.keys(BOUND_CAPTION_WORDS).join('|')})\\s*\\)|(${Object.keys(BOUND_CAPTION_WORDS).join('|')})(?:額|金額|単価))\\s*$`,
  'u',
);

/**
 * A classification corner (`障害部位 | 人数 | 構成比`): the rows under it are groups of what the table counts, not
 * indicators of their own. Compared without blanks and middle dots.
 */
export const CLASSIFICATION_CORNER_PATTERN =
  /^(?:(?:障害|障がい|障碍)の?(?:部位|等級|種別|種類|程度)(?:等級)?|手帳の種類|部位|等級|種別|判定|程度|年齢|年齢区分|性別|要介護度|要介護状態区分|介護度)$/u;

/** The stages of a PDCA review sheet, each written with its letter (`計画 (P)`, `評価（Ｃ）`). */
export const PDCA_STAGE_WORDS = ['計画', '実施', '実行', '評価', '点検', '改善', '見直し'] as const;

/** A stage with its letter (NFKC): `計画 (P)`, `実施(D)`, `評価 (C)`, `改善 (A)`. */
export const PDCA_STAGE = new RegExp(`(?:${wordsPattern(PDCA_STAGE_WORDS)})\\s*\\(\\s*[PDCA]\\s*\\)`, 'u');

/**
 * Family "a guideline set above the city" (a column, row, note or aside naming it: `国の成果目標概要`, `国の基本指針`,
 * `国の目標値`, `国の考え方`, `指針値`, `県の目標`): its numbers are the country's or the prefecture's, not the city's.
 * Read by structure, not as a list of headers: a `指針` word anywhere or `国の` (words below), or an issuer standing
 * alone (not the end of a longer name: `京都`, `本県`) with `の`/`が示す`/`が定める` before what it sets.
 */
export const NATIONAL_GUIDELINE_WORDS = ['国の', '指針'] as const;
/** Who sets a guideline above the city. */
export const GUIDELINE_ISSUERS = ['都道府県', '国', '県', '都', '府'] as const;
/** What an issuer sets (`県の目標`, `国が示す考え方`, `国基準`). */
export const GUIDELINE_SET_WORDS = ['目標', '考え方', '方針', '基準', '指標', '数値'] as const;
export const NATIONAL_GUIDELINE = new RegExp(
  `${wordsPattern(NATIONAL_GUIDELINE_WORDS)}|(?<!\\p{sc=Han})(?:${wordsPattern(GUIDELINE_ISSUERS)})(?:の|が示す|が定める)?(?:${wordsPattern(GUIDELINE_SET_WORDS)})`,
  'u',
);
/**
 * The city speaking of its own figure in the same words (`本市の目標`, `市の目標値`), or of a figure it set after the
 * guideline (`国の指針に基づく目標値`, `基本指針を踏まえた見込量`).
 */
export const OWN_FIGURE =
  /(?:本|当)(?:市|町|村|区)|(?:市|町|村|区)(?:の|独自の?)(?:目標|計画|見込|実績)|に基づ|を踏まえ|に沿っ|に準じ/u;
/** Whether a header, row label or aside names a guideline set above the city, not the city's own figure. */
export const isGuidelineText = (text: string): boolean => {
  const t = text.normalize('NFKC');
  return NATIONAL_GUIDELINE.test(t) && !OWN_FIGURE.test(t);
};
/** A label that begins with the guideline (`国の指針`, `（国の基本指針）`, `※県の目標`): a row of its figures. */
export const GUIDELINE_LEAD = new RegExp(`^[\\s(（【［\\[・※]*(?:${NATIONAL_GUIDELINE.source})`, 'u');
/**
 * An aside in brackets that begins with the guideline (`5（国の指針：令和4年度末施設入所者数の6%以上）`): the
 * guideline's wording beside the city's figure, no part of it.
 */
export const GUIDELINE_ASIDE = new RegExp(
  `[(（【［\\[]\\s*※?\\s*(?:${NATIONAL_GUIDELINE.source})[^()（）【】［］\\[\\]]*[)）】］\\]]`,
  'gu',
);
/** The guideline named before a colon (`国の指針：`, `（国の目標値：`, `※県の目標:`), with the bracket it opens. */
export const GUIDELINE_COLON = new RegExp(
  `([(（【［\\[]?)\\s*※?\\s*(?:${NATIONAL_GUIDELINE.source})[^、。:：()（）]{0,10}[:：]`,
  'gu',
);

/** A bracketed kind marker (`【目標値】`, `【実績】`, the OCR readings `【月標】`/`【日標】`). */
export const KIND_MARKER = new RegExp(`【[^】]*(?:${wordsPattern([...TARGET_READINGS, '実績', '見込'])})[^】]*】`, 'u');

/**
 * What a caption says about the thing it names, after `の` (`給付費の推移`, `利用者数の状況`, `相談件数の内訳`): the
 * caption's phrasing, not part of the name (`captionName`).
 */
export const CAPTION_TAIL_WORDS = ['推移', '状況', '動向', '概要', '内訳', '一覧', '比較'] as const;

/**
 * The values a caption says its table compares, after `の` (`認定者数の計画値と実績値`, `受給者数の見込と実績`): the
 * table's columns, not part of the name (`captionName`); their value forms as well (`…の目標量と実績数値`).
 */
export const CAPTION_KIND_TAIL_WORDS = withValueSuffixes([
  '計画',
  '見込み',
  '見込',
  '実績',
  '目標',
  '対計画比',
  '達成率',
]);

/**
 * Header words that name no indicator (`項目`, `区分`, `単位`, `内容` …); a header made of them only (`項目内容`,
 * `区分区分`: two header cells a PDF set as one, `サービス種別`) names none either (`isGeneric`), nor does one that is
 * them and a caption's tail (`年度別の状況`, `利用状況`, `推移`).
 */
export const GENERIC_HEADER_WORDS = [
  '項目',
  '区分',
  '内訳',
  '現在',
  '年度',
  '年次',
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
  '内容',
  // a banner over the years or the uses of something (`年度別の状況`, `各年度の状況`, `利用状況`): the caption's
  // phrasing once its tail (CAPTION_TAIL_WORDS) is off, never what is counted
  '年度別',
  '各年度',
  '利用',
  // what is left of a date header once its date is read (`R4.3末` → `末`) or a corner over dates (`基準日`):
  // they name the date, never what is counted
  '基準日',
  '調査日',
  '年月日',
  '時点',
  '末',
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
