import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 9373:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   B2: () => (/* binding */ Deadline),
/* harmony export */   Bg: () => (/* binding */ pollIntervalMs),
/* harmony export */   et: () => (/* binding */ jittered),
/* harmony export */   ml: () => (/* binding */ systemClock)
/* harmony export */ });
const systemClock = {
    now: () => Date.now(),
    sleep: (ms, signal) => new Promise((resolve) => {
        if (signal?.aborted)
            return resolve();
        const timer = setTimeout(done, Math.max(0, ms));
        signal?.addEventListener('abort', done, { once: true });
        function done() {
            clearTimeout(timer);
            signal?.removeEventListener('abort', done);
            resolve();
        }
    }),
    random: () => Math.random()
};
/** The single budget for the whole run (`timeout`): every wait and request draws from it. */
class Deadline {
    clock;
    totalMs;
    startedAt;
    expiresAt;
    constructor(clock, totalMs) {
        this.clock = clock;
        this.totalMs = totalMs;
        this.startedAt = clock.now();
        this.expiresAt = this.startedAt + totalMs;
    }
    remainingMs() {
        return Math.max(0, this.expiresAt - this.clock.now());
    }
    expired() {
        return this.remainingMs() <= 0;
    }
    elapsedSeconds() {
        return Math.round((this.clock.now() - this.startedAt) / 1000);
    }
    /** Sleeps for `ms`, cut short at the deadline or when `signal` aborts. */
    async sleep(ms, signal) {
        await this.clock.sleep(Math.min(ms, this.remainingMs()), signal);
    }
}
/** Full jitter around an interval: spreads polls of parallel runs without drifting far. */
function jittered(clock, ms, spread = 0.25) {
    return Math.round(ms * (1 - spread + 2 * spread * clock.random()));
}
/**
 * Poll spacing: quick at first (an update may be short), then settling at 5 s, so a ten-minute
 * wait costs about 120 requests, not 600.
 */
function pollIntervalMs(round) {
    return Math.min(5000, Math.round(1000 * 1.5 ** round));
}


/***/ }),

/***/ 9407:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(9062);
// The runner executes dist/index.js, bundled from here.

await (0,_main_js__WEBPACK_IMPORTED_MODULE_0__/* .run */ .e)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 9062:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  e: () => (/* binding */ main_run)
});

// UNUSED EXPORTS: runFacts

// EXTERNAL MODULE: ./src/clock.ts
var src_clock = __nccwpck_require__(9373);
;// CONCATENATED MODULE: ./src/errors.ts
/**
 * An expected failure: something the user or the platform got wrong that we can explain.
 * The entry point prints these as one annotation with a title, never as a stack trace.
 */
class ActionError extends Error {
    title;
    changed;
    constructor(title, message, options = {}) {
        super(message);
        this.title = title;
        this.name = 'ActionError';
        this.changed = options.changed;
    }
}
/** Bad input, caught before any request is sent. The message names the input. */
class InputError extends ActionError {
    input;
    constructor(input, message) {
        super(`Invalid input '${input}'`, message, { changed: 'nothing' });
        this.input = input;
        this.name = 'InputError';
    }
}
/** Thrown when the run's overall `timeout` is used up. */
class TimeoutError extends ActionError {
    constructor(message, options = {}) {
        super('Rollback timed out', message, options);
        this.name = 'TimeoutError';
    }
}

;// CONCATENATED MODULE: ./src/http/transport-error.ts
/**
 * The request went out but no HTTP answer came back (reset, refused, timeout). For a POST this
 * means the platform may or may not have acted: callers must find out before repeating it.
 */
