/**
 * `pnpm corpus [--seed N] [--docs N] [--part tuned|heldout|all] [--out DIR] [--json FILE] [--jobs N]`: generate a
 * corpus with known truth, run shiryo on it and print its scores per part, axis value and confidence band.
 */
import { writeFileSync } from 'node:fs';
import { formatReport, reportJson, runCorpus } from './runner.js';

export const DEFAULT_DOCS = 720;

const USAGE =
  'usage: pnpm corpus [--seed N] [--docs N] [--part tuned|heldout|all] [--out DIR] [--json FILE] [--jobs N]';

export async function main(argv: string[]): Promise<number> {
  const o = {
    seed: 1,
    docs: DEFAULT_DOCS,
    part: 'all' as 'tuned' | 'heldout' | 'all',
    out: undefined as string | undefined,
    json: undefined as string | undefined,
    jobs: 2,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = argv[i + 1];
    const int = () => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0) throw new Error(`${a} needs a whole number`);
      i++;
      return n;
    };
    if (a === '--seed') o.seed = int();
    else if (a === '--docs') o.docs = int();
    else if (a === '--jobs') o.jobs = Math.max(1, int());
    else if (a === '--part' && (v === 'tuned' || v === 'heldout' || v === 'all')) {
      o.part = v;
      i++;
    } else if (a === '--out' && v) {
      o.out = v;
      i++;
    } else if (a === '--json' && v) {
      o.json = v;
      i++;
    } else if (a === '--help' || a === '-h') {
      console.log(USAGE);
      return 0;
    } else {
      console.error(`unknown or incomplete option ${a}\n${USAGE}`);
      return 2;
    }
  }
  const report = await runCorpus({ ...o, log: (s) => process.stderr.write(`${s}\n`) });
  process.stdout.write(formatReport(report));
  if (o.json) writeFileSync(o.json, reportJson(report));
  return 0;
}
