/**
 * The extraction workers of `ingest` (built code: a worker runs dist/extract-worker.js): reused between documents,
 * and ended by `retire` once no document is left, so their memory is given back before normalizing.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Extractors } from '../dist/isolate.js';

const fixture = (name: string) => fileURLToPath(new URL(`../../../fixtures/${name}`, import.meta.url));
/** The workers alive (started and not ended), read from the pool. */
const alive = (x: Extractors) => (x as unknown as { all: Set<unknown> }).all.size;

describe('extraction workers', () => {
  it('keep one worker between documents and end it on retire; a later document starts another', async () => {
    const x = new Extractors({ timeoutMs: 60_000 });
    try {
      const a = await x.extract(fixture('pdf-lo-kaigo-html-report/source.pdf'));
      expect(a.tables.length).toBeGreaterThan(0);
      expect(alive(x)).toBe(1);
      const b = await x.extract(fixture('pdf-lo-kaigo-html-report/source.pdf'));
      expect(b.sha256).toBe(a.sha256);
      expect(alive(x)).toBe(1);
      await x.retire();
      expect(alive(x)).toBe(0);
      // a worker that finishes after retire is ended, not kept
      const c = await x.extract(fixture('pdf-lo-kaigo-html-report/source.pdf'));
      expect(c.tables.length).toBe(a.tables.length);
      expect(alive(x)).toBe(0);
    } finally {
      await x.close();
    }
  }, 120_000);
});
