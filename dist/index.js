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

/***/ 3916:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   MU: () => (/* binding */ TimeoutError),
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   lZ: () => (/* binding */ ActionError)
/* harmony export */ });
/**
 * An expected failure: something the user or the platform got wrong that we can explain.
 * The entry point prints these as one annotation with a title, never as a stack trace.
 */
class ActionError extends Error {
    title;
    changed;
    outcome;
    constructor(title, message, options = {}) {
        super(message);
        this.title = title;
        this.name = 'ActionError';
        this.changed = options.changed;
        this.outcome = options.outcome;
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


/***/ }),

/***/ 4098:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ toTransportError),
/* harmony export */   w: () => (/* binding */ TransportError)
/* harmony export */ });
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


/***/ }),

/***/ 9407:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(5239);
// The runner executes dist/index.js, bundled from here.

await (0,_main_js__WEBPACK_IMPORTED_MODULE_0__/* .run */ .e)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 9011:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ defaultOf),
/* harmony export */   W: () => (/* binding */ INPUT_DEFAULTS)
/* harmony export */ });
/**
 * The defaults action.yml declares. The runner sets INPUT_<NAME> to the default for every input
 * the workflow leaves out, so "given" means "differs from this". A test keeps it equal to
 * action.yml.
 */
const INPUT_DEFAULTS = {
    provider: 'phala',
    revision: 'previous',
    wait: 'true',
    timeout: '600',
    dry_run: 'false',
    health_status: '200-399',
    health_timeout: '300',
    rollback_when: 'always',
    health_failures: '3',
    health_interval: '10',
    environment: 'production'
};
/** The default of an input, '' for one action.yml gives none. */
function defaultOf(name) {
    return INPUT_DEFAULTS[name] ?? '';
}


/***/ }),

/***/ 3718:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Cq: () => (/* binding */ checkUrlCharacters),
/* harmony export */   KJ: () => (/* binding */ canonicalUuid),
/* harmony export */   Kg: () => (/* binding */ hasControlCharacters),
/* harmony export */   R5: () => (/* binding */ readInput),
/* harmony export */   ZZ: () => (/* binding */ parseTimeout),
/* harmony export */   Zs: () => (/* binding */ quoteInput),
/* harmony export */   ao: () => (/* binding */ parseUserName),
/* harmony export */   cW: () => (/* binding */ isLoopbackHost),
/* harmony export */   nV: () => (/* binding */ parseApiUrl),
/* harmony export */   o7: () => (/* binding */ parseSecret),
/* harmony export */   ry: () => (/* binding */ splitList),
/* harmony export */   yG: () => (/* binding */ parseBoolean)
/* harmony export */ });
/* unused harmony export MAX_INPUT_LENGTH */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3916);
/* harmony import */ var _defaults_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(9011);


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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `The value is ${raw.length} characters long; at most ${MAX_INPUT_LENGTH} are accepted. Check what is passed as ${name}.`);
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
 * C0 and C1 controls and Unicode line breaks. A URL parser silently drops a tab or a line break
 * inside a URL (WHATWG URL), so a pasted break would send the requests to another path.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is looked for
const URL_CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
/** Refuses a URL input holding any control character, at either end too. Never echoes the value (it may carry a secret). */
function checkUrlCharacters(input, raw) {
    const at = raw.search(URL_CONTROLS);
    if (at === -1)
        return;
    const code = raw.charCodeAt(at).toString(16).toUpperCase().padStart(4, '0');
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `The URL holds a line break or another control character (U+${code}, character ${at + 1} of ${raw.length}). A URL cannot carry one, and dropping it would send the requests to another address. Give the URL on one line, without a trailing line break.`);
}
/**
 * An API base URL: https (plain http only to loopback, since the credential would travel in
 * clear), no credentials, no query or fragment (paths are appended to it). Returned without a
 * trailing slash.
 */
function parseApiUrl(raw, example, input = 'api_url') {
    checkUrlCharacters(input, raw);
    let url;
    try {
        url = new URL(raw);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `${quoteInput(raw)} is not a URL. Expected e.g. ${example}.`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `${quoteInput(raw)} must be an https:// URL, e.g. ${example}.`);
    }
    if (url.username || url.password) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, 'The URL must not contain credentials; pass them in their own inputs, from secrets.');
    }
    if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `'${url.origin}' uses plain http, which would send the credentials unencrypted. Use https (plain http is allowed only for loopback addresses).`);
    }
    if (url.search || url.hash || raw.includes('?') || raw.includes('#')) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `${quoteInput(raw)} has a query string or fragment ('?' or '#'); give the base URL only, e.g. ${example}.`);
    }
    return url.href.replace(/\/+$/, '');
}
/**
 * A credential: trimmed, then refused if it holds whitespace, control or non-ASCII characters,
 * which an HTTP header cannot carry (usually a paste with a line break or a smart quote).
 * Masked before it is checked, so even a refused value never shows in the log; the masker
 * registers every form a server could echo it in (see report/redact's echoForms).
 */
function parseSecret(name, raw, mask) {
    const value = raw.trim();
    if (value)
        mask(value);
    return checkHeaderText(name, value);
}
/**
 * A user name for HTTP Basic: checked like a credential, but not masked. It is not a secret, and
 * a message that names the user (e.g. who lacks a permission) must stay readable.
 */
function parseUserName(name, raw) {
    return checkHeaderText(name, raw.trim());
}
function checkHeaderText(name, value) {
    if (/\s/.test(value) || hasControlCharacters(value)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `The value contains whitespace or control characters; copy it again without line breaks.`);
    }
    if (/[^\u0020-\u007e]/.test(value)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `The value contains characters that are not printable ASCII (e.g. a smart quote or an accent); HTTP headers cannot carry them. Copy it again from its source.`);
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
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `${quoteInput(text)} is not a boolean: use true or false.`);
}
function parseTimeout(raw) {
    const text = raw.trim() || _defaults_js__WEBPACK_IMPORTED_MODULE_1__/* .INPUT_DEFAULTS */ .W.timeout;
    if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > MAX_TIMEOUT_SECONDS) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('timeout', `${quoteInput(text)} is not a timeout: expected a whole number of seconds from 1 to ${MAX_TIMEOUT_SECONDS} (e.g. 600).`);
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


/***/ }),

/***/ 5239:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  e: () => (/* binding */ main_run)
});

// UNUSED EXPORTS: runFacts

// EXTERNAL MODULE: ./src/clock.ts
var clock = __nccwpck_require__(9373);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(3916);
// EXTERNAL MODULE: ./src/http/transport-error.ts
var transport_error = __nccwpck_require__(4098);
// EXTERNAL MODULE: ./src/inputs/parse.ts
var parse = __nccwpck_require__(3718);
// EXTERNAL MODULE: ./src/verify/health-status.ts
var health_status = __nccwpck_require__(8294);
;// CONCATENATED MODULE: ./src/report/redact.ts
/** Shortest piece of a secret treated as an echo of it; shorter runs are too common to mean anything. */
const MIN_ECHO = 12;
/** A shorter start of a secret still counts where text was cut right after it. */
const MIN_CUT_ECHO = 6;
/** Longest start of a secret looked for before a cut; longer ones contain a MIN_ECHO piece anyway. */
const MAX_CUT_ECHO = 64;
const REDACTED = '***';
/** Where a text was cut (besides its end): an ellipsis, '...', or the summary's truncation mark. */
const CUT_MARK = /…|\.\.\.| …\[truncated\]/g;
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/**
 * The characters each common percent-encoder leaves as they are: RFC 3986 unreserved (Go's
 * QueryEscape, Python's quote(safe='')), encodeURIComponent, form encoding (URLSearchParams,
 * Java's URLEncoder), Python's quote() default, a path segment (Go's PathEscape), and an
 * encoder that leaves nothing but letters and digits.
 */
