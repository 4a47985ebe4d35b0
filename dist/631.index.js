export const id = 631;
export const ids = [631];
export const modules = {

/***/ 3838:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Au: () => (/* binding */ BodyTooLargeError),
/* harmony export */   Kb: () => (/* binding */ excerpt),
/* harmony export */   OW: () => (/* binding */ ApiClient),
/* harmony export */   lk: () => (/* binding */ parseJsonText),
/* harmony export */   sg: () => (/* binding */ notJsonError)
/* harmony export */ });
/* unused harmony exports MAX_BODY_BYTES, clampRetry */
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
                const asked = (0,_retry_policy_js__WEBPACK_IMPORTED_MODULE_4__/* .askedWaitMs */ .MW)(response.status, response.headers, deadline.clock.now());
                waitMs = clampRetry(asked ?? (0,_retry_policy_js__WEBPACK_IMPORTED_MODULE_4__/* .backoffMs */ .jo)(attempt, deadline.clock), asked !== undefined);
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
        const data = call.method !== 'POST' ? undefined : call.rawBody ? call.rawBody.data : Buffer.from(JSON.stringify(call.body ?? null), 'utf8');
        const headers = {
            Accept: 'application/json',
            'User-Agent': this.options.userAgent,
            ...call.headers,
            ...authHeaders
        };
        if (data) {
            headers['Content-Type'] = call.rawBody ? call.rawBody.contentType : 'application/json';
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
            const deferred = call.raw === true || (call.textOnSuccess === true && status >= 200 && status < 300);
            const parsed = deferred ? { body: undefined, notJson: false } : parseJsonText(text);
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
/** A body as the client parses it: undefined when empty; notJson when it is text but not JSON. */
function parseJsonText(text) {
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
/* harmony export */   MW: () => (/* binding */ askedWaitMs),
/* harmony export */   U3: () => (/* binding */ RETRYABLE_STATUSES),
/* harmony export */   Un: () => (/* binding */ resendPauseMs),
/* harmony export */   dw: () => (/* binding */ MAX_READ_ATTEMPTS),
/* harmony export */   jo: () => (/* binding */ backoffMs),
/* harmony export */   vA: () => (/* binding */ MIN_RESEND_PAUSE_MS),
/* harmony export */   yq: () => (/* binding */ parseRateLimitReset)
/* harmony export */ });
/* unused harmony exports BASE_BACKOFF_MS, MAX_BACKOFF_MS, parseRetryAfter, MAX_RESEND_PAUSE_MS */
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
/**
 * X-RateLimit-Reset: seconds until the budget resets, or the Unix time it resets at.
 * Returns milliseconds to wait, or undefined when absent or unreadable.
 */
function parseRateLimitReset(value, now) {
    const text = (Array.isArray(value) ? value[0] : value)?.trim();
    if (!text || !/^\d+(\.\d+)?$/.test(text))
        return undefined;
    const seconds = Number(text);
    // Anything after 2001 is a point in time, not a count of seconds.
    return seconds >= 1e9 ? Math.max(0, seconds * 1000 - now) : seconds * 1000;
}
/** The wait a 429 or 503 asks for: Retry-After, else (429 only) X-RateLimit-Reset; undefined when neither says. */
function askedWaitMs(status, headers, now) {
    return parseRetryAfter(headers['retry-after'], now) ?? (status === 429 ? parseRateLimitReset(headers['x-ratelimit-reset'], now) : undefined);
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

/***/ 8469:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  E: () => (/* binding */ sendOnce)
});

// UNUSED EXPORTS: UNKNOWN_OUTCOME_WATCH_MS

// EXTERNAL MODULE: ./src/clock.ts
var clock = __webpack_require__(9373);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/http/api-client.ts
var api_client = __webpack_require__(3838);
// EXTERNAL MODULE: ./src/http/retry-policy.ts
var retry_policy = __webpack_require__(7593);
// EXTERNAL MODULE: ./src/http/transport-error.ts
var transport_error = __webpack_require__(4098);
;// CONCATENATED MODULE: ./src/trust/classify-answer.ts

