/** The month view, agenda, search and embeds in workerd, over this file's own local D1 database (FTS5 on D1). */
import { describeViews } from '../http/views-contract.js';
import { workerFetch } from './worker-fetch.js';

describeViews('workerd + D1', () => workerFetch);
