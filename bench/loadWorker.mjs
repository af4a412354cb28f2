// Runs one autocannon load in a worker thread, so two loads (search + health probe) never share an
// event loop and the probe's latencies are not inflated by the other load's bookkeeping.
import { parentPort, workerData } from 'node:worker_threads';
import autocannon from 'autocannon';

/**
 * `paths` entries are a path, or `{ path, headers }` for a request with its own headers (e.g. the
 * session cookie of one of several signed-in accounts); `headers` apply to every request.
 * @type {{ url: string; paths: Array<string | { path: string; headers?: Record<string, string> }>; connections: number; duration: number; headers?: Record<string, string> }}
 */
const { url, paths, connections, duration, headers } = workerData;

let next = 0;
const times = [];
const failures = [];

const instance = autocannon({
  url,
  connections,
  duration,
  headers,
  // Every request takes the next path of the rotating mix.
  requests: [
    {
      method: 'GET',
      setupRequest: (req) => {
        const entry = paths[next++ % paths.length];
        if (typeof entry === 'string') req.path = entry;
        else {
          req.path = entry.path;
          if (entry.headers) req.headers = { ...req.headers, ...entry.headers };
        }
        return req;
      },
    },
  ],
});

instance.on('response', (client, statusCode, _bytes, responseTime) => {
  times.push(responseTime);
  if ((statusCode < 200 || statusCode >= 300) && failures.length < 5) failures.push({ statusCode, path: client.opts?.path ?? '' });
});

instance.on('done', (result) => {
  times.sort((a, b) => a - b);
  const pct = (p) => (times.length ? times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)] : 0);
  parentPort.postMessage({
    // Completed responses (autocannon's own counters include requests still in flight at the end).
    requests: times.length,
    reqPerSec: times.length / result.duration,
    p50: pct(50),
    p95: pct(95),
    p99: pct(99),
    max: times.at(-1) ?? 0,
    errors: result.errors + result.non2xx,
    non2xx: result.non2xx,
    failures,
  });
});
