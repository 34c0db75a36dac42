/**
 * Full-text search that finds Japanese words of any length (issue 14 item 8). The trigram index `blocks_fts` cannot
 * match a term under three characters (拠点, 就労, 相談 return nothing), so every block, table caption and table cell
 * with words is also stored in `search_items` with its text written as overlapping pairs of characters
 * (`地域生活支援拠点` → `地域 域生 生活 活支 支援 援拠 拠点 点`) and indexed by `search_items_fts` (FTS5, unicode61: a pair
 * is a token). A term is searched as the phrase of its pairs, so a two-character word is one token and a longer one
 * the run of its pairs. The last character of a run is also a token of its own, so that a one-character term (a
 * prefix query: `援`* matches 援拠 and the final 援) finds it anywhere in the run.
 */
import type Database from 'better-sqlite3';

/** Characters written without spaces between words: 漢字 (with 々〆), ひらがな, カタカナ (with ー). */
const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}々〆ー]+/gu;

/** Text as the pair index holds it (and as a query is written for it): NFKC, lower case, CJK runs as pairs. */
export function bigramText(text: string): string {
  const s = text.normalize('NFKC').toLowerCase();
  let out = '';
  let last = 0;
  for (const m of s.matchAll(CJK_RUN)) {
    const at = m.index ?? 0;
    out += ` ${s.slice(last, at)} `;
    out += ` ${runTokens(m[0]).join(' ')} `;
    last = at + m[0].length;
  }
  out += ` ${s.slice(last)}`;
  return out.replace(/\s+/g, ' ').trim();
}

function runTokens(run: string): string[] {
  const chars = [...run];
  const tokens: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) tokens.push(chars[i]! + chars[i + 1]!);
  tokens.push(chars[chars.length - 1]!);
  return tokens;
}

/**
 * An FTS5 query over `search_items_fts` for the words given: each word must occur (AND), each as the phrase of its
 * tokens; a word whose last piece is one CJK character matches it as the first of a pair (`"b 型"*`). Null when the
 * words hold nothing to search.
 */
export function searchQuery(words: readonly string[]): string | null {
  const phrases: string[] = [];
  for (const w of words) {
    const s = w.normalize('NFKC').toLowerCase();
    const tokens: string[] = [];
    let lastIsSingle = false;
    let last = 0;
    const pushPlain = (t: string) => {
      for (const p of t.split(/[^\p{L}\p{N}]+/u)) if (p) tokens.push(p);
    };
    for (const m of s.matchAll(CJK_RUN)) {
      const at = m.index ?? 0;
      pushPlain(s.slice(last, at));
      const chars = [...m[0]];
      if (chars.length === 1) tokens.push(m[0]);
      else for (let i = 0; i + 1 < chars.length; i++) tokens.push(chars[i]! + chars[i + 1]!);
      last = at + m[0].length;
      lastIsSingle = chars.length === 1 && last === s.length;
    }
    pushPlain(s.slice(last));
    if (tokens.length === 0) continue;
    const phrase = `"${tokens.map((t) => t.replaceAll('"', '""')).join(' ')}"`;
    phrases.push(lastIsSingle ? `${phrase}*` : phrase);
  }
  return phrases.length ? phrases.join(' AND ') : null;
}

/** A text worth indexing: it holds a letter (a cell of digits and marks alone is a number, read as an observation). */
const HAS_WORDS = /\p{L}/u;

