/**
 * What a markdown converter (markitdown, docling, pandoc) adds to a report's text, taken off each line before the
 * line is read: emphasis (`**5,570**`, `__小計__`), footnote references (`療育手帳[^1]`; a footnote's own line
 * `[^1]: …` becomes a `※` note), backslash escapes (`shogai\_techo`, `\*`), `<br>` inside pipe-table cells (a label
 * and its unit: `利用者数<br>（人/月）`), image lines (`![図1](image_001.png)`: the caption line below says the same)
 * and page markers (`<!-- page 3 -->`, `<!-- PageBreak -->`: a page break, like a blank line).
 */
const PAGE_MARKER = /^\s*<!--[\s\S]*?-->\s*$/u;
const IMAGE = /^\s*!\[[^\]]*\]\([^)]*\)\s*$/u;

export function cleanMarkdownLine(line: string): string {
  if (PAGE_MARKER.test(line) || IMAGE.test(line)) return '';
  let t = line
    .replace(/^(\s*)\[\^[^\]\s]+\]:\s*/u, '$1※')
    .replace(/\[\^[^\]\s]+\]/gu, '')
    .replace(/\*\*([^*]*?)\*\*/gu, '$1')
    .replace(/__([^_]*?)__/gu, '$1')
    .replace(/\\([*_#`[\]\\-])/gu, '$1');
  // a whole line in italics (`*図1 …*`)
  t = t.replace(/^(\s*)\*([^*\s][^*]*?)\*\s*$/u, '$1$2');
  if (/^\s*\|/u.test(t)) t = t.replace(/<br\s*\/?>/giu, ' ');
  return t;
}
