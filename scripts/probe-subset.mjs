// Probe: subsets of a value written as municipalities write them (family "a subset of a value"). Prints, per written
// form, the observations read and whether the expected ones (value, kind, subset_of_kind, subgroup) are there.
// node scripts/probe-subset.mjs [filter]
import { extractText } from '@shiryo/extractor';
import { normalizeDocument } from '@shiryo/normalizer';

const P = '精神障害者';
const H = (cols) => `サービス\t${cols.join('\t')}`;
const C2 = ['令和6年度計画', '令和6年度実績'];
// expected: [value, kind, of, subgroup?]
const std = (a, b, sub = P) => [
  [120, 'plan'],
  [a, 'subset', 'plan', sub],
  [118, 'actual'],
  [b, 'subset', 'actual', sub],
];
const note = (n) => `\n\n${n}\n`;
const cases = [
  [
    'angle',
    'x.tsv',
    `${H(C2)}\n生活介護（人/月）\t120<30>\t118<29>${note('※< >内は精神障害者の人数（内数）です。')}`,
    std(30, 29),
  ],
  [
    'fw-angle',
    'x.tsv',
    `${H(C2)}\n生活介護（人/月）\t120＜30＞\t118＜29＞${note('※＜＞内は精神障害者の数')}`,
    std(30, 29),
  ],
  [
    'kakko-angle',
    'x.tsv',
    `${H(C2)}\n生活介護（人/月）\t120〈30〉\t118〈29〉${note('〈　〉内は精神障害者の数')}`,
    std(30, 29),
  ],
  [
    'paren-note',
    'x.tsv',
    `${H(C2)}\n生活介護（人/月）\t120（30）\t118（29）${note('※（　）は内数で、精神障害者の人数')}`,
    std(30, 29),
  ],
  [
    'paren-note-short',
    'x.tsv',
    `${H(C2)}\n生活介護（人/月）\t120（30）\t118（29）${note('※（　）は内数')}`,
    std(30, 29, null),
  ],
  ['ascii-paren-uchi', 'x.tsv', `${H(C2)}\n生活介護（人/月）\t120(うち30)\t118(うち29)`, std(30, 29, null)],
  [
    'square',
    'x.tsv',
    `${H(C2)}\n生活介護（人/月）\t120 [30]\t118 [29]${note('※［　］内は精神障害者の人数（内数）')}`,
    std(30, 29),
  ],
  [
    'sumitsuki',
    'x.tsv',
    `${H(C2)}\n生活介護（人/月）\t120【30】\t118【29】${note('※【　】内は精神障害者の人数（内数）')}`,
    std(30, 29),
  ],
  [
    'uchi-named',
    'x.tsv',
    `${H(C2)}\n生活介護（人/月）\t120（うち精神障害者 30）\t118（うち精神障害者 29）`,
    std(30, 29),
  ],
  [
    'saikei-note',
    'x.tsv',
    `${H(C2)}\n生活介護（人/月）\t120＜30＞\t118＜29＞${note('※＜＞は再掲')}`,
    std(30, 29, null),
  ],
  ['row-uchi', 'x.tsv', `${H(C2)}\n生活介護（人/月）\t120\t118\nうち精神障害者\t30\t29`, std(30, 29)],
  ['row-uchi-paren', 'x.tsv', `${H(C2)}\n生活介護（人/月）\t120\t118\n（うち精神障害者）\t30\t29`, std(30, 29)],
  [
    'row-uchi-kakko-word',
    'x.tsv',
    `${H(C2)}\n児童発達支援（人/月）\t120\t118\n（うち）医療的ケア児\t30\t29`,
    std(30, 29, '医療的ケア児'),
  ],
  ['row-naisu', 'x.tsv', `${H(C2)}\n生活介護（人/月）\t120\t118\n内数（精神障害者）\t30\t29`, std(30, 29)],
  ['row-saikei', 'x.tsv', `${H(C2)}\n生活介護（人/月）\t120\t118\n再掲：精神障害者\t30\t29`, std(30, 29)],
  ['row-uchi-shinki', 'x.tsv', `${H(C2)}\n生活介護（人/月）\t120\t118\nうち新規\t30\t29`, std(30, 29, '新規')],
  [
    'col-uchi',
    'x.tsv',
    `サービス\t年度\t利用者数（人/月）\tうち精神障害者\n生活介護\t令和6年度\t120\t30`,
    [
      [120, 'actual'],
      [30, 'subset', 'actual', P],
    ],
  ],
  [
    'header-bracket',
    'x.tsv',
    `サービス\t令和6年度\n児童発達支援 利用者数〈うち重症心身障害児〉（人/月）\t120〈30〉`,
    [
      [120, 'actual'],
      [30, 'subset', 'actual', '重症心身障害児'],
    ],
  ],
  [
    'header-bracket-col',
    'x.tsv',
    `サービス\t利用者数〈うち重症心身障害児〉（人/月）\n児童発達支援（令和6年度）\t120〈30〉`,
    [
      [120, 'actual'],
      [30, 'subset', 'actual', '重症心身障害児'],
    ],
  ],
  [
    'pct-not-subset',
    'x.tsv',
    `${H(C2)}\n生活介護（人/月）\t120（25.0%）\t118（24.6%）`,
    [
      [120, 'plan'],
      [25, 'plan'],
      [118, 'actual'],
      [24.6, 'actual'],
    ],
  ],
  [
    'yoy-not-subset',
    'x.tsv',
    `サービス\t令和5年度\t令和6年度\n相談支援（人/月）\t2\t3（前年比+1）`,
    [
      [2, 'actual'],
      [3, 'actual'],
      [1, 'deviation'],
    ],
  ],
  [
    'ocr-ku',
    'x.tsv',
    `${H(C2)}\n生活介護（人/月）\t120く30〉\t118く29〉${note('※〈　〉内は精神障害者の人数（内数）')}`,
    std(30, 29),
  ],
  [
    'ocr-kikkou',
    'x.tsv',
    `${H(C2)}\n生活介護（人/月）\t120〔30〕\t118〔29〕${note('※〈　〉内は精神障害者の人数（内数）')}`,
    std(30, 29),
  ],
  [
    'md-angle',
    'x.md',
    `| サービス | 令和6年度計画 | 令和6年度実績 |\n|---|---|---|\n| 生活介護（人/月） | 120〈30〉 | 118〈29〉 |\n\n※〈　〉内は精神障害者の人数（内数）\n`,
    std(30, 29),
  ],
  [
    'md-row-uchi',
    'x.md',
    `| サービス | 令和6年度計画 | 令和6年度実績 |\n|---|---|---|\n| 生活介護（人/月） | 120 | 118 |\n| うち精神障害者 | 30 | 29 |\n`,
    std(30, 29),
  ],
  [
    'html-angle',
    'x.html',
    `<table><tr><th>サービス</th><th>令和6年度計画</th><th>令和6年度実績</th></tr><tr><td>生活介護（人/月）</td><td>120<br>〈30〉</td><td>118<br>〈29〉</td></tr></table><p>※〈　〉内は精神障害者の人数（内数）</p>`,
    std(30, 29),
  ],
  [
    'html-paren',
    'x.html',
    `<table><tr><th>サービス</th><th>令和6年度計画</th><th>令和6年度実績</th></tr><tr><td>生活介護（人/月）</td><td>120（30）</td><td>118（29）</td></tr></table><p>※（　）は内数で精神障害者の人数</p>`,
    std(30, 29),
  ],
  [
    'html-row',
    'x.html',
    `<table><tr><th>サービス</th><th>令和6年度計画</th><th>令和6年度実績</th></tr><tr><td>生活介護（人/月）</td><td>120</td><td>118</td></tr><tr><td>うち精神障害者</td><td>30</td><td>29</td></tr></table>`,
    std(30, 29),
  ],
  [
    'linear-angle',
    'x.txt',
    `生活介護（人/月）\n令和6年度計画 120〈30〉 令和6年度実績 118〈29〉\n※〈　〉内は精神障害者の人数（内数）\n`,
    std(30, 29),
  ],
  [
    'linear-uchi',
    'x.txt',
    `生活介護の令和6年度の利用者数は118人（うち精神障害者29人）でした。\n`,
    [
      [118, 'actual'],
      [29, 'subset', 'actual', P],
    ],
  ],
  [
    'two-line-cell-tsv',
    'x.tsv',
    `${H(C2)}\n生活介護（人/月）\t"120\n〈30〉"\t"118\n〈29〉"${note('※〈　〉内は精神障害者の人数（内数）')}`,
    std(30, 29),
  ],
];
const only = process.argv[2];
let bad = 0;
for (const [id, name, text, exp] of cases) {
  if (only && !id.includes(only)) continue;
  const doc = extractText(text, name);
  const n = normalizeDocument(doc);
  const obs = n.observations.map((o) => ({
    v: o.value,
    k: o.value_kind,
    of: o.subset_of_kind ?? undefined,
    sg: o.subgroup ?? undefined,
    l: o.indicator_label,
  }));
  const miss = exp.filter(
    ([v, k, of, sg]) =>
      !obs.some(
        (o) =>
          o.v === v &&
          o.k === k &&
          (of === undefined || o.of === of) &&
          (sg == null || `${o.l}${o.sg ?? ''}`.includes(sg)),
      ),
  );
  const extra = obs.filter((o) => !exp.some(([v, k]) => o.v === v && o.k === k));
  const ok = !miss.length && !extra.length;
  if (!ok) bad++;
  console.log(`${ok ? 'OK ' : 'BAD'} ${id}`);
  if (!ok || process.env.V)
    for (const o of obs) console.log(`     ${o.l} / ${o.sg ?? '-'} ${o.k}${o.of ? `(of ${o.of})` : ''} ${o.v}`);
  if (miss.length) console.log(`   missing: ${JSON.stringify(miss)}`);
}
console.log(`${bad} bad`);
