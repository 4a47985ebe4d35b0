export const id = 980;
export const ids = [980];
export const modules = {

/***/ 3838:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Kb: () => (/* binding */ excerpt),
/* harmony export */   OW: () => (/* binding */ ApiClient),
/* harmony export */   sg: () => (/* binding */ notJsonError)
/* harmony export */ });
/* unused harmony exports MAX_BODY_BYTES, BodyTooLargeError, clampRetry */
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_http__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4708);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_https__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _actions_http_client_lib_proxy__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9783);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);
/* harmony import */ var _retry_policy_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7593);
/* harmony import */ var _transport_error_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4098);







const MAX_REDIRECTS = 3;
const MAX_BODY_BYTES = 16 * 1024 * 1024;
/** A body larger than the cap: never buffered whole, never retried. */
class BodyTooLargeError extends _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ActionError */ .lZ {
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
        if ((0,_actions_http_client_lib_proxy__WEBPACK_IMPORTED_MODULE_2__/* .getProxyUrl */ .s)(url)?.hostname) {
            this.proxied ??= Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(779)]).then(__webpack_require__.bind(__webpack_require__, 2779)).then(({ HttpClient }) => new HttpClient(this.options.userAgent, [], { allowRedirects: false, allowRetries: false, keepAlive: true }));
            return (await this.proxied).getAgent(url.href);
        }
        let agent = this.agents.get(url.protocol);
        if (!agent) {
            agent = url.protocol === 'https:' ? new node_https__WEBPACK_IMPORTED_MODULE_1__.Agent({ keepAlive: true }) : new node_http__WEBPACK_IMPORTED_MODULE_0__.Agent({ keepAlive: true });
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
                if (!_retry_policy_js__WEBPACK_IMPORTED_MODULE_4__/* .RETRYABLE_STATUSES */ .U3.has(response.status) || attempt + 1 >= _retry_policy_js__WEBPACK_IMPORTED_MODULE_4__/* .MAX_READ_ATTEMPTS */ .dw)
                    return response;
                if (response.status === 429 && call.throttledToCaller)
                    return response;
                const retryAfter = (0,_retry_policy_js__WEBPACK_IMPORTED_MODULE_4__/* .parseRetryAfter */ .mu)(response.headers['retry-after'], deadline.clock.now());
                waitMs = clampRetry(retryAfter ?? (0,_retry_policy_js__WEBPACK_IMPORTED_MODULE_4__/* .backoffMs */ .jo)(attempt, deadline.clock), retryAfter !== undefined);
                reason = `answered ${response.status}`;
                if (waitMs >= deadline.remainingMs())
                    return response;
            }
            catch (error) {
                if (!(error instanceof _transport_error_js__WEBPACK_IMPORTED_MODULE_5__/* .TransportError */ .w) || !error.retryable || attempt + 1 >= _retry_policy_js__WEBPACK_IMPORTED_MODULE_4__/* .MAX_READ_ATTEMPTS */ .dw)
                    throw error;
                waitMs = (0,_retry_policy_js__WEBPACK_IMPORTED_MODULE_4__/* .backoffMs */ .jo)(attempt, deadline.clock);
                reason = `got no answer (${error.code})`;
                if (waitMs >= deadline.remainingMs())
                    throw error;
            }
            log.info(`${call.method} ${call.path} ${reason}; retrying in ${(waitMs / 1000).toFixed(1)}s (attempt ${attempt + 2} of ${_retry_policy_js__WEBPACK_IMPORTED_MODULE_4__/* .MAX_READ_ATTEMPTS */ .dw}).`);
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
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ActionError */ .lZ('Redirect to another origin refused', `${response.endpoint} answered ${response.status} with a redirect to ${next.origin}. The action does not send its credentials to another origin. Set api_url to the API's real address (it is ${this.base.origin} now).`);
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
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .TimeoutError */ .MU(`The timeout ran out before ${endpoint} could be sent.`);
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
            if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ActionError */ .lZ)
                throw error;
            const lost = controller.signal.aborted ? new _transport_error_js__WEBPACK_IMPORTED_MODULE_5__/* .TransportError */ .w(endpoint, 'TIMEOUT', true) : (0,_transport_error_js__WEBPACK_IMPORTED_MODULE_5__/* .toTransportError */ .f)(endpoint, error);
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
        const transport = url.protocol === 'https:' ? node_https__WEBPACK_IMPORTED_MODULE_1__ : node_http__WEBPACK_IMPORTED_MODULE_0__;
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
    return new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ActionError */ .lZ(`Unexpected response from ${platform}`, `${response.endpoint} answered ${response.status} with a body that is not JSON (${type}): "${excerpt(response.text, 120)}". A proxy or gateway may be in the way; check api_url.`);
}