const PERCENT_SAFE_SETS = [`${ALNUM}-._~`, `${ALNUM}-._~!'()*`, `${ALNUM}-._*`, `${ALNUM}-._~/`, `${ALNUM}-._~!$&'()*+,;=:@`, ALNUM];
function percentEncode(text, safe, lowerHex) {
    let out = '';
    for (const byte of Buffer.from(text, 'utf8')) {
        const char = String.fromCharCode(byte);
        if (byte < 0x80 && safe.includes(char))
            out += char;
        else {
            const hex = byte.toString(16).toUpperCase().padStart(2, '0');
            out += `%${lowerHex ? hex.toLowerCase() : hex}`;
        }
    }
    return out;
}
function jsonEscapes(text) {
    const plain = JSON.stringify(text).slice(1, -1);
    const slashes = plain.replace(/\//g, '\\/'); // PHP's json_encode, some Java encoders
    // Go's encoding/json (and others, to be safe in HTML) write <, >, & and ' as \u escapes.
    const htmlSafe = (json) => json.replace(/[<>&']/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    return [plain, slashes, htmlSafe(plain), htmlSafe(slashes)];
}
function htmlEscapes(text) {
    const base = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    return [base.replace(/"/g, '&quot;').replace(/'/g, '&#39;'), base.replace(/"/g, '&#34;').replace(/'/g, '&#x27;')];
}
/**
 * Base64 of the secret, and of the secret inside a longer text (a header line `X-API-Key: …`, a
 * `Bearer …` value, a JSON body), where it starts 1 or 2 bytes into a 3-byte group and encodes to
 * other characters. The middle of each shifted encoding does not depend on what surrounds the
 * secret: its first and last 4 characters (the groups shared with neighbouring bytes) are left out.
 */
function base64Forms(text) {
    const bytes = Buffer.from(text, 'utf8');
    const standard = bytes.toString('base64');
    const forms = [standard, standard.replace(/=+$/, ''), bytes.toString('base64url')];
    for (const shift of [1, 2]) {
        const shifted = Buffer.concat([Buffer.alloc(shift), bytes]);
        for (const encoding of ['base64', 'base64url']) {
            const middle = shifted.toString(encoding).replace(/=+$/, '').slice(4, -4);
            if (middle.length >= 8)
                forms.push(middle);
        }
    }
    return forms;
}
/**
 * Every form in which a server, a proxy or an error page can echo a secret back: as it is,
 * percent-encoded (by each common encoder, either case of hex, and twice), JSON-escaped,
 * HTML-escaped and base64-encoded (alone or at any offset inside a longer encoded text). The one place these forms are made: every secret registered
 * through `Secrets.add` gets all of them, so no provider can forget one. Echoes cut short are
 * caught by `redact` itself (any 12 characters of a form, or a start of 6 before a cut).
 */
function echoForms(secret) {
    const forms = new Set([secret]);
    for (const safe of PERCENT_SAFE_SETS) {
        forms.add(percentEncode(secret, safe, false));
        forms.add(percentEncode(secret, safe, true));
    }
    forms.add(encodeURI(secret));
    forms.add(encodeURIComponent(encodeURIComponent(secret)));
    for (const form of [...jsonEscapes(secret), ...htmlEscapes(secret), ...base64Forms(secret)])
        forms.add(form);
    return [...forms];
}
/**
 * What an HTTP Basic `Authorization` header carries: base64 of `user:password`. Registered as a
 * secret on its own (with its echo forms), because a server that echoes the header shows the
 * pair encoded, where neither the password nor its own forms can be found; the user name alone
 * is not a secret and stays readable.
 */
function basicCredential(username, password) {
    return Buffer.from(`${username}:${password}`, 'utf8').toString('base64');
}
/**
 * The secrets of this run, and their removal from any text that leaves the process. The runner
 * masks exact matches in the log, but not in the job summary, and not a key the platform echoed
 * only in part or encoded: every form of a secret (see `echoForms`) is registered, every run of 12
 * or more characters of a form is replaced, and so is a start of 6 or more where the text was cut
 * right after it (a message truncated mid-key).
 */
class Secrets {
    values = [];
    grams = new Map();
    /**
     * Registers a secret with every form it can be echoed in. Returns the forms that were new, so
     * the caller can hand each to the runner's own masker too.
     */
    add(secret) {
        return echoForms(secret).filter((form) => this.addForm(form));
    }
    addForm(form) {
        // One or two characters would erase ordinary words; the runner's own mask still covers them.
        if (form.length < 3 || this.values.includes(form))
            return false;
        this.values.push(form);
        if (form.length < MIN_ECHO)
            return true;
        for (let i = 0; i + MIN_ECHO <= form.length; i++) {
            const gram = form.slice(i, i + MIN_ECHO);
            const owners = this.grams.get(gram) ?? [];
            if (!owners.includes(form))
                owners.push(form);
            this.grams.set(gram, owners);
        }
        return true;
    }
    /** How many forms are registered (every secret adds one or more). */
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
    /**
     * A start of a secret that ends right where the text was cut is replaced. Found from each
     * occurrence of a secret's first characters (rare in ordinary text), so a long text full of
     * ellipses costs one scan per secret, not one per cut.
     */
    redactCutEchoes(text) {
        const cuts = new Set([text.trimEnd().length]);
        for (const match of text.matchAll(CUT_MARK))
            cuts.add(match.index);
        const spans = [];
        for (const secret of this.values) {
            if (secret.length <= MIN_CUT_ECHO)
                continue;
            const head = secret.slice(0, MIN_CUT_ECHO);
            const max = Math.min(secret.length - 1, MAX_CUT_ECHO);
            for (let at = text.indexOf(head); at !== -1; at = text.indexOf(head, at + 1)) {
                let length = MIN_CUT_ECHO;
                while (length < max && text[at + length] === secret[length])
                    length++;
                for (let k = length; k >= MIN_CUT_ECHO; k--) {
                    if (cuts.has(at + k)) {
                        spans.push([at, at + k]);
                        break;
                    }
                }
            }
        }
        if (spans.length === 0)
            return text;
        spans.sort((a, b) => a[0] - b[0]);
        let out = '';
        let done = 0;
        for (const [start, end] of spans) {
            if (end <= done)
                continue;
            out += start >= done ? `${text.slice(done, start)}${REDACTED}` : '';
            done = end;
        }
        return out + text.slice(done);
    }
}

// EXTERNAL MODULE: ./src/revision-selector.ts
var revision_selector = __nccwpck_require__(6654);
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
    const rawUrl = (0,parse/* readInput */.R5)(read, 'api_url').trim();
    if (!rawUrl) {
        throw new errors/* InputError */.dz('api_url', `api_url is required for provider camunda: the engine-rest base, e.g. ${EXAMPLE_URL} (a named engine: ${EXAMPLE_URL}/engine/{name}).`);
    }
    const apiUrl = (0,parse/* parseApiUrl */.nV)(rawUrl, EXAMPLE_URL);
    const revision = (0,revision_selector/* parseRevisionSelector */.y0)((0,parse/* readInput */.R5)(read, 'revision') || 'previous', { id: { pattern: DEPLOYMENT_ID, describe: 'a deployment id' } });
    const appId = (0,parse/* readInput */.R5)(read, 'app_id').trim();
    if (!appId && revision.kind !== 'ref') {
        throw new errors/* InputError */.dz('app_id', `app_id is required with revision ${(0,parse/* quoteInput */.Zs)(revision.text)}: the deployment name, as Cockpit shows it. Only with a deployment id as revision may it be left empty.`);
    }
    if (appId.length > MAX_NAME_LENGTH || (0,parse/* hasControlCharacters */.Kg)(appId)) {
        throw new errors/* InputError */.dz('app_id', `${(0,parse/* quoteInput */.Zs)(appId)} cannot be a deployment name: at most ${MAX_NAME_LENGTH} characters, no control characters.`);
    }
    const tenantId = (0,parse/* readInput */.R5)(read, 'tenant_id').trim();
    if (tenantId && !/^[A-Za-z0-9_-]{1,64}$/.test(tenantId)) {
        throw new errors/* InputError */.dz('tenant_id', `${(0,parse/* quoteInput */.Zs)(tenantId)} is not a tenant id: the engine allows letters, digits, _ and -.`);
    }
    return {
        ...common,
        provider: 'camunda',
        apiUrl,
        auth,
        appId,
        revision,
        tenantId: tenantId || undefined,
        resources: parseResources((0,parse/* readInput */.R5)(read, 'resources'))
    };
}
function parseAuth(read, mask) {
    // Both secrets masked first, so a refused combination never shows one. The user name is not a
    // secret (a 403 names the user), but the Basic header's base64 of user:password is.
    const password = (0,parse/* parseSecret */.o7)('password', (0,parse/* readInput */.R5)(read, 'password'), mask);
    const token = (0,parse/* parseSecret */.o7)('api_key', (0,parse/* readInput */.R5)(read, 'api_key'), mask);
    const username = (0,parse/* parseUserName */.ao)('username', (0,parse/* readInput */.R5)(read, 'username'));
    if (username && password)
        mask(basicCredential(username, password));
    if (token && (username || password)) {
        throw new errors/* InputError */.dz('api_key', 'Give either api_key (a bearer token, for an engine behind an OAuth proxy) or username and password (HTTP Basic), not both.');
    }
    if (token)
        return { kind: 'bearer', token };
    if (username && !password)
        throw new errors/* InputError */.dz('password', 'username is set but password is empty: HTTP Basic needs both (from secrets), or neither for an engine without authentication.');
    if (password && !username)
        throw new errors/* InputError */.dz('username', 'password is set but username is empty: HTTP Basic needs both, or neither for an engine without authentication.');
    if (username && username.includes(':'))
        throw new errors/* InputError */.dz('username', 'The user name contains a colon, which HTTP Basic cannot carry.');
    return username ? { kind: 'basic', username, password } : { kind: 'none' };
}
function parseResources(raw) {
    // Resource names may contain spaces: only commas and line breaks separate them.
    const names = (0,parse/* splitList */.ry)(raw, /[,\r\n]+/);
    if (names.length === 0)
        return undefined;
    for (const name of names) {
        if (name.length > MAX_NAME_LENGTH || (0,parse/* hasControlCharacters */.Kg)(name)) {
            throw new errors/* InputError */.dz('resources', `${(0,parse/* quoteInput */.Zs)(name)} cannot be a resource name: at most ${MAX_NAME_LENGTH} characters, no control characters.`);
        }
    }
    return [...new Set(names)];
}

// EXTERNAL MODULE: ./src/providers/phala/inputs.ts
var inputs = __nccwpck_require__(8908);
// EXTERNAL MODULE: ./src/providers/qovery/inputs.ts
var qovery_inputs = __nccwpck_require__(3942);
// EXTERNAL MODULE: ./src/inputs/defaults.ts
var defaults = __nccwpck_require__(9011);
;// CONCATENATED MODULE: ./src/settings.ts
const PROVIDERS = ['phala', 'camunda', 'qovery'];

;// CONCATENATED MODULE: ./src/inputs/ownership.ts



/**
 * The inputs only one provider reads (action.yml says "<provider> only"). Another provider would
 * silently ignore them, and the run would do something else than asked: a Qovery run given
 * vm_uuids rolls back every service of the environment, not one. A test keeps this equal to
 * action.yml.
 */
const PROVIDER_ONLY_INPUTS = {
    phala: ['vm_uuids', 'transaction_hash'],
    camunda: ['username', 'password', 'tenant_id', 'resources'],
    qovery: []
};
/** Inputs that are URLs: requests are built from them, so none may hold a control character. */
const URL_INPUTS = ['api_url', 'health_url'];
/** Whether the workflow set the input (the runner's default does not count). */
function isGiven(read, name) {
    const value = read(name).trim();
    return value !== '' && value !== (0,defaults/* defaultOf */.H)(name);
}
/**
 * Refuses, before any request, an input that belongs to another provider, naming the provider
 * that takes it. Never echoes the value: it may be a password.
 */
function refuseForeignInputs(read, provider) {
    for (const owner of PROVIDERS) {
        if (owner === provider)
            continue;
        for (const name of PROVIDER_ONLY_INPUTS[owner]) {
            if (!isGiven(read, name))
                continue;
            throw new errors/* InputError */.dz(name, `${name} is an input of provider ${owner} only; this run's provider is ${provider}, which has no such input and would roll back without it (e.g. more than you meant). Remove ${name} from the step's with:, or set provider: ${owner} if that is the platform meant.`);
        }
    }
}

;// CONCATENATED MODULE: ./src/input-helper.ts











/**
 * Turns raw inputs into one validated Settings object (one variant per provider). Every check
 * runs before the first request, so a typo fails in milliseconds with the input's name instead
 * of half-way through an incident. Secrets are passed to `mask` the moment they are read.
 */
function getSettings(read, env, mask) {
    const provider = parseProvider((0,parse/* readInput */.R5)(read, 'provider'));
    const githubToken = (0,parse/* parseSecret */.o7)('github_token', (0,parse/* readInput */.R5)(read, 'github_token'), mask);
    refuseForeignInputs(read, provider);
    for (const name of URL_INPUTS)
        (0,parse/* checkUrlCharacters */.Cq)(name, (0,parse/* readInput */.R5)(read, name));
    const healthUrl = (0,health_status/* parseHealthUrl */.Dk)((0,parse/* readInput */.R5)(read, 'health_url'), mask);
    const rollbackWhen = (0,health_status/* parseRollbackWhen */.KI)((0,parse/* readInput */.R5)(read, 'rollback_when'));
    const gate = { failures: (0,health_status/* parseHealthFailures */.VM)((0,parse/* readInput */.R5)(read, 'health_failures')), intervalSeconds: (0,health_status/* parseHealthInterval */.b6)((0,parse/* readInput */.R5)(read, 'health_interval')) };
    if (rollbackWhen === 'unhealthy' && !healthUrl) {
        throw new errors/* InputError */.dz('health_url', "rollback_when: unhealthy needs health_url: the app's health endpoint that decides whether to roll back (e.g. https://app.example.com/healthz).");
    }
    const common = {
        wait: (0,parse/* parseBoolean */.yG)('wait', (0,parse/* readInput */.R5)(read, 'wait'), true),
        timeoutSeconds: (0,parse/* parseTimeout */.ZZ)((0,parse/* readInput */.R5)(read, 'timeout')),
        dryRun: (0,parse/* parseBoolean */.yG)('dry_run', (0,parse/* readInput */.R5)(read, 'dry_run'), false),
        health: healthUrl
            ? { url: healthUrl, matcher: (0,health_status/* parseHealthStatus */.wX)((0,parse/* readInput */.R5)(read, 'health_status')), timeoutSeconds: (0,health_status/* parseHealthTimeout */.Ni)((0,parse/* readInput */.R5)(read, 'health_timeout')) }
            : undefined,
        gate: rollbackWhen === 'unhealthy' ? gate : undefined,
        github: githubToken ? { token: githubToken, environment: parseEnvironment((0,parse/* readInput */.R5)(read, 'environment')) } : undefined
    };
    if (!healthUrl) {
        // Checked even when unused, so a typo does not wait for the day health_url is set.
        (0,health_status/* parseHealthStatus */.wX)((0,parse/* readInput */.R5)(read, 'health_status'));
        (0,health_status/* parseHealthTimeout */.Ni)((0,parse/* readInput */.R5)(read, 'health_timeout'));
    }
    switch (provider) {
        case 'phala':
            return (0,inputs/* readPhalaInputs */.I)(read, env, mask, common);
        case 'qovery':
            return (0,qovery_inputs/* readQoveryInputs */.Eh)(read, env, mask, common);
        case 'camunda':
            return readCamundaInputs(read, env, mask, common);
    }
}
function parseProvider(raw) {
    const provider = (raw.trim() || defaults/* INPUT_DEFAULTS */.W.provider).toLowerCase();
    if (!PROVIDERS.includes(provider)) {
        throw new errors/* InputError */.dz('provider', `${(0,parse/* quoteInput */.Zs)(provider)} is not supported. Supported: ${PROVIDERS.join(', ')}.`);
    }
    return provider;
}
/** A GitHub environment name: what the deployment record is filed under. */
function parseEnvironment(raw) {
    const name = raw.trim() || defaults/* INPUT_DEFAULTS */.W.environment;
    if (name.length > 255 || (0,parse/* hasControlCharacters */.Kg)(name)) {
        throw new errors/* InputError */.dz('environment', `${(0,parse/* quoteInput */.Zs)(name)} is not a GitHub environment name: at most 255 characters, no control characters.`);
    }
    return name;
}

;// CONCATENATED MODULE: ./src/pipeline/progress.ts
function newProgress() {
    return { phase: 'starting', changed: 'nothing', extra: [] };
}
/**
 * What a cancellation leaves behind, in one sentence the engineer can act on. Whether anything was
 * changed is not repeated here: the closing sentence (changedSentence) says it.
 */
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
        case 'probing':
            return `Cancelled while probing the app's health before deciding whether to roll back: nothing was read from or sent to ${platform}.`;
        case 'starting':
        case 'planning':
            return 'Cancelled before any redeploy was sent.';
        case 'triggering':
            if (progress.changed === 'accepted')
                break;
            if (progress.changed === 'nothing') {
                return progress.waitingToSend
                    ? `Cancelled while waiting for another operation to finish before sending (${progress.waitingToSend}).`
                    : 'Cancelled before the redeploy was sent.';
            }
            return `Cancelled while the ${v?.redeploy ?? 'redeploy'} was being sent: it may have been accepted. Check the ${instances} (${names}) in the ${platform} console before re-running.`;
        case 'verifying':
            // The closing sentence (outcome 'completed') says the rollback completed; this says what did not happen.
            return `Cancelled during the health check of ${names} on revision ${plan?.revision.id}: their health was not confirmed.`;
        case 'done':
            return 'Cancelled after the rollback had finished.';
    }
    const pending = progress.pending ? ` Pending: ${progress.pending}.` : '';
    return `Cancelled while waiting: the rollback of ${progress.appId ?? 'the app'} to revision ${plan?.revision.id} was triggered on ${names} and is still running on ${platform}.${pending} It will finish on its own; do not trigger it again, watch the ${instances} instead.`;
}

;// CONCATENATED MODULE: ./src/report/count.ts
/**
 * A number with its noun in the right number: "1 attempt", "3 attempts", "1 history entry".
 * Messages are read mid-incident; "1 attempts" or "all 1 definition" make a reader stop and re-read.
 */
function count(n, one, many = `${one}s`) {
    return `${n} ${n === 1 ? one : many}`;
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
    if (deps.gate) {
        progress.phase = 'probing';
        const before = await deps.gate((soFar) => (progress.healthBefore = soFar));
        progress.healthBefore = before;
        deps.setOutput('health_before', before.state);
        if (before.state === 'healthy')
            return finish(deps, 'skipped');
    }
    progress.phase = 'planning';
    log.info(`Rolling back ${v.app.toLowerCase()} ${settings.appId || '(by revision id)'} on ${v.platform} to ${(0,revision_selector/* describeSelector */.r5)(settings.revision)}.`);
    const plan = await provider.plan();
    progress.plan = plan;
    // Set before anything is sent, so a later step has them even if the trigger fails (e.g. 465).
    deps.setOutput('revision_id', plan.revision.id);
    for (const [name, value] of Object.entries(plan.outputs))
        deps.setOutput(name, value);
    deps.setOutput('console_url', plan.consoleUrl);
    const by = plan.revision.createdBy ? ` by ${plan.revision.createdBy}` : '';
    log.info(`Target: revision ${plan.revision.id}, ${v.version} ${plan.revision.version} (${plan.revision.operationType ?? 'revision'}${by} at ${plan.revision.createdAt}); found after reading ${count(plan.searched, 'history entry', 'history entries')}.`);
    log.info(`Currently running: ${v.version} ${plan.previousVersion || 'unknown'}. ${v.instances.charAt(0).toUpperCase()}${v.instances.slice(1)}: ${plan.targets.map((i) => `${i.name} (${i.id}, ${i.status}${i.version ? `, ${run_short(i.version)}` : ''})`).join(', ') || 'none'}.`);
    for (const warning of plan.warnings)
        log.warning(warning, 'Check the target revision');
    if (plan.toRedeploy.length === 0) {
        log.info(`Every targeted ${v.instance} already runs the target revision: nothing to redeploy.`);
        return finish(deps, 'skipped');
    }
    if (settings.dryRun) {
        log.info(`Dry run: the ${v.redeploy} of revision ${plan.revision.id} to ${plan.toRedeploy.map((i) => i.name).join(', ')} was not sent.`);
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
    progress.outcome = 'completed';
    log.info(`Rollback complete: ${count(plan.toRedeploy.length, v.instance, v.instances)} now run${plan.toRedeploy.length === 1 ? 's' : ''} revision ${plan.revision.id}.`);
    if (deps.verify) {
        progress.phase = 'verifying';
        const health = await deps.verify(plan);
        progress.health = health;
        deps.setOutput('health', health.state);
        if (health.state === 'unhealthy') {
            // The closing sentence (outcome 'completed') says the rollback itself completed; this says what did not.
            throw new errors/* ActionError */.lZ('Health check failed after the rollback', `The app did not answer as expected after the rollback: ${health.detail}`, {
                changed: 'accepted',
                outcome: 'completed'
            });
        }
    }
    return finish(deps, 'completed');
}
function finish(deps, status) {
    if (!deps.progress.health)
        deps.setOutput('health', 'skipped');
    deps.setOutput('health_before', deps.progress.healthBefore?.state ?? 'not_checked');
    deps.progress.phase = 'done';
    deps.progress.status = status;
    deps.setOutput('status', status);
    return status;
}

;// CONCATENATED MODULE: ./src/providers/registry.ts
/**
 * The provider the settings name, loaded only then: a run uses one platform, and the others'
 * code would only add to the start-up before its first request (the bundle keeps each in a chunk).
 */
async function createProvider(settings, deps) {
    switch (settings.provider) {
        case 'phala': {
            const { createPhalaProvider } = await Promise.all(/* import() */[__nccwpck_require__.e(631), __nccwpck_require__.e(922)]).then(__nccwpck_require__.bind(__nccwpck_require__, 3922));
            return createPhalaProvider(settings, deps);
        }
        case 'qovery': {
            const { createQoveryProvider } = await Promise.all(/* import() */[__nccwpck_require__.e(631), __nccwpck_require__.e(874)]).then(__nccwpck_require__.bind(__nccwpck_require__, 8874));
            return createQoveryProvider(settings, deps);
        }
        case 'camunda': {
            const { createCamundaProvider } = await Promise.all(/* import() */[__nccwpck_require__.e(631), __nccwpck_require__.e(695)]).then(__nccwpck_require__.bind(__nccwpck_require__, 5695));
            return createCamundaProvider(settings, deps);
        }
    }
}

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
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
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** A version as platforms spell them: commit ids, image tags, chart versions. */
const VERSION = /^[A-Za-z0-9][A-Za-z0-9._+:@/-]{0,199}$/;
const SAFE_NAME = /^[A-Za-z0-9 ._/:+@-]{1,128}$/;
/** A console page: https, or plain http to a sandbox on loopback; a path of shell-safe characters. */
const CONSOLE_URL = /^(https:\/\/[A-Za-z0-9.-]+|http:\/\/(127\.0\.0\.1|localhost|\[::1\]))(:[0-9]{1,5})?(\/[A-Za-z0-9._~/-]*)?$/;
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
    if (typeof id !== 'string' || !UUID.test(id))
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
    vm_uuids: jsonArray((item) => (typeof item === 'string' && UUID.test(item) ? undefined : 'expected UUIDs'), 'UUIDs'),
    deployment_id: matches(ID, 'a deployment id of 1 to 128 letters, digits, _ or -', true),
    previous_deployment_id: matches(ID, 'a deployment id of 1 to 128 letters, digits, _ or -', true),
    services: jsonArray(service, '{id, name, type, from, to}'),
    console_url: (value) => (value === '' || (CONSOLE_URL.test(value) && value.length <= 512) ? undefined : 'expected an https URL (or http to a loopback sandbox)'),
    health: oneOf(['healthy', 'unhealthy', 'skipped']),
    health_before: oneOf(['healthy', 'unhealthy', 'not_checked'])
};
/** The output names a run may set; action.yml declares exactly these. */
const OUTPUT_NAMES = Object.keys(OUTPUT_RULES);
/** Returns the value if it is well formed for that output; throws naming the field otherwise. */
function checkOutput(name, value) {
    const rule = OUTPUT_RULES[name];
    if (!rule)
        throw new errors/* ActionError */.lZ('Unexpected output', `The action tried to set an undeclared output '${name}'.`);
    const problem = rule(value);
    if (problem) {
        const shown = JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
        throw new errors/* ActionError */.lZ(`Refused a malformed '${name}' output`, `The platform returned a value for '${name}' that does not look like one (${problem}; got ${shown}). It was not set as an output, because later steps may use it in a shell. The platform's answer may be corrupted or hostile; check it in the platform's console.`);
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
    const warnings = [];
    return {
        log: {
            info: (message) => info(safeLogLine(message, secrets)),
            warning: (message, title) => {
                warnings.push({ title: title === undefined ? undefined : secrets.redact(title), message: secrets.redact(message) });
                warning(safeAnnotation(message, secrets), title ? safeTitle(title, secrets) : undefined);
            },
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
        },
        warnings: () => [...warnings]
    };
}

// EXTERNAL MODULE: ./src/report/run-url.ts
var run_url = __nccwpck_require__(7751);
;// CONCATENATED MODULE: ./src/report/summary.ts

/** At most this many warnings are repeated in the summary; the log has them all. */
const MAX_SUMMARY_WARNINGS = 10;
/**
 * The health URL as the user wrote it (secrets already hidden), so it reads and copies as a URL:
 * a Markdown code span shows its text literally, with no link, HTML or emphasis (`***`). Only a
 * backtick or a pipe could break out of the span or the table; such a URL is escaped instead.
 */
function urlSpan(url, secrets) {
    const shown = secrets ? secrets.redact(url) : url;
    // eslint-disable-next-line no-control-regex -- a control character is one of the things that force escaping
    return /^[^\s\u0000-\u001f\u007f`|\\]+$/.test(shown) ? `\`${shown}\`` : codeSpan(shown, secrets);
}
/** A link the action built itself (run URL, console URL); anything odd is shown as text instead. */
function summary_link(url) {
    if (!/^https?:\/\/[^\s<>"'`|\\]+$/.test(url))
        return escapeMarkdown(url);
    const attr = url.replace(/&/g, '&amp;');
    return `<a href="${attr}">${attr}</a>`;
}
const capital = (text) => text.charAt(0).toUpperCase() + text.slice(1);
const FULL_HASH = /\b(0x)?([0-9a-fA-F]{64})\b/g;
/** A 64-hex hash (compose hash, digest) as the table shows it: its first 12 characters; the outputs carry it whole. */
function shortenHashes(text) {
    return text.replace(FULL_HASH, (_, prefix, hex) => `${prefix ?? ''}${hex.slice(0, 12)}…`);
}
/** A URL in text, up to what cannot be part of one here; trailing sentence punctuation is not part of it. */
const URL_IN_TEXT = /https?:\/\/[^\s<>"'`|\\]+/g;
function originOf(url) {
    try {
        return new URL(url).origin;
    }
    catch {
        return undefined;
    }
}
/**
 * Text for the summary in which URLs on the action's own origins stay working links (no
 * zero-width space to copy along), while everything else goes through escapeMarkdown.
 */
function textWithOwnLinks(text, ownOrigins, secrets) {
    const redacted = secrets ? secrets.redact(text) : text;
    if (ownOrigins.size === 0)
        return escapeMarkdown(redacted, secrets);
    let out = '';
    let last = 0;
    for (const match of redacted.matchAll(URL_IN_TEXT)) {
        const url = match[0].replace(/[.,;:!?)\]]+$/, '');
        const origin = originOf(url);
        if (!origin || !ownOrigins.has(origin))
            continue;
        out += escapeMarkdown(redacted.slice(last, match.index), secrets) + summary_link(url);
        last = match.index + url.length;
    }
    return out + escapeMarkdown(redacted.slice(last), secrets);
}
function resultText(input) {
    const v = input.vocabulary;
    const instances = v?.instances ?? 'instances';
    switch (input.status) {
        case 'completed':
            return `✅ Completed: every targeted ${v?.instance ?? 'instance'} runs the target revision`;
        case 'triggered':
            return `🚀 Triggered (wait: false): ${escapeMarkdown(v?.platform ?? 'the platform')} is applying it`;
        case 'skipped':
            if (input.healthBefore?.state === 'healthy')
                return `⏭️ Skipped: the app answered healthy, so nothing was rolled back and nothing was sent to ${escapeMarkdown(v?.platform ?? 'the platform')}`;
            return `⏭️ Skipped: the targeted ${instances} already run the target revision`;
        case 'dry_run':
            return '🔍 Dry run: resolved, nothing redeployed';
        case 'cancelled':
            return `🛑 Cancelled: ${escapeMarkdown(input.failure?.title ?? 'Rollback cancelled', input.secrets)}`;
        case 'failed':
            return `❌ Failed: ${escapeMarkdown(input.failure?.title ?? 'Unexpected error', input.secrets)}`;
    }
}
/**
 * The sentence every ending that is not a plain success carries: was the platform changed, and
 * if so, how did it end? It states what is known and nothing more: a rollback that completed or
 * failed on the platform is not said to be "still running".
 */
function changedSentence(changed, vocabulary, outcome) {
    const platform = vocabulary?.platform ?? 'the platform';
    const instance = vocabulary?.instance ?? 'instance';
    const instances = vocabulary?.instances ?? 'instances';
    const redeploy = vocabulary?.redeploy ?? 'redeploy';
    switch (changed) {
        case 'nothing':
            return `Nothing was redeployed: ${platform} was not changed by this run.`;
        case 'unknown':
            return `The ${redeploy} may have reached ${platform}: check the ${instances} before re-running.`;
        case 'accepted':
            if (outcome === 'completed')
                return `The rollback completed on ${platform}: every targeted ${instance} runs the target revision.`;
            if (outcome === 'failed')
                return `The ${redeploy} was accepted by ${platform} and failed there: check the ${instances} before re-running.`;
            return `The ${redeploy} was accepted by ${platform} and may still be running: check the ${instances} before re-running.`;
    }
}
/** A message's own "Nothing was deployed." restates the closing sentence; it is said once, there. */
const RESTATED_NOTHING = /\s*\bNothing was (?:re)?deployed\.(?=\s|$)/g;
/**
 * The failure's message as shown above its closing sentence (changedSentence): without a sentence
 * of its own that says the same, so nothing is said twice.
 */
function withoutRestatement(message, changed) {
    return changed === 'nothing' ? message.replace(RESTATED_NOTHING, '').trim() : message;
}
/** The job summary: one table an on-call engineer can read at a glance, failures included. */
function renderSummary(input) {
    const { plan, secrets } = input;
    const v = input.vocabulary;
    const own = new Set((input.ownOrigins ?? []).map(originOf).filter((origin) => origin !== undefined));
    // Table cells: hashes shortened (the outputs carry them whole), own URLs kept as working links.
    const esc = (text) => textWithOwnLinks(shortenHashes(text), own, secrets);
    const code = (text) => codeSpan(shortenHashes(text), secrets);
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
        rows.push([capital(v.instances), instances || 'none']);
        if (plan.targets.every((instance) => instance.targetVersion === undefined)) {
            rows.push([capital(v.version), `${plan.previousVersion ? code(plan.previousVersion) : 'unknown'} → ${code(plan.revision.version)}`]);
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
        rows.push(['Redeployed', esc(changedSentence(input.changed, v, input.outcome))]);
    if (input.healthBefore) {
        const before = input.healthBefore;
        rows.push(['Health URL', urlSpan(before.url, secrets)]);
        const failed = `${before.probes.length} failed probe${before.probes.length === 1 ? '' : 's'}`;
        const said = before.state === 'healthy' ? 'healthy, not rolled back' : before.state === 'unhealthy' ? `unhealthy: ${failed} in a row` : `no verdict: ${failed} so far`;
        rows.push(['Health before', [said, ...before.probes.map(esc)].join('<br>')]);
    }
    if (input.health) {
        // Said once: when the failure below already quotes the health detail, the row gives only the state.
        const detail = input.health.detail && !input.failure?.message.includes(input.health.detail) ? `: ${esc(input.health.detail)}` : '';
        rows.push(['Health check', `${input.health.state}${detail}`]);
    }
    const warnings = input.warnings ?? [];
    if (warnings.length) {
        const shown = warnings.slice(0, MAX_SUMMARY_WARNINGS).map((w) => `⚠️ ${w.title ? `${esc(w.title)}: ` : ''}${esc(w.message)}`);
        if (warnings.length > MAX_SUMMARY_WARNINGS)
            shown.push(`…and ${warnings.length - MAX_SUMMARY_WARNINGS} more in the log`);
        rows.push([warnings.length === 1 ? 'Warning' : 'Warnings', shown.join('<br>')]);
    }
    if (plan?.consoleUrl)
        rows.push(['Console', summary_link(plan.consoleUrl)]);
    rows.push(['Duration', `${(input.run.durationMs / 1000).toFixed(1)} s`]);
    if (input.run.actor)
        rows.push(['Started by', esc(input.run.actor)]);
    if (input.run.runUrl)
        rows.push(['Run', summary_link(input.run.runUrl)]);
    const head = ['## Rollback', '', '| | |', '| --- | --- |', ...rows.map(([key, value]) => `| ${key} | ${value} |`), ''];
    const quote = input.failure ? `<blockquote>${textWithOwnLinks(input.failure.message, own, secrets)}</blockquote>\n` : '';
    const text = `${head.join('\n')}\n${quote}`;
    return truncateBytes(text, MAX_SUMMARY_BYTES, "\n\n…the summary was cut here to stay within GitHub's size limit.\n");
}

;// CONCATENATED MODULE: ./src/version.ts
/** Sent in the User-Agent; a unit test keeps it equal to package.json's version. */
const ACTION_NAME = 'rollback-action';
const ACTION_VERSION = '1.0.0';

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
    // Origins of the URLs the action was given (api_url, health_url): the summary keeps them as working links.
    const own = [];
    const facts = () => runFacts(process.env, Date.now() - startedAt);
    // Left installed after the run: a signal that arrives while the process is leaving (e.g. after
    // wait: false) must still be answered with what really happened, not with a silent kill.
    let record;
    onCancellation(io, progress, facts, secrets, () => record, own);
    let provider;
    let healthUrl;
    try {
        const settings = getSettings((name) => getInput(name), process.env, 
        // Every form a server could echo it in goes to the runner's masker too (later steps' logs).
        (secret) => secrets.add(secret).forEach((form) => setSecret(form)));
        own.push(settings.apiUrl, ...(settings.health ? [settings.health.url] : []));
        // The one deadline (`timeout`) bounds everything from here: probes before, the rollback, the check after.
        const deadline = new clock/* Deadline */.B2(clock/* systemClock */.ml, settings.timeoutSeconds * 1000);
        const userAgent = `${ACTION_NAME}/${ACTION_VERSION}`;
        // The record's environment_url is a link people click: the app's address, never its query (a token, say).
        healthUrl = settings.health ? (0,health_status/* safeHealthUrl */.J3)(settings.health.url).split('?')[0] : undefined;
        provider = await createProvider(settings, { deadline, log: io.log, userAgent });
        const github = settings.github;
        const status = await run(settings, {
            provider,
            log: io.log,
            setOutput: io.setOutput,
            progress,
            gate: settings.gate ? healthGate(settings, io, userAgent, deadline, provider.vocabulary.platform) : undefined,
            verify: settings.health ? healthVerifier(settings, io, userAgent, deadline) : undefined,
            beforeTrigger: github
                ? async (plan) => {
                    // Loaded only when used: @actions/github is most of the bundle and most runs never need it.
                    const { startDeploymentRecord } = await Promise.all(/* import() */[__nccwpck_require__.e(119), __nccwpck_require__.e(157), __nccwpck_require__.e(136)]).then(__nccwpck_require__.bind(__nccwpck_require__, 3136));
                    record = startDeploymentRecord({
                        token: github.token,
                        environment: github.environment,
                        description: `Rollback of ${settings.appId || plan.appId} to revision ${plan.revision.id}`.slice(0, 140),
                        env: process.env,
                        log: io.log,
                        payload: { provider: settings.provider, revision_id: plan.revision.id, version: plan.revision.version, previous_version: plan.previousVersion },
                        userAgent,
                        requestTimeoutMs: GITHUB_CALL_MS
                    });
                    // The record is a courtesy: a slow GitHub delays the rollback by this much at most.
                    await record.opened(Math.min(GITHUB_WAIT_MS, deadline.remainingMs()));
                }
                : undefined
        });
        io.writeSummary(renderSummary(summaryFields(progress, status, facts(), secrets, io, own)));
        await record?.finish(status === 'completed' || status === 'triggered' ? 'success' : 'error', `Rollback ${status}`, healthUrl, GITHUB_CALL_MS);
    }
    catch (error) {
        reportFailure(error, io, progress, facts(), secrets, own);
        await record?.finish(progress.changed === 'nothing' ? 'error' : 'failure', `Rollback failed: ${describe(error).title}`.slice(0, 140), undefined, GITHUB_CALL_MS);
    }
    finally {
        provider?.dispose?.();
    }
}
/** Each GitHub call, and the wait for the record before sending, are capped this short. */
const GITHUB_CALL_MS = 4000;
const GITHUB_WAIT_MS = 3000;
/** A cancelled run has about 7.5 s before the runner's SIGTERM; the record's final state gets this much of it. */
const GITHUB_CANCEL_MS = 3000;
/** rollback_when: unhealthy — probe the app before anything reaches the platform. */
function healthGate(settings, io, userAgent, deadline, platform) {
    const health = settings.health;
    const gate = settings.gate;
    return async (soFar) => {
        const { describeProbe, probeBeforeRollback } = await __nccwpck_require__.e(/* import() */ 3).then(__nccwpck_require__.bind(__nccwpck_require__, 7003));
        const lines = (probes, expected) => probes.map((probe) => `${probe.n}. ${probe.at}: ${describeProbe(probe, expected)}`);
        const verdict = await probeBeforeRollback({
            url: health.url,
            matcher: health.matcher,
            failures: gate.failures,
            intervalMs: gate.intervalSeconds * 1000,
            deadline,
            log: io.log,
            userAgent,
            platform,
            // A timeout or a cancel before the verdict still shows the URL and the probes so far.
            onProbe: (url, probes) => soFar({ state: 'not_checked', url, probes: lines(probes, health.matcher.description) })
        });
        return { state: verdict.state, url: verdict.url, probes: lines(verdict.probes, verdict.expected) };
    };
}
/**
 * The health check after completion: the app itself must answer, not just the platform. It
 * draws on the run's one deadline: health_timeout never stretches the run past `timeout`.
 */
function healthVerifier(settings, io, userAgent, deadline) {
    const health = settings.health;
    const shown = (0,health_status/* safeHealthUrl */.J3)(health.url);
    return async () => {
        const { checkHealth } = await __nccwpck_require__.e(/* import() */ 422).then(__nccwpck_require__.bind(__nccwpck_require__, 9422));
        const ownMs = health.timeoutSeconds * 1000;
        const budgetMs = Math.min(ownMs, deadline.remainingMs());
        const cutByTimeout = budgetMs < ownMs;
        const result = await checkHealth({
            url: health.url,
            matcher: health.matcher,
            timeoutSeconds: budgetMs / 1000,
            clock: clock/* systemClock */.ml,
            log: io.log,
            userAgent,
            strictBudget: cutByTimeout
        });
        const last = result.lastStatus !== undefined ? `last answer ${result.lastStatus}` : `last error ${result.lastError ?? 'none'}`;
        if (result.health === 'unhealthy' && cutByTimeout) {
            throw new errors/* TimeoutError */.MU(`The run's timeout (${settings.timeoutSeconds} s) ran out during the health check after the rollback: ${shown} had not answered ${health.matcher.description} 3 times in a row (${last} after ${count(result.attempts, 'attempt')}), so its health is not confirmed. timeout bounds the whole run, health check included: raise timeout to give health_timeout room.`, 
            // The closing sentence says the rollback itself completed on the platform.
            { changed: 'accepted', outcome: 'completed' });
        }
        return result.health === 'healthy'
            ? { state: 'healthy', detail: `${result.consecutive} expected answers in a row (${health.matcher.description}) after ${(result.elapsedMs / 1000).toFixed(1)} s` }
            : {
                state: 'unhealthy',
                detail: `${shown} did not answer ${health.matcher.description} 3 times in a row within health_timeout (${health.timeoutSeconds} s): ${last} after ${count(result.attempts, 'attempt')}. Look at the app's logs.`
            };
    };
}
function summaryFields(progress, status, run, secrets, io, own) {
    return {
        vocabulary: progress.vocabulary,
        appId: progress.appId,
        plan: progress.plan,
        status,
        changed: progress.changed,
        outcome: progress.outcome,
        health: progress.health,
        healthBefore: progress.healthBefore,
        extra: progress.extra,
        run,
        secrets,
        warnings: io.warnings(),
        ownOrigins: [...own, ...[progress.plan?.consoleUrl, run.runUrl].filter((url) => !!url)]
    };
}
function runFacts(env, durationMs) {
    return { durationMs, actor: env.GITHUB_ACTOR || undefined, runUrl: (0,run_url/* runUrl */.V)(env) };
}
/** Title of an unexplained failure: what kind of thing broke, not "Unexpected error" for a network fault. */
function describe(error) {
    if (error instanceof errors/* ActionError */.lZ)
        return { title: error.title, message: error.message, changed: error.changed, outcome: error.outcome };
    if (error instanceof transport_error/* TransportError */.w) {
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
function reportFailure(error, io, progress, run, secrets, own) {
    process.exitCode = 1;
    const { title, message, changed, outcome } = describe(error);
    // The error knows best; otherwise how far the run got decides.
    progress.changed = changed ?? progress.changed;
    progress.outcome = outcome ?? progress.outcome;
    const sentence = changedSentence(progress.changed, progress.vocabulary, progress.outcome);
    const shown = withoutRestatement(message, progress.changed);
    io.error(`${shown}\n${sentence}`, title);
    if (!(error instanceof errors/* ActionError */.lZ) && error instanceof Error && error.stack)
        io.log.debug(error.stack);
    progress.status ??= 'failed';
    setEndingOutputs(io, progress.status, progress);
    io.writeSummary(renderSummary({ ...summaryFields(progress, progress.status, run, secrets, io, own), failure: { title, message: shown } }));
}
/** status, health and health_before are set on every ending, failures and cancellations included, as action.yml says. */
function setEndingOutputs(io, status, progress) {
    try {
        io.setOutput('status', status);
        io.setOutput('health', progress.health?.state ?? 'skipped');
        io.setOutput('health_before', progress.healthBefore?.state ?? 'not_checked');
    }
    catch {
        // all three are always well formed; nothing else to do
    }
}
/**
 * The runner cancels with SIGINT, then SIGTERM. Leave promptly, saying what is still running on
 * the platform, because the engineer decides the next step from that line.
 */
function onCancellation(io, progress, facts, secrets, record, own) {
    const handler = async (signal) => {
        const message = `${describeCancellation(progress)} (${signal})`;
        const title = 'Rollback cancelled';
        const said = `${message}\n${changedSentence(progress.changed, progress.vocabulary, progress.outcome)}`;
        if (progress.status && progress.status !== 'failed') {
            // The run had already ended with its status; the signal only caught it on the way out.
            io.log.warning(said, title);
            // Its record's final state may be on its way: let it land (the first state sent wins).
            const state = progress.status === 'completed' || progress.status === 'triggered' ? 'success' : 'error';
            await record()?.finish(state, `Rollback ${progress.status}`, undefined, GITHUB_CANCEL_MS);
            process.exit(process.exitCode ?? 0);
        }
        io.error(said, title);
        if (!progress.status)
            setEndingOutputs(io, 'cancelled', progress);
        io.writeSummary(renderSummary({ ...summaryFields(progress, progress.status ?? 'cancelled', facts(), secrets, io, own), failure: { title, message } }));
        // A GitHub deployment must not stay in_progress: give it its final state, saying what was sent.
        await record()?.finish('error', `Cancelled: ${changedSentence(progress.changed, progress.vocabulary, progress.outcome)}`, undefined, GITHUB_CANCEL_MS);
        process.exit(1);
    };
    let handling = false;
    const once = (signal) => {
        // The runner sends SIGINT, then SIGTERM: the second signal must not cut the first one's report short.
        if (handling)
            return;
        handling = true;
        void handler(signal);
    };
    process.on('SIGINT', once);
    process.on('SIGTERM', once);
}


/***/ }),

/***/ 8908:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ readPhalaInputs),
/* harmony export */   S: () => (/* binding */ PHALA_DEFAULT_API_URL)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3916);
/* harmony import */ var _inputs_parse_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3718);
/* harmony import */ var _revision_selector_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(6654);



const PHALA_DEFAULT_API_URL = 'https://cloud-api.phala.com/api/v1';
/**
 * Phala's inputs. The official CLI and SDKs read PHALA_CLOUD_API_KEY and PHALA_CLOUD_API_PREFIX,
 * so a workflow that already sets them for those tools works unchanged.
 */
function readPhalaInputs(read, env, mask, common) {
    const apiKey = (0,_inputs_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .parseSecret */ .o7)('api_key', (0,_inputs_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .readInput */ .R5)(read, 'api_key').trim() || (env.PHALA_CLOUD_API_KEY ?? '').trim(), mask);
    if (!apiKey) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('api_key', 'No Phala Cloud API key. Set the api_key input (e.g. api_key: ${{ secrets.PHALA_CLOUD_API_KEY }}) or the PHALA_CLOUD_API_KEY environment variable.');
    }
    const apiUrl = (0,_inputs_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .parseApiUrl */ .nV)((0,_inputs_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .readInput */ .R5)(read, 'api_url').trim() || (env.PHALA_CLOUD_API_PREFIX ?? '').trim() || PHALA_DEFAULT_API_URL, PHALA_DEFAULT_API_URL);
    const appId = parseAppId((0,_inputs_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .readInput */ .R5)(read, 'app_id'));
    const revision = (0,_revision_selector_js__WEBPACK_IMPORTED_MODULE_2__/* .parseRevisionSelector */ .y0)((0,_inputs_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .readInput */ .R5)(read, 'revision') || 'previous', { hashes: true });
    const vmUuids = parseVmUuids((0,_inputs_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .readInput */ .R5)(read, 'vm_uuids'));
    const txRaw = (0,_inputs_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .readInput */ .R5)(read, 'transaction_hash').trim();
    if (txRaw && !/^0x[0-9a-fA-F]{64}$/.test(txRaw)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('transaction_hash', `${(0,_inputs_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .quoteInput */ .Zs)(txRaw)} is not a transaction hash: expected 0x followed by 64 hex characters.`);
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('app_id', 'app_id is required: the hex app id shown in the Phala Cloud dashboard (with or without the app_ prefix).');
    }
    const hex = text.replace(/^app_/i, '');
    if (!/^[0-9a-fA-F]{8,64}$/.test(hex)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('app_id', `${(0,_inputs_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .quoteInput */ .Zs)(text)} is not an app id: expected hex characters (e.g. a1b2c3…), optionally prefixed with app_.`);
    }
    return hex.toLowerCase();
}
function parseVmUuids(raw) {
    const items = (0,_inputs_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .splitList */ .ry)(raw);
    if (items.length === 1 && items[0].toLowerCase() === 'all')
        return 'all';
    const uuids = [];
    for (const item of items) {
        if (item.toLowerCase() === 'all') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('vm_uuids', "'all' cannot be combined with other CVMs; give either 'all' or a list of vm_uuids.");
        }
        // The API lists vm_uuids dashed; a dashless copy (as the SDKs put it in paths) is the same CVM.
        const uuid = (0,_inputs_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .canonicalUuid */ .KJ)(item);
        if (!uuid) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('vm_uuids', `${(0,_inputs_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .quoteInput */ .Zs)(item)} is not a CVM vm_uuid (expected a UUID such as 3f2b9c1e-5d4a-4c2b-9e8f-0a1b2c3d4e5f); separate several with commas, spaces or new lines.`);
        }
        if (!uuids.includes(uuid))
            uuids.push(uuid);
    }
    return uuids;
}


