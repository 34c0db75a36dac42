import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** Extensions `ingest` picks up when it walks a directory (an explicit file is always tried). */
export const INGEST_EXTENSIONS = [
  '.txt',
  '.md',
  '.markdown',
  '.html',
  '.htm',
  '.tsv',
  '.csv',
  '.xlsx',
  '.xlsm',
  '.pdf',
];

function globToRegExp(glob: string): RegExp {
  const body = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*\*/g, '\u0000')
    .replace(/\*/g, '[^/]*')
    .replace(/\?/g, '[^/]')
    .replace(/\u0000/g, '.*');
  return new RegExp(`^${body}$`);
}

export interface IgnoreRule {
  base: string;
  re: RegExp;
  dirOnly: boolean;
  anchored: boolean;
}

function readIgnore(dir: string): IgnoreRule[] {
  const f = join(dir, '.shiryoignore');
  if (!existsSync(f)) return [];
  return readFileSync(f, 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => {
      const dirOnly = l.endsWith('/');
      const pat = l.replace(/\/$/, '');
      return { base: dir, re: globToRegExp(pat.replace(/^\//, '')), dirOnly, anchored: pat.includes('/') };
    });
}

function ignored(path: string, isDir: boolean, rules: IgnoreRule[]): boolean {
  return rules.some((r) => {
    if (r.dirOnly && !isDir) return false;
    const rel = relative(r.base, path);
    const name = rel.split('/').pop() ?? rel;
    return r.anchored ? r.re.test(rel) : r.re.test(name);
  });
}

/** A folder the walk could not read, or an entry it left out on purpose: one line, and an issue row. */
export interface WalkProblem {
  path: string;
  code: 'FILE_UNREADABLE';
  reason: string;
}

export interface Expanded {
  files: string[];
  problems: WalkProblem[];
}

function errnoReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ELOOP') return 'a symbolic link that loops';
  if (code === 'ENOENT') return 'a symbolic link to nothing';
  return e instanceof Error ? e.message : String(e);
}

/**
 * The `.shiryoignore` rules of the folders above `dir` (not `dir`'s own), as git reads the `.gitignore` files above a
 * path: from the folder holding `.git` (a folder, or the file of a worktree) — the top of the work tree, whose own
 * file counts — and no higher; outside any work tree, up to the filesystem root. A `dir` that holds `.git` itself
 * has none above it. An ignore file that cannot be read is a problem, and the others still count.
 */
export function ancestorRules(dir: string, problems: WalkProblem[] = []): IgnoreRule[] {
  const rules: IgnoreRule[] = [];
  let d = resolve(dir);
  if (existsSync(join(d, '.git'))) return rules;
  for (let up = dirname(d); up !== d; d = up, up = dirname(up)) {
    try {
      rules.push(...readIgnore(up));
    } catch (e) {
      problems.push({
        path: join(up, '.shiryoignore'),
        code: 'FILE_UNREADABLE',
        reason: `not read (${errnoReason(e)}); the folders below it are walked without it`,
      });
    }
    if (existsSync(join(up, '.git'))) break;
  }
  return rules;
}

/**
 * Expand paths: files as given — a file named on the command line is ingested even when an ignore pattern matches it,
 * and so is a folder named there (what is found under it is matched); directories walked recursively (sorted,
 * dot-entries and node_modules skipped, `.shiryoignore` files honoured like a simple .gitignore: those of the folder
 * and of its subfolders, and those above it up to the top of its git work tree, `ancestorRules`), keeping files with
 * a known extension. A folder is
 * walked once by its real path, so a symbolic link back to a folder being walked (a loop) is not followed again;
 * a folder that cannot be read is a problem of its own and the walk goes on.
 */
export function expandPaths(paths: string[]): Expanded {
  const files: string[] = [];
  const problems: WalkProblem[] = [];
  const walked = new Set<string>();
  const walk = (dir: string, rules: IgnoreRule[]) => {
    let real: string;
    let names: string[];
    try {
      real = realpathSync(dir);
      if (walked.has(real)) return;
      walked.add(real);
      names = readdirSync(dir).sort();
    } catch (e) {
      problems.push({ path: dir, code: 'FILE_UNREADABLE', reason: `folder not read: ${errnoReason(e)}` });
      return;
    }
    let here = rules;
    try {
      here = [...rules, ...readIgnore(dir)];
    } catch (e) {
      problems.push({
        path: join(dir, '.shiryoignore'),
        code: 'FILE_UNREADABLE',
        reason: `not read (${errnoReason(e)}); the folder is walked without it`,
      });
    }
    for (const name of names) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      const p = join(dir, name);
      let st: ReturnType<typeof statSync>;
      try {
        st = statSync(p);
      } catch (e) {
        if (INGEST_EXTENSIONS.some((x) => name.toLowerCase().endsWith(x)))
          problems.push({ path: p, code: 'FILE_UNREADABLE', reason: errnoReason(e) });
        continue;
      }
      if (ignored(p, st.isDirectory(), here)) continue;
      if (st.isDirectory()) walk(p, here);
      else if (INGEST_EXTENSIONS.some((e) => name.toLowerCase().endsWith(e))) files.push(p);
    }
  };
  for (const p of paths) {
    let isDir = false;
    try {
      isDir = statSync(p).isDirectory();
    } catch {
      isDir = false;
    }
    if (isDir) walk(p, ancestorRules(p, problems));
    else files.push(p);
  }
  return { files, problems };
}