const SQL = {
  item: `INSERT INTO search_items (document_id, source, page, table_index, row, col, text, bigrams)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  blocks: 'SELECT page, seq, text FROM blocks WHERE document_id = ? ORDER BY seq',
  captions:
    'SELECT table_index, page, caption FROM tables WHERE document_id = ? AND caption IS NOT NULL ORDER BY table_index',
  cells: `SELECT t.table_index, t.page, c.row, c.col, c.text FROM cells c JOIN tables t ON t.id = c.table_id
    WHERE t.document_id = ? ORDER BY t.table_index, c.row, c.col`,
  pending: 'SELECT document_id FROM search_pending ORDER BY document_id',
  done: 'DELETE FROM search_pending WHERE document_id = ?',
  clear: 'DELETE FROM search_items WHERE document_id = ?',
} as const;

/**
 * Write the search items of a stored document (its blocks, table captions and table cells with words), from the
 * rows already written. Run inside the document's transaction.
 */
export function indexDocument(db: Database.Database, documentId: number): void {
  const insert = db.prepare(SQL.item);
  const add = (
    source: string,
    page: number | null,
    t: number | null,
    r: number | null,
    c: number | null,
    text: string,
  ) => {
    if (HAS_WORDS.test(text)) insert.run(documentId, source, page, t, r, c, text, bigramText(text));
  };
  for (const b of db.prepare(SQL.blocks).all(documentId) as { page: number; text: string }[])
    add('block', b.page, null, null, null, b.text);
  for (const t of db.prepare(SQL.captions).all(documentId) as { table_index: number; page: number; caption: string }[])
    add('caption', t.page, t.table_index, null, null, t.caption);
  for (const c of db.prepare(SQL.cells).all(documentId) as {
    table_index: number;
    page: number;
    row: number;
    col: number;
    text: string;
  }[])
    add('cell', c.page, c.table_index, c.row, c.col, c.text);
}

/**
 * Index the documents stored before the search index existed (listed in `search_pending` by migration 010), one
 * transaction each. Returns how many were indexed.
 */
export function indexPending(db: Database.Database): number {
  const pending = db.prepare(SQL.pending).pluck().all() as number[];
  const clear = db.prepare(SQL.clear);
  const done = db.prepare(SQL.done);
  for (const id of pending)
    db.transaction(() => {
      clear.run(id);
      indexDocument(db, id);
      done.run(id);
    }).immediate();
  return pending.length;
}

export interface SearchHit {
  municipality_code: string | null;
  municipality_name: string | null;
  document_path: string;
  page: number | null;
  source: 'block' | 'caption' | 'cell';
  table_index: number | null;
  row: number | null;
  col: number | null;
  snippet: string;
}

/** The text around the first word found, the word in 【】; the start of the text when none is found as written. */
export function snippet(text: string, words: readonly string[], width = 24): string {
  const s = text.normalize('NFKC').replace(/\s+/g, ' ');
  const lower = s.toLowerCase();
  for (const w of words) {
    const n = w.normalize('NFKC').toLowerCase();
    const at = n ? lower.indexOf(n) : -1;
    if (at < 0) continue;
    const from = Math.max(0, at - width);
    const to = Math.min(s.length, at + n.length + width);
    return `${from > 0 ? '…' : ''}${s.slice(from, at)}【${s.slice(at, at + n.length)}】${s.slice(at + n.length, to)}${to < s.length ? '…' : ''}`;
  }
  return s.length > 2 * width ? `${s.slice(0, 2 * width)}…` : s;
}

/**
 * Blocks, captions and cells holding every word, in document order (city, path, page, item). `limit` caps the
 * hits returned; `total` counts them all.
 */
export function search(
  db: Database.Database,
  words: readonly string[],
  opts: { limit?: number; municipality?: string } = {},
): { total: number; hits: SearchHit[] } {
  const q = searchQuery(words);
  if (!q) return { total: 0, hits: [] };
  const where = ['search_items_fts MATCH ?'];
  const params: (string | number)[] = [q];
  if (opts.municipality) {
    where.push('(d.municipality_code = ? OR d.municipality_name = ?)');
    params.push(opts.municipality, opts.municipality);
  }
  const from = `FROM search_items_fts f JOIN search_items s ON s.id = f.rowid JOIN documents d ON d.id = s.document_id
    WHERE ${where.join(' AND ')}`;
  const total = db
    .prepare(`SELECT count(*) ${from}`)
    .pluck()
    .get(...params) as number;
  const rows = db
    .prepare(`SELECT d.municipality_code, d.municipality_name, d.path AS document_path, s.page, s.source, s.table_index,
        s.row, s.col, s.text ${from}
      ORDER BY d.municipality_code IS NULL, d.municipality_code, d.path, s.page, s.id LIMIT ?`)
    .all(...params, opts.limit ?? -1) as (Omit<SearchHit, 'snippet'> & { text: string })[];
  return { total, hits: rows.map(({ text, ...r }) => ({ ...r, snippet: snippet(text, words) })) };
}
