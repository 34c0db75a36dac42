/**
 * Canonical subgroups and measures (issue 14 item 4): the same breakdown and the same kind of count written in
 * different words (`精神障がい者の利用者数(再掲)`, `精神障害者の利用者数で、内数`, `精神障害者`; `利用者数`, `利用実人数`,
 * none) get one name, so that a researcher can group by them. They are columns of their own (`subgroup_canonical`,
 * `measure_canonical`): `subgroup` and `measure` keep the words as written.
 */

/** The groups people are counted by, each with the words that name it. */
const GROUPS: [RegExp, string][] = [
  [/^(?:重症心身障害児|重心児?)$/u, '重症心身障害児'],
  [/^(?:医療的ケア児)$/u, '医療的ケア児'],
  [/^(?:障害児|児童|障害のある児童|障害のある子ども|18歳未満)$/u, '障害児'],
  [/^(?:身体|身体障害者?|身体障害のある人)$/u, '身体障害者'],
  [/^(?:知的|知的障害者?|知的障害のある人)$/u, '知的障害者'],
  [/^(?:精神|精神障害者?|精神障害のある人)$/u, '精神障害者'],
  [/^(?:発達|発達障害者?)$/u, '発達障害者'],
  [/^(?:高次脳|高次脳機能障害者?)$/u, '高次脳機能障害者'],
  [/^(?:難病|難病患者|難病等)$/u, '難病患者'],
];

/** Words around a group that say how it is counted, not who: `(再掲)`, `内数`, `うち`, `の利用者数で、`. */
const PART_WORDS =
  /[(（]\s*(?:再掲|内数|うち|内)\s*[)）]|^\s*(?:うち|内)\s*|[、,，]?\s*(?:再掲|内数)\s*$|(?:の)?(?:利用者数|利用実人数|実利用者数|利用人数|人数|利用者)(?:で|のうち)?[、,，]?\s*$|(?:の)?(?:利用者数|利用実人数|実利用者数|利用人数|人数|利用者)(?:で|のうち)[、,，]?/gu;

/** One name for a subgroup as written (null for none): the group it names, else the words without how it is counted. */
export function canonicalSubgroup(subgroup: string | null | undefined): string | null {
  if (!subgroup) return null;
  let s = subgroup
    .normalize('NFKC')
    .replace(/障がい|障碍/gu, '障害')
    .replace(/\s+/gu, '');
  for (let i = 0; i < 3; i++) s = s.replace(PART_WORDS, '');
  s = s.replace(/^[、,，・:：]+|[、,，・:：]+$/gu, '');
  if (!s) return null;
  for (const [re, name] of GROUPS) if (re.test(s)) return name;
  return s;
}

/** Measures as written, by the one name each is: the count of people using a service, its days, hours, … */
const MEASURES: [RegExp, string][] = [
  [
    /^(?:月平均)?(?:利用者数|利用実人数|実利用者数|利用人数|実人数|実利用人数|利用実人員|利用者)(?:[(（].*)?$/u,
    '利用者数',
  ],
  [/^(?:延べ)?(?:利用日数|日数)(?:[(（].*)?$/u, '利用日数'],
  [/^(?:延べ)?(?:利用時間|利用時間数|時間数|時間)(?:[(（].*)?$/u, '利用時間'],
  [/^(?:延べ)?(?:利用件数|件数|実利用件数|給付件数)(?:[(（].*)?$/u, '件数'],
  [/^(?:実施回数|開催回数|回数|利用回数|延べ回数)(?:[(（].*)?$/u, '回数'],
  [/^(?:箇所数|設置箇所数|か所数|事業所数)(?:[(（].*)?$/u, '箇所数'],
  [/^(?:給付費|給付額|費用額)(?:[(（].*)?$/u, '給付費'],
];

/** The measure a canonical unit implies when none is written: a service's monthly users, days or hours. */
const MEASURE_OF_UNIT: Record<string, string> = {
  'person/month': '利用者数',
  'person_day/month': '利用日数',
  'day/month': '利用日数',
  'hour/month': '利用時間',
  'time/month': '回数',
};

/**
 * One name for a measure (`利用者数` for 利用者数, 利用実人数, 実利用者数 …; `利用日数`; `利用時間`; `件数`; `回数`;
 * `箇所数`; `給付費`), the measure as written when it is none of them, and — when none is written — the one its
 * unit implies (`person/month` → 利用者数, `person_day/month` → 利用日数, `hour/month` → 利用時間), else null.
 */
export function canonicalMeasure(measure: string | null | undefined, unit: string | null | undefined): string | null {
  const m = (measure ?? '').normalize('NFKC').replace(/\s+/gu, '');
  if (!m) return (unit && MEASURE_OF_UNIT[unit]) ?? null;
  for (const [re, name] of MEASURES) if (re.test(m)) return name;
  return m;
}
