/**
 * One vocabulary: the kind words, total words, bullet marks and plan-term bases live in
 * packages/model/src/vocabulary.ts, and no source file writes a copy of its own (copies drift apart: a kind word
 * added in one reader and not in another is how `kindWord('計画値')` once read nothing while `valueKindOf('計画値')`
 * read a plan). This test reads every source file of the packages and fails on a stray copy.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { BULLET_MARKS, KIND_WORDS, TOTAL_WORDS } from '@shiryo/model';
import { describe, expect, it } from 'vitest';
import { ROOT } from './pipeline.js';

const VOCABULARY = join('packages', 'model', 'src', 'vocabulary.ts');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === 'node_modules' || name === 'dist' ? [] : sources(p);
    return p.endsWith('.ts') ? [p] : [];
  });
}

const files = readdirSync(join(ROOT, 'packages'))
  .flatMap((pkg) => {
    try {
      return sources(join(ROOT, 'packages', pkg, 'src'));
    } catch {
      return [];
    }
  })
  .filter((p) => relative(ROOT, p) !== VOCABULARY);

/** Lines of code (comments dropped) with their file and number. */
const lines = files.flatMap((f) =>
  readFileSync(f, 'utf8')
    .split('\n')
    .map((text, i) => ({ where: `${relative(ROOT, f)}:${i + 1}`, text }))
    .filter((l) => !/^\s*(?:\*|\/\/|\/\*)/.test(l.text)),
);

describe('one vocabulary', () => {
  it('reads the package sources', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it('no character class copies the bullet marks (use charClass(BULLET_MARKS))', () => {
    const marks = new Set(BULLET_MARKS);
    const stray = lines.filter((l) =>
      [...l.text.matchAll(/\[([^\]]{3,})\]/gu)].some(
        (m) => new Set([...m[1]!].filter((ch) => marks.has(ch))).size >= 4,
      ),
    );
    expect(stray.map((l) => `${l.where}: ${l.text.trim()}`)).toEqual([]);
  });

  it('no alternation copies the total words (use TOTAL_WORDS)', () => {
    const total = TOTAL_WORDS.join('|');
    const stray = lines.filter((l) => {
      const words = new Set([...l.text.matchAll(/(?<=[(|:^])(計|小計|合計|総数|総計)(?=[|)$])/gu)].map((m) => m[1]));
      return words.size >= 3 && !l.text.includes(total);
    });
    expect(stray.map((l) => `${l.where}: ${l.text.trim()}`)).toEqual([]);
  });

  it('no table maps kind words to kinds but the vocabulary (use KIND_WORDS)', () => {
    const kinds = Object.keys(KIND_WORDS);
    const stray = lines.filter(
      (l) =>
        /^\s*['"]?[\p{sc=Han}\p{sc=Hiragana}]{1,8}['"]?\s*:\s*'(?:plan|actual|target|baseline|deviation|achievement_rate)'/u.test(
          l.text,
        ) || [...l.text.matchAll(/[\p{sc=Han}\p{sc=Hiragana}]+/gu)].filter((m) => kinds.includes(m[0])).length >= 6,
    );
    expect(stray.map((l) => `${l.where}: ${l.text.trim()}`)).toEqual([]);
  });

  it('no copy of the plan-term bases (use PLAN_TERM_BASES)', () => {
    const stray = lines.filter((l) => /2006/.test(l.text) && /2018/.test(l.text) && /2000/.test(l.text));
    expect(stray.map((l) => `${l.where}: ${l.text.trim()}`)).toEqual([]);
  });
});
