/**
 * The lost-race rollback on D1 (batch() is its transaction), through the same store the worker uses, in a
 * migrated database without the seeds (EMPTY_DB, vitest.config.ts; the setup file seeds DB).
 */
import { applyD1Migrations } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { beforeAll } from 'vitest';
import { createD1Store } from '../../src/storage/dialects/d1.js';
import { itRollsBackALostRace } from '../storage/lost-race.js';

beforeAll(() => applyD1Migrations(env.EMPTY_DB, env.TEST_MIGRATIONS));

itRollsBackALostRace('D1', () => createD1Store(env.EMPTY_DB));
