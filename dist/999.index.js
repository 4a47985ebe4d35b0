export const id = 999;
export const ids = [999];
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

/***/ 2999:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createCamundaProvider: () => (/* binding */ createCamundaProvider)
});

// UNUSED EXPORTS: CAMUNDA_VOCABULARY, authHeaders

// EXTERNAL MODULE: ./src/http/api-client.ts
var api_client = __webpack_require__(3838);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/providers/camunda/platform-errors.ts


const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
const optional = (value) => (typeof value === 'string' && value !== '' ? value : undefined);
function readEngineError(response) {
    const body = response.body;
    if (!isObject(body))
        return { message: response.text.trim() ? (0,api_client/* excerpt */.Kb)(response.text) : undefined, missing: [] };
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
    const engineSays = said.message ? ` The engine says: "${(0,api_client/* excerpt */.Kb)(said.message, 300)}"${said.type ? ` (${said.type})` : ''}.` : '';
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
            return new errors/* ActionError */.lZ('The Camunda engine rejected the credentials', `${where}${asks}${engineSays} ${fix}${safety}`, options);
        }
        case 403: {
            const missing = said.missing.length
                ? said.missing.map((m) => `${m.permissionName ?? '?'} on ${m.resourceName ?? '?'}${m.resourceId ? ` '${m.resourceId}'` : ''}`).join(', ')
                : undefined;
            const who = said.userId ? `User '${said.userId}'` : 'The user';
            const fix = missing
                ? `${who} lacks ${missing}: grant it in Camunda Admin → Authorizations (a rollback needs READ on Deployment and Process/Decision Definition, and CREATE on Deployment).`
                : 'Grant the user READ on Deployment and Process/Decision Definition, and CREATE on Deployment, in Camunda Admin → Authorizations.';
            return new errors/* ActionError */.lZ('Not authorized on the Camunda engine', `${where}${engineSays} ${fix}${safety}`, options);
        }
        case 404:
            return new errors/* ActionError */.lZ('Deployment or resource not found', `${where}${engineSays} The deployment or one of its resources does not exist on this engine (it may have been deleted). Check revision, resources and api_url (a named engine is …/engine-rest/engine/{name}).${safety}`, options);
        case 400:
            return new errors/* ActionError */.lZ('The Camunda engine refused the request', `${where}${engineSays} Check the inputs this request was built from (app_id, tenant_id, resources).${safety}`, options);
        default:
            if (response.status >= 500 || response.status === 429) {
                return new errors/* ActionError */.lZ('The Camunda engine is failing', `${where}${engineSays} The engine or a proxy in front of it failed (reads are retried; this persisted). Check the engine's log and try again.${safety}`, options);
            }
            return new errors/* ActionError */.lZ('Unexpected answer from the Camunda engine', `${where}${engineSays}${safety}`, options);
    }
}

;// CONCATENATED MODULE: ./src/providers/camunda/shapes.ts

