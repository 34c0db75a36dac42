/**
 * Indicator matching by morphemes (kuromoji, IPADIC bundled in the npm package; nothing is downloaded): when a label
 * matches no catalog name exactly or by containment, compare the content words of the label with those of every
 * catalog name (`訪問等による専門的な指導及び助言` ~ `訪問等による専門的な指導・助言`). Readings make kanji variants
 * meet (障害 / 障がい → ショウガイ). A match needs a high score and a clear lead over the runner-up: an unmatched
 * label stays unmatched rather than being forced.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import kuromoji from 'kuromoji';
import { type CatalogEntry, type CatalogMatch, catalog, labelKey } from './catalog.js';

export type Tokenizer = kuromoji.Tokenizer<kuromoji.IpadicFeatures>;

/** Build the tokenizer from the dictionary inside the kuromoji package (about 1 s; build once, reuse). */
export function loadTokenizer(): Promise<Tokenizer> {
  const require = createRequire(import.meta.url);
  const dicPath = join(dirname(require.resolve('kuromoji/package.json')), 'dict');
  return new Promise((resolve, reject) =>
    kuromoji.builder({ dicPath }).build((err, tokenizer) => (err ? reject(err) : resolve(tokenizer))),
  );
}

/** Words that say nothing about which indicator a label is. */
const STOP = new Set([
  '数',
  '者',
  '等',
  '事業',
  '利用',
  '人数',
  '件数',
  '回数',
  '実施',
  '見込',
  '見込み',
  '量',
  '実績',
  '目標',
  '計画',
  '値',
  '年度',
  'の',
  '及び',
  'による',
  'に',
  'ため',
  'サービス',
]);

/** Content words of a label, as readings when kuromoji knows them (so 障害 and 障がい meet). */
export function contentWords(tokenizer: Tokenizer, text: string): string[] {
  const norm = text
    .normalize('NFKC')
    .replace(/障がい|障碍/g, '障害')
    .replace(/[()（）「」【】・、,.:：\s]/g, ' ');
  const out: string[] = [];
  for (const t of tokenizer.tokenize(norm)) {
    if (
      !/^(名詞|動詞|形容詞)/.test(t.pos) ||
      t.pos_detail_1 === '数' ||
      t.pos_detail_1 === '非自立' ||
      t.pos_detail_2 === '助数詞'
    )
      continue;
    const base = t.basic_form && t.basic_form !== '*' ? t.basic_form : t.surface_form;
    if (STOP.has(base) || base.trim() === '') continue;
    out.push(t.reading && t.reading !== '*' ? t.reading : base);
  }
  return out;
}

function dice(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const x of b) counts.set(x, (counts.get(x) ?? 0) + 1);
  let inter = 0;
  for (const x of a) {
    const n = counts.get(x) ?? 0;
    if (n > 0) {
      inter++;
      counts.set(x, n - 1);
    }
  }
  return (2 * inter) / (a.length + b.length);
}

export interface TokenMatcher {
  match(label: string): CatalogMatch | null;
}

/** A matcher over the catalog's labels and aliases; `minScore` and `margin` keep it from forcing matches. */
export function tokenMatcher(tokenizer: Tokenizer, minScore = 0.8, margin = 0.1): TokenMatcher {
  const names: { words: string[]; entry: CatalogEntry }[] = [];
  for (const entry of catalog())
    for (const name of [entry.label, ...entry.aliases]) {
      const words = contentWords(tokenizer, name);
      if (words.length >= 2) names.push({ words, entry });
    }
  const cache = new Map<string, CatalogMatch | null>();
  return {
    match(label: string): CatalogMatch | null {
      const key = labelKey(label);
      if (cache.has(key)) return cache.get(key) ?? null;
      const words = contentWords(tokenizer, label);
      let best: { score: number; entry: CatalogEntry } | null = null;
      let second = 0;
      if (words.length >= 2)
        for (const n of names) {
          const s = dice(words, n.words);
          if (!best || s > best.score) {
            if (best && best.entry.id !== n.entry.id) second = Math.max(second, best.score);
            best = { score: s, entry: n.entry };
          } else if (n.entry.id !== best.entry.id) second = Math.max(second, s);
        }
      const hit =
        best && best.score >= minScore && best.score - second >= margin
          ? { entry: best.entry, how: 'tokens' as const }
          : null;
      cache.set(key, hit);
      return hit;
    },
  };
}
