import { municipalityByCode, municipalityFromPath } from '@shiryo/normalizer';
import type { StoredDocument } from '@shiryo/store';
import { describe, expect, it } from 'vitest';
import { decide, type FileFacts, resolveMunicipality, storedAsDecided } from '../src/given.js';
import { type Manifest, manifestDate, manifestRowFor, parseCsv } from '../src/manifest.js';

const city = (code: string) => municipalityByCode(code)!;
const TOKOROZAWA = city('112089');
const HIGASHIMATSUYAMA = city('112127');
const facts = (path: string, extra: Partial<FileFacts> = {}): FileFacts => ({
  path,
  fromPath: municipalityFromPath(path),
  ...extra,
});
const stored = (extra: Partial<StoredDocument> = {}): StoredDocument => ({
  id: 1,
  sha256: 'ab',
  path: '/a/report.txt',
  municipality_code: null,
  municipality_name: null,
  prefecture: null,
  municipality_source: null,
  plan: '第7期障害福祉計画',
  plan_period: '2024-2026',
  plan_source: 'text',
  document_date: null,
  n_tables: 1,
  n_observations: 2,
  paths: [{ path: '/a/report.txt', municipality_code: null }],
  ...extra,
});
const given = (f: FileFacts, s: StoredDocument | null = null) => {
  const d = decide(f, s);
  return d.municipality ? [d.municipality.municipality.code, d.municipality.source] : null;
};

describe('decide: option, manifest, what was given before, the paths, the text', () => {
  it('takes the first that gives one', () => {
    const row = { line: 2, path: '/x/所沢市/r.txt', municipality: HIGASHIMATSUYAMA };
    expect(given(facts('/x/所沢市/r.txt', { option: TOKOROZAWA, manifest: row }))).toEqual(['112089', 'option']);
    expect(given(facts('/x/所沢市/r.txt', { manifest: row }))).toEqual(['112127', 'manifest']);
    expect(given(facts('/x/所沢市/r.txt'))).toEqual(['112089', 'path']);
    expect(given(facts('/x/r.txt'))).toBeNull();
  });

  it('what a person gave before stays over the path, not over what a person gives now', () => {
    const before = stored({ municipality_code: '112127', municipality_source: 'option' });
    expect(given(facts('/x/所沢市/r.txt'), before)).toEqual(['112127', 'option']);
    expect(given(facts('/x/所沢市/r.txt', { option: TOKOROZAWA }), before)).toEqual(['112089', 'option']);
    // a city the paths or the text gave is no person's word: the paths decide again
    const fromPath = stored({ municipality_code: '112127', municipality_source: 'path' });
    expect(given(facts('/a/report.txt'), fromPath)).toBeNull();
  });

  it('paths that can all be one city agree; paths naming different cities give none, with an issue', () => {
    const fuchu = stored({ paths: [{ path: '/d/広島県/府中市/r.txt', municipality_code: '342084' }] });
    expect(given(facts('/e/府中市/r.txt'), fuchu)).toEqual(['342084', 'path']);
    const tokorozawa = stored({ paths: [{ path: '/d/所沢市/r.txt', municipality_code: '112089' }] });
    const d = decide(facts('/e/東松山市/r.txt'), tokorozawa);
    expect(d.municipality).toBeNull();
    expect(d.pathCode).toBe('112127');
    expect(d.issues.map((i) => i.code)).toEqual(['MUNICIPALITY_PATHS_DISAGREE']);
    expect(d.issues[0]!.message).toContain(
      '/e/東松山市/r.txt: 埼玉県東松山市 (112127); /d/所沢市/r.txt: 埼玉県所沢市 (112089)',
    );
    // 府中市/ is 東京都 or 広島県: neither is 所沢市 either
    expect(decide(facts('/e/府中市/r.txt'), tokorozawa).issues[0]!.message).toContain(
      '/e/府中市/r.txt: 東京都府中市 (132063) or 広島県府中市 (342084); /d/所沢市/r.txt: 埼玉県所沢市 (112089)',
    );
    // a stored path whose city was never read (schema 2) is read from its string
    const legacy = stored({ paths: [{ path: '/d/所沢市/r.txt', municipality_code: null }] });
    expect(decide(facts('/e/東松山市/r.txt'), legacy).issues.map((i) => i.code)).toEqual([
      'MUNICIPALITY_PATHS_DISAGREE',
    ]);
  });

  it('an ambiguous path gives none, with an issue naming the candidates', () => {
    const d = decide(facts('/e/府中市/r.txt'), null);
    expect(d.municipality).toBeNull();
    expect(d.pathCode).toBeNull();
    expect(d.issues[0]).toMatchObject({ code: 'MUNICIPALITY_PATH_AMBIGUOUS' });
    expect(d.issues[0]!.message).toContain('東京都府中市 (132063) or 広島県府中市 (342084)');
  });

  it('plan and date: given now, else given before', () => {
    const row = { line: 2, path: '/x/r.txt', plan: '第3期障害児福祉計画', date: '2024-03-15' };
    expect(decide(facts('/x/r.txt', { manifest: row }), null)).toMatchObject({
      plan: '第3期障害児福祉計画',
      date: '2024-03-15',
    });
    const before = stored({ plan: '第3期障害児福祉計画', plan_source: 'manifest', document_date: '2024-03-15' });
    expect(decide(facts('/x/r.txt'), before)).toMatchObject({ plan: '第3期障害児福祉計画', date: '2024-03-15' });
    expect(decide(facts('/x/r.txt'), stored())).not.toHaveProperty('plan');
  });
});