const shapes_isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
/** A 2xx body that is not what the engine documents: name the endpoint instead of crashing on undefined. */
function shapeError(endpoint, what) {
    return new errors/* ActionError */.lZ('Unexpected response from the Camunda engine', `${endpoint} returned a response the action cannot read (${what}). Check that api_url is the engine-rest base (e.g. https://bpm.example.com/engine-rest) and that no proxy answers in its place.`);
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
function parseResources(endpoint, body) {
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
        return parseResources(response.endpoint, response.body);
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
var external_node_crypto_ = __webpack_require__(7598);
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

// EXTERNAL MODULE: ./src/revision-selector.ts
var revision_selector = __webpack_require__(6654);
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
    throw new errors/* ActionError */.lZ('No deployment of that name', `The engine has no deployment named '${name}' ${tenantWords(tenantId)}. Check app_id (the deployment name, as Cockpit shows it)${tenantId ? ' and tenant_id' : ', and set tenant_id if the deployment belongs to a tenant'}.`, { changed: 'nothing' });
}
async function newestOf(history, name, tenantId) {
    const [current] = await history.page(name, 0, 1);
    return current ?? noDeploymentNamed(name, tenantId);
}
function requireResources(target, content, resources) {
    const lacking = (resources ?? []).filter((name) => !content.has(name));
    if (lacking.length > 0) {
        throw new errors/* ActionError */.lZ('Resource not in the target deployment', `Deployment ${target.id} (${target.deploymentTime}) has no resource named ${lacking.map((n) => `'${n}'`).join(', ')}. resources must name resources of the deployment rolled back to (names as in Cockpit, e.g. invoice.bpmn). Nothing was deployed.`, { changed: 'nothing' });
    }
}
async function resolveById(history, request, id) {
    const target = await history.find(id);
    if (!target) {
        throw new errors/* ActionError */.lZ('Deployment not found', `The engine has no deployment with id '${id}'. Copy the id from Cockpit (Deployments) or from an earlier run's revision_id output, and check api_url.`, { changed: 'nothing' });
    }
    if (request.name && target.name !== request.name) {
        throw new errors/* ActionError */.lZ('Deployment belongs to another name', `Deployment ${id} is named '${target.name ?? ''}', not '${request.name}' as app_id says. Fix app_id, or leave it empty to roll back the deployment's own name.`, { changed: 'nothing' });
    }
    if ((target.tenantId ?? null) !== request.tenantId) {
        throw new errors/* ActionError */.lZ('Deployment belongs to another tenant', `Deployment ${id} is ${tenantWords(target.tenantId)}, but this run asks for deployments ${tenantWords(request.tenantId)}. ${target.tenantId ? `Set tenant_id: ${target.tenantId}.` : 'Leave tenant_id empty.'}`, { changed: 'nothing' });
    }
    if (!target.name) {
        throw new errors/* ActionError */.lZ('Deployment has no name', `Deployment ${id} has no name, so the action cannot tell which deployment is current. Only named deployments can be rolled back.`, { changed: 'nothing' });
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
        throw new errors/* ActionError */.lZ('No earlier deployment to roll back to', `${(0,revision_selector/* describeSelector */.r5)(selector)} needs ${selector.steps + 1} deployments with different content named '${name}' ${tenantWords(tenantId)}, but the ${searched} read hold only ${distinct.length}${request.resources ? ` (comparing ${request.resources.join(', ')})` : ''}.${bounded}`, { changed: 'nothing' });
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
    throw new errors/* ActionError */.lZ('Refusing to undo an earlier rollback', `${(0,revision_selector/* describeSelector */.r5)(selector)} would redeploy deployment ${target.deployment.id} (${target.deployment.deploymentTime}), but the current deployment ${current.deployment.id} looks like a rollback: ${evidence}. ` +
        `Going back from it would bring back what was rolled back from. To redeploy ${target.deployment.id} anyway, pass revision: ${target.deployment.id}. Nothing was deployed.`, { changed: 'nothing' });
}

// EXTERNAL MODULE: ./src/http/transport-error.ts
var transport_error = __webpack_require__(4098);
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
        if (!(error instanceof transport_error/* TransportError */.w))
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
    throw new errors/* ActionError */.lZ('Redeploy failed; nothing was deployed', `POST /deployment/${plan.revision.id}/redeploy got no usable answer (${lost}).${engineSays} The engine shows no deployment with this run's source '${ctx.source}', so nothing was deployed and a re-run is safe.`, { changed: 'nothing' });
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
        throw new errors/* ActionError */.lZ('A newer deployment overrides the rollback', `Deployment ${deploymentId} (a redeploy of ${plan.revision.id}) was created, but its definitions are not the latest: ${newer.join('; ')}. New instances start the newer version. Something deployed after the rollback (a process application that auto-deploys on start, another pipeline): roll that back too, then re-run.`, { changed: 'accepted' });
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
    const client = new api_client/* ApiClient */.OW({
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
