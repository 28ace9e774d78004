/**
 * Progress on stderr: a live line on a terminal, a line per tenth of the work otherwise (logs, CI),
 * so long work is never silent and stdout stays clean for results.
 */
export function progressReporter(label: string) {
  const tty = process.stderr.isTTY;
  let lastTenth = -1;
  return {
    update(done: number, total: number | null) {
      const share = total ? Math.floor((done / total) * 100) : null;
      const text = `${label}: ${done}${total ? `/${total} (${share}%)` : ''}`;
      if (tty) process.stderr.write(`\r${text}`);
      else if (share === null || Math.floor(share / 10) > lastTenth) {
        lastTenth = share === null ? lastTenth : Math.floor(share / 10);
        process.stderr.write(`${text}\n`);
      }
    },
    done() {
      if (tty) process.stderr.write('\n');
    },
  };
}
