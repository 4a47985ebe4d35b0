export const id = 695;
export const ids = [695];
export const modules = {

/***/ 5695:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createCamundaProvider: () => (/* binding */ createCamundaProvider)
});

// UNUSED EXPORTS: CAMUNDA_VOCABULARY, authHeaders, definitionKinds

// EXTERNAL MODULE: ./src/http/api-client.ts
var api_client = __webpack_require__(3838);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
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
/** engine-rest lives at …/engine-rest, a named engine at …/engine-rest/engine/{name}. */
const ENGINE_REST_BASE = /\/engine-rest(?:\/engine\/[^/]+)?$/;
/** The engine's own "the query asks for too many rows" answers (QueryMaxResultsLimitUtil). */
const RESULT_LIMIT = /unbound number of results|Max results limit/i;
/** Turns an engine-rest failure into what the on-call engineer should do next. */
function explainFailure(response, ctx) {
    const said = readEngineError(response);
    const engineSays = said.message ? ` The engine says: "${(0,api_client/* excerpt */.Kb)(said.message, 300)}"${said.type ? ` (${said.type})` : ''}.` : '';
    const where = `${response.endpoint} → ${response.status} while ${ctx.doing}.`;
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
            return new errors/* ActionError */.lZ('The Camunda engine rejected the credentials', `${where}${asks}${engineSays} ${fix}`, options);
        }
        case 403: {
            const missing = said.missing.length
                ? said.missing.map((m) => `${m.permissionName ?? '?'} on ${m.resourceName ?? '?'}${m.resourceId ? ` '${m.resourceId}'` : ''}`).join(', ')
                : undefined;
            const who = said.userId ? `User '${said.userId}'` : 'The user';
            const fix = missing
                ? `${who} lacks ${missing}: grant it in Camunda Admin → Authorizations (a rollback needs READ on Deployment and Process/Decision Definition, CREATE on Deployment, and membership of the deployment's tenant).`
                : "Grant the user READ on Deployment and Process/Decision Definition and CREATE on Deployment in Camunda Admin → Authorizations, and membership of the deployment's tenant.";
            return new errors/* ActionError */.lZ('Not authorized on the Camunda engine', `${where}${engineSays} ${fix}`, options);
        }
        case 404:
            if (ctx.apiUrl && said.type === undefined && !ENGINE_REST_BASE.test(new URL(ctx.apiUrl).pathname.replace(/\/+$/, ''))) {
                // Tomcat's (or a proxy's) HTML 404: nothing of engine-rest answered at that path.
                return new errors/* ActionError */.lZ('api_url looks incomplete', `${where} The server answered with a page that is not engine-rest's. api_url is ${ctx.apiUrl}, which does not end in /engine-rest: the engine's REST API lives below it, e.g. https://bpm.example.com/engine-rest (a named engine: …/engine-rest/engine/{name}).`, options);
            }
            return new errors/* ActionError */.lZ('Deployment or resource not found', `${where}${engineSays} The deployment or one of its resources does not exist on this engine (it may have been deleted). Check revision, resources and api_url (a named engine is …/engine-rest/engine/{name}).`, options);
        case 400:
            if (RESULT_LIMIT.test(said.message ?? '')) {
                return new errors/* ActionError */.lZ("The engine's query limit refused a read", `${where}${engineSays} The engine is set up with queryMaxResultsLimit (a hardening setting), and this read asked for more rows than it allows. The action pages by the limit the engine names; tell the engine's operators, or raise the limit to at least 100.`, options);
            }
            return new errors/* ActionError */.lZ('The Camunda engine refused the request', `${where}${engineSays} Check the inputs this request was built from (app_id, tenant_id, resources).`, options);
        default:
            if (response.status >= 500 || response.status === 429) {
                return new errors/* ActionError */.lZ('The Camunda engine is failing', `${where}${engineSays} The engine or a proxy in front of it failed (reads are retried; this persisted). Check the engine's log and try again.`, options);
            }
            return new errors/* ActionError */.lZ('Unexpected answer from the Camunda engine', `${where}${engineSays}`, options);
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



/** The page size asked for unless the engine's queryMaxResultsLimit is lower. */
const DEFAULT_PAGE_SIZE = 100;
/**
 * The engine's answer when a page is larger than its queryMaxResultsLimit (QueryMaxResultsLimitUtil
 * in camunda/camunda-bpm-platform, engine/src/main/java/org/camunda/bpm/engine/impl/util/
 * QueryMaxResultsLimitUtil.java): "Max results limit of N exceeded!".
 */
