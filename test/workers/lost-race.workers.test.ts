/**
 * The lost-race rollback on D1 (batch() is its transaction), through the same store the worker uses.
 */
import { env } from 'cloudflare:workers';
import { createD1Store } from '../../src/storage/dialects/d1.js';
import { itRollsBackALostRace } from '../storage/lost-race.js';

itRollsBackALostRace('D1', () => createD1Store(env.DB));
