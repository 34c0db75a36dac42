/**
 * Prose lines → blocks. Blank lines separate groups; in a group, a heading line stands alone, a bullet line
 * starts a bullet that takes the lines after it, other lines join into a paragraph.
 *
 * Headings: markdown `#`…; numbered lines without sentence punctuation — `第1章` (1), `1 開会` / `一　設置` / `目標1 …` /
 * `第1節` (2), `(1) …` (3), `1) …` (4), short `① …` (5); a short standalone line without sentence punctuation,
 * numbers-with-units or a colon (`第6期障害福祉計画…`, `サービス必要見込量`) is a level-1 heading.
 * Bullets: `- `, `* `, `・`, `•`, `○`, `●`, `◯`, `■`, `□`, `◆`, `◇` (markers are stripped from `text`, kept in
 * `orig`). `※`/`注` lines are notes; a line that is one `【…】` label is a caption.
 */

import type { BlockKind } from '@shiryo/model';
import { BULLET_MARKS, classBody } from '@shiryo/model';
import type { BlockItem } from './draft.js';
import { htmlFragmentText } from './html.js';
import { collapseSpacedText } from './repairs/collapse.js';
import { cleanText, isCjk, SENTENCE_PUNCT } from './text.js';

export interface SourceLine {
  text: string;
  /** 1-based line number. */
  line: number;
  /** The source text when `text` was put together from several lines (PDF lines the writer wrapped). */
  orig?: string;
}

const BULLET = new RegExp(`^(?:[-*+]\\s+|[${classBody(BULLET_MARKS)}]\\s*)+`, 'u');
const HAS_TAG = /<\/?(?:p|ul|ol|li|br|div|span|b|strong|em|i|u|font|sup|sub|a)\b[^>]*>/i;
/** A count with its unit (`5人`, `10回`), not an ordinal (`第1回`). */
const QUANTITY = /(?<![第\d])\d+\s*(?:人|名|回|件|か所|箇所|カ所|%|円|倍|世帯|床|時間)/;

interface LineKind {
  kind: BlockKind;
  text: string;
  level?: number;
}

/** The heading level a numbered line implies, or null when it is not a numbered heading. */
export function numberedHeadingLevel(text: string): number | null {
  if (SENTENCE_PUNCT.test(text) || [...text].length > 100) return null;
  if (/^第\s*\d+\s*[章部編]/.test(text)) return 1;
  if (/^第\s*\d+\s*節/.test(text)) return 2;
  if (/^目標\s*\d+\s/.test(text)) return 2;
  if (/^\d{1,2}(?:\s+|[.．]\s*)(?=[^\d\s.．])/.test(text)) return 2;
  // (`一　児童発達支援センターの設置`, `三、相談支援体制`: a chapter typeset vertically numbers its sections in kanji)
  if (/^[一二三四五六七八九十]{1,3}(?:\s+|[、．.]\s*)(?=[^\s\d一二三四五六七八九十、．.])/u.test(text)) return 2;
  if (/^\(\d{1,2}\)\s*\S/.test(text)) return 3;
  if (/^\d{1,2}\)\s*\S/.test(text)) return 4;
  if (/^[\u2460-\u2473](?:-\d+)?\s*\S/.test(text) && [...text].length <= 30) return 5;
  return null;
}

/** A short standalone label line: a title or section name. */
function isTitleLine(text: string): boolean {
  const first = [...text][0] ?? '';
  return (
    [...text].length <= 40 &&
    (isCjk(first) || /^[【「『〈《]/.test(first)) &&
    !SENTENCE_PUNCT.test(text) &&
    !/[、,:：]/.test(text) &&
    !QUANTITY.test(text) &&
    !/^(?:令和|平成|昭和)\S*年\d+月\d+日/.test(text)
  );
}

