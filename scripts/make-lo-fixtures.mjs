#!/usr/bin/env node
// Make the LibreOffice-rendered PDF fixtures: each fixture's report is written here as data, turned into a flat
// ODF text document (fixtures/pdf-lo-*/writer.fodt, committed as the PDF's source) and rendered to source.pdf by
// LibreOffice Writer (`soffice --headless --convert-to pdf`), the writer most municipal PDFs come from. The expected
// observations are written from the same data, with the indicator and unit of every row set by hand below.
//
// Run by hand only, never in tests: `sh scripts/install-render-deps.sh` once (LibreOffice, IPAex/Noto CJK fonts),
// then `node scripts/make-lo-fixtures.mjs [name… | twins]`. LibreOffice stamps dates and ids into the PDF, so the bytes
// differ from run to run; the committed PDF is the one the expectations were checked against.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

// ---------------------------------------------------------------------------------------------------------------
// A tiny ODF writer: paragraphs, headings, tables (header rows repeated on every page, spans, vertical cells),
// sections set in columns, and a page style with a running header and footer.

const NS = [
  'office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
  'style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"',
  'text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
  'table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
  'fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"',
  'svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"',
]
  .map((n) => `xmlns:${n}`)
  .join(' ');

function styles({ font, size }) {
  const text = (pt, bold = false) =>
    `<style:text-properties style:font-name="${font}" style:font-name-asian="${font}" fo:font-size="${pt}pt" style:font-size-asian="${pt}pt"${bold ? ' fo:font-weight="bold" style:font-weight-asian="bold"' : ''}/>`;
  const border = '0.5pt solid #000000';
  return `<office:font-face-decls><style:font-face style:name="${font}" svg:font-family="${font}"/></office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph"><style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.12cm"/>${text(size)}</style:default-style>
<style:style style:name="H1" style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.4cm" fo:text-align="center"/>${text(16, true)}</style:style>
<style:style style:name="H2" style:family="paragraph"><style:paragraph-properties fo:margin-top="0.3cm" fo:margin-bottom="0.2cm"/>${text(13, true)}</style:style>
<style:style style:name="H3" style:family="paragraph"><style:paragraph-properties fo:margin-top="0.1cm" fo:margin-bottom="0.1cm"/>${text(size + 1, true)}</style:style>
<style:style style:name="H3Col" style:family="paragraph" style:parent-style-name="H3"><style:paragraph-properties fo:break-before="column"/></style:style>
<style:style style:name="Small" style:family="paragraph">${text(size - 1.5)}</style:style>
<style:style style:name="Cell" style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0cm"/>${text(size - 1)}</style:style>
<style:style style:name="CellR" style:family="paragraph" style:parent-style-name="Cell"><style:paragraph-properties fo:text-align="end"/></style:style>
<style:style style:name="CellC" style:family="paragraph" style:parent-style-name="Cell"><style:paragraph-properties fo:text-align="center"/></style:style>
</office:styles>
<office:automatic-styles>
<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1.2cm" fo:margin-bottom="1.2cm" fo:margin-left="2cm" fo:margin-right="2cm"/><style:header-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-bottom="0.4cm"/></style:header-style><style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.4cm"/></style:footer-style></style:page-layout>
<style:style style:name="Ruled" style:family="table-cell"><style:table-cell-properties fo:border="${border}" fo:padding="0.1cm" style:vertical-align="middle"/></style:style>
<style:style style:name="RuledV" style:family="table-cell"><style:table-cell-properties fo:border="${border}" fo:padding="0.06cm" style:vertical-align="middle" style:writing-mode="tb-rl"/></style:style>
<style:style style:name="Plain" style:family="table-cell"><style:table-cell-properties fo:border="none" fo:padding="0.06cm"/></style:style>
<style:style style:name="PlainRule" style:family="table-cell"><style:table-cell-properties fo:border="none" fo:padding="0.06cm"/></style:style>
<style:style style:name="Cols3" style:family="section"><style:section-properties><style:columns fo:column-count="3" fo:column-gap="0.8cm"/></style:section-properties></style:style>
<style:style style:name="Break" style:family="paragraph"><style:paragraph-properties fo:break-before="page"/></style:style>
</office:automatic-styles>`;
}