const LIMIT_EXCEEDED = /Max results limit of (\d+) exceeded/;
/** The endpoints a rollback uses, typed; every failed read is explained. */
class CamundaApi {
    client;
    auth;
    apiUrl;
    /** What this run may have done to the engine so far; every read failure says it. */
    changed = 'nothing';
    /** Rows per query page: DEFAULT_PAGE_SIZE, or the engine's queryMaxResultsLimit once it named one. */
    pageSize = DEFAULT_PAGE_SIZE;
    constructor(client, auth, apiUrl) {
        this.client = client;
        this.auth = auth;
        this.apiUrl = apiUrl;
    }
    /** Newest first (by deploymentTime), or by id with `byId`; one page of at most `maxResults` rows (capped at the page size). */
    async listDeployments(filter, window, maxResults, doing) {
        const { firstResult = 0, byId = false, ...times } = window;
        const order = byId ? { sortBy: 'id', sortOrder: 'asc' } : { sortBy: 'deploymentTime', sortOrder: 'desc' };
        const response = await this.query('/deployment', { ...deploymentQuery(filter), ...times, ...order, firstResult }, maxResults, doing);
        // A server that ignores maxResults does not get to make the run hold more than it asked for.
        return parseDeployments(response.endpoint, response.body).slice(0, Math.min(maxResults, this.pageSize));
    }
    async getDeployment(id, doing) {
        const response = await this.read(`/deployment/${encodeURIComponent(id)}`, undefined, doing);
        return parseDeployment(response.endpoint, response.body);
    }
    /** One deployment by id; undefined when the engine has none (404 with the engine's JSON error). */
    async findDeployment(id, doing) {
        const response = await this.client.read({ method: 'GET', path: `/deployment/${encodeURIComponent(id)}` });
        if (response.status === 404 && camunda_api_isObject(response.body))
            return undefined;
        if (response.status < 200 || response.status >= 300)
            throw this.explain(response, doing);
        return parseDeployment(response.endpoint, response.body);
    }
    /** Not a query (RepositoryService.getDeploymentResources): the engine's result limit does not apply. */
    async listResources(deploymentId, doing) {
        const response = await this.read(`/deployment/${encodeURIComponent(deploymentId)}/resources`, undefined, doing);
        return parseResources(response.endpoint, response.body);
    }
    async resourceData(deploymentId, resourceId, doing) {
        const response = await this.read(`/deployment/${encodeURIComponent(deploymentId)}/resources/${encodeURIComponent(resourceId)}/data`, undefined, doing, true);
        return response.bytes ?? Buffer.alloc(0);
    }
    /** SHA-256 of one resource's bytes; the bytes are dropped at once, so a deployment of many large resources is never held whole. */
    async resourceHash(deploymentId, resourceId, doing) {
        return (0,external_node_crypto_.createHash)('sha256')
            .update(await this.resourceData(deploymentId, resourceId, doing))
            .digest('hex');
    }
    /** The definitions a deployment created, one page (the engine refuses latestVersion together with deploymentId). */
    async definitionsOf(kind, deploymentId, firstResult, doing) {
        const response = await this.query(`/${kind}-definition`, { deploymentId, sortBy: 'id', sortOrder: 'asc', firstResult }, this.pageSize, doing);
        return parseDefinitions(response.endpoint, response.body).slice(0, this.pageSize);
    }
    /** The latest version of one definition key in a tenant (or without one). */
    async latestDefinition(kind, key, tenantId, doing) {
        const tenant = tenantId ? { tenantIdIn: tenantId } : { withoutTenantId: 'true' };
        const response = await this.query(`/${kind}-definition`, { key, latestVersion: 'true', ...tenant }, 1, doing);
        return parseDefinitions(response.endpoint, response.body)[0];
    }
    /** One attempt, never retried: the caller finds out what a lost answer means. */
    redeploy(deploymentId, body) {
        return this.client.send({ method: 'POST', path: `/deployment/${encodeURIComponent(deploymentId)}/redeploy`, body });
    }
    /** POST /deployment/create (multipart), one attempt: a new deployment of exactly these resources, duplicate filtering off. */
    create(fields, resources) {
        const boundary = `----camunda-rollback-${(0,external_node_crypto_.randomBytes)(16).toString('hex')}`;
        const parts = [];
        const field = (name, value) => parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`, 'utf8'));
        field('deployment-name', fields.name);
        field('deployment-source', fields.source);
        if (fields.tenantId)
            field('tenant-id', fields.tenantId);
        for (const resource of resources) {
            const quoted = resource.name.replace(/["\\]/g, '_');
            parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${quoted}"; filename="${quoted}"\r\nContent-Type: application/octet-stream\r\n\r\n`, 'utf8'), resource.bytes, Buffer.from('\r\n', 'utf8'));
        }
        parts.push(Buffer.from(`--${boundary}--\r\n`, 'utf8'));
        return this.client.send({ method: 'POST', path: '/deployment/create', rawBody: { contentType: `multipart/form-data; boundary=${boundary}`, data: Buffer.concat(parts) } });
    }
    explain(response, doing, changed = this.changed) {
        return explainFailure(response, { doing, auth: this.auth, changed, apiUrl: this.apiUrl });
    }
    /**
     * A query: always with maxResults (an engine with queryMaxResultsLimit refuses an unbounded
     * one), and when the engine names its limit, again with pages of that size, for this and every
     * later query.
     */
    async query(path, params, maxResults, doing) {
        for (let attempt = 0;; attempt++) {
            const response = await this.client.read({ method: 'GET', path, query: { ...params, maxResults: Math.min(maxResults, this.pageSize) } });
            if (response.status === 400 && attempt === 0) {
                const limit = LIMIT_EXCEEDED.exec(readEngineError(response).message ?? '');
                const named = limit ? Number(limit[1]) : NaN;
                if (Number.isSafeInteger(named) && named >= 1 && named < this.pageSize) {
                    this.pageSize = named;
                    continue;
                }
            }
            if (response.status < 200 || response.status >= 300)
                throw this.explain(response, doing);
            return response;
        }
    }
    async read(path, query, doing, raw = false) {
        const response = await this.client.read({ method: 'GET', path, query, raw });
        if (response.status < 200 || response.status >= 300)
            throw this.explain(response, doing);
        return response;
    }
}
const camunda_api_isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
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

;// CONCATENATED MODULE: ./src/providers/camunda/content.ts
/** What the rollback changes, for the log and the summary. */
function describeChange(resolution) {
    const parts = [
        resolution.changes.length ? `back to earlier bytes: ${resolution.changes.map((change) => `${change.name} (from deployment ${change.holder.id})`).join(', ')}` : '',
        resolution.cannotRemove.length ? `cannot be removed, left as they are: ${resolution.cannotRemove.join(', ')}` : ''
    ].filter(Boolean);
    return parts.join('; ') || 'no difference';
}
/** How the one new deployment is made, in words. */
function describeDelivery(resolution) {
    if (resolution.changes.length === 0)
        return 'nothing to send';
    return resolution.delivery.kind === 'redeploy'
        ? `POST /deployment/${resolution.delivery.from.id}/redeploy with ${resolution.delivery.resourceIds.length} resource id${resolution.delivery.resourceIds.length === 1 ? '' : 's'}`
        : `POST /deployment/create with ${resolution.changes.length} resource${resolution.changes.length === 1 ? '' : 's'} read from ${holders(resolution)}`;
}
function holders(resolution) {
    const count = new Set(resolution.changes.map((c) => c.holder.id)).size;
    return `${count} earlier deployment${count === 1 ? '' : 's'}`;
}

;// CONCATENATED MODULE: ./src/providers/camunda/deployment-walk.ts

/** The history read never goes past this many deployments, whatever the engine (or a proxy) sends. */
const MAX_DEPLOYMENTS_READ = 1000;
/** Tie groups up to this size are ordered by their definitions' versions (at most two reads per deployment). */
const MAX_TIE_LOOKUPS = 20;
/** Deployments this close in deploymentTime may have been stamped by nodes whose clocks disagree. */
const SKEW_WINDOW_MS = 5000;
/**
 * At most this many deployments per run get their versions read for skew, all at the head of the
 * history: a skewed node's deployment sits next to the one it followed, and a history deploying
 * every second must not cost a definition read per deployment.
 */
const MAX_SKEW_LOOKUPS = 4;
/**
 * Deployments of one name, newest first, in a stable order, read lazily and bounded by rows.
 *
 * `deploymentTime` is stamped by each node's clock (and some databases keep whole seconds), so
 * deployments tie; paging with firstResult over ties can skip or repeat rows, as the database
 * returns tied rows in any order. So pages are cut by time instead: each page is strictly
 * before the oldest time of the last one, and the rows at that oldest time are read as one tie
 * group (after t−1 ms, before t+1 ms: both bounds are strict in the engine's deployment query,
 * paged by id), then ordered by their definitions' versions, which the engine numbers per key in
 * deploy order.
 */
