import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { ACTION_VERSION } from '../src/version.js';

describe('version', () => {
  it('matches package.json, so the User-Agent names the release that runs', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(ACTION_VERSION).toBe(pkg.version);
  });
});
