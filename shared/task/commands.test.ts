import { AddTaskNoteBody, AssignTaskBody, CancelTaskBody, ChangeTaskDueBody, ChangeTaskStatusBody, LogTaskBody } from './commands';

const issuesOf = (result: { error?: { issues: { path: PropertyKey[]; code: string; params?: unknown }[] } }) => result.error?.issues ?? [];

describe('ChangeTaskStatusBody', () => {
  it.each([
    [{ status: 'todo' }],
    [{ status: 'in_progress', note: 'started on the stage' }],
    [{ status: 'blocked', reason: 'tent supplier has not confirmed' }],
    [{ status: 'done' }],
  ])('accepts %j', (body) => {
    expect(ChangeTaskStatusBody.parse(body)).toEqual(body);
  });

  it('refuses blocked without a reason, at reason', () => {
    expect(issuesOf(ChangeTaskStatusBody.safeParse({ status: 'blocked' }))).toEqual([
      expect.objectContaining({ code: 'custom', path: ['reason'], params: { rule: 'blocked-needs-reason' } }),
    ]);
  });

  it('refuses blocked with a blank reason', () => {
    expect(issuesOf(ChangeTaskStatusBody.safeParse({ status: 'blocked', reason: '   ' })).map((i) => i.path)).toContainEqual(['reason']);
  });

  it.each(['todo', 'in_progress', 'done'])('refuses a reason with %s, at reason', (status) => {
    expect(issuesOf(ChangeTaskStatusBody.safeParse({ status, reason: 'why not' }))).toEqual([
      expect.objectContaining({ code: 'custom', path: ['reason'], params: { rule: 'reason-only-when-blocked' } }),
    ]);
  });

  it.each(['cancelled', 'DONE', 'in-progress', ''])('refuses the status %j', (status) => {
    expect(issuesOf(ChangeTaskStatusBody.safeParse({ status })).map((i) => i.path)).toEqual([['status']]);
  });

  it('refuses a body without a status', () => {
    expect(ChangeTaskStatusBody.safeParse({}).success).toBe(false);
  });
});

