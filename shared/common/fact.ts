/**
 * A fact of another stream that this decision needs and its command's `context` must have loaded.
 * Contexts hold only the facts a command checked (no stand-in values); asking for one its command did
 * not load is our bug, not the client's: it fails loudly (500) rather than deciding on a guess.
 */
export function fact<T>(value: T | undefined, name: string): T {
  if (value === undefined) throw new Error(`the decision needs the fact "${name}", which this command's context did not load`);
  return value;
}
