/**
 * "Never wrong silently" (issue 16), asserted on every bundled fixture: what shiryo doubts, it says — on the
 * observation or the page — and a number it doubts never sits in a confident band.
 *
 * - a failed self-check (`CHECK_MISMATCH` at `table T rRcC`) leaves its message on that cell's observation;
 * - an observation with a warning is never above 0.5;
 * - a number whose written form mixes letters into its digits (`2,4l5`, `2O4`: OCR's confusions) carries a warning
 *   saying how it was read;
 * - a fiscal year outside 1950–2060 is not stored without a warning;
 * - a page without a usable text layer has an issue naming it (`PAGE_NEEDS_OCR`, `PAGE_TEXT_UNUSABLE`,
 *   `PAGE_TEXT_STRAY`), and a page read by OCR gives no number a confidence above `OCR_CONFIDENCE_CEILING`.
 *
 * On the fixtures of 2026-12-07 this meets 8 self-check mismatches, 18 numbers written with letters in their digits
 * and 223 warned observations; no bundled fixture has a page without a text layer (the broken inputs of
 * test/reliability.test.ts and test/broken-corpus.test.ts do: an image-only page, a mojibake font).
 */
import { extractDocument } from '@shiryo/extractor';
import { normalizeDocument, OCR_CONFIDENCE_CEILING } from '@shiryo/normalizer';
import { describe, expect, it } from 'vitest';
import { bundledFixtures, cliTokens, pathMunicipality } from './pipeline.js';

const MIXED = /\d[OolI]|[OolI]\d/u;

describe('never wrong silently, on every bundled fixture', () => {
  for (const f of bundledFixtures()) {
    it(f.name, async () => {
      const doc = await extractDocument(f.source);
      const norm = normalizeDocument(doc, { tokens: await cliTokens(), ...pathMunicipality(f.source) });
      const problems: string[] = [];
      const at = new Map(norm.observations.map((o) => [`table ${o.table_index} r${o.row}c${o.col}`, o]));
      for (const i of norm.issues.filter((x) => x.code === 'CHECK_MISMATCH')) {
        const o = at.get(i.where ?? '');
        if (!o?.warnings.includes(i.message)) problems.push(`${i.where}: self-check «${i.message}» not on the number`);
      }
      for (const o of norm.observations) {
        const where = `p${o.page} table ${o.table_index} r${o.row}c${o.col} «${o.value_text}»`;
        if (o.warnings.length > 0 && o.confidence > 0.5)
          problems.push(`${where}: warned but confidence ${o.confidence}`);
        if (MIXED.test(o.value_text ?? '') && !o.warnings.some((w) => /OCR|read as/u.test(w)))
          problems.push(`${where}: letters in the digits and no warning`);
        if (o.fiscal_year !== null && (o.fiscal_year < 1950 || o.fiscal_year > 2060) && o.warnings.length === 0)
          problems.push(`${where}: fiscal year ${o.fiscal_year} without a warning`);
      }
      const pageIssues = [...doc.issues, ...norm.issues].map((i) => `${i.code} ${i.where ?? ''}`);
      for (const p of doc.pages) {
        if (
          p.needsOcr &&
          !pageIssues.some(
            (s) => /^PAGE_(?:NEEDS_OCR|TEXT_UNUSABLE|TEXT_STRAY) /u.test(s) && s.endsWith(`page ${p.index}`),
          )
        )
          problems.push(`page ${p.index}: no usable text and no issue says so`);
        if (p.ocr)
          for (const o of norm.observations.filter((x) => x.page === p.index && x.confidence > OCR_CONFIDENCE_CEILING))
            problems.push(`page ${p.index} (OCR): «${o.value_text}» at ${o.confidence}`);
      }
      expect(problems).toEqual([]);
    });
  }
});
