import type { FlatTable } from "./flatten-rows";

/**
 * Text a spreadsheet would run as a formula (OWASP, "CSV injection"): it starts with `=`, `+`,
 * `@`, a tab or a carriage return, or with `-` when it is not a number. Member admins type some of
 * this data (event titles, signatory names), so such a cell gets a leading `'`, which spreadsheets
 * show as text and do not run.
 */
const FORMULA = /^([=+@\t\r]|-(?!\d+(\.\d+)?$))/;

/** A field quoted as RFC 4180 asks (in double quotes, with quotes doubled, when it holds a comma, quote or line break), formulas defused. */
export function csvField(value: string): string {
  const text = FORMULA.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The table as RFC 4180 CSV (CRLF line ends, a header row, one line per row, missing cells empty),
 * after `firstLine` written as given: the attribution the data's licences require, as a `#` line
 * that most readers can skip (pandas `comment="#"`, R `comment.char = "#"`).
 */
export function toCsv(table: FlatTable, firstLine: string): string {
  const lines = [firstLine, table.columns.map(csvField).join(",")];
  for (const row of table.rows) lines.push(table.columns.map((column) => csvField(row[column] ?? "")).join(","));
  return `${lines.join("\r\n")}\r\n`;
}
