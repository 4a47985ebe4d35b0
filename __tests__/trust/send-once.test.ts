import { describe, expect, it } from '@jest/globals';
import { Deadline, type Clock } from '../../src/clock.js';
import { ActionError, TimeoutError, type Changed } from '../../src/errors.js';
import { BodyTooLargeError, type ApiResponse } from '../../src/http/api-client.js';
import { TransportError } from '../../src/http/transport-error.js';
import { failure } from '../action-error.js';
import { sendOnce, UNKNOWN_OUTCOME_WATCH_MS, type ChangingRequest, type Probe } from '../../src/trust/send-once.js';

/**
 * The exactly-once rules of the one request that changes the platform (issue 13 §1), on a fake
 * clock: every wait advances time instantly, so a 15 s watch or a 60 s pause costs nothing.
 */
function fakeClock(): Clock & { t: number } {
  const clock = { t: Date.parse('2026-12-07T12:00:00Z'), now: () => clock.t, sleep: async (ms: number) => void (clock.t += Math.max(0, ms)), random: () => 0.5 };
  return clock;
}

const answer = (status: number, headers: Record<string, string> = {}, text = ''): ApiResponse => ({
  status,
  body: undefined,
  text,
  headers,
  endpoint: 'POST /redeploy',
  notJson: status < 300 && text !== ''
});

type Reply = ApiResponse | TransportError;

/** A request whose answers and probes are scripted; it records when each send and probe happened. */
function scripted(options: { replies: Reply[]; probes?: Array<Probe<string>['state']>; timeoutMs?: number } & Partial<ChangingRequest<string>>) {
  const clock = fakeClock();
  const deadline = new Deadline(clock, options.timeoutMs ?? 600_000);
  const sends: number[] = [];
  const probes: number[] = [];
  const marks: Changed[] = [];
  const lines: string[] = [];
  const replies = [...options.replies];
  const states = [...(options.probes ?? [])];
  const request: ChangingRequest<string> = {
    name: 'redeploy',
    platform: 'Test Cloud',
    deadline,
    log: { info: (m) => lines.push(m), warning: (m) => lines.push(m), debug: () => undefined },
    timeoutSeconds: (options.timeoutMs ?? 600_000) / 1000,
    tracker: { mark: (state) => marks.push(state), waitingToSend: () => undefined },
    send: async () => {
      sends.push(clock.t);
      const reply = replies.length > 1 ? replies.shift()! : replies[0]!;
      if (reply instanceof TransportError) throw reply;
      return reply;
    },
    explainRefusal: (response) => new ActionError('Refused', `answered ${response.status}`),
    probe: async () => {
      probes.push(clock.t);
      const state = states.length > 1 ? states.shift()! : (states[0] ?? 'quiet');
      return state === 'acted' ? { state, evidence: 'the CVM runs the target' } : { state };
    },
    whereToLook: 'the dashboard',
    ...options
  };
  return { clock, deadline, request, sends, probes, marks, lines, run: () => sendOnce(request) };
}

describe('accepted', () => {
  it.each([
    [202, ''],
    [200, '<html>ok</html>'],
    [204, '']
  ])('%i (body %j) is accepted after one send, and the tracker says so', async (status, text) => {
    const t = scripted({ replies: [answer(status, {}, text)] });
    const outcome = await t.run();
    expect(outcome).toMatchObject({ kind: 'accepted', sentAt: t.sends[0] });
    expect(t.sends).toHaveLength(1);
    expect(t.probes).toHaveLength(0);
    expect(t.marks).toEqual(['unknown', 'accepted']);
  });
});

describe('refused', () => {
  it.each([400, 401, 403, 404, 405, 422])('%i: the provider explains it, nothing changed, sent once', async (status) => {
    const t = scripted({ replies: [answer(status)] });
    const error = await failure(t.run());
    expect(error).toMatchObject({ title: 'Refused', message: `answered ${status}`, changed: 'nothing' });
    expect(t.sends).toHaveLength(1);
    expect(t.probes).toHaveLength(0);
    expect(t.marks.at(-1)).toBe('nothing');
  });

  it("a provider's extra refusal (Phala's 465) is a refusal, not an unknown", async () => {
    const t = scripted({ replies: [answer(465)], extraRefusals: [465] });
    expect(await failure(t.run())).toMatchObject({ title: 'Refused', changed: 'nothing' });
    expect(t.probes).toHaveLength(0);
  });
});

