/**
 * CHANGELOG.md (Keep a Changelog) read as data: the version of its newest release, and a release's
 * section, which the release workflow publishes as the GitHub release's notes.
 */

export interface Release {
  version: string;
  date: string;
  /** The section's text without its heading, trimmed. */
  notes: string;
}

const HEADING = /^## \[(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)\](?: - (\d{4}-\d{2}-\d{2}))?\s*$/gm;

/** Releases newest first; `## [Unreleased]` is not one. */
export function releases(changelog: string): Release[] {
  const headings = [...changelog.matchAll(HEADING)];
  return headings.map((h, i) => {
    const start = h.index + h[0].length;
    // A section ends at the next `## ` heading, or at the link definitions that close the file.
    const rest = changelog.slice(start, headings[i + 1]?.index ?? changelog.length);
    const end = rest.search(/^(## |<!--|\[[^\]]+\]: )/m);
    return { version: h[1]!, date: h[2] ?? '', notes: (end < 0 ? rest : rest.slice(0, end)).trim() };
  });
}

export function release(changelog: string, version: string): Release | undefined {
  return releases(changelog).find((r) => r.version === version.replace(/^v/, ''));
}
