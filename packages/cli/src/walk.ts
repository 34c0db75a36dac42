import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Extensions `ingest` picks up when it walks a directory (an explicit file is always tried). */
export const INGEST_EXTENSIONS = ['.txt', '.md', '.markdown', '.html', '.htm', '.tsv', '.pdf'];

function globToRegExp(glob: string): RegExp {
  const body = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*\*/g, '\u0000')
    .replace(/\*/g, '[^/]*')
    .replace(/\?/g, '[^/]')
    .replace(/\u0000/g, '.*');
  return new RegExp(`^${body}$`);
}

interface IgnoreRule {
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

/**
 * Expand paths: files as given; directories walked recursively (sorted, dot-entries and node_modules skipped,
 * `.shiryoignore` files honoured like a simple .gitignore), keeping files with a known extension.
 */
export function expandPaths(paths: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string, rules: IgnoreRule[]) => {
    const here = [...rules, ...readIgnore(dir)];
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      const p = join(dir, name);
      let st: ReturnType<typeof statSync>;
      try {
        st = statSync(p);
      } catch {
        continue;
      }
      if (ignored(p, st.isDirectory(), here)) continue;
      if (st.isDirectory()) walk(p, here);
      else if (INGEST_EXTENSIONS.some((e) => name.toLowerCase().endsWith(e))) out.push(p);
    }
  };
  for (const p of paths) {
    let isDir = false;
    try {
      isDir = statSync(p).isDirectory();
    } catch {
      isDir = false;
    }
    if (isDir) walk(p, []);
    else out.push(p);
  }
  return out;
}
