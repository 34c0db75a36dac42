import { extractText } from '@shiryo/extractor';
import { normalizeDocument } from '@shiryo/normalizer';

const [name, text] = [process.argv[2], process.argv[3].replace(/\\t/g, '\t').replace(/\\n/g, '\n')];
const doc = extractText(text, name);
for (const t of doc.tables)
  console.log(
    'TABLE',
    t.method,
    t.headerRows,
    t.nRows,
    t.nCols,
    JSON.stringify(t.cells.map((c) => `${c.row},${c.col}:${c.text}`)),
  );
for (const b of doc.blocks) console.log('BLOCK', b.kind, JSON.stringify(b.text));
const fired = [];
const n = normalizeDocument(doc, { trace: (id, w) => fired.push(`${id}@${w}`) });
console.log('FIRED', fired.join(' '));
for (const o of n.observations)
  console.log(
    'OBS',
    o.indicator_label,
    '/',
    o.subgroup,
    'FY',
    o.fiscal_year,
    o.value_kind + (o.subset_of_kind ? `(of ${o.subset_of_kind})` : ''),
    o.value,
    o.unit,
    o.qualifier ? `q=${o.qualifier}` : '',
    JSON.stringify(o.rules),
  );
