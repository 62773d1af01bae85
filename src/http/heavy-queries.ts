import { GraphQLError } from 'graphql';

/** Whole-network queries allowed to wait for a slot before the next ones are refused. */
export const HEAVY_QUERIES_WAITING = 64;

/**
 * Whole-network reads (the network map costs 60,000 to 140,000 objects in the worst case, depending
 * on its fields; with every board, 9.2 million) take tens to hundreds of milliseconds of CPU and hold their whole answer
 * in memory while they run. On one event loop, running several at once gives none of them more CPU,
 * only more memory (each waits for the others' slices): so they run `slots` at a time, in arrival
 * order. Cheaper queries never wait. At most `maxWaiting` wait; beyond that a heavy query is refused
 * with SERVER_BUSY (HTTP 503), to be sent again later.
 */
export class HeavyQueryGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly slots: number, private readonly maxWaiting: number) {}

  /** Waits for a slot; resolves with the function that gives it back (once, whatever happens). */
  async enter(): Promise<() => void> {
    if (this.running < this.slots) this.running++;
    else if (this.waiting.length >= this.maxWaiting) {
      throw new GraphQLError(`The server is busy with ${this.running + this.waiting.length} whole-network queries: send this one again in a few seconds`, {
        extensions: { code: 'SERVER_BUSY', http: { status: 503 } },
      });
    } else await new Promise<void>((resolve) => this.waiting.push(resolve)); // the slot is handed over by `leave`
    let left = false;
    return () => {
      if (left) return;
      left = true;
      this.leave();
    };
  }

  /** Queries holding a slot, and waiting for one. */
  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  private leave(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running--;
  }
}
