import { driveAggregate } from '../drives/driveAggregate';
import { enrolmentAggregate, enrolmentLinkAggregate } from '../drives/enrolmentAggregate';
import { meetingAggregate } from '../meeting/meetingAggregate';
import { nominationAggregate } from '../posts/nominationAggregate';
import { postAggregate } from '../posts/postAggregate';
import { peopleAggregate } from '../people/peopleAggregate';
import { responsibilityAggregate } from '../responsibility/responsibilityAggregate';
import { taskAggregate } from '../task/taskAggregate';
import { checklistAggregate } from '../templates/checklistAggregate';
import { templateAggregate } from '../templates/templateAggregate';
import { tourAggregate } from '../tour/tourAggregate';
import { unitsAggregate } from '../units/unitsAggregate';
import { wingsAggregate } from '../wings/wingsAggregate';
import type { CommandDefinition } from './CommandDefinition';

/**
 * Every aggregate, each defined once in its folder (name, events, decider, commands). The event union,
 * the stream prefixes, the command table (HTTP routes, OpenAPI, the permission matrix) and the test
 * tables are read off this list: a new aggregate is a folder and a line here.
 */
export const AGGREGATES = [
  tourAggregate,
  meetingAggregate,
  responsibilityAggregate,
  taskAggregate,
  wingsAggregate,
  unitsAggregate,
  peopleAggregate,
  postAggregate,
  nominationAggregate,
  driveAggregate,
  enrolmentAggregate,
  enrolmentLinkAggregate,
  templateAggregate,
  checklistAggregate,
] as const;

/** Every command of every aggregate. */
export const COMMANDS: readonly CommandDefinition[] = AGGREGATES.flatMap((aggregate) => aggregate.commands);

/** The prefixes of our streams (`<aggregate>-`): readers of `$all` in a shared store keep only these. */
export const STREAM_PREFIXES: readonly string[] = AGGREGATES.map((aggregate) => `${aggregate.name}-`);

/** The command of a name, if there is one. */
export function commandNamed(name: string): CommandDefinition | undefined {
  return BY_NAME.get(name);
}

/** Every command is looked up by name once per call: a map, not a walk of the list. */
const BY_NAME: ReadonlyMap<string, CommandDefinition> = new Map(COMMANDS.map((command) => [command.name, command]));
