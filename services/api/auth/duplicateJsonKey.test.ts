import { duplicateJsonKey } from './duplicateJsonKey';

describe('duplicateJsonKey', () => {
  test.each([
    ['{"role":"observer","role":"incharge"}', 'role'],
    ['{"role":"observer","\\u0072ole":"incharge"}', 'role'],
    ['{ "a" : 1 , "b" : {"c":1,"c":2} }', 'c'],
    ['{"a":[{"x":1},{"x":2,"x":3}]}', 'x'],
    ['{"a":"b\\"","a":1}', 'a'],
  ])('%s repeats %s', (text, key) => {
    expect(duplicateJsonKey(text)).toBe(key);
  });

  test.each([
    '{"sub":"u","name":"role","role":"incharge"}',
    '{"a":{"k":1},"b":{"k":1}}',
    '{"a":["role","role"],"role":"x"}',
    '{"a":"\\"role\\":","role":1}',
    '[]',
    '{}',
    'not json',
    '{"a":"unterminated',
  ])('%s repeats nothing', (text) => {
    expect(duplicateJsonKey(text)).toBeUndefined();
  });
});
