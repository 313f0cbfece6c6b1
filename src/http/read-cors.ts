/**
 * @module read-cors
 * CORS for reading (the API and JSON Feed may be embedded anywhere): GET and HEAD from any origin, with the
 * conditional-request headers and nothing else. The preflight never echoes what was asked for, so it allows
 * neither `Authorization` nor a JSON body: pages of other origins cannot write with a token they hold.
 */
import { cors } from 'hono/cors';

export const readCors = cors({
  origin: '*',
  allowMethods: ['GET', 'HEAD'],
  allowHeaders: ['If-None-Match', 'If-Modified-Since'],
  exposeHeaders: ['ETag', 'Location', 'Last-Modified', 'x-d1-bookmark'],
});
