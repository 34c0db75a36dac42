import type Database from 'better-sqlite3';
import type { CatalogEntryInput, MunicipalityInput } from './types.js';

/**
 * Insert or update catalog entries; each entry's aliases become the ones given. Only what differs from the stored
 * rows is written (an unchanged catalog writes nothing, and takes no write lock). One transaction. Returns the
 * number of entries written.
 */
export function upsertCatalog(db: Database.Database, entries: readonly CatalogEntryInput[]): number {
  const stored = new Map(
    (
      db.prepare('SELECT id, label, plan, goal_area, units FROM indicators').all() as {
        id: string;
        label: string;
        plan: string;
        goal_area: string | null;
        units: string;
      }[]
    ).map((r) => [r.id, r]),
  );
  const aliases = new Map<string, Set<string>>();
  for (const a of db.prepare('SELECT indicator_id, alias FROM indicator_aliases').all() as {
    indicator_id: string;
    alias: string;
  }[]) {
    const s = aliases.get(a.indicator_id) ?? new Set<string>();
    s.add(a.alias);
    aliases.set(a.indicator_id, s);
  }
  const changed = entries.filter((e) => {
    const s = stored.get(e.id);
    const have = aliases.get(e.id) ?? new Set<string>();
    const want = new Set(e.aliases);
    return (
      !s ||
      s.label !== e.label ||
      s.plan !== e.plan ||
      s.goal_area !== (e.goal_area ?? null) ||
      s.units !== JSON.stringify(e.units ?? []) ||
      have.size !== want.size ||
      [...want].some((a) => !have.has(a))
    );
  });
  if (changed.length === 0) return 0;
  const upsert = db.prepare(`INSERT INTO indicators (id, label, plan, goal_area, units) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET label = excluded.label, plan = excluded.plan, goal_area = excluded.goal_area,
      units = excluded.units
    WHERE label IS NOT excluded.label OR plan IS NOT excluded.plan OR goal_area IS NOT excluded.goal_area
      OR units IS NOT excluded.units`);
  const drop = db.prepare('DELETE FROM indicator_aliases WHERE indicator_id = ? AND alias = ?');
  const alias = db.prepare('INSERT OR IGNORE INTO indicator_aliases (indicator_id, alias) VALUES (?, ?)');
  db.transaction(() => {
    for (const e of changed) {
      upsert.run(e.id, e.label, e.plan, e.goal_area ?? null, JSON.stringify(e.units ?? []));
      const want = new Set(e.aliases);
      for (const a of aliases.get(e.id) ?? []) if (!want.has(a)) drop.run(e.id, a);
      for (const a of e.aliases) alias.run(e.id, a);
    }
  }).immediate();
  return changed.length;
}

/**
 * Insert or update municipalities by code; only rows that differ from the stored ones are written (an unchanged
 * list writes nothing). One transaction. Returns the number of rows written.
 */
export function upsertMunicipalities(db: Database.Database, rows: readonly MunicipalityInput[]): number {
  const stored = new Map(
    (
      db.prepare('SELECT code, name, prefecture, kana FROM municipalities').all() as {
        code: string;
        name: string;
        prefecture: string;
        kana: string | null;
      }[]
    ).map((r) => [r.code, r]),
  );
  const changed = rows.filter((r) => {
    const s = stored.get(r.code);
    return !s || s.name !== r.name || s.prefecture !== r.prefecture || s.kana !== (r.kana || null);
  });
  if (changed.length === 0) return 0;
  const upsert = db.prepare(`INSERT INTO municipalities (code, name, prefecture, kana) VALUES (?, ?, ?, ?)
    ON CONFLICT (code) DO UPDATE SET name = excluded.name, prefecture = excluded.prefecture, kana = excluded.kana`);
  db.transaction(() => {
    for (const r of changed) upsert.run(r.code, r.name, r.prefecture, r.kana || null);
  }).immediate();
  return changed.length;
}
