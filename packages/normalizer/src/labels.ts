/**
 * Classifying header and stub texts: is a piece a measure (利用実人数), a subgroup (身体, 保健, 65歳以上),
 * a generic header word (項目, 区分, 内訳) or an indicator label? Pure string rules, no document knowledge.
 */

const GENERIC = new Set([
  '項目',
  '区分',
  '内訳',
  '現在',
  '年度',
  '数値',
  '種別',
  '名称',
  'サービス名',
  'サービス',
  '指標',
  '成果目標',
  '活動指標',
  '事業名',
  '事業',
  '単位',
  '考え方',
  '備考',
]);

/** Words that say what kind of count a number is. Ordered longest-first where they overlap. */
const MEASURE_WORDS = [
  '延べ利用件数',
  '延べ利用時間数',
  '延べ利用時間',
  '延べ利用日数',
  '延べ利用者数',
  '利用実人数',
  '実利用者数',
  '利用者数',
  '利用人数',
  '利用児童数',
  '入所者数',
  '利用日数',
  '利用時間数',
  '利用時間',
  '利用件数',
  '利用量',
  '利用回数',
  '実人数',
  '件数',
  '人数',
  '日数',
  '時間数',
  '実施回数',
  '開催回数',
  '回数',
  '参加者数',
  '参加人数',
  '受講者数',
  '配置人数',
  '事業者数',
  '事業所数',
  '設置箇所数',
  '実施箇所数',
  '箇所数',
  'か所数',
  '定員数',
  '平均工賃',
  '指導・助言件数',
  '支援件数',
  '移行率',
  '利用率',
  '割合',
  '構成比',
  '構成割合',
  '所持者数',
  '受給者数',
];

const SUBGROUP_RE =
  /^(身体|知的|精神|障害児|障がい児|難病|発達|高次脳|保健|医療|福祉|介護|当事者|家族|家族等|医療[：:・]?精神科|医療[：:・]?精神科以外|[0-9０-９]+歳(以上|未満)|[0-9０-９]+[～~][0-9０-９]+歳|[0-9０-９]+歳以上|[0-9０-９]+級|[A-CＡ-Ｃ]型|[A-CＡ-ＣＡ-Ｃ①-⑳]|計|小計|合計|総数|総計|男性?|女性?|市内|市外|県内|県外|[東西南北中]部|中央|[^\s]{1,6}(?:地区|圏域))$/u;

export function compact(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, '');
}

/** Strip list markers and numbering that head a label: `1)`, `(1)`, `①`, `・`, `■`, `【…】` marks stay. */
export function stripNumbering(s: string): string {
  return s
    .replace(/^\s*[①-⑳]\s*/u, '')
    .normalize('NFKC')
    .replace(/^\s*(?:[-・•○●■□◆◇※]+\s*)+/u, '')
    .replace(/^\s*(?:\(\d+\)|\d+\)|\d+[.．]\s|[①-⑳]|第\d+節|目標\d+|\d+\s+(?=\S))\s*/u, '')
    .replace(/^\s*(?:[-・•○●■□◆◇]+\s*)+/u, '')
    .trim();
}

export function isGeneric(label: string): boolean {
  const c = compact(label).replace(/[()（）【】]/g, '');
  return c === '' || GENERIC.has(c);
}

/** The measure word a label is, or ends with; null when it is not measure-like. */
export function measureOf(label: string): string | null {
  const c = compact(label).replace(/[()（）]/g, '');
  for (const w of MEASURE_WORDS) if (c === w || c.endsWith(w)) return w;
  return null;
}

/** True when a label is nothing but a measure word (so the indicator must come from elsewhere). */
export function isMeasureOnly(label: string): boolean {
  const c = compact(label).replace(/[()（）]/g, '');
  const m = measureOf(c);
  // (`延べ利用者数`, `実人数`, `年間件数` are measures with a prefix; `施設入所者数`, `訪問件数`, `相談件数` name what
  // they count)
  return (
    m !== null &&
    (c === m || (c.length <= m.length + 2 && /^(?:延べ|延|のべ|実|年間|月間|合計|総|平均|1日|一日)/u.test(c)))
  );
}

export function isSubgroup(label: string): boolean {
  if (/^[①-⑳]$/u.test(label.trim())) return true;
  return SUBGROUP_RE.test(compact(label).replace(/^[・･]/, ''));
}

/** Split a stub like `・65歳以上 ・65歳未満` or `・入院後3ヶ月時点 ・入院後6ヶ月時点` into its items. */
export function bulletItems(text: string): { head: string; items: string[] } {
  // (a mark between two words with no blank, `保健・医療`, joins one name: only a mark at the start or after a blank
  // starts an item)
  const parts = text
    .normalize('NFKC')
    .split(/(?:^|\s+)[・•]\s*/u)
    .map((p) => p.trim());
  if (parts.length < 2) return { head: text.trim(), items: [] };
  const [head, ...items] = parts;
  return { head: head ?? '', items: items.filter((x) => x.length > 0) };
}

/**
 * Drop a trailing formula or letter tag (`入所者数 (A)`, `(E = A - B - C + D)`, `削減見込 (A - E)`) and a `※` note
 * after the label (`施設入所支援の利用者数 ※施設入所者数の削減`: the note says which goal the row serves).
 */
export function stripTags(label: string): string {
  return label
    .replace(/(\S{2,})\s+※.*$/u, '$1')
    .replace(/\s*[(（]\s*[A-Z]\s*(?:[=＝+\-－][^)）]*)?[)）]\s*/g, ' ')
    .replace(/【[^】]*】/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A heading that names no indicator, only the kind of table (`第6期障害福祉計画サービス必要見込量と実績`). */
export function isGenericHeading(text: string): boolean {
  const c = compact(text);
  return (
    /見込量と実績|必要見込量|目標と実績|計画目標$|計画目標と|^第\d+期.*計画$|^目標値?$|^実績値?$|評価等について|要旨$/.test(
      c,
    ) || c.length === 0
  );
}

/** A header or cell of the national guideline (`国の成果目標概要`, `基本指針`): the country's targets, not the city's. */
export const NATIONAL_GUIDELINE = /国の|基本指針/u;

/** A bracketed kind marker (`【目標値】`, `【実績】`, the OCR readings `【月標】`/`【日標】`). */
export const KIND_MARKER = /【[^】]*(?:目標|月標|日標|実績|見込)[^】]*】/u;
