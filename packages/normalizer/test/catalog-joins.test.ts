/**
 * Catalog ids that join across cities (issue 14 item 3): a label the alias table names maps to that entry, not to
 * a broader one its words contain; a transition into general employment by the service it comes through is the
 * outcome of that pathway, not the service's volume; a share of offices by transition rate is the outcome rate.
 */
import { describe, expect, it } from 'vitest';
import { catalog, matchIndicator } from '../src/catalog.js';

const idOf = (label: string, context = '') => matchIndicator(label, context)?.entry.id ?? null;

describe('typed services keep their type', () => {
  it.each([
    ['短期入所(福祉型)', 'service.tanki_nyusho_fukushi'],
    ['短期入所（福祉型）', 'service.tanki_nyusho_fukushi'],
    ['短期入所（医療型）', 'service.tanki_nyusho_iryo'],
    ['短期入所(医療型)', 'service.tanki_nyusho_iryo'],
    ['日中活動系 短期入所(福祉型)', 'service.tanki_nyusho_fukushi'],
    // the untyped name and a reading in brackets stay the total
    ['短期入所', 'service.tanki_nyusho_total'],
    ['短期入所（ショートステイ）', 'service.tanki_nyusho_total'],
    // A型/B型 as before
    ['就労継続支援(A型)', 'service.shuro_keizoku_a'],
    ['就労継続支援（Ｂ型）', 'service.shuro_keizoku_b'],
    // a typed name the catalog lists only untyped still finds its entry
    ['児童発達支援（福祉型）', 'service.jido_hattatsu_shien'],
    ['障害児入所支援', 'service.shogaiji_nyusho_shien'],
  ])('%s → %s', (label, id) => {
    expect(idOf(label)).toBe(id);
  });
});

describe('transitions into general employment by pathway are outcomes', () => {
  it.each([
    ['一般就労移行者数 就労継続支援 A 型事業所', 'outcome.employment.transition_via_type_a'],
    ['一般就労移行者数 就労継続支援 B 型事業所', 'outcome.employment.transition_via_type_b'],
    ['一般就労移行者数 就労移行支援事業所', 'outcome.employment.transition_via_ikou_shien'],
    ['福祉施設から一般就労への移行等 うち就労継続支援A型事業', 'outcome.employment.transition_via_type_a'],
    ['福祉施設からの一般就労者 就労継続支援B型事業', 'outcome.employment.transition_via_type_b'],
    ['就労継続支援B型事業所からの一般就労者', 'outcome.employment.transition_via_type_b'],
    ['福祉施設からの一般就労者 市内就労移行支援事業所', 'outcome.employment.transition_via_ikou_shien'],
    // the type given as the subgroup (observe.ts tries label + subgroup first)
    ['一般就労への移行者数A型', 'outcome.employment.transition_via_type_a'],
    ['一般就労移行者数就労継続支援B型', 'outcome.employment.transition_via_type_b'],
    // no pathway named, or several: the total
    ['一般就労移行者数', 'outcome.employment.transition_total'],
    ['目標年度の一般就労移行者数 ・就労移行支援事業 ・就労継続支援B型事業', 'outcome.employment.transition_total'],
    // the services themselves stay services
    ['就労継続支援(B型)', 'service.shuro_keizoku_b'],
    ['就労移行支援', 'service.shuro_ikou_shien'],
  ])('%s → %s', (label, id) => {
    expect(idOf(label)).toBe(id);
  });

  it('a share of offices by transition rate is the outcome rate, not the service', () => {
    expect(idOf('就労移行支援事業所のうち移行率3割以上の事業所の割合')).toBe(
      'outcome.employment.ikou_shien_offices_over_half',
    );
    expect(idOf('福祉施設から一般就労への移行等 一般就労移行者の割合が5割以上の就労移行支援事業所の割合')).toBe(
      'outcome.employment.ikou_shien_offices_over_half',
    );
    expect(idOf('福祉施設から一般就労への移行等 就労定着率が7割以上の就労定着支援事業所の割合')).toBe(
      'outcome.employment.teichaku_rate_offices',
    );
    expect(idOf('福祉施設から一般就労への移行等 就労定着支援事業の利用者数')).toBe('outcome.employment.teichaku_users');
  });
});

