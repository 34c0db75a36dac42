/**
 * joinSplitHeaderWords: a narrow header or stub column makes the converter break a label over lines, and the
 * breaks come out as spaces inside the word: `精神障 害者保 健福祉 手帳`, `身体 障害者 手帳`, `延べ利用件 数(件/年)`,
 * `療育 手帳 (知的)`, `聴覚・ 平衡`. In a short label cell (≤ MAX_LABEL characters) a space between two Japanese
 * characters is such a break, and is removed. Kept:
 *   - spaces before a bullet or mark (`・65歳以上 ・65歳未満`, `【目標値】 …`) and around digits, Latin and brackets;
 *   - a cell whose pieces are all words that stand alone as items (`身体 知的 精神`, `計画 実績`);
 *   - scrambled vertical text (`人本 家族の 選択 ・ 本`): its order is unknown, so it is not joined (vertical.ts).
 * Only header and stub cells are touched; body text keeps its spacing.
 */
import { ANSWER_WORDS, GLUED_KIND_WORDS, KANA_ORDINALS, type Table, TOTAL_WORDS } from '@shiryo/model';
import { withRepair } from '../draft.js';
import { isCjk, isDatedCount } from '../text.js';

const MAX_LABEL = 20;

/** Words that name a category on their own; a label made only of them lists items. */
const STANDALONE = new Set<string>([
  ...'身体 知的 精神 難病 発達 児童 障害児 障害者 障がい児 障がい者 高齢者 男 女 男性 女性'.split(' '),
  ...TOTAL_WORDS,
  ...GLUED_KIND_WORDS,
  '比較',
  '乖離',
  ...'保健 医療 福祉 介護 教育 就労 在宅 施設 入所 通所 市内 市外 県内 県外 年度 月 人 件 回'.split(' '),
  ...ANSWER_WORDS,
  'あり',
  'なし',
]);

const chars = (s: string) => [...s];
/** A character a split may end on: Japanese, or the middle dot of `聴覚・ 平衡`. */
const leftOk = (ch: string) => isCjk(ch) || ch === '・';

/**
 * Scrambled vertical text: short pieces of Japanese — four or more of at most three characters, or six or more of
 * at most five — not in the regular widths of a label wrapped at a fixed width (`精神障 害者保 健福祉 手帳` is
 * 3,3,3,2: wrapped; `人本 家族の 選択 ・ 本` and `ケ福害計第 ー祉福画2 ト計祉実回 …` are not). A count after its date
 * (`令和 4 年度末 248 人`, spaced by the producer) is a value, not pieces of a label.
 */
export function isScrambledText(text: string): boolean {
  const toks = text.split(' ').filter(Boolean);
  if (toks.length >= 4 && isDatedCount(text)) return false;
  if (toks.length < 4) return false;
  if (!toks.every((t) => chars(t).every((ch) => isCjk(ch) || /[・\d]/.test(ch)))) return false;
  const widths = toks.map((t) => chars(t).length);
  const longest = Math.max(...widths);
  if (!(longest <= 3 || (toks.length >= 6 && longest <= 5))) return false;
  const wrapped = widths.slice(0, -1).every((w) => w === widths[0]) && widths.at(-1)! <= widths[0]!;
  return !wrapped;
}

/** Join a label broken over lines (see the file comment); returns the text unchanged when nothing applies. */
export function joinSplitWords(text: string): string {
  if (!text.includes(' ') || chars(text.replace(/ /g, '')).length > MAX_LABEL || isScrambledText(text)) return text;
  const toks = text.split(' ');
  if (toks.every((t) => STANDALONE.has(t))) return text;
  let out = toks[0]!;
  for (let i = 1; i < toks.length; i++) {
    const a = chars(out).at(-1) ?? '';
    const b = chars(toks[i]!)[0] ?? '';
    // (a kana ordinal before its item, `ア 施設サービス`, is no piece of a word: the normalizer drops it)
    const ordinal = i === 1 && chars(toks[0]!).length === 1 && KANA_ORDINALS.includes(toks[0]!);
    out += leftOk(a) && isCjk(b) && !ordinal ? toks[i]! : ` ${toks[i]!}`;
  }
  return out;
}

export function joinSplitHeaderWords(t: Table): Table {
  let changed = false;
  const cells = t.cells.map((c) => {
    if (c.role !== 'header' && c.role !== 'stub') return c;
    const text = joinSplitWords(c.text);
    if (text === c.text) return c;
    changed = true;
    return { ...c, text };
  });
  return changed ? withRepair(t, 'joinSplitHeaderWords', { cells }) : t;
}
