/**
 * HTTP load for the settle benchmark, in a worker thread so that the clients' own work does not
 * run on the server's event loop (as a separate load generator would not). Plain JavaScript,
 * because worker threads start without the TypeScript loader.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';

const { address, key, entries, payments, clients, seconds } = workerData;
const pick = (list) => list[Math.floor(Math.random() * list.length)];
const latencies = [];
let failed = 0;
const start = performance.now();
const end = start + seconds * 1000;
await Promise.all(
  Array.from({ length: clients }, async () => {
    while (performance.now() < end) {
      const t = performance.now();
      const response = await fetch(`${address}/v1/settlements`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ allocations: [{ entryId: pick(entries), paymentId: pick(payments), amount: '1.00' }] }),
      });
      await response.arrayBuffer();
      if (response.status === 201) latencies.push(performance.now() - t);
      else failed++;
    }
  }),
);
parentPort.postMessage({ latencies, failed, seconds: (performance.now() - start) / 1000 });
