/**
 * CSV as spreadsheets read it (RFC 4180): fields quoted when they hold a comma, a quote or a line
 * break, CRLF between rows, and a byte-order mark so that Excel reads Devanagari as UTF-8. A field
 * that starts like a formula (=, +, -, @) is prefixed with a quote mark, so a task title cannot run
 * as a formula in the reader's spreadsheet.
 */
export function csvOf(rows: readonly (readonly string[])[]): string {
  const field = (value: string) => {
    const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return `\uFEFF${rows.map((row) => row.map(field).join(',')).join('\r\n')}\r\n`;
}