class DeploymentWalk {
    pages;
    maxRows;
    /** Deployments handed out so far. */
    read = 0;
    /** Requests made for the listing (pages and tie groups). */
    requests = 0;
    ended;
    buffer = [];
    seen = new Set();
    cursor;
    /** Versions read so far, once per deployment (tie groups and the skew window share them). */
    versionsRead = new Map();
    skewLookups = 0;
    /**
     * Pairs within the skew window put newer-first by time (then id) only: they share no
     * definition key (a form, a script, or different processes), or their versions were not read.
     */
    byTimeOnly = [];
    constructor(pages, maxRows = MAX_DEPLOYMENTS_READ) {
        this.pages = pages;
        this.maxRows = maxRows;
    }
    async next() {
        if (this.read >= this.maxRows) {
            if (this.buffer.length > 0 || !this.ended)
                this.ended = 'cap';
            return undefined;
        }
        while (this.buffer.length === 0) {
            if (this.ended)
                return undefined;
            await this.fill();
        }
        const deployment = await this.newestAtHead();
        this.read++;
        return deployment;
    }
    /**
     * The newest of the rows left, with clock skew in mind: a deployment stamped up to
     * SKEW_WINDOW_MS before the head may still have been made after it, by a node whose clock is
     * behind. Among those rows the definitions' versions decide, as the engine numbers them per key
     * in commit order whatever the clocks say (AbstractDefinitionDeployer.getNextVersion: latest
     * version of the key and tenant + 1, under DeployCmd's exclusive deployment lock; both in
     * camunda/camunda-bpm-platform, engine/src/main/java/org/camunda/bpm/engine/impl/). Rows that
     * share no key with another keep the order by time, then id.
     */
    async newestAtHead() {
        if (this.skewLookups >= MAX_SKEW_LOOKUPS)
            return this.buffer.shift();
        const since = timeOf(this.buffer[0]) - SKEW_WINDOW_MS;
        while (!this.ended && this.buffer.length < MAX_SKEW_LOOKUPS && timeOf(this.buffer[this.buffer.length - 1]) >= since)
            await this.fill();
        const window = this.buffer.slice(0, MAX_SKEW_LOOKUPS).filter((row) => timeOf(row) >= since);
        if (window.length < 2)
            return this.buffer.shift();
        for (const row of window) {
            if (this.versionsRead.has(row.id) || this.skewLookups >= MAX_SKEW_LOOKUPS)
                continue;
            this.skewLookups++;
            this.versionsRead.set(row.id, await this.pages.versions(row));
        }
        const newest = newestByVersions(window, this.versionsRead);
        this.buffer.splice(this.buffer.indexOf(newest), 1);
        for (const other of window) {
            if (other !== newest && versionOrder(this.versionsRead.get(newest.id), this.versionsRead.get(other.id)) === 0)
                this.byTimeOnly.push([newest, other]);
        }
        return newest;
    }
    /** A sentence on what was really read, for messages. */
    describe() {
        const rows = `${this.read} deployment${this.read === 1 ? '' : 's'}`;
        switch (this.ended) {
            case 'cap':
                return `${rows} (the action reads at most ${this.maxRows}; give revision as a deployment id to go further back)`;
            case 'repeated':
                return `${rows} (the engine, or a proxy in front of it, answered a page with rows already read, so the reading stopped there)`;
            default:
                return rows;
        }
    }
    async fill() {
        const size = this.pages.pageSize();
        const window = this.cursor === undefined ? {} : { before: formatEngineTime(this.cursor) };
        this.requests++;
        const rows = (await this.pages.page(window, size)).map(withTime);
        const fresh = rows.filter((row) => !this.seen.has(row.deployment.id) && (this.cursor === undefined || row.time < this.cursor));
        if (rows.length > 0 && fresh.length === 0) {
            this.ended = 'repeated';
            return;
        }
        if (fresh.length === 0) {
            this.ended = 'end';
            return;
        }
        fresh.sort((a, b) => b.time - a.time);
        const oldest = fresh[fresh.length - 1].time;
        let batch = fresh;
        // The engine may have lowered the page size during that request (its queryMaxResultsLimit).
        if (rows.length >= Math.min(size, this.pages.pageSize())) {
            // The page was full: more rows may share its oldest time. Read that whole tie group.
            batch = [...fresh.filter((row) => row.time !== oldest), ...(await this.tieGroup(oldest, fresh))];
        }
        else {
            this.ended = 'end';
        }
        this.cursor = oldest;
        for (const group of groupByTime(batch)) {
            const ordered = group.length > 1 ? await this.orderTies(group.map((row) => row.deployment)) : [group[0].deployment];
            for (const deployment of ordered) {
                if (this.seen.has(deployment.id))
                    continue;
                this.seen.add(deployment.id);
                this.buffer.push(deployment);
            }
        }
        if (this.buffer.length === 0 && !this.ended)
            this.ended = 'repeated';
    }
    async tieGroup(time, already) {
        const group = new Map();
        for (const row of already)
            if (row.time === time)
                group.set(row.deployment.id, row);
        const window = { after: formatEngineTime(time - 1), before: formatEngineTime(time + 1), byId: true };
        // Tied rows come back from the database in any order, and in another one per query: paged by
        // id (unique) within the instant, no row is skipped. Rows the first page already gave are
        // expected again; a page whose every row an earlier page of this group gave is a repeat.
        const paged = new Set();
        for (let firstResult = 0; this.read + group.size < this.maxRows; firstResult += this.pages.pageSize()) {
            this.requests++;
            const size = this.pages.pageSize();
            const rows = (await this.pages.page({ ...window, firstResult }, size)).map(withTime).filter((row) => row.time === time);
            const repeated = rows.length > 0 && rows.every((row) => paged.has(row.deployment.id));
            for (const row of rows) {
                paged.add(row.deployment.id);
                if (!this.seen.has(row.deployment.id))
                    group.set(row.deployment.id, row);
            }
            if (repeated || rows.length < Math.min(size, this.pages.pageSize()))
                break;
        }
        return [...group.values()];
    }
    async orderTies(tied) {
        if (tied.length <= MAX_TIE_LOOKUPS) {
            for (const deployment of tied)
                if (!this.versionsRead.has(deployment.id))
                    this.versionsRead.set(deployment.id, await this.pages.versions(deployment));
        }
        return orderTied(tied, this.versionsRead);
    }
}
/** a is newer than b by a definition key both hold (positive), older (negative), or neither holds both (0). */
function versionOrder(a, b) {
    if (!a || !b)
        return 0;
    for (const [key, version] of a) {
        const other = b.get(key);
        if (other !== undefined && other !== version)
            return version - other;
    }
    return 0;
}
/**
 * The first row (rows come by time, then id) that no other row shows older through a definition
 * key both hold; the first row when the versions contradict each other (not an engine's answer).
 */
function newestByVersions(rows, versions) {
    const older = (row) => rows.some((other) => other !== row && versionOrder(versions.get(other.id), versions.get(row.id)) > 0);
    return rows.find((row) => !older(row)) ?? rows[0];
}
/**
 * Newest first among deployments with the same deploymentTime: where two hold definitions of the
 * same key, the higher version is the newer (the engine numbers versions per key in deploy
 * order); otherwise the id's own order (time-based UUIDs, or numbers from the database id
 * generator); otherwise as the engine listed them.
 */
