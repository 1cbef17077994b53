import { type ApiClient, HttpError } from './api';
import type { Lang } from './i18n';
import type { Wing, WingsPayload } from './types';

const RETRY_MS = [1000, 2000, 5000, 10000, 30000];

/** Wing names in both languages, from GET /api/wings; an unknown code is shown as the code itself. */
export class WingCatalogue {
  private wings: Wing[] = [];

  /**
   * Reads the catalogue, trying again while the server cannot answer (not on a refusal), until
   * `ended`. `tried` is called once, after the first answer or failure (the page waits no longer for
   * the names); `loaded` when the names are in.
   */
  async load(api: ApiClient, ended: () => boolean, loaded: () => void, tried: () => void): Promise<void> {
    for (let attempt = 0; !ended(); attempt++) {
      let read: WingsPayload | undefined;
      let refused = false;
      try {
        read = await api.get<WingsPayload>('/api/wings');
      } catch (error) {
        refused = error instanceof HttpError && error.status < 500 && error.status !== 429;
      }
      // Outside the try: a draw that throws is not a failed read.
      if (read) {
        this.set(read.wings);
        loaded();
      }
      if (attempt === 0) tried();
      if (read || refused) return;
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)]));
    }
  }

  set(wings: readonly Wing[]): void {
    this.wings = [...wings];
  }

  all(): readonly Wing[] {
    return this.wings;
  }

  has(code: string): boolean {
    return this.wings.some((wing) => wing.code === code);
  }

  find(code: string): Wing | undefined {
    return this.wings.find((wing) => wing.code === code);
  }

  name(code: string, lang: Lang): string {
    return this.find(code)?.name[lang] ?? code;
  }
}