describe('storedAsDecided: when stored bytes need not be read again', () => {
  it('the same city from the same source, plan and date: yes; anything new: no', () => {
    const s = stored({ municipality_code: '112089', municipality_source: 'path' });
    expect(storedAsDecided(decide(facts('/x/所沢市/r.txt'), s), s)).toBe(true);
    expect(storedAsDecided(decide(facts('/x/所沢市/r.txt', { option: TOKOROZAWA }), s), s)).toBe(false);
    expect(storedAsDecided(decide(facts('/x/東松山市/r.txt'), s), s)).toBe(false);
    const row = { line: 2, path: '/x/所沢市/r.txt', date: '2024-03-15' };
    expect(storedAsDecided(decide(facts('/x/所沢市/r.txt', { manifest: row }), s), s)).toBe(false);
  });

  it('nothing given: yes when the text decided (or found nothing), no for a document stored before sources', () => {
    const text = stored({ municipality_code: '112127', municipality_source: 'text' });
    expect(storedAsDecided(decide(facts('/x/r.txt'), text), text)).toBe(true);
    expect(storedAsDecided(decide(facts('/x/r.txt'), stored()), stored())).toBe(true);
    const legacy = stored({ municipality_code: '112127', municipality_source: null });
    expect(storedAsDecided(decide(facts('/x/r.txt'), legacy), legacy)).toBe(false);
  });
});

describe('resolveMunicipality (--municipality, a manifest cell)', () => {
  it('says what is wrong in one sentence', () => {
    expect(resolveMunicipality('広島県府中市')).toEqual({ municipality: city('342084') });
    expect(resolveMunicipality('999999')).toEqual({
      problem: '999999 is not a municipality code (全国地方公共団体コード) in the code list',
    });
    expect(resolveMunicipality('12106')).toEqual({
      problem: '12106 is ambiguous: 千葉県千葉市美浜区 (121061), 北海道岩見沢市 (012106); give the 6-digit code',
    });
  });
});

describe('manifest', () => {
  it('parseCsv: RFC 4180 quotes, doubled quotes, a line break inside quotes, CRLF, a BOM, blank lines', () => {
    const text = '\ufeffpath,note\r\n"a,b.txt","say ""hi"""\r\n\r\n"c.txt","two\nlines"\nd.txt,\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ['path', 'note'] },
      { line: 2, fields: ['a,b.txt', 'say "hi"'] },
      { line: 4, fields: ['c.txt', 'two\nlines'] },
      { line: 6, fields: ['d.txt', ''] },
    ]);
    expect(() => parseCsv('path\n"a.txt\n')).toThrow('line 2: a quoted field is not closed');
  });

  it('manifestDate: ISO, slashes, 和暦, a month; null for what is no date', () => {
    expect(manifestDate('2024-03-15')).toBe('2024-03-15');
    expect(manifestDate('2024/3/5')).toBe('2024-03-05');
    expect(manifestDate('令和6年3月15日')).toBe('2024-03-15');
    expect(manifestDate('2024-03')).toBe('2024-03');
    expect(manifestDate('2024年3月')).toBe('2024-03');
    expect(manifestDate('2024-02-30')).toBeNull();
    expect(manifestDate('next week')).toBeNull();
  });

  it("manifestRowFor: the file's own row, else the nearest folder row", () => {
    const m: Manifest = {
      file: '/m/files.csv',
      ignored: [],
      rows: [
        { line: 2, path: '/m/docs' },
        { line: 3, path: '/m/docs/sub' },
        { line: 4, path: '/m/docs/sub/a.txt' },
      ],
    };
    expect(manifestRowFor(m, '/m/docs/sub/a.txt')?.line).toBe(4);
    expect(manifestRowFor(m, '/m/docs/sub/b.txt')?.line).toBe(3);
    expect(manifestRowFor(m, '/m/docs/c.txt')?.line).toBe(2);
    expect(manifestRowFor(m, '/m/docs2/c.txt')).toBeUndefined();
    expect(manifestRowFor(null, '/m/docs/c.txt')).toBeUndefined();
  });
});
