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

export const TABLE_CHECK_RULES = [valuesOutnumberItems];
