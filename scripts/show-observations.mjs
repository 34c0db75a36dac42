// Print every observation of one document as a line (table, row, col, label, subgroup, measure, unit, year, kind,
// value, qualifier, text) for eyes: node scripts/show-observations.mjs <file>. Needs `pnpm build`.
import { extractDocument } from '@shiryo/extractor';
import { normalizeDocument } from '@shiryo/normalizer';

const doc = await extractDocument(process.argv[2]);
const n = normalizeDocument(doc);
for (const o of n.observations)
  console.log(
    [
      o.table_index ?? 'p',
      o.row,
      o.col,
      o.indicator_label.slice(0, 40),
      o.subgroup,
      o.measure,
      o.unit,
      o.fiscal_year,
      o.value_kind,
      o.value,
      o.qualifier ?? '',
      JSON.stringify(o.value_text.slice(0, 30)),
    ].join(' | '),
  );
