/** pageToSvg on a page built by hand: the elements drawn, where, and XML escaping. */
import type { Page, Table, TableCell, TextSpan } from '@shiryo/model';
import { describe, expect, it } from 'vitest';
import { escapeXmlAttr, escapeXmlText, pageToSvg } from '../src/index.js';

const span = (text: string, x0: number, y0: number, x1: number, y1: number, dir: 'h' | 'v' = 'h'): TextSpan => ({
  text,
  orig: text,
  bbox: { x0, y0, x1, y1 },
  dir,
  size: 10,
  origin: 'pdf',
  confidence: 1,
});

const cell = (row: number, col: number, x0: number, y0: number, x1: number, y1: number, text = ''): TableCell => ({
  row,
  col,
  rowSpan: 1,
  colSpan: 1,
  text,
  orig: text,
  bbox: { x0, y0, x1, y1 },
  role: 'body',
});

const PAGE: Page = {
  index: 1,
  width: 200,
  height: 100.125,
  rotation: 0,
  spans: [
    span('A&B <C> "q" \'s\'', 10, 10, 90, 20),
    span('bell\u0007 lone\uD800 ok😀', 10, 25, 90, 35),
    span('資料1', 180, 10, 190, 40, 'v'),
  ],
  rulings: [
    { x0: 10, y0: 50, x1: 110, y1: 50 },
    { x0: 10, y0: 50, x1: 10, y1: 90.004 },
  ],
  lines: [],
};

const table = (page: number, index: number, cells: TableCell[]): Table => ({
  page,
  index,
  seq: index,
  bbox: { x0: 10, y0: 50, x1: 110, y1: 90 },
  method: 'stream',
  cells,
  nRows: 1,
  nCols: 2,
  headerRows: 0,
  quality: { score: 0.8765, emptyRatio: 0, repairs: [] },
});

const TABLES: Table[] = [
  table(1, 0, [
    cell(0, 0, 10, 50, 60, 90, 'x<y'),
    cell(0, 1, 60, 50, 110, 90),
    { ...cell(0, 2, 0, 0, 0, 0), bbox: undefined },
  ]),
  table(2, 1, [cell(0, 0, 10, 50, 60, 90)]),
];

const count = (s: string, re: RegExp) => [...s.matchAll(re)].length;

/** A small well-formedness check: tags nest, attributes are quoted, `&` starts a reference, no raw `<` in text. */
function wellFormed(xml: string): void {
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const stack: string[] = [];
  let roots = 0;
  for (const m of body.matchAll(/<[^>]*>|[^<]+/g)) {
    const tok = m[0];
    if (!tok.startsWith('<')) {
      expect(tok, 'text outside the root').toSatisfy((t: string) => stack.length > 0 || t.trim() === '');
      expect(tok.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, '')).not.toMatch(/[&<]/);
      continue;
    }
    const close = /^<\/([\w:-]+)\s*>$/.exec(tok);
    if (close) {
      expect(stack.pop(), tok).toBe(close[1]);
      continue;
    }
    const open = /^<([\w:-]+)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>$/.exec(tok);
    expect(open, `malformed tag ${tok}`).not.toBeNull();
    expect(open![2]!.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, '')).not.toContain('&');
    if (stack.length === 0) roots++;
    if (!open![3]) stack.push(open![1]!);
  }
  expect(stack).toEqual([]);
  expect(roots).toBe(1);
}

it('the well-formedness check catches what it is for', () => {
  expect(() => wellFormed('<svg><g></svg>')).toThrow();
  expect(() => wellFormed('<svg>a & b</svg>')).toThrow();
  expect(() => wellFormed('<svg a="x & y"/>')).toThrow();
  expect(() => wellFormed('<svg a=x/>')).toThrow();
  expect(() => wellFormed('<svg/><svg/>')).toThrow();
  wellFormed('<svg a="&amp;&#10;"><g>&lt;x&gt;</g></svg>');
});

