import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { protocolEvent, type ProtocolEvent } from '../support/fuzz/protocol-events.js';
import { runSession } from '../support/fuzz/protocol-session.js';
import { PROTOCOL_SEED } from '../support/fuzz/seed.js';
import { ROOT } from '../support/paths.js';

/**
 * `npm run fuzz -- --minutes N [--seed S]`: runs random protocol sessions with random seeds
 * until the time is up; each failure is shrunk by fast-check and written, with its seed, to
 * test/fixtures/fuzz/protocol/ as the events that reproduce it (replayed by the test suite).
 */
function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const minutes = Number(option('minutes') ?? 5);
  const until = Date.now() + minutes * 60_000;
  const out = join(ROOT, 'test', 'fixtures', 'fuzz', 'protocol');
  let sessions = 0;
  let events = 0;
  let failures = 0;
  while (Date.now() < until) {
    const seed = Number(option('seed') ?? Math.floor(Math.random() * 2 ** 31));
    const result = await fc.check(
      fc.asyncProperty(fc.array(protocolEvent, { minLength: 1, maxLength: 60 }), async (list: ProtocolEvent[]) => {
        sessions++;
        events += list.length;
        const { problems } = await runSession(PROTOCOL_SEED, list);
        if (problems.length > 0) throw new Error(problems.join('\n'));
      }),
      { seed, numRuns: 20, interruptAfterTimeLimit: Math.max(1000, until - Date.now()) },
    );
    if (result.failed && result.counterexample) {
      failures++;
      mkdirSync(out, { recursive: true });
      const file = join(out, `seed-${seed}.json`);
      writeFileSync(
        file,
        `${JSON.stringify({ seed, error: String(result.errorInstance).slice(0, 2000), events: result.counterexample[0] }, null, 2)}\n`,
      );
      console.log(`failure (seed ${seed}), shrunk to ${result.counterexample[0].length} events: ${file}`);
      console.log(String(result.errorInstance).slice(0, 2000));
    }
    if (option('seed')) break;
  }
  console.log(`protocol fuzzing: ${sessions} sessions, ${events} events, ${failures} failure(s)`);
  process.exitCode = failures > 0 ? 1 : 0;
}

void main();
