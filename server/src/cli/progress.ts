import type { Workspace } from '../workspace/workspace.js';

/**
 * A progress line on stderr for a check that takes longer than a second on a terminal: the
 * files read, then the check. Nothing is written otherwise (a pipe, a CI log, a quick check),
 * and the line is cleared before the report is printed.
 */
export class ProgressLine {
  private timer: NodeJS.Timeout | undefined;
  private shown = false;
  private ws: Workspace | undefined;

  constructor(
    private readonly stream: { isTTY?: boolean; write(s: string): unknown },
    private readonly delayMs = 1000,
  ) {}

  watch(ws: Workspace): void {
    if (this.stream.isTTY !== true) return;
    this.ws = ws;
    this.timer = setTimeout(() => {
      this.timer = setInterval(() => this.show(`${this.ws?.documents.size ?? 0} files read`), 100);
      this.show(`${ws.documents.size} files read`);
    }, this.delayMs);
  }

  /** The reading is done; the check runs without yielding, so its line is written before it. */
  checking(files: number): void {
    if (this.shown) this.show(`checking ${files} files`);
  }

  done(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.shown) this.stream.write('\r\u001b[K');
    this.shown = false;
  }

  private show(text: string): void {
    this.shown = true;
    this.stream.write(`\r\u001b[Kmimspec: ${text}…`);
  }
}
