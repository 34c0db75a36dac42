/** Check rules of tables: what a cell's values say against its labels. */
import { rule } from '../engine.js';
import type { CellContext } from '../table-context.js';

export const valuesOutnumberItems = rule<CellContext>({
  id: 'check.values-outnumber-items',
  family: 'check',
  stage: 'values',
  priority: 30,
  summary:
    'A cell holding several values whose row lists no matching items: each value is kept under the row, with a warning.',
  applies: (x) => x.values.length > 1 && x.itemLabels.every((l) => l === null) && x.valueKinds.length === 0,
  apply(x) {
    x.warnings.push(`cell holds ${x.values.length} values but the row label lists ${x.items.length} items`);
  },
  examples: [
    {
      name: 'example.tsv',
      text: '項目\t令和5年度\n移動支援事業\t12人 340時間\n',
      expect: { value: 12 },
    },
  ],
});

export const ocrRepairedNumber = rule<CellContext>({
  id: 'check.ocr-repaired-number',
  family: 'check',
  stage: 'values',
  priority: 40,
  summary:
    'Family "OCR-broken numbers in cells": a value read from a cell whose OCR\'d number was repaired (`layout.ocr-broken-numbers`) carries a warning naming what was written, and so less confidence.',
  applies: (x) => x.L.repaired.has(`${x.r},${x.c}`),
  apply(x) {
    x.warnings.push(`OCR: «${x.L.written(x.r, x.c)}» read as ${x.L.repaired.get(`${x.r},${x.c}`)}`);
  },
  examples: [
    {
      name: 'example.tsv',
      text: '区分\t令和4年度\t令和5年度\n相談件数（件）\t412\t41I\n',
      expect: { value: 411, fiscal_year: 2023 },
    },
  ],
});

export const TABLE_CHECK_RULES = [valuesOutnumberItems, ocrRepairedNumber];