function classify(raw: string, alone: boolean): LineKind {
  const md = /^(#{1,6})\s+(.*)$/.exec(raw.trim());
  if (md) {
    return {
      kind: 'heading',
      text: collapseSpacedText(cleanText(md[2]!.replace(/\s+#+\s*$/, ''))),
      level: md[1]!.length,
    };
  }
  const text = cleanText(HAS_TAG.test(raw) ? htmlFragmentText(raw) : raw);
  const bullet = BULLET.exec(text);
  if (bullet) return { kind: 'bullet', text: text.slice(bullet[0].length).replace(/^[・•]\s*/, '') };
  if (/^(?:※|注[:：\d)）]|\(注\))/.test(text)) return { kind: 'note', text };
  // Labels (captions, headings) get the spaced-character repair tables get; prose keeps its spacing.
  if (/^【[^】]*】$/.test(text)) return { kind: 'caption', text: collapseSpacedText(text) };
  const level = numberedHeadingLevel(text);
  if (level !== null) return { kind: 'heading', text: collapseSpacedText(text), level };
  if (alone && isTitleLine(text)) return { kind: 'heading', text: collapseSpacedText(text), level: 1 };
  return { kind: 'paragraph', text };
}

/** Japanese text: kanji and kana, or Japanese punctuation (、。「」・…). */
const isJapanese = (ch: string) => isCjk(ch) || /^[\u3000-\u303f\u30fb]$/.test(ch);

/** Join wrapped lines: nothing between Japanese characters, one space otherwise. */
function joinText(a: string, b: string): string {
  if (!a) return b;
  if (!b) return a;
  const left = [...a].at(-1)!;
  const right = [...b][0]!;
  return a + (isJapanese(left) && isJapanese(right) ? '' : ' ') + b;
}

/**
 * A record line: one `項目：値` pair, or a kind and its value (`実績：57回`, `箇所数（計画）：185か所`, `第1層：1人`,
 * `協議体の開催回数：計画 45回／実績 41回`): a short item, a colon, then a number, and no sentence.
 */
const RECORD_LINE = /^[^:：、。]{1,30}[:：]\s*[^。]{0,24}[0-9０-９][^。]{0,24}$/u;

/**
 * A table's or figure's caption line (`表5-4 相談支援体制の充実・強化等に係る活動指標の見込量`, `図2 …`): it names the table
 * below, so it starts a block of its own instead of continuing the paragraph above it (a viewer copy has no blank
 * line between them).
 */
const CAPTION_LINE = /^[表図]\s*[0-9０-９]+(?:[-－‐ー.．][0-9０-９]+)*[\s　]/u;

/** Lines of at least this many characters may be a sentence the writer wrapped onto the next line. */
const WRAP_WIDTH = 30;

/**
 * Family "item/value lines" (a web page or form copied as text: `総合相談件数` / `計画：18,000件` / `実績：18,642件`):
 * a group with two or more record lines, a quarter of its lines at least, is a list of lines, not wrapped prose. Each of its lines is a block of its
 * own — a short line without a value is the label of the values under it — and only a long line that ends no
 * sentence takes the next one as its wrapped continuation (a bullet still takes the lines after it).
 */
function isLineList(group: SourceLine[]): boolean {
  // (a page of prose with a footer's `電話：0544-22-1145` and a link's `（PDF：1,236KB）` is no list: a quarter of the
  // lines at least)
  const n = group.filter((l) => RECORD_LINE.test(cleanText(l.text))).length;
  return n >= 2 && n * 4 >= group.length;
}

/** Blocks of one group of consecutive non-blank prose lines. */
export function groupToBlocks(group: SourceLine[]): BlockItem[] {
  const out: BlockItem[] = [];
  let current: BlockItem | null = null;
  const lineList = isLineList(group);
  let prevRaw = '';
  for (const { text: raw, line, orig } of group) {
    const source = orig ?? raw;
    const k = classify(raw, group.length === 1);
    const wrapped =
      !lineList || ([...cleanText(prevRaw)].length >= WRAP_WIDTH && !/[。:：)）」』]$/u.test(cleanText(prevRaw)));
    prevRaw = raw;
    if (!k.text && k.kind !== 'heading') continue;
    // (a bullet still takes the lines after it: `●訪問入浴介護（単位：回／月）` / `R5年度：見込量 412 / 実績 398`)
    const continues =
      current &&
      k.kind === 'paragraph' &&
      !(CAPTION_LINE.test(k.text) && !SENTENCE_PUNCT.test(k.text)) &&
      ((wrapped && current.block.kind === 'paragraph') || current.block.kind === 'bullet');
    if (continues && current) {
      current.block.text = joinText(current.block.text, k.text);
      current.block.orig += `\n${source}`;
      continue;
    }
    current = { kind: 'block', block: { kind: k.kind, text: k.text, orig: source, line } };
    if (k.level !== undefined) current.block.level = k.level;
    out.push(current);
    if (k.kind === 'heading' || k.kind === 'caption' || k.kind === 'note') current = null;
  }
  return out;
}
