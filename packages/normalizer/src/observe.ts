import type { FiscalPeriod, Observation, Quantity, ValueKind } from '@shiryo/model';
import { TOTAL_WORDS, wordsPattern } from '@shiryo/model';
import { entryById, matchIndicator, nearestOcrAccount, nearestOcrIndicator } from './catalog.js';
import type { DocumentContext } from './context.js';
import { findQuantities } from './quantity/parse.js';
import { COUNT_UNIT, POINT_THREE } from './rules/check/table.js';
import { type RuleContext, RuleSet, rule } from './rules/engine.js';

/** Everything known about one number before it becomes an observation. */
export interface ObservationDraft {
  indicator_label: string;
  subgroup: string | null;
  measure: string | null;
  section: string | null;
  period: FiscalPeriod | null;
  value_kind: ValueKind;
  quantity: Quantity;
  unit: string | null;
  unit_text: string | null;
  value_text: string;
  page: number | null;
  table_index: number | null;
  row: number | null;
  col: number | null;
  confidence: number;
  warnings: string[];
  /** What a subset value beside the number counts (from the table's note). */
  subsetLabel?: string | null;
  /** The rules that decided the draft, in order. */
  rules: string[];
  /** The reader that made it (evidence for its confidence). */
  reader: 'table' | 'prose';
  /** Its labels were read by OCR (a cell of an OCR'd table): a garbled label may be repaired from the catalog. */
  ocr?: boolean;
}

/** The most a number whose label was repaired from the catalog is trusted. */
const OCR_LABEL_CAP = 0.5;

/** Words that name a date or a place in a table, never what is counted. */
const DATE_WORDS = /^(?:基準日|調査日|年月日|時点|現在|末|年度末?|月末|日付|年度|区分|項目)$/u;

/**
 * A label that names nothing (`7人`, `末`, `基準日`, one character): what was left of a header or a line once its
 * value or date was read. The observation keeps it (its value and place are real) with a warning, so that its
 * confidence falls and a researcher sees it, instead of counting it as an indicator of its own.
 */
export function isFragmentLabel(label: string): boolean {
  const qs = findQuantities(label);
  let rest = label;
  for (const q of [...qs].sort((a, b) => b.offset - a.offset))
    rest = rest.slice(0, q.offset) + rest.slice(q.offset + q.length);
  rest = rest.normalize('NFKC').replace(/[\s()（）[\]【】「」・、。:：,.\-－―~～]/gu, '');
  return rest.length <= 1 || DATE_WORDS.test(rest);
}

/** A subgroup that is a total (`合計`, `要支援 小計`): it names no type of the indicator. */
const TOTAL_SUBGROUP = new RegExp(`(?:^|\\s)(?:${wordsPattern(TOTAL_WORDS)})$`, 'u');

function base(
  d: ObservationDraft,
  ctx: DocumentContext,
): Omit<Observation, 'value' | 'unit' | 'unit_text' | 'value_kind' | 'qualifier'> {
  const label = d.indicator_label.replace(/\s+/g, ' ').trim();
  // A type written as the subgroup (`就労継続支援` / `B型`) belongs to the name when the catalog knows the pair.
  // (not a total: `標準給付費` / `合計` is no `給付費合計`)
  const typed = d.subgroup && !TOTAL_SUBGROUP.test(d.subgroup.trim());
  const match =
    (typed ? matchIndicator(`${label}${d.subgroup}`) : null) ??
    matchIndicator(label, d.section ?? '') ??
    ctx.tokens?.match(label) ??
    null;
  // Family "a label OCR garbled": read by OCR and matching no entry, a label a few glyphs from a catalog name is that
  // name, warned and doubted (the label as read goes into the warning).
  const repaired = !match && d.ocr ? nearestOcrIndicator(label) : null;
  // (an account name of a statement, garbled by OCR, as the last word of its label: `… 前 紅価償却費` is 減価償却費)
  const lastWord = !match && !repaired && d.ocr ? (/(\S+)$/u.exec(label)?.[1] ?? '') : '';
  const account = lastWord ? nearestOcrAccount(lastWord) : null;
  const repairedLabel =
    repaired?.label ?? (account ? `${label.slice(0, label.length - lastWord.length)}${account}` : null);
  return {
    municipality_code: ctx.municipality?.code ?? null,
    municipality_name: ctx.municipality?.name ?? null,
    prefecture: ctx.municipality?.prefecture ?? null,
    plan: ctx.plan,
    plan_period: ctx.planPeriod,
    section: d.section,
    indicator_id: match?.entry.id ?? repaired?.id ?? null,
    indicator_label: repairedLabel ?? label,
    subgroup: d.subgroup,
    measure: d.measure,
    period_kind: d.period?.kind ?? null,
    fiscal_year: d.period?.fiscalYear ?? null,
    period_start: d.period?.start ?? null,
    period_end: d.period?.end ?? null,
    value_text: d.value_text,
    page: d.page,
    table_index: d.table_index,
    row: d.row,
    col: d.col,
    confidence: Math.max(0, Math.min(repairedLabel ? OCR_LABEL_CAP : 1, d.confidence)),
    warnings: [
      ...d.warnings,
      ...(repaired ? [`OCR: label «${label}» read as the catalog's «${repaired.label}»`] : []),
      ...(account ? [`OCR: account «${lastWord}» read as «${account}»`] : []),
      ...(d.period?.warnings ?? []),
      ...(isFragmentLabel(label) ? [`label is a fragment (${label || 'empty'}): what is counted is not known`] : []),
    ],
    rules: [...d.rules],
    reader: d.reader,
  };
}

