import { beforeAll, describe, expect, it } from 'vitest';
import { contentWords, loadTokenizer, type Tokenizer, type TokenMatcher, tokenMatcher } from '../src/tokens.js';

let tokenizer: Tokenizer;
let matcher: TokenMatcher;
beforeAll(async () => {
  tokenizer = await loadTokenizer();
  matcher = tokenMatcher(tokenizer);
}, 30_000);

describe('kuromoji content words', () => {
  it('drops particles, numbers and words that name no indicator, and reads 障害 and 障がい alike', () => {
    expect(contentWords(tokenizer, '精神障害者の地域移行支援の利用者数')).toEqual(
      contentWords(tokenizer, '精神障がい者の地域移行支援利用者数'),
    );
    expect(contentWords(tokenizer, '3人の利用者数')).toEqual([]);
  });
});

describe('token matching against the catalog', () => {
  it.each([
    ['地域の相談支援事業所に対する訪問等による専門的な指導及び助言', 'activity.consultation.guidance_visits'],
    ['保健・医療・福祉関係者による協議の場を開催した回数', 'activity.mental.council_meetings'],
  ])('matches %s', (label, id) => {
    expect(matcher.match(label)?.entry.id).toBe(id);
  });

  it('leaves labels that share only some words unmatched', () => {
    expect(matcher.match('市民向けのリーフレットを作成し配布する')).toBeNull();
    expect(matcher.match('相談支援')).toBeNull();
  });
});
