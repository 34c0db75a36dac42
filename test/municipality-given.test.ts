/** The municipality a caller gives the normalizer (option, manifest, path) against the one the text names. */
import { extractText } from '@shiryo/extractor';
import { normalizeDocument } from '@shiryo/normalizer';
import { describe, expect, it } from 'vitest';

describe('normalizeDocument: the municipality given, and its source', () => {
  const NO_CITY = '第7期障害福祉計画\n\n1) 短期入所\n\n\tR6年度 (見込)\tR5実績\n利用者数(人/月)\t12\t9\n';
  const TOKOROZAWA = { code: '112089', name: '所沢市', prefecture: '埼玉県' };

  it('a document naming no city: no municipality, source null, and an issue', () => {
    const n = normalizeDocument(extractText(NO_CITY, 'a.txt'));
    expect(n.municipality).toBeNull();
    expect(n.municipalitySource).toBeNull();
    expect(n.issues.map((i) => i.code)).toContain('MUNICIPALITY_NOT_FOUND');
  });

  it('a given municipality is used with its source, and every observation carries it', () => {
    const n = normalizeDocument(extractText(NO_CITY, 'a.txt'), {
      municipality: { municipality: TOKOROZAWA, source: 'path' },
    });
    expect(n.municipality).toEqual(TOKOROZAWA);
    expect(n.municipalitySource).toBe('path');
    expect(n.observations).toHaveLength(2);
    for (const o of n.observations) expect(o.municipality_code).toBe('112089');
    expect(n.issues.map((i) => i.code)).not.toContain('MUNICIPALITY_NOT_FOUND');
  });

  it('the text names another city: the given one is kept, with a warning naming both', () => {
    const n = normalizeDocument(extractText(`東松山市 ${NO_CITY}`, 'a.txt'), {
      municipality: { municipality: TOKOROZAWA, source: 'manifest' },
    });
    expect(n.municipality?.code).toBe('112089');
    const w = n.issues.find((i) => i.code === 'MUNICIPALITY_TEXT_DIFFERS');
    expect(w?.message).toMatch(/埼玉県東松山市.*kept 埼玉県所沢市 from the manifest/);
  });

  it('the text alone: source text; a code or name as a string is read as the option', () => {
    expect(normalizeDocument(extractText(`東松山市 ${NO_CITY}`, 'a.txt')).municipalitySource).toBe('text');
    const n = normalizeDocument(extractText(NO_CITY, 'a.txt'), { municipality: '11208' });
    expect([n.municipality?.code, n.municipalitySource]).toEqual(['112089', 'option']);
  });

  it('a plan given from outside wins over the text, with its term', () => {
    const n = normalizeDocument(extractText(NO_CITY, 'a.txt'), { plan: '第3期障害児福祉計画' });
    expect([n.plan, n.planPeriod]).toEqual(['第3期障害児福祉計画', '2024-2026']);
    expect(normalizeDocument(extractText(NO_CITY, 'a.txt')).plan).toBe('第7期障害福祉計画');
  });
});
