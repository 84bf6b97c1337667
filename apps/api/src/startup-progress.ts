// Progress of long start-up work on the terminal: a bar on a TTY, one line per phase otherwise (CI logs).
export interface Progress { phase: string; done: number; total: number }

export function startupProgress() {
  const tty = process.stdout.isTTY;
  let lastPhase = '';
  let lastLine = 0;
  const report = (p: Progress) => {
    if (p.phase !== lastPhase) {
      if (tty && lastPhase) process.stdout.write('\n');
      if (!tty) console.log(`${p.phase}…`);
      lastPhase = p.phase;
    }
    if (!tty) return;
    const now = Date.now();
    if (now - lastLine < 100 && p.done < p.total) return;
    lastLine = now;
    const pct = p.total > 0 ? Math.min(1, p.done / p.total) : 0;
    const bar = '█'.repeat(Math.round(pct * 30)).padEnd(30, '░');
    process.stdout.write(`\r${p.phase.padEnd(42)} ${bar} ${String(Math.round(pct * 100)).padStart(3)}% (${p.done}/${p.total})`);
  };
  return Object.assign(report, { done: () => { if (tty && lastPhase) process.stdout.write('\n'); } });
}
