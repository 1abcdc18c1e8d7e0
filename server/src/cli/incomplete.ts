import type { Workspace } from '../workspace/workspace.js';

/** How many of the paths not read are named; the count says the rest. */
const NAMED = 10;

/**
 * Says on `err` which files and folders the system would not let the scan read (each file
 * also carries a `file/unreadable` finding): a check that did not read everything must not
 * pass for a clean one. Whether the check is incomplete (the command then exits 2).
 */
export function reportIncomplete(ws: Workspace, rel: (file: string) => string, err: (s: string) => void): boolean {
  const unread = [...ws.unreadable()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (unread.length === 0) return false;
  const lines = unread.slice(0, NAMED).map(([path, why]) => `  ${rel(path)}: ${why}\n`);
  if (unread.length > NAMED) lines.push(`  and ${unread.length - NAMED} more\n`);
  err(`mimspec: the check is incomplete: ${unread.length} file(s) or folder(s) could not be read\n${lines.join('')}`);
  return true;
}
