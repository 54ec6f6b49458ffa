import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

// The session lives in the cookie, encrypted and authenticated with AES-256-GCM under a key derived
// from SESSION_SECRET: the server keeps no session table, and a cookie cannot be read or forged.
// Who the member is and what they may do is still read from the staff table on every request.
export const SESSION_HOURS = 12;

export interface Session {
  userId: number;
  /** Milliseconds since the epoch. */
  expiresAt: number;
  /** The token every form of this session carries (CSRF). */
  csrf: string;
  language: 'ar' | 'en' | 'ckb';
}

export function createSessionSealer(secret: string, now: () => number = Date.now) {
  const key = createHash('sha256').update(`aman-console-session\0${secret}`).digest();
  return {
    create(userId: number, language: Session['language'] = 'ar'): Session {
      return { userId, expiresAt: now() + SESSION_HOURS * 60 * 60 * 1000, csrf: randomBytes(24).toString('base64url'), language };
    },
    seal(session: Session): string {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(JSON.stringify(session), 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
    },
    /** The session in a cookie, or undefined when it was tampered with, sealed elsewhere or expired. */
    unseal(cookie: string | undefined): Session | undefined {
      if (!cookie) return undefined;
      try {
        const raw = Buffer.from(cookie, 'base64url');
        const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
        decipher.setAuthTag(raw.subarray(12, 28));
        const session = JSON.parse(Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8')) as Session;
        return session.expiresAt > now() ? session : undefined;
      } catch {
        return undefined;
      }
    },
  };
}
