import { describe, expect, it } from 'vitest';
import { extractText } from '../src/index.js';
import { texts } from './helpers.js';

describe('columns written a line each in turn', () => {
  it('are read back as a table: heads, their words, and one row per round of value lines', () => {
    const text = [
      '## 移動支援と日中一時支援',
      '',
      '移動支援事業',
      '日中一時支援事業',
      '外出の際の移動を',
      '日中の活動の場を',
      '支援する。',
      '提供する。',
      '令和4年度　見込　40人',
      '令和4年度　見込　12人',
      '実績　3 8人',
      '実績　10人',
      '令和5年度　見込　42人',
      '令和5年度　見込　13人',
      '',
      '以上のとおり。',
    ].join('\n');
    const doc = extractText(text, 'cycled.txt');
    expect(doc.tables).toHaveLength(1);
    const t = doc.tables[0]!;
    expect(t.quality.repairs).toContain('cycledColumns');
    expect(texts(t)).toEqual([
      ['', '', '移動支援事業', '日中一時支援事業'],
      ['', '', '外出の際の移動を支援する。', '日中の活動の場を提供する。'],
      ['令和4年度', '見込', '40人', '12人'],
      ['令和4年度', '実績', '3 8人', '10人'],
      ['令和5年度', '見込', '42人', '13人'],
    ]);
    // the heading before and the paragraph after stay blocks
    expect(doc.blocks.map((b) => b.text)).toEqual(['移動支援と日中一時支援', '以上のとおり。']);
  });

  it('leaves a list of values without column heads to the paragraph reader', () => {
    const text = ['・研修 2回', '・研修 3回', '・会議 4回', '・会議 5回'].join('\n');
    expect(extractText(text, 'list.txt').tables).toEqual([]);
  });
});
