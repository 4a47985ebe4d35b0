export const id = 874;
export const ids = [874];
export const modules = {

/***/ 8874:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createQoveryProvider: () => (/* binding */ createQoveryProvider)
});

// UNUSED EXPORTS: QOVERY_VOCABULARY, outputName

// EXTERNAL MODULE: ./src/http/api-client.ts
var api_client = __webpack_require__(3838);
// EXTERNAL MODULE: ./src/revision-selector.ts
var revision_selector = __webpack_require__(6654);
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

// EXTERNAL MODULE: ./src/http/retry-policy.ts
var retry_policy = __webpack_require__(7593);
;// CONCATENATED MODULE: ./src/providers/qovery/rate-pace.ts

/**
 * Qovery allows 1000 requests per hour per token and reports what is left in X-RateLimit-*
 * headers, X-RateLimit-Reset a Unix time (Qovery/documentation docs/api-reference/introduction.mdx,
 * "Rate Limits"; the sandbox and PLATFORMS.md follow it). Several rollbacks, or other jobs, may
 * share one token, and each sees only those headers. So a rollback paces its polls from them:
 *
 * - The token may spend what is left evenly until the reset, and never faster than the documented
 *   hourly rate, with a margin for consumers that do not pace: `allowance = MARGIN ×
 *   min(remaining / (reset − now), limit / hour)`, all consumers together.
 * - It shares that allowance with the consumers it cannot see: they show up as `remaining` falling
 *   faster than its own requests. Over the last few minutes, the token's drop per request of its
 *   own estimates how many consumers poll alongside it (three rollbacks at one pace: 3), and its
 *   rate is `allowance / consumers`, plus a small bump that is the same for all (FAIRNESS_PULL).
 *   Consumers following this rule see the same remaining, reset and allowance; the bump pulls
 *   their rates together, so they settle on one interval and split the budget evenly.
 * - The interval never exceeds MAX_GAP_MS while more than a small reserve is left, so no rollback
 *   learns of its outcome more than a minute late. Only when the reserve is reached does a poll
 *   wait for the reset (a log line says so); the reserve keeps the reads that prove the result.
 * - Quick start: the first polls after a deploy request come 2 s apart, growing to 10 s, since a
 *   deployment's first seconds (queued, started, failed at once) matter; they spend a handful of
 *   requests and are skipped only when the budget is already tight.
 */
const FIRST_POLL_MS = 2000;
const SETTLED_POLL_MS = 10_000;
/** The longest wait between two polls while the token has more than its reserve left. */
const MAX_GAP_MS = 60_000;
/** The share of the even spread the pacing consumers aim for; the rest is left to consumers that do not pace. */
const MARGIN = 0.7;
/** How far back the token's drop is compared with this rollback's own requests. */
const ESTIMATE_WINDOW_MS = 180_000;
/**
 * The common bump, as a share of the allowance. A rollback that polls faster than the others
 * counts fewer consumers and, from the count alone, would keep its lead; the bump, the same for
 * all, shrinks the differences by about this share at each poll. Consumers together then spend
 * `1 + consumers × FAIRNESS_PULL` of the allowance: three rollbacks 0.7 × 1.24 of the even spread,
 * ten 0.7 × 1.8 (more than even, but a share of what is left always leaves some until the reset).
 */
const FAIRNESS_PULL = 0.08;
const GROWTH = 1.25;
/** Qovery's documented window. */
const HOUR_MS = 3_600_000;
/** Past the reset time, a poll waits a little longer so it lands in the new window. */
const RESET_MARGIN_MS = 1000;
function readRateBudget(headers, now, previous = {}) {
    const num = (name) => {
        const raw = headers[name];
        const text = Array.isArray(raw) ? raw[0] : raw;
        return text !== undefined && /^\d+$/.test(text.trim()) ? Number(text.trim()) : undefined;
    };
    const limit = num('x-ratelimit-limit');
    const remaining = num('x-ratelimit-remaining');
    if (limit === undefined && remaining === undefined)
        return previous;
    const untilReset = (0,retry_policy/* parseRateLimitReset */.yq)(headers['x-ratelimit-reset'], now);
    return { limit: limit ?? previous.limit, remaining, resetAt: untilReset === undefined ? undefined : now + untilReset };
}
/** The quick-start schedule: 2 s, growing by a quarter each round, settling at 10 s. */
function baseDelayMs(round) {
    return Math.min(SETTLED_POLL_MS, Math.round(FIRST_POLL_MS * GROWTH ** round));
}
/**
 * One rollback's view of its token: every answer's X-RateLimit-* headers, in order, within the
 * current window. Each answer is one request of this rollback's own.
 */