/**
 * Statuses that say the platform refused the changing request before acting on it. Only these
 * (and a provider's documented extras) may be reported as "nothing was changed": any other answer
 * may come after the platform acted, so it is treated as unknown and verified by reading.
 */
const DEFINITE_REFUSALS = [400, 401, 403, 404, 405, 422];
function classifyAnswer(outcome, extraRefusals = []) {
    if (outcome instanceof transport_error/* TransportError */.w)
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
            throw new errors/* TimeoutError */.MU(`The timeout (${request.timeoutSeconds}s) ran out before the ${request.name} could be sent.`, { changed: 'nothing' });
        }
        const sentAt = now();
        tracker.mark('unknown');
        let outcome;
        try {
            outcome = await request.send();
        }
        catch (error) {
            // A body past the cap came with a status the client never kept: the platform may have
            // acted, so it is as unclear as a lost answer, and read back the same way.
            if (error instanceof api_client/* BodyTooLargeError */.Au)
                return watchUnknown(request, sentAt, 'an answer too large to read');
            if (!(error instanceof transport_error/* TransportError */.w))
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
                await pauseBeforeResend(request, (0,retry_policy/* resendPauseMs */.Un)(answer.response.headers['retry-after'], deadline.clock.now(), (0,retry_policy/* backoffMs */.jo)(conflicts++, deadline.clock)), answer.response);
                continue;
            }
            case 'throttled': {
                tracker.mark('nothing');
                const limit = request.maxThrottledResends ?? Number.POSITIVE_INFINITY;
                if (throttled >= limit) {
                    throw withChanged(request.explainRefusal(answer.response), 'nothing');
                }
                const asked = request.throttlePauseMs?.(answer.response, deadline.clock.now());
                // Never sooner than 1 s (a reset time already past is no licence to hammer); a longer
                // pause is the platform's documented reset, bounded below by the deadline check.
                const waitMs = asked !== undefined
                    ? Math.max(retry_policy/* MIN_RESEND_PAUSE_MS */.vA, asked)
                    : (0,retry_policy/* resendPauseMs */.Un)(answer.response.headers['retry-after'], deadline.clock.now(), (0,retry_policy/* backoffMs */.jo)(throttled, deadline.clock));
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
        throw new errors/* TimeoutError */.MU(`The timeout (${request.timeoutSeconds}s) ran out while ${response.endpoint} kept answering ${response.status}.`, { changed: 'nothing' });
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
    const undecided = () => new errors/* TimeoutError */.MU(`The timeout (${request.timeoutSeconds}s) ran out while checking whether the ${request.name} whose answer was lost (${lost}) took effect. It may still take effect: check ${request.whereToLook} before re-running.`, { changed: 'unknown' });
    const watchFrom = deadline.clock.now();
    for (;;) {
        if (deadline.expired())
            throw undecided();
        let probe;
        try {
            probe = await request.probe(sentAt, deadline.clock.now() - watchFrom);
        }
        catch (error) {
            if (deadline.expired() || error instanceof errors/* TimeoutError */.MU)
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
            throw new errors/* ActionError */.lZ(`${Name} not acted on`, `The ${request.name} got no usable answer (${lost}), and ${request.platform} shows no trace of it after watching for ${Math.round(watched / 1000)} s. It was not sent again; re-run the rollback once the API answers normally.`, { changed: 'nothing' });
        }
        const pause = (0,clock/* jittered */.et)(deadline.clock, request.probeEveryMs ?? PROBE_EVERY_MS, 0.2);
        if (deadline.remainingMs() <= pause)
            throw undecided();
        await deadline.sleep(pause);
    }
}


/***/ }),

/***/ 323:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ mirroredTracker)
/* harmony export */ });
/**
 * The pipeline's tracker, also keeping an API client's own `changed` in step, so an error its
 * reads raise mid-trigger states the same fact as the pipeline.
 */
function mirroredTracker(client, tracker) {
    return {
        mark: (state) => {
            client.changed = state;
            tracker.mark(state);
        },
        waitingToSend: (what) => tracker.waitingToSend(what)
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