class TransportError extends Error {
    endpoint;
    code;
    retryable;
    hint;
    constructor(endpoint, code, retryable, 
    /** What the user can do about it, when the failure itself tells (e.g. https to a plain-http port). */
    hint) {
        super(`${endpoint}: no answer (${code})`);
        this.endpoint = endpoint;
        this.code = code;
        this.retryable = retryable;
        this.hint = hint;
        this.name = 'TransportError';
    }
}
const RETRYABLE_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ECONNABORTED', 'TIMEOUT', 'SOCKET_HANG_UP']);
function toTransportError(endpoint, error) {
    const err = error;
    const message = typeof err?.message === 'string' ? err.message : String(error);
    let code = typeof err?.code === 'string' ? err.code : '';
    if (!code && /timeout/i.test(message))
        code = 'TIMEOUT';
    if (!code && /socket hang up/i.test(message))
        code = 'SOCKET_HANG_UP';
    if (!code)
        code = 'UNKNOWN';
    return new TransportError(endpoint, code, RETRYABLE_CODES.has(code), hintFor(code, message));
}
function hintFor(code, message) {
    if (code === 'ERR_SSL_WRONG_VERSION_NUMBER' || code === 'EPROTO' || /wrong version number|packet length too long|http request/i.test(message)) {
        return 'The server did not speak TLS: api_url says https but the port serves plain http. Use the https port, or http:// for a loopback test server.';
    }
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
        return 'The host name in api_url could not be resolved: check it for typos.';
    if (code === 'ECONNREFUSED')
        return 'Nothing listens at that address and port: check the host and port in api_url.';
    if (/certificate|self[- ]signed|CERT_|UNABLE_TO_VERIFY/i.test(`${code} ${message}`)) {
        return "The server's TLS certificate was not trusted. The action does not turn certificate checks off; use the API's real address.";
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/inputs/parse.ts

/** Longest input value the action accepts; anything longer is a paste accident, not a value. */
const MAX_INPUT_LENGTH = 8192;
const MAX_TIMEOUT_SECONDS = 6 * 60 * 60; // a GitHub-hosted job cannot run longer
/**
 * A value echoed back in an error message: cut short and with control characters shown as
 * escapes, so an enormous or multi-line input cannot flood the log or forge a line.
 */
function quoteInput(text, max = 80) {
    const cut = text.length > max ? `${text.slice(0, max)}…` : text;
    return `'${JSON.stringify(cut).slice(1, -1).replace(/\\"/g, '"')}'`;
}
/** Reads an input, refusing absurd lengths before anything else looks at it. */
function readInput(read, name) {
    const raw = read(name);
    if (raw.length > MAX_INPUT_LENGTH) {
        throw new InputError(name, `The value is ${raw.length} characters long; at most ${MAX_INPUT_LENGTH} are accepted. Check what is passed as ${name}.`);
    }
    return raw;
}
/** Control characters: never part of a name, an id or a credential, often a paste accident. */
function hasControlCharacters(text) {
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is looked for
    return /[\u0000-\u001f\u007f]/.test(text);
}
function isLoopbackHost(hostname) {
    const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
    return host === 'localhost' || host === '::1' || /^127(?:\.\d{1,3}){3}$/.test(host);
}
/**
 * An API base URL: https (plain http only to loopback, since the credential would travel in
 * clear), no credentials, no query or fragment (paths are appended to it). Returned without a
 * trailing slash.
 */
function parseApiUrl(raw, example, input = 'api_url') {
    let url;
    try {
        url = new URL(raw);
    }
    catch {
        throw new InputError(input, `${quoteInput(raw)} is not a URL. Expected e.g. ${example}.`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw new InputError(input, `${quoteInput(raw)} must be an https:// URL, e.g. ${example}.`);
    }
    if (url.username || url.password) {
        throw new InputError(input, 'The URL must not contain credentials; pass them in their own inputs, from secrets.');
    }
    if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
        throw new InputError(input, `'${url.origin}' uses plain http, which would send the credentials unencrypted. Use https (plain http is allowed only for loopback addresses).`);
    }
    if (url.search || url.hash || raw.includes('?') || raw.includes('#')) {
        throw new InputError(input, `${quoteInput(raw)} has a query string or fragment ('?' or '#'); give the base URL only, e.g. ${example}.`);
    }
    return url.href.replace(/\/+$/, '');
}
/**
 * A credential: trimmed, then refused if it holds whitespace, control or non-ASCII characters,
 * which an HTTP header cannot carry (usually a paste with a line break or a smart quote).
 * Masked before it is checked, so even a refused value never shows in the log.
 */
function parseSecret(name, raw, mask) {
    const value = raw.trim();
    if (value)
        mask(value);
    if (/\s/.test(value) || hasControlCharacters(value)) {
        throw new InputError(name, `The value contains whitespace or control characters; copy it again without line breaks.`);
    }
    if (/[^\u0020-\u007e]/.test(value)) {
        throw new InputError(name, `The value contains characters that are not printable ASCII (e.g. a smart quote or an accent); HTTP headers cannot carry them. Copy it again from its source.`);
    }
    return value;
}
function parseBoolean(name, raw, fallback) {
    const text = raw.trim();
    if (text === '')
        return fallback;
    if (['true', 'True', 'TRUE'].includes(text))
        return true;
    if (['false', 'False', 'FALSE'].includes(text))
        return false;
    throw new InputError(name, `${quoteInput(text)} is not a boolean: use true or false.`);
}
function parseTimeout(raw) {
    const text = raw.trim() || '600';
    if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > MAX_TIMEOUT_SECONDS) {
        throw new InputError('timeout', `${quoteInput(text)} is not a timeout: expected a whole number of seconds from 1 to ${MAX_TIMEOUT_SECONDS} (e.g. 600).`);
    }
    return Number(text);
}
const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
/** A UUID in canonical form (lower case, dashed), or undefined. Dashless input is accepted. */
function canonicalUuid(text) {
    if (!UUID.test(text))
        return undefined;
    const hex = text.replace(/-/g, '').toLowerCase();
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
/** Items separated by commas, spaces or new lines (how people paste lists into a YAML input). */
function splitList(raw, separators = /[\s,]+/) {
    return raw
        .split(separators)
        .map((item) => item.trim())
        .filter((item) => item !== '');
}

;// CONCATENATED MODULE: ./src/verify/health-status.ts


const DEFAULT_HEALTH_STATUS = '200-399';
const DEFAULT_HEALTH_TIMEOUT_SECONDS = 300;
const MAX_HEALTH_TIMEOUT_SECONDS = 3600;
const EXPECTED_STATUS = 'expected a status code (200), a range (200-399 or 200..399) or a comma-separated list of them (200,204,300-302), with codes from 100 to 599';
/**
 * `health_status`: one code, a range (`a-b` or `a..b`), or a comma list mixing them.
 * Empty means 200-399: a redirect is a sign of life, and the check never follows one to
 * another origin, so it is judged by its own status.
 */
function parseHealthStatus(raw) {
    const text = raw.trim() || DEFAULT_HEALTH_STATUS;
    const ranges = [];
    for (const part of text.split(',')) {
        const item = part.trim();
        const match = /^(\d{3})(?:\s*(?:-|\.\.)\s*(\d{3}))?$/.exec(item);
        if (!match) {
            const what = item === '' ? 'an empty entry' : `'${item}'`;
            throw new InputError('health_status', `'${text}' has ${what}: ${EXPECTED_STATUS}.`);
        }
        const low = Number(match[1]);
        const high = match[2] === undefined ? low : Number(match[2]);
        for (const code of [low, high]) {
            if (code < 100 || code > 599) {
                throw new InputError('health_status', `${code} in '${text}' is not an HTTP status code: codes run from 100 to 599.`);
            }
        }
        if (low > high) {
            throw new InputError('health_status', `'${item}' in '${text}' is an empty range: write the lower code first (e.g. ${high}-${low}).`);
        }
        ranges.push([low, high]);
    }
    const description = ranges.map(([low, high]) => (low === high ? String(low) : `${low}-${high}`)).join(', ');
    return {
        ranges,
        description,
        matches: (status) => ranges.some(([low, high]) => status >= low && status <= high)
    };
}
/**
 * `health_url`: the app's own address, polled without any credentials. Returns undefined when
 * empty (no health check). Plain http only for loopback, matching api_url: a health endpoint on
 * the public internet should not be trusted over an unauthenticated channel.
 */
function parseHealthUrl(raw) {
    const text = raw.trim();
    if (text === '')
        return undefined;
    let url;
    try {
        url = new URL(text);
    }
    catch {
        throw new InputError('health_url', `'${text}' is not an absolute URL. Expected e.g. https://app.example.com/health.`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw new InputError('health_url', `'${text}' must be an https:// URL.`);
    }
    if (url.username || url.password) {
        throw new InputError('health_url', 'The URL must not contain credentials: the health check sends none, so the endpoint must answer without them.');
    }
    if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
        throw new InputError('health_url', `'${url.origin}' uses plain http. Use https (plain http is allowed only for loopback addresses).`);
    }
    url.hash = '';
    return url.href;
}
/** `health_timeout`: whole seconds from 1 to 3600, default 300. */
function parseHealthTimeout(raw) {
    const text = raw.trim() || String(DEFAULT_HEALTH_TIMEOUT_SECONDS);
    if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > MAX_HEALTH_TIMEOUT_SECONDS) {
        throw new InputError('health_timeout', `'${text}' is not a health timeout: expected a whole number of seconds from 1 to ${MAX_HEALTH_TIMEOUT_SECONDS} (e.g. ${DEFAULT_HEALTH_TIMEOUT_SECONDS}).`);
    }
    return Number(text);
}

;// CONCATENATED MODULE: ./src/hash.ts
/** Phala returns compose hashes bare or 0x-prefixed, in either case; compare them only normalised. */
function normaliseHash(hash) {
    const trimmed = hash.trim().toLowerCase();
    return trimmed.startsWith('0x') ? trimmed.slice(2) : trimmed;
}
/** Short form for log lines; the full hash stays in outputs and the summary. */
function shortHash(hash) {
    return normaliseHash(hash).slice(0, 12);
}

;// CONCATENATED MODULE: ./src/revision-selector.ts



/** A compose hash is SHA-256: 64 hex characters. Shorter prefixes must still be unambiguous. */
const FULL_HASH_LENGTH = 64;
const MIN_PREFIX_LENGTH = 8;
const MAX_STEPS = 1000;
const DEFAULT_ID = /^[A-Za-z0-9_-]{1,128}$/;
function parseRevisionSelector(raw, rules = { hashes: true }) {
    const text = raw.trim();
    const idRule = rules.id ?? { pattern: DEFAULT_ID, describe: 'a revision id (letters, digits, _ and -)' };
    const forms = ["'previous'", "'previous~N'", ...(rules.current ? ["'current'"] : []), idRule.describe, ...(rules.hashes ? ['a compose hash (hex, optional 0x)'] : [])];
    if (text === '') {
        throw new InputError('revision', `revision is empty. Use ${forms.join(', ')}.`);
    }
    const previous = /^previous(?:~(\d+))?$/i.exec(text);
    if (previous) {
        const steps = previous[1] === undefined ? 1 : Number(previous[1]);
        if (!Number.isSafeInteger(steps) || steps < 1 || steps > MAX_STEPS) {
            throw new InputError('revision', `${quoteInput(text)}: N in previous~N must be a whole number from 1 to ${MAX_STEPS}.`);
        }
        return { kind: 'previous', steps, text };
    }
    if (/^previous/i.test(text)) {
        throw new InputError('revision', `${quoteInput(text)} is not understood. Write 'previous' or 'previous~N' with N ≥ 1, e.g. previous~2.`);
    }
    if (/^current$/i.test(text)) {
        if (rules.current)
            return { kind: 'current', text };
        throw new InputError('revision', `'current' is not supported on this platform. Use ${forms.join(', ')}.`);
    }
    if (rules.hashes) {
        const hex = normaliseHash(text);
        if (/^[0-9a-f]+$/.test(hex) && hex.length >= MIN_PREFIX_LENGTH) {
            if (hex.length > FULL_HASH_LENGTH) {
                throw new InputError('revision', `${quoteInput(text)} has ${hex.length} hex characters; a compose hash has ${FULL_HASH_LENGTH}.`);
            }
            return { kind: 'ref', revisionId: text, hashPrefix: hex, text };
        }
        if (/^0x/i.test(text)) {
            throw new InputError('revision', `${quoteInput(text)} looks like a compose hash but is not ${MIN_PREFIX_LENGTH}–${FULL_HASH_LENGTH} hex characters after 0x.`);
        }
    }
    if (!idRule.pattern.test(text)) {
        throw new InputError('revision', `${quoteInput(text)} is neither ${forms.join(', ')}.`.replace(/, ([^,]*)\.$/, ' nor $1.'));
    }
    return { kind: 'ref', revisionId: text, text };
}
function describeSelector(selector) {
    if (selector.kind === 'previous')
        return selector.steps === 1 ? "'previous'" : `'previous~${selector.steps}'`;
    return `'${selector.text}'`;
}

;// CONCATENATED MODULE: ./src/providers/camunda/inputs.ts



const EXAMPLE_URL = 'https://bpm.example.com/engine-rest';
/** Engine ids are UUIDs (or numbers with the database id generator). */
const DEPLOYMENT_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** Longer than the engine's name column (255) cannot be a deployment name. */
const MAX_NAME_LENGTH = 255;
/**
 * Camunda 7's inputs. There is no default engine and no environment fallback: the engine is
 * always the workflow's own, named explicitly.
 */
function readCamundaInputs(read, _env, mask, common) {
    const auth = parseAuth(read, mask);
    const rawUrl = readInput(read, 'api_url').trim();
    if (!rawUrl) {
        throw new InputError('api_url', `api_url is required for provider camunda: the engine-rest base, e.g. ${EXAMPLE_URL} (a named engine: ${EXAMPLE_URL}/engine/{name}).`);
    }
    const apiUrl = parseApiUrl(rawUrl, EXAMPLE_URL);
    const revision = parseRevisionSelector(readInput(read, 'revision') || 'previous', { id: { pattern: DEPLOYMENT_ID, describe: 'a deployment id' } });
    const appId = readInput(read, 'app_id').trim();
    if (!appId && revision.kind !== 'ref') {
        throw new InputError('app_id', `app_id is required with revision ${quoteInput(revision.text)}: the deployment name, as Cockpit shows it. Only with a deployment id as revision may it be left empty.`);
    }
    if (appId.length > MAX_NAME_LENGTH || hasControlCharacters(appId)) {
        throw new InputError('app_id', `${quoteInput(appId)} cannot be a deployment name: at most ${MAX_NAME_LENGTH} characters, no control characters.`);
    }
    const tenantId = readInput(read, 'tenant_id').trim();
    if (tenantId && !/^[A-Za-z0-9_-]{1,64}$/.test(tenantId)) {
        throw new InputError('tenant_id', `${quoteInput(tenantId)} is not a tenant id: the engine allows letters, digits, _ and -.`);
    }
    return {
        ...common,
        provider: 'camunda',
        apiUrl,
        auth,
        appId,
        revision,
        tenantId: tenantId || undefined,
        resources: parseResources(readInput(read, 'resources'))
    };
}
function parseAuth(read, mask) {
    // All three masked first, so a refused combination never shows one; a user name is half the credential.
    const username = parseSecret('username', readInput(read, 'username'), mask);
    const password = parseSecret('password', readInput(read, 'password'), mask);
    const token = parseSecret('api_key', readInput(read, 'api_key'), mask);
    if (token && (username || password)) {
        throw new InputError('api_key', 'Give either api_key (a bearer token, for an engine behind an OAuth proxy) or username and password (HTTP Basic), not both.');
    }
    if (token)
        return { kind: 'bearer', token };
    if (username && !password)
        throw new InputError('password', 'username is set but password is empty: HTTP Basic needs both (from secrets), or neither for an engine without authentication.');
    if (password && !username)
        throw new InputError('username', 'password is set but username is empty: HTTP Basic needs both, or neither for an engine without authentication.');
    if (username && username.includes(':'))
        throw new InputError('username', 'The user name contains a colon, which HTTP Basic cannot carry.');
    return username ? { kind: 'basic', username, password } : { kind: 'none' };
}
function parseResources(raw) {
    // Resource names may contain spaces: only commas and line breaks separate them.
    const names = splitList(raw, /[,\r\n]+/);
    if (names.length === 0)
        return undefined;
    for (const name of names) {
        if (name.length > MAX_NAME_LENGTH || hasControlCharacters(name)) {
            throw new InputError('resources', `${quoteInput(name)} cannot be a resource name: at most ${MAX_NAME_LENGTH} characters, no control characters.`);
        }
    }
    return [...new Set(names)];
}

;// CONCATENATED MODULE: ./src/providers/phala/inputs.ts



const PHALA_DEFAULT_API_URL = 'https://cloud-api.phala.com/api/v1';
/**
 * Phala's inputs. The official CLI and SDKs read PHALA_CLOUD_API_KEY and PHALA_CLOUD_API_PREFIX,
 * so a workflow that already sets them for those tools works unchanged.
 */
function readPhalaInputs(read, env, mask, common) {
    const apiKey = parseSecret('api_key', readInput(read, 'api_key').trim() || (env.PHALA_CLOUD_API_KEY ?? '').trim(), mask);
    if (!apiKey) {
        throw new InputError('api_key', 'No Phala Cloud API key. Set the api_key input (e.g. api_key: ${{ secrets.PHALA_CLOUD_API_KEY }}) or the PHALA_CLOUD_API_KEY environment variable.');
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
function parseAppId(raw) {
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
function parseVmUuids(raw) {
    const items = splitList(raw);
    if (items.length === 1 && items[0].toLowerCase() === 'all')
        return 'all';
    const uuids = [];
    for (const item of items) {
        if (item.toLowerCase() === 'all') {
            throw new InputError('vm_uuids', "'all' cannot be combined with other CVMs; give either 'all' or a list of vm_uuids.");
        }
        // The API lists vm_uuids dashed; a dashless copy (as the SDKs put it in paths) is the same CVM.
        const uuid = canonicalUuid(item);
        if (!uuid) {
            throw new InputError('vm_uuids', `${quoteInput(item)} is not a CVM vm_uuid (expected a UUID such as 3f2b9c1e-5d4a-4c2b-9e8f-0a1b2c3d4e5f); separate several with commas, spaces or new lines.`);
        }
        if (!uuids.includes(uuid))
            uuids.push(uuid);
    }
    return uuids;
}

;// CONCATENATED MODULE: ./src/providers/qovery/inputs.ts



const QOVERY_DEFAULT_API_URL = 'https://api.qovery.com';
/**
 * An execution id as the deployment history shows it: a UUID, possibly followed by numeric
 * parts (request id, attempt, timestamp). Compared case-insensitively.
 */
const EXECUTION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?:-[0-9]{1,20}){0,3}$/i;
/**
 * Qovery's inputs. The official CLI reads its token from QOVERY_CLI_ACCESS_TOKEN, so a workflow
 * that already sets it for the CLI works unchanged. Phala's environment fallbacks do not apply.
 */
function readQoveryInputs(read, env, mask, common) {
    const apiKey = parseSecret('api_key', readInput(read, 'api_key').trim() || (env.QOVERY_CLI_ACCESS_TOKEN ?? '').trim(), mask);
    if (!apiKey) {
        throw new InputError('api_key', 'No Qovery API token. Set the api_key input (e.g. api_key: ${{ secrets.QOVERY_API_TOKEN }}) or the QOVERY_CLI_ACCESS_TOKEN environment variable. Create a token in the Qovery console (Organization settings → API token).');
    }
    const apiUrl = parseApiUrl(readInput(read, 'api_url').trim() || QOVERY_DEFAULT_API_URL, QOVERY_DEFAULT_API_URL);
    const appId = parseEnvironmentId(readInput(read, 'app_id'));
    const revision = parseRevisionSelector(readInput(read, 'revision') || 'previous', { current: true, id: { pattern: EXECUTION_ID, describe: 'an execution id' } });
    if (revision.kind === 'ref')
        revision.revisionId = revision.revisionId.toLowerCase();
    return { ...common, provider: 'qovery', apiKey, apiUrl, appId, revision };
}
function parseEnvironmentId(raw) {
    const text = raw.trim();
    if (!text) {
        throw new InputError('app_id', "app_id is required: the environment's id (a UUID), as shown in the console URL …/environment/<id>/overview.");
    }
    const uuid = canonicalUuid(text);
    if (!uuid) {
        throw new InputError('app_id', `${quoteInput(text)} is not an environment id: expected a UUID such as 3c90c3cc-0d44-4b50-8888-8dd25736052a.`);
    }
    return uuid;
}
/** Qovery API tokens go as `Token …`; a JWT (three base64url parts, e.g. from an OIDC login) as `Bearer …`. */
function authorizationHeader(token) {
    return /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(token) ? `Bearer ${token}` : `Token ${token}`;
}

;// CONCATENATED MODULE: ./src/settings.ts
const PROVIDERS = ['phala', 'camunda', 'qovery'];

;// CONCATENATED MODULE: ./src/input-helper.ts









/**
 * Turns raw inputs into one validated Settings object (one variant per provider). Every check
 * runs before the first request, so a typo fails in milliseconds with the input's name instead
 * of half-way through an incident. Secrets are passed to `mask` the moment they are read.
 */
function getSettings(read, env, mask) {
    const provider = parseProvider(readInput(read, 'provider'));
    const githubToken = parseSecret('github_token', readInput(read, 'github_token'), mask);
    const healthUrl = parseHealthUrl(readInput(read, 'health_url'));
    const common = {
        wait: parseBoolean('wait', readInput(read, 'wait'), true),
        timeoutSeconds: parseTimeout(readInput(read, 'timeout')),
        dryRun: parseBoolean('dry_run', readInput(read, 'dry_run'), false),
        health: healthUrl
            ? { url: healthUrl, matcher: parseHealthStatus(readInput(read, 'health_status')), timeoutSeconds: parseHealthTimeout(readInput(read, 'health_timeout')) }
            : undefined,
        github: githubToken ? { token: githubToken, environment: parseEnvironment(readInput(read, 'environment')) } : undefined
    };
    if (!healthUrl) {
        // Checked even when unused, so a typo does not wait for the day health_url is set.
        parseHealthStatus(readInput(read, 'health_status'));
        parseHealthTimeout(readInput(read, 'health_timeout'));
    }
    switch (provider) {
        case 'phala':
            return readPhalaInputs(read, env, mask, common);
        case 'qovery':
            return readQoveryInputs(read, env, mask, common);
        case 'camunda':
            return readCamundaInputs(read, env, mask, common);
    }
}
function parseProvider(raw) {
    const provider = (raw.trim() || 'phala').toLowerCase();
    if (!PROVIDERS.includes(provider)) {
        throw new InputError('provider', `${quoteInput(provider)} is not supported. Supported: ${PROVIDERS.join(', ')}.`);
    }
    return provider;
}
/** A GitHub environment name: what the deployment record is filed under. */
function parseEnvironment(raw) {
    const name = raw.trim() || 'production';
    if (name.length > 255 || hasControlCharacters(name)) {
        throw new InputError('environment', `${quoteInput(name)} is not a GitHub environment name: at most 255 characters, no control characters.`);
    }
    return name;
}

;// CONCATENATED MODULE: ./src/pipeline/progress.ts
function newProgress() {
    return { phase: 'starting', changed: 'nothing', extra: [] };
}
/** What a cancellation leaves behind, in one sentence the engineer can act on. */
function describeCancellation(progress) {
    const v = progress.vocabulary;
    const platform = v?.platform ?? 'the platform';
    const instances = v?.instances ?? 'instances';
    const plan = progress.plan;
    const names = plan?.toRedeploy.map((i) => `${i.name} (${i.id})`).join(', ') ?? '';
    if (progress.status === 'triggered') {
        return `Cancelled after the run had ended: the ${v?.redeploy ?? 'redeploy'} was accepted (wait: false) and ${platform} applies it on its own on ${names}. Do not trigger it again; watch the ${instances}.`;
    }
    if (progress.status)
        return `Cancelled after the run had ended with status '${progress.status}'.`;
    switch (progress.phase) {
        case 'starting':
        case 'planning':
            return 'Cancelled before any redeploy was sent: nothing was changed.';
        case 'triggering':
            if (progress.changed === 'accepted')
                break;
            if (progress.changed === 'nothing') {
                return progress.waitingToSend
                    ? `Cancelled while waiting for another operation to finish before sending (${progress.waitingToSend}): nothing was redeployed.`
                    : 'Cancelled before the redeploy was sent: nothing was redeployed.';
            }
            return `Cancelled while the ${v?.redeploy ?? 'redeploy'} was being sent: it may have been accepted. Check the ${instances} (${names}) in the ${platform} console before re-running.`;
        case 'verifying':
            return `Cancelled during the health check: the rollback of ${names} to revision ${plan?.revision.id} had completed on ${platform}; its health was not confirmed.`;
        case 'done':
            return 'Cancelled after the rollback had finished.';
    }
    const pending = progress.pending ? ` Pending: ${progress.pending}.` : '';
    return `Cancelled while waiting: the rollback of ${progress.appId ?? 'the app'} to revision ${plan?.revision.id} was triggered on ${names} and is still running on ${platform}.${pending} It will finish on its own; do not trigger it again, watch the ${instances} instead.`;
}

;// CONCATENATED MODULE: ./src/pipeline/run.ts


const run_short = (version) => (/^[0-9a-f]{64}$/.test(version) ? version.slice(0, 12) : version);
/**
 * The platform-neutral pipeline: resolve → trigger → wait → verify. Everything it touches comes
 * in as arguments, so it is tested with a fake provider and no module mocks. Returns the status
 * it ended with; throws ActionError for an explained failure (the caller reports it).
 */
async function run(settings, deps) {
    const { provider, log, progress } = deps;
    const v = provider.vocabulary;
    progress.vocabulary = v;
    progress.appId = settings.appId;
    progress.phase = 'planning';
    log.info(`Rolling back ${v.app.toLowerCase()} ${settings.appId || '(by revision id)'} on ${v.platform} to ${describeSelector(settings.revision)}.`);
    const plan = await provider.plan();
    progress.plan = plan;
    // Set before anything is sent, so a later step has them even if the trigger fails (e.g. 465).
    deps.setOutput('revision_id', plan.revision.id);
    for (const [name, value] of Object.entries(plan.outputs))
        deps.setOutput(name, value);
    deps.setOutput('console_url', plan.consoleUrl);
    const by = plan.revision.createdBy ? ` by ${plan.revision.createdBy}` : '';
    log.info(`Target: revision ${plan.revision.id}, ${v.version} ${plan.revision.version} (${plan.revision.operationType ?? 'revision'}${by} at ${plan.revision.createdAt}); found after reading ${plan.searched} history entries.`);
    log.info(`Currently running: ${v.version} ${plan.previousVersion || 'unknown'}. ${v.instances.charAt(0).toUpperCase()}${v.instances.slice(1)}: ${plan.targets.map((i) => `${i.name} (${i.id}, ${i.status}${i.version ? `, ${run_short(i.version)}` : ''})`).join(', ') || 'none'}.`);
    for (const warning of plan.warnings)
        log.warning(warning, 'Check the target revision');
    if (plan.toRedeploy.length === 0) {
        log.info(`Every targeted ${v.instance} already runs the target revision: nothing to redeploy.`);
        return finish(deps, 'skipped');
    }
    if (settings.dryRun) {
        log.info(`Dry run: would ${v.redeploy} revision ${plan.revision.id} to ${plan.toRedeploy.map((i) => i.name).join(', ')}. Nothing was sent.`);
        return finish(deps, 'dry_run');
    }
    await deps.beforeTrigger?.(plan);
    progress.phase = 'triggering';
    log.info(`Sending the ${v.redeploy} of revision ${plan.revision.id} to ${plan.toRedeploy.map((i) => `${i.name} (${i.id})`).join(', ')}.`);
    const tracker = {
        mark: (state) => {
            progress.changed = state;
            if (state !== 'nothing')
                progress.waitingToSend = undefined;
        },
        waitingToSend: (what) => {
            progress.waitingToSend = what;
        }
    };
    const outcome = await provider.trigger(plan, tracker);
    progress.waitingToSend = undefined;
    if (outcome.kind === 'already-there') {
        log.info(`Not redeployed: ${outcome.reason}.`);
        return finish(deps, 'skipped');
    }
    progress.changed = 'accepted';
    for (const [name, value] of Object.entries(outcome.receipt.outputs ?? {})) {
        deps.setOutput(name, value);
        if (value)
            progress.extra.push([name, value]);
    }
    progress.phase = 'waiting';
    if (!settings.wait) {
        log.info(`wait is false: the ${v.redeploy} is accepted and ${v.platform} applies it on its own.`);
        return finish(deps, 'triggered');
    }
    const waitTracker = { pending: (description) => void (progress.pending = description) };
    await provider.waitUntilDone(plan, outcome.receipt, waitTracker);
    log.info(`Rollback complete: ${plan.toRedeploy.length} ${plan.toRedeploy.length === 1 ? v.instance : v.instances} now run${plan.toRedeploy.length === 1 ? 's' : ''} revision ${plan.revision.id}.`);
    if (deps.verify) {
        progress.phase = 'verifying';
        const health = await deps.verify(plan);
        progress.health = health;
        deps.setOutput('health', health.state);
        if (health.state === 'unhealthy') {
            throw new ActionError('Health check failed after the rollback', `The rollback completed on ${v.platform}, but the app did not answer as expected: ${health.detail}`, {
                changed: 'accepted'
            });
        }
    }
    return finish(deps, 'completed');
}
function finish(deps, status) {
    if (!deps.progress.health)
        deps.setOutput('health', 'skipped');
    deps.progress.phase = 'done';
    deps.progress.status = status;
    deps.setOutput('status', status);
    return status;
}

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __nccwpck_require__(7067);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __nccwpck_require__(4708);
// EXTERNAL MODULE: ./node_modules/@actions/http-client/lib/proxy.js
var proxy = __nccwpck_require__(9783);
;// CONCATENATED MODULE: ./src/http/retry-policy.ts
/** Statuses a read may safely repeat: throttling and gateway trouble, never a client error. */
const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);
const BASE_BACKOFF_MS = 1000;
const MAX_BACKOFF_MS = 20_000;
const MAX_READ_ATTEMPTS = 8;
/** Exponential backoff with full jitter (AWS style): a random wait in [0, min(cap, base·2^attempt)). */
function backoffMs(attempt, clock) {
    const ceiling = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** attempt);
    return Math.round(clock.random() * ceiling);
}
/**
 * Retry-After is either delta-seconds or an HTTP date (RFC 9110 §10.2.3).
 * Returns milliseconds to wait, or undefined when absent or unreadable.
 */
function parseRetryAfter(value, now) {
    const text = (Array.isArray(value) ? value[0] : value)?.trim();
    if (!text)
        return undefined;
    if (/^\d+$/.test(text))
        return Number(text) * 1000;
    const date = Date.parse(text);
    if (Number.isNaN(date))
        return undefined;
    return Math.max(0, date - now);
}
/** A 429 or 409 on a state-changing request is retried at least this far apart, whatever Retry-After says… */
const MIN_RESEND_PAUSE_MS = 1000;
/** …and at most this far apart: a huge Retry-After must not park an incident for an hour. */
const MAX_RESEND_PAUSE_MS = 60_000;
/** The pause before re-sending a request the platform refused for now (409, 429). */
function resendPauseMs(retryAfter, now, fallbackMs) {
    const asked = parseRetryAfter(retryAfter, now);
    return Math.min(MAX_RESEND_PAUSE_MS, Math.max(MIN_RESEND_PAUSE_MS, asked ?? fallbackMs));
}

;// CONCATENATED MODULE: ./src/http/api-client.ts







const MAX_REDIRECTS = 3;
const MAX_BODY_BYTES = 16 * 1024 * 1024;
/** A body larger than the cap: never buffered whole, never retried. */
class BodyTooLargeError extends ActionError {
    constructor(endpoint, limit, platform) {
        super(`Response from ${platform} too large`, `${endpoint} sent a body larger than ${Math.round(limit / 1024 / 1024)} MiB; the action stopped reading it. A proxy or a broken server may be answering; check api_url.`);
    }
}
/**
 * The one way the action talks HTTP to a platform. Reads retry on throttling and gateway faults
 * within the run's deadline; `send` makes exactly one attempt and never follows a redirect, so
 * the caller decides what an unclear answer means. Redirects of reads are followed only within
 * the API's own origin: the credential never leaves it. Every request is aborted, its socket
 * closed, when its own timeout or the run's deadline passes, and bodies are capped.
 */
class ApiClient {
    options;
    /** Behind a proxy only: @actions/http-client's proxy-aware (tunnel) agents. */
    proxied;
    agents = new Map();
    base;
    requestTimeoutMs;
    maxBodyBytes;
    platform;
    inFlight = new Set();
    constructor(options) {
        this.options = options;
        this.base = new URL(options.baseUrl);
        this.requestTimeoutMs = options.requestTimeoutMs ?? 30_000;
        this.maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
        this.platform = options.platform ?? 'the platform';
    }
    dispose() {
        for (const controller of this.inFlight)
            controller.abort();
        for (const agent of this.agents.values())
            agent.destroy();
        void this.proxied?.then((client) => client.dispose());
    }
    /**
     * A keep-alive agent per protocol; behind a proxy (HTTPS_PROXY and NO_PROXY, as on self-hosted
     * runners) the one @actions/http-client gives. That module and the HTTP stack it imports are
     * loaded only then: every other run would pay for them in start-up time before its first request.
     */
    async agentFor(url) {
        if ((0,proxy/* getProxyUrl */.s)(url)?.hostname) {
            this.proxied ??= Promise.all(/* import() */[__nccwpck_require__.e(119), __nccwpck_require__.e(779)]).then(__nccwpck_require__.bind(__nccwpck_require__, 2779)).then(({ HttpClient }) => new HttpClient(this.options.userAgent, [], { allowRedirects: false, allowRetries: false, keepAlive: true }));
            return (await this.proxied).getAgent(url.href);
        }
        let agent = this.agents.get(url.protocol);
        if (!agent) {
            agent = url.protocol === 'https:' ? new external_node_https_.Agent({ keepAlive: true }) : new external_node_http_.Agent({ keepAlive: true });
            this.agents.set(url.protocol, agent);
        }
        return agent;
    }
    /** GET with retries on 429/502/503/504 and lost connections, honouring Retry-After. */
    async read(call) {
        const { deadline, log } = this.options;
        for (let attempt = 0;; attempt++) {
            let waitMs;
            let reason;
            try {
                const response = await this.exchange(call, true);
                if (!RETRYABLE_STATUSES.has(response.status) || attempt + 1 >= MAX_READ_ATTEMPTS)
                    return response;
                if (response.status === 429 && call.throttledToCaller)
                    return response;
                const retryAfter = parseRetryAfter(response.headers['retry-after'], deadline.clock.now());
                waitMs = clampRetry(retryAfter ?? backoffMs(attempt, deadline.clock), retryAfter !== undefined);
                reason = `answered ${response.status}`;
                if (waitMs >= deadline.remainingMs())
                    return response;
            }
            catch (error) {
                if (!(error instanceof TransportError) || !error.retryable || attempt + 1 >= MAX_READ_ATTEMPTS)
                    throw error;
                waitMs = backoffMs(attempt, deadline.clock);
                reason = `got no answer (${error.code})`;
                if (waitMs >= deadline.remainingMs())
                    throw error;
            }
            log.info(`${call.method} ${call.path} ${reason}; retrying in ${(waitMs / 1000).toFixed(1)}s (attempt ${attempt + 2} of ${MAX_READ_ATTEMPTS}).`);
            await deadline.sleep(waitMs);
        }
    }
    /**
     * Exactly one request, no redirect followed. Throws TransportError when no complete answer
     * came back, which for a POST means the platform may or may not have acted.
     */
    async send(call) {
        return this.exchange(call, false);
    }
    async exchange(call, followRedirects) {
        let url = this.urlFor(call);
        for (let hop = 0;; hop++) {
            const response = await this.once(call, url);
            const location = response.headers.location;
            if (!followRedirects || response.status < 300 || response.status >= 400 || !location || hop >= MAX_REDIRECTS)
                return response;
            const next = new URL(location, url);
            if (next.origin !== this.base.origin) {
                throw new ActionError('Redirect to another origin refused', `${response.endpoint} answered ${response.status} with a redirect to ${next.origin}. The action does not send its credentials to another origin. Set api_url to the API's real address (it is ${this.base.origin} now).`);
            }
            url = next;
        }
    }
    urlFor(call) {
        const url = new URL(this.base.href.replace(/\/+$/, '') + call.path);
        for (const [key, value] of Object.entries(call.query ?? {})) {
            if (value === undefined)
                continue;
            if (Array.isArray(value))
                for (const item of value)
                    url.searchParams.append(key, item);
            else
                url.searchParams.set(key, String(value));
        }
        return url;
    }
    async once(call, url) {
        const { deadline, log, authHeaders } = this.options;
        const endpoint = `${call.method} ${url.pathname}`;
        const remaining = deadline.remainingMs();
        if (remaining <= 0)
            throw new TimeoutError(`The timeout ran out before ${endpoint} could be sent.`);
        const data = call.method === 'POST' ? Buffer.from(JSON.stringify(call.body ?? null), 'utf8') : undefined;
        const headers = {
            Accept: 'application/json',
            'User-Agent': this.options.userAgent,
            ...call.headers,
            ...authHeaders
        };
        if (data) {
            headers['Content-Type'] = 'application/json';
            headers['Content-Length'] = String(data.length);
        }
        const started = deadline.clock.now();
        const controller = new AbortController();
        this.inFlight.add(controller);
        // One cap for the whole exchange, headers and body: a trickling server cannot hold the run.
        const limitMs = Math.min(this.requestTimeoutMs, remaining);
        const timer = setTimeout(() => controller.abort(), limitMs);
        try {
            const agent = await this.agentFor(url);
            const { status, responseHeaders, bytes } = await this.transfer(url, call.method, headers, data, controller.signal, endpoint, agent);
            log.debug(`${endpoint} → ${status} (${deadline.clock.now() - started} ms)`);
            const text = call.raw ? '' : bytes.toString('utf8');
            const parsed = call.raw ? { body: undefined, notJson: false } : parseBody(text);
            return { status, headers: responseHeaders, text, bytes: call.raw ? bytes : undefined, endpoint, body: parsed.body, notJson: parsed.notJson && status >= 200 && status < 300 };
        }
        catch (error) {
            if (error instanceof ActionError)
                throw error;
            const lost = controller.signal.aborted ? new TransportError(endpoint, 'TIMEOUT', true) : toTransportError(endpoint, error);
            log.debug(`${endpoint} → no answer: ${lost.code} (${deadline.clock.now() - started} ms)`);
            throw lost;
        }
        finally {
            clearTimeout(timer);
            this.inFlight.delete(controller);
        }
    }
    /** Sends one request and reads the answer into memory, at most `maxBodyBytes`, in linear time. */
    transfer(url, method, headers, data, signal, endpoint, agent) {
        const transport = url.protocol === 'https:' ? external_node_https_ : external_node_http_;
        return new Promise((resolve, reject) => {
            const request = transport.request(url, { method, headers, agent, signal }, (response) => {
                const chunks = [];
                let size = 0;
                response.on('data', (chunk) => {
                    size += chunk.length;
                    if (size > this.maxBodyBytes) {
                        // Settle first: destroying emits 'aborted'/'error' synchronously, which would turn
                        // the refusal into a retryable ECONNRESET (and a re-download of the same body).
                        reject(new BodyTooLargeError(endpoint, this.maxBodyBytes, this.platform));
                        response.destroy();
                        request.destroy();
                        return;
                    }
                    chunks.push(chunk);
                });
                response.on('end', () => resolve({ status: response.statusCode ?? 0, responseHeaders: response.headers, bytes: Buffer.concat(chunks, size) }));
                response.on('error', reject);
                response.on('aborted', () => reject(Object.assign(new Error('response aborted'), { code: 'ECONNRESET' })));
            });
            request.on('error', reject);
            request.end(data);
        });
    }
}
/** Retry-After from a server is honoured but bounded: 0 or a past date never means "hammer", a huge value never means "wait an hour". */
function clampRetry(ms, fromServer) {
    return fromServer ? Math.min(60_000, Math.max(1000, ms)) : ms;
}
function parseBody(text) {
    if (text.trim() === '')
        return { body: undefined, notJson: false };
    try {
        return { body: JSON.parse(text), notJson: false };
    }
    catch {
        return { body: undefined, notJson: true };
    }
}
/** A short, single-line excerpt of a body for messages. */
function excerpt(text, max = 200) {
    const flat = text.replace(/\s+/g, ' ').trim();
    return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}
/** Thrown by the platform layers for a 2xx whose body is not JSON, where JSON was needed. */
function notJsonError(response, platform) {
    const type = response.headers['content-type'] ?? 'no content type';
    return new ActionError(`Unexpected response from ${platform}`, `${response.endpoint} answered ${response.status} with a body that is not JSON (${type}): "${excerpt(response.text, 120)}". A proxy or gateway may be in the way; check api_url.`);
}

;// CONCATENATED MODULE: ./src/providers/camunda/platform-errors.ts


const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
const optional = (value) => (typeof value === 'string' && value !== '' ? value : undefined);
function readEngineError(response) {
    const body = response.body;
    if (!isObject(body))
        return { message: response.text.trim() ? excerpt(response.text) : undefined, missing: [] };
    const missing = Array.isArray(body.missingAuthorizations)
        ? body.missingAuthorizations.filter(isObject).map((m) => ({
            permissionName: optional(m.permissionName),
            resourceName: optional(m.resourceName),
            resourceId: typeof m.resourceId === 'string' ? m.resourceId : null
        }))
        : [];
    return { type: optional(body.type), message: optional(body.message), missing, userId: optional(body.userId) };
}
const SAFETY = {
    nothing: ' Nothing was deployed.',
    unknown: '',
    accepted: ''
};
/** Turns an engine-rest failure into what the on-call engineer should do next. */
function explainFailure(response, ctx) {
    const said = readEngineError(response);
    const engineSays = said.message ? ` The engine says: "${excerpt(said.message, 300)}"${said.type ? ` (${said.type})` : ''}.` : '';
    const where = `${response.endpoint} → ${response.status} while ${ctx.doing}.`;
    const safety = SAFETY[ctx.changed];
    const options = { changed: ctx.changed };
    switch (response.status) {
        case 401: {
            const challenge = response.headers['www-authenticate'];
            const asks = challenge ? ` It asks for: ${String(challenge)}.` : '';
            const fix = ctx.auth === 'none'
                ? 'The engine has authentication on: pass username and password (HTTP Basic) or api_key (a bearer token), from secrets.'
                : ctx.auth === 'basic'
                    ? 'The username or password was not accepted: check the secrets passed as username and password, and that the user exists on this engine and is not locked.'
                    : 'The bearer token passed as api_key was not accepted: it may be expired or issued for another audience.';
            return new ActionError('The Camunda engine rejected the credentials', `${where}${asks}${engineSays} ${fix}${safety}`, options);
        }
        case 403: {
            const missing = said.missing.length
                ? said.missing.map((m) => `${m.permissionName ?? '?'} on ${m.resourceName ?? '?'}${m.resourceId ? ` '${m.resourceId}'` : ''}`).join(', ')
                : undefined;
            const who = said.userId ? `User '${said.userId}'` : 'The user';
            const fix = missing
                ? `${who} lacks ${missing}: grant it in Camunda Admin → Authorizations (a rollback needs READ on Deployment and Process/Decision Definition, and CREATE on Deployment).`
                : 'Grant the user READ on Deployment and Process/Decision Definition, and CREATE on Deployment, in Camunda Admin → Authorizations.';
            return new ActionError('Not authorized on the Camunda engine', `${where}${engineSays} ${fix}${safety}`, options);
        }
        case 404:
            return new ActionError('Deployment or resource not found', `${where}${engineSays} The deployment or one of its resources does not exist on this engine (it may have been deleted). Check revision, resources and api_url (a named engine is …/engine-rest/engine/{name}).${safety}`, options);
        case 400:
            return new ActionError('The Camunda engine refused the request', `${where}${engineSays} Check the inputs this request was built from (app_id, tenant_id, resources).${safety}`, options);
        default:
            if (response.status >= 500 || response.status === 429) {
                return new ActionError('The Camunda engine is failing', `${where}${engineSays} The engine or a proxy in front of it failed (reads are retried; this persisted). Check the engine's log and try again.${safety}`, options);
            }
            return new ActionError('Unexpected answer from the Camunda engine', `${where}${engineSays}${safety}`, options);
    }
}

;// CONCATENATED MODULE: ./src/providers/camunda/shapes.ts

const shapes_isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
/** A 2xx body that is not what the engine documents: name the endpoint instead of crashing on undefined. */
function shapeError(endpoint, what) {
    return new ActionError('Unexpected response from the Camunda engine', `${endpoint} returned a response the action cannot read (${what}). Check that api_url is the engine-rest base (e.g. https://bpm.example.com/engine-rest) and that no proxy answers in its place.`);
}
function shapes_text(endpoint, obj, key) {
    const value = obj[key];
    if (typeof value !== 'string' || value === '')
        throw shapeError(endpoint, `'${key}' is missing or not a string`);
    return value;
}
function optionalText(endpoint, obj, key) {
    const value = obj[key];
    if (value === undefined || value === null)
        return null;
    if (typeof value !== 'string')
        throw shapeError(endpoint, `'${key}' is not a string`);
    return value;
}
function list(endpoint, body) {
    if (!Array.isArray(body))
        throw shapeError(endpoint, 'expected a JSON array');
    return body.map((item, index) => {
        if (!shapes_isObject(item))
            throw shapeError(endpoint, `item ${index} is not an object`);
        return item;
    });
}
function parseDeployment(endpoint, body) {
    if (!shapes_isObject(body))
        throw shapeError(endpoint, 'expected a deployment object');
    return {
        id: shapes_text(endpoint, body, 'id'),
        name: optionalText(endpoint, body, 'name'),
        source: optionalText(endpoint, body, 'source'),
        deploymentTime: optionalText(endpoint, body, 'deploymentTime') ?? '',
        tenantId: optionalText(endpoint, body, 'tenantId')
    };
}
function parseDeployments(endpoint, body) {
    return list(endpoint, body).map((item) => parseDeployment(endpoint, item));
}
function shapes_parseResources(endpoint, body) {
    return list(endpoint, body).map((item) => ({ id: shapes_text(endpoint, item, 'id'), name: shapes_text(endpoint, item, 'name') }));
}
function parseDefinitions(endpoint, body) {
    return list(endpoint, body).map((item) => {
        const version = item.version;
        if (typeof version !== 'number')
            throw shapeError(endpoint, "'version' is not a number");
        return {
            id: shapes_text(endpoint, item, 'id'),
            key: shapes_text(endpoint, item, 'key'),
            version,
            deploymentId: shapes_text(endpoint, item, 'deploymentId'),
            tenantId: optionalText(endpoint, item, 'tenantId')
        };
    });
}

;// CONCATENATED MODULE: ./src/providers/camunda/camunda-api.ts


/** The engine-rest endpoints a rollback uses, typed; every failed read is explained. */
class CamundaApi {
    client;
    auth;
    /** What this run may have done to the engine so far; every read failure says it. */
    changed = 'nothing';
    constructor(client, auth) {
        this.client = client;
        this.auth = auth;
    }
    /** Newest first (by deploymentTime), one page. */
    async listDeployments(filter, firstResult, maxResults, doing) {
        const response = await this.read('/deployment', { ...deploymentQuery(filter), sortBy: 'deploymentTime', sortOrder: 'desc', firstResult, maxResults }, doing);
        return parseDeployments(response.endpoint, response.body);
    }
    async getDeployment(id, doing) {
        const response = await this.read(`/deployment/${encodeURIComponent(id)}`, undefined, doing);
        return parseDeployment(response.endpoint, response.body);
    }
    /** One deployment by id; undefined when the engine has none (404). */
    async findDeployment(id, doing) {
        const response = await this.client.read({ method: 'GET', path: `/deployment/${encodeURIComponent(id)}` });
        if (response.status === 404)
            return undefined;
        if (response.status < 200 || response.status >= 300)
            throw this.explain(response, doing);
        return parseDeployment(response.endpoint, response.body);
    }
    async listResources(deploymentId, doing) {
        const response = await this.read(`/deployment/${encodeURIComponent(deploymentId)}/resources`, undefined, doing);
        return shapes_parseResources(response.endpoint, response.body);
    }
    async resourceData(deploymentId, resourceId, doing) {
        const response = await this.read(`/deployment/${encodeURIComponent(deploymentId)}/resources/${encodeURIComponent(resourceId)}/data`, undefined, doing, true);
        return response.bytes ?? Buffer.alloc(0);
    }
    /** The definitions a deployment created (the engine refuses latestVersion together with deploymentId). */
    async definitionsOf(kind, deploymentId, doing) {
        const response = await this.read(`/${kind}-definition`, { deploymentId }, doing);
        return parseDefinitions(response.endpoint, response.body);
    }
    /** The latest version of one definition key in a tenant (or without one). */
    async latestDefinition(kind, key, tenantId, doing) {
        const tenant = tenantId ? { tenantIdIn: tenantId } : { withoutTenantId: 'true' };
        const response = await this.read(`/${kind}-definition`, { key, latestVersion: 'true', ...tenant }, doing);
        return parseDefinitions(response.endpoint, response.body)[0];
    }
    /** One attempt, never retried: the caller finds out what a lost answer means. */
    redeploy(deploymentId, body) {
        return this.client.send({ method: 'POST', path: `/deployment/${encodeURIComponent(deploymentId)}/redeploy`, body });
    }
    explain(response, doing, changed = this.changed) {
        return explainFailure(response, { doing, auth: this.auth, changed });
    }
    async read(path, query, doing, raw = false) {
        const response = await this.client.read({ method: 'GET', path, query, raw });
        if (response.status < 200 || response.status >= 300)
            throw this.explain(response, doing);
        return response;
    }
}
function deploymentQuery(filter) {
    const query = {};
    if (filter.name !== undefined)
        query.name = filter.name;
    if (filter.source !== undefined)
        query.source = filter.source;
    // Without a tenant the engine would list every tenant's deployments of that name.
    if (filter.tenantId)
        query.tenantIdIn = filter.tenantId;
    else
        query.withoutTenantId = 'true';
    return query;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
;// CONCATENATED MODULE: ./src/providers/camunda/content.ts

function fingerprint(resources) {
    const content = new Map();
    for (const [name, bytes] of resources)
        content.set(name, (0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex'));
    return content;
}
/** Same resource names with the same bytes. */
function sameContent(a, b) {
    if (a.size !== b.size)
        return false;
    for (const [name, hash] of a)
        if (b.get(name) !== hash)
            return false;
    return true;
}
/** What a redeploy of `target` changes against `current`, for the log and the summary. */
function describeChange(current, target) {
    const changed = [];
    const back = [];
    const gone = [];
    for (const [name, hash] of target) {
        if (!current.has(name))
            back.push(name);
        else if (current.get(name) !== hash)
            changed.push(name);
    }
    for (const name of current.keys())
        if (!target.has(name))
            gone.push(name);
    const parts = [
        changed.length ? `changed: ${changed.join(', ')}` : '',
        back.length ? `only in the target: ${back.join(', ')}` : '',
        gone.length ? `only in the current deployment: ${gone.join(', ')}` : ''
    ].filter(Boolean);
    return parts.join('; ') || 'no difference';
}

;// CONCATENATED MODULE: ./src/providers/camunda/rollback-source.ts

/** The engine's column holds 255 characters. */
const MAX_SOURCE_LENGTH = 255;
/**
 * The `source` of the deployment a rollback creates. It names the workflow run, so this run's
 * deployment can be found after a lost answer and a later `previous` can tell that the current
 * deployment is a rollback. Outside a workflow a random suffix keeps it unique.
 */
function rollbackSource(env, random = () => (0,external_node_crypto_.randomBytes)(6).toString('hex')) {
    const { GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: runId, GITHUB_RUN_ATTEMPT: attempt } = env;
    const source = repo && runId ? `rollback ${repo} run ${runId}.${attempt || '1'}` : `rollback ${random()}`;
    return source.slice(0, MAX_SOURCE_LENGTH);
}
/** Was this deployment made by this action's rollback (any run)? */
function isRollbackSource(source) {
    return source !== null && /^rollback (?:\S+\/\S+ run \d+\.\d+|[0-9a-f]{12})$/.test(source);
}

;// CONCATENATED MODULE: ./src/providers/camunda/resolve-deployment.ts




const PAGE_SIZE = 10;
/** The search never reads more than this many pages (PAGE_SIZE each): never the whole history. */
const MAX_PAGES = 100;
/**
 * Finds the deployment to redeploy. "Current" is the newest deployment of the name (and tenant).
 * `previous~N` walks older deployments newest first and counts distinct content (resource names
 * and bytes), so an identical redeploy — a restart of a process application — is no step; the
 * deployment named for a content is the newest that carries it. `previous` refuses to undo an
 * earlier rollback, judged from the deployments it reads.
 */
async function resolveDeployment(history, request) {
    return request.selector.kind === 'ref' ? resolveById(history, request, request.selector.revisionId) : resolvePrevious(history, request);
}
function tenantWords(tenantId) {
    return tenantId ? `in tenant '${tenantId}'` : 'without a tenant';
}
function noDeploymentNamed(name, tenantId) {
    throw new ActionError('No deployment of that name', `The engine has no deployment named '${name}' ${tenantWords(tenantId)}. Check app_id (the deployment name, as Cockpit shows it)${tenantId ? ' and tenant_id' : ', and set tenant_id if the deployment belongs to a tenant'}.`, { changed: 'nothing' });
}
async function newestOf(history, name, tenantId) {
    const [current] = await history.page(name, 0, 1);
    return current ?? noDeploymentNamed(name, tenantId);
}
function requireResources(target, content, resources) {
    const lacking = (resources ?? []).filter((name) => !content.has(name));
    if (lacking.length > 0) {
        throw new ActionError('Resource not in the target deployment', `Deployment ${target.id} (${target.deploymentTime}) has no resource named ${lacking.map((n) => `'${n}'`).join(', ')}. resources must name resources of the deployment rolled back to (names as in Cockpit, e.g. invoice.bpmn). Nothing was deployed.`, { changed: 'nothing' });
    }
}
async function resolveById(history, request, id) {
    const target = await history.find(id);
    if (!target) {
        throw new ActionError('Deployment not found', `The engine has no deployment with id '${id}'. Copy the id from Cockpit (Deployments) or from an earlier run's revision_id output, and check api_url.`, { changed: 'nothing' });
    }
    if (request.name && target.name !== request.name) {
        throw new ActionError('Deployment belongs to another name', `Deployment ${id} is named '${target.name ?? ''}', not '${request.name}' as app_id says. Fix app_id, or leave it empty to roll back the deployment's own name.`, { changed: 'nothing' });
    }
    if ((target.tenantId ?? null) !== request.tenantId) {
        throw new ActionError('Deployment belongs to another tenant', `Deployment ${id} is ${tenantWords(target.tenantId)}, but this run asks for deployments ${tenantWords(request.tenantId)}. ${target.tenantId ? `Set tenant_id: ${target.tenantId}.` : 'Leave tenant_id empty.'}`, { changed: 'nothing' });
    }
    if (!target.name) {
        throw new ActionError('Deployment has no name', `Deployment ${id} has no name, so the action cannot tell which deployment is current. Only named deployments can be rolled back.`, { changed: 'nothing' });
    }
    const current = await newestOf(history, target.name, request.tenantId);
    const targetContent = await history.content(target, request.resources);
    requireResources(target, targetContent, request.resources);
    const currentContent = current.id === target.id ? targetContent : await history.content(current, request.resources);
    return { current, currentContent, target, targetContent, sameContent: sameContent(currentContent, targetContent), searched: current.id === target.id ? 1 : 2, warnings: [] };
}
async function resolvePrevious(history, request) {
    const selector = request.selector;
    const { name, tenantId } = request;
    const seenIds = new Set();
    const read = []; // every deployment read, newest first
    const distinct = []; // the newest deployment of each distinct content, newest first
    const buffer = []; // read from the engine, content not yet compared
    let exhausted = false;
    let page = 0;
    /** The next older deployment with its content, or undefined at the end of the (bounded) history. */
    const next = async () => {
        for (;;) {
            if (buffer.length === 0) {
                if (exhausted || page >= MAX_PAGES)
                    return undefined;
                const rows = await history.page(name, page * PAGE_SIZE, PAGE_SIZE);
                page++;
                if (rows.length < PAGE_SIZE)
                    exhausted = true;
                // A deployment made while paging shifts the pages by one: never count one twice.
                buffer.push(...rows.filter((row) => !seenIds.has(row.id)));
                if (buffer.length === 0)
                    continue;
            }
            const deployment = buffer.shift();
            seenIds.add(deployment.id);
            const seen = { deployment, content: await history.content(deployment, request.resources) };
            read.push(seen);
            return seen;
        }
    };
    const current = await next();
    if (!current)
        return noDeploymentNamed(name, tenantId);
    distinct.push(current);
    let target;
    while (!target) {
        const seen = await next();
        if (!seen)
            break;
        if (!distinct.some((d) => sameContent(d.content, seen.content)))
            distinct.push(seen);
        target = distinct[selector.steps];
    }
    if (!target) {
        const searched = read.length;
        const bounded = !exhausted ? ` The search stops after the newest ${MAX_PAGES * PAGE_SIZE} deployments; give revision as a deployment id to go further back.` : '';
        throw new ActionError('No earlier deployment to roll back to', `${describeSelector(selector)} needs ${selector.steps + 1} deployments with different content named '${name}' ${tenantWords(tenantId)}, but the ${searched} read hold only ${distinct.length}${request.resources ? ` (comparing ${request.resources.join(', ')})` : ''}.${bounded}`, { changed: 'nothing' });
    }
    requireResources(target.deployment, target.content, request.resources);
    // Read on past the target to the content it replaced: if that is the current content, the
    // current deployment undid the target once already.
    for (let seen = await next(); seen && sameContent(seen.content, target.content); seen = await next())
        ;
    refuseToUndoRollback(selector, read, current, target);
    return {
        current: current.deployment,
        currentContent: current.content,
        target: target.deployment,
        targetContent: target.content,
        sameContent: false,
        searched: read.length,
        warnings: []
    };
}
/**
 * `previous` after a rollback would undo it: the release that was rolled back from comes back.
 * Evidence: a deployment of the current content carries this action's rollback source, or the
 * current content was deployed before, with different content in between.
 */
function refuseToUndoRollback(selector, read, current, target) {
    const currentRun = [];
    for (const seen of read) {
        if (!sameContent(seen.content, current.content))
            break;
        currentRun.push(seen);
    }
    const marked = currentRun.find((seen) => isRollbackSource(seen.deployment.source));
    let evidence;
    if (marked) {
        evidence = `deployment ${marked.deployment.id} (${marked.deployment.deploymentTime}) has source '${marked.deployment.source}': it was made by this action's rollback`;
    }
    else {
        const between = read.findIndex((seen) => !sameContent(seen.content, current.content));
        const again = between === -1 ? undefined : read.slice(between).find((seen) => sameContent(seen.content, current.content));
        const earlier = again;
        if (earlier) {
            evidence = `its content equals that of the older deployment ${earlier.deployment.id} (${earlier.deployment.deploymentTime}), with deployment ${read[between].deployment.id} of different content in between: it looks like a rollback already`;
        }
    }
    if (!evidence)
        return;
    throw new ActionError('Refusing to undo an earlier rollback', `${describeSelector(selector)} would redeploy deployment ${target.deployment.id} (${target.deployment.deploymentTime}), but the current deployment ${current.deployment.id} looks like a rollback: ${evidence}. ` +
        `Going back from it would bring back what was rolled back from. To redeploy ${target.deployment.id} anyway, pass revision: ${target.deployment.id}. Nothing was deployed.`, { changed: 'nothing' });
}

;// CONCATENATED MODULE: ./src/providers/camunda/trigger-redeploy.ts



/**
 * A request that timed out on our side may still be committed by the engine afterwards: look for
 * this run's deployment for 15 s, as every platform's unknown outcome is watched, before saying
 * nothing was deployed.
 */
const LOOKUPS = 6;
const LOOKUP_SPACING_MS = 3000;
/** Deployments of this run's source listed before the send; more would be an absurd history. */
const SOURCE_PAGE = 50;
/**
 * Sends the redeploy exactly once. The engine answers synchronously with the new deployment. A
 * 5xx or a lost answer is never repeated: the deployments are read back by this run's `source`,
 * and the run goes on only if the engine shows the deployment, or fails saying nothing was deployed.
 */
async function triggerRedeploy(ctx, plan, tracker) {
    const { api, log } = ctx;
    const doing = `redeploying deployment ${plan.revision.id}`;
    // A second rollback step in the same workflow run carries the same source: what exists now is not ours.
    const before = new Set((await bySource(ctx, 'listing deployments of this run before the redeploy')).map((d) => d.id));
    const acceptedAt = ctx.deadline.clock.now();
    tracker.mark('unknown');
    api.changed = 'unknown';
    let response;
    let lost;
    try {
        response = await api.redeploy(plan.revision.id, { source: ctx.source, ...(ctx.resources ? { resourceNames: ctx.resources } : {}) });
    }
    catch (error) {
        if (!(error instanceof TransportError))
            throw error;
        lost = `no answer: ${error.code}`;
    }
    if (response && response.status >= 200 && response.status < 300) {
        tracker.mark('accepted');
        api.changed = 'accepted';
        const created = parseDeployment(response.endpoint, response.body);
        log.info(`The engine created deployment ${created.id} (${created.deploymentTime}) with source '${ctx.source}'.`);
        return { kind: 'triggered', receipt: { acceptedAt, outputs: { deployment_id: created.id } } };
    }
    if (response && response.status < 500) {
        // A 4xx is the engine refusing before it deployed anything.
        tracker.mark('nothing');
        api.changed = 'nothing';
        throw api.explain(response, doing, 'nothing');
    }
    lost ??= `answered ${response.status}`;
    log.warning(`The redeploy got no usable answer (${lost}). Reading the deployments back by source '${ctx.source}' to learn whether the engine deployed it; it is not sent again.`, 'Redeploy answer lost');
    const found = await findOwnDeployment(ctx, before);
    if (found) {
        tracker.mark('accepted');
        api.changed = 'accepted';
        log.warning(`Deployment ${found.id} (${found.deploymentTime}) with this run's source exists: the engine did deploy it. Going on to verify it.`, 'Redeploy found after a lost answer');
        return {
            kind: 'triggered',
            receipt: { acceptedAt, outputs: { deployment_id: found.id }, note: `the redeploy's answer was lost (${lost}); deployment ${found.id} was found by its source` }
        };
    }
    tracker.mark('nothing');
    api.changed = 'nothing';
    const engineSays = response ? explainedLater(response) : '';
    throw new ActionError('Redeploy failed; nothing was deployed', `POST /deployment/${plan.revision.id}/redeploy got no usable answer (${lost}).${engineSays} The engine shows no deployment with this run's source '${ctx.source}', so nothing was deployed and a re-run is safe.`, { changed: 'nothing' });
}
async function bySource(ctx, doing) {
    return ctx.api.listDeployments({ name: ctx.name, tenantId: ctx.tenantId, source: ctx.source }, 0, SOURCE_PAGE, doing);
}
async function findOwnDeployment(ctx, before) {
    for (let lookup = 0; lookup < LOOKUPS; lookup++) {
        if (lookup > 0)
            await ctx.deadline.sleep(LOOKUP_SPACING_MS);
        const found = (await bySource(ctx, 'checking whether the redeploy took effect')).find((d) => !before.has(d.id));
        if (found)
            return found;
        if (ctx.deadline.expired())
            break;
    }
    return undefined;
}
function explainedLater(response) {
    const body = response.body;
    return typeof body?.message === 'string' ? ` The engine said: "${body.message.slice(0, 300)}".` : '';
}

;// CONCATENATED MODULE: ./src/providers/camunda/verify-latest.ts

const KINDS = ['process', 'decision'];
/**
 * The redeploy is synchronous, so "done" means its definitions are what new instances start:
 * each one the latest version of its key in the deployment's tenant. A deployment made in the
 * meantime (a process application restarting, a pipeline) would silently win; this says so.
 */
async function verifyLatest(ctx, plan, receipt, tracker) {
    const { api, log } = ctx;
    const deploymentId = receipt.outputs?.deployment_id ?? '';
    tracker.pending(`checking that deployment ${deploymentId}'s definitions are the latest versions`);
    const doing = `verifying deployment ${deploymentId}`;
    const newer = [];
    let checked = 0;
    for (const kind of KINDS) {
        for (const definition of await api.definitionsOf(kind, deploymentId, doing)) {
            checked++;
            const latest = await api.latestDefinition(kind, definition.key, definition.tenantId, doing);
            if (!latest) {
                newer.push(`${kind} '${definition.key}' has no latest version at all (deleted since?)`);
            }
            else if (latest.id !== definition.id) {
                newer.push(`${kind} '${definition.key}': version ${latest.version} from deployment ${latest.deploymentId} is newer than the rolled-back version ${definition.version}`);
            }
        }
    }
    if (newer.length > 0) {
        throw new ActionError('A newer deployment overrides the rollback', `Deployment ${deploymentId} (a redeploy of ${plan.revision.id}) was created, but its definitions are not the latest: ${newer.join('; ')}. New instances start the newer version. Something deployed after the rollback (a process application that auto-deploys on start, another pipeline): roll that back too, then re-run.`, { changed: 'accepted' });
    }
    if (checked === 0) {
        await api.getDeployment(deploymentId, doing); // no definitions (e.g. only forms): its existence is the proof
        log.info(`Deployment ${deploymentId} holds no process or decision definitions; it exists, which is all there is to check.`);
        return;
    }
    log.info(`Verified: all ${checked} definition${checked === 1 ? '' : 's'} of deployment ${deploymentId} are the latest versions.`);
}

;// CONCATENATED MODULE: ./src/providers/camunda/camunda-provider.ts







const CAMUNDA_VOCABULARY = {
    platform: 'Camunda 7',
    app: 'Deployment',
    instance: 'deployment',
    instances: 'deployments',
    version: 'deployment',
    redeploy: 'redeploy'
};
function authHeaders(auth) {
    if (auth.kind === 'basic')
        return { Authorization: `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}` };
    if (auth.kind === 'bearer')
        return { Authorization: `Bearer ${auth.token}` };
    return {};
}
/** The history resolution reads, backed by engine-rest; content is read once per deployment. */
function engineHistory(api, tenantId) {
    const contents = new Map();
    const load = async (deployment, only) => {
        const doing = `reading the resources of deployment ${deployment.id}`;
        const listed = await api.listResources(deployment.id, doing);
        const compared = only ? listed.filter((resource) => only.includes(resource.name)) : listed;
        const bytes = [];
        for (const resource of compared)
            bytes.push([resource.name, await api.resourceData(deployment.id, resource.id, doing)]);
        return fingerprint(bytes);
    };
    return {
        page: (name, firstResult, maxResults) => api.listDeployments({ name, tenantId }, firstResult, maxResults, `reading the deployments named '${name}'`),
        find: (id) => api.findDeployment(id, `reading deployment ${id}`),
        content: (deployment, only) => {
            // One run compares one set of resources: the id alone keys the cache.
            let content = contents.get(deployment.id);
            if (!content)
                contents.set(deployment.id, (content = load(deployment, only)));
            return content;
        }
    };
}
/** Camunda 7 behind the provider interface: the deployment of a name is the instance, deployment ids the versions. */
function createCamundaProvider(settings, deps, env = process.env) {
    const client = new ApiClient({
        baseUrl: settings.apiUrl,
        authHeaders: authHeaders(settings.auth),
        userAgent: `${deps.userAgent} (+camunda)`,
        deadline: deps.deadline,
        log: deps.log
    });
    const api = new CamundaApi(client, settings.auth.kind);
    const tenantId = settings.tenantId ?? null;
    const ctx = { api, deadline: deps.deadline, log: deps.log, name: settings.appId, tenantId, resources: settings.resources, source: rollbackSource(env) };
    return {
        vocabulary: CAMUNDA_VOCABULARY,
        async plan() {
            const resolved = await resolveDeployment(engineHistory(api, tenantId), {
                name: settings.appId,
                tenantId,
                selector: settings.revision,
                resources: settings.resources
            });
            const { current, target } = resolved;
            ctx.name = current.name ?? settings.appId;
            const instance = { id: current.id, name: ctx.name, version: current.id, status: `deployed ${current.deploymentTime}` };
            const change = describeChange(resolved.currentContent, resolved.targetContent);
            deps.log.info(`Deployments named '${ctx.name}' ${tenantId ? `in tenant '${tenantId}'` : 'without a tenant'}, comparing ${settings.resources ? settings.resources.join(', ') : 'all resources'}: redeploying ${target.id} over ${current.id} (${change}).`);
            return {
                appId: ctx.name,
                targets: [instance],
                toRedeploy: resolved.sameContent ? [] : [instance],
                revision: {
                    id: target.id,
                    version: target.id,
                    createdAt: target.deploymentTime,
                    createdBy: target.source ? `source '${target.source}'` : undefined,
                    operationType: 'deployment'
                },
                previousVersion: current.id,
                searched: resolved.searched,
                warnings: resolved.warnings,
                outputs: { previous_deployment_id: current.id, deployment_id: '' },
                consoleUrl: '',
                details: [
                    ['Tenant', tenantId ?? '(none)'],
                    ['Resources', settings.resources ? settings.resources.join(', ') : 'all'],
                    ['Target source', target.source ?? '(none)'],
                    ['Change', change],
                    ['Source of the new deployment', ctx.source]
                ]
            };
        },
        trigger(plan, tracker) {
            return triggerRedeploy(ctx, plan, tracker);
        },
        waitUntilDone(plan, receipt, tracker) {
            return verifyLatest(ctx, plan, receipt, tracker);
        },
        dispose: () => client.dispose()
    };
}

;// CONCATENATED MODULE: ./src/http/rate-window.ts

/**
 * At most `limit` requests in any `windowMs` (a sliding window, so a burst straddling a second
 * boundary is not allowed twice the limit). A request counts from when it is sent until
 * `windowMs` after its answer came back: the server sees it arrive somewhere in between, so
 * requests spaced this way arrive spaced too, however the network delays each one.
 */
class RateWindow {
    clock;
    limit;
    windowMs;
    /** ms when each counted request's answer came back; undefined while it is open */
    entries = [];
    constructor(clock, limit, windowMs = 1000) {
        this.clock = clock;
        this.limit = limit;
        this.windowMs = windowMs;
    }
    prune() {
        const now = this.clock.now();
        for (let i = this.entries.length - 1; i >= 0; i--) {
            const doneAt = this.entries[i].doneAt;
            if (doneAt !== undefined && now - doneAt >= this.windowMs)
                this.entries.splice(i, 1);
        }
    }
    /** Requests that may go out right now without waiting. */
    available() {
        this.prune();
        return Math.max(0, this.limit - this.entries.length);
    }
    /** How long until one more request fits: 0 now, Infinity until an open request is answered. */
    waitMs() {
        this.prune();
        const excess = this.entries.length - this.limit + 1;
        if (excess <= 0)
            return 0;
        const done = this.entries.flatMap((entry) => (entry.doneAt === undefined ? [] : [entry.doneAt])).sort((a, b) => a - b);
        return done.length < excess ? Infinity : done[excess - 1] + this.windowMs - this.clock.now();
    }
    /** Counts a request sent now (the caller checked `waitMs()` first); call the result when it is answered. */
    begin() {
        const entry = {};
        this.entries.push(entry);
        return () => {
            entry.doneAt ??= this.clock.now();
        };
    }
    /** Waits until one more request fits, then counts it as sent and answered at once. */
    async take() {
        for (let wait = this.waitMs(); wait > 0; wait = this.waitMs())
            await this.clock.sleep(wait);
        this.begin()();
    }
}
/**
 * Paces the requests of a long wait against an API that publishes no rate limit: a bound on the
 * requests open at once and on those started in any second, and, when the API answers 429, a
 * pause for as long as it asks and half as many requests open at once from then on (growing back
 * by one after every few answers that were not throttled). Requests go out in the order asked.
 */
class RequestPacer {
    deadline;
    limits;
    window;
    open = 0;
    limit;
    pausedUntil = 0;
    calmAnswers = 0;
    queue = [];
    pumping = false;
    /** Answers in a row without a 429 before one more request may be open again. */
    static REGROW_AFTER = 10;
    constructor(deadline, limits) {
        this.deadline = deadline;
        this.limits = limits;
        this.window = new RateWindow(deadline.clock, limits.maxPerSecond);
        this.limit = limits.maxInFlight;
    }
    /** Requests that may be open at once now. */
    get inFlightLimit() {
        return this.limit;
    }
    /**
     * Runs `send` when the limits allow, after those already waiting unless `first` (a read that
     * everything else depends on). Past the deadline it runs at once, so the caller meets the timeout.
     */
    async run(send, first = false) {
        const answered = await new Promise((resolve) => {
            if (first)
                this.queue.unshift(resolve);
            else
                this.queue.push(resolve);
            this.pump();
        });
        try {
            return await send();
        }
        finally {
            answered();
            this.open--;
            this.pump();
        }
    }
    /** The API said 429: wait `waitMs` before the next request, and halve the requests open at once. */
    throttled(waitMs) {
        this.pausedUntil = Math.max(this.pausedUntil, this.deadline.clock.now() + waitMs);
        this.limit = Math.max(1, Math.floor(this.limit / 2));
        this.calmAnswers = 0;
    }
    /** An answer that was not a 429: after enough of them, one more request may be open. */
    answered() {
        if (this.limit >= this.limits.maxInFlight || ++this.calmAnswers < RequestPacer.REGROW_AFTER)
            return;
        this.limit++;
        this.calmAnswers = 0;
        this.pump();
    }
    pump() {
        if (this.pumping)
            return;
        this.pumping = true;
        void this.drain().finally(() => {
            this.pumping = false;
        });
    }
    async drain() {
        const clock = this.deadline.clock;
        while (this.queue.length > 0) {
            if (!this.deadline.expired()) {
                const wait = Math.max(this.pausedUntil - clock.now(), this.window.waitMs());
                // Full, or the window waits on an open request: the one that ends pumps again.
                if (this.open >= this.limit || wait === Infinity)
                    return;
                if (wait > 0) {
                    await this.deadline.sleep(wait);
                    continue;
                }
            }
            this.open++;
            this.queue.shift()(this.window.begin());
        }
    }
}
/** Bounds for a server's own wait: 0 or a past time never means "hammer", a huge one never "wait an hour". */
const MIN_THROTTLE_WAIT_MS = 1000;
const MAX_THROTTLE_WAIT_MS = 60_000;
/**
 * How long a 429 asks to wait: `Retry-After` (seconds or an HTTP date), else `X-RateLimit-Reset`
 * (a Unix time in seconds, as Qovery documents it; a small number is read as seconds from now,
 * as other APIs send it), else `fallbackMs`. Bounded to 1–60 s.
 */
function throttleWaitMs(headers, now, fallbackMs) {
    const asked = parseRetryAfter(headers['retry-after'], now) ?? parseRateLimitReset(headers['x-ratelimit-reset'], now);
    return Math.min(MAX_THROTTLE_WAIT_MS, Math.max(MIN_THROTTLE_WAIT_MS, asked ?? fallbackMs));
}
function parseRateLimitReset(value, now) {
    const text = (Array.isArray(value) ? value[0] : value)?.trim();
    if (!text || !/^\d+(\.\d+)?$/.test(text))
        return undefined;
    const seconds = Number(text);
    // Anything after 2001 is a point in time, not a count of seconds.
    return seconds >= 1e9 ? Math.max(0, seconds * 1000 - now) : seconds * 1000;
}

;// CONCATENATED MODULE: ./src/report/describe-value.ts
/**
 * A platform-supplied value of any shape as short text, without unbounded recursion: nesting is
 * cut at a small depth and the result at a fixed length, whatever the server sends.
 */
function describeValue(value, maxLength = 500, maxDepth = 3) {
    const text = render(value, maxDepth, maxLength);
    return text.length > maxLength ? `${text.slice(0, maxLength)}…` : text;
}
function render(value, depth, budget) {
    if (value === null || value === undefined)
        return String(value);
    if (typeof value === 'string')
        return value.length > budget ? `${value.slice(0, budget)}…` : value;
    if (typeof value !== 'object')
        return String(value);
    if (depth <= 0)
        return Array.isArray(value) ? '[…]' : '{…}';
    const parts = [];
    let used = 0;
    const entries = Array.isArray(value) ? value.map((item, i) => [String(i), item]) : Object.entries(value);
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

;// CONCATENATED MODULE: ./src/providers/phala/platform-errors.ts



const platform_errors_isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
/** Bounds on what is taken from an error body: a hostile body cannot make a message enormous. */
const MAX_ITEMS = 20;
const MAX_TEXT = 2000;
const clip = (text) => (text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text);
function readErrorBody(response) {
    const header = response.headers['x-request-id'];
    const result = { details: [], suggestions: [], requestId: typeof header === 'string' ? clip(header) : undefined };
    const body = response.body;
    if (!platform_errors_isObject(body)) {
        if (response.text.trim())
            result.message = excerpt(response.text);
        return result;
    }
    const structured = platform_errors_isObject(body.detail) ? body.detail : body;
    const detail = body.detail;
    if (typeof detail === 'string')
        result.message = clip(detail);
    else if (Array.isArray(detail)) {
        // FastAPI validation errors: [{loc, msg, type}]
        result.message = clip(detail
            .slice(0, MAX_ITEMS)
            .map((item) => platform_errors_isObject(item) ? `${Array.isArray(item.loc) ? item.loc.slice(0, 10).map(String).join('.') + ': ' : ''}${describeValue(item.msg ?? '')}` : describeValue(item))
            .join('; '));
    }
    if (typeof structured.message === 'string')
        result.message = clip(structured.message);
    if (typeof structured.error_code === 'string')
        result.errorCode = clip(structured.error_code);
    if (Array.isArray(structured.details)) {
        result.details = structured.details
            .slice(0, MAX_ITEMS)
            .filter(platform_errors_isObject)
            .map((d) => ({ field: typeof d.field === 'string' ? clip(d.field) : undefined, value: d.value }));
    }
    if (Array.isArray(structured.suggestions))
        result.suggestions = structured.suggestions
            .slice(0, MAX_ITEMS)
            .filter((s) => typeof s === 'string')
            .map(clip);
    if (typeof structured.request_id === 'string')
        result.requestId = clip(structured.request_id);
    return result;
}
/**
 * Turns an HTTP failure into what the on-call engineer should do next. Whether anything was
 * changed travels on the error (`changed`); the pipeline states it once for every failure.
 */
function platform_errors_explainFailure(response, ctx) {
    const said = readErrorBody(response);
    const platformSays = said.message ? ` Phala Cloud says: "${said.message}".` : '';
    const reqId = said.requestId ? ` (request id ${said.requestId})` : '';
    const status = response.status;
    const where = `${response.endpoint} → ${status}${reqId}`;
    const options = { changed: ctx.changed };
    const cvmPath = /^\w+ \S*\/cvms\/[^/]+/.test(response.endpoint);
    switch (status) {
        case 401:
            return new ActionError('Phala Cloud rejected the API key', `${where} while ${ctx.doing}.${platformSays} The API key is missing, mistyped, revoked or expired: check the secret passed as api_key (or PHALA_CLOUD_API_KEY).`, options);
        case 403:
            return new ActionError("No access to the app's workspace", `${where} while ${ctx.doing}.${platformSays} The API key is valid but its workspace has no access to app ${ctx.appId}: use a key created in the workspace that owns the app.`, options);
        case 404:
            return notFound(where, platformSays, ctx, cvmPath);
        case 422:
            return new ActionError('Phala Cloud refused the request', `${where} while ${ctx.doing}.${platformSays}`, options);
        case 465:
            return onchainRegistrationRequired(where, said, ctx);
        case 466:
        case 467:
        case 468: {
            const why = status === 466 ? 'is invalid or expired' : status === 467 ? 'could not be verified on-chain' : 'registers a compose hash that is not allowed for this app';
            return new ActionError('transaction_hash not accepted', `${where} while ${ctx.doing}.${platformSays} The transaction given as transaction_hash ${why}. It must be the hash of the addComposeHash(0x${ctx.composeHash ?? '…'}) transaction on the app's contract, confirmed on-chain.`, options);
        }
        default:
            if (status >= 500 || status === 429)
                return new ActionError('Phala Cloud is unavailable', `${where} while ${ctx.doing}, after retries.${platformSays} The platform is failing or throttling; try again in a few minutes.`, options);
            return new ActionError('Unexpected answer from Phala Cloud', `${where} while ${ctx.doing}.${platformSays}`, options);
    }
}
function notFound(where, platformSays, ctx, cvmPath) {
    const options = { changed: ctx.changed };
    // Every Phala path sits below /api/v1; without it the server answers 404 to everything.
    if (ctx.apiUrl && !/\/api\/v\d+$/.test(new URL(ctx.apiUrl).pathname.replace(/\/+$/, ''))) {
        return new ActionError('api_url looks incomplete', `${where} while ${ctx.doing}.${platformSays} api_url is ${ctx.apiUrl}, which does not end in /api/v1: Phala Cloud's API lives below it. Use e.g. https://cloud-api.phala.com/api/v1.`, options);
    }
    if (cvmPath) {
        return new ActionError('CVM not found', `${where} while ${ctx.doing}.${platformSays} The CVM was listed by app ${ctx.appId} a moment ago but Phala Cloud does not find it now: it may have been deleted or moved while the rollback ran. Check the app's CVMs in the dashboard.`, options);
    }
    if (ctx.revisionId) {
        return new ActionError('App or revision not found', `${where} while ${ctx.doing}.${platformSays} App ${ctx.appId} or its revision ${ctx.revisionId} no longer exists: re-run so the revision is resolved again, or check app_id.`, options);
    }
    return new ActionError('App not found', `${where} while ${ctx.doing}.${platformSays} No app ${ctx.appId} is visible to this key: check app_id (the hex id from the dashboard, app_ prefix optional) and that the key belongs to the app's workspace.`, options);
}
function onchainRegistrationRequired(where, said, ctx) {
    const field = (name) => said.details.find((d) => d.field === name)?.value;
    const hashValue = field('compose_hash');
    const hash = typeof hashValue === 'string' && /^(0x)?[0-9a-fA-F]{64}$/.test(hashValue) ? hashValue : `0x${ctx.composeHash ?? ''}`;
    const kms = field('kms_info');
    const lines = [
        `${where} while ${ctx.doing}: app ${ctx.appId} uses on-chain KMS, so compose hash ${hash} must be registered on the app's contract before it can run${said.errorCode ? ` (${said.errorCode})` : ''}.`,
        `What to do: call addComposeHash(${hash}) on the app contract, wait for the transaction to confirm, then run this action again with transaction_hash set to that transaction's hash (0x + 64 hex).`
    ];
    if (platform_errors_isObject(kms))
        lines.push(`KMS: ${Object.entries(kms)
            .slice(0, MAX_ITEMS)
            .map(([k, v]) => `${clip(k)}=${describeValue(v)}`)
            .join(', ')}.`);
    const deviceId = field('device_id');
    if (typeof deviceId === 'string')
        lines.push(`Device id: ${clip(deviceId)}.`);
    if (said.message)
        lines.push(`Phala Cloud says: "${said.message}".`);
    for (const suggestion of said.suggestions)
        lines.push(`Suggestion: ${suggestion}`);
    lines.push('The compose_hash output is set, so a later step can register it.');
    return new ActionError('Compose hash must be registered on-chain (transaction_hash)', lines.join('\n'), { changed: ctx.changed });
}

;// CONCATENATED MODULE: ./src/providers/phala/shapes.ts


/** Thrown for a 2xx body that is not what the API documents: name the endpoint, never crash on undefined. */
function shapes_shapeError(endpoint, what) {
    return new ActionError('Unexpected response from Phala Cloud', `${endpoint} returned a response the action cannot read (${what}). The API may have changed or a proxy answered instead; check api_url.`);
}
function phala_shapes_isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function str(endpoint, obj, key, where) {
    const value = obj[key];
    if (typeof value !== 'string')
        throw shapes_shapeError(endpoint, `${where}.${key} is ${value === undefined ? 'missing' : typeof value}`);
    return value;
}
function optStr(obj, key) {
    const value = obj?.[key];
    return typeof value === 'string' && value !== '' ? value : undefined;
}
function parseRevisionsPage(endpoint, body) {
    if (!phala_shapes_isObject(body))
        throw shapes_shapeError(endpoint, 'the body is not an object');
    if (!Array.isArray(body.revisions))
        throw shapes_shapeError(endpoint, "'revisions' is not a list");
    const total = body.total;
    const totalPages = body.total_pages;
    if (typeof total !== 'number' || typeof totalPages !== 'number')
        throw shapes_shapeError(endpoint, "'total' or 'total_pages' is not a number");
    const rows = body.revisions.map((item, index) => {
        const where = `revisions[${index}]`;
        if (!phala_shapes_isObject(item))
            throw shapes_shapeError(endpoint, `${where} is not an object`);
        const triggeredBy = phala_shapes_isObject(item.triggered_by) ? item.triggered_by : undefined;
        const cvm = phala_shapes_isObject(item.cvm) ? item.cvm : undefined;
        return {
            revisionId: str(endpoint, item, 'revision_id', where),
            vmUuid: str(endpoint, item, 'vm_uuid', where).toLowerCase(),
            composeHash: normaliseHash(str(endpoint, item, 'compose_hash', where)),
            createdAt: str(endpoint, item, 'created_at', where),
            operationType: optStr(item, 'operation_type') ?? 'unknown',
            triggeredBy: optStr(triggeredBy, 'username'),
            cvmName: optStr(cvm, 'name')
        };
    });
    return { rows, total, totalPages };
}
function parseCvmList(endpoint, body) {
    if (!Array.isArray(body))
        throw shapes_shapeError(endpoint, 'the body is not a list of CVMs');
    return body.map((item, index) => parseCvm(endpoint, item, `[${index}]`));
}
function parseCvm(endpoint, item, where) {
    if (!phala_shapes_isObject(item))
        throw shapes_shapeError(endpoint, `${where} is not an object`);
    const vmUuid = optStr(item, 'vm_uuid');
    if (!vmUuid)
        throw shapes_shapeError(endpoint, `${where}.vm_uuid is missing`);
    if (typeof item.status !== 'string')
        throw shapes_shapeError(endpoint, `${where}.status is missing`);
    const progress = phala_shapes_isObject(item.progress) ? item.progress : undefined;
    const hash = optStr(item, 'compose_hash');
    const target = optStr(progress, 'target');
    return {
        id: optStr(item, 'id') ?? vmUuid.replace(/-/g, '').toLowerCase(),
        vmUuid: vmUuid.toLowerCase(),
        name: optStr(item, 'name') ?? vmUuid,
        status: item.status,
        inProgress: item.in_progress === true || target !== undefined,
        composeHash: hash ? normaliseHash(hash) : '',
        progress: progress ? { target, startedAt: optStr(progress, 'started_at'), correlationId: optStr(progress, 'correlation_id') } : undefined
    };
}
function parseOperations(endpoint, body) {
    if (!phala_shapes_isObject(body) || !Array.isArray(body.items))
        throw shapes_shapeError(endpoint, "'items' is not a list");
    return body.items.map((item, index) => {
        const where = `items[${index}]`;
        if (!phala_shapes_isObject(item))
            throw shapes_shapeError(endpoint, `${where} is not an object`);
        const hash = optStr(item, 'compose_hash');
        return {
            correlationId: str(endpoint, item, 'correlation_id', where),
            operationType: str(endpoint, item, 'operation_type', where),
            status: str(endpoint, item, 'status', where),
            startedAt: str(endpoint, item, 'started_at', where),
            completedAt: optStr(item, 'completed_at'),
            errorMessage: clipMessage(optStr(item, 'error_message')),
            composeHash: hash ? normaliseHash(hash) : undefined
        };
    });
}
/** A platform error message is shown to people; past a few thousand characters it is noise (or hostile). */
const MAX_MESSAGE_CHARS = 2000;
function clipMessage(text) {
    return text !== undefined && text.length > MAX_MESSAGE_CHARS ? `${text.slice(0, MAX_MESSAGE_CHARS)}…` : text;
}

;// CONCATENATED MODULE: ./src/providers/phala/phala-api.ts




/** Sent on every request so a change of the server's default response shapes cannot break parsing. */
const PHALA_API_VERSION = '2026-01-21';
const REVISIONS_PAGE_SIZE = 1000;
/**
 * The Phala Cloud endpoints the rollback uses, typed. Also keeps an estimate of the server's
 * clock (from Date headers), because "an operation that started after the trigger" must be
 * judged on the platform's clock, not the runner's.
 */
class PhalaApi {
    client;
    appId;
    localNow;
    apiUrl;
    clockOffsetMs = 0;
    /** What a failed read means for the platform's state; the trigger moves it on as it sends. */
    changed = 'nothing';
    constructor(client, appId, localNow, 
    /** For hints: an api_url without /api/v1 answers 404 to everything. */
    apiUrl = '') {
        this.client = client;
        this.appId = appId;
        this.localNow = localNow;
        this.apiUrl = apiUrl;
    }
    /** The platform's current time, as best known. */
    serverNow() {
        return this.localNow() + this.clockOffsetMs;
    }
    async listAppCvms(doing, paced) {
        const response = await this.read(`/apps/${this.appId}/cvms`, undefined, doing, paced);
        return parseCvmList(response.endpoint, response.body);
    }
    async listRevisions(page, doing) {
        const response = await this.read(`/apps/${this.appId}/revisions`, { page, page_size: REVISIONS_PAGE_SIZE }, doing);
        return parseRevisionsPage(response.endpoint, response.body);
    }
    /** Newest first. `cvmId` is CvmState.id: the hashed id, or the dashless UUID. A number is the limit alone. */
    async listOperations(cvmId, filter, doing, paced) {
        const { limit, startedAfter, types } = typeof filter === 'number' ? { limit: filter } : filter;
        const query = { limit };
        if (startedAfter !== undefined)
            query.start_time = new Date(startedAfter).toISOString();
        if (types && types.length > 0)
            query.operation_types = [...types];
        const response = await this.read(`/cvms/${encodeURIComponent(cvmId)}/operations`, query, doing, paced);
        return parseOperations(response.endpoint, response.body);
    }
    /** One attempt, no retry, no redirect: the caller decides what an unclear answer means. */
    async redeploy(revisionId, vmUuids, transactionHash) {
        const response = await this.client.send({
            method: 'POST',
            path: `/apps/${this.appId}/revisions/${encodeURIComponent(revisionId)}/redeploy`,
            query: { transaction_hash: transactionHash },
            body: { vm_uuids: vmUuids }
        });
        this.noteServerDate(response);
        return response;
    }
    async read(path, query, doing, paced) {
        const response = paced ? await this.pacedRead({ method: 'GET', path, query, throttledToCaller: true }, paced) : await this.client.read({ method: 'GET', path, query });
        this.noteServerDate(response);
        if (response.status < 200 || response.status >= 300) {
            throw platform_errors_explainFailure(response, { appId: this.appId, doing, changed: this.changed, apiUrl: this.apiUrl });
        }
        if (response.notJson)
            throw notJsonError(response, 'Phala Cloud');
        return response;
    }
    /** Until an answer that is not a 429 (or the deadline, which the pacer and the client enforce). */
    async pacedRead(call, { pacer, onThrottled, first }) {
        for (let throttles = 0;; throttles++) {
            const response = await pacer.run(() => this.client.read(call), first);
            if (response.status !== 429) {
                pacer.answered();
                return response;
            }
            this.noteServerDate(response);
            // Without a header saying how long: 2 s, doubling, within the 1–60 s bounds.
            const waitMs = throttleWaitMs(response.headers, this.localNow(), 2000 * 2 ** Math.min(throttles, 5));
            pacer.throttled(waitMs);
            onThrottled(response.endpoint, waitMs);
        }
    }
    noteServerDate(response) {
        const date = Date.parse(String(response.headers.date ?? ''));
        // Date has one-second resolution; half a second is the expected error.
        if (!Number.isNaN(date))
            this.clockOffsetMs = date + 500 - this.localNow();
    }
}

;// CONCATENATED MODULE: ./src/providers/phala/revision-paging.ts

/** The caller always asks for the largest page the API allows. */
const revision_paging_PAGE_SIZE = 1000;
const DEFAULT_CONCURRENCY = 8;
/** Beyond this we would only be hammering an API whose rate limits are unpublished. */
const MAX_CONCURRENCY = 8;
/** 100 pages = 100,000 revisions: far past any real rollback, short enough to fail fast. */
const DEFAULT_MAX_PAGES = 100;
function pagingFailed(message) {
    return new ActionError('Revision history paging failed', message);
}
/**
 * Reads the revision history page by page. Page 1 goes alone (it tells how many pages there
 * are); later pages are fetched ahead, at most `concurrency` at once, but handed over in order.
 *
 * New revisions arrive at the top while we read and push older rows to later pages, so rows are
 * de-duplicated by revision id and the page count is re-planned from every page's `total`. A
 * page served from an older snapshot than its predecessor (a smaller `total`: possible when
 * concurrent requests are served out of order) may have skipped rows in between, so it is
 * fetched again once. Everything is bounded by `maxPages` requests, whatever the server claims.
 */
async function readRevisionPages(fetchPage, visit, options = {}) {
    const concurrency = Math.min(MAX_CONCURRENCY, Math.max(1, Math.floor(options.concurrency ?? DEFAULT_CONCURRENCY)));
    const maxPages = Math.max(1, Math.floor(options.maxPages ?? DEFAULT_MAX_PAGES));
    const firstSeenOn = new Map(); // revision id → page
    const ahead = new Map();
    let requests = 0;
    let rowsRead = 0;
    let pagesRead = 0;
    let total = 0;
    let wanted = 1; // last page we know we need
    let processed = 0;
    // Rejections are captured, never left unhandled: a page fetched ahead may be ignored.
    const request = (page) => {
        requests++;
        return (async () => fetchPage(page))().then((result) => ({ ok: true, page: result }), (error) => ({ ok: false, error }));
    };
    const receive = async (outcome) => {
        const settled = await outcome;
        if (!settled.ok)
            throw settled.error;
        return settled.page;
    };
    // The window [processed + 1, processed + concurrency] bounds both requests in flight and how
    // much is wasted once the answer is settled.
    const fetchAhead = () => {
        const last = Math.min(wanted, processed + concurrency);
        for (let page = processed + 1; page <= last && requests < maxPages; page++) {
            if (!ahead.has(page))
                ahead.set(page, request(page));
        }
    };
    const result = (end) => ({ rowsRead, pagesRead, requests, total, end, maxPages });
    for (let page = 1;; page++) {
        if (page > wanted)
            return result('exhausted');
        let pending = ahead.get(page);
        ahead.delete(page);
        if (!pending) {
            if (requests >= maxPages)
                return result('capped');
            pending = request(page);
        }
        let body = await receive(pending);
        if (page > 1 && body.total < total && requests < maxPages)
            body = await receive(request(page));
        if (body.rows.length === 0) {
            if (rowsRead >= body.total)
                return result('exhausted');
            throw pagingFailed(`Page ${page} of the revision history came back empty although it reports ${body.total} revisions and only ${rowsRead} were read: ` +
                'the server ignored the page parameter or lost rows mid-read. Stopped instead of paging on.');
        }
        const fresh = [];
        for (const row of body.rows) {
            if (firstSeenOn.has(row.revisionId))
                continue;
            firstSeenOn.set(row.revisionId, page);
            fresh.push(row);
        }
        // A page of nothing new is legitimate only if at least a page of revisions arrived since the
        // previous page and pushed it down; otherwise the server is repeating itself.
        if (fresh.length === 0 && body.total - total < body.rows.length) {
            const repeated = firstSeenOn.get(body.rows[0].revisionId);
            throw pagingFailed(`Page ${page} of the revision history repeated page ${repeated} (only revisions already read, and the history did not grow): ` +
                `the server ignored the page parameter. Stopped after ${requests} requests instead of paging forever.`);
        }
        rowsRead += fresh.length;
        pagesRead++;
        total = body.total;
        processed = page;
        wanted = Math.max(wanted, body.totalPages, Math.ceil(body.total / revision_paging_PAGE_SIZE));
        if (visit(fresh, page) === 'settled')
            return result('settled');
        fetchAhead();
    }
}

;// CONCATENATED MODULE: ./src/providers/phala/resolve-revision.ts




/**
 * The rule "'previous' must not undo an earlier rollback", shared by every provider.
 *
 * `newestFirst` lists the versions (compose hashes, deployment ids, …) the targeted instances
 * ran, one entry per history row, newest first; `current` is what they run now and `target` what
 * 'previous' picked. If `current` also occurs OLDER than the newest occurrence of `target`, the
 * history reads current → target → current: the running version already replaced the target once,
 * most likely by a rollback away from it (possibly one that wrote no history row). Going "back"
 * would then redeploy the release that was rolled back from, so 'previous' must refuse; an
 * explicit revision never does. Judged only on the rows given.
 */
function undoesEarlierRollback(newestFirst, current, target) {
    if (current === '' || current === target)
        return false;
    const targetAt = newestFirst.indexOf(target);
    if (targetAt === -1)
        return false;
    for (let i = targetAt + 1; i < newestFirst.length; i++) {
        if (newestFirst[i] === current)
            return true;
    }
    return false;
}
/**
 * Rows of one compose hash are interchangeable for a redeploy, but a restart row names no author;
 * the deploy or update that introduced the hash says who made the revision and when.
 */
function isRestart(row) {
    return row.operationType === 'restart';
}
/** Keeps, per compose hash, the newest non-restart row (else the newest row). */
function preferRow(rows, row) {
    const known = rows.get(row.composeHash);
    if (!known) {
        rows.set(row.composeHash, row);
        return true;
    }
    if (isRestart(known) && !isRestart(row))
        rows.set(row.composeHash, row);
    return false;
}
const resolve_revision_short = (hash) => hash.slice(0, 12);
function summary(paging) {
    const { rowsRead, pagesRead, total } = paging;
    return `searched ${rowsRead} revision${rowsRead === 1 ? '' : 's'}: ${pagesRead} page${pagesRead === 1 ? '' : 's'}, ${total} in total`;
}
function capNote(paging) {
    const revisions = (paging.maxPages * revision_paging_PAGE_SIZE).toLocaleString('en-US');
    return ` The search stopped at ${paging.maxPages} pages (${revisions} revisions): pass a full compose hash or a revision id copied from the dashboard.`;
}
/**
 * The live compose hash the targeted CVMs share. 'previous' is relative to it, not to the newest
 * history row: a redeploy may write no row. CVMs that report no hash do not take part.
 * undefined when they run different hashes (only an explicit revision gets that far).
 */
function liveHash(targets, selector, warnings) {
    const known = targets.filter((cvm) => cvm.composeHash !== '');
    const hashes = new Set(known.map((cvm) => cvm.composeHash));
    if (hashes.size > 1) {
        if (selector.kind === 'ref')
            return undefined;
        const list = targets.map((cvm) => `  ${cvm.name} (${cvm.vmUuid}): ${cvm.composeHash || 'no compose hash reported'}`).join('\n');
        throw new ActionError('Targeted CVMs run different compose hashes', `${describeSelector(selector)} is relative to what the targeted CVMs run now, but they run ${hashes.size} different compose hashes:\n${list}\n` +
            'Roll back one group at a time by listing the CVMs that run the same hash in vm_uuids, or pass an explicit revision (a revision id or compose hash).');
    }
    const [hash = ''] = hashes;
    if (hash !== '' && known.length < targets.length && selector.kind === 'previous') {
        const silent = targets.filter((cvm) => cvm.composeHash === '').map((cvm) => `${cvm.name} (${cvm.vmUuid})`);
        warnings.push(`${silent.join(', ')} report${silent.length === 1 ? 's' : ''} no compose hash; ${describeSelector(selector)} is taken relative to ${resolve_revision_short(hash)}, which the other targeted CVMs run.`);
    }
    return hash;
}
/** `previous~N`: the N-th distinct compose hash, newest first, among the targeted CVMs' rows, skipping the current one. */
class PreviousSearch {
    selector;
    targeted;
    current;
    warnings;
    history = []; // targeted rows' hashes, newest first
    firstAt = new Map(); // hash → its newest index in history
    count = new Map(); // hash → rows in history
    order = []; // distinct hashes other than current, newest first
    best = new Map();
    judging = false;
    constructor(selector, targeted, current, warnings) {
        this.selector = selector;
        this.targeted = targeted;
        this.current = current;
        this.warnings = warnings;
    }
    currentHash() {
        return this.current;
    }
    visit(rows) {
        for (const row of rows) {
            if (!this.targeted.has(row.vmUuid.toLowerCase()))
                continue;
            const hash = row.composeHash;
            if (this.current === '')
                this.current = hash; // no live hash known: the newest row stands in
            if (!this.firstAt.has(hash))
                this.firstAt.set(hash, this.history.length);
            this.count.set(hash, (this.count.get(hash) ?? 0) + 1);
            this.history.push(hash);
            if (hash !== this.current && preferRow(this.best, row))
                this.order.push(hash);
        }
        const target = this.order[this.selector.steps - 1];
        if (target === undefined)
            return 'continue';
        // The rollback check needs a row older than the target; if none is read yet, read one more page.
        if (this.judging || this.olderRowsRead(target))
            return 'settled';
        this.judging = true;
        return 'continue';
    }
    olderRowsRead(target) {
        const after = this.history.length - 1 - this.firstAt.get(target);
        return after > this.count.get(target) - 1;
    }
    finish(paging) {
        const { selector, current } = this;
        const hash = this.order[selector.steps - 1];
        if (hash === undefined)
            throw this.notEnough(paging);
        const row = this.best.get(hash);
        if (paging.end === 'capped' && !this.olderRowsRead(hash)) {
            this.warnings.push(`Whether ${describeSelector(selector)} undoes an earlier rollback could not be checked: no older revision was read before the search stopped at ${paging.maxPages} pages.`);
        }
        if (undoesEarlierRollback(this.history, current, hash)) {
            throw new ActionError("'previous' would undo an earlier rollback", `The targeted CVMs run compose hash ${current}, which also ran before ${resolve_revision_short(hash)}: the history reads ${resolve_revision_short(current)} → ${resolve_revision_short(hash)} → ${resolve_revision_short(current)}, ` +
                `so ${resolve_revision_short(hash)} was most likely rolled back from. ${describeSelector(selector)} would have picked revision ${row.revisionId} (compose hash ${hash}) and undone that rollback. ` +
                `To really go there, pass revision: ${row.revisionId} explicitly.`);
        }
        return row;
    }
    notEnough(paging) {
        const { selector, current } = this;
        const what = `${describeSelector(selector)} needs ${selector.steps} compose hash${selector.steps === 1 ? '' : 'es'} other than the running one`;
        const found = this.order.length;
        const list = found === 0 ? '' : `: ${this.order.map(resolve_revision_short).join(', ')}`;
        if (paging.end === 'capped') {
            return new ActionError('Revision not found', `${what} (${resolve_revision_short(current)}), but found only ${found} (${summary(paging)})${list}.${capNote(paging)}`);
        }
        if (this.history.length === 0 && current === '') {
            return new ActionError('No earlier revision to roll back to', `The targeted CVMs have no revisions in the app's history (${summary(paging)}). Give revision as a revision id or compose hash from another CVM of the app.`);
        }
        return new ActionError('No earlier revision to roll back to', `${what} (${resolve_revision_short(current)}), but the targeted CVMs' history holds only ${found} (${summary(paging)})${list}. Choose a smaller N or give a revision id or compose hash.`);
    }
}
/**
 * An explicit revision: a revision id matches exactly; a hash or prefix matches normalised compose
 * hashes of any CVM of the app (a row made on one CVM may be redeployed to the others). A full
 * hash is settled by its first match; a prefix must be unambiguous, which only the whole history
 * can prove.
 */
class RefSearch {
    selector;
    targeted;
    live;
    idMatch;
    matches = new Map();
    fullHash;
    newestTargeted = '';
    constructor(selector, targeted, live) {
        this.selector = selector;
        this.targeted = targeted;
        this.live = live;
        this.fullHash = selector.hashPrefix?.length === FULL_HASH_LENGTH;
    }
    currentHash() {
        // undefined: the targeted CVMs run different hashes, so no one hash is "current".
        return this.live === undefined ? '' : this.live || this.newestTargeted;
    }
    visit(rows) {
        const { revisionId, hashPrefix } = this.selector;
        for (const row of rows) {
            if (this.newestTargeted === '' && this.targeted.has(row.vmUuid.toLowerCase()))
                this.newestTargeted = row.composeHash;
            if (!this.idMatch && row.revisionId === revisionId)
                this.idMatch = row;
            if (hashPrefix && row.composeHash.startsWith(hashPrefix))
                preferRow(this.matches, row);
        }
        return this.idMatch || (this.fullHash && this.matches.size > 0) ? 'settled' : 'continue';
    }
    finish(paging) {
        const { selector } = this;
        if (this.idMatch)
            return this.idMatch;
        if (this.fullHash && this.matches.size > 0)
            return this.matches.values().next().value;
        if (this.matches.size > 1) {
            const list = [...this.matches.values()].map((row) => `  ${row.composeHash} (revision ${row.revisionId}, ${row.createdAt})`).join('\n');
            throw new ActionError('Ambiguous compose hash prefix', `${describeSelector(selector)} matches ${this.matches.size} different compose hashes; give more characters:\n${list}`);
        }
        const only = this.matches.values().next().value;
        if (only && paging.end !== 'capped')
            return only;
        if (only) {
            throw new ActionError('Compose hash prefix may be ambiguous', `${describeSelector(selector)} matches compose hash ${only.composeHash} (revision ${only.revisionId}), but older revisions were not read, so another hash may match too (${summary(paging)}).${capNote(paging)}`);
        }
        const tooShort = /^(0x)?[0-9a-f]{1,7}$/i.test(selector.text) ? ' A compose hash prefix needs at least 8 hex characters.' : '';
        const advice = paging.end === 'capped' ? capNote(paging) : " Use 'previous', or copy a revision id or compose hash from the app's revision history.";
        throw new ActionError('Revision not found', `No revision id or compose hash matches ${describeSelector(selector)} in the app's history (${summary(paging)}).${tooShort}${advice}`);
    }
}
/**
 * Finds the revision to redeploy for `selector`, reading the history (newest first, 1000 rows a
 * page) only as far as the answer needs: page 1 alone, then later pages concurrently, handed over
 * in order, with no new request once the answer is settled. Work is linear in the rows read.
 * Rows read after the settling page never change the answer, except that a 'previous' target
 * whose rows are the oldest read so far costs one more page to judge the rollback rule.
 */
async function resolveRevision(fetchPage, selector, targets, options = {}) {
    // 'current' is a Qovery selector; Phala's inputs never produce it, but the type allows it.
    if (selector.kind === 'current')
        throw new ActionError('Revision not supported', `${describeSelector(selector)} is not supported on Phala Cloud.`);
    const warnings = [];
    const normalised = targets.map((cvm) => ({ ...cvm, composeHash: normaliseHash(cvm.composeHash) }));
    const live = liveHash(normalised, selector, warnings);
    const targeted = new Set(normalised.map((cvm) => cvm.vmUuid.toLowerCase()));
    const search = selector.kind === 'previous' ? new PreviousSearch(selector, targeted, live ?? '', warnings) : new RefSearch(selector, targeted, live);
    const paging = await readRevisionPages(fetchPage, (rows) => search.visit(rows), options);
    const target = search.finish(paging);
    return {
        target,
        currentHash: search.currentHash(),
        searched: paging.rowsRead,
        pagesRead: paging.pagesRead,
        requests: paging.requests,
        warnings
    };
}

;// CONCATENATED MODULE: ./src/providers/phala/select-cvms.ts

function describeCvm(cvm) {
    return cvm.name && cvm.name !== cvm.vmUuid ? `${cvm.name} (${cvm.vmUuid})` : cvm.vmUuid;
}
function listing(cvms) {
    return cvms.map((cvm) => `  - ${cvm.vmUuid}  ${cvm.name}  [${cvm.status}]`).join('\n');
}
/**
 * Which CVMs the rollback is for. A multi-CVM app without vm_uuids is refused rather than
 * guessed: rolling back the wrong replica set is worse than asking.
 */
function selectCvms(appCvms, requested, appId) {
    if (appCvms.length === 0) {
        throw new ActionError('App has no CVMs', `App ${appId} has no CVMs, so there is nothing to roll back. Check app_id.`);
    }
    if (requested === 'all')
        return appCvms;
    if (requested.length === 0) {
        if (appCvms.length === 1)
            return appCvms;
        throw new ActionError('vm_uuids required for a multi-CVM app', `App ${appId} has ${appCvms.length} CVMs. Set the vm_uuids input to the CVMs to roll back (separated by commas, spaces or new lines), or to 'all':\n${listing(appCvms)}\nNothing was redeployed.`);
    }
    const unknown = requested.filter((uuid) => !appCvms.some((cvm) => cvm.vmUuid === uuid));
    if (unknown.length > 0) {
        throw new ActionError('CVM not part of the app', `vm_uuids names ${unknown.join(', ')}, which ${unknown.length === 1 ? 'is' : 'are'} not a CVM of app ${appId}. Its CVMs are:\n${listing(appCvms)}\nNothing was redeployed.`);
    }
    return requested.map((uuid) => appCvms.find((cvm) => cvm.vmUuid === uuid));
}

;// CONCATENATED MODULE: ./src/trust/classify-answer.ts

/**
 * Statuses that say the platform refused the changing request before acting on it. Only these
 * (and a provider's documented extras) may be reported as "nothing was changed": any other answer
 * may come after the platform acted, so it is treated as unknown and verified by reading.
 */
const DEFINITE_REFUSALS = [400, 401, 403, 404, 405, 422];
function classifyAnswer(outcome, extraRefusals = []) {
    if (outcome instanceof TransportError)
        return { kind: 'unknown', lost: `no answer: ${outcome.code}` };
    const status = outcome.status;
    if (status >= 200 && status < 300)
        return { kind: 'accepted', response: outcome };
    if (status === 409)
        return { kind: 'busy', response: outcome };
    if (status === 429)
        return { kind: 'throttled', response: outcome };
    if (DEFINITE_REFUSALS.includes(status) || extraRefusals.includes(status))
        return { kind: 'refused', response: outcome };
    return { kind: 'unknown', lost: `answered ${status}`, response: outcome };
}

;// CONCATENATED MODULE: ./src/trust/send-once.ts





/**
 * How long an unknown answer is watched before concluding the platform did not act. A request
 * that timed out on our side may still be processed, and some platforms act asynchronously: a
 * few seconds would prove nothing.
 */
const UNKNOWN_OUTCOME_WATCH_MS = 15_000;
const PROBE_EVERY_MS = 1500;
const capital = (text) => text.charAt(0).toUpperCase() + text.slice(1);
/**
 * Sends the one request that changes the platform so that it takes effect at most once, and
 * keeps the tracker truthful about whether the platform was changed at every moment.
 * - 2xx: accepted.
 * - 400/401/403/404/405/422 (and the provider's extras): refused, nothing changed.
 * - 409: wait until free, then send again 1–60 s later; 429: wait as told, then send again.
 * - Anything else: unknown. Never followed, never re-sent: the platform is read for at least
 *   15 s (never past the deadline), and the run goes on only with proof that it acted.
 */
async function sendOnce(request) {
    const { deadline, log, tracker } = request;
    const now = () => (request.now ? request.now() : deadline.clock.now());
    let conflicts = 0;
    let throttled = 0;
    for (;;) {
        if (deadline.expired()) {
            tracker.mark('nothing');
            throw new TimeoutError(`The timeout (${request.timeoutSeconds}s) ran out before the ${request.name} could be sent.`, { changed: 'nothing' });
        }
        const sentAt = now();
        tracker.mark('unknown');
        let outcome;
        try {
            outcome = await request.send();
        }
        catch (error) {
            if (!(error instanceof TransportError))
                throw error;
            outcome = error;
        }
        const answer = classifyAnswer(outcome, request.extraRefusals);
        switch (answer.kind) {
            case 'accepted':
                tracker.mark('accepted');
                return { kind: 'accepted', response: answer.response, sentAt };
            case 'refused': {
                tracker.mark('nothing');
                const error = request.explainRefusal(answer.response);
                error.changed = 'nothing';
                throw error;
            }
            case 'busy': {
                tracker.mark('nothing');
                log.info(`${request.platform} answered 409: another operation is in progress. Waiting for it to finish before sending the ${request.name}.`);
                const free = request.waitUntilFree ? await request.waitUntilFree(answer.response) : { kind: 'free' };
                if (free.kind === 'already-there')
                    return free;
                await pauseBeforeResend(request, resendPauseMs(answer.response.headers['retry-after'], deadline.clock.now(), backoffMs(conflicts++, deadline.clock)), answer.response);
                continue;
            }
            case 'throttled': {
                tracker.mark('nothing');
                const limit = request.maxThrottledResends ?? Number.POSITIVE_INFINITY;
                if (throttled >= limit) {
                    throw withChanged(request.explainRefusal(answer.response), 'nothing');
                }
                const asked = request.throttlePauseMs?.(answer.response, deadline.clock.now());
                const waitMs = asked ?? resendPauseMs(answer.response.headers['retry-after'], deadline.clock.now(), backoffMs(throttled, deadline.clock));
                throttled++;
                if (waitMs >= deadline.remainingMs())
                    throw withChanged(request.explainRefusal(answer.response), 'nothing');
                log.info(`${request.platform} is throttling (429); sending the ${request.name} in ${(waitMs / 1000).toFixed(1)}s.`);
                await deadline.sleep(waitMs);
                continue;
            }
            case 'unknown':
                return watchUnknown(request, sentAt, answer.lost);
        }
    }
}
function withChanged(error, changed) {
    error.changed = changed;
    return error;
}
async function pauseBeforeResend(request, ms, response) {
    if (ms >= request.deadline.remainingMs()) {
        throw new TimeoutError(`The timeout (${request.timeoutSeconds}s) ran out while ${response.endpoint} kept answering ${response.status}.`, { changed: 'nothing' });
    }
    await request.deadline.sleep(ms);
}
/**
 * An answer that does not say whether the platform acted. Read the platform until it proves the
 * request took effect, or for the whole watch with no trace and nothing moving; the deadline cuts
 * the watch short as 'undecided', which is reported as such (a re-run could deploy twice).
 */
async function watchUnknown(request, sentAt, lost) {
    const { deadline, log, tracker } = request;
    const Name = capital(request.name);
    tracker.mark('unknown');
    log.warning(`The ${request.name} got no usable answer (${lost}). Reading ${request.platform} to learn whether it acted on it; it is never sent again blindly.`, `${Name} answer lost`);
    const undecided = () => new TimeoutError(`The timeout (${request.timeoutSeconds}s) ran out while checking whether the ${request.name} whose answer was lost (${lost}) took effect. It may still take effect: check ${request.whereToLook} before re-running.`, { changed: 'unknown' });
    const watchFrom = deadline.clock.now();
    for (;;) {
        if (deadline.expired())
            throw undecided();
        let probe;
        try {
            probe = await request.probe(sentAt, deadline.clock.now() - watchFrom);
        }
        catch (error) {
            if (deadline.expired() || error instanceof TimeoutError)
                throw undecided();
            throw error;
        }
        if (probe.state === 'acted') {
            tracker.mark('accepted');
            log.info(`${request.platform} shows that it acted on the ${request.name}: following it instead of sending it again.`);
            return { kind: 'found', evidence: probe.evidence, sentAt, lost };
        }
        const watched = deadline.clock.now() - watchFrom;
        if (probe.state === 'quiet' && watched >= UNKNOWN_OUTCOME_WATCH_MS) {
            tracker.mark('nothing');
            throw new ActionError(`${Name} not acted on`, `The ${request.name} got no usable answer (${lost}), and ${request.platform} shows no trace of it after watching for ${Math.round(watched / 1000)} s. It was not sent again; re-run the rollback once the API answers normally.`, { changed: 'nothing' });
        }
        const pause = (0,src_clock/* jittered */.et)(deadline.clock, request.probeEveryMs ?? PROBE_EVERY_MS, 0.2);
        if (deadline.remainingMs() <= pause)
            throw undecided();
        await deadline.sleep(pause);
    }
}

;// CONCATENATED MODULE: ./src/providers/phala/assess-cvm.ts

/** Statuses a CVM settles in when it is not serving. Only running and stopped are stable, per the API. */
const FAILED_STATUSES = new Set(['stopped', 'error', 'exited']);
/**
 * Operations that never activate a compose file. Everything else may be the rollback: the
 * backend's names vary (compose_update, update, activate_revision, …) and more may come.
 */
const NOT_ACTIVATION = /^(restart|reboot|start|stop|shutdown|power_on|power_off|poweron|poweroff|delete|destroy|resize|backup|snapshot|attach|detach|ssh|logs?)([_.-]|$)/i;
/**
 * Where one CVM stands in the rollback. The platform flips compose_hash the moment the redeploy
 * is accepted and starts the update later, and a failed update can leave the old container
 * serving with the CVM `running` on the new hash. So the state alone proves nothing.
 *
 * The one success condition: the operation record of this rollback was read and says
 * `completed`, and the CVM has settled: not busy, `running`, on the target hash.
 */
function assessCvm(cvm, targetHash, evidence) {
    const op = evidence.operation;
    if (op?.status === 'failed') {
        return { kind: 'failed', why: `the update failed: ${op.errorMessage ?? 'Phala Cloud gave no error message'} (operation ${op.operationType}, ${op.correlationId})` };
    }
    if (cvm.inProgress)
        return { kind: 'pending', why: `${cvm.status}, update in progress`, needsRecord: false };
    const onTarget = cvm.status === 'running' && cvm.composeHash === targetHash;
    if (op?.status === 'completed') {
        if (onTarget)
            return { kind: 'done' };
        if (FAILED_STATUSES.has(cvm.status))
            return { kind: 'failed', why: `the update completed but the CVM then settled ${cvm.status}` };
        if (cvm.status === 'running') {
            return {
                kind: 'failed',
                why: `the update ended with the CVM running compose hash ${shortHash(cvm.composeHash)}, not the target; another deploy may have replaced the rollback`
            };
        }
        return { kind: 'pending', why: `${cvm.status}, operation completed, waiting for the CVM to settle`, needsRecord: false };
    }
    if (evidence.seenUpdating && FAILED_STATUSES.has(cvm.status)) {
        return { kind: 'failed', why: `the update ended with the CVM ${cvm.status}${op?.errorMessage ? `: ${op.errorMessage}` : ''}` };
    }
    if (op)
        return { kind: 'pending', why: `${cvm.status}, operation ${op.operationType} ${op.status}`, needsRecord: true };
    if (!evidence.seenUpdating)
        return { kind: 'pending', why: `${cvm.status}, update not started yet`, needsRecord: true };
    return { kind: 'pending', why: `${cvm.status}, update finished; confirming with its operation record`, needsRecord: true };
}
/**
 * The operation record of this rollback on one CVM, or undefined when none can be matched yet
 * (then the caller keeps waiting; it never guesses). A record whose correlation id the CVM showed
 * while busy after the trigger (or the redeploy's answer named) is this rollback's. Otherwise the
 * newest record that started after the redeploy was sent (on the platform's clock, with slack for
 * the Date header's one-second resolution), is an activation (not a restart, power or resize
 * operation) and names the target compose hash or none.
 */
function operationForRollback(operations, targetHash, sentAt, correlationIds = new Set()) {
    const SLACK_MS = 2000;
    const candidates = operations.filter((op) => {
        if (NOT_ACTIVATION.test(op.operationType))
            return false;
        if (op.composeHash !== undefined && op.composeHash !== targetHash)
            return false;
        if (correlationIds.has(op.correlationId))
            return true;
        const started = Date.parse(op.startedAt);
        return !Number.isNaN(started) && started >= sentAt - SLACK_MS;
    });
    return candidates.find((op) => correlationIds.has(op.correlationId)) ?? candidates[0];
}

;// CONCATENATED MODULE: ./src/providers/phala/verify-redeploy.ts

const OPERATIONS_EVERY_MS = 5000;
/** The shared watch decides after 15 s; operation records are read on every look from then on. */
const VERDICT_NEAR_MS = 13_500;
/**
 * The Phala facts for a redeploy whose answer was lost. Proof that it acted: a CVM that did not
 * run the target hash before now shows it (the platform flips it on accepting), or an operation
 * for the target started since the send. A target CVM still busy keeps the watch going.
 */
function redeployProbe(ctx, plan) {
    const ids = new Set(plan.toRedeploy.map((instance) => instance.id));
    // A CVM that already showed the target hash before the send proves nothing by showing it now.
    const moved = new Set(plan.toRedeploy.filter((instance) => instance.version !== plan.revision.version).map((instance) => instance.id));
    let lastOperationsAt = ctx.deadline.clock.now();
    return async (sentAt, watchedMs) => {
        const doing = 'checking whether the redeploy took effect';
        const cvms = (await ctx.api.listAppCvms(doing)).filter((cvm) => ids.has(cvm.vmUuid));
        if (cvms.some((cvm) => moved.has(cvm.vmUuid) && cvm.composeHash === plan.revision.version))
            return { state: 'acted', evidence: 'acted' };
        const busy = cvms.some((cvm) => cvm.inProgress);
        if (busy || watchedMs >= VERDICT_NEAR_MS || ctx.deadline.clock.now() - lastOperationsAt >= OPERATIONS_EVERY_MS) {
            lastOperationsAt = ctx.deadline.clock.now();
            for (const cvm of cvms) {
                const operations = await ctx.api.listOperations(cvm.id, 10, doing);
                if (operationForRollback(operations, plan.revision.version, sentAt))
                    return { state: 'acted', evidence: 'acted' };
            }
        }
        return busy ? { state: 'busy' } : { state: 'quiet' };
    };
}

;// CONCATENATED MODULE: ./src/poll.ts

/**
 * Calls `check` until it returns a value, spacing rounds with jitter. When the deadline runs out
 * — between rounds or while a request of a round could not finish — it throws `onTimeout()`,
 * which knows what is still pending; never a bare "request timed out".
 */
async function pollUntil(deadline, check, onTimeout) {
    for (let round = 0;; round++) {
        let result;
        try {
            result = await check(round);
        }
        catch (error) {
            if (deadline.expired())
                throw onTimeout();
            throw error;
        }
        if (result !== undefined)
            return result;
        if (deadline.expired())
            throw onTimeout();
        await deadline.sleep((0,src_clock/* jittered */.et)(deadline.clock, (0,src_clock/* pollIntervalMs */.Bg)(round)));
        if (deadline.expired())
            throw onTimeout();
    }
}

;// CONCATENATED MODULE: ./src/providers/phala/wait-until-idle.ts



/** A line at least this often while another operation is waited out. */
const HEARTBEAT_MS = 25_000;
/**
 * After a 409 ("another operation is in progress"): watch the CVMs until none of the targets
 * is busy, naming the operation that blocks, so the redeploy can then be sent once. If the
 * blocking operation brought the targets to the revision, report that instead. `ownRequestPending`
 * says an earlier request of this run may be what is running, so nothing here may claim that
 * nothing was redeployed.
 */
async function waitUntilIdle(ctx, plan, tracker, ownRequestPending = false) {
    const { api, log } = ctx;
    const targetIds = new Set(plan.toRedeploy.map((instance) => instance.id));
    const blockers = new Map(); // vmUuid → description of the blocking operation
    let busy = [];
    let lastLineAt = ctx.deadline.clock.now();
    const checkRound = async () => {
        const cvms = (await api.listAppCvms('waiting for the running operation to finish')).filter((cvm) => targetIds.has(cvm.vmUuid));
        busy = cvms.filter((cvm) => cvm.inProgress);
        if (busy.length === 0) {
            const arrived = cvms.length === targetIds.size && cvms.every((cvm) => cvm.composeHash === plan.revision.version && cvm.status === 'running');
            if (arrived) {
                return {
                    kind: 'already-there',
                    reason: `the operation that was running (${[...blockers.values()].join('; ') || 'unnamed'}) left every target running the target compose hash`
                };
            }
            if (blockers.size > 0)
                log.info('The other operation has finished; sending the rollback now.');
            return { kind: 'idle' };
        }
        for (const cvm of busy) {
            if (blockers.has(cvm.vmUuid))
                continue;
            const description = await describeBlocker(ctx, cvm);
            blockers.set(cvm.vmUuid, description);
            if (!ownRequestPending)
                tracker.waitingToSend(`${describeCvm(cvm)}: ${description}`);
            log.info(`${describeCvm(cvm)} is busy with ${description}; waiting for it to finish before sending the rollback.`);
            lastLineAt = ctx.deadline.clock.now();
        }
        // A long blocking operation must not look like a hung step.
        if (ctx.deadline.clock.now() - lastLineAt >= HEARTBEAT_MS) {
            lastLineAt = ctx.deadline.clock.now();
            log.info(`[${ctx.deadline.elapsedSeconds()}s] still waiting to send: ${busy.map((cvm) => `${describeCvm(cvm)} ${cvm.status}`).join(', ')}`);
        }
        return undefined;
    };
    const timedOut = () => new TimeoutError(`Another operation was still running when the timeout (${ctx.timeoutSeconds}s) ran out: ${busy.map((cvm) => `${describeCvm(cvm)}: ${blockers.get(cvm.vmUuid) ?? `status ${cvm.status}`}`).join('; ') || 'the CVMs were busy'}. Re-run the rollback once it has finished, or raise timeout.`, { changed: ownRequestPending ? 'unknown' : 'nothing' });
    return pollUntil(ctx.deadline, checkRound, timedOut);
}
async function describeBlocker(ctx, cvm) {
    const operations = await ctx.api.listOperations(cvm.id, 5, 'naming the operation in progress');
    const running = operations.find((op) => op.status === 'in_progress');
    if (running)
        return `operation ${running.operationType} (correlation id ${running.correlationId}, started ${running.startedAt})`;
    const progress = cvm.progress;
    return progress?.correlationId ? `an operation towards '${progress.target ?? cvm.status}' (correlation id ${progress.correlationId})` : `an operation (status ${cvm.status})`;
}

;// CONCATENATED MODULE: ./src/providers/phala/trigger-redeploy.ts




/**
 * Phala's documented refusals beyond the shared ones: the compose hash is not registered on-chain
 * (465), the transaction is invalid or expired (466), failed verification (467), or the hash is
 * not allowed (468). Each comes before the backend touches a CVM.
 */
const PHALA_REFUSALS = [465, 466, 467, 468];
/**
 * Sends the redeploy through the shared exactly-once rules; Phala supplies its facts: the request,
 * how a 409's blocking operation is waited out, and how a lost answer is read back from the CVMs.
 */
async function trigger_redeploy_triggerRedeploy(ctx, plan, transactionHash, tracker) {
    const { api, deadline, log } = ctx;
    const vmUuids = plan.toRedeploy.map((instance) => instance.id);
    const doing = `triggering the redeploy of revision ${plan.revision.id}`;
    const outcome = await sendOnce({
        name: 'redeploy',
        platform: 'Phala Cloud',
        deadline,
        log,
        timeoutSeconds: ctx.timeoutSeconds,
        tracker: {
            mark: (state) => {
                api.changed = state;
                tracker.mark(state);
            },
            waitingToSend: (what) => tracker.waitingToSend(what)
        },
        now: () => api.serverNow(),
        send: () => api.redeploy(plan.revision.id, vmUuids, transactionHash),
        extraRefusals: PHALA_REFUSALS,
        explainRefusal: (response) => platform_errors_explainFailure(response, { appId: plan.appId, doing, revisionId: plan.revision.id, composeHash: plan.revision.version, changed: 'nothing', apiUrl: api.apiUrl }),
        waitUntilFree: async () => waitUntilIdle(ctx, plan, tracker).then((idle) => (idle.kind === 'idle' ? { kind: 'free' } : idle)),
        probe: redeployProbe(ctx, plan),
        whereToLook: 'the CVMs in the Phala Cloud dashboard'
    });
    switch (outcome.kind) {
        case 'already-there':
            return outcome;
        case 'accepted':
            log.info(`Phala Cloud accepted the redeploy (${outcome.response.status}${outcome.response.notJson ? ', with a body that is not JSON' : ''}).`);
            return { kind: 'triggered', receipt: receiptFrom(outcome.response, outcome.sentAt) };
        case 'found':
            return { kind: 'triggered', receipt: { acceptedAt: outcome.sentAt, note: `the redeploy's answer was lost (${outcome.lost}), and the platform shows it acted` } };
    }
}
/** The 202's body is untyped; a correlation id in it, if any, ties the operation record to this request. */
function receiptFrom(response, sentAt) {
    const body = response.body;
    const correlation = body && typeof body === 'object' && typeof body.correlation_id === 'string' && /^[\w-]{1,128}$/.test(body.correlation_id) ? body.correlation_id : undefined;
    return { acceptedAt: sentAt, ref: correlation };
}

;// CONCATENATED MODULE: ./src/providers/phala/wait-for-rollback.ts






/**
 * Phala publishes no rate limit. What protects the API is sending only the requests that are
 * needed, a bound on those open at once and in any second, and backing off when it says 429.
 */
const WAIT_LIMITS = { maxInFlight: 8, maxPerSecond: 25 };
/**
 * One read of all the app's CVMs about every 0.95 s (±5 %): a CVM that finishes is seen within
 * a second, and the state reads stay under 1.1 per second however many CVMs there are.
 */
const POLL_MS = 950;
const POLL_JITTER = 0.05;
/**
 * A CVM never seen updating may have run its whole update between two reads: its record is first
 * read this long after the trigger, then at growing intervals, up to…
 */
const UNSEEN_FIRST_LOOK_MS = 2000;
const UNSEEN_LOOK_MAX_MS = 15_000;
/** A CVM seen updating and then settled whose record does not say so yet: read it again after… */
const SETTLED_RELOOK_MS = 1000;
/** A line at least this often while waiting, so a long wait never looks hung. */
const wait_for_rollback_HEARTBEAT_MS = 25_000;
/**
 * The record read asks only for records of this rollback: started after the redeploy (less
 * this slack for the server clock estimate, taken from one-second Date headers), of an activating
 * type, the few newest. The names come from the OpenAPI document's example (`compose_update`) and
 * the Terraform provider (`activate_revision`); an answer without any record is asked again
 * without the type filter, because the backend's names may vary (see assess-cvm.ts).
 */
const START_TIME_SLACK_MS = 5000;
const ROLLBACK_OPERATION_TYPES = ['compose_update', 'activate_revision'];
const OPERATIONS_LIMIT = 5;
/**
 * Waits until every redeployed CVM provably runs the target revision (assessCvm holds the one
 * success condition). One request reads all the app's CVMs about every second; each CVM's own
 * operation record is read the moment that CVM is seen finished, alongside the state reads, and
 * the run ends as soon as the last record proves the last CVM. All requests go through one pacer.
 */
async function waitForRollback(ctx, plan, receipt, tracker) {
    const { api, deadline, log } = ctx;
    const clock = deadline.clock;
    const target = plan.revision.version;
    const pacer = new RequestPacer(deadline, WAIT_LIMITS);
    let quietUntil = 0;
    const paced = {
        pacer,
        onThrottled: (endpoint, waitMs) => {
            if (clock.now() < quietUntil)
                return;
            quietUntil = clock.now() + waitMs;
            log.info(`${endpoint} answered 429 (too many requests): pausing ${(waitMs / 1000).toFixed(1)}s, then at most ${pacer.inFlightLimit} request(s) at once.`);
        }
    };
    const startedLocal = clock.now();
    const tracked = new Map(plan.toRedeploy.map((instance) => [
        instance.id,
        {
            seenUpdating: false,
            correlationIds: new Set(receipt.ref ? [receipt.ref] : []),
            nextLookAt: startedLocal + UNSEEN_FIRST_LOOK_MS,
            looks: 0,
            reading: false,
            filterTypes: true
        }
    ]));
    const lastLine = new Map();
    let lastHeartbeatAt = startedLocal;
    // Record reads finish on their own time; each one wakes the loop so its CVM is judged at once.
    let woken = false;
    let wake;
    let readFailure;
    const readRecord = (entry) => {
        entry.reading = true;
        entry.looks++;
        const query = { limit: OPERATIONS_LIMIT, startedAfter: receipt.acceptedAt - START_TIME_SLACK_MS };
        if (entry.filterTypes)
            query.types = ROLLBACK_OPERATION_TYPES;
        api
            .listOperations(entry.cvm.id, query, "reading the CVM's operations", paced)
            .then((operations) => {
            if (operations.length === 0 && entry.filterTypes && (entry.seenUpdating || entry.looks > 1))
                entry.filterTypes = false;
            const found = operationForRollback(operations, target, receipt.acceptedAt, entry.correlationIds);
            if (found)
                entry.operation = found;
            if (found?.status === 'completed' || found?.status === 'failed')
                entry.nextLookAt = undefined;
            // A record still running means the update is under way: it will be seen settling soon.
            else
                entry.nextLookAt = clock.now() + (entry.seenUpdating || found ? SETTLED_RELOOK_MS : unseenRelookMs(entry.looks));
        })
            .catch((error) => {
            readFailure ??= error;
        })
            .finally(() => {
            entry.reading = false;
            woken = true;
            wake?.();
        });
    };
    if (receipt.note)
        log.info(`Following the redeploy: ${receipt.note}.`);
    // Right after the trigger every CVM shows the flipped hash and no update yet: reading it proves nothing.
    let nextPollAt = startedLocal + (0,src_clock/* jittered */.et)(clock, POLL_MS, POLL_JITTER);
    try {
        for (;;) {
            if (deadline.expired())
                throw timedOut(ctx, plan, tracked);
            if (readFailure !== undefined)
                throw readFailure;
            if (clock.now() >= nextPollAt) {
                const cvms = await api.listAppCvms('watching the rollback', { ...paced, first: true });
                nextPollAt = clock.now() + (0,src_clock/* jittered */.et)(clock, POLL_MS, POLL_JITTER);
                for (const [vmUuid, entry] of tracked) {
                    const cvm = cvms.find((candidate) => candidate.vmUuid === vmUuid);
                    if (!cvm) {
                        throw new ActionError('CVM disappeared during the rollback', `CVM ${vmUuid} is no longer listed for app ${plan.appId}. It may have been deleted while the rollback ran; check the dashboard.`);
                    }
                    if (cvm.inProgress) {
                        entry.seenUpdating = true;
                        if (cvm.progress?.correlationId)
                            entry.correlationIds.add(cvm.progress.correlationId);
                        if (entry.operation?.status !== 'completed' && entry.operation?.status !== 'failed')
                            entry.nextLookAt = undefined;
                    }
                    else if (entry.seenUpdating && entry.nextLookAt === undefined && !decided(entry)) {
                        // Seen busy, now settled: its record is what proves it, so read it now.
                        entry.nextLookAt = clock.now();
                    }
                    entry.cvm = cvm;
                }
            }
            const now = clock.now();
            for (const entry of tracked.values()) {
                if (entry.cvm && !entry.cvm.inProgress && !entry.reading && !decided(entry) && entry.nextLookAt !== undefined && entry.nextLookAt <= now)
                    readRecord(entry);
            }
            for (const [vmUuid, entry] of tracked) {
                if (!entry.cvm)
                    continue;
                const verdict = assessCvm(entry.cvm, target, { seenUpdating: entry.seenUpdating, operation: entry.operation });
                entry.verdict = verdict;
                report(ctx, entry.cvm, verdict, lastLine);
                if (verdict.kind === 'failed') {
                    throw new ActionError('Rollback failed on the platform', `${describeCvm(entry.cvm)}: ${verdict.why}. Target revision ${plan.revision.id} (compose hash ${target}). Look at the CVM's logs in the Phala Cloud dashboard before trying again.`, { changed: 'accepted' });
                }
                if (verdict.kind === 'done')
                    tracked.delete(vmUuid);
            }
            if (tracked.size === 0)
                return;
            tracker.pending(pendingSummary(tracked));
            if (clock.now() - lastHeartbeatAt >= wait_for_rollback_HEARTBEAT_MS) {
                lastHeartbeatAt = clock.now();
                log.info(`[${deadline.elapsedSeconds()}s] still waiting: ${pendingSummary(tracked)}`);
            }
            // Until the next state read or record due, or until a record read comes back.
            const nextLook = Math.min(...[...tracked.values()].filter((entry) => !entry.reading && entry.cvm && !entry.cvm.inProgress && entry.nextLookAt !== undefined).map((entry) => entry.nextLookAt));
            const pause = Math.min(nextPollAt, nextLook) - clock.now();
            if (woken)
                woken = false;
            else if (pause > 0) {
                const sleeping = new AbortController();
                await Promise.race([deadline.sleep(pause, sleeping.signal), new Promise((resolve) => (wake = resolve))]);
                sleeping.abort();
                wake = undefined;
                woken = false;
            }
        }
    }
    catch (error) {
        if (deadline.expired() && !(error instanceof ActionError && !(error instanceof TimeoutError)))
            throw timedOut(ctx, plan, tracked);
        throw error;
    }
}
function decided(entry) {
    return entry.operation?.status === 'completed' || entry.operation?.status === 'failed';
}
/** 2 s after the trigger, then 3, 6, 12, 15, 15 … s apart. */
function unseenRelookMs(looks) {
    return Math.min(UNSEEN_LOOK_MAX_MS, 3000 * 2 ** (looks - 1));
}
function pendingSummary(tracked) {
    const groups = new Map();
    for (const entry of tracked.values()) {
        if (!entry.cvm)
            continue;
        const why = entry.verdict?.kind === 'pending' ? entry.verdict.why : entry.cvm.status;
        const names = groups.get(why) ?? [];
        names.push(describeCvm(entry.cvm));
        groups.set(why, names);
    }
    return [...groups.entries()]
        .map(([why, names]) => `${names.length} ${why} (${names.slice(0, 10).join(', ')}${names.length > 10 ? `, … ${names.length - 10} more` : ''})`)
        .join('; ');
}
function timedOut(ctx, plan, tracked) {
    const still = [...tracked.entries()]
        .map(([vmUuid, entry]) => {
        if (!entry.cvm)
            return `${vmUuid}: state not read yet`;
        const why = entry.verdict?.kind === 'pending' ? entry.verdict.why : entry.cvm.status;
        return `${describeCvm(entry.cvm)}: ${why}, compose hash ${shortHash(entry.cvm.composeHash)}`;
    })
        .join('; ');
    return new TimeoutError(`The timeout (${ctx.timeoutSeconds}s) ran out while waiting for the rollback to revision ${plan.revision.id}. Still pending: ${still}. The redeploy was accepted and may still finish on its own: watch the CVMs in the Phala Cloud dashboard, and do not trigger another rollback until they settle.`, { changed: 'accepted' });
}
function report(ctx, cvm, verdict, lastLine) {
    const state = verdict.kind === 'done' ? `running compose hash ${shortHash(cvm.composeHash)}: rollback complete` : verdict.kind === 'failed' ? `failed: ${verdict.why}` : verdict.why;
    if (lastLine.get(cvm.vmUuid) === state)
        return;
    lastLine.set(cvm.vmUuid, state);
    ctx.log.info(`[${ctx.deadline.elapsedSeconds()}s] ${describeCvm(cvm)}: ${state}`);
}

;// CONCATENATED MODULE: ./src/providers/phala/phala-provider.ts







const PHALA_VOCABULARY = {
    platform: 'Phala Cloud',
    app: 'App',
    instance: 'CVM',
    instances: 'CVMs',
    version: 'compose hash',
    redeploy: 'redeploy'
};
const CONSOLE = 'https://cloud.phala.com/dashboard/cvms';
function toInstance(cvm) {
    return { id: cvm.vmUuid, name: cvm.name, version: cvm.composeHash, status: cvm.status };
}
/** Phala Cloud behind the provider interface: CVMs are the instances, compose hashes the versions. */
function createPhalaProvider(settings, deps) {
    const client = new ApiClient({
        baseUrl: settings.apiUrl,
        authHeaders: { 'X-API-Key': settings.apiKey, 'X-Phala-Version': PHALA_API_VERSION },
        userAgent: `${deps.userAgent} (+phala)`,
        deadline: deps.deadline,
        log: deps.log,
        platform: PHALA_VOCABULARY.platform
    });
    const api = new PhalaApi(client, settings.appId, () => deps.deadline.clock.now(), settings.apiUrl);
    const ctx = { api, deadline: deps.deadline, log: deps.log, timeoutSeconds: settings.timeoutSeconds };
    return {
        vocabulary: PHALA_VOCABULARY,
        async plan() {
            const cvms = await api.listAppCvms("reading the app's CVMs");
            const targets = selectCvms(cvms, settings.vmUuids, settings.appId);
            const resolved = await resolveRevision((page) => api.listRevisions(page, 'reading the revision history'), settings.revision, targets.map((cvm) => ({ vmUuid: cvm.vmUuid, name: cvm.name, composeHash: cvm.composeHash })));
            const target = resolved.target;
            // Only a CVM that runs the target, settled, needs nothing; one that is busy or down on it still does.
            const toRedeploy = targets.filter((cvm) => !(cvm.composeHash === target.composeHash && cvm.status === 'running' && !cvm.inProgress));
            const previous = resolved.currentHash || targets[0].composeHash;
            return {
                appId: settings.appId,
                targets: targets.map(toInstance),
                toRedeploy: toRedeploy.map(toInstance),
                revision: {
                    id: target.revisionId,
                    version: target.composeHash,
                    createdAt: target.createdAt,
                    createdBy: target.triggeredBy,
                    operationType: target.operationType
                },
                previousVersion: previous,
                searched: resolved.searched,
                warnings: resolved.warnings,
                outputs: {
                    compose_hash: target.composeHash,
                    previous_compose_hash: previous,
                    vm_uuids: JSON.stringify(targets.map((cvm) => cvm.vmUuid))
                },
                consoleUrl: settings.apiUrl === PHALA_DEFAULT_API_URL ? `${CONSOLE}/${targets[0].vmUuid}` : ''
            };
        },
        trigger(plan, tracker) {
            return trigger_redeploy_triggerRedeploy(ctx, plan, settings.transactionHash, tracker);
        },
        waitUntilDone(plan, receipt, tracker) {
            return waitForRollback(ctx, plan, receipt, tracker);
        },
        dispose: () => client.dispose()
    };
}

;// CONCATENATED MODULE: ./src/providers/qovery/platform-errors.ts


const qovery_platform_errors_isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
/** Qovery's error bodies have no schema: `{status, error, message}` or `{status, detail}`. Read detail, then message, then error. */
function platformMessage(response) {
    const body = response.body;
    if (qovery_platform_errors_isObject(body)) {
        for (const key of ['detail', 'message', 'error']) {
            const value = body[key];
            if (typeof value === 'string' && value.trim())
                return excerpt(value, 300);
        }
    }
    return response.text.trim() ? excerpt(response.text) : undefined;
}
/** Turns an HTTP failure into what the on-call engineer should do next, saying whether anything was deployed. */
function qovery_platform_errors_explainFailure(response, ctx) {
    const said = platformMessage(response);
    const platformSays = said ? ` Qovery says: "${said}".` : '';
    const safety = ctx.changed === 'nothing' ? ' Nothing was deployed.' : '';
    const where = `${response.endpoint} → ${response.status}`;
    const options = { changed: ctx.changed };
    switch (response.status) {
        case 400:
            return new ActionError('Qovery refused the request', `${where} while ${ctx.doing}.${platformSays} Check that the versions still exist (commit, image tag, chart version).${safety}`, options);
        case 401:
            return new ActionError('Qovery rejected the API token', `${where} while ${ctx.doing}.${platformSays} The token is missing, mistyped or revoked: check the secret passed as api_key (or QOVERY_CLI_ACCESS_TOKEN). API tokens are sent as 'Token …', JWTs as 'Bearer …'.${safety}`, options);
        case 403:
            return new ActionError('No access to the environment', `${where} while ${ctx.doing}.${platformSays} The token is valid but may not act on environment ${ctx.environmentId}: give its role deploy permission on the environment's project.${safety}`, options);
        case 404:
            return new ActionError('Environment not found', `${where} while ${ctx.doing}.${platformSays} No environment ${ctx.environmentId} is visible to this token: check app_id (the environment id from the console URL) and the token's organization.${safety}`, options);
        case 409:
            return new ActionError('Another operation is in progress', `${where} while ${ctx.doing}.${platformSays}${safety}`, options);
        case 429:
            return new ActionError('Qovery rate limit reached', `${where} while ${ctx.doing}.${platformSays} The token used up its request budget (Qovery documents 1000 requests per hour per token); other jobs may share it. Try again after the limit resets.${safety}`, options);
        default:
            if (response.status >= 500)
                return new ActionError('Qovery is unavailable', `${where} while ${ctx.doing}, after retries.${platformSays} Try again in a few minutes.${safety}`, options);
            return new ActionError('Unexpected answer from Qovery', `${where} while ${ctx.doing}.${platformSays}${safety}`, options);
    }
}

;// CONCATENATED MODULE: ./src/providers/qovery/rate-pace.ts
/**
 * Qovery allows 1000 requests per hour per token and reports what is left in X-RateLimit-*
 * headers. Polls start quick (a deploy's first seconds matter), settle at 10 s, and stretch
 * further as the remaining budget falls, so a long wait never exhausts a token that other jobs
 * may share.
 */
const FIRST_POLL_MS = 2000;
const SETTLED_POLL_MS = 10_000;
const GROWTH = 1.25;
const MAX_STRETCHED_MS = 60_000;
function readRateBudget(headers, now, previous = {}) {
    const num = (name) => {
        const raw = headers[name];
        const text = Array.isArray(raw) ? raw[0] : raw;
        return text !== undefined && /^\d+$/.test(text.trim()) ? Number(text.trim()) : undefined;
    };
    const limit = num('x-ratelimit-limit');
    const remaining = num('x-ratelimit-remaining');
    const reset = num('x-ratelimit-reset');
    if (limit === undefined && remaining === undefined)
        return previous;
    // Reset is either seconds until reset or a Unix time in seconds; the larger values are epochs.
    const resetAt = reset === undefined ? undefined : reset > 1_000_000_000 ? reset * 1000 : now + reset * 1000;
    return { limit: limit ?? previous.limit, remaining, resetAt };
}
/** Milliseconds to wait before poll `round` (0 = first poll after the trigger). */
function pollDelayMs(round, budget, now) {
    const base = Math.min(SETTLED_POLL_MS, Math.round(FIRST_POLL_MS * GROWTH ** round));
    const { limit, remaining, resetAt } = budget;
    if (remaining === undefined || !limit)
        return base;
    if (remaining <= 2 && resetAt !== undefined)
        return Math.max(base, resetAt - now);
    const share = remaining / limit;
    // Above half the budget, poll normally; below it, stretch in proportion to what is gone.
    if (share >= 0.5)
        return base;
    return Math.min(MAX_STRETCHED_MS, Math.max(base, Math.round(SETTLED_POLL_MS * (0.5 / Math.max(share, 0.01)))));
}

;// CONCATENATED MODULE: ./src/providers/qovery/shapes.ts

const qovery_shapes_isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
const shapes_optStr = (obj, key) => (typeof obj[key] === 'string' && obj[key] !== '' ? obj[key] : undefined);
function qovery_shapes_shapeError(endpoint, problem) {
    return new ActionError('Unexpected response from Qovery', `${endpoint} answered with a body the action does not understand (${problem}). The API may have changed, or a proxy answered instead of Qovery: check api_url.`);
}
function shapes_str(endpoint, obj, key, where) {
    const value = obj[key];
    if (typeof value !== 'string')
        throw qovery_shapes_shapeError(endpoint, `${where}.${key} is missing`);
    return value;
}
function parseEnvironmentStatus(endpoint, body, where = 'body') {
    if (!qovery_shapes_isObject(body))
        throw qovery_shapes_shapeError(endpoint, `${where} is not an object`);
    return {
        state: shapes_str(endpoint, body, 'state', where),
        lastDeploymentState: shapes_optStr(body, 'last_deployment_state') ?? shapes_str(endpoint, body, 'state', where),
        lastDeploymentId: shapes_optStr(body, 'last_deployment_id'),
        deploymentRequestId: shapes_optStr(body, 'deployment_request_id')?.toLowerCase()
    };
}
const STATUS_GROUPS = [
    ['applications', 'APPLICATION'],
    ['containers', 'CONTAINER'],
    ['jobs', 'JOB'],
    ['databases', 'DATABASE'],
    ['helms', 'HELM'],
    ['terraforms', 'TERRAFORM'],
    ['agentic_workflows', 'AGENTIC_WORKFLOW']
];
function parseEnvironmentStatuses(endpoint, body) {
    if (!qovery_shapes_isObject(body))
        throw qovery_shapes_shapeError(endpoint, 'the body is not an object');
    const environment = parseEnvironmentStatus(endpoint, body.environment, 'environment');
    const services = [];
    for (const [key, type] of STATUS_GROUPS) {
        const list = body[key];
        if (list === undefined || list === null)
            continue;
        if (!Array.isArray(list))
            throw qovery_shapes_shapeError(endpoint, `'${key}' is not a list`);
        list.forEach((item, index) => {
            const where = `${key}[${index}]`;
            if (!qovery_shapes_isObject(item))
                throw qovery_shapes_shapeError(endpoint, `${where} is not an object`);
            services.push({ id: shapes_str(endpoint, item, 'id', where).toLowerCase(), type, state: shapes_str(endpoint, item, 'state', where) });
        });
    }
    return { environment, services };
}
/**
 * A service's version as the history records it: an application's commit, a container's tag,
 * a job's commit (git source) or tag (image source), a helm chart's version (or commit when the
 * chart comes from git). Anything else has no version the deploy request could carry.
 */
function versionOf(type, details) {
    if (!qovery_shapes_isObject(details))
        return undefined;
    const commit = qovery_shapes_isObject(details.commit) ? shapes_optStr(details.commit, 'git_commit_id') : undefined;
    const tag = shapes_optStr(details, 'tag');
    switch (type) {
        case 'APPLICATION':
            return commit ? { version: commit, field: 'git_commit_id' } : undefined;
        case 'CONTAINER':
            return tag ? { version: tag, field: 'image_tag' } : undefined;
        case 'JOB':
            if (commit)
                return { version: commit, field: 'git_commit_id' };
            return tag ? { version: tag, field: 'image_tag' } : undefined;
        case 'HELM': {
            const chart = qovery_shapes_isObject(details.repository) ? shapes_optStr(details.repository, 'chart_version') : undefined;
            if (chart)
                return { version: chart, field: 'chart_version' };
            return commit ? { version: commit, field: 'git_commit_id' } : undefined;
        }
        default:
            return undefined;
    }
}
function parseHistoryPage(endpoint, body) {
    if (!qovery_shapes_isObject(body))
        throw qovery_shapes_shapeError(endpoint, 'the body is not an object');
    const results = body.results ?? [];
    if (!Array.isArray(results))
        throw qovery_shapes_shapeError(endpoint, "'results' is not a list");
    return results.map((item, index) => {
        const where = `results[${index}]`;
        if (!qovery_shapes_isObject(item) || !qovery_shapes_isObject(item.identifier))
            throw qovery_shapes_shapeError(endpoint, `${where}.identifier is missing`);
        const auditing = qovery_shapes_isObject(item.auditing_data) ? item.auditing_data : {};
        const services = [];
        const stages = Array.isArray(item.stages) ? item.stages : [];
        for (const stage of stages) {
            if (!qovery_shapes_isObject(stage) || !Array.isArray(stage.services))
                continue;
            for (const service of stage.services) {
                if (!qovery_shapes_isObject(service) || !qovery_shapes_isObject(service.identifier))
                    continue;
                const id = shapes_optStr(service.identifier, 'service_id')?.toLowerCase();
                const type = shapes_optStr(service.identifier, 'service_type') ?? 'UNKNOWN';
                if (!id || services.some((known) => known.id === id))
                    continue;
                const found = versionOf(type, service.details);
                services.push({ id, name: shapes_optStr(service.identifier, 'name') ?? id, type, version: found?.version, field: found?.field });
            }
        }
        return {
            executionId: shapes_str(endpoint, item.identifier, 'execution_id', `${where}.identifier`).toLowerCase(),
            status: shapes_optStr(item, 'status') ?? 'UNKNOWN',
            triggerAction: shapes_optStr(item, 'trigger_action') ?? 'UNKNOWN',
            actionStatus: shapes_optStr(item, 'action_status') ?? 'UNKNOWN',
            createdAt: shapes_optStr(auditing, 'created_at') ?? '',
            triggeredBy: shapes_optStr(auditing, 'triggered_by') ?? '',
            services
        };
    });
}
function shapes_parseEnvironment(endpoint, body) {
    if (!qovery_shapes_isObject(body))
        throw qovery_shapes_shapeError(endpoint, 'the body is not an object');
    const ref = (key) => (qovery_shapes_isObject(body[key]) ? shapes_optStr(body[key], 'id') : undefined);
    return { organizationId: ref('organization'), projectId: ref('project') };
}

;// CONCATENATED MODULE: ./src/providers/qovery/qovery-api.ts



/** The history endpoint declares only pageSize; 100 executions reach back far enough for a rollback. */
const HISTORY_PAGE_SIZE = 100;
/**
 * The Qovery endpoints the rollback uses, typed. Remembers the rate-limit budget the server
 * reports, so polling can slow down before the token runs dry.
 */
class QoveryApi {
    client;
    environmentId;
    now;
    budget = {};
    /** Whether this run may have changed the environment; failures say so. */
    changed = 'nothing';
    constructor(client, environmentId, now) {
        this.client = client;
        this.environmentId = environmentId;
        this.now = now;
    }
    async environment(doing) {
        const response = await this.read(`/environment/${this.environmentId}`, undefined, doing);
        return shapes_parseEnvironment(response.endpoint, response.body);
    }
    async status(doing) {
        const response = await this.read(`/environment/${this.environmentId}/status`, undefined, doing);
        return parseEnvironmentStatus(response.endpoint, response.body);
    }
    async statuses(doing) {
        const response = await this.read(`/environment/${this.environmentId}/statuses`, undefined, doing);
        return parseEnvironmentStatuses(response.endpoint, response.body);
    }
    /** Newest first, as the API lists them. */
    async history(doing) {
        const response = await this.read(`/environment/${this.environmentId}/deploymentHistoryV2`, { pageSize: HISTORY_PAGE_SIZE }, doing);
        return parseHistoryPage(response.endpoint, response.body);
    }
    /** One attempt, no retry: the caller decides what a lost answer means. */
    async redeploy() {
        return this.send(`/environment/${this.environmentId}/redeploy`, undefined);
    }
    /** One attempt, no retry. Each service goes in its type's list with the field that carries its version. */
    async deployServices(services) {
        const body = {};
        const add = (list, item) => (body[list] ??= []).push(item);
        for (const service of services) {
            switch (service.type) {
                case 'APPLICATION':
                    add('applications', { application_id: service.id, git_commit_id: service.version });
                    break;
                case 'CONTAINER':
                    add('containers', { id: service.id, image_tag: service.version });
                    break;
                case 'JOB':
                    add('jobs', { id: service.id, [service.field]: service.version });
                    break;
                case 'HELM':
                    add('helms', { id: service.id, [service.field]: service.version });
                    break;
            }
        }
        return this.send(`/environment/${this.environmentId}/service/deploy`, body);
    }
    async send(path, body) {
        const response = await this.client.send({ method: 'POST', path, body });
        this.budget = readRateBudget(response.headers, this.now(), this.budget);
        return response;
    }
    async read(path, query, doing) {
        const response = await this.client.read({ method: 'GET', path, query });
        this.budget = readRateBudget(response.headers, this.now(), this.budget);
        if (response.status < 200 || response.status >= 300) {
            throw qovery_platform_errors_explainFailure(response, { environmentId: this.environmentId, doing, changed: this.changed });
        }
        return response;
    }
}

;// CONCATENATED MODULE: ./src/providers/qovery/resolve-target.ts


/** Candidates are finished, successful deployments; restarts, stops, dry runs and failures are not versions to go back to. */
function isCandidate(execution) {
    return execution.triggerAction === 'DEPLOY' && execution.actionStatus === 'SUCCESS';
}
/**
 * What each service runs now: its version in the newest execution that lists it, whether that
 * execution succeeded or not (a failed deployment may have left the new version half-rolled-out,
 * and it is what the user wants to leave). Executions may list only the services they touched.
 */
function currentVersions(executions) {
    const current = new Map();
    for (const execution of executions) {
        for (const service of execution.services) {
            if (service.version !== undefined && !current.has(service.id))
                current.set(service.id, { version: service.version, name: service.name });
        }
    }
    return current;
}
const versioned = (execution) => execution.services.filter((service) => service.version !== undefined);
/** The version set an execution stands for, as a comparable key. */
function versionKey(execution, exists) {
    return versioned(execution)
        .filter((service) => exists(service.id))
        .map((service) => `${service.id}=${service.version}`)
        .sort()
        .join(',');
}
/**
 * Settles which execution to roll back to, from the history (newest first) and the services
 * that exist now. `previous~N` is the N-th distinct version set, newest first, that differs from
 * what runs now for some shared service; a redeploy of identical versions counts like a restart.
 */
function resolveTarget(executions, selector, existing) {
    const byId = new Map(existing.map((service) => [service.id, service]));
    const exists = (id) => byId.has(id);
    const current = currentVersions(executions);
    const searched = executions.length;
    const nameOf = (id) => current.get(id)?.name ?? executions.flatMap((e) => e.services).find((s) => s.id === id)?.name ?? `${byId.get(id)?.type.toLowerCase() ?? 'service'} ${id}`;
    if (selector.kind === 'current') {
        const services = existing.map((service) => {
            const version = current.get(service.id)?.version ?? '';
            return { id: service.id, name: nameOf(service.id), type: service.type, state: service.state, from: version, to: version };
        });
        return { target: executions[0], services, changes: services, searched, warnings: [] };
    }
    const differs = (execution) => versioned(execution).some((service) => exists(service.id) && current.has(service.id) && current.get(service.id).version !== service.version);
    let target;
    const warnings = [];
    if (selector.kind === 'previous') {
        const seen = [];
        for (const execution of executions) {
            if (!isCandidate(execution) || !differs(execution))
                continue;
            const key = versionKey(execution, exists);
            if (seen.includes(key))
                continue;
            seen.push(key);
            if (seen.length === selector.steps) {
                target = execution;
                break;
            }
        }
        if (!target) {
            const candidates = executions.filter(isCandidate).length;
            throw new ActionError('No earlier version to roll back to', `${describeSelector(selector)} needs ${selector.steps} successful deployment${selector.steps === 1 ? '' : 's'} with versions different from what runs now, but the history holds ${seen.length} (searched ${searched} execution${searched === 1 ? '' : 's'}, ${candidates} successful deployment${candidates === 1 ? '' : 's'}${searched >= 100 ? '; the API returns at most the newest 100' : ''}). Choose a smaller N, or give an execution id from the environment's deployment history.`, { changed: 'nothing' });
        }
        refuseUndo(executions, target, selector, current, exists);
    }
    else {
        target = executions.find((execution) => execution.executionId === selector.revisionId);
        if (!target) {
            throw new ActionError('Execution not found', `No execution ${selector.text} in the environment's deployment history (searched ${searched} execution${searched === 1 ? '' : 's'}${searched >= 100 ? ', the newest 100 the API returns' : ''}). Copy an execution id from the deployment history in the Qovery console, or use 'previous'.`, { changed: 'nothing' });
        }
        if (target.actionStatus !== 'SUCCESS' || target.triggerAction !== 'DEPLOY') {
            warnings.push(`Execution ${target.executionId} was a ${target.triggerAction} that ended ${target.actionStatus}; its versions are used as asked.`);
        }
    }
    const services = [];
    const gone = [];
    for (const service of versioned(target)) {
        const now = byId.get(service.id);
        if (!now) {
            gone.push(`${service.name} (${service.type.toLowerCase()} ${service.id})`);
            continue;
        }
        services.push({
            id: service.id,
            name: service.name,
            type: service.type,
            state: now.state,
            from: current.get(service.id)?.version ?? '',
            to: service.version,
            field: service.field
        });
    }
    const inTarget = new Set(target.services.map((service) => service.id));
    const untouched = existing.filter((service) => !inTarget.has(service.id) && current.has(service.id)).map((service) => `${nameOf(service.id)} (${service.type.toLowerCase()})`);
    const noVersion = existing.filter((service) => !current.has(service.id) || (inTarget.has(service.id) && !services.some((s) => s.id === service.id)));
    if (gone.length)
        warnings.push(`Skipped, no longer in the environment: ${gone.join(', ')}.`);
    if (untouched.length)
        warnings.push(`Left as they are (not part of execution ${target.executionId}): ${untouched.join(', ')}.`);
    if (noVersion.length) {
        warnings.push(`Not sent, the history records no version for them: ${noVersion.map((service) => `${nameOf(service.id)} (${service.type.toLowerCase()})`).join(', ')}.`);
    }
    return { target, services, changes: services.filter((service) => service.from !== service.to), searched, warnings };
}
/**
 * `previous` must not silently undo a rollback: when the versions running now also ran before
 * the target, with the target's versions in between, going "back" re-deploys the release that
 * was rolled back from. Refused, naming the execution, so doing it takes a deliberate choice.
 */
function refuseUndo(executions, target, selector, current, exists) {
    const changed = versioned(target).filter((service) => exists(service.id) && current.has(service.id) && current.get(service.id).version !== service.version);
    const older = executions.slice(executions.indexOf(target) + 1).filter(isCandidate);
    const earlier = older.find((execution) => {
        const shared = versioned(execution).filter((service) => changed.some((c) => c.id === service.id));
        return shared.length > 0 && shared.every((service) => service.version === current.get(service.id).version);
    });
    if (!earlier)
        return;
    const list = changed.map((service) => `${service.name} ${current.get(service.id).version} → ${service.version}`).join(', ');
    throw new ActionError('Refused: this would undo an earlier rollback', `${describeSelector(selector)} resolves to execution ${target.executionId} (${list}), but the versions running now also ran before it (execution ${earlier.executionId}): the environment was most likely rolled back from execution ${target.executionId}, and going "back" would re-deploy it. Nothing was sent. To do that on purpose, pass revision: ${target.executionId}.`, { changed: 'nothing' });
}

;// CONCATENATED MODULE: ./src/providers/qovery/deployment-state.ts
/** States a deployment ends well in. */
const SUCCESS_STATES = new Set(['DEPLOYED', 'RESTARTED', 'READY']);
/** States a deployment ends badly in, besides every *_ERROR. */
const FAILED_END_STATES = new Set(['CANCELED', 'STOPPED', 'DELETED']);
function phaseOf(state) {
    if (SUCCESS_STATES.has(state))
        return 'succeeded';
    if (state.endsWith('_ERROR') || FAILED_END_STATES.has(state))
        return 'failed';
    return 'running';
}
/** Whether another operation still holds the environment (a deploy request would get 409). */
function isBusy(status) {
    return phaseOf(status.state) === 'running' && status.state !== 'UNAVAILABLE';
}
/**
 * Whether the status describes this run's deployment. Right after the trigger the status can
 * still show the previous deployment's terminal state (the official CLI sleeps 3 s to dodge
 * it); a status is ours only when it names our request or execution, or a deployment id that
 * is not the baseline's.
 */
function isOurs(status, ticket) {
    if (ticket.executionId && status.lastDeploymentId === ticket.executionId)
        return true;
    // A request id the status still shows from before proves nothing either way; only a newer one can be compared.
    if (ticket.requestId && status.deploymentRequestId && status.deploymentRequestId !== ticket.baseline.requestId)
        return status.deploymentRequestId === ticket.requestId;
    return status.lastDeploymentId !== undefined && status.lastDeploymentId !== ticket.baseline.lastDeploymentId;
}

;// CONCATENATED MODULE: ./src/providers/qovery/wait-until-idle.ts



/**
 * After a 409 ("operation in progress"): watch the environment status until the running
 * operation has ended, naming it once, so the deploy request can then be sent once.
 */
async function wait_until_idle_waitUntilIdle(ctx) {
    const { api, deadline, log } = ctx;
    let last;
    for (let round = 0;; round++) {
        const status = await api.status('waiting for the running operation to finish');
        if (!isBusy(status)) {
            if (last)
                log.info(`The other operation has ended (${status.state}); sending the deploy request now.`);
            return;
        }
        if (!last || last.state !== status.state)
            log.info(`The environment is busy: ${status.state} (deployment ${status.lastDeploymentId ?? 'unknown'}); waiting for it to end before sending.`);
        last = status;
        const delay = pollDelayMs(round, api.budget, deadline.clock.now());
        if (delay >= deadline.remainingMs()) {
            throw new TimeoutError(`Another operation was still running when the timeout (${ctx.timeoutSeconds}s) ran out: the environment is ${status.state} (deployment ${status.lastDeploymentId ?? 'unknown'}). Nothing was deployed. Re-run the rollback once it has ended, or raise timeout.`, { changed: 'nothing' });
        }
        await deadline.sleep(delay);
    }
}

;// CONCATENATED MODULE: ./src/providers/qovery/trigger-deploy.ts





/**
 * How often, and how far apart, a lost answer is checked against the status and history before
 * concluding nothing happened: 15 s, as on every platform, so a request still being processed
 * when the connection broke has time to show.
 */
const VERIFY_CHECKS = 6;
const VERIFY_SPACING_MS = 3000;
/**
 * Sends the deploy request so that it takes effect at most once. A 409 waits for the running
 * operation and sends again (the 409 was not acted on); a 429 waits as told. A lost answer or
 * any 5xx is never followed by a second request: the status and history are read, and a new
 * deployment there is followed; otherwise the run fails saying nothing was deployed.
 */
async function triggerDeploy(ctx, request, tracker) {
    const { api, deadline, log } = ctx;
    const doing = request.kind === 'redeploy' ? 'redeploying the environment' : 'sending the deploy request';
    let throttled = 0;
    let conflicts = 0;
    for (;;) {
        if (deadline.expired())
            throw new TimeoutError(`The timeout (${ctx.timeoutSeconds}s) ran out before the deploy request could be sent. Nothing was deployed.`, { changed: 'nothing' });
        // Taken just before the request that may be accepted: a deployment that blocked an earlier try also made a new id.
        const baseline = await readBaseline(ctx);
        tracker.mark('unknown');
        api.changed = 'unknown';
        let response;
        let lost;
        try {
            response = request.kind === 'redeploy' ? await api.redeploy() : await api.deployServices(request.services);
        }
        catch (error) {
            if (!(error instanceof TransportError))
                throw error;
            lost = `no answer: ${error.code}`;
        }
        if (response && response.status >= 200 && response.status < 300) {
            api.changed = 'accepted';
            tracker.mark('accepted');
            const requestId = requestIdOf(response.body);
            log.info(`Qovery accepted the deploy request (${response.status}${requestId ? `, deployment request ${requestId}` : ''}).`);
            return { ticket: { baseline, requestId } };
        }
        if (response && response.status < 500) {
            api.changed = 'nothing';
            tracker.mark('nothing');
        }
        if (response?.status === 409) {
            log.info('Qovery answered 409: another operation is in progress on the environment.');
            tracker.waitingToSend('another operation on the environment to finish');
            await wait_until_idle_waitUntilIdle(ctx);
            await deadline.sleep(Math.min(deadline.remainingMs(), resendPauseMs(response.headers['retry-after'], deadline.clock.now(), backoffMs(conflicts++, deadline.clock))));
            continue;
        }
        if (response?.status === 429) {
            const waitMs = resendPauseMs(response.headers['retry-after'], deadline.clock.now(), backoffMs(throttled++, deadline.clock));
            if (waitMs >= deadline.remainingMs())
                throw qovery_platform_errors_explainFailure(response, { environmentId: api.environmentId, doing, changed: 'nothing' });
            log.info(`Qovery is throttling (429); sending the deploy request in ${(waitMs / 1000).toFixed(1)}s.`);
            await deadline.sleep(waitMs);
            continue;
        }
        if (response && response.status < 500)
            throw qovery_platform_errors_explainFailure(response, { environmentId: api.environmentId, doing, changed: 'nothing' });
        lost ??= `answered ${response.status}`;
        log.warning(`The deploy request got no usable answer (${lost}). Reading the environment's status and history to learn whether Qovery acted on it; it will not be sent again.`, 'Deploy answer lost');
        const found = await findNewDeployment(ctx, baseline);
        if (found) {
            api.changed = 'accepted';
            tracker.mark('accepted');
            const note = `The deploy request's answer was lost (${lost}); following the deployment that appeared since (${found}).`;
            log.info(note);
            return { ticket: { baseline, executionId: found }, note };
        }
        api.changed = 'nothing';
        tracker.mark('nothing');
        throw new ActionError('Deploy request got no answer', `${doing} got no usable answer (${lost}), and the environment shows no new deployment since (status and history read ${VERIFY_CHECKS} times over ${((VERIFY_CHECKS - 1) * VERIFY_SPACING_MS) / 1000}s). Nothing was deployed. The request was not repeated blindly; re-run the rollback once the API answers again.`, { changed: 'nothing' });
    }
}
async function readBaseline(ctx) {
    const status = await ctx.api.status('reading the environment status before the deploy request');
    const history = await ctx.api.history('reading the newest execution before the deploy request');
    return { lastDeploymentId: status.lastDeploymentId, requestId: status.deploymentRequestId, newestExecutionId: history[0]?.executionId };
}
/** The id of a deployment that appeared after the baseline, in the status or the history, if any. */
async function findNewDeployment(ctx, baseline) {
    for (let check = 0; check < VERIFY_CHECKS; check++) {
        if (check > 0)
            await ctx.deadline.sleep(VERIFY_SPACING_MS);
        const status = await ctx.api.status('checking whether the deploy request took effect');
        if (status.lastDeploymentId && status.lastDeploymentId !== baseline.lastDeploymentId)
            return status.lastDeploymentId;
        const history = await ctx.api.history('checking whether the deploy request took effect');
        const newest = history[0]?.executionId;
        if (newest && newest !== baseline.newestExecutionId)
            return newest;
    }
    return undefined;
}
function requestIdOf(body) {
    if (typeof body !== 'object' || body === null)
        return undefined;
    const id = body.deployment_request_id;
    return typeof id === 'string' && id !== '' ? id.toLowerCase() : undefined;
}

;// CONCATENATED MODULE: ./src/providers/qovery/wait-for-deployment.ts



/**
 * Waits until this run's deployment ends, polling the environment status at a pace that starts
 * quick and slows down (and slows further as the rate-limit budget falls). The previous
 * deployment's terminal state is never taken for ours. DEPLOYED, RESTARTED and READY succeed;
 * any *_ERROR fails naming the services in error; CANCELED, STOPPED and DELETED fail.
 */
async function waitForDeployment(ctx, ticket, names, tracker) {
    const { api, deadline, log } = ctx;
    let lastLine = '';
    let pending = 'the deployment has not shown up in the environment status yet';
    for (let round = 0;; round++) {
        let status;
        try {
            status = await api.status('watching the deployment');
        }
        catch (error) {
            if (deadline.expired())
                throw wait_for_deployment_timedOut(ctx, pending);
            throw error;
        }
        const ours = isOurs(status, ticket);
        const phase = ours ? phaseOf(status.state) : 'running';
        pending = ours
            ? `deployment ${status.lastDeploymentId ?? ticket.requestId ?? ''} is ${status.state}`
            : `not started yet (the status still shows the previous deployment ${status.lastDeploymentId ?? ''}: ${status.state})`;
        tracker.pending(pending);
        if (pending !== lastLine) {
            log.info(`[${deadline.elapsedSeconds()}s] Environment: ${pending}`);
            lastLine = pending;
        }
        if (phase === 'succeeded')
            return;
        if (phase === 'failed')
            throw await failure(ctx, status.state, status.lastDeploymentId, names);
        const delay = pollDelayMs(round, api.budget, deadline.clock.now());
        if (delay >= deadline.remainingMs()) {
            await deadline.sleep(delay);
            throw wait_for_deployment_timedOut(ctx, pending);
        }
        await deadline.sleep(delay);
    }
}
function wait_for_deployment_timedOut(ctx, pending) {
    return new TimeoutError(`The timeout (${ctx.timeoutSeconds}s) ran out while waiting for the deployment: ${pending}. The deploy request was accepted and may still finish on its own: watch the environment in the Qovery console, and do not trigger another rollback until it ends.`, { changed: 'accepted' });
}
async function failure(ctx, state, deploymentId, names) {
    const what = `Deployment ${deploymentId ?? ''} ended ${state}`;
    if (!state.endsWith('_ERROR')) {
        return new ActionError('Rollback deployment did not complete', `${what}. The environment was changed by this run; look at the deployment in the Qovery console before trying again.`, { changed: 'accepted' });
    }
    let detail = '';
    try {
        const statuses = await ctx.api.statuses('naming the services in error');
        const failed = statuses.services.filter((service) => service.state.endsWith('_ERROR'));
        if (failed.length)
            detail = ` Services in error: ${failed.map((service) => `${names.get(service.id) ?? service.id} (${service.type.toLowerCase()} ${service.id}): ${service.state}`).join('; ')}.`;
    }
    catch {
        detail = ' The services in error could not be read.';
    }
    return new ActionError('Rollback deployment failed', `${what}.${detail} Look at the deployment logs in the Qovery console before trying again.`, { changed: 'accepted' });
}

;// CONCATENATED MODULE: ./src/providers/qovery/qovery-provider.ts






const QOVERY_VOCABULARY = {
    platform: 'Qovery',
    app: 'Environment',
    instance: 'service',
    instances: 'services',
    version: 'version',
    redeploy: 'deploy request'
};
const qovery_provider_CONSOLE = 'https://console.qovery.com';
/** A service name as an output may carry it: other characters become '_'. */
function outputName(name) {
    const safe = name.replace(/[^A-Za-z0-9 ._/:+@-]/g, '_').slice(0, 128);
    return safe === '' ? '_' : safe;
}
const shortVersion = (version) => (/^[0-9a-f]{40}$/.test(version) ? version.slice(0, 12) : version);
/** "api abc123…, web v1.2 (+3 more)": what a set of services runs, for one log line. */
function describeVersions(services, pick) {
    const shown = services.slice(0, 3).map((service) => `${service.name} ${shortVersion(pick(service)) || '(no version)'}`);
    return services.length > 3 ? `${shown.join(', ')} (+${services.length - 3} more)` : shown.join(', ');
}
function qovery_provider_toInstance(service) {
    return { id: service.id, name: service.name, version: service.from, status: service.state, targetVersion: service.to };
}
/**
 * Qovery behind the provider interface: the environment is the app, its services the instances,
 * and a version is a commit, image tag or chart version. A rollback is one deploy request that
 * puts every service of the target execution back on its version.
 */
function createQoveryProvider(settings, deps) {
    const client = new ApiClient({
        baseUrl: settings.apiUrl,
        authHeaders: { Authorization: authorizationHeader(settings.apiKey) },
        userAgent: `${deps.userAgent} (+qovery)`,
        deadline: deps.deadline,
        log: deps.log
    });
    const api = new QoveryApi(client, settings.appId, () => deps.deadline.clock.now());
    const ctx = { api, deadline: deps.deadline, log: deps.log, timeoutSeconds: settings.timeoutSeconds };
    const planned = new Map();
    const names = new Map();
    const tickets = new WeakMap();
    return {
        vocabulary: QOVERY_VOCABULARY,
        async plan() {
            const environment = await api.environment('reading the environment');
            const statuses = await api.statuses("reading the environment's services");
            const history = await api.history("reading the environment's deployment history");
            const resolved = resolveTarget(history, settings.revision, statuses.services);
            for (const execution of [...history].reverse())
                for (const service of execution.services)
                    names.set(service.id, service.name);
            for (const service of resolved.services)
                planned.set(service.id, service);
            const target = resolved.target;
            const isCurrent = settings.revision.kind === 'current';
            const revisionId = target?.executionId ?? settings.appId;
            const { organizationId: org, projectId: project } = environment;
            return {
                appId: settings.appId,
                targets: resolved.services.map(qovery_provider_toInstance),
                toRedeploy: resolved.changes.map(qovery_provider_toInstance),
                revision: {
                    id: revisionId,
                    version: isCurrent ? `the environment as it is (newest execution ${revisionId})` : `execution ${revisionId}`,
                    createdAt: target?.createdAt ?? 'unknown',
                    createdBy: target?.triggeredBy || undefined,
                    operationType: isCurrent ? 'redeploy' : target ? `${target.triggerAction.toLowerCase()} ${target.actionStatus.toLowerCase()}` : undefined
                },
                previousVersion: describeVersions(resolved.services, (service) => service.from),
                searched: resolved.searched,
                warnings: resolved.warnings,
                outputs: {
                    services: JSON.stringify(resolved.changes.map((service) => ({ id: service.id, name: outputName(service.name), type: service.type, from: service.from, to: service.to })))
                },
                consoleUrl: org && project ? `${qovery_provider_CONSOLE}/organization/${org}/project/${project}/environment/${settings.appId}/overview` : ''
            };
        },
        async trigger(plan, tracker) {
            const request = settings.revision.kind === 'current'
                ? { kind: 'redeploy' }
                : {
                    kind: 'services',
                    services: plan.toRedeploy.map((instance) => {
                        const service = planned.get(instance.id);
                        return { id: service.id, type: service.type, field: service.field, version: service.to };
                    })
                };
            const sentAt = deps.deadline.clock.now();
            const triggered = await triggerDeploy(ctx, request, tracker);
            const receipt = { acceptedAt: sentAt, note: triggered.note };
            tickets.set(receipt, triggered.ticket);
            return { kind: 'triggered', receipt };
        },
        waitUntilDone(_plan, receipt, tracker) {
            const ticket = tickets.get(receipt) ?? { baseline: {} };
            return waitForDeployment(ctx, ticket, names, tracker);
        },
        dispose: () => client.dispose()
    };
}

;// CONCATENATED MODULE: ./src/providers/registry.ts



function createProvider(settings, deps) {
    switch (settings.provider) {
        case 'phala':
            return createPhalaProvider(settings, deps);
        case 'qovery':
            return createQoveryProvider(settings, deps);
        case 'camunda':
            return createCamundaProvider(settings, deps);
    }
}

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: ./src/report/runner-commands.ts



/**
 * The GitHub runner's side of the conversation: inputs from INPUT_* variables, workflow commands
 * on stdout (`::name key=value::message`), outputs appended to the GITHUB_OUTPUT file. Written
 * here, to the runner's documented protocol and byte for byte as @actions/core 3 writes it,
 * because importing @actions/core also loads its OIDC client and with it an HTTP stack (undici)
 * the action never uses: a third of the start-up before the first request.
 */
/** The input `name` as the runner passes it (INPUT_<NAME>, spaces as underscores), trimmed. */
function getInput(name, env = process.env) {
    return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '').trim();
}
/** Masks `secret` in everything the runner shows from here on. */
function setSecret(secret) {
    issue('add-mask', {}, secret);
}
function info(message) {
    process.stdout.write(message + external_node_os_namespaceObject.EOL);
}
function debug(message) {
    issue('debug', {}, message);
}
function warning(message, title) {
    issue('warning', { title }, message);
}
function error(message, title) {
    issue('error', { title }, message);
}
/** Appends `name` to the step's outputs; a heredoc with a random delimiter keeps any value intact. */
function setOutput(name, value, env = process.env) {
    const file = env.GITHUB_OUTPUT || '';
    if (!file) {
        process.stdout.write(external_node_os_namespaceObject.EOL);
        issue('set-output', { name }, value);
        return;
    }
    const delimiter = `ghadelimiter_${(0,external_node_crypto_.randomUUID)()}`;
    if (name.includes(delimiter) || value.includes(delimiter))
        throw new Error(`Unexpected input: output ${name} contains the delimiter "${delimiter}"`);
    if (!(0,external_node_fs_namespaceObject.existsSync)(file))
        throw new Error(`Missing file at path: ${file}`);
    (0,external_node_fs_namespaceObject.appendFileSync)(file, `${name}<<${delimiter}${external_node_os_namespaceObject.EOL}${value}${external_node_os_namespaceObject.EOL}${delimiter}${external_node_os_namespaceObject.EOL}`, { encoding: 'utf8' });
}
function issue(command, properties, message) {
    const props = Object.entries(properties)
        .filter((entry) => Boolean(entry[1]))
        .map(([key, value]) => `${key}=${escapeProperty(value)}`)
        .join(',');
    process.stdout.write(`::${command}${props ? ` ${props}` : ''}::${escapeData(message)}${external_node_os_namespaceObject.EOL}`);
}
function escapeData(text) {
    return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(text) {
    return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

;// CONCATENATED MODULE: ./src/report/outputs.ts

/**
 * Every output the action can set, with what its value must look like. A later `run:` step may
 * paste an output into a shell, so a value that does not fit is refused (the run fails naming the
 * field) rather than passed on: platform text never reaches an output unchecked.
 */
const ID = /^[A-Za-z0-9_-]{1,128}$/;
const HASH = /^[0-9a-f]{64}$/;
const outputs_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** A version as platforms spell them: commit ids, image tags, chart versions. */
const VERSION = /^[A-Za-z0-9][A-Za-z0-9._+:@/-]{0,199}$/;
const SAFE_NAME = /^[A-Za-z0-9 ._/:+@-]{1,128}$/;
const STATUSES = ['completed', 'triggered', 'skipped', 'dry_run', 'failed', 'cancelled'];
const oneOf = (values) => (value) => values.includes(value) ? undefined : `expected one of ${values.join(', ')}`;
const matches = (pattern, what, allowEmpty = false) => (value) => (allowEmpty && value === '') || pattern.test(value) ? undefined : `expected ${what}`;
function jsonArray(check, what) {
    return (value) => {
        let parsed;
        try {
            parsed = JSON.parse(value);
        }
        catch {
            return `expected a JSON array of ${what}`;
        }
        if (!Array.isArray(parsed))
            return `expected a JSON array of ${what}`;
        for (const item of parsed) {
            const problem = check(item);
            if (problem)
                return problem;
        }
        return undefined;
    };
}
function service(item) {
    if (typeof item !== 'object' || item === null)
        return 'expected objects {id, name, type, from, to}';
    const { id, name, type, from, to } = item;
    if (typeof id !== 'string' || !outputs_UUID.test(id))
        return `service id ${JSON.stringify(String(id)).slice(0, 60)} is not a UUID`;
    if (typeof name !== 'string' || !SAFE_NAME.test(name))
        return `service name of ${id} has characters that are not allowed in an output`;
    if (typeof type !== 'string' || !/^[A-Z_]{1,32}$/.test(type))
        return `service type of ${id} is not a Qovery service type`;
    for (const [field, version] of [
        ['from', from],
        ['to', to]
    ]) {
        if (version !== '' && (typeof version !== 'string' || !VERSION.test(version)))
            return `service ${id} '${field}' is not a version`;
    }
    return undefined;
}
const OUTPUT_RULES = {
    status: oneOf(STATUSES),
    revision_id: matches(ID, 'an id of 1 to 128 letters, digits, _ or -'),
    compose_hash: matches(HASH, '64 lower-case hex characters'),
    previous_compose_hash: matches(HASH, '64 lower-case hex characters (or empty)', true),
    vm_uuids: jsonArray((item) => (typeof item === 'string' && outputs_UUID.test(item) ? undefined : 'expected UUIDs'), 'UUIDs'),
    deployment_id: matches(ID, 'a deployment id of 1 to 128 letters, digits, _ or -', true),
    previous_deployment_id: matches(ID, 'a deployment id of 1 to 128 letters, digits, _ or -', true),
    services: jsonArray(service, '{id, name, type, from, to}'),
    console_url: (value) => (value === '' || (/^https:\/\/[A-Za-z0-9.-]+(\/[A-Za-z0-9._~/-]*)?$/.test(value) && value.length <= 512) ? undefined : 'expected an https URL'),
    health: oneOf(['healthy', 'unhealthy', 'skipped'])
};
/** The output names a run may set; action.yml declares exactly these. */
const OUTPUT_NAMES = Object.keys(OUTPUT_RULES);
/** Returns the value if it is well formed for that output; throws naming the field otherwise. */
function checkOutput(name, value) {
    const rule = OUTPUT_RULES[name];
    if (!rule)
        throw new ActionError('Unexpected output', `The action tried to set an undeclared output '${name}'.`);
    const problem = rule(value);
    if (problem) {
        const shown = JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
        throw new ActionError(`Refused a malformed '${name}' output`, `The platform returned a value for '${name}' that does not look like one (${problem}; got ${shown}). It was not set as an output, because later steps may use it in a shell. The platform's answer may be corrupted or hostile; check it in the platform's console.`);
    }
    return value;
}

;// CONCATENATED MODULE: ./src/report/safe-text.ts
/** Every log or annotation line stays under GitHub's limits with room to spare. */
const MAX_LINE_BYTES = 16 * 1024 - 64;
/** GitHub refuses a job summary over 1 MiB; ours stays well under it. */
const MAX_SUMMARY_BYTES = 512 * 1024 - 1024;
/* eslint-disable no-control-regex -- matching control characters is the point of this module */
/** Line breaks a runner, a browser or an editor may honour: \r\n, \n, \r, NEL, LS, PS, VT, FF. */
const LINE_BREAKS = /\r\n|[\n\r\u0085\u2028\u2029\u000b\u000c]/g;
/** Other control characters, which a terminal may interpret. */
const CONTROLS = /[\u0000-\u0008\u000e-\u001f\u007f\u009b]/g;
/** A workflow command (`::name::`) or a legacy one (`##[name]`) at the start of a line. */
const COMMAND_START = /^(\s*)(::|##\[)/;
/** Cuts text to at most `maxBytes` of UTF-8 without splitting a character. */
function truncateBytes(text, maxBytes, marker = ' …[truncated]') {
    if (Buffer.byteLength(text, 'utf8') <= maxBytes)
        return text;
    const budget = maxBytes - Buffer.byteLength(marker, 'utf8');
    let bytes = 0;
    let end = 0;
    for (const char of text) {
        const size = Buffer.byteLength(char, 'utf8');
        if (bytes + size > budget)
            break;
        bytes += size;
        end += char.length;
    }
    return text.slice(0, end) + marker;
}
function neutraliseCommand(line) {
    // A zero-width space between the colons: shown the same, never parsed as a command.
    return line.replace(COMMAND_START, (_, space, start) => `${space}${start[0]}\u200b${start.slice(1)}`);
}
/**
 * One plain log line: every line break becomes a visible ' ⏎ ', so nothing in it can start a
 * new line, let alone a workflow command; secrets removed; cut to the line limit.
 */
function safeLogLine(text, secrets) {
    const redacted = secrets ? secrets.redact(text) : text;
    const flat = redacted.replace(LINE_BREAKS, ' ⏎ ').replace(CONTROLS, '\ufffd');
    return neutraliseCommand(truncateBytes(flat, MAX_LINE_BYTES));
}
/**
 * An annotation's message. The toolkit escapes \n and \r as %0A/%0D, so the message stays one
 * command line while showing as several lines in the UI; the other line breaks are made \n so
 * they get the same treatment. Each shown line is still kept from looking like a command.
 */
function safeAnnotation(text, secrets) {
    const redacted = secrets ? secrets.redact(text) : text;
    const lines = redacted.replace(CONTROLS, '\ufffd').split(LINE_BREAKS).map(neutraliseCommand);
    const whole = lines.join('\n');
    if (Buffer.byteLength(whole, 'utf8') <= MAX_LINE_BYTES || lines.length < 2)
        return truncateBytes(whole, MAX_LINE_BYTES);
    // The last line is the conclusion (e.g. whether anything was redeployed): an enormous platform
    // message before it is cut instead of it.
    const last = truncateBytes(lines[lines.length - 1], 1024);
    const head = truncateBytes(lines.slice(0, -1).join('\n'), MAX_LINE_BYTES - Buffer.byteLength(last, 'utf8') - 1);
    return `${head}\n${last}`;
}
/** A short title (annotation title, summary heading): one line, short. */
function safeTitle(text, secrets) {
    return truncateBytes(safeLogLine(text, secrets), 200);
}
/**
 * Text for the job summary (Markdown with HTML). Entities keep markup, tables, emphasis and
 * links from forming; every line break becomes <br> so no line can start a heading, list,
 * blockquote or table; a zero-width space breaks GitHub's autolinks (scheme://, www., e-mail,
 * @mentions, #references) without changing what the reader sees.
 */
function escapeMarkdown(text, secrets) {
    const redacted = (secrets ? secrets.redact(text) : text).replace(CONTROLS, '\ufffd');
    return redacted
        .replace(/:\/\//g, ':\u200b//')
        .replace(/www\./gi, (m) => `${m.slice(0, 3)}\u200b.`)
        .replace(/([@#])/g, '$1\u200b')
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
        .replace(/\u200b/g, '&#8203;')
        .replace(LINE_BREAKS, '<br>');
}
function codeSpan(text, secrets) {
    return `<code>${escapeMarkdown(text, secrets)}</code>`;
}

;// CONCATENATED MODULE: ./src/report/action-io.ts




function createActionIO(secrets, env = process.env) {
    const set = new Map();
    return {
        log: {
            info: (message) => info(safeLogLine(message, secrets)),
            warning: (message, title) => warning(safeAnnotation(message, secrets), title ? safeTitle(title, secrets) : undefined),
            debug: (message) => debug(safeLogLine(message, secrets))
        },
        error: (message, title) => error(safeAnnotation(message, secrets), safeTitle(title, secrets)),
        setOutput: (name, value) => {
            const checked = checkOutput(name, value);
            if (secrets.redact(checked) !== checked) {
                throw new Error(`refused to set output '${name}': it contains a secret`);
            }
            if (set.get(name) === checked)
                return;
            set.set(name, checked);
            setOutput(name, checked, env);
        },
        writeSummary: (markdown) => {
            const file = env.GITHUB_STEP_SUMMARY;
            if (file)
                (0,external_node_fs_namespaceObject.appendFileSync)(file, `${secrets.redact(markdown)}\n`);
        }
    };
}

;// CONCATENATED MODULE: ./src/report/redact.ts
/** Shortest piece of a secret treated as an echo of it; shorter runs are too common to mean anything. */
const MIN_ECHO = 12;
/** A shorter start of a secret still counts where text was cut right after it. */
const MIN_CUT_ECHO = 6;
const REDACTED = '***';
/**
 * The secrets of this run, and their removal from any text that leaves the process. The runner
 * masks exact matches in the log, but not in the job summary, and not a key the platform echoed
 * only in part: every run of 12 or more characters of a secret is replaced, and so is a start
 * of 6 or more where the text was cut right after it (a message truncated mid-key).
 */
class Secrets {
    values = [];
    grams = new Map();
    add(secret) {
        // One or two characters would erase ordinary words; the runner's own mask still covers them.
        if (secret.length < 3 || this.values.includes(secret))
            return;
        this.values.push(secret);
        if (secret.length < MIN_ECHO)
            return;
        for (let i = 0; i + MIN_ECHO <= secret.length; i++) {
            const gram = secret.slice(i, i + MIN_ECHO);
            const owners = this.grams.get(gram) ?? [];
            if (!owners.includes(secret))
                owners.push(secret);
            this.grams.set(gram, owners);
        }
    }
    get size() {
        return this.values.length;
    }
    redact(text) {
        if (this.values.length === 0 || text === '')
            return text;
        let out = text;
        for (const secret of this.values)
            if (secret.length < MIN_ECHO)
                out = out.split(secret).join(REDACTED);
        out = this.redactCutEchoes(out);
        if (this.grams.size === 0)
            return out;
        let result = '';
        let i = 0;
        while (i < out.length) {
            const owners = i + MIN_ECHO <= out.length ? this.grams.get(out.slice(i, i + MIN_ECHO)) : undefined;
            if (!owners) {
                result += out[i];
                i++;
                continue;
            }
            // Extend the match as far as any secret containing this piece allows.
            let end = i + MIN_ECHO;
            for (const secret of owners) {
                for (let at = secret.indexOf(out.slice(i, i + MIN_ECHO)); at !== -1; at = secret.indexOf(out.slice(i, i + MIN_ECHO), at + 1)) {
                    let k = 0;
                    while (at + k < secret.length && i + k < out.length && secret[at + k] === out[i + k])
                        k++;
                    end = Math.max(end, i + k);
                }
            }
            result += REDACTED;
            i = end;
        }
        return result;
    }
    redactCutEchoes(text) {
        let out = text;
        for (const secret of this.values) {
            for (let k = Math.min(secret.length - 1, 64); k >= MIN_CUT_ECHO; k--) {
                const start = secret.slice(0, k);
                const cut = new RegExp(`${start.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=…|\\.\\.\\.|\\s*$| …\\[truncated\\])`, 'g');
                out = out.replace(cut, REDACTED);
            }
        }
        return out;
    }
}

// EXTERNAL MODULE: ./src/report/run-url.ts
var run_url = __nccwpck_require__(7751);
;// CONCATENATED MODULE: ./src/report/summary.ts

/** A link the action built itself (run URL, console URL); anything odd is shown as text instead. */
function summary_link(url) {
    if (!/^https?:\/\/[^\s<>"'`|\\]+$/.test(url))
        return escapeMarkdown(url);
    const attr = url.replace(/&/g, '&amp;');
    return `<a href="${attr}">${attr}</a>`;
}
const summary_capital = (text) => text.charAt(0).toUpperCase() + text.slice(1);
function resultText(input) {
    const v = input.vocabulary;
    const instances = v?.instances ?? 'instances';
    switch (input.status) {
        case 'completed':
            return `✅ Completed: every targeted ${v?.instance ?? 'instance'} runs the target revision`;
        case 'triggered':
            return `🚀 Triggered (wait: false): ${escapeMarkdown(v?.platform ?? 'the platform')} is applying it`;
        case 'skipped':
            return `⏭️ Skipped: the targeted ${instances} already run the target revision`;
        case 'dry_run':
            return '🔍 Dry run: resolved, nothing redeployed';
        case 'cancelled':
            return `🛑 Cancelled: ${escapeMarkdown(input.failure?.title ?? 'Rollback cancelled', input.secrets)}`;
        case 'failed':
            return `❌ Failed: ${escapeMarkdown(input.failure?.title ?? 'Unexpected error', input.secrets)}`;
    }
}
/** The sentence every ending that is not a plain success carries: was the platform changed? */
function changedSentence(changed, vocabulary) {
    const platform = vocabulary?.platform ?? 'the platform';
    const instances = vocabulary?.instances ?? 'instances';
    const redeploy = vocabulary?.redeploy ?? 'redeploy';
    switch (changed) {
        case 'nothing':
            return `Nothing was redeployed: ${platform} was not changed by this run.`;
        case 'unknown':
            return `The ${redeploy} may have reached ${platform}: check the ${instances} before re-running.`;
        case 'accepted':
            return `The ${redeploy} was accepted by ${platform} and may still be running: check the ${instances} before re-running.`;
    }
}
/** The job summary: one table an on-call engineer can read at a glance, failures included. */
function renderSummary(input) {
    const { plan, secrets } = input;
    const v = input.vocabulary;
    const esc = (text) => escapeMarkdown(text, secrets);
    const code = (text) => codeSpan(text, secrets);
    const rows = [];
    if (v)
        rows.push(['Platform', esc(v.platform)]);
    if (input.appId)
        rows.push([v?.app ?? 'App', code(input.appId)]);
    if (plan && v) {
        const redeployed = new Set(plan.toRedeploy.map((instance) => instance.id));
        const instances = plan.targets
            .map((instance) => {
            const move = instance.targetVersion !== undefined ? `: ${instance.version ? code(instance.version) : 'none'} → ${code(instance.targetVersion)}` : '';
            return `${esc(instance.name)} ${code(instance.id)}${move}${redeployed.has(instance.id) ? '' : ' (already on target)'}`;
        })
            .join('<br>');
        rows.push([summary_capital(v.instances), instances || 'none']);
        if (plan.targets.every((instance) => instance.targetVersion === undefined)) {
            rows.push([summary_capital(v.version), `${plan.previousVersion ? code(plan.previousVersion) : 'unknown'} → ${code(plan.revision.version)}`]);
        }
        rows.push(['Target revision', code(plan.revision.id)]);
        const made = [plan.revision.createdBy ? esc(plan.revision.createdBy) : 'unknown user', esc(plan.revision.createdAt)].join(', ');
        rows.push(['Target made by', plan.revision.operationType ? `${made} (${esc(plan.revision.operationType)})` : made]);
        for (const [label, value] of plan.details ?? [])
            rows.push([esc(label), esc(value)]);
    }
    for (const [label, value] of input.extra ?? [])
        rows.push([esc(label), esc(value)]);
    rows.push(['Result', resultText(input)]);
    if (input.failure || input.status === 'cancelled')
        rows.push(['Redeployed', esc(changedSentence(input.changed, v))]);
    if (input.health)
        rows.push(['Health check', `${input.health.state}${input.health.detail ? `: ${esc(input.health.detail)}` : ''}`]);
    if (plan?.consoleUrl)
        rows.push(['Console', summary_link(plan.consoleUrl)]);
    rows.push(['Duration', `${(input.run.durationMs / 1000).toFixed(1)} s`]);
    if (input.run.actor)
        rows.push(['Started by', esc(input.run.actor)]);
    if (input.run.runUrl)
        rows.push(['Run', summary_link(input.run.runUrl)]);
    const head = ['## Rollback', '', '| | |', '| --- | --- |', ...rows.map(([key, value]) => `| ${key} | ${value} |`), ''];
    const quote = input.failure ? `<blockquote>${esc(input.failure.message)}</blockquote>\n` : '';
    const text = `${head.join('\n')}\n${quote}`;
    return truncateBytes(text, MAX_SUMMARY_BYTES, "\n\n…the summary was cut here to stay within GitHub's size limit.\n");
}

;// CONCATENATED MODULE: ./src/version.ts
/** Sent in the User-Agent; a unit test keeps it equal to package.json's version. */
const ACTION_NAME = 'rollback-action';
const ACTION_VERSION = '0.1.0';

;// CONCATENATED MODULE: ./src/main.ts













/**
 * The action's entry: wires the real inputs, clock, HTTP clients and the runner's output files
 * into the pipeline. Exported as `run` because the official local runner (@github/local-action)
 * imports the entry and calls `run()`.
 */
async function main_run() {
    const startedAt = Date.now();
    const secrets = new Secrets();
    const io = createActionIO(secrets);
    const progress = newProgress();
    const facts = () => runFacts(process.env, Date.now() - startedAt);
    // Left installed after the run: a signal that arrives while the process is leaving (e.g. after
    // wait: false) must still be answered with what really happened, not with a silent kill.
    onCancellation(io, progress, facts, secrets);
    let provider;
    let record;
    try {
        const settings = getSettings((name) => getInput(name), process.env, (secret) => {
            secrets.add(secret);
            setSecret(secret);
        });
        const deadline = new src_clock/* Deadline */.B2(src_clock/* systemClock */.ml, settings.timeoutSeconds * 1000);
        const userAgent = `${ACTION_NAME}/${ACTION_VERSION}`;
        provider = createProvider(settings, { deadline, log: io.log, userAgent });
        const github = settings.github;
        const status = await run(settings, {
            provider,
            log: io.log,
            setOutput: io.setOutput,
            progress,
            verify: settings.health ? healthVerifier(settings, io, userAgent) : undefined,
            beforeTrigger: github
                ? async (plan) => {
                    // Loaded only when used: @actions/github is most of the bundle and most runs never need it.
                    const { createDeploymentRecord } = await Promise.all(/* import() */[__nccwpck_require__.e(119), __nccwpck_require__.e(157), __nccwpck_require__.e(136)]).then(__nccwpck_require__.bind(__nccwpck_require__, 3136));
                    record = await createDeploymentRecord({
                        token: github.token,
                        environment: github.environment,
                        description: `Rollback of ${settings.appId || plan.appId} to revision ${plan.revision.id}`.slice(0, 140),
                        env: process.env,
                        log: io.log,
                        payload: { provider: settings.provider, revision_id: plan.revision.id, version: plan.revision.version, previous_version: plan.previousVersion },
                        userAgent
                    });
                }
                : undefined
        });
        io.writeSummary(renderSummary(summaryFields(progress, status, facts(), secrets)));
        await record?.finish(status === 'completed' || status === 'triggered' ? 'success' : 'error', `Rollback ${status}`, settings.health?.url);
    }
    catch (error) {
        reportFailure(error, io, progress, facts(), secrets);
        await record?.finish(progress.changed === 'nothing' ? 'error' : 'failure', `Rollback failed: ${describe(error).title}`.slice(0, 140));
    }
    finally {
        provider?.dispose?.();
    }
}
/** The health check after completion: the app itself must answer, not just the platform. */
function healthVerifier(settings, io, userAgent) {
    const health = settings.health;
    return async () => {
        const { checkHealth } = await __nccwpck_require__.e(/* import() */ 422).then(__nccwpck_require__.bind(__nccwpck_require__, 9422));
        const result = await checkHealth({ url: health.url, matcher: health.matcher, timeoutSeconds: health.timeoutSeconds, clock: src_clock/* systemClock */.ml, log: io.log, userAgent });
        const last = result.lastStatus !== undefined ? `last answer ${result.lastStatus}` : `last error ${result.lastError ?? 'none'}`;
        return result.health === 'healthy'
            ? { state: 'healthy', detail: `${result.consecutive} expected answers in a row (${health.matcher.description}) after ${(result.elapsedMs / 1000).toFixed(1)} s` }
            : {
                state: 'unhealthy',
                detail: `${health.url} did not answer ${health.matcher.description} 3 times in a row within health_timeout (${health.timeoutSeconds} s): ${last} after ${result.attempts} attempts. Look at the app's logs; the platform reports the rollback itself as complete.`
            };
    };
}
function summaryFields(progress, status, run, secrets) {
    return {
        vocabulary: progress.vocabulary,
        appId: progress.appId,
        plan: progress.plan,
        status,
        changed: progress.changed,
        health: progress.health,
        extra: progress.extra,
        run,
        secrets
    };
}
function runFacts(env, durationMs) {
    return { durationMs, actor: env.GITHUB_ACTOR || undefined, runUrl: (0,run_url/* runUrl */.V)(env) };
}
/** Title of an unexplained failure: what kind of thing broke, not "Unexpected error" for a network fault. */
function describe(error) {
    if (error instanceof ActionError)
        return { title: error.title, message: error.message, changed: error.changed };
    if (error instanceof TransportError) {
        return {
            title: 'Platform unreachable',
            message: `${error.endpoint} got no answer (${error.code}), also after retries. Check api_url and the platform's status page.${error.hint ? ` ${error.hint}` : ''}`
        };
    }
    return { title: 'Unexpected error', message: error instanceof Error ? error.message : String(error) };
}
/**
 * Every failure, input errors included, ends the same way: status 'failed', one titled
 * annotation that says whether anything was redeployed, and a job summary.
 */
function reportFailure(error, io, progress, run, secrets) {
    process.exitCode = 1;
    const { title, message, changed } = describe(error);
    // The error knows best; otherwise how far the run got decides.
    progress.changed = changed ?? progress.changed;
    const sentence = changedSentence(progress.changed, progress.vocabulary);
    io.error(`${message}\n${sentence}`, title);
    if (!(error instanceof ActionError) && error instanceof Error && error.stack)
        io.log.debug(error.stack);
    progress.status ??= 'failed';
    try {
        io.setOutput('status', progress.status);
    }
    catch {
        // status is always well formed; nothing else to do
    }
    io.writeSummary(renderSummary({ ...summaryFields(progress, progress.status, run, secrets), failure: { title, message } }));
}
/**
 * The runner cancels with SIGINT, then SIGTERM. Leave promptly, saying what is still running on
 * the platform, because the engineer decides the next step from that line.
 */
function onCancellation(io, progress, facts, secrets) {
    const handler = (signal) => {
        const message = `${describeCancellation(progress)} (${signal})`;
        const title = 'Rollback cancelled';
        const said = `${message}\n${changedSentence(progress.changed, progress.vocabulary)}`;
        if (progress.status && progress.status !== 'failed') {
            // The run had already ended with its status; the signal only caught it on the way out.
            io.log.warning(said, title);
            process.exit(process.exitCode ?? 0);
        }
        io.error(said, title);
        if (!progress.status)
            io.setOutput('status', 'cancelled');
        io.writeSummary(renderSummary({ ...summaryFields(progress, progress.status ?? 'cancelled', facts(), secrets), failure: { title, message } }));
        process.exit(1);
    };
    process.once('SIGINT', handler);
    process.once('SIGTERM', handler);
}


/***/ }),

/***/ 7751:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ runUrl)
/* harmony export */ });
/**
 * The link to this workflow run, from the runner's environment: where the summary, the GitHub
 * deployment record and an on-call engineer point. Undefined outside a workflow, or when the
 * variables do not look like the runner's (they end up in a link).
 */
function runUrl(env) {
    const repository = env.GITHUB_REPOSITORY?.trim();
    const runId = env.GITHUB_RUN_ID?.trim();
    if (!repository || !runId || !/^[\w.-]+\/[\w.-]+$/.test(repository) || !/^\d+$/.test(runId))
        return undefined;
    const server = (env.GITHUB_SERVER_URL?.trim() || 'https://github.com').replace(/\/+$/, '');
    const attempt = Number(env.GITHUB_RUN_ATTEMPT ?? '1');
    const base = `${server}/${repository}/actions/runs/${runId}`;
    return Number.isInteger(attempt) && attempt > 1 ? `${base}/attempts/${attempt}` : base;
}


/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 4708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 755:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 9783:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   s: () => (/* binding */ getProxyUrl)
/* harmony export */ });
/* unused harmony export checkBypass */
function getProxyUrl(reqUrl) {
    const usingSsl = reqUrl.protocol === 'https:';
    if (checkBypass(reqUrl)) {
        return undefined;
    }
    const proxyVar = (() => {
        if (usingSsl) {
            return process.env['https_proxy'] || process.env['HTTPS_PROXY'];
        }
        else {
            return process.env['http_proxy'] || process.env['HTTP_PROXY'];
        }
    })();
    if (proxyVar) {
        try {
            return new DecodedURL(proxyVar);
        }
        catch (_a) {
            if (!proxyVar.startsWith('http://') && !proxyVar.startsWith('https://'))
                return new DecodedURL(`http://${proxyVar}`);
        }
    }
    else {
        return undefined;
    }
}
function checkBypass(reqUrl) {
    if (!reqUrl.hostname) {
        return false;
    }
    const reqHost = reqUrl.hostname;
    if (isLoopbackAddress(reqHost)) {
        return true;
    }
    const noProxy = process.env['no_proxy'] || process.env['NO_PROXY'] || '';
    if (!noProxy) {
        return false;
    }
    // Determine the request port
    let reqPort;
    if (reqUrl.port) {
        reqPort = Number(reqUrl.port);
    }
    else if (reqUrl.protocol === 'http:') {
        reqPort = 80;
    }
    else if (reqUrl.protocol === 'https:') {
        reqPort = 443;
    }
    // Format the request hostname and hostname with port
    const upperReqHosts = [reqUrl.hostname.toUpperCase()];
    if (typeof reqPort === 'number') {
        upperReqHosts.push(`${upperReqHosts[0]}:${reqPort}`);
    }
    // Compare request host against noproxy
    for (const upperNoProxyItem of noProxy
        .split(',')
        .map(x => x.trim().toUpperCase())
        .filter(x => x)) {
        if (upperNoProxyItem === '*' ||
            upperReqHosts.some(x => x === upperNoProxyItem ||
                x.endsWith(`.${upperNoProxyItem}`) ||
                (upperNoProxyItem.startsWith('.') &&
                    x.endsWith(`${upperNoProxyItem}`)))) {
            return true;
        }
    }
    return false;
}
function isLoopbackAddress(host) {
    const hostLower = host.toLowerCase();
    return (hostLower === 'localhost' ||
        hostLower.startsWith('127.') ||
        hostLower.startsWith('[::1]') ||
        hostLower.startsWith('[0:0:0:0:0:0:0:1]'));
}
class DecodedURL extends URL {
    constructor(url, base) {
        super(url, base);
        this._decodedUsername = decodeURIComponent(super.username);
        this._decodedPassword = decodeURIComponent(super.password);
    }
    get username() {
        return this._decodedUsername;
    }
    get password() {
        return this._decodedPassword;
    }
}
//# sourceMappingURL=proxy.js.map

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(9407);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
