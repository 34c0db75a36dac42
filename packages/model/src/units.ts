/**
 * Canonical unit strings of the export contract. Counts of things are singular nouns; rates are `x/period`.
 * The list is open ("others in the same style"), so `Observation.unit` is a string; these are the known ones.
 */
export const CANONICAL_UNITS = {
  person: '人 (a count of people at a point or over a period)',
  'person/month': '人/月 (people per month, 基本指針の「人分」)',
  'person/year': '人/年 (people per year)',
  'person_day/month': '人日/月 (person-days per month, 「人日分」; tables often write 日/月)',
  'person_day/year': '人日/年',
  'hour/month': '時間/月 (「時間分」)',
  'hour/year': '時間/年',
  'case/month': '件/月',
  'case/year': '件/年',
  case: '件',
  'time/month': '回/月',
  'time/year': '回/年',
  time: '回',
  'day/month': '日/月 when it is not person-days',
  day: '日',
  facility: 'か所・箇所・カ所・ヶ所 (places/establishments)',
  place: '床・席 (places, beds)',
  building: '棟 (buildings: グループホーム2棟)',
  percent: '% (also 割: 2割5分 → 25)',
  ratio: '倍',
  yen: '円',
  household: '世帯',
  copy: '部',
  session: '講座・コマ',
  organization: '団体 (right after a number: 実施団体数 5団体)',
} as const;
export type CanonicalUnit = keyof typeof CANONICAL_UNITS;
export const isCanonicalUnit = (u: string): u is CanonicalUnit => Object.hasOwn(CANONICAL_UNITS, u);
