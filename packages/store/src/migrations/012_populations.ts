/**
 * 012 — population denominators (issue 14): `populations` holds the populations a person loads
 * (`shiryo populations load FILE.csv`: code, year, population, source), and `plan_vs_actual_per_10000` sets each
 * row of `plan_vs_actual` against the population of its city nearest to its fiscal year.
 *
 * No table is bundled: no package the npm registry or Debian offers carries the municipal populations of e-Stat
 * (住民基本台帳人口 or 国勢調査) with their source and year, and a table copied by hand could not be checked here
 * against the source (docs/RESEARCHERS.md, "Rates per 10,000 inhabitants").
 *
 * - `year`: the calendar year of the count (国勢調査: 1 October; 住民基本台帳: 1 January); `source` names the
 *   survey, its table and date, so that every rate can be traced to its denominator.
 * - The view takes, for each row, the population of the same city whose year is nearest to the fiscal year (a tie
 *   to the later year), and shows which (`population_year`, `population_source`). Rates are per 10,000
 *   inhabitants, rounded to two decimals, for rows whose unit is a count or an amount; a share (`percent`,
 *   `ratio`) or an unknown unit has none.
 */
export const sql = /* sql */ `
CREATE TABLE populations (
  municipality_code TEXT    NOT NULL,
  year              INTEGER NOT NULL,
  population        INTEGER NOT NULL CHECK (population > 0),
  source            TEXT    NOT NULL CHECK (source <> ''),
  PRIMARY KEY (municipality_code, year)
) WITHOUT ROWID;

CREATE VIEW plan_vs_actual_per_10000 AS
SELECT
  v.*,
  p.population,
  p.year   AS population_year,
  p.source AS population_source,
  CASE WHEN v.unit NOT IN ('percent', 'ratio') THEN round(10000.0 * v.plan / p.population, 2) END     AS plan_per_10000,
  CASE WHEN v.unit NOT IN ('percent', 'ratio') THEN round(10000.0 * v.estimate / p.population, 2) END AS estimate_per_10000,
  CASE WHEN v.unit NOT IN ('percent', 'ratio') THEN round(10000.0 * v.actual / p.population, 2) END   AS actual_per_10000
FROM plan_vs_actual v
LEFT JOIN populations p
  ON p.municipality_code = v.municipality_code
 AND p.year = (
   SELECT q.year FROM populations q
   WHERE q.municipality_code = v.municipality_code
   ORDER BY abs(q.year - v.fiscal_year), q.year DESC
   LIMIT 1
 );
`;
