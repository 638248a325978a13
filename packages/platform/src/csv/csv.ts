// CSV out, streamed: rows are pulled one batch at a time as the client reads (Readable.from
// respects back-pressure), so memory stays flat at any size. RFC 4180 quoting; text cells that
// start with =, +, -, @, tab or CR get a leading apostrophe so a spreadsheet shows them as
// text instead of running them as formulas (OWASP "CSV injection").
import { Readable } from 'node:stream';

export type CsvValue = string | number | boolean | Date | null | undefined;

const NEEDS_QUOTES = /[",\r\n]/;
// = + - @ tab CR: a spreadsheet would run the cell as a formula.
const FORMULA_FIRST = new Set([0x3d, 0x2b, 0x2d, 0x40, 0x09, 0x0d]);
const isSpace = (code: number) => code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  let text = value instanceof Date ? value.toISOString() : value;
  if (text === '') return '';
  if (FORMULA_FIRST.has(text.charCodeAt(0))) text = `'${text}`;
  const padded = isSpace(text.charCodeAt(0)) || isSpace(text.charCodeAt(text.length - 1));
  return padded || NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

export interface CsvColumn<T> {
  header: string;
  value(row: T): CsvValue;
}

/**
 * A stream of CSV text: the header line, then one line per row of `rows` (an async iterable,
 * typically batches read with a keyset). Lines are grouped into chunks of about 64 KiB.
 */
export function csvStream<T>(columns: readonly CsvColumn<T>[], rows: AsyncIterable<readonly T[]>): Readable {
  async function* lines() {
    yield `\uFEFF${csvLine(columns.map((c) => c.header))}`;
    let chunk = '';
    for await (const batch of rows) {
      for (const row of batch) {
        for (let i = 0; i < columns.length; i++) {
          if (i > 0) chunk += ',';
          chunk += csvCell((columns[i] as CsvColumn<T>).value(row));
        }
        chunk += '\r\n';
        if (chunk.length >= 65_536) {
          yield chunk;
          chunk = '';
        }
      }
    }
    if (chunk) yield chunk;
  }
  return Readable.from(lines(), { objectMode: false, highWaterMark: 65_536 });
}
