import { NOMINATION_STAGES, type NominationStage } from '@tayari/shared/contract/nominationStages';
import { h, Keyed, setText, syncChildren } from '../../dom';
import { t } from '../../i18n';
import { unitName, type UnitNames } from '../drive/unitNames';
import { CommandForm, Field } from '../forms/CommandForm';
import { textBox } from '../forms/controls';
import type { PageContext } from '../PageContext';
import { NominationRow, type Reload } from './NominationRow';
import { PostHistory } from './PostHistory';
import type { NominationItem, PostItem } from '../../types';
import { mayNominate } from './nominationMoves';

type Placed = NominationItem & { stage: NominationStage };

/**
 * One post: its title, district and wing, vacant or who holds it; its nominations grouped by stage
 * (proposed → recommended → approved → appointed, then those that ended); proposing a name and
 * vacating as the person may; the history on demand.
 */
export class PostCard {
  readonly el: HTMLElement;
  private readonly title = h('h3', { className: 'post-title' });
  private readonly where = h('p', { className: 'muted post-where' });
  private readonly status = h('span', { className: 'badge post-status' });
  private readonly none = h('p', { className: 'muted post-none' });
  private readonly stages = h('div', { className: 'post-stages' });
  private readonly groups = new Map<NominationStage, { el: HTMLElement; list: HTMLElement; count: HTMLElement }>();
  private readonly rows: Keyed<Placed, NominationRow>;
  private readonly propose: HTMLElement | undefined;
  private readonly vacate: HTMLElement | undefined;
  private post: PostItem;

  constructor(
    private readonly ctx: PageContext,
    post: PostItem,
    reload: Reload,
  ) {
    const { lang, claims } = ctx;
    this.post = post;
    this.rows = new Keyed(
      (n: Placed) => n.id,
      (n) => new NominationRow(ctx, n, reload),
    );
    const path = `/api/posts/${encodeURIComponent(post.id)}`;
    if (mayNominate(claims, post)) {
      const nominee = new Field('nominee', t(lang, 'nominee'), textBox(120), true);
      const proposer = new Field('proposedBy', t(lang, 'proposer'), textBox(120, claims.name), true);
      const note = new Field('note', t(lang, 'nominationNote'), textBox(500));
      const form = new CommandForm(ctx, {
        className: 'propose',
        fields: [nominee, proposer, note],
        submit: 'proposeSubmit',
        command: () => ({
          path: `${path}/nominations`,
          body: { nominee: nominee.value, proposedBy: proposer.value, ...(note.value ? { note: note.value } : {}) },
        }),
        done: (answer) => {
          reload(answer.position);
          return t(lang, 'proposed', { name: nominee.value });
        },
      });
      this.propose = h('details', { className: 'form-box form-propose' }, h('summary', {}, `+ ${t(lang, 'nominate')}`), form.el);
    }
    if (claims.role === 'incharge') {
      const reason = new Field('reason', t(lang, 'vacateReason'), textBox(500), true);
      const form = new CommandForm(ctx, {
        className: 'vacate',
        fields: [reason],
        submit: 'vacate',
        danger: true,
        command: () => ({ path: `${path}/vacate`, body: { reason: reason.value } }),
        done: (answer) => {
          reload(answer.position);
          return t(lang, 'stageMoved');
        },
      });
      this.vacate = h('details', { className: 'form-box form-vacate' }, h('summary', {}, t(lang, 'vacate')), form.el);
    }
    const history = new PostHistory(ctx, () => this.post);
    this.el = h(
      'article',
      { className: 'panel post', 'data-post-id': post.id },
      h('header', { className: 'post-head' }, this.title, this.status),
      this.where,
      this.none,
      this.stages,
      this.propose,
      this.vacate,
      history.el,
    );
  }

  private group(stage: NominationStage): { el: HTMLElement; list: HTMLElement; count: HTMLElement } {
    const made = this.groups.get(stage);
    if (made) return made;
    const list = h('ul', { className: 'nominations' });
    const count = h('span', { className: 'chip' });
    const ended = !(stage === 'proposed' || stage === 'recommended' || stage === 'approved' || stage === 'appointed');
    const el = h(
      'section',
      { className: `stage stage-${stage}${ended ? ' stage-ended' : ''}`, 'data-stage': stage },
      h('h4', {}, t(this.ctx.lang, `stage_${stage}`), ' ', count),
      list,
    );
    const group = { el, list, count };
    this.groups.set(stage, group);
    return group;
  }

  update(post: PostItem, names: UnitNames | undefined): void {
    const { lang, wings } = this.ctx;
    this.post = post;
    this.el.dataset.status = post.status;
    setText(this.title, post.title[lang]);
    const wing = post.wing === undefined ? undefined : wings.has(post.wing) ? wings.name(post.wing, lang) : post.wing;
    setText(this.where, [unitName(names, post.unit, lang), wing].filter((x) => x !== undefined).join(' · '));
    this.status.className = `badge post-status ${post.status === 'vacant' ? 'badge-risk' : 'badge-ok'}`;
    setText(this.status, post.status === 'vacant' ? t(lang, 'postVacant') : t(lang, 'postFilled', { name: post.holder?.nominee ?? '' }));
    const placed: Placed[] = NOMINATION_STAGES.flatMap((stage) =>
      Object.values(post.nominations[stage] ?? {})
        .sort((a, b) => a.proposedAt.localeCompare(b.proposedAt))
        .map((n) => ({ ...n, stage })),
    );
    setText(this.none, placed.length === 0 ? t(lang, 'postNoNominee') : '');
    this.none.hidden = placed.length > 0;
    const rows = this.rows.take(placed);
    const shown: HTMLElement[] = [];
    for (const stage of NOMINATION_STAGES) {
      const here = rows.filter(([n]) => n.stage === stage);
      if (here.length === 0) continue;
      const group = this.group(stage);
      for (const [n, row] of here) row.update(post, stage, n);
      setText(group.count, String(here.length));
      syncChildren(
        group.list,
        here.map(([, row]) => row.el),
      );
      shown.push(group.el);
    }
    syncChildren(this.stages, shown);
    if (this.propose) this.propose.hidden = post.status !== 'vacant';
    if (this.vacate) this.vacate.hidden = post.status !== 'filled';
  }
}
