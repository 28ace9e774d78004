/**
 * A subscription that outlives its streams: when the stream fails (network, org maintenance, an
 * expired token) it subscribes again after a growing, jittered pause, resuming after the last
 * replay id the caller stored, so no event is skipped. A stored replay id the event bus no longer
 * knows (it keeps events for three days) restarts from the oldest kept event instead of the tip:
 * the caller sees some events twice (and must ignore repeats, e.g. by correlation id) rather than
 * missing any.
 */
import type { CashError } from '../../domain/errors.js';
import type { PubSubClient } from './pubsub-client.js';
import type { ReceivedEvent, SubscriptionState } from './subscription.js';

export interface HeldSubscriptionOptions {
  topic: string;
  batchSize?: number;
  /** The replay id to resume after, as the caller stored it; null before the first event. */
  loadReplayId: () => Promise<Buffer | null>;
  /** Handles one event; stores what it needs, including the replay id, before it resolves. */
  onEvent: (event: ReceivedEvent) => Promise<void>;
  /** Where a subscription without a stored replay id starts. */
  firstStart?: 'LATEST' | 'EARLIEST';
  backoff?: { initialMs: number; maxMs: number };
  onStateChange?: (state: SubscriptionState | 'waiting', error: CashError | null) => void;
}

export interface HeldSubscription {
  /** Whether a stream is open now, or why the last one ended. */
  readonly status: { state: SubscriptionState | 'waiting'; lastError: CashError | null; reconnects: number };
  stop(): Promise<void>;
}

const isReplayRefused = (error: CashError | null) => error?.code === 'PUBSUB_REFUSED' && /replay/i.test(error.message);

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });

export function holdSubscription(client: PubSubClient, options: HeldSubscriptionOptions): HeldSubscription {
  const backoff = options.backoff ?? { initialMs: 1_000, maxMs: 60_000 };
  const stopping = new AbortController();
  const status: HeldSubscription['status'] = { state: 'connecting', lastError: null, reconnects: 0 };
  let current: ReturnType<PubSubClient['subscribe']> | null = null;
  const set = (state: HeldSubscription['status']['state'], error: CashError | null) => {
    status.state = state;
    if (error) status.lastError = error;
    options.onStateChange?.(state, error);
  };

  const loop = async () => {
    let pause = backoff.initialMs;
    let fromOldest = false;
    while (!stopping.signal.aborted) {
      let delivered = false;
      let error: CashError | null;
      try {
        const stored = fromOldest ? null : await options.loadReplayId();
        const from = stored ? { replayId: stored } : fromOldest ? 'EARLIEST' : options.firstStart ?? 'LATEST';
        set('connecting', null);
        const onSubscribed = () => set('subscribed', null);
        current = client.subscribe(options.topic, { from, onSubscribed, ...(options.batchSize ? { batchSize: options.batchSize } : {}) }, async (event) => {
          delivered = true;
          await options.onEvent(event);
        });
        error = await current.done;
      } catch (thrown) {
        error = thrown as CashError;
      }
      current = null;
      if (stopping.signal.aborted) break;
      fromOldest = isReplayRefused(error);
      if (delivered) pause = backoff.initialMs;
      set('waiting', error);
      status.reconnects += 1;
      await sleep(pause / 2 + Math.random() * (pause / 2), stopping.signal);
      pause = Math.min(pause * 2, backoff.maxMs);
    }
    set('closed', null);
  };
  const running = loop();

  return {
    status,
    async stop() {
      stopping.abort();
      await current?.close();
      await running;
    },
  };
}
