/**
 * Text from the API (CVM names, usernames, error messages) is put into the job summary, which
 * GitHub renders as Markdown with HTML. Entities keep a `|`, `<`, or backtick in a name from
 * breaking the table or injecting markup.
 */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/`/g, '&#96;')
    .replace(/\|/g, '&#124;')
    .replace(/\[/g, '&#91;')
    .replace(/\]/g, '&#93;')
    .replace(/\*/g, '&#42;')
    .replace(/\\/g, '&#92;')
    .replace(/\r?\n/g, '<br>');
}

export function code(text: string): string {
  return `<code>${escapeHtml(text)}</code>`;
}
