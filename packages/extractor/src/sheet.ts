/**
 * Spreadsheets as tables (issue 14 item 9): many cities publish their 実績 as CSV or Excel. Both are written as the
 * tab-separated text the TSV reader already reads (a row per line, cells apart by tabs), so a sheet's tables, its
 * title lines and captions, header rows and repairs are read as those of a TSV export:
 *
 * - CSV (RFC 4180: quoted fields with commas, quotes and line breaks): decoded by the same sniff as every text export
 *   (UTF-8 with or without a BOM, UTF-16 with a BOM, Shift_JIS/CP932 — Excel's 「CSV」 on a Japanese Windows — or
 *   EUC-JP). A tab or a line break inside a field becomes a space, so a record is one line.
 * - XLSX, read with exceljs: each worksheet in workbook order, its name on a line of its own and a blank line above its
 *   rows (a block of its own, not joined to the sheet's title line), a blank line between sheets. A merged range's value is written in its first cell only (as
 *   Excel saves a sheet as text); a formula gives its cached result; a number formatted as a percentage is written
 *   in percent with the format's decimals (`0.0%` over `1.0423` → `104.2%`); a date as `YYYY-MM-DD`; rich text as
 *   its text. Line numbers are those of this text.
 */
import type ExcelJS from 'exceljs';

let excel: Promise<typeof ExcelJS> | undefined;
/**
 * exceljs, imported on the first workbook: with its dependencies (jszip, unzipper, archiver, bluebird, readable-stream
 * …, ~400 modules) it was a fixed cost of every shiryo process, PDF or text, that never reads a spreadsheet.
 */
const loadExcel = (): Promise<typeof ExcelJS> => {
  excel ??= import('exceljs').then((m) => m.default);
  return excel;
};

/** The records of a CSV text (RFC 4180; a lone CR or LF ends a record too). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === '') {
      quoted = true;
      i++;
    } else if (ch === ',') {
      row.push(field);
      field = '';
      i++;
    } else if (ch === '\r' || ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += ch;
      i++;
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** A cell as one TSV field: tabs and line breaks inside it become spaces, the ends trimmed. */
const tsvField = (s: string): string => s.replace(/[\t\r\n]+/g, ' ').trim();

/** Rows as TSV lines; a row of one field is a line of text (a title or a note), an empty row a blank line. */
function tsvLines(rows: readonly (readonly string[])[]): string[] {
  return rows.map((r) => {
    const cells = r.map(tsvField);
    while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
    return cells.join('\t');
  });
}

/** CSV text → the TSV text the text-export reader reads. */
export function csvToTsv(text: string): string {
  return `${tsvLines(parseCsv(text.replace(/^\ufeff/, ''))).join('\n')}\n`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** One cell's value as text (see the module comment). */
function cellText(cell: ExcelJS.Cell): string {
  if (cell.isMerged && cell.master.address !== cell.address) return '';
  let v: unknown = cell.value;
  if (v && typeof v === 'object' && 'result' in v) v = (v as { result?: unknown }).result;
  if (v && typeof v === 'object' && 'formula' in v) return '';
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}`;
  if (typeof v === 'number') {
    // a percentage as the sheet shows it: `0.0%` over 1.0423 → 104.2%
    if (cell.numFmt?.includes('%')) return `${(v * 100).toFixed(/\.(0+)%/.exec(cell.numFmt)?.[1]?.length ?? 0)}%`;
    return String(v);
  }
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'object') {
    if ('richText' in v) return (v as { richText: { text: string }[] }).richText.map((t) => t.text).join('');
    if ('text' in v) return String((v as { text: unknown }).text);
    if ('error' in v) return '';
  }
  return String(v);
}

export interface SheetText {
  /** The workbook as TSV text: per sheet its name, then its rows. */
  text: string;
  sheets: string[];
}

/** An XLSX workbook → the TSV text the text-export reader reads. Throws on bytes that are no workbook. */
export async function xlsxToText(bytes: Uint8Array): Promise<SheetText> {
  const wb = new (await loadExcel()).Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const parts: string[] = [];
  const sheets: string[] = [];
  wb.eachSheet((ws) => {
    sheets.push(ws.name);
    const rows: string[][] = [];
    const width = ws.columnCount;
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const cells: string[] = [];
      for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c)));
      rows.push(cells);
    }
    parts.push([ws.name, '', ...tsvLines(rows)].join('\n'));
  });
  return { text: `${parts.join('\n\n')}\n`, sheets };
}
