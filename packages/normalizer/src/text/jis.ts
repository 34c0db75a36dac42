/**
 * The kanji Japanese documents are written in: JIS X 0208 and the NEC/IBM extensions of Windows' Shift_JIS (CP932),
 * read once from the platform's Shift_JIS decoder. A kanji outside them in a municipal table (`邴` of `邴市計画税`
 * where the page shows 都市計画税) is most often a glyph the PDF font's ToUnicode map sends to a wrong code point.
 */
let jisKanji: Set<string> | undefined;

function kanjiOfShiftJis(): Set<string> {
  if (jisKanji) return jisKanji;
  const decoder = new TextDecoder('shift_jis');
  const set = new Set<string>();
  for (let lead = 0x81; lead <= 0xfc; lead++) {
    if (lead > 0x9f && lead < 0xe0) continue;
    for (let trail = 0x40; trail <= 0xfc; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if ([...ch].length === 1 && ch !== '\ufffd') set.add(ch);
    }
  }
  jisKanji = set;
  return set;
}

/** The kanji of a text that are in neither JIS X 0208 nor CP932's extensions, each once, in order. */
export function kanjiOutsideJis(text: string): string[] {
  const out = new Set<string>();
  for (const ch of text) if (/\p{sc=Han}/u.test(ch) && !kanjiOfShiftJis().has(ch)) out.add(ch);
  return [...out];
}
