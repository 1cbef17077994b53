import { newDataKey, seal, sealContext, unseal } from './sealing';

test('sealed data opens with its key and context only, and holds no plaintext', () => {
  const key = newDataKey();
  const person = { name: 'सुनीता नेताम', phone: '+919812345671' };
  const sealed = seal(key, sealContext('d', 'e1'), person);
  expect(sealed).not.toContain('9812345671');
  expect(Buffer.from(sealed.split('.')[3] ?? '', 'base64url').toString('utf8')).not.toContain('सुनीता');
  expect(unseal(key, sealContext('d', 'e1'), sealed)).toEqual(person);
  expect(unseal(newDataKey(), sealContext('d', 'e1'), sealed)).toBeUndefined();
  expect(unseal(key, sealContext('d', 'e2'), sealed)).toBeUndefined();
  expect(
    unseal(
      key,
      sealContext('d', 'e1'),
      sealed.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')),
    ),
  ).toBeUndefined();
  expect(seal(key, sealContext('d', 'e1'), person)).not.toBe(sealed);
});
