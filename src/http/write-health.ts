/**
 * @module write-health
 * Whether writes work, as `/healthz` reports it: from real writes of this instance (a Node process, a Workers
 * isolate), never from a probe write. `disabled` when nobody may write; `failing` after a write failed for a
 * storage reason, until one succeeds.
 */
import type { Config } from '../config.js';

export type WriteState = 'ok' | 'disabled' | 'failing';

export interface WriteHealth {
  /** Records the outcome of a write that reached the storage. */
  readonly record: (failure: string | null) => void;
  readonly state: (config: Config) => WriteState;
  /** Why the last write failed, while failing. */
  readonly reason: () => string | null;
}

/** Fresh write health for one instance. */
export function createWriteHealth(): WriteHealth {
  let failure: string | null = null;
  return {
    record: (outcome) => {
      failure = outcome;
    },
    state: (config) => (config.writers.length === 0 ? 'disabled' : failure === null ? 'ok' : 'failing'),
    reason: () => failure,
  };
}
