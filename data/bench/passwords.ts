// Cost of a sign-in's password check on this machine (argon2id, library defaults: m = 19 MiB, t = 2, p = 1):
//   pnpm --filter @peta/data exec tsx bench/passwords.ts
// The cost is the point (it slows guessing); this says what one sign-in adds to the server's work.
import { hashPassword, verifyPassword } from '@peta/server-core';

const runs = 20;
const times: number[] = [];
const hash = await hashPassword('kata-sandi-untuk-ukur');
for (let i = 0; i < runs; i++) {
  const started = performance.now();
  await verifyPassword(hash, 'kata-sandi-untuk-ukur');
  times.push(performance.now() - started);
}
times.sort((a, b) => a - b);
console.log(
  `argon2id verify: median ${times[runs / 2]!.toFixed(1)} ms, max ${times.at(-1)!.toFixed(1)} ms over ${runs} runs`,
);
