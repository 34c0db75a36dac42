/** The table reader's rules, by context: the layout of a table, one data cell, and finished observations. */

import { TABLE_CHECK_RULES } from './check/table.js';
import { RuleSet } from './engine.js';
import { TABLE_KIND_RULES } from './kind/table.js';
import { TABLE_LABEL_RULES } from './label/table.js';
import { LAYOUT_RULES } from './layout/table.js';
import type { ObservationContext } from './observation-context.js';
import { HEADER_PERIOD_RULES, LAYOUT_PERIOD_RULES } from './period/layout.js';
import { OBSERVATION_PERIOD_RULES } from './period/observations.js';
import { TABLE_PERIOD_RULES } from './period/table.js';
import {
  accountCodeColumn,
  committeeOpinionColumn,
  guidelineRow,
  mergedCellRepeat,
  nationalGuidelineColumn,
  noLabel,
  perBasisCell,
  productFormulaCell,
  recordListColumns,
  sentenceRestatesRowValue,
  tableWithoutHeaders,
} from './skip/table.js';
import { TABLE_SUBSET_RULES } from './subset/table.js';
import type { CellContext, TableLayout } from './table-context.js';
import { TABLE_UNIT_RULES } from './unit/table.js';

export const TABLE_RULES = {
  layout: new RuleSet<TableLayout>('table layout', [
    ...LAYOUT_RULES,
    ...LAYOUT_PERIOD_RULES,
    ...HEADER_PERIOD_RULES,
    tableWithoutHeaders,
  ]),
  cell: new RuleSet<CellContext>('table cell', [
    mergedCellRepeat,
    nationalGuidelineColumn,
    guidelineRow,
    accountCodeColumn,
    perBasisCell,
    recordListColumns,
    productFormulaCell,
    committeeOpinionColumn,
    noLabel,
    ...TABLE_LABEL_RULES,
    ...TABLE_KIND_RULES,
    ...TABLE_PERIOD_RULES,
    ...TABLE_UNIT_RULES,
    ...TABLE_SUBSET_RULES,
    ...TABLE_CHECK_RULES,
  ]),
};

export const TABLE_OBSERVATION_RULES = new RuleSet<ObservationContext>('table observations', [
  sentenceRestatesRowValue,
  ...OBSERVATION_PERIOD_RULES,
]);
