import { describe, expect, it } from 'vitest';
import { extractText } from '../src/index.js';
import { parseSpacedLine } from '../src/linear/spaced.js';
import { placeHeaderLines } from '../src/linear/stack.js';
import { texts } from './helpers.js';

const words = (s: string) => s.split(' ').map((o) => ({ orig: o, text: o }));
const values = (text: string) => parseSpacedLine({ text, line: 1 } as never).values.map((v) => v.text);

describe('parseSpacedLine: a number that could be a year', () => {
  it('is a value between two values, a year in a run of years', () => {
    expect(values('短期入所 1688 2059 188')).toEqual(['1688', '2059', '188']);
    // (a line of years alone heads columns, and a year after a label is no value)
    expect(values('計画期間 2024 2025 2026')).toEqual([]);
    expect(values('短期入所 2059')).toEqual([]);
  });
});

describe('placeHeaderLines: header rows stacked over the value columns of a linearized table', () => {
  it('places items over years over kinds, each row heading groups of the row under it', () => {
    const stack = placeHeaderLines(
      [words('内容 居宅介護 同行援護'), words('R4 R5 R6 R4 R5 R6'), words('計画 実績 '.repeat(6).trim())],
      1,
      12,
    )!;
    const at = (r: number) => stack.head[r]!.map((h) => `${h.orig}@${h.col}+${h.colSpan}`);
    expect(at(0)).toEqual(['内容@0+1', '居宅介護@1+6', '同行援護@7+6']);
    expect(at(1)).toEqual(['R4@1+2', 'R5@3+2', 'R6@5+2', 'R4@7+2', 'R5@9+2', 'R6@11+2']);
    expect(at(2)).toHaveLength(12);
    expect(stack.named).toBe(true);
  });

  it('reads a spaced table under a three-line header', () => {
    const text = [
      '表3 訪問系サービスの計画と実績',
      '区分 居宅介護 同行援護',
      'R4 R5 R4 R5',
      '計画 実績 計画 実績 計画 実績 計画 実績',
      '利用者数 120 118 125 131 30 28 32 29',
      '利用時間 2400 2310 2500 2620 600 540 640 610',
    ].join('\n');
    const t = extractText(text, 'three.txt').tables[0]!;
    expect(t.headerRows).toBe(3);
    const rows = texts(t);
    expect(rows[0]).toEqual(['区分', ...Array(4).fill('居宅介護'), ...Array(4).fill('同行援護')]);
    expect(rows[1]!.slice(1)).toEqual(['R4', 'R4', 'R5', 'R5', 'R4', 'R4', 'R5', 'R5']);
    expect(rows[2]!.slice(1)).toEqual(['計画', '実績', '計画', '実績', '計画', '実績', '計画', '実績']);
    expect(rows[4]).toEqual(['利用時間', '2400', '2310', '2500', '2620', '600', '540', '640', '610']);
  });
});
