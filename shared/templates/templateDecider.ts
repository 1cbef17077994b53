import { isDeepStrictEqual } from 'node:util';
import type { Decider } from '../common/decider';
import { InvalidCommand, NotFound, RuleViolation } from '../common/errors';
import { fact } from '../common/fact';
import type { TemplateCommand } from './commands';
import type { TemplateEvent, TemplateItem, TemplateKind } from './events';

/** A template's current version (undefined: not defined). */
export type TemplateState = { version: number; name: { en: string; hi: string }; kind: TemplateKind; items: TemplateItem[] } | undefined;

export interface TemplateContext {
  wings?: ReadonlyMap<string, unknown>;
}

function requireWingsKnown(items: readonly TemplateItem[], context: TemplateContext): void {
  const wings = fact(context.wings, 'wings');
  items.forEach((item, index) => {
    if (!wings.has(item.wing)) throw new InvalidCommand('unknown-wing', `wing ${item.wing} is not in the catalogue`, ['items', index, 'wing']);
  });
}

/** A checklist template (SPEC v2): bilingual, edited by in-charges, every change a new version. */
export const templateDecider: Decider<TemplateCommand, TemplateEvent, TemplateState, TemplateContext> = {
  initialState: undefined,
  decide(command, state, context) {
    const { type: _type, templateId, name, kind, items } = command;
    requireWingsKnown(items, context);
    if (command.type === 'DefineTemplate') {
      if (state !== undefined) throw new RuleViolation('id-taken', `template ${templateId} exists`);
      return [{ type: 'TemplateDefined', data: { templateId, version: 1, name, kind, items } }];
    }
    if (state === undefined) throw new NotFound('template-not-found', `template ${templateId} does not exist`);
    if (isDeepStrictEqual({ name, kind, items }, { name: state.name, kind: state.kind, items: state.items })) return [];
    return [{ type: 'TemplateRevised', data: { templateId, version: state.version + 1, name, kind, items } }];
  },
  evolve(_state, event) {
    const { version, name, kind, items } = event.data;
    return { version, name, kind, items };
  },
};
