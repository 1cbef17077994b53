import type { ApiClient } from '../../api';

/** What a checklist prepares: a tour's stop, a meeting, or a whole visit (from the tour's first stop). */
export type TemplateKind = 'stop' | 'meeting' | 'visit';

/**
 * A checklist template as `GET /api/templates` lists it (projections/models/templates/templatesModel.ts;
 * that module imports zod and Node, so the page keeps this copy: test/web/templates.rules.test.ts
 * checks the two agree).
 */
export interface Template {
  id: string;
  name: { en: string; hi: string };
  kind: TemplateKind;
  version: number;
  items: { title: string; wing: string; offset: string; assignee?: string | undefined }[];
}

export interface TemplateList {
  position: string;
  templates: Template[];
}

/** The templates, read once when a picker first opens and shared by the pickers of a view. */
export class TemplateCatalogue {
  private loading: Promise<Template[]> | undefined;

  constructor(private readonly api: ApiClient) {}

  /** Every template; a failed read is tried again at the next call. */
  load(): Promise<Template[]> {
    this.loading ??= this.api.get<TemplateList>('/api/templates').then(
      (list) => list.templates,
      (error: unknown) => {
        this.loading = undefined;
        throw error;
      },
    );
    return this.loading;
  }
}
