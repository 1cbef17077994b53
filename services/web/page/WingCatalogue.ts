import type { Lang } from './i18n';
import type { Wing } from './types';

/** Wing names in both languages, from GET /api/wings; an unknown code is shown as the code itself. */
export class WingCatalogue {
  private wings: Wing[] = [];

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
