import { escapeHtml } from './report-text';

// The few HTML elements the printable report is made of. Cells are plain text, escaped
// here on their way into the markup; no other markup reaches the report.

export const REPORT_STYLE = `
  body { font: 10.5pt/1.4 -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; color: #111; margin: 24px; }
  h1 { font-size: 18pt; margin: 0 0 4px; }
  h2 { font-size: 13pt; margin: 24px 0 8px; border-bottom: 1px solid #999; padding-bottom: 2px; page-break-after: avoid; }
  h3 { font-size: 11pt; margin: 16px 0 6px; }
  p.meta { color: #444; margin: 0 0 4px; }
  p.conclusion { font-weight: 600; margin: 0 0 6px; }
  table { border-collapse: collapse; width: 100%; margin: 0 0 12px; page-break-inside: auto; }
  tr { page-break-inside: avoid; }
  th, td { border: 1px solid #bbb; padding: 3px 6px; text-align: left; vertical-align: top; }
  th { background: #eee; }
  td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
  table.kv th { width: 40%; }
  tr.total td { font-weight: bold; }
  .note { color: #555; font-size: 9pt; }
  @media print { body { margin: 0; } a { color: inherit; text-decoration: none; } }
`;

/** A cell: plain text, right-aligned when it is a figure. */
export interface Cell {
  text: string;
  figure?: boolean;
}

export const num = (text: string): Cell => ({ text, figure: true });
export const txt = (text: string): Cell => ({ text });

function td(cell: Cell | string): string {
  const c = typeof cell === 'string' ? txt(cell) : cell;
  return c.figure ? `<td class="n">${escapeHtml(c.text)}</td>` : `<td>${escapeHtml(c.text)}</td>`;
}

export function table(
  headers: readonly string[],
  rows: readonly (Cell | string)[][],
  totalRow?: (Cell | string)[],
): string {
  const head = `<tr>${headers.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr>`;
  const body = rows.map((row) => `<tr>${row.map(td).join('')}</tr>`).join('\n');
  const total = totalRow ? `\n<tr class="total">${totalRow.map(td).join('')}</tr>` : '';
  return `<table>\n<thead>${head}</thead>\n<tbody>\n${body}${total}\n</tbody>\n</table>`;
}

export function keyValues(pairs: readonly [string, Cell | string][]): string {
  const rows = pairs
    .map(([key, value]) => `<tr><th>${escapeHtml(key)}</th>${td(value)}</tr>`)
    .join('\n');
  return `<table class="kv">\n<tbody>\n${rows}\n</tbody>\n</table>`;
}

export function paragraph(text: string, cls = 'note'): string {
  return `<p class="${cls}">${escapeHtml(text)}</p>`;
}