describe('escapeXml', () => {
  it('escapes markup characters in text and attributes', () => {
    expect(escapeXmlText('a & b < c > d "e" \'f\'')).toBe('a &amp; b &lt; c &gt; d "e" \'f\'');
    expect(escapeXmlAttr('a & b < "e" \'f\'\tg\nh')).toBe('a &amp; b &lt; &quot;e&quot; &apos;f&apos;&#9;g&#10;h');
  });

  it('replaces characters XML cannot carry with U+FFFD, keeping surrogate pairs', () => {
    expect(escapeXmlText('a\u0000b\u001fc\uFFFEd\uDC00e\uD800')).toBe('a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFD');
    expect(escapeXmlText('tab\tnl\n😀')).toBe('tab\tnl\n😀');
  });
});

describe('pageToSvg', () => {
  const svg = pageToSvg(PAGE, TABLES, { title: 'doc <1> & page 1' });

  it('is one well-formed SVG document over the page box with a white background', () => {
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')).toBe(
      true,
    );
    expect(svg).toContain('viewBox="0 0 200 100.13"');
    expect(svg).toContain('<rect class="page" x="0" y="0" width="200" height="100.13" fill="#ffffff"/>');
    expect(svg.endsWith('</svg>\n')).toBe(true);
    expect(svg).toContain('<title>doc &lt;1&gt; &amp; page 1</title>');
    wellFormed(svg);
  });

  it('draws every span: a box and its text at its position, escaped', () => {
    expect(count(svg, /<rect class="span" /g)).toBe(3);
    expect(count(svg, /<text class="span-text" /g)).toBe(3);
    expect(svg).toContain('<rect class="span" x="10" y="10" width="80" height="10"/>');
    expect(svg).toContain('>A&amp;B &lt;C&gt; "q" \'s\'</text>');
    expect(svg).toContain('>bell\uFFFD lone\uFFFD ok😀</text>');
    expect(svg).toMatch(/<text class="span-text" x="10" y="18\.8" font-size="10" textLength="80"/);
  });

  it('draws a vertical span top-down on its centre line', () => {
    expect(svg).toContain(
      '<text class="span-text" x="185" y="10" font-size="10" textLength="30" lengthAdjust="spacingAndGlyphs" style="writing-mode:vertical-rl;text-orientation:upright">資料1</text>',
    );
  });

  it('draws every ruling as a red line', () => {
    expect(count(svg, /<line class="ruling" /g)).toBe(2);
    expect(svg).toContain('<line class="ruling" x1="10" y1="50" x2="110" y2="50"/>');
    expect(svg).toContain('<line class="ruling" x1="10" y1="50" x2="10" y2="90"/>');
    expect(svg).toMatch(/<g class="rulings" stroke="#e00000"/);
  });

  it("draws only this page's tables: cells with a box (1 pt inside it), and a label with method and quality", () => {
    expect(count(svg, /<g class="table" /g)).toBe(1);
    expect(svg).toContain('<g class="table" data-index="0" data-method="stream" data-quality="0.88">');
    expect(count(svg, /<rect class="cell" /g)).toBe(2);
    expect(svg).toContain('<rect class="cell" x="11" y="51" width="48" height="38" data-row="0" data-col="0"/>');
    expect(svg).toContain('<rect class="table-box" x="10" y="50" width="100" height="40"');
    expect(svg).toMatch(/<text class="table-label" x="10" y="48" [^>]*>table 0 · stream 1×2 · quality 0\.88<\/text>/);
    expect(svg).not.toContain('table 1');
    expect(svg).toMatch(/<g class="tables" [^>]*stroke="#1f4fd1"/);
  });

  it('draws rulings above the tables', () => {
    expect(svg.indexOf('<g class="rulings"')).toBeGreaterThan(svg.indexOf('<rect class="cell"'));
  });

  it('puts the label inside a table that starts at the top of the page', () => {
    const top = pageToSvg(PAGE, [{ ...TABLES[0]!, bbox: { x0: 0, y0: 2, x1: 50, y1: 40 } }]);
    expect(top).toMatch(/<text class="table-label" x="0" y="10" /);
  });

  it('is deterministic, and a page without tables or text still gives a valid document', () => {
    expect(pageToSvg(PAGE, TABLES, { title: 'doc <1> & page 1' })).toBe(svg);
    const empty = pageToSvg({ ...PAGE, spans: [], rulings: [], needsOcr: true, width: 0, height: 0 });
    wellFormed(empty);
    expect(empty).toContain('viewBox="0 0 1 1"');
    expect(empty).toContain('needs OCR');
    expect(count(empty, /<rect class="cell" /g)).toBe(0);
  });
});
