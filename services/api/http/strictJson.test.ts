import { strictJsonProblem } from './strictJson';

describe('strictJsonProblem', () => {
  it.each([
    ['an object', '{"title":"T","leader":"L"}'],
    ['nested objects with the same key at different levels', '{"a":{"a":{"a":1}},"b":[{"a":1},{"a":2}]}'],
    ['every kind of value', ' { "s" : "x" , "n" : -1.5e+3 , "t" : true , "f" : false , "z" : null , "a" : [ ] , "o" : { } } '],
    ['a surrogate pair as escapes', '{"emoji":"\\ud83d\\ude00"}'],
    ['a surrogate pair as it is', '{"emoji":"😀"}'],
    ['Devanagari', '{"title":"बस्तर दौरा"}'],
    ['every simple escape', '{"e":"\\"\\\\\\/\\b\\f\\n\\r\\t\\u0041"}'],
    ['a 20,000-deep array', `${'['.repeat(20_000)}${']'.repeat(20_000)}`],
    ['a bare string', '"hello"'],
  ])('lets %s through', (_what, text) => {
    expect(strictJsonProblem(text)).toBeUndefined();
    expect(() => JSON.parse(text)).not.toThrow();
  });

  it.each([
    ['at the top', '{"title":"T","title":"U"}', 'title'],
    ['in a nested object', '{"name":{"en":"X","hi":"Y","en":"Z"}}', 'name.en'],
    ['in an object inside an array', '{"decisions":[{"text":"a"},{"text":"b","text":"c"}]}', 'decisions.1.text'],
    ['written once plainly and once as escapes', '{"title":"T","\\u0074itle":"U"}', 'title'],
    ['as __proto__ twice', '{"__proto__":{},"__proto__":{}}', '__proto__'],
  ])('finds a duplicate key %s', (_what, text, path) => {
    expect(strictJsonProblem(text)).toEqual({ rule: 'duplicate-key', path, message: expect.any(String) });
  });

  it.each([
    ['a lone high half', '{"title":"\\ud800"}', 'title'],
    ['a lone low half', '{"title":"x\\udc00y"}', 'title'],
    ['a high half followed by a non-surrogate escape', '{"title":"\\ud800\\u0041"}', 'title'],
    ['two high halves', '{"title":"\\ud800\\ud800"}', 'title'],
    ['a low half before a high half', '{"title":"\\udc00\\ud800"}', 'title'],
    ['a lone half in a key', '{"\\ud800":1}', ''],
    ['a lone half deep in an array', '{"a":[1,["\\uDBFF"]]}', 'a.1.0'],
    ['a lone half as the whole body', '"\\ud800"', ''],
    ['a raw lone high half (not from UTF-8, but from another caller)', '{"t":"\ud800"}', 't'],
    ['a raw lone low half', '{"t":"\udc00"}', 't'],
  ])('finds %s', (_what, text, path) => {
    expect(strictJsonProblem(text)).toEqual({ rule: 'lone-surrogate', path, message: expect.any(String) });
  });

  it.each([
    ['a cut-off object', '{"title": '],
    ['a trailing comma', '{"a":1,}'],
    ['single quotes', "{'a':1}"],
    ['two values', '{} {}'],
    ['a bad escape', '{"a":"\\x"}'],
    ['a short \\u escape', '{"a":"\\u12"}'],
    ['a raw control character', '{"a":"\u0001"}'],
    ['a bare word', 'nope'],
    ['an empty text', ''],
  ])('leaves %s to JSON.parse to refuse', (_what, text) => {
    expect(strictJsonProblem(text)).toBeUndefined();
    expect(() => JSON.parse(text)).toThrow();
  });

  it('scans a large body in linear time', () => {
    const keys = Array.from({ length: 5_000 }, (_, n) => `"k${n}":"${'v'.repeat(5)}"`).join(',');
    const started = process.hrtime.bigint();
    expect(strictJsonProblem(`{${keys}}`)).toBeUndefined();
    // Generous: a quadratic scan of 60 KB would take seconds.
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(500);
  });
});