class TokenPace {
    samples = [];
    /** Records one answer's budget (after each request of this rollback). */
    observe(budget, now) {
        const { remaining, resetAt } = budget;
        if (remaining === undefined)
            return;
        const last = this.samples.at(-1);
        // A new window (the reset moved on, or more is left than before): the old drop says nothing now.
        const newWindow = last && (remaining > last.remaining || (resetAt !== undefined && last.resetAt !== undefined && Math.abs(resetAt - last.resetAt) > 2000));
        if (newWindow)
            this.samples = [];
        this.samples.push({ at: now, remaining, ...(resetAt !== undefined ? { resetAt } : {}) });
        // Keep the window's span, and at least the last two answers.
        while (this.samples.length > 2 && now - this.samples[0].at > ESTIMATE_WINDOW_MS)
            this.samples.shift();
    }
    /**
     * Consumers polling the token, this rollback included: the token's drop per request of its own
     * over the estimate window (at least 1).
     */
    consumers() {
        const first = this.samples[0];
        const last = this.samples.at(-1);
        if (!first || !last || this.samples.length < 2)
            return 1;
        return Math.max(1, (first.remaining - last.remaining) / (this.samples.length - 1));
    }
    /** Requests kept back for the reads that prove the result: two, and one for each consumer. */
    reserve() {
        return 2 + Math.ceil(this.consumers());
    }
    /** Milliseconds to wait before poll `round` (0 = first poll after the trigger), and why. */
    delay(round, limit, now) {
        const base = baseDelayMs(round);
        const last = this.samples.at(-1);
        const consumers = this.consumers();
        if (!last || !limit || last.resetAt === undefined || last.resetAt <= now)
            return { ms: base, consumers };
        const untilReset = last.resetAt - now;
        if (last.remaining <= this.reserve())
            return { ms: Math.max(base, untilReset + RESET_MARGIN_MS), reason: 'reset', consumers };
        const allowance = MARGIN * Math.min(last.remaining / untilReset, limit / HOUR_MS);
        const share = Math.round(1 / (allowance / consumers + FAIRNESS_PULL * allowance));
        // The quick start spends a handful of requests; it gives way only when the share is already past the gap bound.
        if (base < SETTLED_POLL_MS && share <= MAX_GAP_MS)
            return { ms: base, consumers };
        const ms = Math.min(MAX_GAP_MS, Math.max(SETTLED_POLL_MS, share));
        return ms > SETTLED_POLL_MS ? { ms, reason: 'sharing', consumers } : { ms, consumers };
    }
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
/** What else than the version a service's history details record: the image, the chart, the values-override commit. */
function provenanceOf(type, details) {
    if (!shapes_isObject(details))
        return {};
    const out = {};
    if ((type === 'CONTAINER' || type === 'JOB') && !shapes_isObject(details.commit))
        out.image = optStr(details, 'image_name');
    if (type === 'HELM') {
        out.chart = shapes_isObject(details.repository) ? optStr(details.repository, 'chart_name') : undefined;
        // The document names no field for it; read the DeployAllRequest's name, or a Commit object beside `commit`.
        out.valuesOverride =
            optStr(details, 'values_override_git_commit_id') ?? (shapes_isObject(details.values_override_commit) ? optStr(details.values_override_commit, 'git_commit_id') : undefined);
    }
    return out;
}
/** The rows of one page of the history, at most `limit` of them (a server may ignore pageSize). */
function parseHistoryPage(endpoint, body, limit = Number.POSITIVE_INFINITY) {
    if (!shapes_isObject(body))
        throw shapeError(endpoint, 'the body is not an object');
    const results = body.results ?? [];
    if (!Array.isArray(results))
        throw shapeError(endpoint, "'results' is not a list");
    return { executions: results.slice(0, limit).map((item, index) => parseExecution(endpoint, item, index)), rows: results.length };
}
function parseExecution(endpoint, item, index) {
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
            services.push({ id, name: optStr(service.identifier, 'name') ?? id, type, version: found?.version, field: found?.field, ...provenanceOf(type, service.details) });
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
}
/** GET /environment/{id}/deploymentQueue: the requests waiting, in the order they will run. */
function parseQueue(endpoint, body) {
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
        const serviceIds = [];
        const serviceNames = [];
        for (const stage of Array.isArray(item.stages) ? item.stages : []) {
            if (!shapes_isObject(stage) || !Array.isArray(stage.services))
                continue;
            for (const service of stage.services) {
                if (!shapes_isObject(service) || !shapes_isObject(service.identifier))
                    continue;
                const id = optStr(service.identifier, 'service_id')?.toLowerCase();
                if (!id || serviceIds.includes(id))
                    continue;
                serviceIds.push(id);
                serviceNames.push(optStr(service.identifier, 'name') ?? id);
            }
        }
        return {
            requestId: str(endpoint, item.identifier, 'deployment_request_id', `${where}.identifier`).toLowerCase(),
            action: optStr(item, 'trigger_action') ?? 'UNKNOWN',
            triggeredBy: optStr(auditing, 'triggered_by') ?? '',
            serviceIds,
            serviceNames
        };
    });
}
/** GET /environment/deploymentStatus?deploymentRequestId=: the state of one request (EnvDeploymentStatus). */
function parseRequestStatus(endpoint, body) {
    if (!shapes_isObject(body))
        throw shapeError(endpoint, 'the body is not an object');
    return str(endpoint, body, 'status', 'body');
}
function parseEnvironment(endpoint, body) {
    if (!shapes_isObject(body))
        throw shapeError(endpoint, 'the body is not an object');
    const ref = (key) => (shapes_isObject(body[key]) ? optStr(body[key], 'id') : undefined);
    return { organizationId: ref('organization'), projectId: ref('project') };
}

;// CONCATENATED MODULE: ./src/providers/qovery/qovery-api.ts



/** Rows per history page; the next page starts after the last execution id read (`startId`). */
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
    /** Every answer's budget in order, to pace polls fairly with whoever else uses the token. */
    pace = new TokenPace();
    /** The last pacing the log told of, so it is told once. */
    paceNote = '';
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
    /**
     * One page of the history, newest first, from after `startId` (the operation's documented
     * paging). At most `limit` rows are kept; `rows` says how many the server sent.
     */
    async historyPage(doing, startId, limit = HISTORY_PAGE_SIZE) {
        const query = { pageSize: HISTORY_PAGE_SIZE };
        if (startId)
            query.startId = startId;
        const response = await this.read(`/environment/${this.environmentId}/deploymentHistoryV2`, query, doing);
        return parseHistoryPage(response.endpoint, response.body, limit);
    }
    /** The newest page of the history. */
    async history(doing) {
        return (await this.historyPage(doing)).executions;
    }
    /** The deploy requests waiting behind the running deployment, in the order they will run. */
    async queue(doing) {
        const response = await this.read(`/environment/${this.environmentId}/deploymentQueue`, undefined, doing);
        return parseQueue(response.endpoint, response.body);
    }
    /** The state of one deploy request; undefined when the API does not know the id (404). */
    async requestStatus(requestId, doing) {
        const response = await this.client.read({ method: 'GET', path: '/environment/deploymentStatus', query: { deploymentRequestId: requestId } });
        this.noteBudget(response);
        if (response.status === 404)
            return undefined;
        if (response.status < 200 || response.status >= 300)
            throw explainFailure(response, { environmentId: this.environmentId, doing, changed: this.changed });
        return parseRequestStatus(response.endpoint, response.body);
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
                    add('helms', { id: service.id, [service.field]: service.version, ...(service.valuesOverride ? { values_override_git_commit_id: service.valuesOverride } : {}) });
                    break;
            }
        }
        return this.send(`/environment/${this.environmentId}/service/deploy`, body);
    }
    async send(path, body) {
        const response = await this.client.send({ method: 'POST', path, body });
        this.noteBudget(response);
        return response;
    }
    noteBudget(response) {
        const now = this.now();
        this.budget = readRateBudget(response.headers, now, this.budget);
        this.pace.observe(this.budget, now);
    }
    async read(path, query, doing) {
        const response = await this.client.read({ method: 'GET', path, query });
        this.noteBudget(response);
        if (response.status < 200 || response.status >= 300) {
            throw explainFailure(response, { environmentId: this.environmentId, doing, changed: this.changed });
        }
        return response;
    }
}

;// CONCATENATED MODULE: ./src/providers/qovery/history-reader.ts

/** The most executions a run reads, whatever the server sends: a bound on time, requests and memory. */
const MAX_HISTORY_ROWS = 1000;
/**
 * Reads the environment's deployment history page by page, only as far as the resolution needs,
 * and never more than MAX_HISTORY_ROWS rows in all: the cap counts rows, so a server that ignores
 * pageSize cannot make the run read more, and a server that ignores startId (the same page again)
 * is noticed at once instead of being read until the cap. What was really read is kept for
 * messages.
 */
