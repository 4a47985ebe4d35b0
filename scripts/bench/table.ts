/** Rendering of the benchmark's figures: Markdown tables that read as plain text in a terminal too. */

export type Cell = string | number | undefined;

/** A GitHub-flavoured Markdown table, columns padded to equal width. Undefined cells print as '–'. */
export function renderTable(headers: readonly string[], rows: ReadonlyArray<readonly Cell[]>): string {
  const text = (cell: Cell): string => (cell === undefined ? '–' : String(cell)).replace(/\|/g, '\\|');
  const body = rows.map((row) => headers.map((_, i) => text(row[i])));
  const widths = headers.map((h, i) => Math.max(h.length, 3, ...body.map((row) => row[i]!.length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

/** Milliseconds for people: '840 ms' below ten seconds, '12.3 s' above. */
export function formatMs(ms: number | undefined): string | undefined {
  if (ms === undefined || !Number.isFinite(ms)) return undefined;
  return ms < 10_000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** `measured` as a multiple of `baseline`, e.g. '0.28×'; undefined when either is missing. */
export function formatRatio(measured: number | undefined, baseline: number | undefined): string | undefined {
  if (measured === undefined || baseline === undefined || !Number.isFinite(measured) || !Number.isFinite(baseline) || baseline <= 0) return undefined;
  const ratio = measured / baseline;
  return `${ratio < 10 ? ratio.toFixed(2) : ratio.toFixed(0)}×`;
}

export function formatRate(perSecond: number | undefined): string | undefined {
  return perSecond === undefined || !Number.isFinite(perSecond) ? undefined : `${perSecond.toFixed(2)}/s`;
}
