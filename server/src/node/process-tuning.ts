import { setFlagsFromString } from 'node:v8';

/**
 * Lets V8 grow its heap by a fraction of what survives a collection rather than by its own
 * factor (up to four times). Measured with `npm run bench`: at 50 % a cold check of the
 * 200-MIM workspace peaks near 260 MB, within its 300 MB; at 90 % a language server editing
 * a 5,000-line page peaks near 340 MB, within its 400 MB, and a full collection comes rarely
 * enough (each edit leaves the old model of the page behind) that 95 % of edits are answered
 * within 80 ms; at 75 % about one edit in fifteen waited for one, past 120 ms.
 * Fronts call it once, before any work.
 */
export function limitHeapGrowth(percent: number): void {
  setFlagsFromString(`--heap-growing-percent=${percent}`);
}

/**
 * Caps the bytecode TurboFan inlines into one optimized function (V8's default is 920 bytes).
 * A cold check runs each rule once over the workspace and is over before large inlined
 * compilations pay back; on two cores they also take CPU from the thread doing the work.
 * Measured with `npm run bench`: at 150 bytes background compilation fell from about 1.5 to
 * 1.1 CPU-seconds and the cold check by about a tenth. The language server, which runs the
 * same code for hours, keeps the default. Call it before the work starts.
 */
export function limitInlining(bytes: number): void {
  setFlagsFromString(`--max-inlined-bytecode-size-cumulative=${bytes}`);
}