class HistoryReader {
    api;
    doing;
    executions = [];
    seen = new Set();
    pages = 0;
    ended = false;
    anomaly;
    constructor(api, doing) {
        this.api = api;
        this.doing = doing;
    }
    /** Whether another page may hold more executions. */
    get complete() {
        return this.ended;
    }
    /** Reads the next page; false when there is nothing more to read (end, cap, or a misbehaving server). */
    async more() {
        if (this.ended)
            return false;
        const room = MAX_HISTORY_ROWS - this.executions.length;
        const startId = this.executions.at(-1)?.executionId;
        const page = await this.api.historyPage(this.doing, startId, room);
        this.pages++;
        const fresh = page.executions.filter((execution) => !this.seen.has(execution.executionId));
        if (page.executions.length > 0 && fresh.length === 0) {
            this.anomaly = `the server answered page ${this.pages} with page ${this.pages - 1} again (it ignored startId), so paging stopped`;
            this.ended = true;
            return false;
        }
        if (fresh.length < page.executions.length)
            this.anomaly = `page ${this.pages} repeated ${page.executions.length - fresh.length} execution(s) already read; they were skipped`;
        for (const execution of fresh) {
            this.seen.add(execution.executionId);
            this.executions.push(execution);
        }
        if (page.rows > HISTORY_PAGE_SIZE) {
            // Every row is already here: asking again would only repeat them.
            this.anomaly = `the server ignored pageSize (${page.rows} rows for pageSize ${HISTORY_PAGE_SIZE}); the action kept ${Math.min(page.rows, room)}`;
            this.ended = true;
        }
        else if (page.rows < HISTORY_PAGE_SIZE)
            this.ended = true;
        if (this.executions.length >= MAX_HISTORY_ROWS) {
            this.ended = true;
            this.anomaly ??= `the action reads at most ${MAX_HISTORY_ROWS} executions`;
        }
        return fresh.length > 0;
    }
    /** What went wrong while paging (ignored pageSize, a repeated page, the cap), if anything. */
    get note() {
        return this.anomaly;
    }
    /** "searched 300 executions (3 pages)", with what went wrong, for messages. */
    describe() {
        const n = this.executions.length;
        const pages = `${this.pages} page${this.pages === 1 ? '' : 's'}`;
        return `searched ${n} execution${n === 1 ? '' : 's'} in ${pages}${this.anomaly ? `; ${this.anomaly}` : ''}`;
    }
}

;// CONCATENATED MODULE: ./src/providers/qovery/resolve-target.ts


/** The history read so far did not reach back far enough; reading more of it may settle it. */
class NotEnoughHistory extends errors/* ActionError */.lZ {
}
const FINISHED = new Set(['SUCCESS', 'ERROR', 'CANCELED']);
/**
 * Executions that may have changed a version: finished DEPLOYs, whether they succeeded or not (a
 * failed or cancelled one may have rolled some services out). Dry runs, restarts, stops and
 * deletes change no version, and a deploy still queued or running has changed nothing yet.
 */
function isDeploy(execution) {
    return execution.triggerAction === 'DEPLOY' && FINISHED.has(execution.actionStatus);
}
/** Versions to go back to come only from deployments that succeeded. */
function isCandidate(execution) {
    return execution.triggerAction === 'DEPLOY' && execution.actionStatus === 'SUCCESS';
}
/**
 * What each service runs now: its version in the newest deploy execution that lists it, whether
 * that execution succeeded or not (a failed deployment may have left the new version
 * half-rolled-out, and it is what the user wants to leave). Executions may list only the services
 * they touched; dry runs and restarts are not what runs.
 */
function currentVersions(executions) {
    const current = new Map();
    for (const execution of executions) {
        if (!isDeploy(execution))
            continue;
        for (const service of execution.services) {
            if (service.version !== undefined && !current.has(service.id))
                current.set(service.id, { version: service.version, name: service.name, service, executionId: execution.executionId });
        }
    }
    return current;
}
const versioned = (execution) => execution.services.filter((service) => service.version !== undefined);
/** A service's entry in the newest execution from `from` on (older ones) that passes `accept` and lists it with a version. */
function versionFrom(executions, from, id, accept) {
    for (let index = from; index < executions.length; index++) {
        const execution = executions[index];
        if (!accept(execution))
            continue;
        const service = execution.services.find((s) => s.id === id && s.version !== undefined);
        if (service)
            return { service, execution };
    }
    return undefined;
}
/** Whether the deploy at `index` changed some service's version (a redeploy of the same versions changes nothing). */
function changedSomething(executions, index) {
    const execution = executions[index];
    if (!isDeploy(execution))
        return false;
    return versioned(execution).some((service) => versionFrom(executions, index + 1, service.id, isDeploy)?.service.version !== service.version);
}
const label = (service) => `${service.name} (${service.type.toLowerCase()})`;
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
/**
 * Settles which version each service goes back to, from the history (newest first) and the
 * services that exist now. Executions may list only the services they deployed, so:
 * - `previous~N` undoes the newest N deploy executions that changed a version (successful or
 *   not): each service any of them listed goes back to its newest version from a successful
 *   execution older than the oldest of them; other services are left alone.
 * - an execution id puts the environment back as it was right after that execution: each
 *   service to its version then; services with no version then are left alone, with a warning.
 * - `current` redeploys every service as it is.
 * `searched` describes what was read, for messages ("searched 100 executions in 1 page").
 */