function orderTied(tied, versions) {
    const compare = (a, b) => {
        const byVersion = versionOrder(versions.get(b.id), versions.get(a.id));
        if (byVersion !== 0)
            return byVersion;
        const ia = idOrder(a.id);
        const ib = idOrder(b.id);
        if (ia !== undefined && ib !== undefined && ia !== ib)
            return ia > ib ? -1 : 1;
        return 0;
    };
    // Insertion sort: stable, and sound with a comparison that can only order some pairs.
    const out = [];
    for (const deployment of tied) {
        let at = out.length;
        while (at > 0 && compare(deployment, out[at - 1]) < 0)
            at--;
        out.splice(at, 0, deployment);
    }
    return out;
}
/** A time-based UUID's timestamp (the engine's default StrongUuidGenerator), or a numeric id; undefined otherwise. */
function idOrder(id) {
    const uuid = /^([0-9a-f]{8})-([0-9a-f]{4})-1([0-9a-f]{3})-[0-9a-f]{4}-[0-9a-f]{12}$/i.exec(id);
    if (uuid)
        return BigInt(`0x${uuid[3]}${uuid[2]}${uuid[1]}`);
    if (/^\d{1,30}$/.test(id))
        return BigInt(id);
    return undefined;
}
function timeOf(deployment) {
    return withTime(deployment).time;
}
function withTime(deployment) {
    const time = parseEngineTime(deployment.deploymentTime);
    if (time === undefined) {
        throw new errors/* ActionError */.lZ('Unexpected response from the Camunda engine', `Deployment ${deployment.id} has deploymentTime '${deployment.deploymentTime.slice(0, 40)}', which is not a date the engine writes. Check that api_url is the engine-rest base and that no proxy answers in its place.`);
    }
    return { deployment, time };
}
function groupByTime(rows) {
    const groups = [];
    for (const row of rows) {
        const last = groups[groups.length - 1];
        if (last && last[0].time === row.time)
            last.push(row);
        else
            groups.push([row]);
    }
    return groups;
}
/** The engine's date form, 2013-04-23T13:42:43.000+0200, in ms since the epoch. */
function parseEngineTime(text) {
    const match = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(\.\d{1,9})?(Z|[+-]\d\d:?\d\d)?$/.exec(text);
    if (!match)
        return undefined;
    const fraction = match[2] ? match[2].slice(0, 4).padEnd(4, '0') : '.000';
    const zone = !match[3] || match[3] === 'Z' ? 'Z' : `${match[3].slice(0, 3)}:${match[3].slice(-2)}`;
    const time = Date.parse(`${match[1]}${fraction}${zone}`);
    return Number.isNaN(time) ? undefined : time;
}
/** A time as the engine's REST date parameters take it (yyyy-MM-dd'T'HH:mm:ss.SSSZ). */
function formatEngineTime(ms) {
    return new Date(ms).toISOString().replace('Z', '+0000');
}

;// CONCATENATED MODULE: ./src/providers/camunda/process-application.ts
/**
 * The source the engine gives deployments made by a process application
 * (ProcessApplicationDeploymentBuilder's default source).
 */
const PROCESS_APPLICATION = 'process application';
/**
 * A REST deployment is a plain deployment: DeployCmd registers a process application only for
 * deployments built by one (camunda/camunda-bpm-platform, engine/src/main/java/org/camunda/bpm/
 * engine/impl/cmd/DeployCmd.java; engine-rest's DeploymentResourceImpl.redeploy builds a plain
 * DeploymentBuilder). On a shared engine (Tomcat, WildFly with a WAR) the new definitions then
 * have no application to load their Java delegates and listeners from (ENGINE-09008) until the
 * application restarts: DeployCmd.registerProcessApplication then registers it with the latest
 * deployment of the name (a restart with unchanged models deploys nothing and reuses it) and, by
 * resumePreviousVersions, with every deployment of its process keys. An embedded engine loads
 * classes from its own class path.
 */
