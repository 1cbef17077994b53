import { t, type Lang } from '../i18n';
import type { TaskStatus } from '../types';
import type { WingCatalogue } from '../WingCatalogue';
import type { Report } from './Report';

const GONE = { task: 'goneTask', duty: 'goneDuty', programme: 'goneProgramme', stop: 'goneStop' } as const;

/** A settled change in words a person understands: what happened, and who got there first. */
export function reportText(lang: Lang, wings: WingCatalogue, report: Report): string {
  switch (report.kind) {
    case 'saved':
      return t(lang, 'sentSaved');
    case 'forbidden':
      return t(lang, 'forbidden');
    case 'refused':
      // A phone enrolled already (SPEC v2 drive) is the one refusal a field worker meets often: said plainly.
      return report.rule === 'duplicate-enrolment' ? t(lang, 'enrolDuplicate') : t(lang, 'notSaved', { detail: report.detail });
    case 'cancelled':
      return t(lang, GONE[report.what]);
    case 'conflict':
      // A change without an aspect: what it conflicted on is unknown.
      if (report.field === undefined) return t(lang, 'conflictOther');
      switch (report.field) {
        case 'status':
          return report.now ? t(lang, 'conflictStatus', { status: t(lang, `status_${report.now as TaskStatus}`) }) : t(lang, 'conflictOther');
        case 'assignee':
          return report.now ? t(lang, 'conflictAssignee', { name: report.now }) : t(lang, 'conflictUnassigned');
        case 'dueAt':
          return t(lang, 'conflictDue');
        case 'wing':
          return report.now ? t(lang, 'conflictWing', { wing: wings.name(report.now, lang) }) : t(lang, 'conflictOther');
      }
  }
}