/** One draft being emitted: the observations it makes. */
export interface EmitContext extends RuleContext {
  d: ObservationDraft;
  b: ReturnType<typeof base>;
  out: Observation[];
}

const subsetBeside = rule<EmitContext>({
  id: 'subset.written-beside',
  family: 'subset',
  stage: 'emit',
  priority: 10,
  summary:
    'A value written beside the number in angle brackets (`191 <116>`), after うち/内 in brackets (`100（うち精神 20）`, family "a part written with うち") or named by a note is a subset of it: one more observation, of kind `subset`, under the subgroup written with it or the note names.',
  applies: ({ d }) => d.quantity.subset !== undefined,
  apply({ d, b, out }) {
    // A part the catalog names by its type (`短期入所 37 <4>` under a note that <> is 医療型) is that entry.
    // (`医療型を利用している人数` names the type 医療型)
    const type = d.subsetLabel ? /(?:^|[^ぁ-ん])([^\sぁ-ん、。・]{1,6}型)/u.exec(d.subsetLabel)?.[1] : undefined;
    const entry = type && b.indicator_id ? entryById(b.indicator_id) : null;
    const names = [b.indicator_label, ...(entry ? [entry.label, ...entry.aliases] : [])];
    const typed = type
      ? (names
          .map((n) => matchIndicator(`${n.replace(/[(（][^)）]*[)）]/gu, '')}（${type}）`))
          .find((m) => m?.how === 'exact' && m.entry.id !== b.indicator_id) ?? null)
      : null;
    out.push({
      ...b,
      indicator_id: typed?.how === 'exact' ? typed.entry.id : b.indicator_id,
      rules: [...b.rules, 'subset.written-beside'],
      subgroup: d.subsetLabel ?? b.subgroup,
      value: d.quantity.subset!,
      unit: d.unit,
      unit_text: d.unit_text,
      value_kind: 'subset',
      subset_of_kind: d.value_kind,
      qualifier: null,
    });
    return false; // recorded on the subset's observation only
  },
  examples: [
    {
      name: 'example.tsv',
      text: 'サービス\t令和5年度\n生活介護（人/月）\t191 <116>\n',
      expect: { value_kind: 'subset', value: 116 },
    },
    {
      name: 'example.tsv',
      text: '事業\t令和6年度実績\n移動支援（人/月）\t64（うち児童 21人）\n',
      expect: { value_kind: 'subset', value: 21, subgroup: '児童' },
    },
  ],
});

const ratioBeside = rule<EmitContext>({
  id: 'unit.ratio-beside-value',
  family: 'unit',
  stage: 'emit',
  priority: 20,
  summary:
    'A ratio or share in brackets after a count (`17人 (1.31倍)`, `5人 (6.17%)`) is one more observation of the same kind, in its own unit.',
  applies: ({ d }) => !!d.quantity.ratio,
  apply({ d, b, out }) {
    const q = d.quantity;
    out.push({
      ...b,
      rules: [...b.rules, 'unit.ratio-beside-value'],
      value: q.ratio!.value,
      unit: q.ratio!.unit,
      unit_text: null,
      value_kind: d.value_kind,
      qualifier: q.qualifier ?? null,
    });
    return false;
  },
  examples: [
    {
      name: 'example.tsv',
      text: '成果目標\t目標値（令和8年度）\n一般就労移行者数\t17人 (1.31倍)\n',
      expect: { value: 1.31, unit: 'ratio' },
    },
  ],
});

const threeDecimalCount = rule<EmitContext>({
  id: 'check.three-decimal-count',
  family: 'check',
  stage: 'emit',
  priority: 5,
  summary:
    'Family: a thousands comma read or typed as a point, in a sentence (`利用者は1.234人`): a count with exactly three decimals is doubted with a warning (tables read it against the values beside it: check.point-for-thousands).',
  applies: ({ d }) =>
    d.reader === 'prose' && COUNT_UNIT.test(d.unit ?? d.quantity.unit ?? '') && POINT_THREE.test(d.quantity.text),
  apply({ d, out }) {
    const written = POINT_THREE.exec(d.quantity.text)![0];
    const o = out[0]!;
    o.warnings = [
      ...o.warnings,
      `「${written}」: a count with three decimals (is the point a thousands comma read wrong?)`,
    ];
    o.rules = [...o.rules, 'check.three-decimal-count'];
  },
  examples: [
    {
      text: '令和4年度の地域包括支援センターへの相談は3.518件でした。\n',
      expect: { value: 3.518, unit: 'case/year' },
    },
  ],
});

export const EMIT_RULES = new RuleSet<EmitContext>('emit', [threeDecimalCount, subsetBeside, ratioBeside]);

/**
 * One draft → the observation of its number, plus one for a subset value written beside it (`191 <116>`) and
 * one for a ratio or share in brackets (`17人 (1.31倍)`, `5人 (6.17%)`).
 */
export function makeObservation(d: ObservationDraft, ctx: DocumentContext): Observation[] {
  const b = base(d, ctx);
  const q = d.quantity;
  const out: Observation[] = [
    {
      ...b,
      value: q.value,
      unit: d.unit,
      unit_text: d.unit_text,
      value_kind: d.value_kind,
      qualifier: q.qualifier ?? null,
    },
  ];
  EMIT_RULES.run('emit', { fired: [], d, b, out });
  return out;
}
