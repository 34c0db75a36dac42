/** Subset rules of tables: parts of a value written beside it (`142（4）` under a note). Stage `values`. */
import { normalized, PART_ASIDE } from '../../table/pieces.js';
import { rule } from '../engine.js';
import type { CellContext } from '../table-context.js';

// (the whole and its part may each carry their counter: `120人（15人）`)
const COUNTER = '(?:人日|人分|人|名|件|回|か所|箇所|カ所|時間|日)?';
const BRACKETED = new RegExp(
  `^\\s*[0-9０-９,，.．]+\\s*${COUNTER}\\s*[(（[［【〔]\\s*([0-9０-９,，.．]+)\\s*${COUNTER}\\s*[)）\\]］】〕]\\s*$`,
  'u',
);

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
    // (or, each with its counter, `120人（15人）`, as two values of one unit)
    (x.values.length === 1 ||
      (x.values.length === 2 && (!x.values[1]!.unit || x.values[1]!.unit === x.values[0]!.unit))) &&
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

/** The part the cell's row label or column header announces in brackets (`利用者数（うち医療的ケア児）`), or null. */
function announcedPart(x: CellContext): string | null {
  for (const p of [...x.cols, ...x.stubs]) {
    if (p.part) return p.part;
    const m = PART_ASIDE.exec(normalized(p.text));
    if (m) return m[1]!.trim();
  }
  return null;
}

export const partNamedInLabel = rule<CellContext>({
  id: 'subset.part-named-in-label',
  family: 'subset',
  stage: 'values',
  priority: 20,
  summary:
    'Family "a label that announces the part its brackets hold": a row label or column header with うち/内 in brackets (`児童発達支援 利用者数（うち医療的ケア児）`, `令和6年度実績〈うち精神障害者〉`) over a cell `120（15）` or `120〈15〉` with no note naming the part: the bracketed number is a subset named so, and the label is the whole\'s (`児童発達支援 利用者数`).',
  applies: (x) => {
    const v = x.values[0];
    if (!v || x.values.length > 2) return false;
    const bare = v.subset === undefined && BRACKETED.test(x.L.text(x.r, x.c));
    const unnamed = v.subset !== undefined && !v.subsetLabel && !x.ctx.subsetNote;
    return (bare || unnamed) && announcedPart(x) !== null;
  },
  apply(x) {
    const part = announcedPart(x)!;
    const m = BRACKETED.exec(x.L.text(x.r, x.c));
    const v = x.values[0]!;
    const subset = v.subset ?? Number(normalized(m![1]!).replace(/,/g, ''));
    x.values = [{ ...v, subset, subsetLabel: part }];
    x.indicator = x.indicator.replace(new RegExp(PART_ASIDE.source, 'gu'), '').trim() || x.indicator;
  },
  examples: [
    {
      name: 'example.tsv',
      text: 'サービス\t令和5年度\n放課後等デイサービス 利用者数（うち重症心身障害児）（人/月）\t64（7）\n',
      expect: { value_kind: 'subset', value: 7, subgroup: '重症心身障害児' },
    },
    {
      name: 'example.tsv',
      text: 'サービス\t令和5年度実績〈うち65歳以上〉\n就労継続支援（B型）（人/月）\t210〈31〉\n',
      expect: { value_kind: 'subset', value: 31, subgroup: '65歳以上', fiscal_year: 2023 },
    },
  ],
});

export const TABLE_SUBSET_RULES = [bracketUnderNote, partNamedInLabel];