/***/ }),

/***/ 3942:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Eh: () => (/* binding */ readQoveryInputs),
/* harmony export */   bc: () => (/* binding */ authorizationHeader)
/* harmony export */ });
/* unused harmony exports QOVERY_DEFAULT_API_URL, EXECUTION_ID */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3916);
/* harmony import */ var _inputs_parse_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3718);
/* harmony import */ var _revision_selector_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(6654);



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
    const apiKey = (0,_inputs_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .parseSecret */ .o7)('api_key', (0,_inputs_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .readInput */ .R5)(read, 'api_key').trim() || (env.QOVERY_CLI_ACCESS_TOKEN ?? '').trim(), mask);
    if (!apiKey) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('api_key', 'No Qovery API token. Set the api_key input (e.g. api_key: ${{ secrets.QOVERY_API_TOKEN }}) or the QOVERY_CLI_ACCESS_TOKEN environment variable. Create a token in the Qovery console (Organization settings → API token).');
    }
    const apiUrl = (0,_inputs_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .parseApiUrl */ .nV)((0,_inputs_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .readInput */ .R5)(read, 'api_url').trim() || QOVERY_DEFAULT_API_URL, QOVERY_DEFAULT_API_URL);
    const appId = parseEnvironmentId((0,_inputs_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .readInput */ .R5)(read, 'app_id'));
    const revision = (0,_revision_selector_js__WEBPACK_IMPORTED_MODULE_2__/* .parseRevisionSelector */ .y0)((0,_inputs_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .readInput */ .R5)(read, 'revision') || 'previous', { current: true, id: { pattern: EXECUTION_ID, describe: 'an execution id' } });
    if (revision.kind === 'ref')
        revision.revisionId = revision.revisionId.toLowerCase();
    return { ...common, provider: 'qovery', apiKey, apiUrl, appId, revision };
}
function parseEnvironmentId(raw) {
    const text = raw.trim();
    if (!text) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('app_id', "app_id is required: the environment's id (a UUID), as shown in the console URL …/environment/<id>/overview.");
    }
    const uuid = (0,_inputs_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .canonicalUuid */ .KJ)(text);
    if (!uuid) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('app_id', `${(0,_inputs_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .quoteInput */ .Zs)(text)} is not an environment id: expected a UUID such as 3c90c3cc-0d44-4b50-8888-8dd25736052a.`);
    }
    return uuid;
}
/** Qovery API tokens go as `Token …`; a JWT (three base64url parts, e.g. from an OIDC login) as `Bearer …`. */
function authorizationHeader(token) {
    return /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(token) ? `Bearer ${token}` : `Token ${token}`;
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

/***/ 6654:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   qT: () => (/* binding */ FULL_HASH_LENGTH),
/* harmony export */   r5: () => (/* binding */ describeSelector),
/* harmony export */   y0: () => (/* binding */ parseRevisionSelector)
/* harmony export */ });
/* unused harmony export MIN_PREFIX_LENGTH */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3916);
/* harmony import */ var _inputs_parse_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3718);


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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('revision', `revision is empty. Use ${forms.join(', ')}.`);
    }
    const previous = /^previous(?:~(\d+))?$/i.exec(text);
    if (previous) {
        const steps = previous[1] === undefined ? 1 : Number(previous[1]);
        if (!Number.isSafeInteger(steps) || steps < 1 || steps > MAX_STEPS) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('revision', `${(0,_inputs_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .quoteInput */ .Zs)(text)}: N in previous~N must be a whole number from 1 to ${MAX_STEPS}.`);
        }
        return { kind: 'previous', steps, text };
    }
    if (/^previous/i.test(text)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('revision', `${(0,_inputs_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .quoteInput */ .Zs)(text)} is not understood. Write 'previous' or 'previous~N' with N ≥ 1, e.g. previous~2.`);
    }
    if (/^current$/i.test(text)) {
        if (rules.current)
            return { kind: 'current', text };
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('revision', `'current' is not supported on this platform. Use ${forms.join(', ')}.`);
    }
    if (rules.hashes) {
        // Compose hashes come bare or 0x-prefixed, in either case (the full normalisation is Phala's own).
        const hex = text.toLowerCase().replace(/^0x/, '');
        if (/^[0-9a-f]+$/.test(hex) && hex.length >= MIN_PREFIX_LENGTH) {
            if (hex.length > FULL_HASH_LENGTH) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('revision', `${(0,_inputs_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .quoteInput */ .Zs)(text)} has ${hex.length} hex characters; a compose hash has ${FULL_HASH_LENGTH}.`);
            }
            return { kind: 'ref', revisionId: text, hashPrefix: hex, text };
        }
        if (/^0x/i.test(text)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('revision', `${(0,_inputs_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .quoteInput */ .Zs)(text)} looks like a compose hash but is not ${MIN_PREFIX_LENGTH}–${FULL_HASH_LENGTH} hex characters after 0x.`);
        }
    }
    if (!idRule.pattern.test(text)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('revision', `${(0,_inputs_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .quoteInput */ .Zs)(text)} is neither ${forms.join(', ')}.`.replace(/, ([^,]*)\.$/, ' nor $1.'));
    }
    return { kind: 'ref', revisionId: text, text };
}
function describeSelector(selector) {
    if (selector.kind === 'previous')
        return selector.steps === 1 ? "'previous'" : `'previous~${selector.steps}'`;
    return `'${selector.text}'`;
}


