import { describe, expect, it } from 'vitest';
import { joinVerticalText, scrambledCells } from '../src/index.js';
import { gridTable, texts } from './helpers.js';

describe('joinVerticalText', () => {
  it('joins a label written one character per row into its first cell', () => {
    const t = gridTable(
      [
        ['分野', '番号'],
        ['介', '1-①'],
        ['護', '1-②'],
        ['予', '1-③'],
        ['防', '1-④'],
        ['男', '2-①'],
      ],
      { headerRows: 1, stubCols: 1 },
    );
    const out = joinVerticalText(t);
    expect(texts(out).map((r) => r[0])).toEqual(['分野', '介護予防', '', '', '', '男']);
    expect(out.cells.find((c) => c.row === 1 && c.col === 0)?.orig).toBe('介\n護\n予\n防');
    expect(out.quality.repairs).toEqual(['joinVerticalText']);
  });

  it('reads scrambled pieces of the group label above as that label, and keeps other scrambled text', () => {
    const t = gridTable(
      [
        ['領域', '番号'],
        ['本人の選択・本人家族の心構え', '4-④'],
        ['', '4-⑤'],
        ['人本 家族の 選択 ・ 本', '4-⑥'],
        ['の 住ま い 確保 ・ 暮らし', '1-①'],
      ],
      { headerRows: 1, stubCols: 1 },
    );
    const out = joinVerticalText(t);
    const cell = out.cells.find((c) => c.row === 3 && c.col === 0)!;
    expect(cell).toMatchObject({ text: '本人の選択・本人家族の心構え', orig: '人本 家族の 選択 ・ 本' });
    expect(texts(out)[4]![0]).toBe('の 住ま い 確保 ・ 暮らし');
    expect(scrambledCells(out).map((c) => `${c.row},${c.col}`)).toEqual(['4,0']);
  });

  it('takes a character that is a label of its own into the word when pieces follow, and splits groups after 系', () => {
    const t = gridTable(
      [
        ['区分', 'サービス'],
        ['訪', '居宅介護'],
        ['問', ''],
        ['系', '重度訪問介護'],
        ['日', '生活介護'],
        ['中', ''],
        ['活', '就労継続支援（Ａ型）'],
        ['動', '就労継続支援（Ｂ型）'],
        ['系', ''],
        ['', '短期入所'],
        ['居', '共同生活援助'],
        ['住', ''],
        ['系', ''],
      ],
      { headerRows: 1, stubCols: 2 },
    );
    expect(texts(joinVerticalText(t)).map((r) => r[0])).toEqual([
      '区分',
      '訪問系',
      '',
      '',
      '日中活動系',
      '',
      '',
      '',
      '',
      '',
      '居住系',
      '',
      '',
    ]);
  });

  it('leaves single characters that are labels of their own', () => {
    const t = gridTable(
      [
        ['性別', '人数'],
        ['男', '10'],
        ['女', '12'],
        ['計', '22'],
      ],
      { headerRows: 1, stubCols: 1 },
    );
    expect(joinVerticalText(t)).toBe(t);
  });
});
