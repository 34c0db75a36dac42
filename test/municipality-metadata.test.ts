/**
 * A PDF whose text never names its city (a statistics sheet of numbers and generic words) but whose metadata title
 * does: the municipality comes from the title, recorded as `metadata`; a city named in the text still wins.
 * The PDFs are made here with pdf-lib and a standard font (the page text is ASCII), in words of no fixture.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractDocument } from '@shiryo/extractor';
import { normalizeDocument } from '@shiryo/normalizer';
import { describe, expect, it } from 'vitest';

const require = createRequire(new URL('../packages/extractor/package.json', import.meta.url));
// (pdf-lib is a devDependency of @shiryo/extractor, resolved from there; typed here as far as the test uses it)
interface PdfLib {
  PDFDocument: {
    create(o: { updateMetadata: boolean }): Promise<{
      embedFont(f: string): Promise<unknown>;
      addPage(size: [number, number]): {
        drawText(t: string, o: { x: number; y: number; size: number; font: unknown }): void;
      };
      setTitle(t: string): void;
      save(): Promise<Uint8Array>;
    }>;
  };
  StandardFonts: { Helvetica: string };
}
const { PDFDocument, StandardFonts } = require('pdf-lib') as PdfLib;

/** A one-page PDF with the given metadata title and lines, written to a temporary file. */
async function pdf(title: string, lines: string[]): Promise<string> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595, 842]);
  lines.forEach((l, i) => {
    page.drawText(l, { x: 60, y: 780 - i * 20, size: 11, font });
  });
  doc.setTitle(title);
  const path = join(mkdtempSync(join(tmpdir(), 'shiryo-meta-')), 'stats.pdf');
  writeFileSync(path, await doc.save());
  return path;
}

describe('municipality from the metadata title', () => {
  it('is read from /Title when the text names no city, and recorded as metadata', async () => {
    const doc = await extractDocument(await pdf('令和5年度 伊那市 統計資料', ['2021 2022 2023', '1,204 1,233 1,250']));
    expect(doc.meta.title).toBe('令和5年度 伊那市 統計資料');
    const n = normalizeDocument(doc);
    expect(n.municipality?.name).toBe('伊那市');
    expect(n.municipality?.code).toBe('202096');
    expect(n.municipalitySource).toBe('metadata');
  });

  it('is not read from the title when nothing there names a city', async () => {
    const doc = await extractDocument(await pdf('Statistics 2023', ['2021 2022 2023']));
    const n = normalizeDocument(doc);
    expect(n.municipality).toBeNull();
    expect(n.issues.map((i) => i.code)).toContain('MUNICIPALITY_NOT_FOUND');
  });
});
