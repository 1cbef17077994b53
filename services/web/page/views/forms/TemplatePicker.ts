import { h, setText } from '../../dom';
import { t } from '../../i18n';
import type { ProgrammeBoardPayload } from '../../types';
import type { PageContext } from '../PageContext';
import { CommandForm, Field } from './CommandForm';
import { fillSelect } from './controls';
import { plannedItems } from './plannedItems';
import { plantedTaskIds } from './plantedTaskIds';
import type { Template, TemplateCatalogue, TemplateKind } from './TemplateCatalogue';

/** What a template is applied to: the programme, the stop (stop templates), and the start due times count back from. */
export interface TemplateTarget {
  programmeId: string;
  stopId?: string;
  startsAt: string | undefined;
  timeZone: string | undefined;
}

/**
 * "Apply a checklist" for in-charges (SPEC v2 templates): the templates of one kind, named in the
 * page's language, a preview of the tasks with the due times the server will count back from the
 * start, and Apply (`POST /api/programmes/{id}/apply-template`). Applying again adds nothing: after
 * applying, the board is read up to the answer and the template's tasks (their ids are the server's,
 * see plantedTaskIds) that were not on it before are counted, and said.
 */
export class TemplatePicker {
  readonly el: HTMLDetailsElement;
  private readonly select = h('select', {});
  private readonly preview = h('div', { className: 'template-preview' });
  /** Of this kind; undefined until read. */
  private templates: Template[] | undefined;

  constructor(
    private readonly ctx: PageContext,
    board: string,
    kind: TemplateKind,
    catalogue: TemplateCatalogue,
    private readonly target: () => TemplateTarget | undefined,
    summary: 'applyTemplate' | 'applyVisitTemplate' = 'applyTemplate',
  ) {
    const { lang } = ctx;
    const template = new Field('templateId', t(lang, 'templateField'), this.select, true);
    /** What was sent, and the ids of the cards on the board of its programme and stop just before. */
    let sent: { at: TemplateTarget | undefined; templateId: string; items: number; before: Set<string> } | undefined;
    const form = new CommandForm(ctx, {
      className: 'apply-template',
      fields: [template],
      extra: { el: this.preview, fields: () => [] },
      submit: 'applyButton',
      command: () => {
        const at = this.target();
        sent = { at, templateId: template.value, items: this.chosen()?.items.length ?? 0, before: this.cardIds(board, at?.stopId) };
        return {
          path: `/api/programmes/${encodeURIComponent(at?.programmeId ?? '')}/apply-template`,
          body: { templateId: template.value, ...(at?.stopId === undefined ? {} : { stopId: at.stopId }) },
        };
      },
      done: async (answer) => {
        const { at, templateId, items, before } = sent ?? { at: undefined, templateId: '', items: 0, before: new Set<string>() };
        // No ids without SubtleCrypto (a page served over plain http), none read when the connection is lost.
        const ids = await plantedTaskIds(at?.programmeId ?? '', at?.stopId, templateId, items).catch(() => undefined);
        const read = await ctx.refresh(board, answer.position).then(
          () => true,
          () => false,
        );
        // Then the board cannot tell what was new: the template's count is said.
        const after = this.cardIds(board, at?.stopId);
        const added = read && ids !== undefined ? ids.filter((id) => after.has(id) && !before.has(id)).length : items;
        if (added === 0) return t(lang, 'templateAlready');
        return added === 1 ? t(lang, 'templateAppliedOne') : t(lang, 'templateApplied', { count: added });
      },
    });
    this.select.addEventListener('change', () => this.showPreview());
    form.el.addEventListener('reset', () => queueMicrotask(() => this.showPreview()));
    this.el = h('details', { className: 'form-box form-apply-template', 'data-kind': kind }, h('summary', {}, t(lang, summary)), form.el);
    this.el.addEventListener('toggle', () => {
      if (!this.el.open) return;
      catalogue.load().then(
        (all) => {
          this.templates = all.filter((tpl) => tpl.kind === kind);
          this.fill();
        },
        () => setText(this.preview, t(lang, 'loadFailed')),
      );
    });
    setText(this.preview, t(lang, 'loading'));
  }

  /** The cards of the programme's board now held (of the stop, when one is named). */
  private cardIds(board: string, stopId: string | undefined): Set<string> {
    const cards = (this.ctx.store.get(board)?.data as ProgrammeBoardPayload | undefined)?.cards ?? {};
    return new Set(
      Object.values(cards)
        .filter((card) => stopId === undefined || card.stopId === stopId)
        .map((card) => card.id),
    );
  }

  private chosen(): Template | undefined {
    return this.templates?.find((tpl) => tpl.id === this.select.value);
  }

  private fill(): void {
    const { lang } = this.ctx;
    const templates = this.templates ?? [];
    fillSelect(
      this.select,
      templates.map((tpl) => ({ value: tpl.id, label: tpl.name[lang] })),
    );
    this.select.disabled = templates.length === 0;
    this.showPreview();
  }

  /** The chosen template's tasks, soonest due first, each with its wing, due time and assignee. */
  private showPreview(): void {
    const { ctx } = this;
    const { lang, fmt, wings } = ctx;
    const template = this.chosen();
    if (!template) {
      this.preview.replaceChildren(h('p', { className: 'muted' }, t(lang, this.templates === undefined ? 'loading' : 'templateNone')));
      return;
    }
    const at = this.target();
    const items = plannedItems(template, at?.startsAt);
    this.preview.replaceChildren(
      h('p', { className: 'muted' }, items.length === 1 ? t(lang, 'templatePreviewOne') : t(lang, 'templatePreview', { count: items.length })),
      h(
        'ul',
        { className: 'template-items' },
        ...items.map((item) =>
          h(
            'li',
            { className: 'template-item' },
            h('span', { className: 'template-item-title' }, item.title),
            h(
              'span',
              { className: 'muted' },
              [
                wings.name(item.wing, lang),
                item.dueAt === undefined ? undefined : t(lang, 'templateDue', { when: fmt.when(item.dueAt, ctx.now(), at?.timeZone) }),
                item.assignee,
              ]
                .filter((part) => part !== undefined)
                .join(' · '),
            ),
          ),
        ),
      ),
    );
  }

  /** The start may move: the preview follows it. */
  update(): void {
    if (this.el.open) this.showPreview();
  }
}
