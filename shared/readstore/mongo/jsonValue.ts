/**
 * The value as JSON would carry it (what the embedded store returns too): undefined fields dropped,
 * Dates as strings. Throws on what JSON cannot hold (cycles, BigInt, a bare undefined), so that a
 * bad model fails its batch before anything is sent to the server.
 */
export function jsonValue(value: unknown, what: string): unknown {
  const text = JSON.stringify(value);
  if (text === undefined) throw new TypeError(`read model ${what} is not JSON`);
  return JSON.parse(text) as unknown;
}
