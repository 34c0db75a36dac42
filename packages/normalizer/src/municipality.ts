import type { Municipality } from '@shiryo/model';
import { parseCsv, readDataFile } from './data.js';

let cache: Municipality[] | undefined;

/** Every municipality of the bundled code list (全国地方公共団体コード, CC0, code4fukui/localgovjp). */
export function municipalities(): Municipality[] {
  cache ??= parseCsv(readDataFile('municipalities.csv')).map((r) => ({
    code: r.lgcode ?? '',
    name: (r.name ?? '').replace(/\s+/g, ''),
    prefecture: r.prefecture ?? '',
    kana: r.kana ?? '',
  }));
  return cache;
}

export function municipalityByCode(code: string): Municipality | null {
  return municipalities().find((m) => m.code === code) ?? null;
}

/** Look a name up (`東松山市`, `埼玉県東松山市`); null when unknown, the first when ambiguous and no prefecture given. */
export function municipalityByName(name: string): Municipality | null {
  const n = name.normalize('NFKC').replace(/\s+/g, '');
  const hits = municipalities().filter((m) => n === m.name || n === m.prefecture + m.name);
  return hits.find((m) => n.startsWith(m.prefecture)) ?? hits[0] ?? null;
}

export interface MunicipalityGuess {
  municipality: Municipality;
  mentions: number;
  warnings: string[];
}

const PREFECTURES = [
  ...new Set(
    parseCsv(readDataFile('prefectures.csv'))
      .map((r) => r.name ?? '')
      .filter(Boolean),
  ),
];

/**
 * Detect the municipality a document is about: count mentions of every municipality name (a longer name wins
 * over a name inside it: 東松山市 over 松山市), weight mentions in the first lines (title, committee name) and
 * disambiguate same-name municipalities by the prefectures mentioned.
 */
export function detectMunicipality(text: string): MunicipalityGuess | null {
  const t = text.normalize('NFKC');
  const head = t.slice(0, 600);
  const hits: { start: number; end: number; name: string }[] = [];
  const names = new Set(municipalities().map((m) => m.name));
  for (const name of names) {
    if (name.length < 2) continue;
    let i = t.indexOf(name);
    while (i >= 0) {
      hits.push({ start: i, end: i + name.length, name });
      i = t.indexOf(name, i + 1);
    }
  }
  // keep the longest of overlapping hits
  hits.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const kept: typeof hits = [];
  for (const h of hits) {
    const prev = kept[kept.length - 1];
    if (prev && h.start < prev.end) {
      if (h.end - h.start > prev.end - prev.start) kept[kept.length - 1] = h;
      continue;
    }
    // a name inside a word (`第三次市民福祉計画` holds 三次市: a kanji before it that is no prefecture or district
    // suffix, and 民 after it) is no mention; `第7期伊賀市障がい福祉計画` is
    if (/\p{sc=Han}/u.test(t[h.start - 1] ?? '') && !/[県都道府郡]/u.test(t[h.start - 1]!) && t[h.end] === '民')
      continue;
    kept.push(h);
  }
  if (kept.length === 0) return null;
  const score = new Map<string, { n: number; first: number }>();
  for (const h of kept) {
    const s = score.get(h.name) ?? { n: 0, first: h.start };
    s.n += h.start < head.length ? 3 : 1;
    score.set(h.name, s);
  }
  const [bestName, best] = [...score.entries()].sort((a, b) => b[1].n - a[1].n || a[1].first - b[1].first)[0]!;
  const candidates = municipalities().filter((m) => m.name === bestName);
  const warnings: string[] = [];
  let chosen = candidates[0]!;
  if (candidates.length > 1) {
    const mentioned = PREFECTURES.filter((p) => t.includes(p));
    const byPref = candidates.filter((m) => mentioned.includes(m.prefecture));
    if (byPref.length === 1) chosen = byPref[0]!;
    else
      warnings.push(
        `municipality name ${bestName} is ambiguous (${candidates.map((c) => c.prefecture).join(', ')}); chose ${chosen.prefecture}`,
      );
  }
  return { municipality: chosen, mentions: best.n, warnings };
}
