import { lazy, Match, Switch } from 'solid-js'
import { SetupPage } from './auth/SetupPage'
import { StartPage } from './start/StartPage'

// The workshop page pulls in Yjs and, later, the board: the start page stays small without them.
const WorkshopPage = lazy(() => import('./workshop/WorkshopPage').then((m) => ({ default: m.WorkshopPage })))
const ProgrammePage = lazy(() => import('./programme/ProgrammePage').then((m) => ({ default: m.ProgrammePage })))
const EvaluationPage = lazy(() => import('./evaluation/EvaluationPage').then((m) => ({ default: m.EvaluationPage })))

/** The start page at /, a workshop at /w/<id>#key=<key>, a programme at /p/<id>#key=<key>, a workshop's evaluation link at /e/<id>#key=<key>, and one-time links at /setup#token=<token>. */
export function App() {
  const workshopId = /^\/w\/([A-Za-z0-9_-]+)\/?$/.exec(location.pathname)?.[1]
  const programmeId = /^\/p\/([A-Za-z0-9_-]+)\/?$/.exec(location.pathname)?.[1]
  const evaluationId = /^\/e\/([A-Za-z0-9_-]+)\/?$/.exec(location.pathname)?.[1]
  return (
    <Switch fallback={<StartPage />}>
      <Match when={workshopId}>{(id) => <WorkshopPage workshopId={id()} />}</Match>
      <Match when={programmeId}>{(id) => <ProgrammePage programmeId={id()} />}</Match>
      <Match when={evaluationId}>{(id) => <EvaluationPage workshopId={id()} />}</Match>
      <Match when={/^\/setup\/?$/.test(location.pathname)}>
        <SetupPage />
      </Match>
    </Switch>
  )
}