const p = (t, style) => `<text:p${style ? ` text:style-name="${style}"` : ''}>${esc(t)}</text:p>`;

/** A table cell: text (lines split on \n), spans, vertical writing, alignment. */
function cell(c, ruled) {
  if (c === null) return '<table:covered-table-cell/>';
  const o = typeof c === 'string' ? { t: c } : c;
  const style = ruled ? (o.v ? 'RuledV' : 'Ruled') : 'Plain';
  const attrs = [`table:style-name="${style}"`];
  if (o.cs) attrs.push(`table:number-columns-spanned="${o.cs}"`);
  if (o.rs) attrs.push(`table:number-rows-spanned="${o.rs}"`);
  const para = o.align === 'r' ? 'CellR' : o.align === 'c' ? 'CellC' : 'Cell';
  const body = String(o.t)
    .split('\n')
    .map((line) => p(line, para))
    .join('');
  return `<table:table-cell ${attrs.join(' ')}>${body}</table:table-cell>`;
}

function table({ name, widths, header, rows, ruled = true }) {
  const cols = widths.map((w) => `<table:table-column table:style-name="${name}.${w}"/>`).join('');
  const row = (r) => `<table:table-row>${r.map((c) => cell(c, ruled)).join('')}</table:table-row>`;
  return {
    styles: [
      `<style:style style:name="${name}" style:family="table"><style:table-properties style:width="${widths.reduce((a, b) => a + b, 0)}cm" table:align="left"/></style:style>`,
      ...[...new Set(widths)].map(
        (w) =>
          `<style:style style:name="${name}.${w}" style:family="table-column"><style:table-column-properties style:column-width="${w}cm"/></style:style>`,
      ),
    ],
    xml: `<table:table table:name="${name}" table:style-name="${name}">${cols}<table:table-header-rows>${header.map(row).join('')}</table:table-header-rows>${rows.map(row).join('')}</table:table>`,
  };
}

