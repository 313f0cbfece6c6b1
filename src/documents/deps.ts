/**
 * @module deps
 * What the document pipeline needs from its runtime, passed in by the entry point: storage, clock, settings,
 * compression, and how to run work after an answer and between slices of work.
 */
import type { Config } from '../config.js';
import { shortHash } from '../core/short-hash.js';
import type { Store } from '../storage/store.js';
import type { RenderedDocument } from './document.js';
import type { Compressor } from './encodings.js';

/** A clock: ms since the epoch. Entry points pass `Date.now`, tests a fixed value. */
export type Clock = () => number;

/** Documents kept beyond this instance (Workers: the data centre's Cache API); `put` may finish after the answer. */
export interface SharedDocuments {
  readonly get: (key: string, stamp: string) => Promise<RenderedDocument | null>;
  readonly put: (document: RenderedDocument) => void;
}

/** What renderers did, for tests and benchmarks: `vevent` per event rendered, `document` per document built. */
export type RenderObserver = (what: 'vevent' | 'document', count: number) => void;

export interface DocumentDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly config: Config;
  /** Codings beyond identity; web gzip (CompressionStream) unless the runtime passes more. */
  readonly compressor?: Compressor;
  /** Runs work after the answer (Workers: waitUntil); its failure is logged, never answered. */
  readonly background?: (task: Promise<unknown>) => void;
  /** Lets other requests run between slices of rendering (Node: setImmediate). */
  readonly yieldToOthers?: () => Promise<void>;
  /** A second level for kept documents, shared beyond this instance (Workers: the Cache API of the data centre). */
  readonly sharedDocuments?: SharedDocuments;
  readonly onRender?: RenderObserver;
}

/** Runs `task` in the background of the deps, or, without one, lets it run on and logs its failure. */
export function inBackground(deps: Pick<DocumentDeps, 'background'>, task: Promise<unknown>): void {
  const logged = task.catch((error: unknown) => console.error('background work failed:', error));
  deps.background?.(logged);
}

const stamps = new WeakMap<object, string>();

/** The settings that go into rendered bytes (links, UIDs), as a part of every stamp. */
export function settingsStamp(config: Pick<Config, 'publicUrl' | 'uidDomain'>): string {
  let stamp = stamps.get(config);
  if (stamp === undefined) {
    stamp = shortHash(`${config.publicUrl} ${config.uidDomain}`);
    stamps.set(config, stamp);
  }
  return stamp;
}
