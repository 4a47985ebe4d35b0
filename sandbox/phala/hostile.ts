/**
 * Writers for a hostile server's answers: a body too large to buffer, a body that never ends,
 * and bytes that are not valid HTTP. Each stops as soon as the client goes away.
 */
import type { ServerResponse } from 'node:http';
import type { HostileAnswer } from './faults.js';

const CHUNK_BYTES = 64 * 1024;

type After = (ms: number, fn: () => void) => void;

/** The status a hostile answer shows in the journal (0: no parseable status was sent). */
export function hostileStatus(a: HostileAnswer, normalStatus: number): number {
  switch (a.hostile) {
    case 'huge-body':
      return 200;
    case 'slow-body':
      return normalStatus;
    case 'raw':
      return 0;
  }
}

/** 200 with a JSON-looking body of exactly sizeBytes, chunked, honouring back-pressure. */
export function writeHugeBody(res: ServerResponse, sizeBytes: number, requestId: string): void {
  const head = '{"padding":"';
  const tail = '"}';
  res.writeHead(200, { 'Content-Type': 'application/json', 'X-Request-ID': requestId });
  const fillerBytes = Math.max(0, sizeBytes - head.length - tail.length);
  const filler = Buffer.alloc(CHUNK_BYTES, 'x');
  let left = fillerBytes;
  if (sizeBytes >= head.length + tail.length) res.write(head);
  const pump = (): void => {
    while (left > 0 && !res.destroyed) {
      const n = Math.min(left, CHUNK_BYTES);
      left -= n;
      if (!res.write(n === CHUNK_BYTES ? filler : filler.subarray(0, n))) {
        res.once('drain', pump);
        return;
      }
    }
    if (!res.destroyed) res.end(sizeBytes >= head.length + tail.length ? tail : '{}'.slice(0, sizeBytes));
  };
  pump();
}

/**
 * Headers at once, then `text` (the normal answer) chunkBytes at a time every intervalMs,
 * followed by JSON whitespace for ever, or until totalBytes have gone out.
 */
export function trickle(
  res: ServerResponse,
  status: number,
  text: string,
  spec: { chunkBytes: number; intervalMs: number; totalBytes?: number },
  requestId: string,
  after: After
): void {
  res.writeHead(status, { 'Content-Type': 'application/json', 'X-Request-ID': requestId });
  const body = Buffer.from(text, 'utf8');
  let sent = 0;
  const tick = (): void => {
    if (res.destroyed || res.writableEnded) return;
    let n = spec.chunkBytes;
    if (spec.totalBytes !== undefined) n = Math.min(n, spec.totalBytes - sent);
    if (n > 0) {
      const chunk = Buffer.alloc(n, ' ');
      if (sent < body.length) body.copy(chunk, 0, sent, Math.min(body.length, sent + n));
      res.write(chunk);
      sent += n;
    }
    if (spec.totalBytes !== undefined && sent >= spec.totalBytes) res.end();
    else after(spec.intervalMs, tick);
  };
  tick();
}

/** Bytes straight onto the socket, bypassing node's HTTP framing, then the socket closes. */
export function writeRaw(res: ServerResponse, raw: string): void {
  const socket = res.socket;
  if (!socket) return;
  socket.end(raw, 'utf8');
}