function resolveTarget(executions, selector, existing, searched, complete = true) {
    const byId = new Map(existing.map((service) => [service.id, service]));
    const current = currentVersions(executions);
    const read = searched ?? `searched ${plural(executions.length, 'execution')}`;
    const nameOf = (id) => current.get(id)?.name ?? executions.flatMap((e) => e.services).find((s) => s.id === id)?.name ?? `${byId.get(id)?.type.toLowerCase() ?? 'service'} ${id}`;
    const base = { searched: executions.length, leftAlone: [], undone: [] };
    if (selector.kind === 'current') {
        const services = existing.map((service) => {
            const version = current.get(service.id)?.version ?? '';
            return { id: service.id, name: nameOf(service.id), type: service.type, state: service.state, from: version, to: version };
        });
        return { ...base, target: executions[0], services, changes: services, warnings: [] };
    }
    const warnings = [];
    const wanted = new Map();
    const leftAlone = [];
    let target;
    let undone = [];
    if (selector.kind === 'previous') {
        const indexes = [];
        for (let index = 0; index < executions.length && indexes.length < selector.steps; index++)
            if (changedSomething(executions, index))
                indexes.push(index);
        if (indexes.length < selector.steps) {
            const Err = complete ? errors/* ActionError */.lZ : NotEnoughHistory;
            const title = 'No earlier version to roll back to';
            throw new Err(title, `${(0,revision_selector/* describeSelector */.r5)(selector)} undoes the newest ${plural(selector.steps, 'deployment')} that changed a version, but the history holds ${indexes.length} (${read}). Choose a smaller N, or give an execution id from the environment's deployment history.`, { changed: 'nothing' });
        }
        undone = indexes.map((index) => executions[index]);
        const oldest = indexes.at(-1);
        const touched = new Map();
        for (const execution of undone)
            for (const service of versioned(execution))
                if (!touched.has(service.id))
                    touched.set(service.id, service);
        for (const [id, service] of touched) {
            const before = versionFrom(executions, oldest + 1, id, isCandidate);
            if (before)
                wanted.set(id, before);
            else if (!complete)
                throw new NotEnoughHistory('No earlier version to roll back to', `${service.name} has no earlier successful version in what was read (${read}).`, { changed: 'nothing' });
            else if (byId.has(id))
                leftAlone.push({
                    id,
                    name: service.name,
                    type: service.type,
                    reason: `no successful deployment before execution ${executions[oldest].executionId} in the history (${read})`
                });
        }
        target = executions.slice(oldest + 1).find(isCandidate) ?? executions[oldest];
        if (![...wanted.keys()].some((id) => byId.has(id))) {
            throw new errors/* ActionError */.lZ('No earlier version to roll back to', `${(0,revision_selector/* describeSelector */.r5)(selector)} undoes ${undone.map((e) => `execution ${e.executionId}`).join(', ')}, but none of the services ${undone.length === 1 ? 'it' : 'they'} deployed has an earlier successful version that still exists (${read}). Give an execution id from the environment's deployment history instead.`, { changed: 'nothing' });
        }
    }
    else {
        const index = executions.findIndex((execution) => execution.executionId === selector.revisionId);
        if (index < 0) {
            const Err = complete ? errors/* ActionError */.lZ : NotEnoughHistory;
            const title = 'Execution not found';
            throw new Err(title, `No execution ${selector.text} in the environment's deployment history (${read}). Copy an execution id from the deployment history in the Qovery console, or use 'previous'.`, { changed: 'nothing' });
        }
        target = executions[index];
        if (target.triggerAction !== 'DEPLOY') {
            warnings.push(`Execution ${target.executionId} was a ${target.triggerAction}, which changes no version: the environment goes back to the versions that ran then.`);
        }
        else if (target.actionStatus !== 'SUCCESS') {
            warnings.push(`Execution ${target.executionId} was a ${target.triggerAction} that ended ${target.actionStatus}; its versions are used as asked.`);
        }
        // Right after the target: its own versions, and for the rest the newest successful deployment before it.
        if (target.triggerAction === 'DEPLOY')
            for (const service of versioned(target))
                wanted.set(service.id, { service, execution: target });
        for (const service of existing) {
            if (wanted.has(service.id))
                continue;
            const then = versionFrom(executions, index + 1, service.id, isCandidate);
            if (then)
                wanted.set(service.id, then);
            else if (current.has(service.id)) {
                // Only a signal to read further: never shown, since the history then ends or reaches the cap.
                if (!complete)
                    throw new NotEnoughHistory('Reading more history', `${nameOf(service.id)}'s version at execution ${target.executionId} is older than what was read.`);
                leftAlone.push({ id: service.id, name: nameOf(service.id), type: service.type, reason: `no version recorded at or before execution ${target.executionId}` });
            }
        }
    }
    const services = [];
    const gone = [];
    for (const [id, { service, execution }] of wanted) {
        const now = byId.get(id);
        if (!now) {
            gone.push(`${service.name} (${service.type.toLowerCase()} ${id})`);
            continue;
        }
        services.push({
            id,
            name: service.name,
            type: service.type,
            state: now.state,
            from: current.get(id)?.version ?? '',
            to: service.version,
            field: service.field,
            valuesOverride: service.type === 'HELM' ? service.valuesOverride : undefined,
            source: execution.executionId
        });
    }
    const handled = new Set([...services.map((s) => s.id), ...leftAlone.map((s) => s.id)]);
    for (const service of existing) {
        if (handled.has(service.id))
            continue;
        const reason = !current.has(service.id)
            ? 'the history records no version for it'
            : selector.kind === 'previous'
                ? `not deployed by ${undone.length === 1 ? `execution ${undone[0].executionId}` : `the ${undone.length} executions undone`}`
                : `no version recorded at or before execution ${target.executionId}`;
        leftAlone.push({ id: service.id, name: nameOf(service.id), type: service.type, reason });
    }
    if (gone.length)
        warnings.push(`Skipped, no longer in the environment: ${gone.join(', ')}.`);
    const noVersion = leftAlone.filter((s) => !current.has(s.id));
    const untouched = leftAlone.filter((s) => current.has(s.id));
    if (untouched.length)
        warnings.push(`Left as they are: ${untouched.map((s) => `${label(s)}: ${s.reason}`).join('; ')}.`);
    if (noVersion.length)
        warnings.push(`Not sent, the history records no version for them: ${noVersion.map(label).join(', ')}.`);
    if (selector.kind === 'previous')
        refuseUndo(executions, services, selector, current);
    warnings.push(...provenanceWarnings(services, current, wanted));
    return { ...base, target, undone, services, changes: services.filter((service) => service.from !== service.to), leftAlone, warnings };
}
/**
 * `previous` must not silently undo a rollback: when the versions running now also ran before
 * the ones it would restore, going "back" most likely re-deploys the release that was rolled
 * back from. Refused, naming the execution, so doing it takes a deliberate choice.
 */
function refuseUndo(executions, services, selector, current) {
    const changed = services.filter((service) => service.from !== service.to && current.has(service.id));
    if (changed.length === 0)
        return;
    const sources = new Set(changed.map((service) => service.source));
    const ranBefore = changed.every((service) => {
        const sourceIndex = executions.findIndex((e) => e.executionId === service.source);
        return executions.slice(sourceIndex + 1).some((e) => isCandidate(e) && e.services.some((s) => s.id === service.id && s.version === service.from));
    });
    if (!ranBefore)
        return;
    const list = changed.map((service) => `${service.name} ${service.from} → ${service.to}`).join(', ');
    const source = [...sources][0];
    throw new errors/* ActionError */.lZ('Refused: this would undo an earlier rollback', `${(0,revision_selector/* describeSelector */.r5)(selector)} would put back what execution${sources.size === 1 ? '' : 's'} ${[...sources].join(', ')} deployed (${list}), but the versions running now also ran before ${sources.size === 1 ? 'it' : 'them'}: the environment was most likely rolled back from there, and going "back" would re-deploy it. Nothing was sent. To do that on purpose, pass revision: ${source}.`, { changed: 'nothing' });
}
/**
 * The action restores versions only. When the image, the chart or the values override recorded
 * with the target differs from what runs now, the service comes back on today's image or chart:
 * said before anything is sent. A helm's values-override commit is sent when the history has it.
 */
