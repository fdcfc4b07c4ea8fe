import { For, Show } from 'solid-js'
import { Dynamic } from 'solid-js/web'
import type { ActivityProps, ClientActivity } from './activity'
import { CLIENT_ACTIVITIES } from './registry'

/** Each activity's sidebar panel. */
export function ActivityPanels(props: ActivityProps) {
  return (
    <For each={CLIENT_ACTIVITIES.filter((a): a is ClientActivity & { Panel: NonNullable<ClientActivity['Panel']> } => !!a.Panel)}>
      {(activity) => <Dynamic component={activity.Panel} {...props} />}
    </For>
  )
}

/** Each activity's part over the board. */
export function ActivityOverlays(props: ActivityProps) {
  return (
    <For each={CLIENT_ACTIVITIES.filter((a) => a.Overlay)}>
      {(activity) => (
        <Show when={activity.Overlay}>{(Overlay) => <Dynamic component={Overlay()} {...props} />}</Show>
      )}
    </For>
  )
}

/** Tells every activity that the facilitator started a step. */
export function startedStep(step: Parameters<NonNullable<ClientActivity['onStepStarted']>>[0], props: ActivityProps): void {
  for (const activity of CLIENT_ACTIVITIES) activity.onStepStarted?.(step, props)
}