describe('busy (409)', () => {
  it('waits until the platform is free, then sends again 1–60 s later', async () => {
    let waited = 0;
    const t = scripted({
      replies: [answer(409, { 'retry-after': '0' }), answer(202)],
      waitUntilFree: async () => {
        waited++;
        return { kind: 'free' };
      }
    });
    expect(await t.run()).toMatchObject({ kind: 'accepted' });
    expect(waited).toBe(1);
    expect(t.sends).toHaveLength(2);
    expect(t.sends[1]! - t.sends[0]!).toBeGreaterThanOrEqual(1000);
    expect(t.sends[1]! - t.sends[0]!).toBeLessThanOrEqual(60_000);
    expect(t.marks).toEqual(['unknown', 'nothing', 'unknown', 'accepted']);
  });

  it('a Retry-After of a day is cut to 60 s', async () => {
    const t = scripted({ replies: [answer(409, { 'retry-after': '86400' }), answer(202)] });
    await t.run();
    expect(t.sends[1]! - t.sends[0]!).toBe(60_000);
  });

  it('the targets got there on their own while waiting: nothing is sent again', async () => {
    const t = scripted({ replies: [answer(409), answer(202)], waitUntilFree: async () => ({ kind: 'already-there', reason: 'someone else rolled back' }) });
    expect(await t.run()).toEqual({ kind: 'already-there', reason: 'someone else rolled back' });
    expect(t.sends).toHaveLength(1);
  });

  it('busy until the deadline: timed out, nothing changed', async () => {
    const t = scripted({ replies: [answer(409, { 'retry-after': '5' })], timeoutMs: 30_000 });
    const error = await failure(t.run());
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.changed).toBe('nothing');
    expect(t.clock.t).toBeLessThanOrEqual(t.deadline.expiresAt);
  });
});

describe('throttled (429)', () => {
  it.each([
    ['5', 5000],
    ['0', 1000],
    ['999999', 60_000],
    ['Wed, 21 Oct 2015 07:28:00 GMT', 1000]
  ])('Retry-After %s: sent again %i ms later', async (retryAfter, pause) => {
    const t = scripted({ replies: [answer(429, { 'retry-after': retryAfter }), answer(202)] });
    expect(await t.run()).toMatchObject({ kind: 'accepted' });
    expect(t.sends[1]! - t.sends[0]!).toBe(pause);
  });

  it("the provider's own pause (e.g. a rate-limit reset time) is used as it is", async () => {
    const t = scripted({ replies: [answer(429, { 'retry-after': '1' }), answer(202)], throttlePauseMs: () => 7000 });
    await t.run();
    expect(t.sends[1]! - t.sends[0]!).toBe(7000);
  });

  it.each([
    [0, 1000],
    [-5000, 1000],
    [60_000, 60_000]
  ])("the provider's pause is never under 1 s: %i ms asked, sent again %i ms later", async (asked, pause) => {
    const t = scripted({ replies: [answer(429), answer(202)], throttlePauseMs: () => asked });
    await t.run();
    expect(t.sends[1]! - t.sends[0]!).toBe(pause);
  });

  it("a provider's pause beyond 60 s (a documented reset time) is waited for while the deadline allows", async () => {
    const t = scripted({ replies: [answer(429), answer(202)], throttlePauseMs: () => 90_000, timeoutMs: 300_000 });
    await t.run();
    expect(t.sends[1]! - t.sends[0]!).toBe(90_000);
  });

  it("a provider's pause past the deadline (a reset an hour away) is not waited for: refused at once, nothing changed", async () => {
    const t = scripted({ replies: [answer(429), answer(202)], throttlePauseMs: () => 3_600_000 });
    const error = await failure(t.run());
    expect(error).toMatchObject({ message: 'answered 429', changed: 'nothing' });
    expect(t.sends).toHaveLength(1);
    expect(t.clock.t - t.sends[0]!).toBe(0);
  });

  it('maxThrottledResends bounds the resends: then refused, nothing changed', async () => {
    const t = scripted({ replies: [answer(429, { 'retry-after': '1' })], maxThrottledResends: 2 });
    const error = await failure(t.run());
    expect(error).toMatchObject({ title: 'Refused', message: 'answered 429', changed: 'nothing' });
    expect(t.sends).toHaveLength(3);
  });

  it('a pause that would pass the deadline is not waited: refused at once, nothing changed', async () => {
    const t = scripted({ replies: [answer(429, { 'retry-after': '50' })], timeoutMs: 20_000 });
    const error = await failure(t.run());
    expect(error.changed).toBe('nothing');
    expect(t.sends).toHaveLength(1);
    expect(t.clock.t - t.sends[0]!).toBeLessThan(1000);
  });
});

