// Progress of long first-start work (prepare.ts) on the terminal: a bar on a TTY; otherwise (CI logs, docker logs) one line
// per phase plus a count at most every few seconds, so a slow first start never looks hung.
export interface Progress {
  phase: string;
  done: number;
  total: number;
  detail?: string;
}

const LOG_EVERY_MS = 3000;

export function startupProgress() {
  const tty = process.stdout.isTTY;
  let lastPhase = '';
  let lastLine = 0;
  const report = (p: Progress) => {
    const now = Date.now();
    const count = `(${p.done}/${p.total}${p.detail ? `, ${p.detail}` : ''})`;
    if (p.phase !== lastPhase) {
      if (tty && lastPhase) process.stdout.write('\n');
      if (!tty) console.log(`${p.phase}…`);
      lastPhase = p.phase;
      lastLine = now;
    }
    if (!tty) {
      if (now - lastLine >= LOG_EVERY_MS && p.done < p.total) {
        console.log(`  ${count}`);
        lastLine = now;
      }
      return;
    }
    if (now - lastLine < 100 && p.done < p.total) return;
    lastLine = now;
    const pct = p.total > 0 ? Math.min(1, p.done / p.total) : 0;
    const bar = '█'.repeat(Math.round(pct * 30)).padEnd(30, '░');
    process.stdout.write(`\r${p.phase.padEnd(42)} ${bar} ${String(Math.round(pct * 100)).padStart(3)}% ${count}`);
  };
  return Object.assign(report, {
    done: () => {
      if (tty && lastPhase) process.stdout.write('\n');
    },
  });
}
