/**
 * test/layouts/definition-list-pairs.html (written for this test, in other words than the 旭川市 blind fixture
 * kaigo-9ki-web-dl-indicator-pairs): family "values in definition lists" (extractor html.ts definitionPairs). A web
 * page's `<dl>` whose `<dt>` names the kind and year and whose `<dd>` holds the value (`<dt>目標値（令和8年度）</dt>
 * <dd>19人以上</dd>`, pairs in HTML5 `<div>` wrappers too) is read as the line `目標値（令和8年度）：19人以上` under the
 * heading that names the indicator; `計画策定時（令和3年度）：` before a value is a base (prose/words.ts immediateKind).
 * A glossary `<dl>` whose `<dd>` holds paragraphs stays block by block.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractText } from '@shiryo/extractor';
import type { Observation } from '@shiryo/model';
import { describe, expect, it } from 'vitest';
import { normalizeLayout, ROOT } from './pipeline.js';

const n = normalizeLayout('definition-list-pairs.html');
const row = (o: Observation) => [o.indicator_label, o.fiscal_year, o.value_kind, o.value, o.unit, o.qualifier];
const rows = n.observations.map(row);

describe('values in definition lists', () => {
  it('reads each term and its definition as one label-value line under the heading', () => {
    expect(rows).toContainEqual(['一般就労移行者数', 2021, 'baseline', 14, 'person', null]);
    expect(rows).toContainEqual(['一般就労移行者数', 2026, 'target', 19, 'person', 'gte']);
    expect(rows).toContainEqual(['一般就労移行者数', 2023, 'actual', 16, 'person', null]);
    expect(rows).toContainEqual(['就労定着支援事業の利用者数', 2021, 'baseline', 22, 'person', null]);
    expect(rows).toContainEqual(['就労定着支援事業の利用者数', 2026, 'target', 30, 'person', null]);
    expect(rows).toHaveLength(5);
  });

  it('keeps a glossary list of paragraphs block by block', () => {
    const path = join(ROOT, 'test/layouts/definition-list-pairs.html');
    const texts = extractText(readFileSync(path, 'utf8'), path).blocks.map((b) => b.text);
    expect(texts).toContain('一般就労');
    expect(texts).toContain('目標値(令和8年度):19人以上');
  });
});
