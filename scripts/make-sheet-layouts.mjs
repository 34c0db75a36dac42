#!/usr/bin/env node
/**
 * Writes the spreadsheet inputs of test/sheets/ (issue 14 item 9), committed as written: a CSV in Shift_JIS, as
 * Excel saves 「CSV (コンマ区切り)」 on a Japanese Windows, and an XLSX workbook written with exceljs (the library
 * shiryo reads workbooks with). Their expectations are typed by hand in test/sheets.test.ts.
 *
 *   node scripts/make-sheet-layouts.mjs
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(ROOT, 'packages/extractor/package.json'));
const ExcelJS = require('exceljs');
const Encoding = require('encoding-japanese');
const OUT = join(ROOT, 'test/sheets');

// 所沢市: services' plans and results by fiscal year, a unit column, thousands in quoted fields, a quoted name with a
// comma, CRLF line ends (as Excel writes them).
const csv = [
  '所沢市 障害福祉サービスの見込量と実績',
  'サービス,単位,令和3年度計画,令和3年度実績,令和4年度計画,令和4年度実績',
  '共同生活援助,人/月,410,428,430,446',
  '就労継続支援（B型）,人日/月,"1,204","1,150","1,250","1,198"',
  '"計画相談支援, サービス利用支援",人/月,300,288,310,305',
  '',
].join('\r\n');
const sjis = Encoding.convert(Encoding.stringToCode(csv), { to: 'SJIS', from: 'UNICODE' });
writeFileSync(join(OUT, '所沢市_サービス実績.csv'), Uint8Array.from(sjis));

// 熊谷市: one sheet per topic; a two-level header whose years are merged over 計画 and 実績, a result given by a
// formula, an achievement rate formatted as a percentage, a note row, an empty sheet.
const wb = new ExcelJS.Workbook();
wb.created = new Date(Date.UTC(2024, 2, 1));
wb.modified = wb.created;
const ws = wb.addWorksheet('居住系サービス');
ws.addRow(['共同生活援助の見込量と実績（単位：人／月）']);
ws.addRow(['サービス', '令和3年度', null, '令和4年度', null]);
ws.addRow([null, '計画', '実績', '計画', '実績']);
ws.addRow(['共同生活援助', 260, 271, 280, { formula: 'C4+25', result: 296 }]);
ws.addRow(['施設入所支援', 150, 148, 148, 145]);
ws.mergeCells('B2:C2');
ws.mergeCells('D2:E2');
ws.mergeCells('A2:A3');
const rate = wb.addWorksheet('達成率');
rate.addRow(['共同生活援助の達成率']);
rate.addRow(['区分', '令和3年度', '令和4年度']);
rate.addRow(['達成率', 271 / 260, 296 / 280]);
rate.getCell('B3').numFmt = '0.0%';
rate.getCell('C3').numFmt = '0.0%';
wb.addWorksheet('空');
writeFileSync(join(OUT, '熊谷市_実績.xlsx'), Buffer.from(await wb.xlsx.writeBuffer()));
console.log(`wrote ${OUT}`);
