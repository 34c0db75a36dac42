/**
 * Family "kinds written once above several year columns" (a kind-major header copied one row per line out of a PDF
 * viewer: `見込量 実績値 実績見込 乖離` over `R6 R7 R8 | R6 R7 | R6`): the results' years run on into the year still
 * estimated, so the years fall in one group fewer than there are kinds. Before, the kinds could not be placed (or a
 * line of the plan's term repeated over them, `第9期 第9期 …`, was read as heads of two words each) and every value
 * fell to the default kind or the wrong one. Now the last year of a run a result then an estimate head share goes to
 * the estimate (extractor/src/linear/stack.ts, resultThenEstimate); a line of plan terms that parts the years its own
 * way is left out under the kinds; and one row under such a header is a table of its own (spaced.ts,
 * yearsUnderKinds). Found on the tuned corpus (seeds 11 and 21); the document here is in other words.
 */
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

describe('kinds over runs of years in a linearized header', () => {
  const n = normalizeLayout('linear-kinds-over-year-runs.txt');
  const of = (label: string) =>
    n.observations.filter((o) => o.indicator_label === label).map((o) => [o.fiscal_year, o.value_kind, o.value]);

  it('gives the result the run of years but its last, and the estimate that last year', () => {
    expect(of('夜間対応型訪問介護')).toEqual([
      [2024, 'plan', 5],
      [2025, 'plan', 6],
      [2026, 'plan', 7],
      [2024, 'actual', 4],
      [2025, 'estimate', 4],
      [2024, 'deviation', -1],
    ]);
    expect(of('外出支援サービス')).toEqual([
      [2024, 'plan', 300],
      [2025, 'plan', 310],
      [2026, 'plan', 320],
      [2022, 'actual', 280],
      [2023, 'actual', 290],
      [2024, 'actual', 295],
      [2025, 'estimate', 305],
      [2024, 'deviation', -5],
      [2024, 'achievement_rate', 98.3],
    ]);
  });

  it('leaves out a line of plan terms between the kinds and the years', () => {
    expect(of('報酬助成件数')).toEqual([
      [2024, 'plan', 10],
      [2025, 'plan', 11],
      [2026, 'plan', 12],
      [2022, 'actual', 8],
      [2023, 'actual', 9],
      [2024, 'actual', 11],
      [2025, 'estimate', 12],
      [2024, 'deviation', 1],
      [2024, 'achievement_rate', 110],
    ]);
  });

  it('reads one row under kinds over years as a table', () => {
    expect(of('介護予防支援')).toEqual([
      [2024, 'plan', 310],
      [2025, 'plan', 320],
      [2026, 'plan', 330],
      [2024, 'actual', 295],
      [2025, 'estimate', 305],
      [2024, 'deviation', -15],
    ]);
  });
});
