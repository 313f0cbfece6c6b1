/** Feeds in workerd, over this file's own local D1 database. */
import { describeFeeds } from '../http/feed-contract.js';
import { workerFetch } from './worker-fetch.js';

describeFeeds('workerd + D1', () => workerFetch);
