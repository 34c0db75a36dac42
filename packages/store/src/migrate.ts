import type Database from 'better-sqlite3';
import { MIGRATIONS, type Migration, SCHEMA_VERSION } from './migrations/index.js';

const CREATE_MIGRATIONS = `CREATE TABLE IF NOT EXISTS migrations (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  applied_at TEXT NOT NULL
)`;

export interface AppliedMigration {
  id: number;
  name: string;
  applied_at: string;
}

function userVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function applyOne(db: Database.Database, m: Migration): void {
  db.exec(m.sql);
  db.prepare('INSERT INTO migrations (id, name, applied_at) VALUES (?, ?, ?)').run(
    m.id,
    m.name,
    new Date().toISOString(),
  );
  db.pragma(`user_version = ${m.id}`);
}

/**
 * Apply the migrations this database lacks, in order, each in its own immediate transaction (so two processes
 * opening a new file at once do not both apply it). Returns the ids applied.
 */
export function migrate(db: Database.Database): number[] {
  const applied: number[] = [];
  const foreign = foreignTables(db);
  if (foreign)
    throw new Error(
      `not a shiryo database: its tables (${foreign.slice(0, 5).join(', ')}${foreign.length > 5 ? ' …' : ''}) are not shiryo's; shiryo adds its tables only to an empty or a shiryo file`,
    );
  db.exec(CREATE_MIGRATIONS);
  for (const m of MIGRATIONS) {
    const done = db
      .transaction(() => {
        if (userVersion(db) >= m.id) return false;
        applyOne(db, m);
        return true;
      })
      .immediate();
    if (done) applied.push(m.id);
  }
  return applied;
}

/**
 * The tables of a file another program wrote (tables, but no `migrations` table and no schema version), or null: an
 * empty file or a shiryo database. Such a file is never migrated: shiryo's tables would be added to someone else's
 * database.
 */
function foreignTables(db: Database.Database): string[] | null {
  if (userVersion(db) > 0) return null;
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .pluck()
    .all() as string[];
  return tables.length > 0 && !tables.includes('migrations') ? tables : null;
}

/** The reason this database cannot be used by this code, or null when its schema is the current one. */
export function schemaProblem(db: Database.Database): string | null {
  const v = userVersion(db);
  if (v > SCHEMA_VERSION) return `schema version ${v} is newer than this shiryo knows (${SCHEMA_VERSION})`;
  if (v < SCHEMA_VERSION)
    return `schema version ${v} is older than ${SCHEMA_VERSION}; open it once read-write to migrate`;
  return null;
}

export function appliedMigrations(db: Database.Database): AppliedMigration[] {
  return db.prepare('SELECT id, name, applied_at FROM migrations ORDER BY id').all() as AppliedMigration[];
}
