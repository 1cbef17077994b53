import { createHmac } from 'node:crypto';

/**
 * Keys derived from the server's secret, one per purpose, for commands that mint or check secrets
 * (invitation codes, refresh tokens, hashed phone numbers). A derived value can be made again from
 * what is stored (an id, a version), so a retried command answers the same code without the code
 * ever being stored.
 */
export interface Keyring {
  /** HMAC-SHA256 of `text` under the key for `purpose`, base64url. */
  mac(purpose: string, text: string): string;
}

export function keyringFrom(secret: string): Keyring {
  const keys = new Map<string, Buffer>();
  const keyFor = (purpose: string) => {
    let key = keys.get(purpose);
    if (key === undefined) {
      key = createHmac('sha256', secret).update(`tayari:${purpose}`).digest();
      keys.set(purpose, key);
    }
    return key;
  };
  return { mac: (purpose, text) => createHmac('sha256', keyFor(purpose)).update(text).digest('base64url') };
}

/** For processes that were given no secret: a command that needs one is refused, never run on a made-up key. */
export const noKeyring: Keyring = {
  mac() {
    throw new Error('this process has no keyring: commands that mint secrets need the server secret');
  },
};
