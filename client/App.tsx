import { lazy, Match, Switch } from 'solid-js'
import { StartPage } from './start/StartPage'

// The workshop page pulls in Yjs and, later, the board: the start page stays small without them.
const WorkshopPage = lazy(() => import('./workshop/WorkshopPage').then((m) => ({ default: m.WorkshopPage })))

/** Two pages: the start page at / and a workshop at /w/<id>#key=<key>. */
export function App() {
  const workshopId = /^\/w\/([A-Za-z0-9_-]+)\/?$/.exec(location.pathname)?.[1]
  return (
    <Switch fallback={<StartPage />}>
      <Match when={workshopId}>{(id) => <WorkshopPage workshopId={id()} />}</Match>
    </Switch>
  )
}