/***/ }),

/***/ 8294:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Dk: () => (/* binding */ parseHealthUrl),
/* harmony export */   J3: () => (/* binding */ safeHealthUrl),
/* harmony export */   KI: () => (/* binding */ parseRollbackWhen),
/* harmony export */   Ni: () => (/* binding */ parseHealthTimeout),
/* harmony export */   VM: () => (/* binding */ parseHealthFailures),
/* harmony export */   b6: () => (/* binding */ parseHealthInterval),
/* harmony export */   wX: () => (/* binding */ parseHealthStatus)
/* harmony export */ });
/* unused harmony exports DEFAULT_HEALTH_STATUS, DEFAULT_HEALTH_TIMEOUT_SECONDS, MAX_HEALTH_TIMEOUT_SECONDS, ROLLBACK_WHEN, DEFAULT_HEALTH_FAILURES, DEFAULT_HEALTH_INTERVAL_SECONDS */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3916);
/* harmony import */ var _inputs_parse_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3718);


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
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('health_status', `'${text}' has ${what}: ${EXPECTED_STATUS}.`);
        }
        const low = Number(match[1]);
        const high = match[2] === undefined ? low : Number(match[2]);
        for (const code of [low, high]) {
            if (code < 100 || code > 599) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('health_status', `${code} in '${text}' is not an HTTP status code: codes run from 100 to 599.`);
            }
        }
        if (low > high) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('health_status', `'${item}' in '${text}' is an empty range: write the lower code first (e.g. ${high}-${low}).`);
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
 * the public internet should not be trusted over an unauthenticated channel. A query string may
 * carry a token: its values (and any user info) are masked before anything can echo them.
 */