describe('unknown: never re-sent, read back', () => {
  it.each<[string, Reply]>([
    ['a 303', answer(303, { location: '/elsewhere' })],
    ['a 307 to another origin', answer(307, { location: 'https://evil.example/redeploy' })],
    ['a 304', answer(304)],
    ['a 500', answer(500)],
    ['a 418', answer(418)],
    ['a reset', new TransportError('POST /redeploy', 'ECONNRESET', true)],
    ['a timeout', new TransportError('POST /redeploy', 'TIMEOUT', true)]
  ])('%s, then the platform shows it acted: found, sent once', async (_, reply) => {
    const t = scripted({ replies: [reply], probes: ['quiet', 'busy', 'acted'] });
    const outcome = await t.run();
    expect(outcome).toMatchObject({ kind: 'found', evidence: 'the CVM runs the target', sentAt: t.sends[0] });
    expect(t.sends).toHaveLength(1);
    expect(t.probes).toHaveLength(3);
    expect(t.marks).toEqual(['unknown', 'unknown', 'accepted']);
  });

  it('an answer too large to read is unknown too: read back, never re-sent', async () => {
    const t = scripted({
      replies: [answer(202)],
      send: async () => {
        t.sends.push(t.clock.t);
        throw new BodyTooLargeError('POST /redeploy', 16 * 1024 * 1024, 'Test Cloud');
      },
      probes: ['acted']
    });
    expect(await t.run()).toMatchObject({ kind: 'found', lost: 'an answer too large to read' });
    expect(t.sends).toHaveLength(1);
  });

  it('quiet for the whole 15 s watch: "not acted on", nothing changed, never re-sent', async () => {
    const t = scripted({ replies: [answer(502)], probes: ['quiet'] });
    const error = await failure(t.run());
    expect(error).toMatchObject({ title: 'Redeploy not acted on', changed: 'nothing' });
    expect(error.message).toContain('answered 502');
    expect(error.message).toContain('not sent again');
    expect(t.sends).toHaveLength(1);
    expect(t.probes.at(-1)! - t.probes[0]!).toBeGreaterThanOrEqual(UNKNOWN_OUTCOME_WATCH_MS);
    expect(UNKNOWN_OUTCOME_WATCH_MS).toBeGreaterThanOrEqual(15_000);
    expect(t.marks.at(-1)).toBe('nothing');
  });

  it('a platform still moving keeps the watch going past 15 s, until it shows the request acted', async () => {
    const states: Array<Probe<string>['state']> = [...Array<'busy'>(20).fill('busy'), 'acted'];
    const t = scripted({ replies: [answer(502)], probes: states });
    expect(await t.run()).toMatchObject({ kind: 'found' });
    expect(t.probes.at(-1)! - t.probes[0]!).toBeGreaterThan(UNKNOWN_OUTCOME_WATCH_MS);
    expect(t.sends).toHaveLength(1);
  });

  it('busy, then quiet: "not acted on" only after 15 s', async () => {
    const t = scripted({ replies: [answer(502)], probes: ['busy', 'busy', 'quiet'] });
    expect(await failure(t.run())).toMatchObject({ title: 'Redeploy not acted on' });
    expect(t.probes.at(-1)! - t.probes[0]!).toBeGreaterThanOrEqual(UNKNOWN_OUTCOME_WATCH_MS);
  });

  it('the deadline comes first: undecided (timed out, changed unknown), never past the deadline', async () => {
    const t = scripted({ replies: [new TransportError('POST /redeploy', 'TIMEOUT', true)], probes: ['busy'], timeoutMs: 10_000 });
    const error = await failure(t.run());
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.changed).toBe('unknown');
    expect(error.message).toContain('the dashboard');
    expect(t.sends).toHaveLength(1);
    expect(t.clock.t).toBeLessThanOrEqual(t.deadline.expiresAt);
    expect(t.marks.at(-1)).toBe('unknown');
  });

  it('a probe cut off by the deadline is undecided too', async () => {
    const t = scripted({
      replies: [answer(504)],
      probe: async () => {
        throw new TimeoutError('read timed out');
      }
    });
    const error = await failure(t.run());
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.changed).toBe('unknown');
  });

  it('a deadline already over sends nothing', async () => {
    const t = scripted({ replies: [answer(202)], timeoutMs: 0 });
    const error = await failure(t.run());
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.changed).toBe('nothing');
    expect(t.sends).toHaveLength(0);
  });
});
