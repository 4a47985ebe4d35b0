import { InputError } from '../../errors.js';
import { canonicalUuid, parseApiUrl, parseSecret, quoteInput, readInput, splitList, type InputReader, type Masker } from '../../inputs/parse.js';
import { parseRevisionSelector } from '../../revision-selector.js';
import type { CommonInputs } from '../../settings.js';
import type { PhalaSettings } from '../../settings.js';

export const PHALA_DEFAULT_API_URL = 'https://cloud-api.phala.com/api/v1';

/**
 * Phala's inputs. The official CLI and SDKs read PHALA_CLOUD_API_KEY and PHALA_CLOUD_API_PREFIX,
 * so a workflow that already sets them for those tools works unchanged.
 */
export function readPhalaInputs(read: InputReader, env: NodeJS.ProcessEnv, mask: Masker, common: CommonInputs): PhalaSettings {
  const apiKey = parseSecret('api_key', readInput(read, 'api_key').trim() || (env.PHALA_CLOUD_API_KEY ?? '').trim(), mask);
  if (!apiKey) {
    throw new InputError(
      'api_key',
      'No Phala Cloud API key. Set the api_key input (e.g. api_key: ${{ secrets.PHALA_CLOUD_API_KEY }}) or the PHALA_CLOUD_API_KEY environment variable.'
    );
  }
  const apiUrl = parseApiUrl(readInput(read, 'api_url').trim() || (env.PHALA_CLOUD_API_PREFIX ?? '').trim() || PHALA_DEFAULT_API_URL, PHALA_DEFAULT_API_URL);
  const appId = parseAppId(readInput(read, 'app_id'));
  const revision = parseRevisionSelector(readInput(read, 'revision') || 'previous', { hashes: true });
  const vmUuids = parseVmUuids(readInput(read, 'vm_uuids'));

  const txRaw = readInput(read, 'transaction_hash').trim();
  if (txRaw && !/^0x[0-9a-fA-F]{64}$/.test(txRaw)) {
    throw new InputError('transaction_hash', `${quoteInput(txRaw)} is not a transaction hash: expected 0x followed by 64 hex characters.`);
  }
  return {
    ...common,
    provider: 'phala',
    apiKey,
    apiUrl,
    appId,
    revision,
    vmUuids,
    transactionHash: txRaw ? txRaw.toLowerCase() : undefined
  };
}

function parseAppId(raw: string): string {
  const text = raw.trim();
  if (!text) {
    throw new InputError('app_id', 'app_id is required: the hex app id shown in the Phala Cloud dashboard (with or without the app_ prefix).');
  }
  const hex = text.replace(/^app_/i, '');
  if (!/^[0-9a-fA-F]{8,64}$/.test(hex)) {
    throw new InputError('app_id', `${quoteInput(text)} is not an app id: expected hex characters (e.g. a1b2c3…), optionally prefixed with app_.`);
  }
  return hex.toLowerCase();
}

function parseVmUuids(raw: string): string[] | 'all' {
  const items = splitList(raw);
  if (items.length === 1 && items[0]!.toLowerCase() === 'all') return 'all';
  const uuids: string[] = [];
  for (const item of items) {
    if (item.toLowerCase() === 'all') {
      throw new InputError('vm_uuids', "'all' cannot be combined with other CVMs; give either 'all' or a list of vm_uuids.");
    }
    // The API lists vm_uuids dashed; a dashless copy (as the SDKs put it in paths) is the same CVM.
    const uuid = canonicalUuid(item);
    if (!uuid) {
      throw new InputError(
        'vm_uuids',
        `${quoteInput(item)} is not a CVM vm_uuid (expected a UUID such as 3f2b9c1e-5d4a-4c2b-9e8f-0a1b2c3d4e5f); separate several with commas, spaces or new lines.`
      );
    }
    if (!uuids.includes(uuid)) uuids.push(uuid);
  }
  return uuids;
}
