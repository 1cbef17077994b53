/** What JSON.parse lets through and a command body must not carry. */
export interface StrictJsonProblem {
  rule: 'duplicate-key' | 'lone-surrogate';
  /** Where, as `errors[].path` names fields: keys and indexes joined by dots ('' for the body). */
  path: string;
  message: string;
}

type Frame = { kind: 'object'; keys: Set<string>; key?: string | undefined } | { kind: 'array'; index: number };
type Mode = 'value' | 'firstValue' | 'key' | 'firstKey' | 'after';

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const HEX4 = /^[0-9a-fA-F]{4}$/;
const SIMPLE_ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
const isHigh = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
const isLow = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;

/** Thrown inside the scan: the text is not JSON at all, which JSON.parse reports in its own words. */
class NotJson extends Error {}
class Refused extends Error {
  constructor(readonly problem: StrictJsonProblem) {
    super(problem.message);
  }
}

/**
 * Scans a JSON text once, left to right, without recursion (a 20,000-deep array is fine), and finds
 * what JSON.parse accepts silently: a key repeated in one object (JSON.parse keeps the last, so two
 * readers of one body could disagree) and an escape that leaves half a surrogate pair (not Unicode
 * text: it cannot be stored or sent on as UTF-8). Linear in the text's length.
 * Text that is not JSON at all is left to JSON.parse: this answers undefined for it.
 */
export function strictJsonProblem(text: string): StrictJsonProblem | undefined {
  try {
    scan(text);
    return undefined;
  } catch (error) {
    if (error instanceof Refused) return error.problem;
    if (error instanceof NotJson) return undefined;
    throw error;
  }
}

function scan(text: string): void {
  const stack: Frame[] = [];
  let i = 0;
  let mode: Mode = 'value';

  const pathHere = (extra?: string) => {
    const parts = stack.flatMap((f) => (f.kind === 'array' ? [String(f.index)] : f.key === undefined ? [] : [f.key]));
    return (extra === undefined ? parts : [...parts, extra]).join('.');
  };
  const skipSpace = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };

  /** Reads the string that starts at `i` (a quote); returns its value only when asked (keys). */
  const readString = (keep: boolean, pathOf: () => string): string => {
    let value = '';
    let from = ++i;
    const surrogate = () => new Refused({ rule: 'lone-surrogate', path: pathOf(), message: 'text must be Unicode: half of a surrogate pair is not' });
    for (;;) {
      if (i >= text.length) throw new NotJson();
      const ch = text[i];
      const unit = text.charCodeAt(i);
      if (ch === '"') {
        if (keep) value += text.slice(from, i);
        i++;
        return value;
      }
      if (unit < 0x20) throw new NotJson();
      if (ch !== '\\') {
        // Raw surrogates cannot come out of strict UTF-8 decoding; checked anyway for other callers.
        // A pair is stepped over whole, so a low half met here stands alone.
        if (isLow(unit) || (isHigh(unit) && !isLow(text.charCodeAt(i + 1)))) throw surrogate();
        i += isHigh(unit) ? 2 : 1;
        continue;
      }
      if (keep) value += text.slice(from, i);
      const escaped = text[i + 1];
      if (escaped === 'u') {
        const code = hex4(text, i + 2);
        i += 6;
        if (isLow(code)) throw surrogate();
        if (isHigh(code)) {
          const low = text[i] === '\\' && text[i + 1] === 'u' ? hex4(text, i + 2) : -1;
          if (!isLow(low)) throw surrogate();
          i += 6;
          if (keep) value += String.fromCharCode(code, low);
        } else if (keep) value += String.fromCharCode(code);
      } else {
        const simple = escaped === undefined ? undefined : SIMPLE_ESCAPES[escaped];
        if (simple === undefined) throw new NotJson();
        i += 2;
        if (keep) value += simple;
      }
      from = i;
    }
  };

  for (;;) {
    skipSpace();
    const top = stack.at(-1);
    const ch = text[i];
    if (mode === 'after') {
      if (top === undefined) {
        if (i === text.length) return;
        throw new NotJson();
      }
      i++;
      if (ch === ',') {
        if (top.kind === 'array') top.index++;
        mode = top.kind === 'array' ? 'value' : 'key';
      } else if ((ch === '}' && top.kind === 'object') || (ch === ']' && top.kind === 'array')) {
        stack.pop();
      } else throw new NotJson();
      continue;
    }
    if (mode === 'key' || mode === 'firstKey') {
      if (top?.kind !== 'object') throw new NotJson();
      if (mode === 'firstKey' && ch === '}') {
        i++;
        stack.pop();
        mode = 'after';
        continue;
      }
      if (ch !== '"') throw new NotJson();
      // Paths name the object itself until its next key is read.
      top.key = undefined;
      const key = readString(true, () => pathHere());
      if (top.keys.has(key)) throw new Refused({ rule: 'duplicate-key', path: pathHere(key), message: 'the key appears twice in one object' });
      top.keys.add(key);
      top.key = key;
      skipSpace();
      if (text[i] !== ':') throw new NotJson();
      i++;
      mode = 'value';
      continue;
    }
    // A value is expected (or, first in an array, the array's end).
    if (mode === 'firstValue' && ch === ']') {
      i++;
      stack.pop();
      mode = 'after';
      continue;
    }
    mode = 'after';
    if (ch === '{') {
      i++;
      stack.push({ kind: 'object', keys: new Set() });
      mode = 'firstKey';
    } else if (ch === '[') {
      i++;
      stack.push({ kind: 'array', index: 0 });
      mode = 'firstValue';
    } else if (ch === '"') {
      readString(false, () => pathHere());
    } else if (text.startsWith('true', i) || text.startsWith('null', i)) {
      i += 4;
    } else if (text.startsWith('false', i)) {
      i += 5;
    } else {
      NUMBER.lastIndex = i;
      if (!NUMBER.test(text)) throw new NotJson();
      i = NUMBER.lastIndex;
    }
  }
}

function hex4(text: string, at: number): number {
  const digits = text.slice(at, at + 4);
  if (!HEX4.test(digits)) throw new NotJson();
  return Number.parseInt(digits, 16);
}