function provenanceWarnings(services, current, wanted) {
    const notes = [];
    for (const change of services) {
        const then = wanted.get(change.id)?.service;
        const now = current.get(change.id)?.service;
        if (!then || !now)
            continue;
        if (then.image && now.image && then.image !== now.image)
            notes.push(`${change.name}: execution ${change.source} ran image ${then.image}, today it is ${now.image}. The action restores the tag ${change.to} only, on today's image; change the image in the service settings first if the old one is needed.`);
        if (then.chart && now.chart && then.chart !== now.chart)
            notes.push(`${change.name}: execution ${change.source} ran chart ${then.chart}, today it is ${now.chart}. The action restores the chart version ${change.to} only, of today's chart.`);
        if (now.valuesOverride && then.valuesOverride !== now.valuesOverride)
            notes.push(then.valuesOverride
                ? `${change.name}: the values override goes back from commit ${now.valuesOverride} to ${then.valuesOverride}, as execution ${change.source} ran it.`
                : `${change.name}: execution ${change.source} recorded no values-override commit; today's (${now.valuesOverride}) stays.`);
    }
    return notes;
}

// EXTERNAL MODULE: ./src/trust/send-once.ts + 1 modules
var send_once = __webpack_require__(8469);
// EXTERNAL MODULE: ./src/trust/trigger-tracker.ts
var trigger_tracker = __webpack_require__(323);
;// CONCATENATED MODULE: ./src/providers/qovery/find-ours.ts

/**
 * Reads the environment before the send: the status, the newest history page and the queue. A
 * request the rollback makes can only be told apart from what was already there by comparing.
 */
async function readBaseline(ctx) {
    const status = await ctx.api.status('reading the environment status before the deploy request');
    const history = await ctx.api.history('reading the newest executions before the deploy request');
    const queue = await readQueue(ctx, "reading the environment's deployment queue before the deploy request");
    if (!queue)
        ctx.log.info('The deployment queue could not be read; the rollback goes on without it (a queued request cannot be named before sending).');
    return { lastDeploymentId: status.lastDeploymentId, requestId: status.deploymentRequestId, executionIds: new Set(history.map((e) => e.executionId)), queue: queue ?? [] };
}
/** The queue, or undefined when it cannot be read: it only adds knowledge, so its failure alone never stops a rollback. */
async function readQueue(ctx, doing) {
    try {
        return await ctx.api.queue(doing);
    }
    catch (error) {
        if (error instanceof errors/* ActionError */.lZ && !(error instanceof errors/* TimeoutError */.MU))
            return undefined;
        throw error;
    }
}
/**
 * Whether an execution is this run's: new since the send, a DEPLOY (another person's RESTART or
 * STOP never is), listing every service the rollback sent on the version it sent.
 */
function isOurExecution(execution, baseline, targets) {
    if (baseline.executionIds.has(execution.executionId) || execution.executionId === baseline.lastDeploymentId || execution.triggerAction !== 'DEPLOY')
        return false;
    return [...targets].every(([id, version]) => execution.services.some((service) => service.id === id && service.version === version));
}
/**
 * A queued request that carries this run's services and was not in the queue before the send; or
 * a request that was queued before and now also lists them (Qovery merged ours into it). The
 * queue shows no versions, so only the services can be compared.
 */
function ourQueuedRequest(queue, baseline, targets) {
    const carries = (request) => request.action === 'DEPLOY' && [...targets.keys()].every((id) => request.serviceIds.includes(id));
    for (const request of queue) {
        const before = baseline.queue.find((old) => old.requestId === request.requestId);
        if (!before && carries(request))
            return { request, merged: false };
        if (before && !carries(before) && carries(request))
            return { request, merged: true };
    }
    return undefined;
}
/**
 * One look for this run's deployment in the status, the history and the queue: a queued rollback
 * is in neither of the first two. 'unread' when the queue could not be read: then the absence of
 * a trace proves nothing.
 */
async function lookForOurs(ctx, baseline, targets, doing) {
    const status = await ctx.api.status(doing);
    const history = await ctx.api.history(doing);
    const execution = history.find((e) => isOurExecution(e, baseline, targets));
    if (execution) {
        const requestId = status.lastDeploymentId === execution.executionId ? status.deploymentRequestId : undefined;
        return { executionId: execution.executionId, requestId, where: `execution ${execution.executionId} in the history` };
    }
    const queue = await readQueue(ctx, doing);
    if (!queue)
        return 'unread';
    const queued = ourQueuedRequest(queue, baseline, targets);
    if (queued)
        return {
            requestId: queued.request.requestId,
            where: `request ${queued.request.requestId} in the deployment queue${queued.merged ? ' (merged into a request queued before)' : ''}`
        };
    return undefined;
}

;// CONCATENATED MODULE: ./src/providers/qovery/deployment-state.ts
/**
 * States a deployment ends well in. Not READY: Qovery's Terraform provider keeps waiting on it
 * (Qovery/terraform-provider-qovery internal/infrastructure/repositories/qoveryapi/
 * deployment_status_qoveryapi.go lists READY "in progress" when a desired state is awaited).
 */
const SUCCESS_STATES = new Set(['DEPLOYED', 'RESTARTED']);
/** States a deployment ends badly in, besides every *_ERROR. */
const FAILED_END_STATES = new Set(['CANCELED', 'STOPPED', 'DELETED']);
function phaseOf(state) {
    if (SUCCESS_STATES.has(state))
        return 'succeeded';
    if (state.endsWith('_ERROR') || FAILED_END_STATES.has(state))
        return 'failed';
    return 'running';
}
/**
 * Whether another operation still holds the environment. `state` is the whole environment's
 * status and serves here: anything in progress is busy (READY included, see above).
 */
function isBusy(status) {
    return phaseOf(status.state) === 'running' && status.state !== 'UNAVAILABLE';
}
/**
 * Whether the status describes this run's deployment. Right after the trigger the status can
 * still show the previous deployment's terminal state (the official CLI sleeps 3 s to dodge
 * it); a status is ours only when it names our request or execution, or (without either) a
 * deployment that was not there before the send.
 */
function isOurs(status, ticket) {
    if (ticket.executionId && status.lastDeploymentId === ticket.executionId)
        return true;
    // A request id the status still shows from before proves nothing either way; only a newer one can be compared.
    if (ticket.requestId && status.deploymentRequestId && status.deploymentRequestId !== ticket.baseline.requestId)
        return status.deploymentRequestId === ticket.requestId;
    if (ticket.requestId || ticket.executionId)
        return false;
    return status.lastDeploymentId !== undefined && status.lastDeploymentId !== ticket.baseline.lastDeploymentId && !ticket.baseline.executionIds.has(status.lastDeploymentId);
}

