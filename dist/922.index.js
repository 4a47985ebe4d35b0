export const id = 922;
export const ids = [922];
export const modules = {

/***/ 3922:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createPhalaProvider: () => (/* binding */ createPhalaProvider)
});

// UNUSED EXPORTS: PHALA_VOCABULARY

// EXTERNAL MODULE: ./src/http/api-client.ts
var api_client = __webpack_require__(3838);
// EXTERNAL MODULE: ./src/inputs/parse.ts
var parse = __webpack_require__(3718);
// EXTERNAL MODULE: ./src/providers/phala/inputs.ts
var inputs = __webpack_require__(8908);
// EXTERNAL MODULE: ./src/http/retry-policy.ts
var retry_policy = __webpack_require__(7593);
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
    sleeping = false;
    closed = false;
    stop = new AbortController();
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
            if (this.closed)
                return resolve(undefined);
            if (first)
                this.queue.unshift(resolve);
            else
                this.queue.push(resolve);
            this.pump();
        });
        if (!answered)
            throw new PacerClosedError();
        try {
            return await send();
        }
        finally {
            answered();
            this.open--;
            this.pump();
        }
    }
    /**
     * The wait is over (done or failed): requests still waiting are never sent (their callers get
     * PacerClosedError), and no timer of the pacer holds the process open.
     */
    close() {
        this.closed = true;
        this.stop.abort();
        for (const waiting of this.queue.splice(0))
            waiting(undefined);
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
    /** Sends whatever may go now; sleeps (one timer at a time) when only time can open a slot. */
    pump() {
        if (this.sleeping)
            return;
        while (this.queue.length > 0 && !this.closed) {
            if (!this.deadline.expired()) {
                const wait = Math.max(this.pausedUntil - this.deadline.clock.now(), this.window.waitMs());
                // Full, or the window waits on an open request: the one that ends pumps again.
                if (this.open >= this.limit || wait === Infinity)
                    return;
                if (wait > 0) {
                    this.sleeping = true;
                    void this.deadline.sleep(wait, this.stop.signal).then(() => {
                        this.sleeping = false;
                        this.pump();
                    });
                    return;
                }
            }
            this.open++;
            this.queue.shift()(this.window.begin());
        }
    }
}
class PacerClosedError extends Error {
    constructor() {
        super('the wait ended before this request was sent');
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
    const asked = (0,retry_policy/* askedWaitMs */.MW)(429, headers, now);
    return Math.min(MAX_THROTTLE_WAIT_MS, Math.max(MIN_THROTTLE_WAIT_MS, asked ?? fallbackMs));
}

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
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



const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
/** Bounds on what is taken from an error body: a hostile body cannot make a message enormous. */
const MAX_ITEMS = 20;
const MAX_TEXT = 2000;
const clip = (text) => (text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text);
function readErrorBody(response) {
    const header = response.headers['x-request-id'];
    const result = { details: [], suggestions: [], requestId: typeof header === 'string' ? clip(header) : undefined };
    const body = response.body;
    if (!isObject(body)) {
        if (response.text.trim())
            result.message = (0,api_client/* excerpt */.Kb)(response.text);
        return result;
    }
    const structured = isObject(body.detail) ? body.detail : body;
    const detail = body.detail;
    if (typeof detail === 'string')
        result.message = clip(detail);
    else if (Array.isArray(detail)) {
        // FastAPI validation errors: [{loc, msg, type}]
        result.message = clip(detail
            .slice(0, MAX_ITEMS)
            .map((item) => isObject(item) ? `${Array.isArray(item.loc) ? item.loc.slice(0, 10).map(String).join('.') + ': ' : ''}${describeValue(item.msg ?? '')}` : describeValue(item))
            .join('; '));
    }
    if (typeof structured.message === 'string')
        result.message = clip(structured.message);
    if (typeof structured.error_code === 'string')
        result.errorCode = clip(structured.error_code);
    if (Array.isArray(structured.details)) {
        result.details = structured.details
            .slice(0, MAX_ITEMS)
            .filter(isObject)
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
function explainFailure(response, ctx) {
    const said = readErrorBody(response);
    const platformSays = said.message ? ` Phala Cloud says: "${said.message}".` : '';
    const reqId = said.requestId ? ` (request id ${said.requestId})` : '';
    const status = response.status;
    const where = `${response.endpoint} → ${status}${reqId}`;
    const options = { changed: ctx.changed };
    const cvmPath = /^\w+ \S*\/cvms\/[^/]+/.test(response.endpoint);
    switch (status) {
        case 401:
            return new errors/* ActionError */.lZ('Phala Cloud rejected the API key', `${where} while ${ctx.doing}.${platformSays} The API key is missing, mistyped, revoked or expired: check the secret passed as api_key (or PHALA_CLOUD_API_KEY).`, options);
        case 403:
            return new errors/* ActionError */.lZ("No access to the app's workspace", `${where} while ${ctx.doing}.${platformSays} The API key is valid but its workspace has no access to app ${ctx.appId}: use a key created in the workspace that owns the app.`, options);
        case 404:
            return notFound(where, platformSays, ctx, cvmPath);
        case 422:
            return new errors/* ActionError */.lZ('Phala Cloud refused the request', `${where} while ${ctx.doing}.${platformSays}`, options);
        case 465:
            return onchainRegistrationRequired(where, said, ctx);
        case 466:
        case 467:
        case 468: {
            const why = status === 466 ? 'is invalid or expired' : status === 467 ? 'could not be verified on-chain' : 'registers a compose hash that is not allowed for this app';
            return new errors/* ActionError */.lZ('transaction_hash not accepted', `${where} while ${ctx.doing}.${platformSays} The transaction given as transaction_hash ${why}. It must be the hash of the addComposeHash(0x${ctx.composeHash ?? '…'}) transaction on the app's contract, confirmed on-chain.`, options);
        }
        default:
            if (status >= 500 || status === 429)
                return new errors/* ActionError */.lZ('Phala Cloud is unavailable', `${where} while ${ctx.doing}, after retries.${platformSays} The platform is failing or throttling; try again in a few minutes.`, options);
            return new errors/* ActionError */.lZ('Unexpected answer from Phala Cloud', `${where} while ${ctx.doing}.${platformSays}`, options);
    }
}
function notFound(where, platformSays, ctx, cvmPath) {
    const options = { changed: ctx.changed };
    // Every Phala path sits below /api/v1; without it the server answers 404 to everything.
    if (ctx.apiUrl && !/\/api\/v\d+$/.test(new URL(ctx.apiUrl).pathname.replace(/\/+$/, ''))) {
        return new errors/* ActionError */.lZ('api_url looks incomplete', `${where} while ${ctx.doing}.${platformSays} api_url is ${ctx.apiUrl}, which does not end in /api/v1: Phala Cloud's API lives below it. Use e.g. https://cloud-api.phala.com/api/v1.`, options);
    }
    if (cvmPath) {
        return new errors/* ActionError */.lZ('CVM not found', `${where} while ${ctx.doing}.${platformSays} The CVM was listed by app ${ctx.appId} a moment ago but Phala Cloud does not find it now: it may have been deleted or moved while the rollback ran. Check the app's CVMs in the dashboard.`, options);
    }
    if (ctx.revisionId) {
        return new errors/* ActionError */.lZ('App or revision not found', `${where} while ${ctx.doing}.${platformSays} App ${ctx.appId} or its revision ${ctx.revisionId} no longer exists: re-run so the revision is resolved again, or check app_id.`, options);
    }
    return new errors/* ActionError */.lZ('App not found', `${where} while ${ctx.doing}.${platformSays} No app ${ctx.appId} is visible to this key: check app_id (the hex id from the dashboard, app_ prefix optional) and that the key belongs to the app's workspace.`, options);
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
    if (isObject(kms))
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
    return new errors/* ActionError */.lZ('Compose hash must be registered on-chain (transaction_hash)', lines.join('\n'), { changed: ctx.changed });
}

;// CONCATENATED MODULE: ./src/providers/phala/revision-skim.ts
const HEAD = '{"revisions":[';
const ID_KEY = '"revision_id":"';
/**
 * Reads a revisions page only as far as an explicit-revision search needs when the page cannot
 * hold the revision. At 50,000 rows, parsing 50 pages into row objects was most of the
 * resolution time, and a full compose hash or revision id is often far down the history.
 *
 * A row can match only if its revision_id equals the text searched for, or its compose_hash,
 * lower-cased, holds the hex: either way the needle is a substring of the page text (lower-cased
 * for the hash), unless a JSON escape spells its characters (\u0061 is 'a'), so text with any
 * backslash is never skimmed. A page without either needle therefore answers nothing, whatever
 * its rows say; what is still read from it is bookkeeping: `total` and `total_pages` from the
 * members after the rows, and the row ids (de-duplication, counting, the repeated-page check).
 *
 * Returns undefined, and the caller parses the page in full with its shape checks, whenever a
 * needle occurs, the text has an escape, or the page is not laid out as the API writes it
 * (`{"revisions":[…],"total":…,…,"total_pages":…}`, compact). Rows are not checked one by one:
 * a malformed row on a skimmed page goes unreported, since nothing on that page can be the answer.
 */
function skimRevisionsPage(text, needles) {
    if (text.includes('\\') || text.includes(needles.revisionId))
        return undefined;
    if (needles.hashPrefix !== undefined && holdsHex(text, needles.hashPrefix))
        return undefined;
    if (!text.startsWith(HEAD))
        return undefined;
    const counts = tail(text);
    if (!counts)
        return undefined;
    const ids = rowIds(text, counts.rowsEnd);
    if (!ids)
        return undefined;
    return { rows: [], total: counts.total, totalPages: counts.totalPages, skippedIds: ids };
}
let hexSearch;
/**
 * Whether the text holds the hex in any case. A case-insensitive pattern folds exactly A-F onto
 * a-f for hex digits (no other character folds to them without the u flag), as toLowerCase does,
 * without a lower-cased copy of the page.
 */
function holdsHex(text, hex) {
    if (!/^[0-9a-f]+$/.test(hex))
        return text.toLowerCase().includes(hex);
    if (hexSearch?.hex !== hex)
        hexSearch = { hex, pattern: new RegExp(hex, 'i') };
    return hexSearch.pattern.test(text);
}
/** The members after the rows' closing bracket, parsed; undefined unless they are the page's counts. */
function tail(text) {
    const rowsEnd = text.lastIndexOf(']');
    if (rowsEnd < HEAD.length || text.charCodeAt(rowsEnd + 1) !== 0x2c /* , */)
        return undefined;
    let members;
    try {
        members = JSON.parse(`{${text.slice(rowsEnd + 2)}`);
    }
    catch {
        return undefined;
    }
    const { total, total_pages: totalPages } = (members ?? {});
    if (typeof total !== 'number' || typeof totalPages !== 'number')
        return undefined;
    return { total, totalPages, rowsEnd };
}
/** Every `"revision_id":"…"` between the head and the rows' end, in order; undefined if one is cut off. */
function rowIds(text, rowsEnd) {
    const ids = [];
    for (let at = text.indexOf(ID_KEY, HEAD.length); at !== -1 && at < rowsEnd; at = text.indexOf(ID_KEY, at)) {
        const start = at + ID_KEY.length;
        const end = text.indexOf('"', start);
        if (end === -1 || end > rowsEnd)
            return undefined;
        ids.push(text.slice(start, end));
        at = end + 1;
    }
    if (ids.length === 0 && rowsEnd !== HEAD.length)
        return undefined;
    // The ids are slices of a page-sized string; one joined copy lets that string go.
    return ids.length === 0 ? ids : ids.join('\n').split('\n');
}

;// CONCATENATED MODULE: ./src/providers/phala/hash.ts
/** Phala returns compose hashes bare or 0x-prefixed, in either case; compare them only normalised. */
function normaliseHash(hash) {
    const trimmed = hash.trim().toLowerCase();
    return trimmed.startsWith('0x') ? trimmed.slice(2) : trimmed;
}
/** Short form for log lines; the full hash stays in outputs and the summary. */
function shortHash(hash) {
    return normaliseHash(hash).slice(0, 12);
}

;// CONCATENATED MODULE: ./src/providers/phala/shapes.ts


/** Thrown for a 2xx body that is not what the API documents: name the endpoint, never crash on undefined. */
function shapeError(endpoint, what) {
    return new errors/* ActionError */.lZ('Unexpected response from Phala Cloud', `${endpoint} returned a response the action cannot read (${what}). The API may have changed or a proxy answered instead; check api_url.`);
}
function shapes_isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function str(endpoint, obj, key, where) {
    const value = obj[key];
    if (typeof value !== 'string')
        throw shapeError(endpoint, `${where}.${key} is ${value === undefined ? 'missing' : typeof value}`);
    return value;
}
function optStr(obj, key) {
    const value = obj?.[key];
    return typeof value === 'string' && value !== '' ? value : undefined;
}
function parseRevisionsPage(endpoint, body) {
    if (!shapes_isObject(body))
        throw shapeError(endpoint, 'the body is not an object');
    if (!Array.isArray(body.revisions))
        throw shapeError(endpoint, "'revisions' is not a list");
    const total = body.total;
    const totalPages = body.total_pages;
    if (typeof total !== 'number' || typeof totalPages !== 'number')
        throw shapeError(endpoint, "'total' or 'total_pages' is not a number");
    const rows = body.revisions.map((item, index) => {
        const where = `revisions[${index}]`;
        if (!shapes_isObject(item))
            throw shapeError(endpoint, `${where} is not an object`);
        const triggeredBy = shapes_isObject(item.triggered_by) ? item.triggered_by : undefined;
        const cvm = shapes_isObject(item.cvm) ? item.cvm : undefined;
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
        throw shapeError(endpoint, 'the body is not a list of CVMs');
    return body.map((item, index) => parseCvm(endpoint, item, `[${index}]`));
}
function parseCvm(endpoint, item, where) {
    if (!shapes_isObject(item))
        throw shapeError(endpoint, `${where} is not an object`);
    const vmUuid = optStr(item, 'vm_uuid');
    if (!vmUuid)
        throw shapeError(endpoint, `${where}.vm_uuid is missing`);
    if (typeof item.status !== 'string')
        throw shapeError(endpoint, `${where}.status is missing`);
    const progress = shapes_isObject(item.progress) ? item.progress : undefined;
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
    if (!shapes_isObject(body) || !Array.isArray(body.items))
        throw shapeError(endpoint, "'items' is not a list");
    return body.items.map((item, index) => {
        const where = `items[${index}]`;
        if (!shapes_isObject(item))
            throw shapeError(endpoint, `${where} is not an object`);
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
    /** With `needles`, a page that cannot hold the revision searched for is only skimmed. */
    async listRevisions(page, doing, needles) {
        const response = await this.read(`/apps/${this.appId}/revisions`, { page, page_size: REVISIONS_PAGE_SIZE }, doing, undefined, true);
        const skimmed = needles && skimRevisionsPage(response.text, needles);
        if (skimmed)
            return skimmed;
        const parsed = (0,api_client/* parseJsonText */.lk)(response.text);
        if (parsed.notJson)
            throw (0,api_client/* notJsonError */.sg)(response, 'Phala Cloud');
        return parseRevisionsPage(response.endpoint, parsed.body);
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
    async read(path, query, doing, paced, textOnSuccess = false) {
        const response = paced
            ? await this.pacedRead({ method: 'GET', path, query, throttledToCaller: true }, paced)
            : await this.client.read({ method: 'GET', path, query, textOnSuccess });
        this.noteServerDate(response);
        if (response.status < 200 || response.status >= 300) {
            throw explainFailure(response, { appId: this.appId, doing, changed: this.changed, apiUrl: this.apiUrl });
        }
        if (response.notJson)
            throw (0,api_client/* notJsonError */.sg)(response, 'Phala Cloud');
        return response;
    }
    /** Until an answer that is not a 429 (or the deadline, which the pacer and the client enforce). */
    async pacedRead(call, { pacer, onThrottled, first }) {
        for (let throttles = 0;; throttles++) {
            let pauseMs;
            const response = await pacer.run(async () => {
                const answer = await this.client.read(call);
                // Told inside the request's slot, so no waiting request slips out before the pause starts.
                if (answer.status === 429) {
                    this.noteServerDate(answer);
                    // Without a header saying how long: 2 s, doubling, within the 1–60 s bounds.
                    pauseMs = throttleWaitMs(answer.headers, this.localNow(), 2000 * 2 ** Math.min(throttles, 5));
                    pacer.throttled(pauseMs);
                }
                else
                    pacer.answered();
                return answer;
            }, first);
            if (pauseMs === undefined)
                return response;
            onThrottled(response.endpoint, pauseMs);
        }
    }
    noteServerDate(response) {
        const date = Date.parse(String(response.headers.date ?? ''));
        // Date has one-second resolution; half a second is the expected error.
        if (!Number.isNaN(date))
            this.clockOffsetMs = date + 500 - this.localNow();
    }
}

// EXTERNAL MODULE: ./src/revision-selector.ts
var revision_selector = __webpack_require__(6654);
;// CONCATENATED MODULE: ./src/providers/phala/revision-paging.ts

/** The caller always asks for the largest page the API allows. */
const PAGE_SIZE = 1000;
const DEFAULT_CONCURRENCY = 8;
/** Beyond this we would only be hammering an API whose rate limits are unpublished. */
const MAX_CONCURRENCY = 8;
/** 100 pages = 100,000 revisions: far past any real rollback, short enough to fail fast. */
const DEFAULT_MAX_PAGES = 100;
/**
 * The bound counts rows, not only requests: a server that ignores page_size can put 16 MiB of
 * rows on every page, and 100 such pages would be millions of rows held and searched.
 */
const DEFAULT_MAX_ROWS = DEFAULT_MAX_PAGES * PAGE_SIZE;
function pagingFailed(message) {
    return new errors/* ActionError */.lZ('Revision history paging failed', message);
}
/**
 * Reads the revision history page by page. Page 1 goes alone (it tells how many pages there
 * are); later pages are fetched ahead, at most `concurrency` at once, but handed over in order.
 *
 * New revisions arrive at the top while we read and push older rows to later pages, so rows are
 * de-duplicated by revision id and the page count is re-planned from every page's `total`. A
 * page served from an older snapshot than its predecessor (a smaller `total`: possible when
 * concurrent requests are served out of order) may have skipped rows in between, so it is
 * fetched again once. Everything is bounded by `maxPages` requests and `maxRows` rows, whatever the server claims
 * or sends.
 */
async function readRevisionPages(fetchPage, visit, options = {}) {
    const concurrency = Math.min(MAX_CONCURRENCY, Math.max(1, Math.floor(options.concurrency ?? DEFAULT_CONCURRENCY)));
    const maxPages = Math.max(1, Math.floor(options.maxPages ?? DEFAULT_MAX_PAGES));
    const maxRows = Math.max(1, Math.floor(options.maxRows ?? DEFAULT_MAX_ROWS));
    let largestPage = 0;
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
    const result = (end) => ({ rowsRead, pagesRead, requests, total, end, maxPages, maxRows, largestPage });
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
        // A skimmed page brings only ids (none of its rows can answer); the bookkeeping is the same.
        const ids = body.skippedIds ?? body.rows.map((row) => row.revisionId);
        if (ids.length === 0) {
            if (rowsRead >= body.total)
                return result('exhausted');
            throw pagingFailed(`Page ${page} of the revision history came back empty although it reports ${body.total} revisions and only ${rowsRead} were read: ` +
                'the server ignored the page parameter or lost rows mid-read. Stopped instead of paging on.');
        }
        largestPage = Math.max(largestPage, ids.length);
        const fresh = [];
        let freshCount = 0;
        const { rows } = body;
        for (let i = 0; i < ids.length; i++) {
            const id = ids[i];
            if (firstSeenOn.has(id))
                continue;
            firstSeenOn.set(id, page);
            freshCount++;
            if (i < rows.length)
                fresh.push(rows[i]);
        }
        // A page of nothing new is legitimate only if at least a page of revisions arrived since the
        // previous page and pushed it down; otherwise the server is repeating itself.
        if (freshCount === 0 && body.total - total < ids.length) {
            const repeated = firstSeenOn.get(ids[0]);
            throw pagingFailed(`Page ${page} of the revision history repeated page ${repeated} (only revisions already read, and the history did not grow): ` +
                `the server ignored the page parameter. Stopped after ${requests} requests instead of paging forever.`);
        }
        // Rows beyond the cap are never handed over, however large the page the server sent.
        if (rowsRead + freshCount > maxRows) {
            freshCount = maxRows - rowsRead;
            if (fresh.length > freshCount)
                fresh.length = freshCount;
        }
        rowsRead += freshCount;
        pagesRead++;
        total = body.total;
        processed = page;
        wanted = Math.max(wanted, body.totalPages, Math.ceil(body.total / PAGE_SIZE));
        if (visit(fresh, page) === 'settled')
            return result('settled');
        if (rowsRead >= maxRows)
            return result(rowsRead >= body.total ? 'exhausted' : 'capped');
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
    const read = `${paging.rowsRead.toLocaleString('en-US')} revisions in ${paging.requests} request${paging.requests === 1 ? '' : 's'}`;
    const ignored = paging.largestPage > PAGE_SIZE ? `; the server ignored page_size (pages of up to ${paging.largestPage.toLocaleString('en-US')} rows)` : '';
    const limit = `at most ${paging.maxRows.toLocaleString('en-US')} revisions or ${paging.maxPages} requests`;
    return ` The search stopped after ${read} (${limit} are read${ignored}): pass a full compose hash or a revision id copied from the dashboard.`;
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
        throw new errors/* ActionError */.lZ('Targeted CVMs run different compose hashes', `${(0,revision_selector/* describeSelector */.r5)(selector)} is relative to what the targeted CVMs run now, but they run ${hashes.size} different compose hashes:\n${list}\n` +
            'Roll back one group at a time by listing the CVMs that run the same hash in vm_uuids, or pass an explicit revision (a revision id or compose hash).');
    }
    const [hash = ''] = hashes;
    if (hash !== '' && known.length < targets.length && selector.kind === 'previous') {
        const silent = targets.filter((cvm) => cvm.composeHash === '').map((cvm) => `${cvm.name} (${cvm.vmUuid})`);
        warnings.push(`${silent.join(', ')} report${silent.length === 1 ? 's' : ''} no compose hash; ${(0,revision_selector/* describeSelector */.r5)(selector)} is taken relative to ${resolve_revision_short(hash)}, which the other targeted CVMs run.`);
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
            this.warnings.push(`Whether ${(0,revision_selector/* describeSelector */.r5)(selector)} undoes an earlier rollback could not be checked: no older revision was read before the search stopped (${paging.rowsRead} revisions in ${paging.requests} requests).`);
        }
        if (undoesEarlierRollback(this.history, current, hash)) {
            throw new errors/* ActionError */.lZ("'previous' would undo an earlier rollback", `The targeted CVMs run compose hash ${current}, which also ran before ${resolve_revision_short(hash)}: the history reads ${resolve_revision_short(current)} → ${resolve_revision_short(hash)} → ${resolve_revision_short(current)}, ` +
                `so ${resolve_revision_short(hash)} was most likely rolled back from. ${(0,revision_selector/* describeSelector */.r5)(selector)} would have picked revision ${row.revisionId} (compose hash ${hash}) and undone that rollback. ` +
                `To really go there, pass revision: ${row.revisionId} explicitly.`);
        }
        return row;
    }
    notEnough(paging) {
        const { selector, current } = this;
        const what = `${(0,revision_selector/* describeSelector */.r5)(selector)} needs ${selector.steps} compose hash${selector.steps === 1 ? '' : 'es'} other than the running one`;
        const found = this.order.length;
        const list = found === 0 ? '' : `: ${this.order.map(resolve_revision_short).join(', ')}`;
        if (paging.end === 'capped') {
            return new errors/* ActionError */.lZ('Revision not found', `${what} (${resolve_revision_short(current)}), but found only ${found} (${summary(paging)})${list}.${capNote(paging)}`);
        }
        if (this.history.length === 0 && current === '') {
            return new errors/* ActionError */.lZ('No earlier revision to roll back to', `The targeted CVMs have no revisions in the app's history (${summary(paging)}). Give revision as a revision id or compose hash from another CVM of the app.`);
        }
        return new errors/* ActionError */.lZ('No earlier revision to roll back to', `${what} (${resolve_revision_short(current)}), but the targeted CVMs' history holds only ${found} (${summary(paging)})${list}. Choose a smaller N or give a revision id or compose hash.`);
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
        this.fullHash = selector.hashPrefix?.length === revision_selector/* FULL_HASH_LENGTH */.qT;
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
            throw new errors/* ActionError */.lZ('Ambiguous compose hash prefix', `${(0,revision_selector/* describeSelector */.r5)(selector)} matches ${this.matches.size} different compose hashes; give more characters:\n${list}`);
        }
        const only = this.matches.values().next().value;
        if (only && paging.end !== 'capped')
            return only;
        if (only) {
            throw new errors/* ActionError */.lZ('Compose hash prefix may be ambiguous', `${(0,revision_selector/* describeSelector */.r5)(selector)} matches compose hash ${only.composeHash} (revision ${only.revisionId}), but older revisions were not read, so another hash may match too (${summary(paging)}).${capNote(paging)}`);
        }
        const tooShort = /^(0x)?[0-9a-f]{1,7}$/i.test(selector.text) ? ' A compose hash prefix needs at least 8 hex characters.' : '';
        const advice = paging.end === 'capped' ? capNote(paging) : " Use 'previous', or copy a revision id or compose hash from the app's revision history.";
        throw new errors/* ActionError */.lZ('Revision not found', `No revision id or compose hash matches ${(0,revision_selector/* describeSelector */.r5)(selector)} in the app's history (${summary(paging)}).${tooShort}${advice}`);
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
        throw new errors/* ActionError */.lZ('Revision not supported', `${(0,revision_selector/* describeSelector */.r5)(selector)} is not supported on Phala Cloud.`);
    const warnings = [];
    const normalised = targets.map((cvm) => ({ ...cvm, composeHash: normaliseHash(cvm.composeHash) }));
    const live = liveHash(normalised, selector, warnings);
    const targeted = new Set(normalised.map((cvm) => cvm.vmUuid.toLowerCase()));
    const search = selector.kind === 'previous' ? new PreviousSearch(selector, targeted, live ?? '', warnings) : new RefSearch(selector, targeted, live);
    // An explicit revision is looked for in the page text first; pages that cannot hold it are only
    // skimmed. Not when no CVM reports a hash: the newest targeted row then stands in for it.
    const needles = selector.kind === 'ref' && live !== '' ? { revisionId: selector.revisionId, ...(selector.hashPrefix === undefined ? {} : { hashPrefix: selector.hashPrefix }) } : undefined;
    const paging = await readRevisionPages((page) => fetchPage(page, needles), (rows) => search.visit(rows), options);
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
        throw new errors/* ActionError */.lZ('App has no CVMs', `App ${appId} has no CVMs, so there is nothing to roll back. Check app_id.`);
    }
    if (requested === 'all')
        return appCvms;
    if (requested.length === 0) {
        if (appCvms.length === 1)
            return appCvms;
        throw new errors/* ActionError */.lZ('vm_uuids required for a multi-CVM app', `App ${appId} has ${appCvms.length} CVMs. Set the vm_uuids input to the CVMs to roll back (separated by commas, spaces or new lines), or to 'all':\n${listing(appCvms)}\nNothing was redeployed.`);
    }
    const unknown = requested.filter((uuid) => !appCvms.some((cvm) => cvm.vmUuid === uuid));
    if (unknown.length > 0) {
        throw new errors/* ActionError */.lZ('CVM not part of the app', `vm_uuids names ${unknown.join(', ')}, which ${unknown.length === 1 ? 'is' : 'are'} not a CVM of app ${appId}. Its CVMs are:\n${listing(appCvms)}\nNothing was redeployed.`);
    }
    return requested.map((uuid) => appCvms.find((cvm) => cvm.vmUuid === uuid));
}

// EXTERNAL MODULE: ./src/trust/send-once.ts + 1 modules
var send_once = __webpack_require__(8469);
// EXTERNAL MODULE: ./src/trust/trigger-tracker.ts
var trigger_tracker = __webpack_require__(323);
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
 * for the target started since the send. A target CVM still busy, or not listed at all, keeps the
 * watch going: only targets seen idle without a trace prove that nothing happened.
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
        // A targeted CVM missing from the list (a proxy's stale page, a hostile answer) shows no trace
        // because it was not shown: that is no proof the redeploy was not acted on, so the watch goes on.
        const busy = cvms.some((cvm) => cvm.inProgress) || new Set(cvms.map((cvm) => cvm.vmUuid)).size < ids.size;
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

// EXTERNAL MODULE: ./src/clock.ts
var src_clock = __webpack_require__(9373);
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
    const timedOut = () => new errors/* TimeoutError */.MU(`Another operation was still running when the timeout (${ctx.timeoutSeconds}s) ran out: ${busy.map((cvm) => `${describeCvm(cvm)}: ${blockers.get(cvm.vmUuid) ?? `status ${cvm.status}`}`).join('; ') || 'the CVMs were busy'}. Re-run the rollback once it has finished, or raise timeout.`, { changed: ownRequestPending ? 'unknown' : 'nothing' });
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
async function triggerRedeploy(ctx, plan, transactionHash, tracker) {
    const { api, deadline, log } = ctx;
    const vmUuids = plan.toRedeploy.map((instance) => instance.id);
    const doing = `triggering the redeploy of revision ${plan.revision.id}`;
    const outcome = await (0,send_once/* sendOnce */.E)({
        name: 'redeploy',
        platform: 'Phala Cloud',
        deadline,
        log,
        timeoutSeconds: ctx.timeoutSeconds,
        tracker: (0,trigger_tracker/* mirroredTracker */.X)(api, tracker),
        now: () => api.serverNow(),
        send: () => api.redeploy(plan.revision.id, vmUuids, transactionHash),
        extraRefusals: PHALA_REFUSALS,
        explainRefusal: (response) => explainFailure(response, { appId: plan.appId, doing, revisionId: plan.revision.id, composeHash: plan.revision.version, changed: 'nothing', apiUrl: api.apiUrl }),
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
 * read this long after the trigger (late enough that an update starting within a couple of
 * seconds is seen busy first, so its one record read comes when it settles), then at growing
 * intervals, up to…
 */
const UNSEEN_FIRST_LOOK_MS = 3000;
const UNSEEN_LOOK_MAX_MS = 15_000;
/**
 * A CVM seen updating and then settled whose record does not say so yet: read it again after…
 * That read joins the back of the queue. When many CVMs finish at once every record must be read
 * before the run can end, so the queue's end is the earliest the run can end anyway: a record
 * that lags is best read again then, when it most likely says completed, rather than ahead of
 * the others, where it would more likely need yet another read.
 */
const SETTLED_RELOOK_MS = 1000;
/**
 * When every CVM left was seen busy, has settled and only its record is missing, the state read is
 * skipped (its slot goes to the records, which decide): while any of those records is being read
 * (waiting for a slot or open), and otherwise for at most this long after the last state read.
 */
const RECORDS_ONLY_MAX_MS = 4000;
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
    let lastStateReadAt = startedLocal;
    const onlyRecordsMissing = () => {
        const left = [...tracked.values()];
        if (!left.every((entry) => entry.seenUpdating && entry.cvm && !entry.cvm.inProgress && !decided(entry) && (entry.reading || entry.nextLookAt !== undefined)))
            return false;
        // A state read now would take the slot of a record waiting to go, and tell less than its answer.
        return left.some((entry) => entry.reading) || clock.now() - lastStateReadAt < RECORDS_ONLY_MAX_MS;
    };
    try {
        for (;;) {
            if (deadline.expired())
                throw timedOut(ctx, plan, tracked);
            if (readFailure !== undefined)
                throw readFailure;
            if (clock.now() >= nextPollAt && onlyRecordsMissing())
                nextPollAt = clock.now() + (0,src_clock/* jittered */.et)(clock, POLL_MS, POLL_JITTER);
            if (clock.now() >= nextPollAt) {
                const cvms = await api.listAppCvms('watching the rollback', { ...paced, first: true });
                lastStateReadAt = clock.now();
                nextPollAt = clock.now() + (0,src_clock/* jittered */.et)(clock, POLL_MS, POLL_JITTER);
                for (const [vmUuid, entry] of tracked) {
                    const cvm = cvms.find((candidate) => candidate.vmUuid === vmUuid);
                    if (!cvm) {
                        throw new errors/* ActionError */.lZ('CVM disappeared during the rollback', `CVM ${vmUuid} is no longer listed for app ${plan.appId}. It may have been deleted while the rollback ran; check the dashboard.`);
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
                    throw new errors/* ActionError */.lZ('Rollback failed on the platform', `${describeCvm(entry.cvm)}: ${verdict.why}. Target revision ${plan.revision.id} (compose hash ${target}). Look at the CVM's logs in the Phala Cloud dashboard before trying again.`, { changed: 'accepted', outcome: 'failed' });
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
        if (deadline.expired() && !(error instanceof errors/* ActionError */.lZ && !(error instanceof errors/* TimeoutError */.MU)))
            throw timedOut(ctx, plan, tracked);
        throw error;
    }
    finally {
        // Record reads still waiting for a slot are not needed any more: never sent, no timer left.
        pacer.close();
    }
}
function decided(entry) {
    return entry.operation?.status === 'completed' || entry.operation?.status === 'failed';
}
/** 3 s after the trigger, then 3, 6, 12, 15, 15 … s apart. */
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
    return new errors/* TimeoutError */.MU(`The timeout (${ctx.timeoutSeconds}s) ran out while waiting for the rollback to revision ${plan.revision.id}. Still pending: ${still}. The redeploy was accepted and may still finish on its own: watch the CVMs in the Phala Cloud dashboard, and do not trigger another rollback until they settle.`, { changed: 'accepted' });
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
/**
 * The dashboard page of the first targeted CVM: on the real API the Phala Cloud dashboard; on a
 * loopback api_url (the sandbox) the same path on its origin, where the sandbox serves a stand-in
 * page; on any other api_url (a proxy, a mirror) there is no page the action can name.
 */
function consoleUrl(apiUrl, vmUuid) {
    if (apiUrl === inputs/* PHALA_DEFAULT_API_URL */.S)
        return `${CONSOLE}/${vmUuid}`;
    const url = new URL(apiUrl);
    return (0,parse/* isLoopbackHost */.cW)(url.hostname) ? `${url.origin}/dashboard/cvms/${vmUuid}` : '';
}
function toInstance(cvm) {
    return { id: cvm.vmUuid, name: cvm.name, version: cvm.composeHash, status: cvm.status };
}
/** Phala Cloud behind the provider interface: CVMs are the instances, compose hashes the versions. */
function createPhalaProvider(settings, deps) {
    const client = new api_client/* ApiClient */.OW({
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
            const resolved = await resolveRevision((page, needles) => api.listRevisions(page, 'reading the revision history', needles), settings.revision, targets.map((cvm) => ({ vmUuid: cvm.vmUuid, name: cvm.name, composeHash: cvm.composeHash })));
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
                consoleUrl: consoleUrl(settings.apiUrl, targets[0].vmUuid)
            };
        },
        trigger(plan, tracker) {
            return triggerRedeploy(ctx, plan, settings.transactionHash, tracker);
        },
        waitUntilDone(plan, receipt, tracker) {
            return waitForRollback(ctx, plan, receipt, tracker);
        },
        dispose: () => client.dispose()
    };
}


/***/ })

};
