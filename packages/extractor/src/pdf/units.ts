/**
 * Unit lines as tables state them: `（単位：千円）`, `（単位：千円，％）`, `(単位 百万円)`, `単位：人`, `（人）`, `(件/年)`.
 * With `単位` any short unit text counts; a bare bracket only when what it holds is made of unit words (so `（見込）`
 * and `（注）` are not units).
 */

/** Unit words a bare bracket may hold, alone or joined by `/`, `・`, `,`, `、`. */
const UNIT_WORD =
  '(?:千円|百万円|億円|万円|円|千人|万人|人|名|件|回|戸|頭|羽|世帯|床|か所|ヵ所|カ所|ヶ所|箇所|日|時間|分|台|校|園|人日|延人|実人|t|kg|km|m2|m|ha|a|%|％|割|倍|ポイント|月|年|週)';
const BARE_UNITS = new RegExp(`^${UNIT_WORD}(?:\\s*[/・,、]\\s*${UNIT_WORD})*$`, 'u');

/** The unit a unit line states (`（単位：千円，％）` → `千円,%`), or null when the text is no unit line. */
export function unitOfText(text: string): string | null {
  const t = text.normalize('NFKC').trim();
  const m = /^[(（]?\s*単位\s*[:：]?\s*([^()（）]{1,16}?)\s*[)）]?$/u.exec(t);
  if (m && (t.startsWith('(') === t.endsWith(')') || !t.startsWith('('))) {
    const inner = m[1]!.replace(/\s+/g, '');
    return inner && !/^\d+$/.test(inner) ? inner : null;
  }
  const b = /^[(（]\s*([^()（）]{1,12})\s*[)）]$/u.exec(t);
  if (b && BARE_UNITS.test(b[1]!.replace(/\s+/g, ''))) return b[1]!.replace(/\s+/g, '');
  return null;
}

export const isUnitText = (text: string): boolean => unitOfText(text) !== null;

/** A unit word standing alone, without brackets: `千円`, `人`, `%`, `人/月`. */
export const isBareUnit = (text: string): boolean => BARE_UNITS.test(text.normalize('NFKC').replace(/\s+/g, ''));
