import type { EndpointCase } from './endpointCase';
import { ist, utc } from './fixtures';

const content = {
  name: { en: 'Public meeting stop', hi: 'आम सभा पड़ाव' },
  kind: 'stop',
  items: [{ title: 'Ground permission', wing: 'adivasi', offset: '-P3D' }],
};

/** The checklist template commands' cases for commands.endpoints.test.ts (see endpointCase.ts). */
export const TEMPLATE_ENDPOINT_CASES: Record<string, EndpointCase> = {
  DefineTemplate: {
    path: '/templates',
    body: { id: 'e-template', ...content },
    status: 201,
    id: 'e-template',
    stream: 'template-e-template',
    events: [{ type: 'TemplateDefined', data: { templateId: 'e-template', version: 1, ...content } }],
  },
  ReviseTemplate: {
    arrange: (f) => f.template('e-revise'),
    path: '/templates/e-revise/revise',
    body: content,
    status: 200,
    id: 'e-revise',
    stream: 'template-e-revise',
    events: [{ type: 'TemplateRevised', data: { templateId: 'e-revise', version: 2, ...content } }],
  },
  ApplyTemplate: {
    arrange: async (f) => {
      await f.template('e-apply');
      await f.tour('e-apply-tour');
      await f.stop('e-apply-tour', 's1', 26, '11:00', '13:00');
    },
    path: '/programmes/e-apply-tour/apply-template',
    body: { templateId: 'e-apply', stopId: 's1' },
    status: 200,
    id: 'e-apply-tour',
    stream: 'checklist-e-apply-tour',
    // The planted task is logged by a follow-up, in its own stream (templates.test.ts looks closer).
    followUps: ['TaskLogged'],
    events: [
      {
        type: 'TemplateApplied',
        data: {
          programmeId: 'e-apply-tour',
          stopId: 's1',
          templateId: 'e-apply',
          version: 1,
          startsAt: utc(ist(26, '11:00')),
          tasks: [{ taskId: expect.stringMatching(/^tpl-[0-9a-f]{24}$/), title: 'Permission', wing: 'adivasi', offset: '-P2D' }],
        },
      },
    ],
  },
};
