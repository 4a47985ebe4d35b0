import { describe, expect, it } from '@jest/globals';
import { annotations, H, rollback, sandboxWith } from './helpers.js';

const HASHES = [H('v1'), H('v2'), H('v3')];

describe('bad input is refused before any request, naming the input', () => {
  it.each([
    ['app_id', { app_id: 'not-hex!' }],
    ['vm_uuids', { vm_uuids: 'web-1, web-2' }],
    ['revision', { revision: 'previous~0' }],
    ['transaction_hash', { transaction_hash: '0x123' }],
    ['timeout', { timeout: 'ten minutes' }],
    ['wait', { wait: 'maybe' }],
    ['dry_run', { dry_run: 'yes' }],
    ['provider', { provider: 'heroku' }],
    ['api_url', { api_url: 'http://cloud-api.phala.com/api/v1' }]
  ])('%s', async (input, inputs) => {
    const sandbox = await sandboxWith({ hashes: HASHES });
    const run = await rollback(sandbox, inputs);
    expect(run.exitCode).toBe(1);
    const [error] = annotations(run);
    expect(error!.title).toBe(`Invalid input '${input}'`);
    expect(sandbox.requests).toHaveLength(0);
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at .+\(.*:\d+:\d+\)/); // no stack trace
  });

  it('refuses to run without a key, saying where to put it', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES });
    const run = await rollback(sandbox, { api_key: '' });
    expect(annotations(run)[0]).toMatchObject({ title: "Invalid input 'api_key'" });
    expect(annotations(run)[0]!.message).toContain('PHALA_CLOUD_API_KEY');
    expect(sandbox.requests).toHaveLength(0);
  });
});

describe('platform errors say what is wrong and what to do', () => {
  it('401: the key', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES });
    const run = await rollback(sandbox, { api_key: 'phak_wrong' });
    expect(run.exitCode).toBe(1);
    expect(annotations(run)[0]).toMatchObject({ title: 'Phala Cloud rejected the API key' });
    expect(annotations(run)[0]!.message).toContain('Nothing was redeployed');
    expect(sandbox.requests).toHaveLength(1); // a 401 is not retried
  });

  it('403: the workspace', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES, workspaceAccess: false });
    const run = await rollback(sandbox);
    expect(annotations(run)[0]!.message).toMatch(/workspace/);
    expect(annotations(run)[0]!.message).toContain('Nothing was redeployed');
  });

  it('404: the app id', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES });
    const run = await rollback(sandbox, { app_id: 'ffffffffffffffffffffffffffffffffffffffff' });
    expect(annotations(run)[0]).toMatchObject({ title: 'App not found' });
    expect(annotations(run)[0]!.message).toContain('app_id');
    expect(sandbox.requests).toHaveLength(1);
  });

  it("422 on the redeploy shows the platform's detail", async () => {
    const body = JSON.stringify({ detail: [{ loc: ['body', 'vm_uuids', 0], msg: 'CVM is being deleted', type: 'value_error' }] });
    const sandbox = await sandboxWith({ hashes: HASHES, faults: [{ endpoint: 'redeploy', kind: 'status', status: 422, body }] });
    const run = await rollback(sandbox);
    expect(run.exitCode).toBe(1);
    expect(annotations(run)[0]!.message).toContain('body.vm_uuids.0: CVM is being deleted');
    expect(sandbox.redeploys).toHaveLength(0);
  });

  it('465: names transaction_hash, shows the hash to register and how, and still sets compose_hash', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES, onchainKms: true });
    const run = await rollback(sandbox);
    expect(run.exitCode).toBe(1);
    const [error] = annotations(run);
    expect(error!.title).toContain('transaction_hash');
    expect(error!.message).toContain(`0x${H('v2')}`);
    expect(error!.message).toContain('addComposeHash');
    expect(error!.message).toContain('ERR-01-005');
    expect(error!.message).toContain('chain_id=');
    expect(run.outputs.compose_hash).toBe(H('v2'));
    expect(sandbox.redeploys).toHaveLength(0);
  });

  it('on-chain KMS with transaction_hash: passes it as the query parameter and completes', async () => {
    const tx = `0x${H('tx')}`;
    const sandbox = await sandboxWith({ hashes: HASHES, onchainKms: true, registeredTxHashes: [tx] });
    const run = await rollback(sandbox, { transaction_hash: tx.toUpperCase().replace('0X', '0x') });
    expect(run.exitCode).toBe(0);
    expect(sandbox.redeploys).toEqual([expect.objectContaining({ transactionHash: tx })]);
  });

  it('467: the transaction could not be verified', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES, onchainKms: true, registeredTxHashes: [`0x${H('tx')}`] });
    const run = await rollback(sandbox, { transaction_hash: `0x${H('other')}` });
    expect(annotations(run)[0]).toMatchObject({ title: 'transaction_hash not accepted' });
    expect(sandbox.redeploys).toHaveLength(0);
  });
});

describe('secrets', () => {
  it('the key appears only in the add-mask command, even with debug logging on', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES });
    const run = await rollback(sandbox, {}, { env: { RUNNER_DEBUG: '1' } });
    expect(run.exitCode).toBe(0);
    const key = sandbox.scenario.apiKey;
    const lines = (run.stdout + run.stderr).split('\n').filter((line) => line.includes(key));
    expect(lines).toEqual([`::add-mask::${key}`]);
    expect(JSON.stringify(run.outputs)).not.toContain(key);
    expect(run.summary).not.toContain(key);
    expect(run.stdout).toMatch(/::debug::GET \/api\/v1\/apps\/\w+\/cvms → 200/); // debug shows requests, not headers
    expect(run.stdout.toLowerCase()).not.toContain('x-api-key');
  });

  it('the key is masked also when it comes from PHALA_CLOUD_API_KEY and a request fails', async () => {
    const sandbox = await sandboxWith({ hashes: HASHES, workspaceAccess: false });
    const run = await rollback(sandbox, { api_key: '' }, { env: { PHALA_CLOUD_API_KEY: sandbox.scenario.apiKey, RUNNER_DEBUG: '1' } });
    const key = sandbox.scenario.apiKey;
    expect((run.stdout + run.stderr).split('\n').filter((line) => line.includes(key))).toEqual([`::add-mask::${key}`]);
  });
});
