/**
 * Where a file's municipality comes from, in order: `--municipality`, a manifest row, what was given before for
 * the same bytes (an option or a manifest row of an earlier run), the paths the bytes were seen at, the text (the
 * normalizer's own reading, when nothing here decides). Pure: the caller reads the store and the path.
 */
import type { Issue, Municipality } from '@shiryo/model';
import {
  type GivenMunicipality,
  lookupMunicipality,
  municipalityByCode,
  municipalityFromPath,
  municipalityLabel,
  type PathMunicipality,
} from '@shiryo/normalizer';
import type { StoredDocument } from '@shiryo/store';
import type { ManifestRow } from './manifest.js';

/** A municipality a person gave (option, manifest cell), or why it cannot be used, in one sentence. */
export function resolveMunicipality(query: string): { municipality: Municipality } | { problem: string } {
  const r = lookupMunicipality(query);
  if (r.kind === 'found') return { municipality: r.municipality };
  const digits = /^\d+$/.test(query.normalize('NFKC').trim());
  if (r.kind === 'ambiguous') {
    const first = r.candidates[0]!;
    const how = digits ? 'give the 6-digit code' : `give the prefecture (${first.prefecture}${first.name}) or the code`;
    return { problem: `${query} is ambiguous: ${r.candidates.map(municipalityLabel).join(', ')}; ${how}` };
  }
  const what = digits ? 'not a municipality code (全国地方公共団体コード)' : 'not a municipality name';
  const meant = r.suggestions.length ? `; did you mean ${r.suggestions.map(municipalityLabel).join(', ')}?` : '';
  return { problem: `${query} is ${what} in the code list${meant}` };
}

export interface FileFacts {
  /** The path as ingested (the one recorded in `document_paths`). */
  path: string;
  /** `--municipality`. */
  option?: Municipality;
  manifest?: ManifestRow;
  /** What the file's (absolute) path names: `municipalityFromPath`. */
  fromPath: PathMunicipality | null;
}

export interface Decision {
  /** The municipality the normalizer is given, with its source; null: the text decides. */
  municipality: GivenMunicipality | null;
  /** A plan given (a manifest row, now or before). */
  plan?: string;
  /** A date given (a manifest row, now or before). */
  date: string | null;
  /** The municipality this path names, recorded with it (null: none, or ambiguous). */
  pathCode: string | null;
  /** Why the paths decide nothing although they name a city (ambiguous, or disagreeing). */
  issues: Issue[];
}

const citiesOf = (r: PathMunicipality | null): Municipality[] =>
  !r ? [] : r.kind === 'found' ? [r.municipality] : r.candidates;

function fromPaths(f: FileFacts, stored: StoredDocument | null, issues: Issue[]): GivenMunicipality | null {
  const readings = [
    { path: f.path, cities: citiesOf(f.fromPath) },
    ...(stored?.paths ?? [])
      .filter((p) => p.path !== f.path)
      .map((p) => {
        const recorded = p.municipality_code ? municipalityByCode(p.municipality_code) : null;
        return { path: p.path, cities: recorded ? [recorded] : citiesOf(municipalityFromPath(p.path)) };
      }),
  ].filter((r) => r.cities.length > 0);
  if (readings.length === 0) return null;
  // The municipality every path can be: 府中市/ (東京都 or 広島県) and 広島県/府中市/ are 広島県府中市.
  let common = readings[0]!.cities;
  for (const r of readings.slice(1)) common = common.filter((c) => r.cities.some((x) => x.code === c.code));
  if (common.length === 1) return { municipality: common[0]!, source: 'path' };
  const named = readings.map((r) => `${r.path}: ${r.cities.map(municipalityLabel).join(' or ')}`).join('; ');
  issues.push(
    common.length === 0
      ? {
          code: 'MUNICIPALITY_PATHS_DISAGREE',
          severity: 'warn',
          stage: 'normalize',
          message: `these bytes were seen at paths naming different municipalities (${named}); none is taken from the paths: pass --municipality or a manifest row`,
          where: null,
        }
      : {
          code: 'MUNICIPALITY_PATH_AMBIGUOUS',
          severity: 'warn',
          stage: 'normalize',
          message: `the path names ${common.map(municipalityLabel).join(' or ')} (${named}); name the prefecture in the path (広島県/府中市/…) or pass --municipality`,
          where: null,
        },
  );
  return null;
}

/** What a file is given, from this run's facts and what is stored for the same bytes (null: not stored). */
export function decide(f: FileFacts, stored: StoredDocument | null): Decision {
  const issues: Issue[] = [];
  let municipality: GivenMunicipality | null = null;
  const kept = stored?.municipality_code ? municipalityByCode(stored.municipality_code) : null;
  const keptSource = stored?.municipality_source;
  if (f.option) municipality = { municipality: f.option, source: 'option' };
  else if (f.manifest?.municipality) municipality = { municipality: f.manifest.municipality, source: 'manifest' };
  // given by a person before, for these bytes: it stays until a person gives another
  else if (kept && (keptSource === 'option' || keptSource === 'manifest'))
    municipality = { municipality: kept, source: keptSource };
  else municipality = fromPaths(f, stored, issues);
  const plan = f.manifest?.plan ?? (stored?.plan_source === 'manifest' ? (stored.plan ?? undefined) : undefined);
  return {
    municipality,
    ...(plan === undefined ? {} : { plan }),
    date: f.manifest?.date ?? stored?.document_date ?? null,
    pathCode: f.fromPath?.kind === 'found' ? f.fromPath.municipality.code : null,
    issues,
  };
}

/** Reading the file anew would store exactly what is stored: the bytes need only be recorded at this path. */
export function storedAsDecided(d: Decision, stored: StoredDocument): boolean {
  const m = d.municipality;
  const city = m
    ? stored.municipality_code === m.municipality.code && stored.municipality_source === m.source
    : stored.municipality_source === 'text' ||
      (stored.municipality_source === null && stored.municipality_code === null);
  const plan =
    d.plan !== undefined
      ? stored.plan_source === 'manifest' && stored.plan === d.plan
      : stored.plan_source !== 'manifest';
  return city && plan && d.date === stored.document_date;
}
