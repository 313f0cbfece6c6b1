/** Kept documents in workerd: keys and byte budget, over this file's own local D1 database. */
import { env } from 'cloudflare:workers';
import { beforeAll } from 'vitest';
import { SEED_SET } from '../../seeds/index.js';
import { createD1Store } from '../../src/storage/dialects/d1.js';
import { applySeedSet } from '../../src/storage/seed.js';
import { describeCacheKeys } from '../http/cache-keys-contract.js';

const store = createD1Store(env.DB);
beforeAll(() => applySeedSet(store, SEED_SET, '2026-12-02T00:00:00Z'));
describeCacheKeys('workerd + D1', () => store);
