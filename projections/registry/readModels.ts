import { catalogueModel } from '../models/catalogue/catalogueModel';
import { driveEnrollersModel, drivesModel, enrolmentsModel } from '../models/drives/driveModels';
import { historyModel } from '../models/history/historyModel';
import { peopleModel } from '../models/people/peopleModel';
import { templatesModel } from '../models/templates/templatesModel';
import { postHistoryModel } from '../models/posts/postHistoryModel';
import { postsModel } from '../models/posts/postsModel';
import { programmeModel } from '../models/programme/programmeModel';
import { responsibilityModel } from '../models/responsibilities/responsibilityModel';
import { taskModel } from '../models/tasks/taskModel';
import { unitsModel } from '../models/units/unitsModel';
import type { LogModel } from './LogModel';
import type { RowModel } from './RowModel';

/**
 * Every read model the runner keeps, each with its own checkpoint (all written in one commit). The
 * runner, the cache, the follower of a split set-up, the board-change journal and the rebuild all
 * loop over this list: a new read model is a folder under models/ and a line here. A store holding a
 * checkpoint of a name not listed was written by another version: it is cleared and rebuilt; a model
 * new to a store (no checkpoint yet) is brought up to date by replaying the events for it alone.
 */
export const READ_MODELS: readonly (RowModel | LogModel)[] = [
  programmeModel,
  taskModel,
  responsibilityModel,
  catalogueModel,
  historyModel,
  unitsModel,
  peopleModel,
  postsModel,
  postHistoryModel,
  drivesModel,
  driveEnrollersModel,
  enrolmentsModel,
  templatesModel,
];

export const ROW_MODELS: readonly RowModel[] = READ_MODELS.filter((model): model is RowModel => model.kind === 'rows');
export const LOG_MODELS: readonly LogModel[] = READ_MODELS.filter((model): model is LogModel => model.kind === 'log');

/** The models' names: their checkpoints. */
export const PROJECTIONS: readonly string[] = READ_MODELS.map((model) => model.name);

/** The row model of a name (a journal entry names them), if this version has it. */
export function rowModelNamed(name: string): RowModel | undefined {
  return ROW_MODELS.find((model) => model.name === name);
}
