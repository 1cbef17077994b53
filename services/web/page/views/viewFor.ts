import type { Route } from '../route';
import { ArchiveView } from './ArchiveView';
import { DrivesView } from './drive/DrivesView';
import { DriveView } from './drive/DriveView';
import { PostsView } from './posts/PostsView';
import { AttentionView } from './attention/AttentionView';
import type { PageContext, View } from './PageContext';
import { ProgrammeView } from './ProgrammeView';
import { ReadinessView } from './ReadinessView';
import { MineView } from './MineView';
import { PeopleView } from './people/PeopleView';
import { WingView } from './WingView';
import { wingCodeOf } from './routeBoards';

/** The screen a route shows; "Wings" without a code opens on the person's own wing. */
export function viewFor(ctx: PageContext, route: Route): View {
  switch (route.view) {
    case 'programme':
      return new ProgrammeView(ctx, route);
    case 'wing': {
      const code = wingCodeOf(route, ctx.claims);
      return new WingView(ctx, { ...route, ...(code === undefined ? {} : { code }) });
    }
    case 'attention':
      return new AttentionView(ctx, route.filter);
    case 'archive':
      return new ArchiveView(ctx);
    case 'readiness':
      return new ReadinessView(ctx);
    case 'mine':
      return new MineView(ctx);
    case 'people':
      return new PeopleView(ctx, route);
    case 'drive':
      return route.id === undefined ? new DrivesView(ctx) : new DriveView(ctx, route.id);
    case 'posts':
      return new PostsView(ctx);
  }
}
