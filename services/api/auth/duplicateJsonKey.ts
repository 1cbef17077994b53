/**
 * The first key that appears twice in one object of a JSON text, or undefined. JSON.parse keeps the
 * last of two equal keys, so `{"role":"observer","role":"incharge"}` would read as an in-charge while
 * another parser may read an observer: a token must say each claim once. Keys are compared decoded
 * (`"\u0072ole"` is `role`). Text that is not JSON is left to the parser that follows.
 */
export function duplicateJsonKey(text: string): string | undefined {
  // One entry per open container: the keys seen so far in an object, null for an array.
  const open: (Set<string> | null)[] = [];
  let expectKey = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      let end = i + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      const keys = open[open.length - 1];
      if (expectKey && keys) {
        const key = decodeString(text.slice(i, end + 1));
        if (key === undefined) return undefined;
        if (keys.has(key)) return key;
        keys.add(key);
        expectKey = false;
      }
      i = end + 1;
      continue;
    }
    if (c === '{') {
      open.push(new Set());
      expectKey = true;
    } else if (c === '[') {
      open.push(null);
      expectKey = false;
    } else if (c === '}' || c === ']') {
      open.pop();
      expectKey = false;
    } else if (c === ',') {
      expectKey = open[open.length - 1] != null;
    } else if (c === ':') {
      expectKey = false;
    }
    i++;
  }
  return undefined;
}

function decodeString(literal: string): string | undefined {
  try {
    const value: unknown = JSON.parse(literal);
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}
