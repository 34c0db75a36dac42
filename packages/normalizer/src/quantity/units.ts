/**
 * Units: written unit text → the canonical strings of `@shiryo/model` (`CANONICAL_UNITS`, docs/OBSERVATIONS.md).
 */
import { normalizeText } from '../text/index.js';

export interface UnitInfo {
  /** Canonical unit string. */
  unit: string;
  /** Multiply written values by this to get the canonical unit (千円 → 1000, 百万円 → 10^6, 割 → 10). */
  factor: number;
}

/** Counted things, as they stand before a `/period`. */
const BASE: Record<string, UnitInfo> = {
  人: { unit: 'person', factor: 1 },
  名: { unit: 'person', factor: 1 },
  人日: { unit: 'person_day', factor: 1 },
  時間: { unit: 'hour', factor: 1 },
  件: { unit: 'case', factor: 1 },
  回: { unit: 'time', factor: 1 },
  日: { unit: 'day', factor: 1 },
  か所: { unit: 'facility', factor: 1 },
  カ所: { unit: 'facility', factor: 1 },
  ヶ所: { unit: 'facility', factor: 1 },
  ケ所: { unit: 'facility', factor: 1 },
  ヵ所: { unit: 'facility', factor: 1 },
  箇所: { unit: 'facility', factor: 1 },
  個所: { unit: 'facility', factor: 1 },
  床: { unit: 'place', factor: 1 },
  席: { unit: 'place', factor: 1 },
  棟: { unit: 'building', factor: 1 },
  円: { unit: 'yen', factor: 1 },
  千円: { unit: 'yen', factor: 1000 },
  万円: { unit: 'yen', factor: 10_000 },
  百万円: { unit: 'yen', factor: 1_000_000 },
  億円: { unit: 'yen', factor: 100_000_000 },
  '%': { unit: 'percent', factor: 1 },
  パーセント: { unit: 'percent', factor: 1 },
  割: { unit: 'percent', factor: 10 },
  倍: { unit: 'ratio', factor: 1 },
  世帯: { unit: 'household', factor: 1 },
  部: { unit: 'copy', factor: 1 },
  講座: { unit: 'session', factor: 1 },
  コマ: { unit: 'session', factor: 1 },
  // 基本指針's 「人分」「人日分」「時間分」 are per month.
  人分: { unit: 'person/month', factor: 1 },
  人日分: { unit: 'person_day/month', factor: 1 },
  時間分: { unit: 'hour/month', factor: 1 },
};

/** Counts that take a `/period`; 日/月 is person-days (day services), as OBSERVATIONS.md says. */
const RATE_BASE: Record<string, string> = {
  人: 'person',
  名: 'person',
  人日: 'person_day',
  日: 'person_day',
  時間: 'hour',
  件: 'case',
  回: 'time',
  世帯: 'household',
  か所: 'facility',
  カ所: 'facility',
  ヶ所: 'facility',
  箇所: 'facility',
};
const PER: Record<string, string> = { 月: 'month', 年: 'year', 週: 'week', 日: 'day' };

/**
 * Nouns that count only right after a number (`参加者：8名(4事業所)`): alone, in a header or a
 * bracket, they name things (`事業所` column), so they are not units of labels.
 */
export const COUNTERS: Record<string, UnitInfo> = {
  事業所: { unit: 'facility', factor: 1 },
  団体: { unit: 'organization', factor: 1 },
};

/** Written units in the order they should be tried after a number (longest first). */
export const INLINE_UNITS: readonly string[] = Object.keys(BASE)
  .filter((u) => !['人分', '人日分', '時間分', 'パーセント', '割'].includes(u))
  .concat(['人日分', '人分', '時間分'], Object.keys(COUNTERS))
  .sort((a, b) => b.length - a.length);

