/** Period rules that date finished observations from their peers (stage `revisit`). */
import { rule } from '../engine.js';
import type { ObservationContext } from '../observation-context.js';

const isResult = (o: ObservationContext['o']) => o.value_kind === 'actual' || o.value_kind === 'estimate';
const latestResult = (os: ObservationContext['peers']) =>
  os
    .filter((o) => isResult(o) && o.fiscal_year !== null)
    .sort((a, b) => (b.fiscal_year ?? 0) - (a.fiscal_year ?? 0))[0];

/**
 * A row whose own results are all undated (`過去５年間平均 | 90,739,135 | 3.2`, an average over several years in a
 * table of years as rows): its comparison is of the same period as they are, not of the table's latest year.
 */
const rowResultsUndated = (x: ObservationContext) => {
  const own = x.peers.filter((p) => p.row === x.o.row && p !== x.o && isResult(p));
  return own.length > 0 && own.every((p) => p.fiscal_year === null);
};

export const comparisonLatestResult = rule<ObservationContext>({
  id: 'period.comparison-latest-result',
  family: 'period',
  stage: 'revisit-table',
  priority: 10,
  summary:
    'A comparison or rate written without a year (`比較 | ▲4人`) compares as of the latest result: the latest year of the actual values in its row, or else in its table — not where its row has results and none is dated (an average over several years in a table of years as rows, `直近3か年平均 | 53,254 | 4.0`: the rate is of that period too).',
  applies: (x) =>
    (x.o.value_kind === 'deviation' || x.o.value_kind === 'achievement_rate') &&
    x.o.fiscal_year === null &&
    !!latestResult(x.peers) &&
    !rowResultsUndated(x),
  apply(x) {
    const { o } = x;
    const ref = latestResult(x.peers.filter((p) => p.row === o.row)) ?? latestResult(x.peers)!;
    o.fiscal_year = ref.fiscal_year;
    o.period_kind = ref.period_kind;
    o.period_start = ref.period_start;
    o.period_end = ref.period_end;
    o.warnings.push(
      `year of the latest result in the ${ref.row === o.row ? 'row' : 'table'} (the comparison names none)`,
    );
  },
  examples: [
    {
      name: 'example.tsv',
      text: 'サービス\t令和5年度計画\t令和5年度実績\t比較\n就労定着支援（人/月）\t12\t9\t▲3\n',
      expect: { value_kind: 'deviation', fiscal_year: 2023, value: -3 },
    },
  ],
});

export const OBSERVATION_PERIOD_RULES = [comparisonLatestResult];
