import { describe, expect, it } from 'vitest';
import { splitGluedHeaderWords } from '../src/index.js';
import { gridTable, texts } from './helpers.js';

describe('splitGluedHeaderWords', () => {
  it('puts header kind words set as one cell back over their own empty columns', () => {
    const t = gridTable(
      [
        ['指標', '計画値実績値', ''],
        ['訪問回数', '120', '118'],
      ],
      { headerRows: 1, stubCols: 1 },
    );
    const out = splitGluedHeaderWords(t);
    expect(texts(out)[0]).toEqual(['指標', '計画値', '実績値']);
    expect(out.quality.repairs).toEqual(['splitGluedHeaderWords']);
  });

  it('leaves them when the next header cell has words of its own, and leaves body rows', () => {
    const t = gridTable(
      [
        ['指標', '目標実績', '差'],
        ['訪問回数', '目標実績', ''],
      ],
      { headerRows: 1, stubCols: 1 },
    );
    expect(splitGluedHeaderWords(t)).toBe(t);
  });
});
