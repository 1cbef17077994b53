import type { Role } from '@tayari/shared/common/actor';
import type { Reach, Row } from './permissionTable';

const INCHARGE_ONLY: Record<Role, Reach> = { incharge: 'any-wing', 'wing-lead': 'never', organiser: 'never', observer: 'never' };
const template = (id: string, wing: string) => ({ id, name: { en: 'Stop', hi: 'पड़ाव' }, kind: 'stop', items: [{ title: 'Permission', wing, offset: '-P2D' }] });

/** The permission matrix's rows of the checklist template commands (see permissionTable.ts). */
export const TEMPLATE_ROWS: Record<string, Row> = {
  DefineTemplate: {
    who: INCHARGE_ONLY,
    arrange: async (_f, wing, n) => ({ path: '/templates', body: template(`tpl-${n}`, wing) }),
  },
  ReviseTemplate: {
    who: INCHARGE_ONLY,
    arrange: async (f, wing, n) => {
      await f.template(`tpl-${n}`, wing);
      return {
        path: `/templates/tpl-${n}/revise`,
        body: { name: { en: 'Stop', hi: 'पड़ाव' }, kind: 'stop', items: [{ title: 'Sound', wing, offset: '-PT6H' }] },
      };
    },
  },
  ApplyTemplate: {
    who: INCHARGE_ONLY,
    arrange: async (f, wing, n) => {
      await f.template(`tpl-${n}`, wing);
      await f.tour(`tpl-tour-${n}`);
      await f.stop(`tpl-tour-${n}`, 's1', 26, '11:00', '13:00');
      return { path: `/programmes/tpl-tour-${n}/apply-template`, body: { templateId: `tpl-${n}`, stopId: 's1' } };
    },
  },
};
