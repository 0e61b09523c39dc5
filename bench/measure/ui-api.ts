// Calls the server face's UI API with the bench token over a keep-alive connection, timing each call.
import http from 'node:http';
import { BENCH_TOKEN } from '../servers/protocol.js';

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

export interface Timed<T> {
  body: T;
  ms: number;
}

export async function getJson<T>(port: number, pathAndQuery: string): Promise<Timed<T>> {
  try {
    return await getOnce<T>(port, pathAndQuery);
  } catch (error) {
    // The server closed the idle kept-alive socket just as this call reused it (Node's documented race, more likely
    // on a loaded machine): a GET is safe to send again, on a fresh socket.
    if ((error as { reusedSocket?: boolean }).reusedSocket) return getOnce<T>(port, pathAndQuery);
    throw error;
  }
}

function getOnce<T>(port: number, pathAndQuery: string): Promise<Timed<T>> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.get(
      { host: '127.0.0.1', port, path: pathAndQuery, agent, headers: { authorization: `Bearer ${BENCH_TOKEN}` } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const ms = performance.now() - started;
          const text = Buffer.concat(chunks).toString('utf8');
          if ((res.statusCode ?? 0) >= 400) reject(new Error(`${res.statusCode} ${pathAndQuery}: ${text}`));
          else resolve({ body: JSON.parse(text) as T, ms });
        });
        res.on('error', reject);
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) =>
      reject(req.reusedSocket && error.code === 'ECONNRESET' ? Object.assign(error, { reusedSocket: true }) : error),
    );
  });
}

export async function appliedSeq(port: number): Promise<number> {
  const { body } = await getJson<{ journal: { appliedSeq: number } }>(port, '/api/status');
  return body.journal.appliedSeq;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const at = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[at] ?? Number.NaN;
}

/** A change through the UI API (POST, PATCH, DELETE) on a fresh connection; the answer's JSON. */
export function sendJson<T>(port: number, method: string, pathname: string, body?: unknown): Promise<T> {
  const text = body === undefined ? '' : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: pathname,
        method,
        agent: false,
        headers: {
          authorization: `Bearer ${BENCH_TOKEN}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(text),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const answer = Buffer.concat(chunks).toString('utf8');
          if ((res.statusCode ?? 0) >= 400) reject(new Error(`${res.statusCode} ${method} ${pathname}: ${answer}`));
          else resolve(JSON.parse(answer) as T);
        });
      },
    );
    req.on('error', reject);
    req.end(text);
  });
}
