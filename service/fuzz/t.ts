import { TARGETS } from './targets.js';
for (const name of ['csv:paypal', 'csv:generic', 'csv:adyen-settlement-details']) {
  const t = TARGETS.find((x) => x.name === name)!;
  for (const n of [8000, 32000]) {
    const input = Buffer.from('Date,Description,Amount,Currency\n' + '3\n'.repeat(n));
    const c = process.cpuUsage();
    let r = 'ok';
    try { await t.run(input); } catch (e) { r = (e as Error).message.slice(0, 90); }
    const u = process.cpuUsage(c);
    console.log(name, input.length, ((u.user + u.system) / 1000).toFixed(0), 'ms cpu', r);
  }
}
