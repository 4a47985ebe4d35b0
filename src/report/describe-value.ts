/**
 * A platform-supplied value of any shape as short text, without unbounded recursion: nesting is
 * cut at a small depth and the result at a fixed length, whatever the server sends.
 */
export function describeValue(value: unknown, maxLength = 500, maxDepth = 3): string {
  const text = render(value, maxDepth, maxLength);
  return text.length > maxLength ? `${text.slice(0, maxLength)}…` : text;
}

function render(value: unknown, depth: number, budget: number): string {
  if (value === null || value === undefined) return String(value);
  if (typeof value === 'string') return value.length > budget ? `${value.slice(0, budget)}…` : value;
  if (typeof value !== 'object') return String(value);
  if (depth <= 0) return Array.isArray(value) ? '[…]' : '{…}';
  const parts: string[] = [];
  let used = 0;
  const entries = Array.isArray(value) ? value.map((item, i) => [String(i), item] as const) : Object.entries(value as Record<string, unknown>);
  for (const [key, item] of entries) {
    if (used > budget) {
      parts.push('…');
      break;
    }
    const piece = Array.isArray(value) ? render(item, depth - 1, budget - used) : `${key}: ${render(item, depth - 1, budget - used)}`;
    used += piece.length + 2;
    parts.push(piece);
  }
  return Array.isArray(value) ? `[${parts.join(', ')}]` : `{${parts.join(', ')}}`;
}