describe('strict bodies refuse unknown keys', () => {
  const logTask = { programmeId: 'bastar-2018', wing: 'adivasi', title: 'मंच की व्यवस्था' };

  it.each([
    ['an unknown key', { ...logTask, priority: 'high' }],
    ['__proto__ from JSON', JSON.parse(`{"programmeId":"bastar-2018","wing":"adivasi","title":"t","__proto__":{"admin":true}}`) as unknown],
    ['constructor', { ...logTask, constructor: 'x' }],
    ['toString', { ...logTask, toString: 'x' }],
    ['hasOwnProperty', { ...logTask, hasOwnProperty: 'x' }],
  ])('LogTaskBody refuses %s', (_what, body) => {
    expect(issuesOf(LogTaskBody.safeParse(body)).map((i) => i.code)).toEqual(['unrecognized_keys']);
  });

  it('ChangeTaskStatusBody refuses __proto__ from JSON', () => {
    const body: unknown = JSON.parse('{"status":"done","__proto__":{"status":"todo"}}');
    expect(issuesOf(ChangeTaskStatusBody.safeParse(body)).map((i) => i.code)).toEqual(['unrecognized_keys']);
  });

  it.each([
    ['AssignTaskBody', AssignTaskBody, { assignee: 'Lakhma', role: 'incharge' }],
    ['ChangeTaskDueBody', ChangeTaskDueBody, { dueAt: '2018-06-25T18:00:00+05:30', remind: true }],
    ['AddTaskNoteBody', AddTaskNoteBody, { text: 'note', author: 'me' }],
    ['CancelTaskBody', CancelTaskBody, { reason: 'dropped', force: true }],
  ])('%s refuses an unknown key', (_name, schema, body) => {
    expect(schema.safeParse(body).success).toBe(false);
  });

  it('does not pollute Object.prototype while parsing', () => {
    LogTaskBody.safeParse(JSON.parse('{"programmeId":"p","wing":"adivasi","title":"t","__proto__":{"polluted":true}}'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('LogTaskBody', () => {
  it('accepts a full task and normalises its due time', () => {
    expect(
      LogTaskBody.parse({
        id: 'stage-jagdalpur',
        programmeId: 'bastar-2018',
        stopId: 'jagdalpur',
        responsibilityId: 'crowd-jagdalpur',
        wing: 'adivasi',
        title: 'मंच और साउंड की व्यवस्था',
        assignee: 'कवासी लखमा',
        dueAt: '2018-06-25T18:00:00+05:30',
      }),
    ).toMatchObject({ dueAt: '2018-06-25T12:30:00.000Z' });
  });

  it.each([
    ['id', 'has space'],
    ['id', '-starts-with-dash'],
    ['id', 'x'.repeat(65)],
    ['programmeId', ''],
    ['stopId', 'a/b'],
    ['wing', 'Adivasi'],
    ['wing', 'आदिवासी'],
    ['dueAt', '2018-06-25T18:00:00'],
  ])('refuses the %s %j', (key, value) => {
    const body = { programmeId: 'bastar-2018', wing: 'adivasi', title: 't', [key]: value };
    expect(issuesOf(LogTaskBody.safeParse(body)).map((i) => i.path)).toEqual([[key]]);
  });

  it('accepts an id of 64 characters', () => {
    expect(LogTaskBody.safeParse({ id: 'x'.repeat(64), programmeId: 'p', wing: 'adivasi', title: 't' }).success).toBe(true);
  });
});

describe('text', () => {
  const devanagari = [
    'जगदलपुर में मंच और साउंड की व्यवस्था',
    '\u0915\u093C\u093F\u0932\u093E \u092E\u0948\u0926\u093E\u0928', // क़िला मैदान, the nukta a combining mark of its own (NFD), not composed
    '\u0915\u094D\u200D\u0937', // क्‍ष with a zero-width joiner inside the conjunct
    'मंच — stage 🎤 (बस्तर)',
  ];

  it.each(devanagari)('keeps %j unchanged, code unit for code unit', (title) => {
    const parsed = LogTaskBody.parse({ programmeId: 'p', wing: 'adivasi', title });
    expect(parsed.title).toBe(title);
    expect(JSON.parse(JSON.stringify(parsed)).title).toBe(title);
  });

  it('keeps a note with line breaks', () => {
    const text = 'पहली पंक्ति\nदूसरी पंक्ति';
    expect(AddTaskNoteBody.parse({ text }).text).toBe(text);
  });

  it('trims the ends of a note', () => {
    expect(AddTaskNoteBody.parse({ text: '  बात हो गई \n' }).text).toBe('बात हो गई');
  });

  it.each([
    ['a title of 200 characters', 'title', 200, true],
    ['a title of 201 characters', 'title', 201, false],
    ['an assignee of 120 characters', 'assignee', 120, true],
    ['an assignee of 121 characters', 'assignee', 121, false],
  ])('%s', (_what, key, length, accepted) => {
    const body = { programmeId: 'p', wing: 'adivasi', title: 't', [key]: 'क'.repeat(length) };
    expect(LogTaskBody.safeParse(body).success).toBe(accepted);
  });

  it.each([
    ['a note of 2,000 characters', AddTaskNoteBody, { text: 'न'.repeat(2000) }, true],
    ['a note of 2,001 characters', AddTaskNoteBody, { text: 'न'.repeat(2001) }, false],
    ['a status note of 2,001 characters', ChangeTaskStatusBody, { status: 'done', note: 'न'.repeat(2001) }, false],
    ['a blocked reason of 501 characters', ChangeTaskStatusBody, { status: 'blocked', reason: 'र'.repeat(501) }, false],
    ['a cancel reason of 500 characters', CancelTaskBody, { reason: 'र'.repeat(500) }, true],
    ['a cancel reason of 501 characters', CancelTaskBody, { reason: 'र'.repeat(501) }, false],
  ])('%s', (_what, schema, body, accepted) => {
    expect(schema.safeParse(body).success).toBe(accepted);
  });

  it.each([
    ['an empty title', ''],
    ['a blank title', ' \t\n '],
  ])('refuses %s', (_what, title) => {
    expect(issuesOf(LogTaskBody.safeParse({ programmeId: 'p', wing: 'adivasi', title })).map((i) => i.path)).toEqual([['title']]);
  });
});