;// CONCATENATED MODULE: ./src/providers/qovery/poll-delay.ts
/**
 * The wait before the next poll of round `round`, from the token's pace (rate-pace.ts). Says in
 * the log when polls are spread out to share the token, and always when a poll waits for the
 * token's reset, so a long silence is never a mystery.
 */
function pollDelay(ctx, round) {
    const { api, deadline, log } = ctx;
    const now = deadline.clock.now();
    const delay = api.pace.delay(round, api.budget.limit, now);
    const { remaining, limit, resetAt } = api.budget;
    const consumers = Math.round(delay.consumers);
    const note = delay.reason === 'reset' ? `reset ${resetAt}` : delay.reason === 'sharing' ? `sharing ${consumers}` : '';
    if (note && note !== api.paceNote) {
        const left = `${remaining} of ${limit} requests left`;
        if (delay.reason === 'reset') {
            log.info(`Qovery's rate limit for this token is nearly used up (${left}${consumers > 1 ? `, about ${consumers} rollbacks or jobs using it` : ''}): the next look at the deployment waits for the reset at ${new Date(resetAt).toISOString()}, in ${Math.round(delay.ms / 1000)}s.`);
        }
        else {
            log.info(`Sharing Qovery's rate limit (${left} until ${new Date(resetAt).toISOString()}${consumers > 1 ? `, about ${consumers} rollbacks or jobs using the token` : ''}): looking every ${Math.round(delay.ms / 1000)}s.`);
        }
    }
    api.paceNote = note;
    return delay.ms;
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
        const delay = pollDelay(ctx, round);
        if (delay >= deadline.remainingMs()) {
            throw new errors/* TimeoutError */.MU(`Another operation was still running when the timeout (${ctx.timeoutSeconds}s) ran out: the environment is ${status.state} (deployment ${status.lastDeploymentId ?? 'unknown'}). Nothing was deployed. Re-run the rollback once it has ended, or raise timeout.`, { changed: 'nothing' });
        }
        await deadline.sleep(delay);
    }
}

;// CONCATENATED MODULE: ./src/providers/qovery/trigger-deploy.ts





/** A small margin past X-RateLimit-Reset: it is in whole seconds, and clocks differ a little. */
const trigger_deploy_RESET_MARGIN_MS = 500;
/**
 * Qovery's 429 carries no Retry-After; X-RateLimit-Reset is when the budget comes back, a Unix
 * time (Qovery/documentation docs/api-reference/introduction.mdx, "Rate Limits"). The one resend
 * waits for it; a Retry-After, if a proxy adds one, goes through the shared rule.
 */
function throttlePauseMs(response, now) {
    if (response.headers['retry-after'] !== undefined)
        return undefined;
    const raw = response.headers['x-ratelimit-reset'];
    const text = (Array.isArray(raw) ? raw[0] : raw)?.trim();
    if (!text || !/^\d{1,12}$/.test(text))
        return undefined;
    const resetAt = Number(text) * 1000;
    return Math.max(0, resetAt - now) + trigger_deploy_RESET_MARGIN_MS;
}
/**
 * Sends the deploy request through the shared exactly-once rules. Qovery's facts: the request,
 * how a 409 is waited out, how the queue, status and history show whether a lost request took
 * effect, and how a 429 is paced. Before sending, a queued request Qovery could merge ours into
 * is named.
 */
async function triggerDeploy(ctx, request, targets, tracker) {
    const { api, deadline, log } = ctx;
    const doing = request.kind === 'redeploy' ? 'redeploying the environment' : 'sending the deploy request';
    let baseline = await readBaseline(ctx);
    warnAboutQueue(ctx, baseline.queue);
    const outcome = await (0,send_once/* sendOnce */.E)({
        name: 'deploy request',
        platform: 'Qovery',
        deadline,
        log,
        timeoutSeconds: ctx.timeoutSeconds,
        tracker: (0,trigger_tracker/* mirroredTracker */.X)(api, tracker),
        send: () => (request.kind === 'redeploy' ? api.redeploy() : api.deployServices(request.services)),
        explainRefusal: (response) => explainFailure(response, { environmentId: api.environmentId, doing, changed: 'nothing' }),
        // The OpenAPI document still lists 409 "Operation is in progress" for these endpoints.
        waitUntilFree: async () => {
            tracker.waitingToSend('another operation on the environment to finish');
            await waitUntilIdle(ctx);
            baseline = await readBaseline(ctx);
            return { kind: 'free' };
        },
        throttlePauseMs,
        maxThrottledResends: 1,
        probe: async () => {
            const found = await lookForOurs(ctx, baseline, targets, 'checking whether the deploy request took effect');
            // Without the queue a queued rollback would look like no trace at all: keep watching.
            if (found === 'unread')
                return { state: 'busy' };
            return found ? { state: 'acted', evidence: found } : { state: 'quiet' };
        },
        whereToLook: "the environment's deployment queue and history in the Qovery console"
    });
    switch (outcome.kind) {
        case 'already-there':
            // waitUntilFree never reports it for Qovery; kept total for the type.
            return { ticket: { baseline, targets } };
        case 'found': {
            const note = `The deploy request's answer was lost (${outcome.lost}); following ${outcome.evidence.where}.`;
            log.info(note);
            return { ticket: { baseline, targets, requestId: outcome.evidence.requestId, executionId: outcome.evidence.executionId }, note };
        }
        case 'accepted': {
            const response = outcome.response;
            const requestId = requestIdOf(response.body);
            const how = response.notJson
                ? ', with a body that is not JSON: the deployment is looked up'
                : requestId
                    ? `, deployment request ${requestId}`
                    : ', without a deployment request id: the deployment is looked up';
            log.info(`Qovery accepted the deploy request (${response.status}${how}).`);
            const merged = requestId ? baseline.queue.find((queued) => queued.requestId === requestId) : undefined;
            if (merged) {
                log.warning(`Qovery merged the rollback into request ${merged.requestId} (${merged.action.toLowerCase()} by ${merged.triggeredBy || 'unknown'}, queued before it): they deploy together, and the versions are checked once it ends.`, 'Deploy request merged');
            }
            return { ticket: { baseline, targets, requestId } };
        }
    }
}
/**
 * Qovery queues a request while another deployment runs, and merges queued requests of the same
 * action by the same user (Qovery/documentation docs/configuration/deployment/actions.mdx,
 * "Queueing and Merging"). A queued DEPLOY made with the same token would absorb the rollback.
 */
