// Preloaded into a measured process (NODE_OPTIONS=--import): reports its peak RSS when it exits.
process.on('exit', () => {
  process.stderr.write(`\nPEAK_RSS_KB=${process.resourceUsage().maxRSS}\n`);
});