function parseHealthUrl(raw, mask = () => undefined) {
    const text = raw.trim();
    if (text === '')
        return undefined;
    for (const secret of urlSecrets(text))
        mask(secret);
    let url;
    try {
        url = new URL(text);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('health_url', `'${safeHealthUrl(text)}' is not an absolute URL. Expected e.g. https://app.example.com/health.`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('health_url', `'${safeHealthUrl(text)}' must be an https:// URL.`);
    }
    if (url.username || url.password) {
        // Refused, not stripped: the endpoint evidently wants credentials, and without them every
        // probe would fail, which with rollback_when: unhealthy would roll back a healthy app.
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('health_url', 'The URL must not contain credentials (user:password@): the health check sends none, so the endpoint must answer without them.');
    }
    if (url.protocol === 'http:' && !(0,_inputs_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .isLoopbackHost */ .cW)(url.hostname)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('health_url', `'${url.origin}' uses plain http. Use https (plain http is allowed only for loopback addresses).`);
    }
    url.hash = '';
    return url.href;
}
/** Every piece of a URL that may be a credential: user info and the values of the query string, raw and decoded. */
function urlSecrets(text) {
    const found = [];
    const add = (value) => {
        // Masking a flag like 'true' or '1' would blank it out of every log line, while no credential is that short.
        if (value.length < 4 || /^(?:true|false|json|yaml|text|html|full|none|\d{1,5})$/i.test(value))
            return;
        found.push(value);
        try {
            const decoded = decodeURIComponent(value.replace(/\+/g, ' '));
            if (decoded !== value)
                found.push(decoded);
        }
        catch {
            // not valid percent-encoding: the raw form is masked
        }
    };
    const userInfo = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)@/i.exec(text)?.[1];
    if (userInfo) {
        const colon = userInfo.indexOf(':');
        // The user name alone is not a credential; the password is.
        add(colon === -1 ? userInfo : userInfo.slice(colon + 1));
    }
    const query = text.split('#')[0].split('?').slice(1).join('?');
    for (const pair of query.split(/[&;]/)) {
        const at = pair.indexOf('=');
        add(at === -1 ? pair : pair.slice(at + 1));
    }
    return found;
}
/**
 * The health URL as it may be shown or sent anywhere (log, annotations, summary, the GitHub
 * record's environment_url): user info dropped, every query value replaced by ***. The one place
 * that decides what of the URL is public.
 */
