/** Subset rules of tables: parts of a value written beside it (`142（4）` under a note). Stage `values`. */
import { normalized } from '../../table/pieces.js';
import { rule } from '../engine.js';
import type { CellContext } from '../table-context.js';

const BRACKETED = /^\s*[0-9０-９,，.．]+\s*[(（[［【〔]\s*([0-9０-９,，.．]+)\s*[)）\]］】〕]\s*$/u;

export const bracketUnderNote = rule<CellContext>({
  id: 'subset.bracket-under-note',
  family: 'subset',
  stage: 'values',
  priority: 10,
  summary:
    '`142（4）`, `142［4］`, `142【4】` `142〔4〕` under a note that the bracketed numbers are a part (`※（ ）内は医療的ケア児…で、内数`, `※［ ］内は…`, `注）（　）は内数`, `〈　〉内は…` read with its 〈〉 as 〔〕): the bracketed number is a subset of the value.',
  applies: (x) =>
    x.ctx.subsetNoted &&
    BRACKETED.test(x.L.text(x.r, x.c)) &&
    // (a square bracket's number is read as a second value: `88［6］` → 88 and 6)
    (x.values.length === 1 || (x.values.length === 2 && !x.values[1]!.unit)) &&
    x.values[0]!.subset === undefined,
  apply(x) {
    const m = BRACKETED.exec(x.L.text(x.r, x.c))!;
    x.values = [{ ...x.values[0]!, subset: Number(normalized(m[1]!).replace(/,/g, '')) }];
  },
  examples: [
    {
      name: 'example.txt',
      text: 'サービス\t令和5年度\n児童発達支援（人/月）\t142（4）\n\n※（ ）内は医療的ケア児の利用者数で、内数です。\n',
      expect: { value_kind: 'subset', value: 4 },
    },
    {
      name: 'example.tsv',
      text: 'サービス\t令和6年度\n放課後等デイサービス（人/月）\t88［6］\n\n※［ ］内は重症心身障害児の人数（内数）です。\n',
      expect: { value_kind: 'subset', value: 6 },
    },
  ],
});

export const TABLE_SUBSET_RULES = [bracketUnderNote];
