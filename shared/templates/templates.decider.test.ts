import { deciderSpec } from '../common/deciderSpec';
import { InvalidCommand, NotFound, RuleViolation } from '../common/errors';
import type { ProgrammeFacts } from '../common/programme';
import { wingsDecider } from '../wings/decider';
import { checklistDecider, plantedTaskId } from './checklistDecider';
import type { ApplyTemplate, DefineTemplate } from './commands';
import { ChecklistEventSchema, TemplateEventSchema, type ChecklistEvent, type TemplateEvent } from './events';
import { dueFrom, offsetMs } from './offset';
import { templateDecider, type TemplateState } from './templateDecider';

const items = [
  { title: 'Ground permission', wing: 'adivasi', offset: '-P3D' },
  { title: 'Stage and sound', wing: 'youth', offset: '-PT6H', assignee: 'Sound vendor' },
];
const name = { en: 'Public meeting stop', hi: 'आम सभा पड़ाव' };
const define: DefineTemplate = { type: 'DefineTemplate', templateId: 'pm', name, kind: 'stop', items };
const defined: TemplateEvent = { type: 'TemplateDefined', data: { templateId: 'pm', version: 1, name, kind: 'stop', items } };

describe('templates', () => {
  const spec = deciderSpec(templateDecider, { context: { wings: wingsDecider.initialState }, events: TemplateEventSchema });

  it('are defined once, at version 1, with known wings', () => {
    spec.given([]).when(define).then([defined]);
    spec.given([defined]).when(define).thenThrows(RuleViolation, 'id-taken');
    const unknown = spec
      .given([])
      .when({ ...define, items: [{ ...items[0], wing: 'nope' }] as DefineTemplate['items'] })
      .thenThrows(InvalidCommand, 'unknown-wing');
    expect(unknown.path).toEqual(['items', 0, 'wing']);
  });

  it('are revised into a new version; the same content again changes nothing', () => {
    const revise = { type: 'ReviseTemplate' as const, templateId: 'pm', name, kind: 'stop' as const, items: items.slice(0, 1) };
    spec
      .given([defined])
      .when(revise)
      .then([{ type: 'TemplateRevised', data: { templateId: 'pm', version: 2, name, kind: 'stop', items: items.slice(0, 1) } }]);
    spec
      .given([defined])
      .when({ ...revise, items })
      .then([]);
    spec.given([]).when(revise).thenThrows(NotFound, 'template-not-found');
  });
});

describe('offsets', () => {
  it('read days, hours and minutes before the start, and nothing else', () => {
    expect(offsetMs('-P3D')).toBe(-3 * 86_400_000);
    expect(offsetMs('-PT6H')).toBe(-6 * 3_600_000);
    expect(offsetMs('-P1DT2H30M')).toBe(-(26 * 60 + 30) * 60_000);
    for (const bad of ['P3D', '-P', '-PT', '-P3W', '+P1D', '-P400D', '-PT1.5H']) expect(offsetMs(bad)).toBeUndefined();
    expect(dueFrom('2018-06-26T05:30:00.000Z', '-P1DT2H')).toBe('2018-06-25T03:30:00.000Z');
  });
});

describe('applying a template', () => {
  const tour: ProgrammeFacts = {
    kind: 'tour',
    id: 'bastar',
    cancelled: false,
    stops: new Map([
      ['jagdalpur', { cancelled: false, startsAt: '2018-06-26T05:30:00.000Z' }],
      ['kanker', { cancelled: false, startsAt: '2018-06-25T05:30:00.000Z' }],
    ]),
  };
  const template: TemplateState = { version: 2, name, kind: 'stop', items };
  const spec = deciderSpec(checklistDecider, { context: { programme: tour, template }, events: ChecklistEventSchema });
  const apply: ApplyTemplate = { type: 'ApplyTemplate', programmeId: 'bastar', templateId: 'pm', stopId: 'jagdalpur' };
  const applied: ChecklistEvent = {
    type: 'TemplateApplied',
    data: {
      programmeId: 'bastar',
      stopId: 'jagdalpur',
      templateId: 'pm',
      version: 2,
      startsAt: '2018-06-26T05:30:00.000Z',
      tasks: [
        { taskId: plantedTaskId('bastar', 'jagdalpur', 'pm', 0), title: 'Ground permission', wing: 'adivasi', offset: '-P3D' },
        { taskId: plantedTaskId('bastar', 'jagdalpur', 'pm', 1), title: 'Stage and sound', wing: 'youth', offset: '-PT6H', assignee: 'Sound vendor' },
      ],
    },
  };

  it('plants the current version’s items for the stop, once', () => {
    spec.given([]).when(apply).then([applied]);
    spec.given([applied]).when(apply).then([]);
    expect(plantedTaskId('bastar', 'kanker', 'pm', 0)).not.toBe(plantedTaskId('bastar', 'jagdalpur', 'pm', 0));
  });

  it('counts a visit from its first live stop; refuses the wrong kind of programme or a missing stop', () => {
    const [event] = checklistDecider.decide({ ...apply, stopId: undefined }, new Map(), { programme: tour, template: { ...template, kind: 'visit' } });
    expect(event?.data).toMatchObject({
      startsAt: '2018-06-25T05:30:00.000Z',
      tasks: [{ taskId: plantedTaskId('bastar', undefined, 'pm', 0) }, expect.anything()],
    });
    spec
      .given([])
      .when({ ...apply, stopId: undefined })
      .thenThrows(InvalidCommand, 'template-needs-stop');
    const meeting: ProgrammeFacts = { kind: 'meeting', id: 'review', cancelled: false, startsAt: '2018-06-20T04:30:00.000Z', stops: new Map() };
    deciderSpec(checklistDecider, { context: { programme: meeting, template }, events: ChecklistEventSchema })
      .given([])
      .when({ ...apply, programmeId: 'review', stopId: undefined })
      .thenThrows(InvalidCommand, 'template-kind');
    deciderSpec(checklistDecider, { context: { programme: tour, template: undefined }, events: ChecklistEventSchema })
      .given([])
      .when(apply)
      .thenThrows(NotFound, 'template-not-found');
  });
});