function warnAboutQueue(ctx, queue) {
    if (queue.length === 0)
        return;
    const deploys = queue.filter((request) => request.action === 'DEPLOY');
    ctx.log.info(`Qovery's deployment queue holds ${queue.length} request${queue.length === 1 ? '' : 's'}: the rollback will run after ${queue.length === 1 ? 'it' : 'them'}.`);
    if (deploys.length === 0)
        return;
    const list = deploys.map((request) => `${request.requestId} by ${request.triggeredBy || 'unknown'} (${request.serviceNames.join(', ') || 'no services listed'})`).join('; ');
    ctx.log.warning(`Queued deploy request${deploys.length === 1 ? '' : 's'} ${list}. Qovery merges queued requests of the same action by the same user: if one was made with this token, the rollback joins it and both deploy together, and where both name a service only one version runs. The run checks the versions once the deployment ends; cancel the queued request in the console if it must not go out.`, 'Deploy request may be merged');
}
function requestIdOf(body) {
    if (typeof body !== 'object' || body === null)
        return undefined;
    const id = body.deployment_request_id;
    return typeof id === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id) ? id.toLowerCase() : undefined;
}

;// CONCATENATED MODULE: ./src/providers/qovery/wait-for-deployment.ts





/** A line in the log at least this often while nothing changes, so a queued rollback is not mistaken for a hung job. */
const HEARTBEAT_MS = 25_000;
const wait_for_deployment_short = (version) => (/^[0-9a-f]{40}$/.test(version) ? version.slice(0, 12) : version);
/**
 * Waits until this run's deployment ends and proves its result. The deployment followed is this
 * run's own: the request named by the answer's deployment_request_id (through the queue, with its
 * position, then its execution), or else the one found new since the send. Its outcome is its
 * own state (`deploymentStatus` of the request, or the status's `last_deployment_state` while
 * it names our deployment): the environment's `state` stays in error while any other service is
 * (Qovery/console environment-state-chip.tsx; the CLI's WatchEnvironmentWithOptions in
 * Qovery/qovery-cli utils/qovery.go decides on last_deployment_state too). READY is not an end.
 * DEPLOYED is success only once the services sent are read back on their target versions.
 */
async function waitForDeployment(ctx, ticket, names, tracker) {
    const { deadline, log } = ctx;
    let lastLine = '';
    let lastLineAt = deadline.clock.now();
    let pending = 'the deployment has not shown up yet';
    for (let round = 0;; round++) {
        let look;
        try {
            look = await lookAt(ctx, ticket);
        }
        catch (error) {
            if (deadline.expired())
                throw timedOut(ctx, pending);
            throw error;
        }
        pending = look.pending;
        tracker.pending(pending);
        const now = deadline.clock.now();
        if (pending !== lastLine || now - lastLineAt >= HEARTBEAT_MS) {
            log.info(`[${deadline.elapsedSeconds()}s] ${pending === lastLine ? 'Still: ' : ''}${pending}`);
            lastLine = pending;
            lastLineAt = now;
        }
        const phase = look.state === undefined ? 'running' : phaseOf(look.state);
        if (phase === 'succeeded')
            return verifyVersions(ctx, ticket, names, look.state);
        if (phase === 'failed')
            throw await failure(ctx, ticket, look.state, names);
        const delay = pollDelay(ctx, round);
        if (delay >= deadline.remainingMs()) {
            await deadline.sleep(delay);
            throw timedOut(ctx, pending);
        }
        await deadline.sleep(delay);
    }
}
const deploymentName = (ticket) => ticket.executionId ? `deployment ${ticket.executionId}` : ticket.requestId ? `deployment request ${ticket.requestId}` : 'the deployment';
async function lookAt(ctx, ticket) {
    const { api } = ctx;
    if (!ticket.requestId && !ticket.executionId) {
        const found = await lookForOurs(ctx, ticket.baseline, ticket.targets, 'looking for the deployment of the rollback');
        if (!found || found === 'unread')
            return { pending: 'the deployment has not shown up in the queue, the status or the history yet' };
        ctx.log.info(`This run's deployment: ${found.where}.`);
        ticket.requestId = found.requestId;
        ticket.executionId = found.executionId;
    }
    if (ticket.requestId) {
        const state = await api.requestStatus(ticket.requestId, 'watching the deployment request');
        if (state !== undefined) {
            if (state.endsWith('QUEUED'))
                return { pending: await queuePosition(ctx, ticket.requestId, state) };
            return { state, pending: `${deploymentName(ticket)} is ${state}` };
        }
    }
    const status = await api.status('watching the deployment');
    if (isOurs(status, ticket)) {
        if (status.lastDeploymentId)
            ticket.executionId ??= status.lastDeploymentId;
        return { state: status.lastDeploymentState, pending: `${deploymentName(ticket)} is ${status.lastDeploymentState}` };
    }
    const history = await api.history('watching the deployment');
    if (ticket.executionId) {
        const execution = history.find((e) => e.executionId === ticket.executionId);
        if (execution)
            return { state: execution.status, pending: `${deploymentName(ticket)} is ${execution.status}` };
    }
    else if (ticket.requestId) {
        // The API could not say where the request is (deploymentStatus does not know it, the status
        // names no request): recognise its execution the way a request without an id is recognised.
        const execution = history.find((e) => isOurExecution(e, ticket.baseline, ticket.targets));
        if (execution) {
            ctx.log.info(`This run's deployment: execution ${execution.executionId} in the history.`);
            ticket.executionId = execution.executionId;
            return { state: execution.status, pending: `${deploymentName(ticket)} is ${execution.status}` };
        }
        const position = await queuePosition(ctx, ticket.requestId, 'QUEUED');
        if (position.includes('position'))
            return { pending: position };
    }
    return { pending: `not started yet (the status still shows the previous deployment ${status.lastDeploymentId ?? ''}: ${status.lastDeploymentState})` };
}
/** "queued: position 2 of 3 in Qovery's deployment queue", or just queued once it left the queue for its first phase. */
async function queuePosition(ctx, requestId, state) {
    const queue = await ctx.api.queue('reading the deployment queue').catch(() => []);
    const index = queue.findIndex((request) => request.requestId === requestId);
    if (index < 0)
        return `deployment request ${requestId} is ${state}`;
    const ahead = index === 0 ? 'next to run, after the deployment running now' : `behind ${index} other request${index === 1 ? '' : 's'}`;
    return `deployment request ${requestId} is queued: position ${index + 1} of ${queue.length} in Qovery's deployment queue (${ahead})`;
}
/**
 * The deployment ended DEPLOYED: read the services back. Each service sent must now run its
 * target version in the history; a deployment that ended well on other versions (a merged
 * request, a later one) fails, naming them.
 */
