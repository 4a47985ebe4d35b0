import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';

// What dist/index.js holds is what every run compiles before its first request; what a run may
// not need lives in chunks loaded on use (ncc splits each dynamic import into one).
const main = readFileSync(join(process.cwd(), 'dist', 'index.js'), 'utf8');
const modules = [...main.matchAll(/CONCATENATED MODULE: (\S+)/g)].map((m) => m[1]!);

describe('the start-up bundle (dist/index.js)', () => {
  it('holds no third-party package: neither @actions/core (its OIDC client loads undici) nor the HTTP stacks', () => {
    expect(main).not.toMatch(/node_modules/);
    expect(main).not.toMatch(/OidcClient|ProxyAgent|tunnel/);
  });

  it("holds no platform's provider: each is loaded only when the settings name it", () => {
    const providers = modules.filter((m) => m.startsWith('./src/providers/') && !/\/(registry|provider)\.ts$|\/inputs\.ts$/.test(m));
    expect(providers).toEqual([]);
    expect(main).not.toMatch(/class (PhalaApi|CamundaApi|QoveryApi|ApiClient)\b/);
  });

  it('stays small', () => {
    expect(main.length).toBeLessThan(160 * 1024);
  });
});