function processApplicationWarning(resolution) {
    const involved = [resolution.current, resolution.target, ...resolution.changes.map((change) => change.holder)];
    const made = [...new Map(involved.filter((d) => d.source === PROCESS_APPLICATION).map((d) => [d.id, d])).values()];
    if (made.length === 0)
        return undefined;
    return (`Deployment${made.length === 1 ? '' : 's'} ${made.map((d) => d.id).join(', ')} came from a process application (source '${PROCESS_APPLICATION}'). ` +
        'The rollback is a plain REST deployment, not registered with the application: on a shared engine (Tomcat, WildFly with a WAR) Java delegates and listeners of the restored definitions fail (ENGINE-09008) until the application restarts. ' +
        'After the rollback, restart the process application (or redeploy its WAR): on start it registers with the latest deployment of its name and, with resumePreviousVersions (the processes.xml default), with every deployment of its process keys, the rollback included; its unchanged models deploy nothing, so the restart keeps the rollback. ' +
        'Embedded engines (e.g. Spring Boot with @EnableProcessApplication) are not affected.');
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



/** Resources one deployment may list: models come in tens, a server listing more is not an engine to trust with a rollback. */
const MAX_RESOURCES_PER_DEPLOYMENT = 1000;
function tenantWords(tenantId) {
    return tenantId ? `in tenant '${tenantId}'` : 'without a tenant';
}
/**
 * The deployments of one name as the engine applies them. With deploy-changed-only (Camunda
 * Run's default: CamundaBpmRunProcessEngineConfiguration in camunda/camunda-bpm-platform,
 * distro/run/core/src/main/java/org/camunda/bpm/run/; processes.xml; the `deploy-changed-only`
 * field of POST /deployment/create) a deployment holds only what changed, so what a name runs is,
 * resource by resource, the newest bytes deployed for it. The engine decides "changed" against
 * the latest resource of that name deployed under the same deployment name, source and tenant
 * (Resource.xml `resourcesFromLastDeploymentWithName`, engine/src/main/resources/org/camunda/
 * bpm/engine/impl/mapping/entity/), so a deployment may also hold bytes equal to what already
 * ran: it changed nothing, and is no step to undo.
 */
class Timeline {
    history;
    only;
    entries = [];
    ended = false;
    hashes = new Map();
    constructor(history, only) {
        this.history = history;
        this.only = only;
    }
    /** The i-th newest deployment, reading on as needed. */
    async at(index) {
        while (this.entries.length <= index && !this.ended) {
            const deployment = await this.history.next();
            if (!deployment) {
                this.ended = true;
                break;
            }
            const listed = await this.history.resources(deployment);
            const resources = new Map();
            for (const resource of listed)
                if (!this.only || this.only.has(resource.name))
                    resources.set(resource.name, resource);
            if (resources.size > MAX_RESOURCES_PER_DEPLOYMENT) {
                throw new errors/* ActionError */.lZ('Too many resources in a deployment', `Deployment ${deployment.id} lists ${resources.size} resources; the action compares at most ${MAX_RESOURCES_PER_DEPLOYMENT} per deployment. Check api_url (a proxy may answer in the engine's place), or name the resources to roll back in resources.`, { changed: 'nothing' });
            }
            this.entries.push({ deployment, resources });
        }
        return this.entries[index];
    }
    /** The index of the newest deployment at or after `from` that holds `name`. */
    async holder(name, from) {
        for (let index = from;; index++) {
            const entry = await this.at(index);
            if (!entry)
                return undefined;
            if (entry.resources.has(name))
                return index;
        }
    }
    hash(index, name) {
        const entry = this.entries[index];
        const resource = entry.resources.get(name);
        const key = `${entry.deployment.id}\n${resource.id}`;
        let hash = this.hashes.get(key);
        if (!hash)
            this.hashes.set(key, (hash = this.history.hash(entry.deployment, resource)));
        return hash;
    }
    /** Names held by deployments [0, end). */
    namesBefore(end) {
        const names = new Set();
        for (const entry of this.entries.slice(0, end))
            for (const name of entry.resources.keys())
                names.add(name);
        return [...names].sort();
    }
}
/** Finds what to put back, and how, in one new deployment. */
async function resolveDeployment(history, request, useName = () => undefined) {
    const timeline = new Timeline(history, request.resources ? new Set(request.resources) : undefined);
    return request.selector.kind === 'ref' ? resolveById(history, timeline, request, request.selector.revisionId, useName) : resolvePrevious(history, timeline, request);
}
function noDeploymentNamed(name, tenantId) {
    throw new errors/* ActionError */.lZ('No deployment of that name', `The engine shows no deployment named '${name}' ${tenantWords(tenantId)}. Check app_id (the deployment name, as Cockpit shows it)${tenantId ? ' and tenant_id' : ', and set tenant_id if the deployment belongs to a tenant'}. ` +
        `The engine hides what a user may not read instead of refusing: the user also needs READ on Deployment${tenantId ? ` and membership of tenant '${tenantId}'` : " (and, for a tenant's deployments, membership of that tenant)"}.`, { changed: 'nothing' });
}
/** Every name in `resources` must be held by some deployment read (reading on to the end, bounded). */
async function requireKnownResources(history, timeline, request) {
    const unknown = [];
    for (const name of request.resources ?? [])
        if ((await timeline.holder(name, 0)) === undefined)
            unknown.push(name);
    if (unknown.length === 0)
        return;
    throw new errors/* ActionError */.lZ('Resource not found in any deployment', `No deployment named '${request.name}' ${tenantWords(request.tenantId)} holds a resource named ${unknown.map((n) => `'${n}'`).join(', ')} (read: ${history.describe()}). resources must name resources as Cockpit lists them (e.g. invoice.bpmn, including any folder).`, { changed: 'nothing' });
}
async function resolvePrevious(history, timeline, request) {
    const selector = request.selector;
    const wanted = selector.steps;
    const first = await timeline.at(0);
    if (!first)
        return noDeploymentNamed(request.name, request.tenantId);
    await requireKnownResources(history, timeline, request);
    // Newest first: a deployment counts as a step when some resource it holds differs from that
    // resource's newest earlier bytes (or had none).
    const effective = [];
    for (let index = 0; effective.length < wanted; index++) {
        const entry = await timeline.at(index);
        if (!entry)
            break;
        const changed = [];
        for (const name of entry.resources.keys()) {
            const earlier = await timeline.holder(name, index + 1);
            if (earlier === undefined || (await timeline.hash(index, name)) !== (await timeline.hash(earlier, name)))
                changed.push(name);
        }
        if (changed.length > 0)
            effective.push({ index, changed });
    }
    if (effective.length < wanted) {
        throw new errors/* ActionError */.lZ('No earlier deployment to roll back to', `${(0,revision_selector/* describeSelector */.r5)(selector)} undoes the newest ${wanted} deployment${wanted === 1 ? '' : 's'} that changed something, but of the deployments named '${request.name}' ${tenantWords(request.tenantId)} read (${history.describe()}), ${effective.length} changed something${request.resources ? ` in ${request.resources.join(', ')}` : ''}: a deployment whose resources equal what already ran is no step.`, { changed: 'nothing' });
    }
    const newest = effective[0];
    refuseToUndoRollback(selector, timeline, newest.index, newest.changed, first.deployment);
    await refuseManualRollback(selector, timeline, newest.index, newest.changed, first.deployment);
    const last = effective[wanted - 1].index;
    const target = await timeline.at(last + 1);
    const { changes, cannotRemove } = await changesBack(timeline, timeline.namesBefore(last + 1), last + 1);
    const undone = effective.map((step) => timeline.entries[step.index].deployment);
    if (!target || changes.length === 0) {
        const added = cannotRemove.length ? ` ${describeCannotRemove(cannotRemove)}` : '';
        throw new errors/* ActionError */.lZ('Nothing a deployment can roll back', `${(0,revision_selector/* describeSelector */.r5)(selector)} undoes ${undone.map((d) => `deployment ${d.id} (${d.deploymentTime})`).join(', ')}, but no resource it changed had earlier bytes to go back to.${added}`, { changed: 'nothing' });
    }
    return finish(history, timeline, first.deployment, target.deployment, changes, cannotRemove, undone);
}
async function resolveById(history, timeline, request, id, useName) {
    const target = await history.find(id);
    if (!target) {
        throw new errors/* ActionError */.lZ('Deployment not found', `The engine shows no deployment with id '${id}'. Copy the id from Cockpit (Deployments) or from an earlier run's revision_id output, and check api_url. The engine hides deployments a user may not read: the user needs READ on Deployment and membership of the deployment's tenant.`, { changed: 'nothing' });
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
    // With app_id empty, the history read is that of the deployment's own name.
    useName(target.name);
    const first = await timeline.at(0);
    if (!first)
        return noDeploymentNamed(target.name, request.tenantId);
    let at = 0;
    for (let entry = first; entry && entry.deployment.id !== id; entry = await timeline.at(++at))
        ;
    if (!timeline.entries[at]) {
        throw new errors/* ActionError */.lZ('Deployment too far back', `Deployment ${id} was not among the deployments named '${target.name}' ${tenantWords(request.tenantId)} read (${history.describe()}), so the state right after it cannot be worked out. Roll back in smaller steps (revision: previous).`, { changed: 'nothing' });
    }
    // Every name in `resources` must exist in the target state.
    const lacking = [];
    for (const name of request.resources ?? [])
        if ((await timeline.holder(name, at)) === undefined)
            lacking.push(name);
    if (lacking.length > 0) {
        throw new errors/* ActionError */.lZ('Resource not in the target deployment', `Right after deployment ${id} (${target.deploymentTime}), no resource named ${lacking.map((n) => `'${n}'`).join(', ')} existed under '${target.name}'. resources must name resources of the state rolled back to (names as in Cockpit, e.g. invoice.bpmn).`, { changed: 'nothing' });
    }
    const { changes, cannotRemove } = await changesBack(timeline, timeline.namesBefore(at), at);
    const undone = timeline.entries.slice(0, at).map((entry) => entry.deployment);
    return finish(history, timeline, first.deployment, target, changes, cannotRemove, undone);
}
/** For each name held by the undone deployments [0, from): its bytes at `from` and older, when they differ from what runs now. */
async function changesBack(timeline, names, from) {
    const changes = [];
    const cannotRemove = [];
    for (const name of names) {
        const now = (await timeline.holder(name, 0));
        const then = await timeline.holder(name, from);
        if (then === undefined) {
            cannotRemove.push(name);
            continue;
        }
        const [currentHash, hash] = [await timeline.hash(now, name), await timeline.hash(then, name)];
        if (currentHash === hash)
            continue;
        const holder = timeline.entries[then];
        changes.push({ name, hash, currentHash, holder: holder.deployment, resourceId: holder.resources.get(name).id });
    }
    return { changes, cannotRemove };
}
/**
 * Two deployments made within seconds of each other, one undone and one not, ordered by
 * deploymentTime only: each node stamps it with its own clock, so the run says which it took as
 * newer (in the log: deployments made seconds apart are nearly always one node's work, and the
 * usual case of deploy-changed-only). Elsewhere the order does not change what is rolled back,
 * and nothing is said.
 */
function orderThatMatters(history, undone) {
    const ids = new Set(undone.map((d) => d.id));
    const pair = history.orderedByTimeOnly?.().find(([a, b]) => ids.has(a.id) !== ids.has(b.id));
    if (!pair)
        return undefined;
    const [newer, older] = pair;
    return `Deployments ${newer.id} (${newer.deploymentTime}) and ${older.id} (${older.deploymentTime}) were made within seconds of each other and share no process or decision definition whose version would tell which came last, so ${newer.id} was taken as the newer by deploymentTime, which each engine node stamps with its own clock. If ${older.id} was deployed last, pass revision as a deployment id instead.`;
}
function describeCannotRemove(names) {
    return `${names.map((n) => `'${n}'`).join(', ')} did not exist before: a deployment cannot remove ${names.length === 1 ? 'it' : 'them'}, so ${names.length === 1 ? 'it stays' : 'they stay'} as ${names.length === 1 ? 'it is' : 'they are'} (delete ${names.length === 1 ? 'its' : 'their'} definitions in Cockpit if they must go).`;
}
async function finish(history, timeline, current, target, changes, cannotRemove, undone) {
    const warnings = [];
    if (cannotRemove.length > 0 && changes.length > 0)
        warnings.push(describeCannotRemove(cannotRemove));
    const skew = orderThatMatters(history, undone);
    return {
        current,
        target,
        changes,
        delivery: await chooseDelivery(timeline, changes),
        cannotRemove,
        undone,
        searched: timeline.entries.length,
        warnings,
        notes: skew ? [skew] : []
    };
}
/**
 * One earlier deployment holding every needed byte lets the engine copy them itself (redeploy
 * with resource ids); otherwise the bytes are sent in a new deployment. Candidates are the
 * deployments holding the target bytes, newest first; only deployments already read are tried.
 */
async function chooseDelivery(timeline, changes) {
    if (changes.length === 0)
        return { kind: 'create' };
    const candidates = [...new Set(changes.map((change) => change.holder.id))];
    for (const id of candidates) {
        const index = timeline.entries.findIndex((entry) => entry.deployment.id === id);
        const entry = timeline.entries[index];
        const resourceIds = [];
        for (const change of changes) {
            const resource = entry.resources.get(change.name);
            if (!resource || (await timeline.hash(index, change.name)) !== change.hash)
                break;
            resourceIds.push(resource.id);
        }
        if (resourceIds.length === changes.length)
            return { kind: 'redeploy', from: entry.deployment, resourceIds };
    }
    return { kind: 'create' };
}
/** `previous` would undo this action's own rollback: the release rolled back from would return. */
function refuseToUndoRollback(selector, timeline, index, changed, current) {
    const undone = timeline.entries[index].deployment;
    if (!isRollbackSource(undone.source))
        return;
    throw undoRefusal(selector, timeline, index, current, `deployment ${undone.id} (${undone.deploymentTime}) has source '${undone.source}': it was made by this action's rollback (of ${changed.join(', ')})`);
}
/**
 * A deployment that put every resource it changed back on bytes deployed before (with other
 * bytes in between) looks like a rollback made by hand: undoing it would bring back what was
 * rolled back from.
 */
async function refuseManualRollback(selector, timeline, index, changed, current) {
    for (const name of changed) {
        const replaced = await timeline.holder(name, index + 1);
        if (replaced === undefined)
            return;
        const now = await timeline.hash(index, name);
        const replacedHash = await timeline.hash(replaced, name);
        let earlier = await timeline.holder(name, replaced + 1);
        while (earlier !== undefined && (await timeline.hash(earlier, name)) === replacedHash)
            earlier = await timeline.holder(name, earlier + 1);
        if (earlier === undefined || (await timeline.hash(earlier, name)) !== now)
            return;
    }
    const undone = timeline.entries[index].deployment;
    throw undoRefusal(selector, timeline, index, current, `deployment ${undone.id} (${undone.deploymentTime}) put ${changed.join(', ')} back on bytes deployed before, with other bytes in between: it looks like a rollback already`);
}
function undoRefusal(selector, timeline, index, current, evidence) {
    const before = timeline.entries[index + 1]?.deployment;
    const onPurpose = before ? ` To go back to the state right after deployment ${before.id} anyway, pass revision: ${before.id}.` : '';
    return new errors/* ActionError */.lZ('Refusing to undo an earlier rollback', `${(0,revision_selector/* describeSelector */.r5)(selector)} would undo a rollback: ${evidence}. Going back from it would bring back what was rolled back from (current deployment: ${current.id}).${onPurpose}`, { changed: 'nothing' });
}

// EXTERNAL MODULE: ./src/trust/send-once.ts + 1 modules
var send_once = __webpack_require__(8469);
// EXTERNAL MODULE: ./src/trust/trigger-tracker.ts
var trigger_tracker = __webpack_require__(323);
;// CONCATENATED MODULE: ./src/providers/camunda/trigger-redeploy.ts




/** Deployments of this run's source listed at once; a run makes one, so more would be absurd. */
const SOURCE_PAGE = 20;
/** The bytes a create sends are held in memory: models are kilobytes; past this, refuse before sending. */
const MAX_CREATE_BYTES = 48 * 1024 * 1024;
/** After a 2xx that does not name the new deployment: reads by source, 1 s apart (the engine answers after it committed). */
const LOOKUPS_AFTER_ACCEPTED = 5;
/**
 * Makes the one new deployment through the shared exactly-once rules (src/trust/send-once.ts).
 * Camunda supplies its facts: the request (a redeploy of resource ids when one earlier
 * deployment holds every byte, else a create with the bytes), and how a lost answer is read
 * back: a deployment of this name and tenant carrying this run's source that was not there before.
 */
async function triggerRedeploy(ctx, plan, tracker) {
    const { api, log } = ctx;
    const resolution = ctx.resolution;
    // A second rollback step in the same workflow run carries the same source: what exists now is not ours.
    ctx.before = new Set((await bySource(ctx, 'listing deployments of this run before sending')).map((d) => d.id));
    const delivery = resolution.delivery;
    const doing = delivery.kind === 'redeploy' ? `redeploying resources of deployment ${delivery.from.id}` : `creating a deployment named '${ctx.name}'`;
    const send = delivery.kind === 'redeploy' ? () => api.redeploy(delivery.from.id, { source: ctx.source, resourceIds: delivery.resourceIds }) : await prepareCreate(ctx);
    const outcome = await (0,send_once/* sendOnce */.E)({
        name: 'redeploy',
        platform: 'the Camunda engine',
        deadline: ctx.deadline,
        log,
        timeoutSeconds: ctx.timeoutSeconds,
        tracker: (0,trigger_tracker/* mirroredTracker */.X)(api, tracker),
        send,
        explainRefusal: (response) => api.explain(response, doing, 'nothing'),
        probe: async () => {
            const found = await findOwn(ctx, 'checking whether the engine made the deployment');
            return found ? { state: 'acted', evidence: found } : { state: 'quiet' };
        },
        whereToLook: `the deployments named '${ctx.name}' in Cockpit (source '${ctx.source}')`
    });
    switch (outcome.kind) {
        case 'already-there':
            return outcome;
        case 'found':
            log.warning(`Deployment ${outcome.evidence.id} (${outcome.evidence.deploymentTime}) with this run's source exists: the engine did make it. Going on to verify it.`, 'Redeploy found after a lost answer');
            return {
                kind: 'triggered',
                receipt: {
                    acceptedAt: outcome.sentAt,
                    outputs: { deployment_id: outcome.evidence.id },
                    note: `the answer was lost (${outcome.lost}); deployment ${outcome.evidence.id} was found by its source`
                }
            };
        case 'accepted': {
            const named = namedId(outcome.response);
            if (named) {
                log.info(`The engine answered ${outcome.response.status} naming deployment ${named}; verifying it is this run's.`);
                return { kind: 'triggered', receipt: { acceptedAt: outcome.sentAt, outputs: { deployment_id: named } } };
            }
            log.info(`The engine answered ${outcome.response.status}${outcome.response.notJson ? ' with a body that is not JSON' : ' without a deployment id'}; looking the new deployment up by its source '${ctx.source}'.`);
            const found = await lookUpAccepted(ctx);
            return { kind: 'triggered', receipt: { acceptedAt: outcome.sentAt, outputs: { deployment_id: found.id }, note: `deployment ${found.id} was found by its source` } };
        }
    }
}
/** The bytes of each change, read from its holder now and checked against the hash resolved, so the create sends exactly the target content. */
async function prepareCreate(ctx) {
    const resolution = ctx.resolution;
    const resources = [];
    let total = 0;
    for (const change of resolution.changes) {
        const bytes = await ctx.api.resourceData(change.holder.id, change.resourceId, `reading resource '${change.name}' of deployment ${change.holder.id}`);
        if ((0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex') !== change.hash) {
            throw new errors/* ActionError */.lZ('Resource changed while planning', `Resource '${change.name}' of deployment ${change.holder.id} no longer has the bytes read a moment ago. A deployment's resources never change: a proxy or a replaced engine answers differently. Check api_url, then re-run.`, { changed: 'nothing' });
        }
        total += bytes.length;
        if (total > MAX_CREATE_BYTES) {
            throw new errors/* ActionError */.lZ('Rollback too large to send', `The resources to put back (${resolution.changes.map((c) => c.name).join(', ')}) come from several deployments and add up to more than ${MAX_CREATE_BYTES / 1024 / 1024} MiB, which the action does not hold in memory to send. Roll back with revision set to one deployment that holds them all, or deploy the earlier models from your pipeline.`, { changed: 'nothing' });
        }
        resources.push({ name: change.name, bytes });
    }
    return () => ctx.api.create({ name: ctx.name, source: ctx.source, tenantId: ctx.tenantId }, resources);
}
/** The id a 2xx names, if its body is a deployment; anything else is looked up. */
function namedId(response) {
    const body = response.body;
    return body && typeof body === 'object' && typeof body.id === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(body.id) ? body.id : undefined;
}
async function bySource(ctx, doing) {
    return ctx.api.listDeployments({ name: ctx.name, tenantId: ctx.tenantId, source: ctx.source }, {}, SOURCE_PAGE, doing);
}
async function findOwn(ctx, doing) {
    return (await bySource(ctx, doing)).find((d) => !ctx.before?.has(d.id));
}
async function lookUpAccepted(ctx) {
    for (let lookup = 0; lookup < LOOKUPS_AFTER_ACCEPTED; lookup++) {
        if (lookup > 0) {
            if (ctx.deadline.remainingMs() <= 1000)
                break;
            await ctx.deadline.sleep(1000);
        }
        const found = await findOwn(ctx, 'looking up the deployment the engine made');
        if (found)
            return found;
    }
    throw new errors/* ActionError */.lZ('Rollback deployment not found', `The engine accepted the request but its answer named no deployment, and no deployment named '${ctx.name}' with this run's source '${ctx.source}' is visible. Check the deployments in Cockpit before re-running: a re-run could deploy twice.`, { changed: 'accepted' });
}

;// CONCATENATED MODULE: ./src/providers/camunda/verify-rollback.ts

const KINDS = ['process', 'decision'];
/** Definitions listed for one deployment: past this, a server is not answering as an engine would. */
const MAX_DEFINITIONS_READ = 1000;
/** Distinct keys checked for being the latest version (one request each). */
const MAX_KEYS_CHECKED = 100;
/** Diagram images the engine generates on deploy (ProcessEngineConfiguration createDiagramOnDeploy): not sent, yet held. */
const GENERATED_DIAGRAM = /\.(png|jpg|jpeg|gif|svg)$/i;
/**
 * `completed` needs proof, read back from the engine:
 * - the new deployment is this run's: its source is this run's marker, it was not there before
 *   the send, and it has the rolled-back name and tenant;
 * - it holds exactly the resources put back, each with the target bytes (hashed one at a time);
 * - its definitions are the latest versions of their keys: what new instances start.
 */
async function verifyRollback(ctx, plan, receipt, tracker) {
    const { api, log } = ctx;
    const resolution = ctx.resolution;
    const id = receipt.outputs?.deployment_id ?? '';
    const doing = `verifying deployment ${id}`;
    tracker.pending(`checking that deployment ${id} is this run's, holds the target bytes and its definitions are the latest`);
    // Every failure here comes after the engine accepted the request: it says so ('accepted').
    const accepted = { changed: 'accepted' };
    const deployment = await api.getDeployment(id, doing);
    if (deployment.source !== ctx.source || ctx.before?.has(id) || deployment.name !== ctx.name || (deployment.tenantId ?? null) !== ctx.tenantId) {
        throw new errors/* ActionError */.lZ("The engine's answer names another deployment", `The engine accepted the request, but deployment ${id} (named '${deployment.name ?? ''}', source '${deployment.source ?? ''}', ${deployment.deploymentTime}) is not this run's: this run's carries source '${ctx.source}' and name '${ctx.name}'${ctx.before?.has(id) ? ', and this one existed before the request was sent' : ''}. Whether the rollback took effect is not proven: check the deployments named '${ctx.name}' in Cockpit before re-running.`, accepted);
    }
    const held = await api.listResources(id, doing);
    const expected = new Map(resolution.changes.map((change) => [change.name, change]));
    const problems = [];
    const names = new Set();
    for (const resource of held) {
        const change = expected.get(resource.name);
        if (!change || names.has(resource.name)) {
            // With createDiagramOnDeploy the engine adds a diagram image of each process it deploys.
            if (!change && GENERATED_DIAGRAM.test(resource.name))
                continue;
            problems.push(`it holds '${resource.name}', which the rollback did not send`);
            continue;
        }
        names.add(resource.name);
        if ((await api.resourceHash(id, resource.id, doing)) !== change.hash)
            problems.push(`'${resource.name}' holds other bytes than deployment ${change.holder.id}'s`);
    }
    for (const name of expected.keys())
        if (!names.has(name))
            problems.push(`'${name}' is missing`);
    if (problems.length > 0) {
        throw new errors/* ActionError */.lZ('The new deployment holds other content', `Deployment ${id} was made by this run but does not hold the target content: ${problems.join('; ')}. New instances may start other models than those of deployment ${plan.revision.id}: check them in Cockpit.`, accepted);
    }
    const keys = new Map();
    let listed = 0;
    for (const kind of KINDS) {
        const seen = new Set();
        for (let firstResult = 0; listed < MAX_DEFINITIONS_READ;) {
            const page = await api.definitionsOf(kind, id, firstResult, doing);
            const fresh = page.filter((definition) => !seen.has(definition.id));
            for (const definition of fresh) {
                seen.add(definition.id);
                listed++;
                if (definition.deploymentId !== id)
                    problems.push(`${kind} definition ${definition.id} was listed for deployment ${id} but belongs to ${definition.deploymentId}`);
                keys.set(`${kind}\n${definition.tenantId ?? ''}\n${definition.key}`, { kind, key: definition.key, tenantId: definition.tenantId, version: definition.version });
            }
            if (page.length < api.pageSize || fresh.length === 0)
                break;
            firstResult += page.length;
        }
    }
    const newer = [];
    const checked = [...keys.values()].slice(0, MAX_KEYS_CHECKED);
    for (const { kind, key, tenantId, version } of checked) {
        const latest = await api.latestDefinition(kind, key, tenantId, doing);
        if (!latest)
            newer.push(`${kind} '${key}' has no latest version at all (deleted since?)`);
        else if (latest.deploymentId !== id)
            newer.push(`${kind} '${key}': version ${latest.version} from deployment ${latest.deploymentId} is newer than the rolled-back version ${version}`);
    }
    if (problems.length > 0)
        throw new errors/* ActionError */.lZ('Unexpected definitions of the new deployment', `${problems.slice(0, 5).join('; ')}. Check api_url: a proxy may answer in the engine's place.`, accepted);
    if (newer.length > 0) {
        throw new errors/* ActionError */.lZ('A newer deployment overrides the rollback', `Deployment ${id} (the state of ${plan.revision.id}) was created, but its definitions are not the latest: ${newer.join('; ')}. New instances start the newer version. Something deployed after the rollback (a process application that auto-deploys on start, another pipeline): roll that back too, then re-run.`, accepted);
    }
    const unchecked = keys.size - checked.length;
    const definitions = `${checked.length} key${checked.length === 1 ? '' : 's'} checked${unchecked > 0 ? ` of ${keys.size}; the action checks at most ${MAX_KEYS_CHECKED}` : ''}`;
    log.info(`Verified: deployment ${id} is this run's, holds ${resolution.changes.length} resource${resolution.changes.length === 1 ? '' : 's'} with the target bytes${keys.size ? `, and its definitions are the latest versions (${definitions})` : ' (no process or decision definitions)'}.`);
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
/**
 * The definition kinds a resource makes, by the suffixes the engine's deployers parse
 * (BpmnDeployer.BPMN_RESOURCE_SUFFIXES and DecisionDefinitionDeployer.DMN_RESOURCE_SUFFIXES in
 * camunda/camunda-bpm-platform, engine/src/main/java/org/camunda/bpm/engine/impl/): a form or a
 * script makes none, so asking would be a wasted request.
 */
function definitionKinds(resources) {
    const kinds = [];
    if (resources.some((r) => r.name.endsWith('bpmn') || r.name.endsWith('bpmn20.xml')))
        kinds.push('process');
    if (resources.some((r) => r.name.endsWith('dmn') || r.name.endsWith('dmn11.xml')))
        kinds.push('decision');
    return kinds;
}
/** The history resolution reads, backed by engine-rest: a bounded, tie- and skew-stable walk; bytes only hashed, one resource at a time. */
function engineHistory(api, name, tenantId) {
    let walk;
    const doing = () => `reading the deployments named '${name()}'`;
    const listResources = (deployment) => api.listResources(deployment.id, `reading the resources of deployment ${deployment.id}`);
    // Listings read to choose which definitions to ask for, kept for the one read resolution makes
    // next (a few deployments at most: the walk's lookups are capped).
    const listed = new Map();
    const open = () => (walk ??= new DeploymentWalk({
        page: (window, maxResults) => api.listDeployments({ name: name(), tenantId }, window, maxResults, doing()),
        pageSize: () => api.pageSize,
        versions: async (deployment) => {
            const resources = listResources(deployment);
            listed.set(deployment.id, resources);
            const versions = new Map();
            for (const kind of definitionKinds(await resources)) {
                for (const definition of await api.definitionsOf(kind, deployment.id, 0, `ordering deployments made at nearly the same time (${deployment.deploymentTime})`)) {
                    const key = `${kind}:${definition.key}`;
                    versions.set(key, Math.max(versions.get(key) ?? 0, definition.version));
                }
            }
            return versions;
        }
    }));
    return {
        next: () => open().next(),
        describe: () => open().describe(),
        find: (id) => api.findDeployment(id, `reading deployment ${id}`),
        resources: (deployment) => {
            const kept = listed.get(deployment.id);
            listed.delete(deployment.id);
            return kept ?? listResources(deployment);
        },
        orderedByTimeOnly: () => walk?.byTimeOnly ?? [],
        hash: (deployment, resource) => api.resourceHash(deployment.id, resource.id, `reading resource '${resource.name}' of deployment ${deployment.id}`)
    };
}
/** Camunda 7 behind the provider interface: the deployment of a name is the instance, deployment ids the versions. */
function createCamundaProvider(settings, deps, env = process.env) {
    const client = new api_client/* ApiClient */.OW({
        baseUrl: settings.apiUrl,
        authHeaders: authHeaders(settings.auth),
        userAgent: `${deps.userAgent} (+camunda)`,
        deadline: deps.deadline,
        log: deps.log,
        platform: 'the Camunda engine'
    });
    const api = new CamundaApi(client, settings.auth.kind, settings.apiUrl);
    const tenantId = settings.tenantId ?? null;
    const ctx = {
        api,
        deadline: deps.deadline,
        log: deps.log,
        timeoutSeconds: settings.timeoutSeconds,
        name: settings.appId,
        tenantId,
        source: rollbackSource(env)
    };
    return {
        vocabulary: CAMUNDA_VOCABULARY,
        async plan() {
            const resolved = await resolveDeployment(engineHistory(api, () => ctx.name, tenantId), {
                name: settings.appId,
                tenantId,
                selector: settings.revision,
                resources: settings.resources
            }, (name) => {
                ctx.name = name;
            });
            ctx.resolution = resolved;
            const { current, target } = resolved;
            ctx.name = current.name ?? settings.appId;
            const instance = { id: current.id, name: ctx.name, version: current.id, status: `deployed ${current.deploymentTime}` };
            const change = describeChange(resolved);
            const warnings = [...resolved.warnings];
            for (const note of resolved.notes)
                deps.log.info(note);
            const processApplication = processApplicationWarning(resolved);
            if (processApplication)
                warnings.push(processApplication);
            deps.log.info(`Deployments named '${ctx.name}' ${tenantWords(tenantId)}, ${settings.resources ? `resources ${settings.resources.join(', ')}` : 'all resources'}: ` +
                `restoring the state right after deployment ${target.id} over ${current.id} (${change}); ${describeDelivery(resolved)}.`);
            return {
                appId: ctx.name,
                targets: [instance],
                toRedeploy: resolved.changes.length === 0 ? [] : [instance],
                revision: {
                    id: target.id,
                    version: target.id,
                    createdAt: target.deploymentTime,
                    createdBy: target.source ? `source '${target.source}'` : undefined,
                    operationType: 'deployment'
                },
                previousVersion: current.id,
                searched: resolved.searched,
                warnings,
                outputs: { previous_deployment_id: current.id, deployment_id: '' },
                consoleUrl: '',
                details: [
                    ['Tenant', tenantId ?? '(none)'],
                    ['Resources', settings.resources ? settings.resources.join(', ') : 'all'],
                    ['Undone', resolved.undone.map((d) => d.id).join(', ') || '(none)'],
                    ['Change', change],
                    ['Sent as', describeDelivery(resolved)],
                    ['Source of the new deployment', ctx.source],
                    ...(processApplication ? [['Process application', processApplication]] : [])
                ]
            };
        },
        trigger(plan, tracker) {
            return triggerRedeploy(ctx, plan, tracker);
        },
        waitUntilDone(plan, receipt, tracker) {
            return verifyRollback(ctx, plan, receipt, tracker);
        },
        dispose: () => client.dispose()
    };
}


/***/ })

};
