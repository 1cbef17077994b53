/**
 * The JWT secret of a split process. Each process verifies tokens on its own, so they must share
 * one: a secret made in each container's data folder would make every token fail in all but one.
 */
export function requireSecret(secret: string | undefined): string {
  if (secret === undefined || secret === '') {
    throw new Error('TAYARI_JWT_SECRET must be set (32 characters or more) when the API and the live gateway run as separate processes');
  }
  if (secret.length < 32) throw new Error('TAYARI_JWT_SECRET must be at least 32 characters');
  return secret;
}
