/**
 * Family "tables drawn with characters" (drawn.ts): a ruled table written in a text with box-drawing characters or as
 * a pandoc grid table. Documents in other words than the fixtures: test/layouts/drawn-box-rules.txt (heavy lines,
 * box characters one column wide as a Western editor shows them, a header of two lines in one row, a service over
 * two unit rows, a full-width dash cell) and test/layouts/drawn-grid-spans.md (a grid table whose year spans two
 * kinds over a partial rule, labels wrapped with their unit, a `-` cell).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { drawnTableEnd } from '../src/drawn.js';
import { extractText } from '../src/index.js';
import { at, cellAt, rowTexts } from './helpers.js';

const layout = (name: string) => new URL(`../../../test/layouts/${name}`, import.meta.url).pathname;
const read = (name: string) => extractText(readFileSync(layout(name), 'utf8'), layout(name));

describe('drawnTableEnd: where a drawn table starts and ends', () => {
  it('takes a top rule, the lines between bars and the last full rule', () => {
    const lines = ['+----+----+', '| a  | 1  |', '+----+----+', 'after'];
    expect(drawnTableEnd(lines, 0)).toBe(3);
    expect(drawnTableEnd(['┌──┬──┐', '│ア│１│', '├──┼──┤', '│イ│２│', '└──┴──┘'], 0)).toBe(5);
  });

  it('takes no markdown pipe table, no rule alone and no frame without text', () => {
    expect(drawnTableEnd(['| a | b |', '|---|---|', '| 1 | 2 |'], 0)).toBe(-1);
    expect(drawnTableEnd(['|---|---|', '| 1 | 2 |', '|---|---|'], 0)).toBe(-1);
    expect(drawnTableEnd(['+----+', 'text'], 0)).toBe(-1);
    expect(drawnTableEnd(['+----+----+', '|    |    |', '+----+----+'], 0)).toBe(-1);
    expect(drawnTableEnd(['----------', 'text', '----------'], 0)).toBe(-1);
  });
});

describe('a table ruled with heavy box-drawing characters one column wide', () => {
  const doc = read('drawn-box-rules.txt');
  const t = doc.tables[0]!;

  it('is one drawn table with the header lines of one row joined', () => {
    expect(doc.tables).toHaveLength(1);
    expect(t.method).toBe('drawn');
    expect([t.nRows, t.nCols]).toEqual([5, 4]);
    expect(rowTexts(t, 0)).toEqual(['区分', '単位', '令和5年度実績', '令和6年度見込']);
  });

  it('spans a service over the unit rows a rule stopping at its column leaves open', () => {
    expect(cellAt(t, 1, 0)).toMatchObject({ text: '生活介護', rowSpan: 2 });
    expect(at(t, 2, 0)).toBe('生活介護');
    expect(rowTexts(t, 2)).toEqual(['人/月', '212', '220']);
  });

  it('keeps a dash cell as a cell, not a rule', () => {
    expect(rowTexts(t, 3)).toEqual(['就労継続支援(B型)', '人日/月', '3,980', '-']);
  });
});

describe('a pandoc grid table with a spanned header and wrapped labels', () => {
  const doc = read('drawn-grid-spans.md');
  const t = doc.tables[0]!;

  it('reads the header above the = rule, the year over both kinds', () => {
    expect(t.headerRows).toBe(2);
    expect(cellAt(t, 0, 0)).toMatchObject({ text: '項目', rowSpan: 2 });
    expect(cellAt(t, 0, 1)).toMatchObject({ text: '令和6年度', colSpan: 2 });
    expect(rowTexts(t, 1)).toEqual(['目標', '実績']);
  });

  it('joins a label wrapped in its cell, and keeps a dash cell', () => {
    expect(rowTexts(t, 2)).toEqual(['相談件数(件/年)', '1,200', '1,134']);
    expect(rowTexts(t, 3)).toEqual(['研修の開催回数(回/年)', '6', '-']);
  });
});
