// Probe: written unit forms × places × formats → which observations come out with the wrong or no unit.
// Usage: node scripts/probe-units.mjs [--all] [--place P] [--fmt F]
import { extractText } from '@shiryo/extractor';
import { normalizeDocument, unitInfo } from '@shiryo/normalizer';

const args = process.argv.slice(2);
const showAll = args.includes('--all');
const onlyPlace = args.includes('--place') ? args[args.indexOf('--place') + 1] : null;
const onlyFmt = args.includes('--fmt') ? args[args.indexOf('--fmt') + 1] : null;

// written form → canonical
const FORMS = {
  'person/month': [
    '人/月',
    '人／月',
    '人(月)',
    '月・人',
    '人・月',
    '人分',
    '人分/月',
    '実人/月',
    '実人数/月',
    '月あたり人数',
    '月当たり人数',
    '月当たり利用者数',
    '利用者数/月',
    '人/月分',
    '月間利用人数',
    '1月あたり人数',
    '人／1か月',
    '実利用者数/月',
  ],
  'time/month': [
    '回/月',
    '回／月',
    '回(月)',
    '月あたり回数',
    '延べ回数/月',
    '回数/月',
    '延回/月',
    '月当たり延べ回数',
    '月・回',
    '回・月',
    '1か月あたり回数',
    '延べ回/月',
  ],
  'person/year': [
    '人/年',
    '延人/年',
    '実人/年',
    '年間人数',
    '年間延べ人数',
    '年間実人数',
    '人(年)',
    '年間利用者数',
    '利用者数/年',
    '延べ人数/年',
    '実人数/年',
    '年・人',
    '年間実利用者数',
  ],
  'hour/year': [
    '時間/年',
    '年間時間',
    '延べ時間/年',
    '時間(年)',
    '年間延べ時間',
    '年間利用時間',
    '時間数/年',
    '年・時間',
    '延時間/年',
    '年間延べ利用時間',
  ],
  'case/year': [
    '件/年',
    '件数/年',
    '年間件数',
    '件(年)',
    '延件/年',
    '年間延べ件数',
    '年・件',
    '年間相談件数',
    '延べ件数/年',
    '件／年',
  ],
  'hour/month': [
    '時間/月',
    '月当たり時間',
    '月あたり時間数',
    '時間分',
    '時間分/月',
    '時間(月)',
    '月・時間',
    '延べ時間/月',
    '月間時間',
    '月間延べ利用時間',
  ],
  'person_day/month': ['人日/月', '人日分', '日/月', '人日(月)', '月当たり延べ日数', '延べ日数/月', '月・人日'],
};
const ROWS = ['居宅介護', '生活介護', '移動支援事業'];

const tsv = (rows) => rows.map((r) => r.join('\t')).join('\n');
const md = (rows) => {
  const [h, ...b] = rows;
  return [`| ${h.join(' | ')} |`, `|${h.map(() => '---').join('|')}|`, ...b.map((r) => `| ${r.join(' | ')} |`)].join(
    '\n',
  );
};
const html = (rows) =>
  `<html><body>__PRE__<table>${rows.map((r, i) => `<tr>${r.map((c) => (i === 0 ? `<th>${c}</th>` : `<td>${c}</td>`)).join('')}</tr>`).join('')}</table>__POST__</body></html>`;

