/**
 * The database a mongodb:// or mongodb+srv:// URL names in its path (`…/tayari?replicaSet=rs0`),
 * undefined when it names none. The driver would fall back to "test"; we prefer to choose our own.
 */
export function databaseNameOf(uri: string): string | undefined {
  const match = /^mongodb(?:\+srv)?:\/\/[^/?#]*\/([^?#]*)/.exec(uri);
  const name = match?.[1];
  if (name === undefined || name === '') return undefined;
  return decodeURIComponent(name);
}
