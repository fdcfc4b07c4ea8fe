import { createSignal, For, type JSX } from 'solid-js'
import { fieldValueText, type CardFields, type FieldDeclaration } from '../../workshops/cards/catalog'
import { fieldFromInput, fieldInputText, withField } from '../../workshops/cards/fieldInput'
import { cardKinds } from '../../workshops/cards/kinds'
import { lang, localized, t } from '../i18n/i18n'

/** One field's control; what does not fit (a number out of range) is not taken, and the control says so. */
function FieldInput(props: { field: FieldDeclaration; value: CardFields[string] | undefined; id: string; onValue: (value: CardFields[string] | undefined) => void }) {
  const [invalid, setInvalid] = createSignal(false)
  const take = (raw: string) => {
    const value = fieldFromInput(props.field, raw)
    setInvalid(value === null)
    if (value !== null) props.onValue(value)
  }
  // A component per field: its type does not change while it is shown.
  const field = props.field
  const text = () => fieldInputText(props.value)
  let control: JSX.Element
  if (field.type === 'choice') {
    control = (
      <select id={props.id} value={text()} onChange={(e) => take(e.currentTarget.value)}>
        <option value="">{t('cards.choose')}</option>
        <For each={field.values}>{(v) => <option value={v.id}>{localized(v.label)}</option>}</For>
      </select>
    )
  } else if (field.type === 'longText') {
    control = <textarea id={props.id} rows={2} maxLength={field.maxLength} value={text()} onInput={(e) => take(e.currentTarget.value)} />
  } else if (field.type === 'number') {
    control = (
      <input id={props.id} type="number" min={field.min} max={field.max} step={1} aria-invalid={invalid() || undefined} value={text()} onInput={(e) => take(e.currentTarget.value)} />
    )
  } else if (field.type === 'date') {
    control = <input id={props.id} type="date" aria-invalid={invalid() || undefined} value={text()} onInput={(e) => take(e.currentTarget.value)} />
  } else {
    control = <input id={props.id} type="text" maxLength={field.maxLength} value={text()} onInput={(e) => take(e.currentTarget.value)} />
  }
  return (
    // The label beside its control, not around it: wrapped, a select's options would join its name.
    <div class="field-input">
      <label for={props.id}>
        {localized(field.label)}
        {field.type === 'number' && field.unit ? ` (${field.unit[lang()]})` : ''}
      </label>
      {control}
    </div>
  )
}

/** A control for each field of a card kind; `onChange` gets the fields with the one changed. */
export function FieldInputs(props: { kind: string; values: CardFields; onChange: (fields: CardFields) => void; idPrefix: string }) {
  const fields = () => cardKinds().info(props.kind).fields
  return (
    <For each={fields()}>
      {(field) => (
        <FieldInput
          field={field}
          id={`${props.idPrefix}-${field.id}`}
          value={props.values[field.id]}
          onValue={(value) => props.onChange(withField(props.values, field.id, value))}
        />
      )}
    </For>
  )
}

/** A card's filled fields as one line for lists: "Typ: Film · Tid: 30 min". */
export function fieldsSummary(kind: string, fields: CardFields): string {
  return cardKinds()
    .info(kind)
    .fields.filter((f) => f.type !== 'longText' && fields[f.id] !== undefined && fields[f.id] !== '')
    .map((f) => `${localized(f.label)}: ${fieldValueText(f, fields[f.id], lang())}`)
    .join(' · ')
}
