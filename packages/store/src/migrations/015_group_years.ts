/**
 * 015 — `shiryo compare --indicator ID --year FY` by index (docs/benchmarks.md, s8-national).
 *
 * The groups were indexed by indicator and city only, so one indicator's year read the groups of every year of
 * every city (17,410 at 15.7 M observations) to keep one in ten (48 ms). This index reads that year's groups only,
 * already in the order of the cities.
 */
export const sql = /* sql */ `
CREATE INDEX plan_vs_actual_groups_year ON plan_vs_actual_groups (indicator_id, fiscal_year, municipality_code);
`;
