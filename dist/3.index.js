export const id = 3;
export const ids = [3,422];
export const modules = {

/***/ 9422:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   checkHealth: () => (/* binding */ checkHealth),
/* harmony export */   w: () => (/* binding */ poll)
/* harmony export */ });
/* unused harmony export unreachable */
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_http__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4708);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_https__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _clock_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9373);
/* harmony import */ var _health_status_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8294);




const MAX_KEPT_BODY_BYTES = 64 * 1024;
const MAX_REDIRECTS = 3;
/** A poll started just before the deadline still gets this long, which keeps the end within timeout + 5 s. */
const MIN_REQUEST_MS = 1000;
/**
 * Polls the app's health URL after the platform reports the rollback done, until it answers
 * as expected `requiredSuccesses` times in a row (a miss resets the streak) or the budget runs
 * out. Never sends credentials: this is the app's origin, not the platform's.
 */
async function checkHealth(options) {
    const { clock, log, matcher, signal } = options;
    const required = Math.max(1, options.requiredSuccesses ?? 3);
    const intervalMs = options.intervalMs ?? 2000;
    const requestTimeoutMs = options.requestTimeoutMs ?? 10_000;
    const startedAt = clock.now();
    const expiresAt = startedAt + options.timeoutSeconds * 1000;
    const shown = (0,_health_status_js__WEBPACK_IMPORTED_MODULE_3__/* .safeHealthUrl */ .J3)(options.url);
    let attempts = 0;
    let consecutive = 0;
    let last = { latencyMs: 0 };
    let lastState = '';
    const result = (health, cancelled = false) => {
        const out = { health, attempts, consecutive, elapsedMs: clock.now() - startedAt };
        if (last.status !== undefined)
            out.lastStatus = last.status;
        const lastError = cancelled ? 'cancelled' : last.error;
        if (lastError !== undefined)
            out.lastError = lastError;
        if (last.body)
            out.lastBody = last.body;
        return out;
    };
    log.info(`Checking ${shown}: expecting status ${matcher.description} ${required} time${required === 1 ? '' : 's'} in a row within ${budget(options.timeoutSeconds)}.`);
    for (;;) {
        if (signal?.aborted)
            return result('unhealthy', true);
        const remaining = expiresAt - clock.now();
        if (remaining <= 0)
            break;
        attempts++;
        last = await poll(options.url, options.userAgent, Math.min(requestTimeoutMs, options.strictBudget ? remaining : Math.max(remaining, MIN_REQUEST_MS)), signal);
        const ok = last.status !== undefined && matcher.matches(last.status);
        consecutive = ok ? consecutive + 1 : 0;
        const state = ok ? 'ok' : last.status !== undefined ? `status ${last.status}` : `error ${last.error ?? 'unknown'}`;
        log.debug(`${shown} poll ${attempts}: ${state} (streak ${consecutive}/${required}).`);
        if (state !== lastState) {
            lastState = state;
            log.info(`${shown} ${describePoll(last, ok, matcher)} (poll ${attempts}, after ${seconds(clock.now() - startedAt)}).`);
        }
        if (consecutive >= required) {
            log.info(`${shown} is healthy: ${required} expected answer${required === 1 ? '' : 's'} in a row after ${attempts} poll${attempts === 1 ? '' : 's'} (${seconds(clock.now() - startedAt)}).`);
            return result('healthy');
        }
        const pauseMs = Math.min((0,_clock_js__WEBPACK_IMPORTED_MODULE_2__/* .jittered */ .et)(clock, intervalMs), expiresAt - clock.now());
        if (pauseMs <= 0)
            break;
        if (signal?.aborted)
            return result('unhealthy', true);
        await sleepUnlessAborted(clock, pauseMs, signal);
    }
    const outcome = result('unhealthy');
    const lastSeen = last.status !== undefined ? `last status ${last.status}` : `last error ${last.error ?? 'none'}`;
    // Info, not a warning: the caller decides whether an unhealthy app fails the run.
    log.info(`${shown} is unhealthy: no ${required} answers with status ${matcher.description} in a row within ${budget(options.timeoutSeconds)} (${attempts} polls, ${lastSeen}).`);
    return outcome;
}
function sleepUnlessAborted(clock, ms, signal) {
    if (!signal)
        return clock.sleep(ms);
    if (signal.aborted)
        return Promise.resolve();
    return new Promise((resolve) => {
        const done = () => {
            signal.removeEventListener('abort', done);
            resolve();
        };
        signal.addEventListener('abort', done, { once: true });
        void clock.sleep(ms).then(done);
    });
}
function describePoll(answer, ok, matcher) {
    if (ok)
        return `answers ${answer.status}, as expected`;
    if (answer.status !== undefined) {
        const body = answer.body ? `: "${answer.body}"` : '';
        return `answers ${answer.status}, expected ${matcher.description}${body}`;
    }
    return `gives no answer (${answer.error ?? 'unknown error'})`;
}
/** Whole seconds as given ("10s"); a budget cut to what the run has left, to a tenth. */
function budget(timeoutSeconds) {
    return Number.isInteger(timeoutSeconds) ? `${timeoutSeconds}s` : `${timeoutSeconds.toFixed(1)}s`;
}
function seconds(ms) {
    return `${(ms / 1000).toFixed(1)}s`;
}
/**
 * One poll, following same-origin redirects; a redirect elsewhere is judged by its own status.
 * Shared by the check after the rollback and the probes before it, so both judge alike.
 */
