export const id = 136;
export const ids = [136];
export const modules = {

/***/ 3136:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   startDeploymentRecord: () => (/* binding */ startDeploymentRecord)
/* harmony export */ });
/* unused harmony exports WARNING_TITLE, createDeploymentRecord */
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(157);
/* harmony import */ var _report_run_url_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7751);


const WARNING_TITLE = 'GitHub deployment record';
const MAX_DESCRIPTION = 140;

/**
 * Opens a GitHub deployment for the rollback (status in_progress), so the repository's
 * environment page shows what the action did. A record is a courtesy, not part of the
 * rollback: every GitHub failure becomes one warning saying what to fix, and later calls are
 * skipped. Returns undefined when there is no token or the deployment could not be created.
 */
async function createDeploymentRecord(options) {
    const { token, env, log } = options;
    if (!token)
        return undefined;
    const [owner, repo, ...rest] = (env.GITHUB_REPOSITORY ?? '').trim().split('/');
    const ref = env.GITHUB_SHA?.trim() || env.GITHUB_REF?.trim();
    if (!owner || !repo || rest.length > 0 || !ref) {
        log.warning('GITHUB_REPOSITORY and GITHUB_SHA are not set (is this running outside GitHub Actions?), so no deployment is recorded. The rollback is unaffected.', WARNING_TITLE);
        return undefined;
    }
    const baseUrl = (env.GITHUB_API_URL?.trim() || 'https://api.github.com').replace(/\/+$/, '');
    const environment = options.environment.trim() || 'production';
    const logUrl = (0,_report_run_url_js__WEBPACK_IMPORTED_MODULE_1__/* .runUrl */ .V)(env);
    const timeoutMs = options.requestTimeoutMs ?? 10_000;
    const context = { baseUrl, repository: `${owner}/${repo}`, ref, environment, timeoutMs };
    let octokit;
    try {
        octokit = (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(token, {
            baseUrl,
            ...(options.userAgent ? { userAgent: options.userAgent } : {}),
            // Octokit's own notices (e.g. deprecations) are for the debug log, not annotations.
            log: { debug: () => undefined, info: () => undefined, warn: (m) => log.debug(m), error: (m) => log.debug(m) }
        });
    }
    catch (error) {
        log.warning(`Could not set up the GitHub client: ${describe(error)}. The rollback is unaffected.`, WARNING_TITLE);
        return undefined;
    }
    let broken = false;
    /**
     * Runs one GitHub call within the cap. A refusal is reported once and stops all later calls
     * (the token or the repository is wrong); a call that timed out does not, so a slow
     * in_progress never keeps the final state from being sent.
     */
    async function attempt(step, call) {
        if (broken)
            return undefined;
        const controller = new AbortController();
        const timer = setTimeout(() => controller.abort(), timeoutMs);
        try {
            return await call(controller.signal);
        }
        catch (error) {
            const timedOut = controller.signal.aborted;
            broken = !timedOut;
            const further = broken ? ' no further deployment updates are sent.' : '';
            log.warning(`Could not ${step}: ${explain(error, timedOut, context)} The rollback is unaffected;${further || ' it goes on without waiting for GitHub.'}`, WARNING_TITLE);
            return undefined;
        }
        finally {
            clearTimeout(timer);
        }
    }
    const postStatus = (deploymentId, state, description, environmentUrl) => attempt(`set the deployment status to ${state}`, (signal) => octokit.rest.repos.createDeploymentStatus({
        owner,
        repo,
        deployment_id: deploymentId,
        state,
        description: truncate(description),
        ...(logUrl ? { log_url: logUrl } : {}),
        ...(environmentUrl ? { environment_url: environmentUrl } : {}),
        request: { signal }
    }));
    const created = await attempt(`create a deployment in ${context.repository}`, (signal) => octokit.rest.repos.createDeployment({
        owner,
        repo,
        ref,
        environment,
        task: 'deploy:rollback',
        description: truncate(options.description),
        // A rollback must not wait for checks or merge the default branch into an old commit.
        required_contexts: [],
        auto_merge: false,
        transient_environment: false,
        payload: options.payload ?? {},
        request: { signal }
    }));
    if (!created)
        return undefined;
    // 202 means GitHub merged instead of deploying; only auto_merge does that, and it is off.
    const deployment = created.data;
    if (created.status !== 201 || typeof deployment.id !== 'number') {
        log.warning(`GitHub did not create a deployment (answered ${created.status}${typeof deployment.message === 'string' ? `: ${deployment.message}` : ''}). The rollback is unaffected.`, WARNING_TITLE);
        return undefined;
    }
    const id = deployment.id;
    log.info(`Recorded GitHub deployment ${id} for environment '${environment}'.`);
    await postStatus(id, 'in_progress', options.description);
    return {
        id,
        logUrl,
        finish: async (state, description, environmentUrl) => {
            await postStatus(id, state, description, environmentUrl);
        }
    };
}
/** What went wrong and what the user can change, from an Octokit error. */
function explain(error, timedOut, context) {
    if (timedOut)
        return `GitHub (${context.baseUrl}) did not answer within ${context.timeoutMs / 1000}s.`;
    const status = error.status;
    const response = error.response;
    if (typeof status !== 'number' || !response)
        return `GitHub (${context.baseUrl}) could not be reached: ${describe(error)}.`;
    const data = response.data;
    const said = typeof data?.message === 'string' ? ` (${data.message})` : '';
    const answered = `GitHub answered ${status}${said}.`;
    switch (status) {
        case 401:
            return `${answered} The token was refused: check github_token (e.g. github_token: \${{ github.token }}).`;
        case 403:
            if (response.headers?.['x-ratelimit-remaining'] === '0')
                return `${answered} The API rate limit for this token is used up.`;
            return `${answered} The token may not write deployments: add \`permissions: deployments: write\` to the job (a fine-grained token needs "Deployments: Read and write").`;
        case 404:
            return `${answered} Repository ${context.repository} is not visible to this token at ${context.baseUrl}: add \`permissions: deployments: write\` to the job, and check GITHUB_API_URL on GitHub Enterprise Server.`;
        case 422:
            return `${answered} ${validationDetail(data?.errors)}Check that commit ${context.ref} is pushed to ${context.repository} and that '${context.environment}' is a valid environment name.`;
        default:
            return status >= 500 ? `${answered} GitHub had a server error; the record will be incomplete for this run.` : answered;
    }
}
function validationDetail(errors) {
    if (!Array.isArray(errors))
        return '';
    const parts = errors
        .map((e) => typeof e.message === 'string' ? e.message : typeof e.field === 'string' ? `${e.field}: ${String(e.code)}` : '')
        .filter((part) => part !== '');
    return parts.length > 0 ? `${parts.join('; ')}. ` : '';
}
function describe(error) {
    return error instanceof Error ? error.message : String(error);
}
/** GitHub rejects descriptions over 140 characters. */
function truncate(text) {
    const flat = text.replace(/\s+/g, ' ').trim();
    return flat.length > MAX_DESCRIPTION ? `${flat.slice(0, MAX_DESCRIPTION - 1)}…` : flat;
}
function startDeploymentRecord(options) {
    const created = createDeploymentRecord(options).catch((error) => {
        options.log.warning(`Could not record the rollback on GitHub: ${describe(error)}. The rollback is unaffected.`, WARNING_TITLE);
        return undefined;
    });
    let finishing;
    return {
        opened: (maxWaitMs) => within(created.then(() => undefined), maxWaitMs),
        finish: (state, description, environmentUrl, maxWaitMs) => {
            finishing ??= created.then((record) => record?.finish(state, description, environmentUrl));
            return within(finishing, maxWaitMs);
        }
    };
}
/** Waits for `work` at most `ms`; the timer does not keep the process alive. */
function within(work, ms) {
    return new Promise((resolve) => {
        const timer = setTimeout(resolve, Math.max(0, ms));
        timer.unref();
        void work.then(() => {
            clearTimeout(timer);
            resolve();
        }, () => {
            clearTimeout(timer);
            resolve();
        });
    });
}


/***/ })

};