/***/ }),

/***/ 7593:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U3: () => (/* binding */ RETRYABLE_STATUSES),
/* harmony export */   Un: () => (/* binding */ resendPauseMs),
/* harmony export */   dw: () => (/* binding */ MAX_READ_ATTEMPTS),
/* harmony export */   jo: () => (/* binding */ backoffMs),
/* harmony export */   mu: () => (/* binding */ parseRetryAfter)
/* harmony export */ });
/* unused harmony exports BASE_BACKOFF_MS, MAX_BACKOFF_MS, MIN_RESEND_PAUSE_MS, MAX_RESEND_PAUSE_MS */
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


/***/ }),

/***/ 6980:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createQoveryProvider: () => (/* binding */ createQoveryProvider)
});

// UNUSED EXPORTS: QOVERY_VOCABULARY, outputName

// EXTERNAL MODULE: ./src/http/api-client.ts
var api_client = __webpack_require__(3838);
// EXTERNAL MODULE: ./src/providers/qovery/inputs.ts
var inputs = __webpack_require__(3942);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/providers/qovery/platform-errors.ts


const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
/** Qovery's error bodies have no schema: `{status, error, message}` or `{status, detail}`. Read detail, then message, then error. */
function platformMessage(response) {
    const body = response.body;
    if (isObject(body)) {
        for (const key of ['detail', 'message', 'error']) {
            const value = body[key];
            if (typeof value === 'string' && value.trim())
                return (0,api_client/* excerpt */.Kb)(value, 300);
        }
    }
    return response.text.trim() ? (0,api_client/* excerpt */.Kb)(response.text) : undefined;
}
/** Turns an HTTP failure into what the on-call engineer should do next, saying whether anything was deployed. */
function explainFailure(response, ctx) {
    const said = platformMessage(response);
    const platformSays = said ? ` Qovery says: "${said}".` : '';
    const safety = ctx.changed === 'nothing' ? ' Nothing was deployed.' : '';
    const where = `${response.endpoint} → ${response.status}`;
    const options = { changed: ctx.changed };
    switch (response.status) {
        case 400:
            return new errors/* ActionError */.lZ('Qovery refused the request', `${where} while ${ctx.doing}.${platformSays} Check that the versions still exist (commit, image tag, chart version).${safety}`, options);
        case 401:
            return new errors/* ActionError */.lZ('Qovery rejected the API token', `${where} while ${ctx.doing}.${platformSays} The token is missing, mistyped or revoked: check the secret passed as api_key (or QOVERY_CLI_ACCESS_TOKEN). API tokens are sent as 'Token …', JWTs as 'Bearer …'.${safety}`, options);
        case 403:
            return new errors/* ActionError */.lZ('No access to the environment', `${where} while ${ctx.doing}.${platformSays} The token is valid but may not act on environment ${ctx.environmentId}: give its role deploy permission on the environment's project.${safety}`, options);
        case 404:
            return new errors/* ActionError */.lZ('Environment not found', `${where} while ${ctx.doing}.${platformSays} No environment ${ctx.environmentId} is visible to this token: check app_id (the environment id from the console URL) and the token's organization.${safety}`, options);
        case 409:
            return new errors/* ActionError */.lZ('Another operation is in progress', `${where} while ${ctx.doing}.${platformSays}${safety}`, options);
        case 429:
            return new errors/* ActionError */.lZ('Qovery rate limit reached', `${where} while ${ctx.doing}.${platformSays} The token used up its request budget (Qovery documents 1000 requests per hour per token); other jobs may share it. Try again after the limit resets.${safety}`, options);
        default:
            if (response.status >= 500)
                return new errors/* ActionError */.lZ('Qovery is unavailable', `${where} while ${ctx.doing}, after retries.${platformSays} Try again in a few minutes.${safety}`, options);
            return new errors/* ActionError */.lZ('Unexpected answer from Qovery', `${where} while ${ctx.doing}.${platformSays}${safety}`, options);
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

const shapes_isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
const optStr = (obj, key) => (typeof obj[key] === 'string' && obj[key] !== '' ? obj[key] : undefined);
function shapeError(endpoint, problem) {
    return new errors/* ActionError */.lZ('Unexpected response from Qovery', `${endpoint} answered with a body the action does not understand (${problem}). The API may have changed, or a proxy answered instead of Qovery: check api_url.`);
}
function str(endpoint, obj, key, where) {
    const value = obj[key];
    if (typeof value !== 'string')
        throw shapeError(endpoint, `${where}.${key} is missing`);
    return value;
}
function parseEnvironmentStatus(endpoint, body, where = 'body') {
    if (!shapes_isObject(body))
        throw shapeError(endpoint, `${where} is not an object`);
    return {
        state: str(endpoint, body, 'state', where),
        lastDeploymentState: optStr(body, 'last_deployment_state') ?? str(endpoint, body, 'state', where),
        lastDeploymentId: optStr(body, 'last_deployment_id'),
        deploymentRequestId: optStr(body, 'deployment_request_id')?.toLowerCase()
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
    if (!shapes_isObject(body))
        throw shapeError(endpoint, 'the body is not an object');
    const environment = parseEnvironmentStatus(endpoint, body.environment, 'environment');
    const services = [];
    for (const [key, type] of STATUS_GROUPS) {
        const list = body[key];
        if (list === undefined || list === null)
            continue;
        if (!Array.isArray(list))
            throw shapeError(endpoint, `'${key}' is not a list`);
        list.forEach((item, index) => {
            const where = `${key}[${index}]`;
            if (!shapes_isObject(item))
                throw shapeError(endpoint, `${where} is not an object`);
            services.push({ id: str(endpoint, item, 'id', where).toLowerCase(), type, state: str(endpoint, item, 'state', where) });
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
    if (!shapes_isObject(details))
        return undefined;
    const commit = shapes_isObject(details.commit) ? optStr(details.commit, 'git_commit_id') : undefined;
    const tag = optStr(details, 'tag');
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
            const chart = shapes_isObject(details.repository) ? optStr(details.repository, 'chart_version') : undefined;
            if (chart)
                return { version: chart, field: 'chart_version' };
            return commit ? { version: commit, field: 'git_commit_id' } : undefined;
        }
        default:
            return undefined;
    }
}
function parseHistoryPage(endpoint, body) {
    if (!shapes_isObject(body))
        throw shapeError(endpoint, 'the body is not an object');
    const results = body.results ?? [];
    if (!Array.isArray(results))
        throw shapeError(endpoint, "'results' is not a list");
    return results.map((item, index) => {
        const where = `results[${index}]`;
        if (!shapes_isObject(item) || !shapes_isObject(item.identifier))
            throw shapeError(endpoint, `${where}.identifier is missing`);
        const auditing = shapes_isObject(item.auditing_data) ? item.auditing_data : {};
        const services = [];
        const stages = Array.isArray(item.stages) ? item.stages : [];
        for (const stage of stages) {
            if (!shapes_isObject(stage) || !Array.isArray(stage.services))
                continue;
            for (const service of stage.services) {
                if (!shapes_isObject(service) || !shapes_isObject(service.identifier))
                    continue;
                const id = optStr(service.identifier, 'service_id')?.toLowerCase();
                const type = optStr(service.identifier, 'service_type') ?? 'UNKNOWN';
                if (!id || services.some((known) => known.id === id))
                    continue;
                const found = versionOf(type, service.details);
                services.push({ id, name: optStr(service.identifier, 'name') ?? id, type, version: found?.version, field: found?.field });
            }
        }
        return {
            executionId: str(endpoint, item.identifier, 'execution_id', `${where}.identifier`).toLowerCase(),
            status: optStr(item, 'status') ?? 'UNKNOWN',
            triggerAction: optStr(item, 'trigger_action') ?? 'UNKNOWN',
            actionStatus: optStr(item, 'action_status') ?? 'UNKNOWN',
            createdAt: optStr(auditing, 'created_at') ?? '',
            triggeredBy: optStr(auditing, 'triggered_by') ?? '',
            services
        };
    });
}
function parseEnvironment(endpoint, body) {
    if (!shapes_isObject(body))
        throw shapeError(endpoint, 'the body is not an object');
    const ref = (key) => (shapes_isObject(body[key]) ? optStr(body[key], 'id') : undefined);
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
        return parseEnvironment(response.endpoint, response.body);
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
            throw explainFailure(response, { environmentId: this.environmentId, doing, changed: this.changed });
        }
        return response;
    }
}

// EXTERNAL MODULE: ./src/revision-selector.ts
var revision_selector = __webpack_require__(6654);
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
            throw new errors/* ActionError */.lZ('No earlier version to roll back to', `${(0,revision_selector/* describeSelector */.r5)(selector)} needs ${selector.steps} successful deployment${selector.steps === 1 ? '' : 's'} with versions different from what runs now, but the history holds ${seen.length} (searched ${searched} execution${searched === 1 ? '' : 's'}, ${candidates} successful deployment${candidates === 1 ? '' : 's'}${searched >= 100 ? '; the API returns at most the newest 100' : ''}). Choose a smaller N, or give an execution id from the environment's deployment history.`, { changed: 'nothing' });
        }
        refuseUndo(executions, target, selector, current, exists);
    }
    else {
        target = executions.find((execution) => execution.executionId === selector.revisionId);
        if (!target) {
            throw new errors/* ActionError */.lZ('Execution not found', `No execution ${selector.text} in the environment's deployment history (searched ${searched} execution${searched === 1 ? '' : 's'}${searched >= 100 ? ', the newest 100 the API returns' : ''}). Copy an execution id from the deployment history in the Qovery console, or use 'previous'.`, { changed: 'nothing' });
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
    throw new errors/* ActionError */.lZ('Refused: this would undo an earlier rollback', `${(0,revision_selector/* describeSelector */.r5)(selector)} resolves to execution ${target.executionId} (${list}), but the versions running now also ran before it (execution ${earlier.executionId}): the environment was most likely rolled back from execution ${target.executionId}, and going "back" would re-deploy it. Nothing was sent. To do that on purpose, pass revision: ${target.executionId}.`, { changed: 'nothing' });
}

// EXTERNAL MODULE: ./src/http/retry-policy.ts
var retry_policy = __webpack_require__(7593);
// EXTERNAL MODULE: ./src/http/transport-error.ts
var transport_error = __webpack_require__(4098);
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
async function waitUntilIdle(ctx) {
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
            throw new errors/* TimeoutError */.MU(`Another operation was still running when the timeout (${ctx.timeoutSeconds}s) ran out: the environment is ${status.state} (deployment ${status.lastDeploymentId ?? 'unknown'}). Nothing was deployed. Re-run the rollback once it has ended, or raise timeout.`, { changed: 'nothing' });
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
            throw new errors/* TimeoutError */.MU(`The timeout (${ctx.timeoutSeconds}s) ran out before the deploy request could be sent. Nothing was deployed.`, { changed: 'nothing' });
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
            if (!(error instanceof transport_error/* TransportError */.w))
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
            await waitUntilIdle(ctx);
            await deadline.sleep(Math.min(deadline.remainingMs(), (0,retry_policy/* resendPauseMs */.Un)(response.headers['retry-after'], deadline.clock.now(), (0,retry_policy/* backoffMs */.jo)(conflicts++, deadline.clock))));
            continue;
        }
        if (response?.status === 429) {
            const waitMs = (0,retry_policy/* resendPauseMs */.Un)(response.headers['retry-after'], deadline.clock.now(), (0,retry_policy/* backoffMs */.jo)(throttled++, deadline.clock));
            if (waitMs >= deadline.remainingMs())
                throw explainFailure(response, { environmentId: api.environmentId, doing, changed: 'nothing' });
            log.info(`Qovery is throttling (429); sending the deploy request in ${(waitMs / 1000).toFixed(1)}s.`);
            await deadline.sleep(waitMs);
            continue;
        }
        if (response && response.status < 500)
            throw explainFailure(response, { environmentId: api.environmentId, doing, changed: 'nothing' });
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
        throw new errors/* ActionError */.lZ('Deploy request got no answer', `${doing} got no usable answer (${lost}), and the environment shows no new deployment since (status and history read ${VERIFY_CHECKS} times over ${((VERIFY_CHECKS - 1) * VERIFY_SPACING_MS) / 1000}s). Nothing was deployed. The request was not repeated blindly; re-run the rollback once the API answers again.`, { changed: 'nothing' });
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
                throw timedOut(ctx, pending);
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
            throw timedOut(ctx, pending);
        }
        await deadline.sleep(delay);
    }
}
function timedOut(ctx, pending) {
    return new errors/* TimeoutError */.MU(`The timeout (${ctx.timeoutSeconds}s) ran out while waiting for the deployment: ${pending}. The deploy request was accepted and may still finish on its own: watch the environment in the Qovery console, and do not trigger another rollback until it ends.`, { changed: 'accepted' });
}
async function failure(ctx, state, deploymentId, names) {
    const what = `Deployment ${deploymentId ?? ''} ended ${state}`;
    if (!state.endsWith('_ERROR')) {
        return new errors/* ActionError */.lZ('Rollback deployment did not complete', `${what}. The environment was changed by this run; look at the deployment in the Qovery console before trying again.`, { changed: 'accepted' });
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
    return new errors/* ActionError */.lZ('Rollback deployment failed', `${what}.${detail} Look at the deployment logs in the Qovery console before trying again.`, { changed: 'accepted' });
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
const CONSOLE = 'https://console.qovery.com';
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
function toInstance(service) {
    return { id: service.id, name: service.name, version: service.from, status: service.state, targetVersion: service.to };
}
/**
 * Qovery behind the provider interface: the environment is the app, its services the instances,
 * and a version is a commit, image tag or chart version. A rollback is one deploy request that
 * puts every service of the target execution back on its version.
 */
function createQoveryProvider(settings, deps) {
    const client = new api_client/* ApiClient */.OW({
        baseUrl: settings.apiUrl,
        authHeaders: { Authorization: (0,inputs/* authorizationHeader */.bc)(settings.apiKey) },
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
                targets: resolved.services.map(toInstance),
                toRedeploy: resolved.changes.map(toInstance),
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
                consoleUrl: org && project ? `${CONSOLE}/organization/${org}/project/${project}/environment/${settings.appId}/overview` : ''
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


/***/ }),

/***/ 9783:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
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

};
