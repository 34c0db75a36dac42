/**
 * Family "MultiMarkdown tables" (extractor, markdown.ts): several header rows above the separator, a cell closed by
 * two or three pipes with nothing between them spanning as many columns (`| 令和6年度 ||| 令和7年度 |||`), and a
 * separator of single dashes (`|-|-:|`, GitHub's dialect allows one dash too). A document in other words than any
 * fixture (すずらん町, years as column groups over kinds).
 */
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

describe('a MultiMarkdown table with spanned header cells', () => {
  const n = normalizeLayout('multimarkdown-spans.md');
  const rows = n.observations.map((o) => [o.indicator_label, o.fiscal_year, o.value_kind, o.value, o.unit]);

  it('reads every value under its spanned year and its kind', () => {
    expect(rows).toHaveLength(12);
    expect(rows).toContainEqual(['生活介護', 2024, 'plan', 2150, 'person_day/month']);
    expect(rows).toContainEqual(['生活介護', 2025, 'achievement_rate', 99, 'percent']);
    expect(rows).toContainEqual(['就労継続支援B型', 2024, 'actual', 1912, 'person_day/month']);
    expect(rows).toContainEqual(['就労継続支援B型', 2025, 'actual', 1975, 'person_day/month']);
  });
});
