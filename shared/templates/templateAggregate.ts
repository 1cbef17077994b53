import { aggregateCommand } from '../application/aggregateCommand';
import { defineAggregate } from '../application/Aggregate';
import { param } from '../application/param';
import { DefineTemplateBody, ReviseTemplateBody } from './commands';
import { TemplateEventSchema } from './events';
import { templateDecider } from './templateDecider';

/** A checklist template, one stream each (`template-<id>`), edited by in-charges. */
export const templateAggregate = defineAggregate({
  name: 'template',
  events: TemplateEventSchema,
  decider: templateDecider,
  commands: (self) => [
    aggregateCommand(self, {
      name: 'DefineTemplate',
      path: '/templates',
      summary: 'Define a checklist template: items for wings, each due at an offset before the start (-P3D, -PT6H)',
      body: DefineTemplateBody,
      creates: true,
      permission: 'incharge',
      target: ({ body: { id, ...rest }, newId }) => {
        const templateId = id ?? newId();
        return { streamId: self.stream(templateId), id: templateId, command: { type: 'DefineTemplate' as const, templateId, ...rest } };
      },
      context: async ({ facts, body }) => ({ wings: await facts.wingsKnowing(body.items.map((item) => item.wing)) }),
    }),
    aggregateCommand(self, {
      name: 'ReviseTemplate',
      path: '/templates/:templateId/revise',
      summary: 'Revise a template: its whole new content becomes the next version (programmes keep the one they used)',
      body: ReviseTemplateBody,
      creates: false,
      permission: 'incharge',
      target: ({ params, body }) => {
        const templateId = param(params, 'templateId');
        return { streamId: self.stream(templateId), id: templateId, command: { type: 'ReviseTemplate' as const, templateId, ...body } };
      },
      context: async ({ facts, body }) => ({ wings: await facts.wingsKnowing(body.items.map((item) => item.wing)) }),
    }),
  ],
});
