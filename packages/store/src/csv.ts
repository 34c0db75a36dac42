/** RFC 4180 field: quoted when it holds a comma, a double quote or a line break; quotes doubled. */
export function csvField(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** One CSV record (line end `\n`, which every reader accepts; fields are quoted by RFC 4180 rules). */
export function csvRecord(fields: readonly string[]): string {
  return `${fields.map(csvField).join(',')}\n`;
}
