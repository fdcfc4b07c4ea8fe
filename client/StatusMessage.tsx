import { Show } from 'solid-js'

export interface Status {
  ok: boolean
  text: string
}

/** The result of an action: announced politely when it worked, as an alert when it did not. */
export function StatusMessage(props: { status: Status | null }) {
  return (
    <Show when={props.status}>
      {(m) => (
        <p role={m().ok ? 'status' : 'alert'} class={m().ok ? 'ok' : 'error'}>
          {m().text}
        </p>
      )}
    </Show>
  )
}