function safeHealthUrl(raw) {
    let url;
    try {
        url = new URL(raw);
    }
    catch {
        const cut = raw.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#]*@/i, '$1').split(/[?#]/)[0];
        return `${cut.slice(0, 80)}${raw.includes('?') ? '?***' : ''}`;
    }
    const query = url.search
        ? `?${url.search
            .slice(1)
            // The separators kept as written (& or ;), so the shown URL is the probed one, values hidden.
            .split(/([&;])/)
            .map((pair, i) => {
            if (i % 2 === 1)
                return pair;
            const at = pair.indexOf('=');
            return at === -1 ? '***' : `${pair.slice(0, at)}=***`;
        })
            .join('')}`
        : '';
    return `${url.protocol}//${url.host}${url.pathname}${query}`;
}
const ROLLBACK_WHEN = ['always', 'unhealthy'];
const DEFAULT_HEALTH_FAILURES = 3;
const DEFAULT_HEALTH_INTERVAL_SECONDS = 10;
/** `rollback_when`: always (default) or unhealthy (probe health_url first, roll back only if it fails). */
function parseRollbackWhen(raw) {
    const text = raw.trim().toLowerCase() || 'always';
    if (!ROLLBACK_WHEN.includes(text)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('rollback_when', `'${raw.trim().slice(0, 40)}' is not supported: expected 'always' (roll back whatever the app answers) or 'unhealthy' (roll back only when health_url fails).`);
    }
    return text;
}
/** `health_failures`: failed probes in a row that make the app unhealthy, 1 to 100, default 3. */
function parseHealthFailures(raw) {
    return wholeNumber('health_failures', raw, DEFAULT_HEALTH_FAILURES, 1, 100, 'failed probes in a row');
}
/** `health_interval`: seconds between the starts of two probes, 1 to 600, default 10. */
function parseHealthInterval(raw) {
    return wholeNumber('health_interval', raw, DEFAULT_HEALTH_INTERVAL_SECONDS, 1, 600, 'seconds between probes');
}
function wholeNumber(input, raw, fallback, min, max, what) {
    const text = raw.trim() || String(fallback);
    if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `'${text.slice(0, 40)}' is not a number of ${what}: expected a whole number from ${min} to ${max} (e.g. ${fallback}).`);
    }
    return Number(text);
}
/** `health_timeout`: whole seconds from 1 to 3600, default 300. */
function parseHealthTimeout(raw) {
    const text = raw.trim() || String(DEFAULT_HEALTH_TIMEOUT_SECONDS);
    if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > MAX_HEALTH_TIMEOUT_SECONDS) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('health_timeout', `'${text}' is not a health timeout: expected a whole number of seconds from 1 to ${MAX_HEALTH_TIMEOUT_SECONDS} (e.g. ${DEFAULT_HEALTH_TIMEOUT_SECONDS}).`);
    }
    return Number(text);
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
