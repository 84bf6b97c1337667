// The two steps of `pnpm start` (scripts/run.mjs; the national benchmark starts them the same way): data/prepare.ts, the
// first-start work, then the API server (apps/api/src/server.ts).
// The server's process is started before prepare has finished: when prepare says that only its tail is left (IPC
// message 'tail': the boundaries are written; on a national first start the demo's commit, the puskesmas seed and
// ANALYZE follow, seconds mostly on one core), so that node, tsx and the app's modules load on the other core instead
// of after prepare (~2 s). The server waits (PETA_AFTER_PREPARE) and opens the database only when told that prepare
// exited with 0; when prepare fails or the start is interrupted, it is stopped before it opened anything.
// Plain JavaScript: run.mjs imports it before any dependency is installed.
import { spawn } from 'node:child_process';

/**
 * Starts both steps. `onSpawn` sees each process as it starts (the benchmark reads their output); `onExit` is called
 * once, with prepare's exit code when it failed (after the waiting server is gone), else with the server's.
 */
export function startTwoSteps({ root, env = process.env, stdio = 'inherit', onSpawn = () => {}, onExit }) {
  const io = typeof stdio === 'string' ? [stdio, stdio, stdio] : stdio;
  const node = (entry, extraEnv) => {
    const child = spawn(process.execPath, ['--import', 'tsx', entry], {
      cwd: root,
      env: { ...env, ...extraEnv },
      stdio: [...io, 'ipc'],
    });
    onSpawn(child, entry);
    return child;
  };
  const exited = (child) => child.exitCode !== null || child.signalCode !== null;
  let server = null;
  let stopping = false;
  let prepareCode; // set once prepare has exited
  let failed = false;
  let done = false;
  const finish = (code) => {
    if (done) return;
    done = true;
    onExit(code);
  };
  const startServer = () => {
    if (server || stopping) return;
    server = node('apps/api/src/server.ts', { PETA_AFTER_PREPARE: '1' });
    server.on('exit', (code) => {
      // While prepare still runs (Ctrl-C reached both), its exit finishes.
      if (prepareCode !== undefined) finish(failed ? prepareCode : (code ?? 0));
    });
  };
  const prepare = node('data/prepare.ts');
  prepare.on('message', (m) => m === 'tail' && startServer());
  prepare.on('exit', (code) => {
    prepareCode = code ?? 1;
    const ok = prepareCode === 0 && !stopping;
    if (ok) startServer(); // a restart that had no tail to announce
    if (ok && !exited(server)) {
      server.send('prepared', (error) => error && server.kill('SIGTERM'));
      return;
    }
    failed = !ok;
    // Never a server after a failed or interrupted preparation: the waiting one ends (it opened nothing) and its exit
    // finishes with prepare's code.
    if (server && !exited(server)) server.kill('SIGTERM');
    else finish(ok ? server.exitCode || 1 : prepareCode);
  });
  return {
    prepare,
    server: () => server,
    /** Ctrl-C / SIGTERM: passed on to whichever steps run. */
    stop(signal) {
      stopping = true;
      if (prepare.exitCode === null && prepare.signalCode === null) prepare.kill(signal);
      server?.kill(signal);
    },
  };
}
