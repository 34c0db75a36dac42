/**
 * collapseSpacedCharacters: PDF converters put spaces between the characters of a label
 * (`項 目`, `区 分`, `第 6 期`, `R 3`, `取 組 内 容`) or between an era year and its suffix (`R3 年度末`, `H29 年度末`,
 * `R3 見込`). Joins those, and nothing else: separate values (`17人 12人`, `1,275 <24>`), digits on both sides
 * (`1 1 人` stays for the normalizer to judge), Latin words, ordinary word spacing (`72人を 超えない`) and scrambled
 * vertical text (`て社第 計1回 画実 …`, see words.ts) are kept.
 */
import type { Table } from '@shiryo/model';
import { withRepair } from '../draft.js';
import { isCjk, isDigit, isLatin } from '../text.js';
import { isScrambledText } from './words.js';

const isWordChar = (ch: string) => isCjk(ch) || isDigit(ch) || isLatin(ch);
const chars = (s: string) => [...s];
const first = (s: string) => chars(s)[0] ?? '';
const last = (s: string) => chars(s).at(-1) ?? '';
/** A token of one word character: the unit of a spaced-out label. */
const single = (s: string) => chars(s).length === 1 && isWordChar(s);

/** May the characters either side of a space be joined? Never two digits, two Latin letters, or digit+Latin. */
function pairOk(a: string, b: string): boolean {
  if (!isWordChar(a) || !isWordChar(b)) return false;
  if (isDigit(a) && isDigit(b)) return false;
  if (isLatin(a) && isLatin(b)) return false;
  if (isDigit(a) && isLatin(b)) return false;
  return true;
}

/** An era or western year standing alone: `R3`, `H29`, `令和3`, `2019`, `2018-2020`, `(2020`. */
const YEAR_TOKEN = /^[(（]?(?:[RHS]\d{1,2}|令和(?:\d{1,2}|元)|平成\d{1,2}|(?:19|20)\d{2}(?:[-~～](?:19|20)\d{2})?)$/;
/** A plain number followed by a unit word: `1 か所`, `65 歳`, `0 人`. */
const NUMBER_TOKEN = /^\d[\d,]*$/;
const UNIT_START = /^(?:人|名|回|件|か所|ヵ所|カ所|ヶ所|箇所|歳|才|年|月|日|時間|割|倍|床|世帯|円|級|期)/;

/** Collapse spaced characters in one string (already whitespace-collapsed). */
export function collapseSpacedText(text: string): string {
  const toks = text.split(' ');
  if (toks.length < 2) return text;
  const join = new Array<boolean>(toks.length - 1).fill(false);
  for (let i = 0; i < toks.length - 1; i++) {
    const a = toks[i]!;
    const b = toks[i + 1]!;
    if (!a || !b) continue;
    // The last of spaced-out digits stays apart from its unit (`1 1 人`: the normalizer reads the run as 11).
    if (/^\d$/.test(a) && i > 0 && /^\d$/.test(toks[i - 1]!)) continue;
    if (single(a) && single(b) && pairOk(a, b)) join[i] = true;
    else if (YEAR_TOKEN.test(a) && isCjk(first(b))) join[i] = true;
    // …but a list number heading a line (`2 日中活動系サービス`) stays apart from its title.
    else if (NUMBER_TOKEN.test(a) && UNIT_START.test(b) && !(i === 0 && a.length <= 2 && [...b].length >= 4))
      join[i] = true;
    else if ((a === '▲' || a === '△') && isDigit(first(b))) join[i] = true;
  }
  // A run of single characters also takes in the word right after or before it (`第 6 期障害` → `第6期障害`).
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = 0; i < toks.length - 1; i++) {
      if (join[i]) continue;
      const a = toks[i]!;
      const b = toks[i + 1]!;
      if (!a || !b || !pairOk(last(a), first(b)) || (/^\d$/.test(a) && i > 0 && /^\d$/.test(toks[i - 1]!))) continue;
      const endsRun = single(a) && i > 0 && join[i - 1];
      const startsRun = single(b) && i + 1 < join.length && join[i + 1];
      if (endsRun || startsRun) {
        join[i] = true;
        changed = true;
      }
    }
  }
  let out = toks[0]!;
  for (let i = 1; i < toks.length; i++) out += (join[i - 1] ? '' : ' ') + toks[i]!;
  return out;
}

export function collapseSpacedCharacters(t: Table): Table {
  let changed = false;
  const cells = t.cells.map((c) => {
    // Scrambled vertical text is kept as written: joining its pieces would pretend to know their order.
    if (isScrambledText(c.text)) return c;
    const text = collapseSpacedText(c.text);
    if (text === c.text) return c;
    changed = true;
    return { ...c, text };
  });
  return changed ? withRepair(t, 'collapseSpacedCharacters', { cells }) : t;
}
