import { describe, expect, it } from '@jest/globals';
import type { ApiResponse } from '../../src/http/api-client.js';
import { TransportError } from '../../src/http/transport-error.js';
import { classifyAnswer, DEFINITE_REFUSALS } from '../../src/trust/classify-answer.js';

const answer = (status: number, text = ''): ApiResponse => ({ status, body: undefined, text, headers: {}, endpoint: 'POST /redeploy', notJson: text !== '' });

/** The one classification of the answer to the request that changes the platform (issue 13 §1). */
describe('classifyAnswer', () => {
  it.each([200, 201, 202, 204, 299])('%i is accepted, whatever its body (empty, not JSON)', (status) => {
    expect(classifyAnswer(answer(status)).kind).toBe('accepted');
    expect(classifyAnswer(answer(status, '<html>ok</html>')).kind).toBe('accepted');
  });

  it('the definite refusals are exactly 400, 401, 403, 404, 405 and 422', () => {
    expect([...DEFINITE_REFUSALS].sort()).toEqual([400, 401, 403, 404, 405, 422]);
    for (const status of DEFINITE_REFUSALS) expect(classifyAnswer(answer(status)).kind).toBe('refused');
  });

  it("a provider's documented extra refusals are refusals too, only for that provider", () => {
    expect(classifyAnswer(answer(465), [465]).kind).toBe('refused');
    expect(classifyAnswer(answer(465)).kind).toBe('unknown');
  });

  it('409 is busy and 429 throttled: not acted on, to be sent again', () => {
    expect(classifyAnswer(answer(409)).kind).toBe('busy');
    expect(classifyAnswer(answer(429)).kind).toBe('throttled');
  });

  it.each([
    [300, 'a multiple choice'],
    [301, 'a permanent redirect'],
    [302, 'a found redirect'],
    [303, 'a see-other redirect'],
    [304, 'a not-modified'],
    [307, 'a temporary redirect'],
    [308, 'a permanent redirect keeping the method'],
    [100, 'an informational status as final answer'],
    [402, 'an unusual 4xx'],
    [408, 'a request timeout from a proxy'],
    [410, 'gone'],
    [418, 'a teapot'],
    [451, 'unavailable for legal reasons'],
    [499, "a proxy's client-closed"],
    [500, 'an internal error'],
    [502, 'a bad gateway'],
    [503, 'unavailable'],
    [504, 'a gateway timeout'],
    [520, "a CDN's unknown error"],
    [599, 'a network timeout'],
    [0, 'no parseable status']
  ])('%i (%s) is unknown: the platform may have acted', (status) => {
    const classified = classifyAnswer(answer(status));
    expect(classified).toMatchObject({ kind: 'unknown', lost: `answered ${status}` });
  });

  it.each(['ECONNRESET', 'TIMEOUT', 'SOCKET_HANG_UP', 'HPE_INVALID_CONSTANT'])('no answer (%s) is unknown', (code) => {
    expect(classifyAnswer(new TransportError('POST /redeploy', code, true))).toEqual({ kind: 'unknown', lost: `no answer: ${code}` });
  });
});
