/**
 * @module identity
 * Stable identity of an event across hosts and revisions.
 */

/**
 * The calendar UID (RFC 5545 §3.8.4.7): the event id at the deployment's UID domain. It never depends on
 * the event's time or on PUBLIC_URL, so moving host or database never duplicates subscribers' events.
 */
export function eventUid(id: string, uidDomain: string): string {
  return `${id}@${uidDomain}`;
}

/** The entity tag of an event revision, the same for every representation: `"r3"`. */
export function revisionEtag(revision: number): string {
  return `"r${revision}"`;
}
