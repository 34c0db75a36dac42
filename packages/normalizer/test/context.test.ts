/** The note under a table that says what the bracketed subset values are. */
import { describe, expect, it } from 'vitest';
import { subsetNoteOf } from '../src/context.js';

describe('subsetNoteOf', () => {
  it.each([
    // however a city words the usual subset, it is named as the national guideline names it
    ['※<>内の数字は施設入所している人を除いたものです。', '施設入所者を除く'],
    ['※（ ）内は、施設に入所している方を除いた人数', '施設入所者を除く'],
    ['※〈〉内は入所者を除く内数', '施設入所者を除く'],
    // another subset keeps its own words
    ['※< >内の数字は精神障害者の数です。', '精神障害者'],
    ['※（ ）内は、利用者のうち65歳以上の人', '65歳以上の人'],
  ])('%s → %s', (note, label) => {
    expect(subsetNoteOf(note)).toBe(label);
  });

  it('is null for a note that says nothing of a subset', () => {
    expect(subsetNoteOf('※令和5年度は見込みです。')).toBeNull();
    expect(subsetNoteOf('施設入所者を除く')).toBeNull();
  });
});