describe('catalog measures with ids of their own', () => {
  it.each([
    ['介護・訓練支援用具', 'chiiki.nichijo_seikatsu_yogu.kaigo_kunren'],
    ['情報・意思疎通支援用具', 'chiiki.nichijo_seikatsu_yogu.joho_ishi_sotsu'],
    ['排せつ管理支援用具 (実人数)', 'chiiki.nichijo_seikatsu_yogu.haisetsu_kanri'],
    ['居宅生活動作補助用具 (住宅改修費)', 'chiiki.nichijo_seikatsu_yogu.kyotaku_seikatsu_dosa'],
  ])('%s → %s', (label, id) => {
    expect(idOf(label)).toBe(id);
  });

  it('are entries of the catalog under their parent, and generic measure names are not', () => {
    const e = catalog().find((x) => x.id === 'chiiki.nichijo_seikatsu_yogu.kaigo_kunren');
    expect(e?.group).toBe('日常生活用具給付等事業');
    expect(e?.units).toEqual(['件/年']);
    // `実利用件数` is a measure of 手話通訳者・要約筆記者派遣事業, no indicator's name
    expect(catalog().some((x) => x.label === '実利用件数')).toBe(false);
  });
});

describe('介護保険 statistics', () => {
  it.each([
    ['第1号被保険者数', 'kaigo.stat.dai1go_hihokensha'],
    ['第１号被保険者数', 'kaigo.stat.dai1go_hihokensha'],
    ['要介護(要支援)認定者数', 'kaigo.stat.nintei_sha'],
    ['要介護（要支援）認定者数', 'kaigo.stat.nintei_sha'],
    ['要介護(要支援) 認定者数', 'kaigo.stat.nintei_sha'],
    ['要介護認定者数', 'kaigo.stat.nintei_sha'],
    ['認定率', 'kaigo.stat.nintei_ritsu'],
    ['要介護認定率', 'kaigo.stat.nintei_ritsu'],
    ['高齢化率', 'kaigo.stat.koreika_ritsu'],
    ['65歳以上人口', 'kaigo.stat.koreisha_jinko'],
    ['75歳以上人口', 'kaigo.stat.koki_koreisha_jinko'],
  ])('%s → %s', (label, id) => {
    expect(idOf(label)).toBe(id);
  });

  it('a bare 認定者数 is not forced (障害支援区分 has 認定者 too)', () => {
    expect(idOf('認定者数')).toBeNull();
  });
});

describe('not forced', () => {
  it('a share of a whole is not the whole', () => {
    expect(idOf('第1号被保険者に占める後期高齢者の割合')).toBeNull();
  });
  it('a share of elderly among handbook holders is not 高齢化率', async () => {
    const { lazyTokenMatcher } = await import('../src/tokens.js');
    expect(lazyTokenMatcher().match('高齢者割合')).toBeNull();
  });
});

describe('a typed part written beside its total', () => {
  it('`短期入所 37 <4>` under a note that <> is 医療型: the part is 短期入所（医療型）', async () => {
    const { extractText } = await import('@shiryo/extractor');
    const { normalizeDocument } = await import('../src/index.js');
    const text =
      'サービス\t令和3年度（見込）\n短期入所 利用実人数（人/月）\t37 <4>\n\n※<>内の数字は短期入所利用者のうち医療型を利用している人数です。\n';
    const obs = normalizeDocument(extractText(text, 'doc.tsv')).observations;
    expect(obs.map((o) => [o.value, o.value_kind, o.subgroup, o.indicator_id])).toEqual([
      [37, 'plan', null, 'service.tanki_nyusho_total'],
      [4, 'subset', '医療型を利用している人数', 'service.tanki_nyusho_iryo'],
    ]);
  });
});

describe('a bracket that tells catalog entries apart is part of the name', () => {
  // 自立訓練（機能訓練）and 自立訓練（生活訓練）, 短期入所療養介護 and its kinds of facility: with the bracket dropped as a
  // reading, every 生活訓練 was 機能訓練 (the first entry with the key) and a total was 介護老人保健施設's.
  it.each([
    ['自立訓練(生活訓練)', 'service.jiritsu_kunren_seikatsu'],
    ['自立訓練（生活訓練） 実利用者数', 'service.jiritsu_kunren_seikatsu'],
    ['自立訓練（機能訓練）', 'service.jiritsu_kunren_kinou'],
    ['短期入所療養介護', 'kaigo.tanki_ryoyo_total'],
    ['短期入所療養介護（病院等）', 'kaigo.tanki_ryoyo_byoin'],
    ['短期入所療養介護(老健)', 'kaigo.tanki_ryoyo_roken'],
    ['介護予防短期入所療養介護（老健） 利用日数', 'yobo.tanki_ryoyo_roken'],
    ['宿泊型自立訓練', 'service.shukuhakugata_jiritsu_kunren'],
  ])('%s → %s', (label, id) => {
    expect(matchIndicator(label)?.entry.id).toBe(id);
  });

  it('a name the entries share, with nothing to tell them apart, is no entry (never the first one)', () => {
    expect(matchIndicator('自立訓練')).toBeNull();
    expect(matchIndicator('介護予防短期入所療養介護')).toBeNull();
  });
});
