import { describe, expect, it } from '@jest/globals';
import { ActionError } from '../../src/errors.js';
import { checkOutput, OUTPUT_NAMES } from '../../src/report/outputs.js';

const HASH = 'ab'.repeat(32);

describe('checkOutput', () => {
  it.each([
    ['compose_hash', HASH],
    ['previous_compose_hash', ''],
    ['revision_id', 'rev_AbC-123'],
    ['vm_uuids', '["3f2b9c1e-5d4a-4c2b-9e8f-0a1b2c3d4e5f"]'],
    ['status', 'cancelled'],
    ['deployment_id', '8f2a3b4c-0000-11ef-9a1b-0242ac120002'],
    ['services', '[{"id":"3f2b9c1e-5d4a-4c2b-9e8f-0a1b2c3d4e5f","name":"api","type":"APPLICATION","from":"abc123","to":"def456"}]'],
    ['console_url', 'https://cloud.phala.com/dashboard/cvms/3f2b9c1e-5d4a-4c2b-9e8f-0a1b2c3d4e5f'],
    ['console_url', 'http://127.0.0.1:4010/dashboard/cvms/3f2b9c1e-5d4a-4c2b-9e8f-0a1b2c3d4e5f'],
    ['console_url', 'http://localhost:8080/x'],
    ['health', 'healthy']
  ])('passes a well-formed %s', (name, value) => {
    expect(checkOutput(name, value)).toBe(value);
  });

  it.each([
    ['compose_hash', `0x${HASH}`],
    ['compose_hash', 'ab'.repeat(31)],
    ['revision_id', 'rev_1; rm -rf /'],
    ['revision_id', '$(curl evil)'],
    ['revision_id', 'x'.repeat(129)],
    ['vm_uuids', '["web-1"]'],
    ['vm_uuids', 'not json'],
    ['status', 'done'],
    ['services', '[{"id":"3f2b9c1e-5d4a-4c2b-9e8f-0a1b2c3d4e5f","name":"a`id`","type":"APPLICATION","from":"a","to":"b"}]'],
    ['console_url', 'javascript:alert(1)'],
    ['console_url', 'http://example.com/dashboard'],
    ['console_url', 'http://127.0.0.1.evil.example/x'],
    ['console_url', 'https://cloud.phala.com/x?a=1&b=$(id)']
  ])('refuses a malformed %s (%j), naming the field', (name, value) => {
    expect(() => checkOutput(name, value)).toThrow(ActionError);
    try {
      checkOutput(name, value);
    } catch (error) {
      expect((error as ActionError).title).toContain(`'${name}'`);
    }
  });

  it('knows exactly the outputs action.yml declares', async () => {
    const { readFileSync } = await import('node:fs');
    const yml = readFileSync(new URL('../../action.yml', import.meta.url), 'utf8');
    const declared = [...(yml.split(/^outputs:\s*$/m)[1] ?? '').matchAll(/^ {2}([a-z_]+):\s*$/gm)].map((m) => m[1]);
    expect([...declared].sort()).toEqual([...OUTPUT_NAMES].sort());
  });
});
