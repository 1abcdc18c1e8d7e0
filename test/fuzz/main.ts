import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { asProperty, encodeCase, PROPERTIES } from '../support/fuzz/properties.js';
import { protocolEvent, type ProtocolEvent } from '../support/fuzz/protocol-events.js';
import { runSession } from '../support/fuzz/protocol-session.js';
import { PROTOCOL_SEED } from '../support/fuzz/seed.js';
import { ROOT } from '../support/paths.js';

/**
 * `npm run fuzz -- --minutes N [--seed S] [--only properties|protocol]`: runs the fuzzers
 * with random seeds until the time is up, a quarter of it the properties of the parsers and
 * the rule engine (each in turn, test/support/fuzz/properties.ts), the rest random protocol
 * sessions against the server. Each failure is shrunk by fast-check and written, with its
 * seed, where the test suite replays it: test/fixtures/fuzz/properties/ (the failing value)
 * and test/fixtures/fuzz/protocol/ (the events of the session).
 */
function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const FOUND = join(ROOT, 'test', 'fixtures', 'fuzz');
const seedOf = () => Number(option('seed') ?? Math.floor(Math.random() * 2 ** 31));
const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 60);

async function properties(until: number): Promise<number> {
  const cases = new Map(PROPERTIES.map((p) => [p.name, 0]));
  let failures = 0;
  // Each property has the time in turns, a few each, whatever its cases cost.
  const turn = Math.max(1000, (until - Date.now()) / (3 * PROPERTIES.length));
  for (let i = 0; Date.now() < until; i++) {
    const p = PROPERTIES[i % PROPERTIES.length];
    const seed = seedOf();
    const result = await fc.check(asProperty(p), {
      seed,
      numRuns: p.runs * 100,
      interruptAfterTimeLimit: Math.max(1000, Math.min(turn, until - Date.now())),
    });
    cases.set(p.name, cases.get(p.name)! + result.numRuns);
    if (result.failed && result.counterexample) {
      failures++;
      const out = join(FOUND, 'properties');
      mkdirSync(out, { recursive: true });
      const file = join(out, `${slug(p.name)}-seed-${seed}.json`);
      const error = String(result.errorInstance).slice(0, 2000);
      writeFileSync(file, `${encodeCase({ property: p.name, seed, error, value: result.counterexample[0] })}\n`);
      console.log(`failure of "${p.name}" (seed ${seed}), shrunk: ${file}\n${error}`);
    }
    if (option('seed') && i + 1 >= PROPERTIES.length) break;
  }
  for (const [name, n] of cases) console.log(`property: ${n} cases: ${name}`);
  return failures;
}

async function protocol(until: number): Promise<number> {
  let sessions = 0;
  let events = 0;
  let failures = 0;
  while (Date.now() < until) {
    const seed = seedOf();
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
      const out = join(FOUND, 'protocol');
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
  console.log(`protocol: ${sessions} sessions, ${events} events`);
  return failures;
}

async function main(): Promise<void> {
  const minutes = Number(option('minutes') ?? 5);
  const only = option('only');
  const start = Date.now();
  const end = start + minutes * 60_000;
  let failures = 0;
  if (only !== 'protocol') failures += await properties(only === 'properties' ? end : start + (end - start) / 4);
  if (only !== 'properties') failures += await protocol(end);
  const peak = Math.round(process.resourceUsage().maxRSS / 1024);
  console.log(
    `fuzzing: ${failures} failure(s) in ${((Date.now() - start) / 60_000).toFixed(1)} min; peak memory of this process ${peak} MB`,
  );
  process.exitCode = failures > 0 ? 1 : 0;
}

void main();
