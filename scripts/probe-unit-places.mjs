import { extractText } from '@shiryo/extractor';
import { normalizeDocument } from '@shiryo/normalizer';

const ROWS = ['訪問入浴サービス', '日中一時支援', '移動支援事業'];
const body = (h0 = 'サービス') => [
  [h0, '令和6年度', '令和7年度'],
  ...ROWS.map((r, i) => [r, `${120 + i}`, `${130 + i}`]),
];
const CASES = [];
for (const [u, canon] of [
  ['回/月', 'time/month'],
  ['人/年', 'person/year'],
  ['時間/年', 'hour/year'],
  ['件/年', 'case/year'],
]) {
  for (const w of [`［${u}］`, `【${u}】`, `＜${u}＞`, `〈${u}〉`, `「${u}」`, `{${u}}`, `《${u}》`, `〔${u}〕`])
    CASES.push([
      `wrap ${w}`,
      canon,
      {
        rows: [['サービス', '令和6年度', '令和7年度'], ...ROWS.map((r, i) => [`${r}${w}`, `${120 + i}`, `${130 + i}`])],
      },
    ]);
  for (const h of ['単位', '', '区分', '単 位', '（単位）', '単位名', '利用量の単位', '単位等'])
    CASES.push([
      `unitcol hdr «${h}»`,
      canon,
      { rows: [['サービス', h, '令和6年度', '令和7年度'], ...ROWS.map((r, i) => [r, u, `${120 + i}`, `${130 + i}`])] },
    ]);
  for (const c of [
    `[${u}]`,
    `単位 ${u}`,
    u,
    `【${u}】`,
    `単位：${u}`,
    `（単位：${u}）`,
    `サービス（${u}）`,
    `サービス／単位：${u}`,
  ])
    CASES.push([`corner «${c}»`, canon, { rows: body(c) }]);
  for (const line of [
    `【単位：${u}】`,
    `［単位：${u}］`,
    `単位　${u}`,
    `(単位: ${u})`,
    `単位は${u}`,
    `※単位は「${u.split('/')[0]}」（${u.endsWith('月') ? '1か月あたり' : '年間'}）`,
    `（${u}）`,
    `【${u}】`,
    `単位：${u.replace('/', '／')}`,
  ])
    for (const where of ['pre', 'post', 'caption'])
      CASES.push([
        `line ${where} «${line}»`,
        canon,
        where === 'caption'
          ? { pre: `表1 地域生活支援事業の実績 ${line}`, rows: body() }
          : { [where]: line, rows: body() },
      ]);
}
const tsv = (rows) => rows.map((r) => r.join('\t')).join('\n');
const md = (rows) => {
  const [h, ...b] = rows;
  return [`| ${h.join(' | ')} |`, `|${h.map(() => '---').join('|')}|`, ...b.map((r) => `| ${r.join(' | ')} |`)].join(
    '\n',
  );
};
const html = (p) =>
  `<html><body>${p.pre ? `<p>${p.pre}</p>` : ''}<table>${p.rows.map((r, i) => `<tr>${r.map((c) => (i === 0 ? `<th>${c}</th>` : `<td>${c}</td>`)).join('')}</tr>`).join('')}</table>${p.post ? `<p>${p.post}</p>` : ''}</body></html>`;
const FORMATS = {
  tsv: (p) => ['x.tsv', [p.pre, tsv(p.rows), p.post].filter(Boolean).join('\n\n') + '\n'],
  md: (p) => ['x.md', [p.pre, md(p.rows), p.post].filter(Boolean).join('\n\n') + '\n'],
  html: (p) => ['x.html', html(p)],
  txt: (p) => ['x.txt', [p.pre, ...p.rows.map((r) => r.join('  ')), p.post].filter(Boolean).join('\n') + '\n'],
};
let fail = 0,
  total = 0;
for (const [name, canon, p] of CASES)
  for (const [fmt, render] of Object.entries(FORMATS)) {
    total++;
    const [fn, text] = render(p);
    const obs = normalizeDocument(extractText(text, fn)).observations.filter((o) =>
      [120, 121, 122, 130, 131, 132].includes(o.value),
    );
    if (obs.length === 6 && obs.every((o) => o.unit === canon)) continue;
    fail++;
    console.log(
      `${name}\t${fmt}\t${canon}\tn=${obs.length} units=${[...new Set(obs.map((o) => o.unit))].join(',')} labels=${[...new Set(obs.map((o) => o.indicator_label))].join('|')}`,
    );
  }
console.log(`total ${total} fail ${fail}`);
