import { Worker } from 'node:worker_threads';
import type { YamlEventReader } from '../workspace/yaml-event-reader.js';

interface Pending {
  resolve: (events: Int32Array | null) => void;
  reject: (error: Error) => void;
}

/**
 * Texts posted to the thread and not answered yet, at most. A message holds a copy of its
 * text until the thread reads it, and a scan asks for every text at once: posted all together,
 * the copies of a thousand files waited in the thread (its heap grew to 23 MB at 2,000 MIMs,
 * 15 MB with four in flight). The rest wait here, as the text the caller holds anyway.
 */
const IN_FLIGHT = 4;

/**
 * A YamlEventReader on one worker thread (the script bundled from yaml-events-worker.ts).
 * The worker starts at the first request (or at `open`); it keeps the process alive only
 * while a request waits for it. If it cannot start or dies, every request still waiting, and
 * every later one, is rejected.
 */
export class NodeYamlEvents implements YamlEventReader {
  private worker: Worker | undefined;
  private broken: Error | undefined;
  private readonly pending = new Map<number, Pending>();
  /** Requests not handed to the thread yet, in the order asked. */
  private waiting: { id: number; text: string }[] = [];
  private posted = 0;
  private nextId = 0;

  constructor(private readonly script: string) {}

  events(text: string): Promise<Int32Array | null> {
    const worker = this.running();
    if (!worker) return Promise.reject(this.broken);
    const id = this.nextId++;
    if (this.pending.size === 0) worker.ref();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.waiting.push({ id, text });
      this.post(worker);
    });
  }

  /** Hands the thread the requests waiting, up to IN_FLIGHT of them unanswered. */
  private post(worker: Worker): void {
    while (this.posted < IN_FLIGHT && this.waiting.length > 0) {
      worker.postMessage(this.waiting.shift());
      this.posted++;
    }
  }

  /** Starts the thread ahead of the first request, so that it boots while the files are read. */
  open(): void {
    this.running();
  }

  close(): void {
    this.fail(new Error('the YAML event reader is closed'));
    void this.worker?.terminate();
    this.worker = undefined;
  }

  /** The thread, started if need be; undefined once it is broken (it could not start, died or was closed). */
  private running(): Worker | undefined {
    if (this.broken) return undefined;
    try {
      return this.start();
    } catch (e) {
      this.fail(e instanceof Error ? e : new Error(String(e)));
      return undefined;
    }
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.script);
    worker.on('message', ({ id, events }: { id: number; events: Int32Array | null }) => {
      const p = this.pending.get(id);
      this.pending.delete(id);
      this.posted--;
      this.post(worker);
      if (this.pending.size === 0) worker.unref();
      p?.resolve(events);
    });
    worker.on('error', (e) => this.fail(e));
    worker.on('exit', (code) => this.fail(new Error(`the YAML event reader stopped (exit code ${code})`)));
    // Idle until asked; listeners are added first, since adding one refs the worker again.
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private fail(error: Error): void {
    this.broken ??= error;
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
    this.waiting = [];
    this.posted = 0;
    this.worker?.unref();
  }
}
