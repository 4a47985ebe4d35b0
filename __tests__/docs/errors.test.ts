import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { errorTitles, type Title } from '../../scripts/docs/error-titles.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const table = readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8');
const { titles, unresolved } = errorTitles(root);

/** The backticked titles in the first column of the tables whose header starts with `header`. */
function documented(header: string): string[] {
  const found: string[] = [];
  let inTable = false;
  for (const line of table.split('\n')) {
    if (line.startsWith(`| ${header} |`)) inTable = true;
    else if (!line.startsWith('|')) inTable = false;
    else if (inTable && !line.startsWith('| ---')) found.push(...[...line.split(' | ')[0]!.matchAll(/`([^`]+)`/g)].map((m) => m[1]!));
  }
  return found;
}

/** Titles in the code no table entry covers, and table entries that are no title of the code. */
function compare(kind: Title['kind'], header: string) {
  const inCode = titles.filter((t) => t.kind === kind);
  const inTable = documented(header);
  const missing = [...new Set(inCode.filter((t) => !inTable.some((d) => t.pattern.test(d))).map((t) => `${t.text}   (${t.where})`))];
  const stale = inTable.filter((d) => !inCode.some((t) => t.pattern.test(d)));
  return { inCode, inTable, missing, stale };
}

describe('docs/errors.md', () => {
  it('can read every title in the code (a computed title would slip past the table)', () => {
    expect(unresolved).toEqual([]);
    expect(titles.filter((t) => t.text.replace(/…/g, '').trim().length < 3).map((t) => t.where)).toEqual([]);
  });

  it('explains every error title the code can print, and none it cannot', () => {
    const { inCode, inTable, missing, stale } = compare('error', 'annotation title');
    expect(inCode.length).toBeGreaterThan(40);
    expect(inTable.length).toBeGreaterThan(40);
    // Each entry: the title as the code writes it (…: any text), then where; add it to the table.
    expect({ 'missing from docs/errors.md': missing, 'in docs/errors.md but not in src/': stale }).toEqual({
      'missing from docs/errors.md': [],
      'in docs/errors.md but not in src/': []
    });
  });

  it('lists every warning title the code can print, and none it cannot', () => {
    const { missing, stale } = compare('warning', 'warning title');
    expect({ 'warnings missing from docs/errors.md': missing, 'warnings in docs/errors.md but not in src/': stale }).toEqual({
      'warnings missing from docs/errors.md': [],
      'warnings in docs/errors.md but not in src/': []
    });
  });

  it('has a section for every platform, linked from its top', () => {
    for (const section of ['Any platform', 'Phala Cloud', 'Camunda 7', 'Qovery', 'Warnings', 'Troubleshooting']) {
      expect(table).toMatch(new RegExp(`^## ${section}$`, 'm'));
      expect(table).toContain(`(#${section.toLowerCase().replace(/ /g, '-')})`);
    }
  });
});

describe('reading titles from the sources', () => {
  it('treats ${…} as any text, so one template covers each concrete title', () => {
    const notActedOn = titles.find((t) => t.text === '… not acted on');
    expect(notActedOn?.pattern.test('Redeploy not acted on')).toBe(true);
    expect(notActedOn?.pattern.test('Deploy request not acted on')).toBe(true);
    expect(titles.find((t) => t.text === "Invalid input '…'")?.pattern.test("Invalid input '<name>'")).toBe(true);
    expect(titles.find((t) => t.text === 'Rollback timed out')?.pattern.test('Rollback timed out (again)')).toBe(false);
  });

  it('finds titles however they are written: a subclass, a const, a `title:` literal, a warning', () => {
    const texts = titles.map((t) => `${t.kind}: ${t.text}`);
    expect(texts).toEqual(
      expect.arrayContaining([
        'error: Rollback timed out',
        'error: Response from … too large',
        'error: Rollback cancelled',
        'error: Platform unreachable',
        'warning: GitHub deployment record'
      ])
    );
  });
});
