/**
 * Indicator matching by morphemes (kuromoji, IPADIC bundled in the npm package; nothing is downloaded): when a label
 * matches no catalog name exactly or by containment, compare the content words of the label with those of every
 * catalog name (`訪問等による専門的な指導及び助言` ~ `訪問等による専門的な指導・助言`). Readings make kanji variants
 * meet (障害 / 障がい → ショウガイ). A match needs a high score and a clear lead over the runner-up: an unmatched
 * label stays unmatched rather than being forced.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type kuromoji from 'kuromoji';
import { type CatalogEntry, type CatalogMatch, catalog, labelKey } from './catalog.js';

export type Tokenizer = kuromoji.Tokenizer<kuromoji.IpadicFeatures>;

/** kuromoji's internal dictionary object, as far as the loader below uses it. */
interface Dictionaries {
  loadTrie(base: Int32Array, check: Int32Array): unknown;
  loadTokenInfoDictionaries(tid: Uint8Array, pos: Uint8Array, map: Uint8Array): unknown;
  loadConnectionCosts(cc: Int16Array): unknown;
  loadUnknownDictionaries(
    unk: Uint8Array,
    pos: Uint8Array,
    map: Uint8Array,
    cat: Uint8Array,
    compat: Uint32Array,
    invoke: Uint8Array,
  ): unknown;
  token_info_dictionary: { target_map: unknown };
}

/**
 * `tid_map.dat` (surface form's trie id → its token ids: key, count, ids…, little-endian int32s) read on demand
 * from its bytes, instead of kuromoji's object of ~390,000 arrays (about 60 MB of heap). kuromoji reads it only as
 * `target_map[trieId]` with `.length` and `[i]`, which a subarray gives.
 */
function targetMapOf(bytes: Uint8Array): Record<number, Int32Array> {
  const ints = new Int32Array(bytes.buffer, bytes.byteOffset, bytes.length >> 2);
  let maxKey = 0;
  for (let i = 1; i + 1 < ints.length; i += 2 + ints[i + 1]!) maxKey = Math.max(maxKey, ints[i]!);
  const at = new Int32Array(maxKey + 1).fill(-1);
  for (let i = 1; i + 1 < ints.length; i += 2 + ints[i + 1]!) if (ints[i + 1]! > 0) at[ints[i]!] = i + 1;
  return new Proxy({} as Record<number, Int32Array>, {
    get(_, key) {
      const k = typeof key === 'string' ? Number(key) : -1;
      const i = Number.isInteger(k) && k >= 0 && k < at.length ? at[k]! : -1;
      return i < 0 ? undefined : ints.subarray(i + 1, i + 1 + ints[i]!);
    },
  });
}

/**
 * Build the tokenizer from the dictionary inside the kuromoji package, synchronously and lean (~0.5 s): each file
 * is gunzipped natively into one buffer and used in place (kuromoji's own loader copies every buffer once more
 * and keeps the zero padding its writer left: 22 MB of 100 MB, mostly in files that hold a few hundred bytes), and
 * the trie-id map is read on demand (see `targetMapOf`). About 75 MB instead of kuromoji's 250 MB (300 MB at its
 * peak while loading); tokens identical. Build once, reuse.
 */
export function loadTokenizerSync(): Tokenizer {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('kuromoji/package.json'));
  const DynamicDictionaries = require(join(root, 'src/dict/DynamicDictionaries.js')) as new () => Dictionaries;
  const KuromojiTokenizer = require(join(root, 'src/Tokenizer.js')) as new (dic: Dictionaries) => Tokenizer;
  /**
   * A file's bytes, gunzipped into one buffer of exactly its size (the gzip trailer says it; Node's default
   * 16 KiB chunks joined at the end would hold every file twice for a moment). `trim` drops the zero padding
   * kuromoji's writer left after the data (of 10 MB, `unk.dat` holds 398 bytes), keeping `keep` zero bytes.
   */
  const read = (name: string, trim = false, keep = 8): Uint8Array => {
    const gz = readFileSync(join(root, 'dict', name));
    const size = gz.readUInt32LE(gz.length - 4);
    // A byte to spare: a chunk filled exactly makes zlib allocate a second one before it sees the end.
    const raw = gunzipSync(gz, { chunkSize: Math.max(size + 1, 64) });
    let end = raw.length;
    if (trim) {
      while (end > 0 && raw[end - 1] === 0) end--;
      end = Math.min(raw.length, end + keep);
    }
    // Used in place when it owns its ArrayBuffer (aligned for typed views); else a copy of exactly these
    // bytes, and the padded buffer goes. Not `raw.slice`: a Buffer's slice is a view.
    if (end === raw.length && raw.byteOffset === 0 && raw.buffer.byteLength - end < 64) return raw;
    const out = new Uint8Array(end);
    out.set(raw.subarray(0, end));
    return out;
  };
  const i32 = (b: Uint8Array) => new Int32Array(b.buffer, b.byteOffset, b.length >> 2);
  const dic = new DynamicDictionaries();
  // The largest first, untrimmed: a trimmed copy of its 36 MB would sit beside the 42 MB it came from.
  const pos = read('tid_pos.dat.gz');
  dic.loadTrie(i32(read('base.dat.gz')), i32(read('check.dat.gz')));
  const map = read('tid_map.dat.gz');
  dic.loadTokenInfoDictionaries(read('tid.dat.gz', true), pos, new Uint8Array(0));
  dic.token_info_dictionary.target_map = targetMapOf(map);
  const cc = read('cc.dat.gz');
  dic.loadConnectionCosts(new Int16Array(cc.buffer, cc.byteOffset, cc.length >> 1));
  const compat = read('unk_compat.dat.gz');
  dic.loadUnknownDictionaries(
    read('unk.dat.gz', true),
    read('unk_pos.dat.gz', true),
    read('unk_map.dat.gz', true),
    read('unk_char.dat.gz'),
    new Uint32Array(compat.buffer, compat.byteOffset, compat.length >> 2),
    // Read class by class to its end: exactly the data and the last name's terminating zero.
    read('unk_invoke.dat.gz', true, 1),
  );
  return new KuromojiTokenizer(dic);
}

/** The tokenizer (see `loadTokenizerSync`), for callers that await it. */
export function loadTokenizer(): Promise<Tokenizer> {
  try {
    return Promise.resolve(loadTokenizerSync());
  } catch (e) {
    return Promise.reject(e);
  }
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

/**
 * Words that qualify a name rather than name it: a type letter (A, B) and 型 (read ガタ). A label that shares only
 * these with a catalog name (`訪問型サービスA` and `A型`) names something else.
 */
const QUALIFIER = (w: string) => /^[A-Za-z]$/.test(w) || w === 'ガタ';

function sharesName(a: string[], b: string[]): boolean {
  const bs = new Set(b);
  return a.some((w) => bs.has(w) && !QUALIFIER(w));
}

export interface TokenMatcher {
  match(label: string): CatalogMatch | null;
}

/**
 * A matcher that loads kuromoji's dictionary only when a label first needs it (a document whose labels all match
 * the catalog by name never pays for it). One per process, shared by every document.
 */
export function lazyTokenMatcher(minScore = 0.8, margin = 0.1): TokenMatcher {
  let inner: TokenMatcher | undefined;
  return {
    match(label: string): CatalogMatch | null {
      inner ??= tokenMatcher(loadTokenizerSync(), minScore, margin);
      return inner.match(label);
    },
  };
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
          const s = sharesName(words, n.words) ? dice(words, n.words) : 0;
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