async function poll(url, userAgent, limitMs, signal) {
    const startedAt = Date.now();
    const answered = (answer) => ({ ...answer, latencyMs: Date.now() - startedAt });
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new Error(`request timed out after ${limitMs} ms`)), limitMs);
    const onAbort = () => controller.abort(new Error('cancelled'));
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
        let target = new URL(url);
        for (let hop = 0;; hop++) {
            const answer = await get(target, userAgent, controller.signal);
            const location = answer.location;
            const done = () => answered({ status: answer.status, body: excerpt(answer.body), firstLine: firstLine(answer.body) });
            if (answer.status < 300 || answer.status >= 400 || !location || hop >= MAX_REDIRECTS)
                return done();
            const next = new URL(location, target);
            if (next.origin !== target.origin)
                return done();
            target = next;
        }
    }
    catch (error) {
        if (controller.signal.aborted && controller.signal.reason instanceof Error) {
            const reason = controller.signal.reason.message;
            return answered(reason === 'cancelled' ? { error: reason } : { error: reason, unreachable: `no answer: ${reason}` });
        }
        const code = describeError(error);
        return answered({ error: code, unreachable: unreachable(code) });
    }
    finally {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
    }
}
function get(url, userAgent, signal) {
    const transport = url.protocol === 'https:' ? node_https__WEBPACK_IMPORTED_MODULE_1__ : node_http__WEBPACK_IMPORTED_MODULE_0__;
    return new Promise((resolve, reject) => {
        // agent: false – a fresh connection per poll, closed after, so nothing is left holding the process.
        const req = transport.request(url, { method: 'GET', headers: { 'User-Agent': userAgent, Accept: '*/*' }, agent: false, signal }, (res) => {
            const chunks = [];
            let kept = 0;
            const finish = () => {
                const answer = { status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') };
                const location = res.headers.location;
                if (location)
                    answer.location = location;
                resolve(answer);
            };
            res.on('data', (chunk) => {
                if (kept >= MAX_KEPT_BODY_BYTES)
                    return;
                const slice = chunk.subarray(0, MAX_KEPT_BODY_BYTES - kept);
                chunks.push(slice);
                kept += slice.length;
                // Enough for the message; an endless body must not hold the poll until its timeout.
                if (kept >= MAX_KEPT_BODY_BYTES) {
                    finish();
                    res.destroy();
                }
            });
            res.on('end', finish);
            res.on('error', (error) => (kept >= MAX_KEPT_BODY_BYTES ? undefined : reject(error)));
            // After 'end' or the early finish this is a no-op; otherwise the body was cut off.
            res.on('close', () => reject(new Error('connection closed before the body ended')));
        });
        req.on('error', reject);
        req.end();
    });
}
function describeError(error) {
    if (error && typeof error === 'object') {
        const code = error.code;
        if (typeof code === 'string')
            return code;
        const message = error.message;
        if (typeof message === 'string')
            return message;
    }
    return String(error);
}
/** What kind of unreachable an error code means, in words the summary can show. */
function unreachable(code) {
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_FAIL' || code === 'EAI_NONAME')
        return `DNS lookup failed (${code})`;
    if (code === 'ECONNREFUSED')
        return `connection refused (${code})`;
    if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'connection closed before the body ended')
        return `connection reset (${code})`;
    if (code === 'ETIMEDOUT' || code === 'ENETUNREACH' || code === 'EHOSTUNREACH')
        return `network unreachable (${code})`;
    if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|EPROTO|HOSTNAME_MISMATCH|ALTNAME/i.test(code))
        return `TLS failed (${code})`;
    return `unreachable (${code})`;
}
function firstLine(text, max = 200) {
    // Every break a runner, browser or editor honours (as report/safe-text.ts counts them), so only one line is kept.
    const line = text.split(/\r\n|[\n\r\v\f\u0085\u2028\u2029]/).find((candidate) => candidate.trim() !== '') ?? '';
    const flat = line.replace(/\s+/g, ' ').trim();
    return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}
