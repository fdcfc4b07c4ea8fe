import { Show } from 'solid-js'
import { t } from '../i18n/i18n'

/** "Del 2 av 8 i KUPO Värmland 2027" in a workshop's header; a link to the programme page when this page holds the programme's key. */
export function ProgrammeBadge(props: { programme: { id: string; title: string; position: number; count: number; viaProgrammeKey: boolean }; workshopKey: string }) {
  const text = () => t('programme.inProgramme', { n: props.programme.position + 1, count: props.programme.count, title: props.programme.title })
  return (
    <Show when={props.programme.viaProgrammeKey} fallback={<span class="method-name">{text()}</span>}>
      <a class="method-name" href={`/p/${props.programme.id}#key=${props.workshopKey}`} title={t('programme.toProgramme')}>
        {text()}
      </a>
    </Show>
  )
}
