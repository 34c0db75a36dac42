/**
 * 014 — `shiryo compare --municipality NAME` by index (docs/benchmarks.md, s8-national).
 *
 * `Store.planVsActual` matched `municipality_code = ? OR municipality_name = ?`, and the view's name is computed
 * (`coalesce(m.name, j.name_written)`), so SQLite walked the groups of every city (27 ms at 15.7 M observations).
 * It now resolves the argument to codes first — the argument itself, the codes the reference list gives the name,
 * and the codes of the groups whose name as written is the argument (a city missing from the reference list shows
 * that name) — and reads those cities' groups by `plan_vs_actual_groups_municipality`. This index serves the last
 * look-up.
 */
export const sql = /* sql */ `
CREATE INDEX plan_vs_actual_groups_name ON plan_vs_actual_groups (name_written, municipality_code);
`;
