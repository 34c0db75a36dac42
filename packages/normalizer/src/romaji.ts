/**
 * Hiragana → Hepburn romaji, for reading municipality names in ASCII file names (`fuji_r8_shizei.pdf`,
 * `kobe_zaisei21.pdf`). Two spellings per word: as typed on a keyboard (`koube`, `oosaka`) and with long vowels
 * written once (`kobe`, `osaka`), as most file names do.
 */
const BASE: Readonly<Record<string, string>> = Object.fromEntries(
  (
    'あa いi うu えe おo かka きki くku けke こko さsa しshi すsu せse そso たta ちchi つtsu てte とto なna にni ぬnu ねne のno ' +
    'はha ひhi ふfu へhe ほho まma みmi むmu めme もmo やya ゆyu よyo らra りri るru れre ろro わwa ゐi ゑe をo んn ' +
    'がga ぎgi ぐgu げge ごgo ざza じji ずzu ぜze ぞzo だda ぢji づzu でde どdo ばba びbi ぶbu べbe ぼbo ぱpa ぴpi ぷpu ぺpe ぽpo ' +
    'ぁa ぃi ぅu ぇe ぉo ゔvu'
  )
    .split(' ')
    .map((p) => [p[0]!, p.slice(1)]),
);
const SMALL_Y: Readonly<Record<string, string>> = { ゃ: 'a', ゅ: 'u', ょ: 'o' };

/** The romaji of a hiragana word as typed (`こうべ` → `koube`); null when it holds anything but hiragana. */
export function romajiOf(kana: string): string | null {
  let out = '';
  let double = false;
  for (let i = 0; i < kana.length; i++) {
    const ch = kana[i]!;
    if (ch === 'っ') {
      double = true;
      continue;
    }
    let syl = BASE[ch];
    if (syl === undefined) return null;
    const next = kana[i + 1];
    if (next && SMALL_Y[next] && /i$/u.test(syl)) {
      syl = /^(sh|ch|j)/u.test(syl) ? syl.slice(0, -1) + SMALL_Y[next] : `${syl.slice(0, -1)}y${SMALL_Y[next]}`;
      i++;
    }
    if (double) syl = (syl.startsWith('ch') ? 't' : syl[0]) + syl;
    double = false;
    // ん before a vowel or y is written n' by keyboards; file names write n
    out += syl;
  }
  return out;
}

/** Both spellings of a hiragana word: as typed, and with long vowels written once (`koube` → `kobe`). */
export function romajiSpellings(kana: string): string[] {
  const typed = romajiOf(kana);
  if (!typed) return [];
  const short = typed.replace(/ou/gu, 'o').replace(/oo/gu, 'o').replace(/uu/gu, 'u');
  return [...new Set([typed, short])];
}
