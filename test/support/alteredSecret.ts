/** The secret with its last character changed to a different one, so the result never equals the original (a fixed suffix such as "x" matches by chance once in 64 tries). */
export function alteredSecret(secret: string): string {
  const last = secret.slice(-1);
  return `${secret.slice(0, -1)}${last === 'x' ? 'y' : 'x'}`;
}
