import type { StoredEvent } from '@tayari/shared/events/StoredEvent';
import type { WingDoc } from './WingDoc';

type Part = 'responsibilities' | 'tasks';

function add(doc: WingDoc, part: Part, id: string, position: string): WingDoc {
  if (doc[part].includes(id)) return doc;
  return { ...doc, [part]: [...doc[part], id], position };
}

function remove(doc: WingDoc, part: Part, id: string, position: string): WingDoc {
  if (!doc[part].includes(id)) return doc;
  return { ...doc, [part]: doc[part].filter((other) => other !== id), position };
}

/**
 * One wing's document in one programme: live responsibilities and tasks enter when assigned or
 * logged to the wing and leave when cancelled or reassigned away. Answers the same object when
 * nothing changed (events of other wings or programmes, or that change no membership).
 */
export function evolveWing(doc: WingDoc, event: StoredEvent): WingDoc {
  if (!('programmeId' in event.data) || event.data.programmeId !== doc.programmeId) return doc;
  const { position } = event;
  switch (event.type) {
    case 'TaskLogged':
      return event.data.wing === doc.code ? add(doc, 'tasks', event.data.taskId, position) : doc;
    case 'TaskCancelled':
      return event.data.wing === doc.code ? remove(doc, 'tasks', event.data.taskId, position) : doc;
    case 'ResponsibilityAssigned':
      return event.data.wing === doc.code ? add(doc, 'responsibilities', event.data.responsibilityId, position) : doc;
    case 'ResponsibilityReassigned': {
      const { responsibilityId, from, wing } = event.data;
      if (wing === doc.code) return add(doc, 'responsibilities', responsibilityId, position);
      if (from === doc.code) return remove(doc, 'responsibilities', responsibilityId, position);
      return doc;
    }
    case 'ResponsibilityCancelled':
      return event.data.wing === doc.code ? remove(doc, 'responsibilities', event.data.responsibilityId, position) : doc;
    default:
      return doc;
  }
}