function document({ font = 'IPAexGothic', size = 10.5, header, footer, body }) {
  const extra = [];
  const parts = body.map((b) => {
    if (typeof b === 'string') return b;
    extra.push(...b.styles);
    return b.xml;
  });
  const [pre, post = ''] = footer.split('{page}');
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document ${NS} office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
${styles({ font, size }).replace('</office:automatic-styles>', `${extra.join('\n')}\n</office:automatic-styles>`)}
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1"><style:header>${p(header, 'Small')}</style:header><style:footer><text:p text:style-name="Small">${esc(pre)}<text:page-number text:select-page="current"/>${esc(post)}</text:p></style:footer></style:master-page></office:master-styles>
<office:body><office:text>
${parts.join('\n')}
</office:text></office:body></office:document>
`;
}

const columns = (paragraphs) =>
  `<text:section text:name="Cols" text:style-name="Cols3">${paragraphs.join('')}</text:section>`;

// ---------------------------------------------------------------------------------------------------------------
// Fixture: pdf-lo-ruled-plan-actual — 熊谷市, a ruled 計画値/実績値/乖離 table over two pages.

const UNIT = { '人/月': 'person/month', '時間/月': 'hour/month', '人日/月': 'person_day/month' };

/** [group, service, [[unit, [plan R3, actual R3, plan R4, actual R4]] …]] — the numbers of the report. */
const KUMAGAYA = [
  [
    '訪問系',
    [
      [
        '居宅介護',
        [
          ['人/月', [312, 298, 325, 301]],
          ['時間/月', [5120, 4870, 5330, 4958]],
        ],
      ],
      [
        '重度訪問介護',
        [
          ['人/月', [14, 12, 15, 15]],
          ['時間/月', [3980, 3412, 4150, 4320]],
        ],
      ],
      [
        '同行援護',
        [
          ['人/月', [48, 39, 50, 41]],
          ['時間/月', [1010, 802, 1050, 866]],
        ],
      ],
      [
        '行動援護',
        [
          ['人/月', [22, 20, 24, 23]],
          ['時間/月', [540, 476, 580, 571]],
        ],
      ],
    ],
  ],
  [
    '日中活動系',
    [
      [
        '生活介護',
        [
          ['人/月', [640, 652, 655, 661]],
          ['人日/月', [12480, 12716, 12770, 12903]],
        ],
      ],
      [
        '自立訓練（機能訓練）',
        [
          ['人/月', [6, 3, 6, 4]],
          ['人日/月', [96, 41, 96, 58]],
        ],
      ],
      [
        '就労移行支援',
        [
          ['人/月', [74, 81, 78, 76]],
          ['人日/月', [1332, 1420, 1404, 1351]],
        ],
      ],
      [
        '就労継続支援（Ａ型）',
        [
          ['人/月', [120, 131, 125, 138]],
          ['人日/月', [2400, 2588, 2500, 2730]],
        ],
      ],
      [
        '就労継続支援（Ｂ型）',
        [
          ['人/月', [590, 604, 612, 633]],
          ['人日/月', [10030, 10188, 10404, 10811]],
        ],
      ],
      [
        '短期入所（福祉型）',
        [
          ['人/月', [88, 52, 92, 67]],
          ['人日/月', [620, 377, 650, 485]],
        ],
      ],
    ],
  ],
  [
    '居住系',
    [
      ['共同生活援助', [['人/月', [260, 271, 280, 296]]]],
      ['施設入所支援', [['人/月', [212, 209, 210, 207]]]],
    ],
  ],
  [
    '相談支援',
    [
      ['計画相談支援', [['人/月', [310, 287, 325, 302]]]],
      ['地域移行支援', [['人/月', [3, 1, 4, 0]]]],
    ],
  ],
  [
    '障害児支援',
    [
      [
        '児童発達支援',
        [
          ['人/月', [168, 181, 175, 196]],
          ['人日/月', [1512, 1648, 1575, 1803]],
        ],
      ],
      [
        '放課後等デイサービス',
        [
          ['人/月', [402, 433, 430, 468]],
          ['人日/月', [4824, 5283, 5160, 5756]],
        ],
      ],
      [
        '保育所等訪問支援',
        [
          ['人/月', [12, 9, 14, 16]],
          ['人日/月', [24, 17, 28, 31]],
        ],
      ],
      ['障害児相談支援', [['人/月', [96, 88, 102, 97]]]],
    ],
  ],
];

const signed = (n) => (n < 0 ? `▲${Math.abs(n).toLocaleString('en-US')}` : n.toLocaleString('en-US'));
const num = (n) => n.toLocaleString('en-US');

function kumagaya() {
  const rows = [];
  const expected = [];
  const years = [
    [2021, '2021（令和3）年度'],
    [2022, '2022（令和4）年度'],
  ];
  for (const [group, services] of KUMAGAYA) {
    const groupRows = services.reduce((n, [, ms]) => n + ms.length, 0);
    let firstOfGroup = true;
    for (const [service, measures] of services) {
      measures.forEach(([unit, v], mi) => {
        const [p3, a3, p4, a4] = v;
        const cells = [];
        cells.push(firstOfGroup ? { t: group, rs: groupRows, v: true, align: 'c' } : null);
        cells.push(mi === 0 ? (measures.length > 1 ? { t: service, rs: measures.length } : service) : null);
        cells.push({ t: unit, align: 'c' });
        for (const [plan, actual] of [
          [p3, a3],
          [p4, a4],
        ]) {
          cells.push(
            { t: num(plan), align: 'r' },
            { t: num(actual), align: 'r' },
            { t: signed(actual - plan), align: 'r' },
          );
        }
        rows.push(cells);
        firstOfGroup = false;
        years.forEach(([fy, label], yi) => {
          const plan = v[yi * 2];
          const actual = v[yi * 2 + 1];
          for (const [kind, value, head, text] of [
            ['plan', plan, '計画値', num(plan)],
            ['actual', actual, '実績値', num(actual)],
            ['deviation', actual - plan, '乖離', signed(actual - plan)],
          ]) {
            expected.push({
              municipality: '熊谷市',
              indicator: service,
              subgroup: null,
              measure: null,
              unit: UNIT[unit],
              fiscal_year: fy,
              value_kind: kind,
              value,
              qualifier: null,
              evidence: `${group} | ${service} | ${unit} | ${label} | ${head} | ${text}`,
            });
          }
        });
      });
    }
  }
  const t = table({
    name: 'Services',
    widths: [0.9, 3.6, 1.5, 1.55, 1.55, 1.45, 1.55, 1.55, 1.45],
    header: [
      [
        { t: '区分', cs: 2, rs: 2, align: 'c' },
        null,
        { t: '単位', rs: 2, align: 'c' },
        { t: years[0][1], cs: 3, align: 'c' },
        null,
        null,
        { t: years[1][1], cs: 3, align: 'c' },
        null,
        null,
      ],
      [null, null, null, ...['計画値', '実績値', '乖離', '計画値', '実績値', '乖離'].map((t) => ({ t, align: 'c' }))],
    ],
    rows,
  });
  const intro = [
    '本市では、障害者総合支援法に基づき、令和3年度から令和5年度までを計画期間とする第6期熊谷市障害福祉計画を策定し、障害福祉サービス等の提供体制の確保に取り組んでいます。',
    '計画の実効性を確保するため、毎年度、サービスの利用実績を把握し、見込量との比較により計画の進捗状況を点検・評価しています。',
    '本報告書は、熊谷市障害者施策推進協議会において、令和4年度までの実績を報告するものです。',
    '点検・評価は、国の基本指針に定める成果目標及び活動指標について行い、その結果を次期計画の策定に反映します。',
    'なお、新型コロナウイルス感染症の影響により、一部のサービスでは利用控えや事業所の受入れ制限があったため、実績が見込量を下回っています。',
    '評価に当たっては、サービス提供事業所への調査結果及び障害者団体からの意見を参考にしました。',
    '計画相談支援については、相談支援専門員の確保が課題となっており、引き続き人材育成に取り組みます。',
  ];
  const body = [
    p('第6期熊谷市障害福祉計画 進捗状況報告書', 'H1'),
    p('令和5年8月　熊谷市 福祉部 障害福祉課', 'Small'),
    p('1 計画の点検・評価について', 'H2'),
    ...intro.map((s) => p(s)),
    p('2 障害福祉サービスの見込量と実績', 'H2'),
    p(
      '各サービスの計画値（見込量）と実績値は次のとおりです。乖離は実績値から計画値を引いた値で、▲は計画値を下回ったことを示します。',
    ),
    t,
    p('※実績値は各年度の月平均です。', 'Small'),
    p('3 今後の方向性', 'H2'),
    p(
      '日中活動系サービスは、おおむね見込量どおりに推移しています。短期入所は、感染症対策による受入れ制限の影響が続いています。',
    ),
  ];
  return {
    fodt: document({ header: '熊谷市 第6期障害福祉計画 進捗状況報告', footer: '- {page} -', body }),
    expected,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Fixture: pdf-lo-columns-borderless — 春日部市, 成果目標 in three newspaper columns, a borderless 見込量 table.

/** [service, [[unit, [FY2024, FY2025, FY2026]] …]] */
const KASUKABE = [
  [
    '児童発達支援',
    [
      ['人/月', [210, 225, 240]],
      ['人日/月', [1890, 2025, 2160]],
    ],
  ],
  [
    '放課後等デイサービス',
    [
      ['人/月', [520, 548, 575]],
      ['人日/月', [6240, 6576, 6900]],
    ],
  ],
  ['保育所等訪問支援', [['人/月', [18, 21, 24]]]],
  ['居宅訪問型児童発達支援', [['人/月', [2, 2, 3]]]],
  ['障がい児相談支援', [['人/月', [130, 138, 146]]]],
];

/** 地域生活支援事業: [service, unit, [FY2024, FY2025, FY2026]] */
const KASUKABE_LOCAL = [
  ['手話通訳者派遣事業', '件/年', [380, 395, 410]],
  ['移動支援事業', '人/年', [264, 270, 276]],
  ['移動支援事業', '時間/年', [18480, 18900, 19320]],
  ['日中一時支援事業', '人/年', [152, 158, 164]],
];
const LOCAL_UNIT = { '件/年': 'case/year', '人/年': 'person/year', '時間/年': 'hour/year' };

/** The 成果目標 in three columns: [heading, lines, expected observations]. */
const KASUKABE_GOALS = [
  [
    '(1) 施設入所者の地域生活への移行',
    [
      '令和4年度末の施設入所者数（基準値）：118人',
      '【目標値】',
      '・地域生活移行者数：8人',
      '・施設入所者の削減数：6人',
    ],
    [
      ['施設入所者数', 2022, 'baseline', 118, 'person', null, '令和4年度末の施設入所者数（基準値）：118人'],
      ['地域生活移行者数', 2026, 'target', 8, 'person', null, '・地域生活移行者数：8人'],
      ['施設入所者の削減数', 2026, 'target', 6, 'person', null, '・施設入所者の削減数：6人'],
    ],
  ],
  [
    '(2) 地域生活支援拠点等の機能の充実',
    ['【目標値】', '・地域生活支援拠点等の整備：1か所', '・運用状況の検証及び検討：年1回以上'],
    [
      ['地域生活支援拠点等の整備', 2026, 'target', 1, 'facility', null, '・地域生活支援拠点等の整備：1か所'],
      ['運用状況の検証及び検討', 2026, 'target', 1, 'time/year', 'gte', '・運用状況の検証及び検討：年1回以上'],
    ],
  ],
  [
    '(3) 福祉施設から一般就労への移行',
    [
      '令和3年度の一般就労移行者数：21人',
      '【目標値】',
      '・一般就労移行者数：28人',
      '・就労移行支援事業の利用者数：35人',
    ],
    [
      ['一般就労移行者数', 2021, 'actual', 21, 'person', null, '令和3年度の一般就労移行者数：21人'],
      ['一般就労移行者数', 2026, 'target', 28, 'person', null, '・一般就労移行者数：28人'],
      ['就労移行支援事業の利用者数', 2026, 'target', 35, 'person', null, '・就労移行支援事業の利用者数：35人'],
    ],
  ],
];

function kasukabe() {
  const expected = [];
  const obs = (indicator, fiscal_year, value_kind, value, unit, qualifier, evidence) => {
    expected.push({
      municipality: '春日部市',
      indicator,
      subgroup: null,
      measure: null,
      unit,
      fiscal_year,
      value_kind,
      value,
      qualifier,
      evidence,
    });
  };
  const goals = [];
  KASUKABE_GOALS.forEach(([heading, lines, exp], i) => {
    goals.push(p(heading, i === 0 ? 'H3' : 'H3Col'), ...lines.map((l) => p(l)));
    for (const [indicator, fy, kind, value, unit, q, ev] of exp)
      obs(indicator, fy, kind, value, unit, q, `${heading} | ${ev}`);
  });
  const years = [
    [2024, '2024（令和6）年度'],
    [2025, '2025（令和7）年度'],
    [2026, '2026（令和8）年度'],
  ];
  const rows = [];
  for (const [service, measures] of KASUKABE) {
    measures.forEach(([unit, values], mi) => {
      rows.push([mi === 0 ? service : '', { t: unit, align: 'c' }, ...values.map((v) => ({ t: num(v), align: 'r' }))]);
      values.forEach((v, yi) => {
        obs(
          service,
          years[yi][0],
          'plan',
          v,
          UNIT[unit],
          null,
          `見込量 | ${service} | ${unit} | ${years[yi][1]} | ${num(v)}`,
        );
      });
    });
  }
  const t = table({
    name: 'Children',
    widths: [5.2, 2, 2.8, 2.8, 2.8],
    header: [['サービス', { t: '単位', align: 'c' }, ...years.map(([, label]) => ({ t: label, align: 'r' }))]],
    rows,
    ruled: false,
  });
  const rows2 = [];
  for (const [service, unit, values] of KASUKABE_LOCAL) {
    rows2.push([service, { t: unit, align: 'c' }, ...values.map((v) => ({ t: num(v), align: 'r' }))]);
    values.forEach((v, yi) => {
      obs(
        service,
        years[yi][0],
        'plan',
        v,
        LOCAL_UNIT[unit],
        null,
        `${service} | ${unit} | ${years[yi][1]} | ${num(v)}`,
      );
    });
  }
  const t2 = table({
    name: 'Local',
    widths: [5.2, 2, 2.8, 2.8, 2.8],
    header: [['事業名', { t: '単位', align: 'c' }, ...years.map(([, label]) => ({ t: label, align: 'r' }))]],
    rows: rows2,
    ruled: false,
  });
  const closing = [
    '計画の推進に当たっては、春日部市障がい者施策推進協議会において、成果目標及び活動指標の達成状況を毎年度点検し、その結果を公表します。',
    '障がいのある人が住み慣れた地域で安心して暮らし続けられるよう、相談支援体制の充実、地域生活支援拠点等の機能の強化、就労支援の推進に、関係機関と連携して取り組みます。',
    'また、障がい児支援については、児童発達支援センターを中核とした重層的な支援体制を構築するとともに、医療的ケア児等への支援の充実を図り、ライフステージに応じた切れ目のない支援を提供します。',
    '地域共生社会の実現に向けて、障がいの有無にかかわらず、誰もが相互に人格と個性を尊重し合いながら共に生きる社会を目指し、市民や事業者の理解促進に努めるとともに、計画の進捗状況を広く市民に周知していきます。',
  ];
  const body = [
    p('第7期春日部市障がい福祉計画・第3期障がい児福祉計画', 'H1'),
    p('1 成果目標', 'H2'),
    p('国の基本指針に基づき、令和8年度を目標年度とする成果目標を次のとおり設定します。'),
    columns(goals),
    p('2 障がい児通所支援等の見込量', 'H2'),
    p('各年度の見込量（月平均）は次のとおりです。'),
    t,
    p('3 計画の推進に向けて', 'H2'),
    ...closing.map((x) => p(x)),
    ...closing.map((x) => p(x)),
    p(closing[1]),
    p(closing[2]),
    p('4 地域生活支援事業の見込量', 'H2'),
    t2,
  ];
  return { fodt: document({ header: '春日部市 第7期障がい福祉計画', footer: '{page}', body }), expected };
}

// ---------------------------------------------------------------------------------------------------------------
// Fixture: pdf-lo-ruled-comparison — 松本市, 第6期 target / result / 第7期 target side by side in a ruled table
// whose cells hold several labelled values each (伊賀市's comparison sheet), and a table of base and target years.

/** [item, [第6期 target lines, 令和4年度末 result lines, 第7期 target lines]]; a line is [label, written, value, unit, qualifier]. */
const MATSUMOTO = [
  [
    '(1) 施設入所者の地域生活への移行',
    [
      [
        ['地域生活移行者数', '10人', 10, 'person', null],
        ['施設入所者の削減数', '5人', 5, 'person', null],
      ],
      [
        ['地域生活移行者数', '4人', 4, 'person', null],
        ['施設入所者の削減数', '2人', 2, 'person', null],
      ],
      [
        ['地域生活移行者数', '9人', 9, 'person', null],
        ['施設入所者の削減数', '6人', 6, 'person', null],
      ],
    ],
  ],
  [
    '(2) 福祉施設から一般就労への移行',
    [
      [['一般就労移行者数', '40人', 40, 'person', null]],
      [['一般就労移行者数', '31人', 31, 'person', null]],
      [
        ['一般就労移行者数', '45人', 45, 'person', null],
        ['就労定着率7割以上の事業所の割合', '2割5分以上', 25, 'percent', 'gte'],
      ],
    ],
  ],
  [
    '(3) 地域生活支援拠点等の整備',
    [
      [
        ['整備箇所数', '1か所', 1, 'facility', null],
        ['運用状況の検証及び検討', '年1回以上', 1, 'time/year', 'gte'],
      ],
      [
        ['整備箇所数', '1か所', 1, 'facility', null],
        ['運用状況の検証及び検討', '年2回', 2, 'time/year', null],
      ],
      [
        ['整備箇所数', '2か所', 2, 'facility', null],
        ['運用状況の検証及び検討', '年1回以上', 1, 'time/year', 'gte'],
      ],
    ],
  ],
  [
    '(4) 相談支援体制の充実・強化',
    [
      [['基幹相談支援センターの設置', '1か所', 1, 'facility', null]],
      [['基幹相談支援センターの設置', '1か所', 1, 'facility', null]],
      [['相談支援事業所への専門的な指導・助言', '年24件', 24, 'case/year', null]],
    ],
  ],
];

/** 長期入院患者数: [group, base FY2019, target FY2023, result FY2022]. */
const MATSUMOTO_INPATIENTS = [
  ['65歳以上', 182, 158, 169],
  ['65歳未満', 121, 102, 110],
];

function matsumoto() {
  const expected = [];
  const obs = (o) => {
    expected.push({ municipality: '松本市', subgroup: null, measure: null, qualifier: null, ...o });
  };
  const columns = [
    [2023, 'target', '第6期計画の目標値（令和5年度）'],
    [2022, 'actual', '実績（2022（令和4）年度末）'],
    [2026, 'target', '第7期計画の目標値（令和8年度）'],
  ];
  const rows = MATSUMOTO.map(([item, cells]) => [
    item,
    ...cells.map((lines, c) => {
      for (const [label, written, value, unit, qualifier] of lines) {
        const [fy, kind, head] = columns[c];
        obs({
          indicator: label,
          unit,
          fiscal_year: fy,
          value_kind: kind,
          value,
          qualifier,
          evidence: `${item} | ${head} | ・${label}：${written}`,
        });
      }
      return lines.map(([label, written]) => `・${label}：${written}`).join('\n');
    }),
  ]);
  const t = table({
    name: 'Goals',
    widths: [3.6, 4.4, 4.4, 4.4],
    header: [['区分', ...columns.map(([, , head]) => ({ t: head, align: 'c' }))]],
    rows,
  });
  const years = [
    [2019, 'baseline', '2019（令和元）年度 基準値'],
    [2023, 'target', '2023（令和5）年度 目標値'],
    [2022, 'actual', '2022（令和4）年度 実績'],
  ];
  const rows2 = MATSUMOTO_INPATIENTS.map(([group, ...values]) => {
    values.forEach((v, i) => {
      obs({
        indicator: '精神病床における1年以上長期入院患者数',
        subgroup: group,
        unit: 'person',
        fiscal_year: years[i][0],
        value_kind: years[i][1],
        value: v,
        evidence: `精神病床における1年以上長期入院患者数（人） | ${group} | ${years[i][2]} | ${v}`,
      });
    });
    return [group, ...values.map((v) => ({ t: num(v), align: 'r' }))];
  });
  const t2 = table({
    name: 'Inpatients',
    widths: [4, 4, 4, 4],
    header: [['区分', ...years.map(([, , head]) => ({ t: head, align: 'c' }))]],
    rows: rows2,
  });
  const body = [
    p('令和5年度 第3回 松本市障がい者自立支援協議会 資料4', 'Small'),
    p('第7期松本市障がい福祉計画 成果目標', 'H1'),
    p('1 第6期計画の成果目標の達成状況と第7期計画の目標', 'H2'),
    p('第6期計画の目標値、令和4年度末までの実績及び第7期計画の目標値を比較すると、次のとおりです。'),
    t,
    p('2 精神障がいにも対応した地域包括ケアシステムの構築', 'H2'),
    p('精神病床における1年以上長期入院患者数（人）', 'H3'),
    t2,
    p('※基準値は2019（令和元）年6月末時点の患者数です。', 'Small'),
  ];
  return { fodt: document({ header: '松本市 障がい福祉計画 成果目標', footer: '- {page} -', body }), expected };
}

// ---------------------------------------------------------------------------------------------------------------

const FIXTURES = {
  'pdf-lo-ruled-plan-actual': kumagaya,
  'pdf-lo-columns-borderless': kasukabe,
  'pdf-lo-ruled-comparison': matsumoto,
};

/**
 * Render `source` (a file name, with the text to write under it) to PDF with LibreOffice, in a throwaway profile
 * and folder, and write the PDF to `target`. `infilter` picks the import filter (HTML into Writer, not Writer/Web).
 */
function soffice(name, text, target, infilter = null) {
  const out = mkdtempSync(join(tmpdir(), 'shiryo-lo-'));
  try {
    const src = join(out, name);
    writeFileSync(src, text);
    const args = [`-env:UserInstallation=file://${out}/profile`, '--headless'];
    if (infilter) args.push(`--infilter=${infilter}`);
    execFileSync('soffice', [...args, '--convert-to', 'pdf', '--outdir', out, src], { stdio: 'inherit' });
    writeFileSync(target, readFileSync(join(out, name.replace(/\.[^.]+$/, '.pdf'))));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

function render(name, fodt) {
  const dir = join(ROOT, 'fixtures', name);
  mkdirSync(join(dir, 'expected'), { recursive: true });
  writeFileSync(join(dir, 'writer.fodt'), fodt);
  soffice('writer.fodt', fodt, join(dir, 'source.pdf'));
}

// ---------------------------------------------------------------------------------------------------------------
// Twins: text test documents rendered to PDF as they are, so a test can check that the PDF gives the same
// observations as the text (test/pdf-twins.test.ts). HTML goes in as HTML; markdown is set as plain HTML first
// (headings, list items, paragraphs, tables cell for cell — empty cells stay empty, nothing is merged).

const escHtml = (t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function markdownToHtml(md) {
  const out = ['<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>'];
  const lines = md.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line) continue;
    const h = /^(#{1,6})\s+(.*)$/.exec(line);
    if (h) out.push(`<h${h[1].length}>${escHtml(h[2])}</h${h[1].length}>`);
    else if (line.startsWith('|')) {
      const rows = [];
      for (; i < lines.length && lines[i].trim().startsWith('|'); i++) {
        const cells = lines[i]
          .trim()
          .replace(/^\|/, '')
          .replace(/\|$/, '')
          .split('|')
          .map((c) => c.trim());
        if (cells.every((c) => /^:?-+:?$/.test(c))) continue;
        rows.push(cells);
      }
      i--;
      const [head, ...body] = rows;
      const tr = (cells, tag) => `<tr>${cells.map((c) => `<${tag}>${escHtml(c)}</${tag}>`).join('')}</tr>`;
      out.push(
        `<table border="1" cellpadding="4" cellspacing="0">${tr(head, 'th')}${body.map((r) => tr(r, 'td')).join('')}</table>`,
      );
    } else if (/^[-*]\s+/.test(line)) out.push(`<ul><li>${escHtml(line.replace(/^[-*]\s+/, ''))}</li></ul>`);
    else out.push(`<p>${escHtml(line)}</p>`);
  }
  out.push('</body></html>');
  return out.join('\n');
}

const TWINS = ['test/layouts/kaigo-html-spans.html', 'test/layouts/two-level-year-kind.md'];

function renderTwin(path) {
  const base = path.replace(/^.*\//, '').replace(/\.[^.]+$/, '');
  const text = readFileSync(join(ROOT, path), 'utf8');
  const target = join(ROOT, path.replace(/\.[^.]+$/, '.pdf'));
  soffice(`${base}.html`, path.endsWith('.md') ? markdownToHtml(text) : text, target, 'HTML (StarWriter)');
  console.log(`${path} → ${target}`);
}

/**
 * The comparison fixture printed with rules between its rows only (no vertical lines, a common Word and LibreOffice
 * style): test/layouts/comparison-row-rules.pdf must give the fixture's observations.
 */
function renderRowRules() {
  const fodt = readFileSync(join(ROOT, 'fixtures/pdf-lo-ruled-comparison/writer.fodt'), 'utf8').replaceAll(
    'fo:border="0.5pt solid #000000"',
    'fo:border-top="0.5pt solid #000000" fo:border-bottom="0.5pt solid #000000" fo:border-left="none" fo:border-right="none"',
  );
  soffice('comparison-row-rules.fodt', fodt, join(ROOT, 'test/layouts/comparison-row-rules.pdf'));
  console.log('fixtures/pdf-lo-ruled-comparison with row rules only → test/layouts/comparison-row-rules.pdf');
}

const wanted = process.argv.slice(2);
if (wanted.length === 0 || wanted.includes('twins')) {
  for (const twin of TWINS) renderTwin(twin);
  renderRowRules();
}

for (const name of wanted.length ? wanted.filter((w) => w !== 'twins') : Object.keys(FIXTURES)) {
  const make = FIXTURES[name];
  if (!make) throw new Error(`no fixture ${name}; known: ${Object.keys(FIXTURES).join(', ')}`);
  const { fodt, expected } = make();
  render(name, fodt);
  writeFileSync(
    join(ROOT, 'fixtures', name, 'expected', 'observations.jsonl'),
    `${expected.map((o) => JSON.stringify(o)).join('\n')}\n`,
  );
  console.log(`${name}: writer.fodt, source.pdf, ${expected.length} expected observations`);
}
