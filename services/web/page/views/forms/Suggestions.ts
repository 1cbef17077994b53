import { h } from '../../dom';
import { nextId } from '../../nextId';
import type { PageContext } from '../PageContext';

/**
 * Suggestions for a text box (a `<datalist>`), read by one GET the first time they are wanted. A
 * failed read leaves them empty; the next `load` tries again when `again` says the failure may pass.
 */
export abstract class Suggestions<T> {
  readonly list: HTMLDataListElement;
  private asked = false;

  constructor(
    protected readonly ctx: PageContext,
    idPrefix: string,
    private readonly path: string,
  ) {
    this.list = h('datalist', { id: nextId(idPrefix) });
  }

  /** The suggestions in a read's answer. */
  protected abstract take(body: T): readonly string[];

  /** Whether a failed read is worth trying again on the next `load`. */
  protected again(_error: unknown): boolean {
    return true;
  }

  load(): void {
    if (this.asked) return;
    this.asked = true;
    void this.ctx.api
      .get<T>(this.path)
      .then((body) => this.list.replaceChildren(...this.take(body).map((value) => h('option', { value }))))
      .catch((error: unknown) => {
        this.asked = !this.again(error);
      });
  }
}
