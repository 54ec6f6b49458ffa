import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * Whether a secret sent with a request is the expected one, in time that does not depend on where
 * they differ (hashed first, so that lengths may differ too). For the console's CSRF token, the
 * webhook's secret and the metrics token.
 */
export function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}