function excerpt(text, max = 200) {
    const flat = text.replace(/\s+/g, ' ').trim();
    return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}


/***/ }),

/***/ 7003:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   describeProbe: () => (/* binding */ describeProbe),
/* harmony export */   probeBeforeRollback: () => (/* binding */ probeBeforeRollback)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _health_check_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9422);
/* harmony import */ var _health_status_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8294);



/**
 * Before anything is read from or sent to the platform: is the app really unhealthy? Probes the
 * health URL with the same matching as the check after the rollback; one expected answer is a
 * healthy verdict, `failures` failed probes in a row an unhealthy one. An alert that fired on one
 * bad probe, or a re-run, must not roll back an app that works.
 */
async function probeBeforeRollback(options) {
    const { deadline, log, matcher } = options;
    const clock = deadline.clock;
    const shown = (0,_health_status_js__WEBPACK_IMPORTED_MODULE_2__/* .safeHealthUrl */ .J3)(options.url);
    const probes = [];
    const verdict = (state) => ({ state, url: shown, expected: matcher.description, probes });
    const intervalS = options.intervalMs / 1000;
    log.info(`rollback_when is unhealthy: probing ${shown} before anything is read from or sent to ${options.platform} (expecting status ${matcher.description}; unhealthy after ${options.failures} failed probe${options.failures === 1 ? '' : 's'} in a row, ${intervalS} s apart).`);
    options.onProbe?.(shown, probes);
    for (;;) {
        if (deadline.expired())
            throw timedOut(options, probes);
        const startedAt = clock.now();
        const limitMs = Math.min(options.requestTimeoutMs ?? 10_000, deadline.remainingMs());
        const answer = await (0,_health_check_js__WEBPACK_IMPORTED_MODULE_1__/* .poll */ .w)(options.url, options.userAgent, limitMs);
        // A probe the deadline cut short says nothing about the app.
        if (answer.status === undefined && deadline.expired())
            throw timedOut(options, probes, probes.length + 1);
        const probe = toProbe(probes.length + 1, new Date(startedAt).toISOString(), answer, matcher);
        probes.push(probe);
        options.onProbe?.(shown, probes);
        log.info(`Probe ${probe.n} of ${shown}: ${describeProbe(probe, matcher.description)}.`);
        if (probe.ok) {
            log.info(`The app answered healthy at ${probe.at} (status ${probe.status} in ${probe.latencyMs} ms): nothing was rolled back, and nothing was read from or sent to ${options.platform}.`);
            return verdict('healthy');
        }
        if (probes.length >= options.failures) {
            log.info(`The app is unhealthy: ${probes.length} failed probe${probes.length === 1 ? '' : 's'} in a row. Rolling back.`);
            return verdict('unhealthy');
        }
        const nextAt = startedAt + options.intervalMs;
        // A probe that cannot start before the deadline cannot give a verdict: say so now, not later.
        if (nextAt >= deadline.expiresAt)
            throw timedOut(options, probes);
        await clock.sleep(Math.max(0, nextAt - clock.now()));
    }
}
function toProbe(n, at, answer, matcher) {
    const probe = { n, at, ok: answer.status !== undefined && matcher.matches(answer.status), latencyMs: answer.latencyMs };
    if (answer.status !== undefined)
        probe.status = answer.status;
    else
        probe.unreachable = answer.unreachable ?? answer.error ?? 'no answer';
    if (answer.firstLine)
        probe.body = answer.firstLine;
    return probe;
}
/** One line per probe, for the log and the summary alike. */
function describeProbe(probe, expected) {
    if (probe.ok)
        return `answered ${probe.status} in ${probe.latencyMs} ms, as expected`;
    if (probe.status !== undefined)
        return `answered ${probe.status} in ${probe.latencyMs} ms, expected ${expected}${probe.body ? `: "${probe.body}"` : ''}`;
    return `unreachable after ${probe.latencyMs} ms: ${probe.unreachable}`;
}
/** `unanswered`: the probe the deadline cut short, if any (it says nothing about the app). */
function timedOut(options, probes, unanswered) {
    const failed = probes.length;
    const cut = unanswered === undefined ? '' : ` (probe ${unanswered} had no answer yet)`;
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .TimeoutError */ .MU(`The run's timeout (${Math.round(options.deadline.totalMs / 1000)} s) ran out while probing health_url before deciding whether to roll back: ${failed} failed probe${failed === 1 ? '' : 's'} so far${cut}, ${options.failures} in a row needed, so no verdict. Nothing was read from or sent to ${options.platform}. Raise timeout, or lower health_failures or health_interval.`, { changed: 'nothing' });
}


/***/ })

};