async function verifyVersions(ctx, ticket, names, state) {
    const history = await ctx.api.history('reading the services back after the deployment');
    const current = currentVersions(history);
    const wrong = [];
    for (const [id, version] of ticket.targets) {
        const now = current.get(id)?.version;
        if (now !== version)
            wrong.push(`${names.get(id) ?? id} runs ${now ? wait_for_deployment_short(now) : 'no recorded version'} (expected ${wait_for_deployment_short(version)})`);
    }
    if (wrong.length === 0) {
        ctx.log.info(`Read back: ${ticket.targets.size} service${ticket.targets.size === 1 ? '' : 's'} on the target versions.`);
        return;
    }
    throw new errors/* ActionError */.lZ('Rollback ended on other versions', `${deploymentName(ticket)} ended ${state}, but ${wrong.join('; ')}. Another deployment may have been merged with the rollback or run after it: look at the environment's deployment history in the Qovery console before trying again.`, { changed: 'accepted', outcome: 'failed' });
}
function timedOut(ctx, pending) {
    return new errors/* TimeoutError */.MU(`The timeout (${ctx.timeoutSeconds}s) ran out while waiting for the deployment: ${pending}. The deploy request was accepted and may still run on its own: watch the environment in the Qovery console, and do not trigger another rollback until it ends.`, { changed: 'accepted' });
}
/** Names the services in error, only among those this deployment carried: others may have been in error before. */
async function failure(ctx, ticket, state, names) {
    const what = `${deploymentName(ticket)} ended ${state}`;
    if (!state.endsWith('_ERROR')) {
        return new errors/* ActionError */.lZ('Rollback deployment did not complete', `${what}. The environment was changed by this run; look at the deployment in the Qovery console before trying again.`, { changed: 'accepted', outcome: 'failed' });
    }
    let detail = '';
    try {
        const statuses = await ctx.api.statuses('naming the services in error');
        const failed = statuses.services.filter((service) => ticket.targets.has(service.id) && service.state.endsWith('_ERROR'));
        if (failed.length)
            detail = ` Services in error: ${failed.map((service) => `${names.get(service.id) ?? service.id} (${service.type.toLowerCase()} ${service.id}): ${service.state}`).join('; ')}.`;
    }
    catch {
        detail = ' The services in error could not be read.';
    }
    return new errors/* ActionError */.lZ('Rollback deployment failed', `${what}.${detail} Look at the deployment logs in the Qovery console before trying again.`, {
        changed: 'accepted',
        outcome: 'failed'
    });
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
            const reader = new HistoryReader(api, "reading the environment's deployment history");
            const resolved = await resolveWithHistory(reader, settings.revision, statuses.services);
            if (reader.note)
                deps.log.info(`Deployment history: ${reader.describe()}.`);
            for (const service of resolved.services)
                planned.set(service.id, service);
            for (const service of [...resolved.services, ...resolved.leftAlone])
                names.set(service.id, service.name);
            logPlan(deps.log, resolved);
            const target = resolved.target;
            const isCurrent = settings.revision.kind === 'current';
            const revisionId = target?.executionId ?? settings.appId;
            const { organizationId: org, projectId: project } = environment;
            const details = [];
            if (resolved.undone.length)
                details.push(['Undone', resolved.undone.map((e) => `execution ${e.executionId} (${e.actionStatus.toLowerCase()})`).join(', ')]);
            if (resolved.leftAlone.length)
                details.push(['Left alone', resolved.leftAlone.map((s) => `${s.name}: ${s.reason}`).join('; ')]);
            return {
                appId: settings.appId,
                targets: resolved.services.map(toInstance),
                toRedeploy: resolved.changes.map(toInstance),
                revision: {
                    id: revisionId,
                    version: isCurrent ? `the environment as it is (newest execution ${revisionId})` : describeTarget(settings.revision, resolved, revisionId),
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
                consoleUrl: org && project ? `${CONSOLE}/organization/${org}/project/${project}/environment/${settings.appId}/overview` : '',
                details
            };
        },
        async trigger(plan, tracker) {
            const chosen = plan.toRedeploy.map((instance) => planned.get(instance.id));
            const request = settings.revision.kind === 'current'
                ? { kind: 'redeploy' }
                : {
                    kind: 'services',
                    services: chosen.map((service) => ({ id: service.id, type: service.type, field: service.field, version: service.to, valuesOverride: service.valuesOverride }))
                };
            // What must run once the deployment ends; services the history gives no version cannot be checked.
            const targets = new Map(chosen.filter((service) => service.to !== '').map((service) => [service.id, service.to]));
            const sentAt = deps.deadline.clock.now();
            const triggered = await triggerDeploy(ctx, request, targets, tracker);
            const receipt = { acceptedAt: sentAt, note: triggered.note };
            tickets.set(receipt, triggered.ticket);
            return { kind: 'triggered', receipt };
        },
        waitUntilDone(_plan, receipt, tracker) {
            const ticket = tickets.get(receipt) ?? { baseline: { executionIds: new Set(), queue: [] }, targets: new Map() };
            return waitForDeployment(ctx, ticket, names, tracker);
        },
        dispose: () => client.dispose()
    };
}
/** Resolves on the newest page first and reads further pages only while the history read is too short to settle it. */
async function resolveWithHistory(reader, selector, existing) {
    await reader.more();
    for (;;) {
        try {
            return resolveTarget(reader.executions, selector, existing, reader.describe(), reader.complete);
        }
        catch (error) {
            if (!(error instanceof NotEnoughHistory))
                throw error;
            await reader.more();
        }
    }
}
/** "api (application <id>)"; a service the history never named is already called by type and id. */
function named(service) {
    const kind = `${service.type.toLowerCase()} ${service.id}`;
    return service.name === kind ? kind : `${service.name} (${kind})`;
}
/** Per service, from and to, and what is left alone: the request is partial, so the log says exactly what moves. */
function logPlan(log, resolved) {
    if (resolved.undone.length)
        log.info(`Undoing ${resolved.undone.map((e) => `execution ${e.executionId} (${e.triggerAction.toLowerCase()} ${e.actionStatus.toLowerCase()})`).join(', ')}.`);
    for (const service of resolved.services) {
        const move = service.from === service.to ? `stays on ${shortVersion(service.to) || '(no version)'}` : `${shortVersion(service.from) || '(none)'} → ${shortVersion(service.to)}`;
        log.info(`  ${named(service)}: ${move}${service.source ? ` (as in execution ${service.source})` : ''}.`);
    }
    for (const service of resolved.leftAlone)
        log.info(`  ${named(service)}: left alone, ${service.reason}.`);
}
function describeTarget(selector, resolved, revisionId) {
    if (selector.kind === 'previous') {
        const undone = resolved.undone.map((e) => e.executionId).join(', ');
        return `${(0,revision_selector/* describeSelector */.r5)(selector)}: before execution${resolved.undone.length === 1 ? '' : 's'} ${undone}`;
    }
    return `execution ${revisionId}`;
}


/***/ })

};
