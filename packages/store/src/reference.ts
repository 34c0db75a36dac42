import type Database from 'better-sqlite3';
import type { CatalogEntryInput, MunicipalityInput } from './types.js';

/** Insert or update catalog entries; each entry's aliases are replaced by the ones given. One transaction. */
export function upsertCatalog(db: Database.Database, entries: readonly CatalogEntryInput[]): number {
  const upsert = db.prepare(`INSERT INTO indicators (id, label, plan, goal_area, units) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET label = excluded.label, plan = excluded.plan, goal_area = excluded.goal_area,
      units = excluded.units`);
  const clear = db.prepare('DELETE FROM indicator_aliases WHERE indicator_id = ?');
  const alias = db.prepare('INSERT OR IGNORE INTO indicator_aliases (indicator_id, alias) VALUES (?, ?)');
  db.transaction(() => {
    for (const e of entries) {
      upsert.run(e.id, e.label, e.plan, e.goal_area ?? null, JSON.stringify(e.units ?? []));
      clear.run(e.id);
      for (const a of e.aliases) alias.run(e.id, a);
    }
  }).immediate();
  return entries.length;
}

/** Insert or update municipalities by code. One transaction. */
export function upsertMunicipalities(db: Database.Database, rows: readonly MunicipalityInput[]): number {
  const upsert = db.prepare(`INSERT INTO municipalities (code, name, prefecture, kana) VALUES (?, ?, ?, ?)
    ON CONFLICT (code) DO UPDATE SET name = excluded.name, prefecture = excluded.prefecture, kana = excluded.kana`);
  db.transaction(() => {
    for (const r of rows) upsert.run(r.code, r.name, r.prefecture, r.kana || null);
  }).immediate();
  return rows.length;
}