// Each place: (form) → { rows, pre, post } ; pre/post are lines of text around the table
const PLACES = {
  'label-paren': (u) => ({
    rows: [['サービス', '令和6年度', '令和7年度'], ...ROWS.map((r, i) => [`${r}（${u}）`, `${120 + i}`, `${130 + i}`])],
  }),
  'label-square': (u) => ({
    rows: [['サービス', '令和6年度', '令和7年度'], ...ROWS.map((r, i) => [`${r} [${u}]`, `${120 + i}`, `${130 + i}`])],
  }),
  'label-space': (u) => ({
    rows: [['サービス', '令和6年度', '令和7年度'], ...ROWS.map((r, i) => [`${r} ${u}`, `${120 + i}`, `${130 + i}`])],
  }),
  'unit-col': (u) => ({
    rows: [['サービス', '単位', '令和6年度', '令和7年度'], ...ROWS.map((r, i) => [r, u, `${120 + i}`, `${130 + i}`])],
  }),
  'unit-col-after': (u) => ({
    rows: [['サービス', '令和6年度', '令和7年度', '単位'], ...ROWS.map((r, i) => [r, `${120 + i}`, `${130 + i}`, u])],
  }),
  'col-header': (u) => ({
    rows: [
      ['サービス', `令和6年度（${u}）`, `令和7年度（${u}）`],
      ...ROWS.map((r, i) => [r, `${120 + i}`, `${130 + i}`]),
    ],
  }),
  corner: (u) => ({
    rows: [[`（${u}）`, '令和6年度', '令和7年度'], ...ROWS.map((r, i) => [r, `${120 + i}`, `${130 + i}`])],
  }),
  'corner-bare': (u) => ({
    rows: [[`単位：${u}`, '令和6年度', '令和7年度'], ...ROWS.map((r, i) => [r, `${120 + i}`, `${130 + i}`])],
  }),
  'unit-line': (u) => ({
    pre: `（単位：${u}）`,
    rows: [['サービス', '令和6年度', '令和7年度'], ...ROWS.map((r, i) => [r, `${120 + i}`, `${130 + i}`])],
  }),
  'unit-line-space': (u) => ({
    pre: `（単位 ${u}）`,
    rows: [['サービス', '令和6年度', '令和7年度'], ...ROWS.map((r, i) => [r, `${120 + i}`, `${130 + i}`])],
  }),
  'unit-line-bare': (u) => ({
    pre: `単位：${u}`,
    rows: [['サービス', '令和6年度', '令和7年度'], ...ROWS.map((r, i) => [r, `${120 + i}`, `${130 + i}`])],
  }),
  caption: (u) => ({
    pre: `障害福祉サービスの見込量（${u}）`,
    rows: [['サービス', '令和6年度', '令和7年度'], ...ROWS.map((r, i) => [r, `${120 + i}`, `${130 + i}`])],
  }),
  cell: (u) => ({
    rows: [['サービス', '令和6年度', '令和7年度'], ...ROWS.map((r, i) => [r, `${120 + i}${u}`, `${130 + i}${u}`])],
  }),
  'label-2col': (u) => ({
    rows: [
      ['サービス', '区分', '令和6年度', '令和7年度'],
      ...ROWS.map((r, i) => [r, `利用量（${u}）`, `${120 + i}`, `${130 + i}`]),
    ],
  }),
};
const FORMATS = {
  tsv: (p) => ['x.tsv', [p.pre, tsv(p.rows), p.post].filter(Boolean).join('\n\n') + '\n'],
  md: (p) => ['x.md', [p.pre ? p.pre : null, md(p.rows), p.post].filter(Boolean).join('\n\n') + '\n'],
  html: (p) => [
    'x.html',
    html(p.rows)
      .replace('__PRE__', p.pre ? `<p>${p.pre}</p>` : '')
      .replace('__POST__', p.post ? `<p>${p.post}</p>` : ''),
  ],
  txt: (p) => ['x.txt', [p.pre, ...p.rows.map((r) => r.join('  ')), p.post].filter(Boolean).join('\n') + '\n'],
};

const fails = [];
let total = 0;
// vocabulary first
for (const [canon, forms] of Object.entries(FORMS))
  for (const f of forms) {
    const u = unitInfo(f)?.unit ?? null;
    if (u !== canon) console.log(`VOCAB ${f} → ${u} (want ${canon})`);
  }
for (const [canon, forms] of Object.entries(FORMS))
  for (const f of forms)
    for (const [place, mk] of Object.entries(PLACES)) {
      if (onlyPlace && place !== onlyPlace) continue;
      // (a cell writes its unit right after the number: 120人/月, 30回(月); not a phrase such as 月あたり人数)
      if (place === 'cell' && !/^(?:人|回|時間|件|日)/u.test(f)) continue;
      for (const [fmt, render] of Object.entries(FORMATS)) {
        if (onlyFmt && fmt !== onlyFmt) continue;
        total++;
        const [name, text] = render(mk(f));
        let obs;
        try {
          obs = normalizeDocument(extractText(text, name)).observations;
        } catch (e) {
          fails.push({ canon, f, place, fmt, why: `throw ${e.message}` });
          continue;
        }
        const want = ROWS.length * 2;
        const got = obs.filter((o) => [120, 121, 122, 130, 131, 132].includes(o.value));
        const units = [...new Set(got.map((o) => o.unit))];
        const ok = got.length === want && got.every((o) => o.unit === canon);
        if (!ok || showAll)
          fails.push({
            canon,
            f,
            place,
            fmt,
            why: `n=${got.length}/${want} units=${units.join(',')} labels=${[...new Set(got.map((o) => o.indicator_label))].join('|')}`,
          });
      }
    }
for (const x of fails) console.log(`${x.place}\t${x.fmt}\t${x.canon}\t${x.f}\t${x.why}`);
console.log(`total ${total} fail ${fails.length}`);