/** A written unit without blanks, brackets and 単位: (`（ 人／月 ）` → `人/月`). */
function written(unitText: string): string {
  return normalizeText(unitText)
    .text.replace(/\s+/g, '')
    .replace(/^[(（[【〔<〈《「『{]+|[)）\]】〕>〉》」』}]+$/g, '')
    .replace(/^単位(?:[:：=＝]|は)?/, '')
    .replace(/[(（](月|年|週)$/u, '($1)');
}

/** How a count is counted, written beside it: 延べ (a total of uses), 実 (distinct persons), 平均. */
const HOW_COUNTED = /^(?:延べ|延|のべ|実|実人数|延べ人数|平均)$/u;
/** One period in brackets, with how it is counted after it: `年間`, `年計`, `年度`, `1か月`, `年間延べ`, `年間実人数`. */
const BRACKET_PERIOD =
  /^(?:1|一)?(?:か|カ|ヶ|ケ|ヵ)?(月|年|週)(?:度計|度|間|計|あたり|当たり|当り)?(?:延べ|延|のべ|実人数|実|平均)?$/u;

/**
 * 件（年間延べ）, 人（年計）, 回（1か月）, 人数（年間）, 時間/年（延べ）, 人/年（実）, 回（月・平均）, 回/月・平均, 件・月平均, 件/年度,
 * 延べ時間, 延べ回: a count, then its period and how it is counted — in brackets, after a slash or as a word before it
 * (family "a unit as it is written"). The period is the unit's; how it is counted is not. Null when the text is no
 * such count (`人（年度末）` is a point in time); 延べ日 are a service's person-days.
 */
function countWithItsPeriod(text: string): string | null {
  // (`件・月平均`, `人・年間`: the period joined by a dot, as in brackets)
  const t = text.replace(/^((?:延べ|延|のべ|実)?(?:人日|人|時間|件|回|日)数?)・([^・()（）/]+)$/u, '$1($2)');
  const m =
    /^(延べ|延|のべ|実)?(人日|人|時間|件|回|日)(数)?(?:\/(月|年|週)(?:度)?(?:・?平均)?)?(?:[(（]([^()（）]+)[)）]?)?$/u.exec(
      t,
    );
  if (!m) return null;
  const [how, written, count, slashPer, inner] = [m[1], m[2]!, m[3], m[4], m[5]];
  if ((count && !slashPer && !inner) || (!how && !slashPer && !inner)) return null;
  // (延べ日, 日（延べ）: the days of a service counted per use are its person-days; 実日 is no unit)
  const totalled = /^(?:延べ|延|のべ)$/u.test(how ?? '') || /延|のべ/u.test(inner ?? '');
  if (written === '日' && how && !totalled) return null;
  const unit = written === '日' && totalled ? '人日' : written;
  let per = slashPer;
  for (const w of (inner ?? '').split(/[・、,]/u).filter(Boolean)) {
    if (HOW_COUNTED.test(w)) continue;
    const p = BRACKET_PERIOD.exec(w);
    if (!p || (per && per !== p[1])) return null;
    per = p[1];
  }
  // (`回（平均）`: an average of no period is no unit of its own)
  if (!per && /平均/u.test(inner ?? '')) return null;
  return per ? `${unit}/${per}` : unit;
}

function clean(unitText: string): string {
  let t = written(unitText);
  t = countWithItsPeriod(t) ?? t;
  // 回（月平均）, 人(1か月当たり), 人/月平均, 人/月（平均）, 月平均（回）: a monthly (yearly) average or a count per month
  // written out is the unit per that period (family "a unit as it is written": 月平均 is how most plans state it).
  // (a yearly average, 年平均, is an average of a year's months: no period of its own)
  // 回（月間）, 回（毎月）, 月間（回）: the same with 間 or 毎; 実施回数（月）, 開催回数（月平均）, 訪問回数/月: what is
  // counted named before the count (the count's own word stays: 回数 → 回 below).
  t = t
    .replace(/[(（](?:(?:1|一)?(?:か|カ|ヶ|ケ|ヵ)?(月|年|週)(?:あたり|当たり|当り|間)|毎(月|年|週))[)）]?$/u, '/$1$2')
    .replace(/[(（]月平均[)）]?$/u, '/月')
    .replace(/\/月(?:平均|[(（]平均[)）]?)$/u, '/月')
    .replace(
      /^(?:月平均|(月|年|週)間)[(（](人日|人|時間|件|回|日)[)）]?$/u,
      (_m, p: string | undefined, u: string) => `${u}/${p ?? '月'}`,
    )
    // (not 日数: `開催日数` counts days held, not the 人日 of a service)
    .replace(/^[\p{sc=Han}べ]{1,4}?((?:時間|件|回|人)数|者数)(?=\/|[(（])/u, '$1');
  // 実人, 延べ人, 延人, and per period 延べ時間/月, 延べ利用時間/月: the qualifier says how they are counted, not
  // the unit (`（延べ利用時間）` alone names a measure).
  t = t.replace(/^(?:実|延べ|延|のべ)(?=人)/, '').replace(/^(?:実|延べ|延|のべ)?(?:利用)?(?=(?:時間|件|回)数?\/)/, '');
  // 利用者数/月, 実利用者数/月: the persons counted per period.
  t = t.replace(/^(?:実|延べ|延|のべ)?(?:利用)?者数(?=\/)/, '人');
  // 時間数/月, 件数/年: the count of a unit per period is that unit per period.
  t = t.replace(/^(人日|人|時間|件|回)数(?=\/)/, '$1').replace(/^(?:延べ|延|のべ)?日数(?=\/)/, '日');
  // 時間/1か月, 時間/月あたり, 人/1年: one period, written out.
  t = t.replace(/\/(?:1|一)?(?:か|カ|ヶ|ケ|ヵ|箇)?(月|年|週)(?:あたり|当たり|当り)?$/, '/$1');
  // 月あたり時間, 月間時間, 年間件数, 年間延べ人数, 年間実利用者数, 月当たり延べ日数: the period before what is
  // counted, and how it is counted (延べ, 実, 利用) between them.
  t = t
    .replace(
      /^((?:1|一)?(?:か|カ|ヶ|ケ|ヵ)?(?:月|年|週)(?:あたり|当たり|当り|間)の?|月平均)(?:実|延べ|延|のべ)?(?:利用)?者数$/,
      '$1人',
    )
    .replace(
      /^(?:1|一)?(?:か|カ|ヶ|ケ|ヵ)?(月|年|週)(?:あたり|当たり|当り|間|(?<=月)平均)の?(?:実|延べ|延|のべ)?(?:利用)?(人日|人|時間|件|回|日)数?$/u,
      '$2/$1',
    )
    // (月平均実施回数, 年間相談件数: what is counted named between the period and the count)
    .replace(
      /^(?:1|一)?(?:か|カ|ヶ|ケ|ヵ)?(月|年|週)(?:あたり|当たり|当り|間|(?<=月)平均)の?[\p{sc=Han}べ]{1,4}?(時間|件|回)数$/u,
      '$2/$1',
    );
  // 人(月), 回(年): the period in brackets after what is counted (its closing bracket gone with the outer ones); 人・月, 月・人, 年・件: the two joined by a dot.
  t = t
    .replace(/^(人日|人|時間|件|回|日)数?[(（](月|年|週)[)）]?$/, '$1/$2')
    .replace(/^(人日|人|時間|件|回)・(月|年)$/, '$1/$2')
    .replace(/^(月|年)・(人日|人|時間|件|回)$/, '$2/$1');
  // 人/月分, 時間分/月 → 人/月, 時間/月
  t = t.replace(/^(人日|人|時間)分\/(月|年)$/, '$1/$2').replace(/^(.+)\/(月|年)分$/, '$1/$2');
  return t;
}

/** The canonical unit of a written unit with its factor: `千円` → yen ×1000, `割` → percent ×10; null if unknown. */
export function unitInfo(unitText: string | null | undefined): UnitInfo | null {
  if (!unitText) return null;
  const t = clean(unitText);
  if (!t) return null;
  const direct = BASE[t];
  if (direct) return direct;
  const slash = /^(.+?)\/(月|年|週|日)$/.exec(t);
  if (slash) {
    const base = RATE_BASE[slash[1] as string];
    if (base) return { unit: `${base}/${PER[slash[2] as string]}`, factor: 1 };
  }
  return null;
}

/**
 * The canonical unit of a written unit: 人/名 → person, 人/月 (`（人／月）`, `人 / 月`, `実人/月`) → person/month,
 * 日/月 → person_day/month, 時間分/月 → hour/month, 件/年 → case/year, 回 → time, か所 → facility, 床 → place,
 * 千円 → yen (see `unitInfo` for its factor), % and 割 → percent, 倍 → ratio, 世帯 → household, 部 → copy.
 * Null for unknown or compound units (`人・世帯`).
 */
export function canonicalUnit(unitText: string | null | undefined): string | null {
  return unitInfo(unitText)?.unit ?? null;
}

/** Whether every part of a written unit (`人・世帯`) is a unit. */
function unitParts(inner: string): string[] | null {
  const t = clean(inner);
  if (!t) return null;
  const parts = t.split(/[・、,]/).filter(Boolean);
  if (parts.length === 0) return null;
  return parts.every((p) => unitInfo(p)) ? parts : null;
}

export interface LabelUnit {
  /** The label without its unit, normalized. */
  label: string;
  /** The unit as written (normalized, without brackets and 単位:), or null. */
  unitText: string | null;
  /** Canonical unit; null when there is none or the unit is compound (`(人・世帯)`). */
  unit: string | null;
  /** Factor of the unit (千円 → 1000). */
  factor: number;
}

/**
 * A bracket a unit is written in: round, square, lenticular, tortoise-shell, angle and double angle brackets
 * (`（時間/月）`, `[時間/月]`, `【人】`, `〔件/年〕`, `<時間/月>`, `《人/月》`, `「回/月」`, `{人/年}`; NFKC has folded the full-width `［］＜＞`),
 * with a period bracketed inside (`（人(月)）`, `（回（月平均））`, `（人（1か月当たり））`).
 */
const BRACKET =
  /[(（[【〔<〈《「『{]((?:[^()（）[\]【】〔〕<>〈〉《》「」『』{}]|[(（](?:(?:1|一)?(?:か|カ|ヶ|ケ|ヵ)?(?:月|年|週)(?:あたり|当たり|当り)?|月?平均|(?:1|一)?(?:か|カ|ヶ|ケ|ヵ)?(?:月|年|週)[度計間延べのべ実人数平均・、]{1,8}|延べ|延|のべ|実|実人数)[)）])*)[)）\]】〕>〉》」』}]/gu;

/**
 * `居宅介護 人分/月`, `移動支援 年間延べ時間`, `訪問入浴 回(月)`: a unit per period written as the label's last word,
 * after a blank. Read on the label as written: normalizing closes the blank between two words.
 */
export function trailingUnitWord(label: string | null | undefined): LabelUnit | null {
  const words = (label ?? '').trim().split(/[\s\u3000]+/u);
  if (words.length < 2) return null;
  const lastWord = words.at(-1)!;
  const info = unitInfo(lastWord);
  if (!info || !(info.unit.includes('/') || /分$/u.test(written(lastWord))) || /^[(（[【〔<〈《]/u.test(lastWord))
    return null;
  const rest = normalizeText(words.slice(0, -1).join(' ')).text.trim();
  return rest ? { label: rest, unitText: written(lastWord), unit: info.unit, factor: info.factor } : null;
}

/**
 * Split a row/column label that carries its unit in brackets: `利用実人数（人／月）` → `利用実人数` + person/month,
 * `延べ利用件 数(件／年)` → `延べ利用件数` + case/year, `(件/年)` → `` + case/year, `(人・世帯)` → unitText
 * `人・世帯`, unit null. Brackets that are not units (`(B型)`, `(A)`, `(実人数)`) stay in the label.
 */
export function splitLabelUnit(label: string | null | undefined): LabelUnit {
  const n = normalizeText(label ?? '').text;
  const groups = [...n.matchAll(BRACKET)];
  for (let i = groups.length - 1; i >= 0; i--) {
    const g = groups[i]!;
    let inner = (g[1] as string).trim();
    // `（実利用者数：人/年）`: a measure and its unit in one bracket; the measure stays in the label.
    const measured = /^(?!単位)([^:：()（）]{2,12})[:：]\s*(.+)$/u.exec(inner);
    let measure = '';
    if (measured && unitParts(measured[2]!.trim())) {
      measure = measured[1]!.trim();
      inner = measured[2]!.trim();
    }
    const parts = unitParts(inner);
    if (!parts) continue;
    const unitText = written(inner);
    const info = parts.length === 1 ? unitInfo(unitText) : null;
    const rest = (n.slice(0, g.index) + (measure ? ` ${measure} ` : '') + n.slice(g.index + g[0].length))
      .replace(/\s+/g, ' ')
      .trim();
    return { label: rest, unitText, unit: info?.unit ?? null, factor: info?.factor ?? 1 };
  }
  const word = trailingUnitWord(label);
  if (word) return word;
  // `居宅介護 時間/月` (the blank between words gone in normalized text: `居宅介護時間/月`), `居宅介護：時間/月`: a
  // unit per period closing the label, after a colon or right after its words.
  const after =
    /^(.*[^\s:：])\s*[:：]\s*([^\s:：/]{1,4}\/[^\s:：/]{1,6})$/u.exec(n) ??
    /^(.*[^\s\d:：/])((?:人日|人|名|時間|件|回|世帯|か所|箇所)\s*\/\s*(?:月|年|週|日))$/u.exec(n) ??
    // `…延べ回数/月`, `…実利用者数/年`, `…人分/月`, `…人(月)`, `…人・月`, `…月・人`, `…時間分`: the same in the
    // other ways a count and its period are written together
    /^(.*?[\p{sc=Han}\p{sc=Katakana}ー)）])((?:(?:実|延べ|延|のべ)?(?:利用者数|人数|人日|人|時間数|時間|件数|件|回数|回|日数)分?\s*\/\s*(?:1|一)?(?:か|カ|ヶ)?(?:月|年|週)(?:あたり|当たり)?分?)|(?:人日|人|時間|件|回)[(（](?:月|年|月平均)[)）]|(?:人日|人|時間|件|回)・(?:月|年)|(?:月|年)・(?:人日|人|時間|件|回)|(?:人日|人|時間)分)$/u.exec(
      n,
    );
  if (after) {
    const info = unitInfo(after[2]);
    // (what is counted stays in the label as its measure: `相談件数/年` → `相談件数` in case/year)
    const counted = /^(?:実|延べ|延|のべ)?(?:利用者数|人数|件数|回数|時間数|日数)(?=\s*\/)/u.exec(after[2]!)?.[0] ?? '';
    if (info && (info.unit.includes('/') || /分$/u.test(after[2]!)))
      return {
        label: `${after[1]!.trim()}${counted}`,
        unitText: written(after[2]!),
        unit: info.unit,
        factor: info.factor,
      };
  }
  const tail = /単位[:：=]\s*(\S+)$/u.exec(n);
  if (tail && unitParts(tail[1] as string)) {
    const info = unitInfo(tail[1]);
    return {
      label: n.slice(0, tail.index).trim(),
      unitText: written(tail[1] as string),
      unit: info?.unit ?? null,
      factor: info?.factor ?? 1,
    };
  }
  return { label: n, unitText: null, unit: null, factor: 1 };
}
