/** @jsxImportSource react */
import { useState } from 'react'
import { stopEventPropagation, useEditor } from 'tldraw'
import { fieldValueText, type CardFields, type FieldDeclaration } from '../../workshops/cards/catalog'
import { CARD_SHAPE_TYPE, type CardShape } from '../../workshops/cards/cardShape'
import { fieldFromInput, fieldInputText, withField } from '../../workshops/cards/fieldInput'
import { cardKinds } from '../../workshops/cards/kinds'
import type { Lang } from '../../workshops/lang'
import { t } from '../i18n/i18n'

/** The filled fields under a card's text, "Typ: Film · Tid: 30 min"; long texts on lines of their own. */
export function CardFieldsView({ kind, fields, lang }: { kind: string; fields: CardFields; lang: Lang }) {
  const declared = cardKinds().info(kind).fields.filter((f) => fields[f.id] !== undefined && fields[f.id] !== '')
  if (declared.length === 0) return null
  const short = declared.filter((f) => f.type !== 'longText')
  const long = declared.filter((f) => f.type === 'longText')
  return (
    <div className="sv-card-fields">
      {short.length > 0 ? (
        <div className="sv-card-field-line">
          {short.map((f, i) => (
            <span key={f.id} data-field={f.id}>
              {i > 0 ? ' · ' : ''}
              <span className="sv-card-field-label">{f.label[lang]}:</span> {fieldValueText(f, fields[f.id], lang)}
            </span>
          ))}
        </div>
      ) : null}
      {long.map((f) => (
        <div key={f.id} className="sv-card-field-long" data-field={f.id}>
          <span className="sv-card-field-label">{f.label[lang]}:</span> {String(fields[f.id])}
        </div>
      ))}
    </div>
  )
}

/** One field's control; a value that does not fit (a number out of range) is not written, and the control says so. */
function FieldControl({ shape, field, lang }: { shape: CardShape; field: FieldDeclaration; lang: Lang }) {
  const editor = useEditor()
  const stored = fieldInputText(shape.props.fields[field.id])
  const [draft, setDraft] = useState(stored)
  const [invalid, setInvalid] = useState(false)
  const id = `${shape.id}-field-${field.id}`
  const write = (raw: string) => {
    setDraft(raw)
    const value = fieldFromInput(field, raw)
    setInvalid(value === null)
    if (value === null) return
    const current = editor.getShape<CardShape>(shape.id)
    if (!current) return
    editor.updateShape<CardShape>({ id: shape.id, type: CARD_SHAPE_TYPE, props: { fields: withField(current.props.fields, field.id, value) } })
  }
  const common = {
    id,
    'aria-invalid': invalid || undefined,
    onPointerDown: stopEventPropagation,
    onKeyDown: (e: React.KeyboardEvent) => {
      if (e.key === 'Escape') editor.setEditingShape(null)
      e.stopPropagation()
    },
  }
  const unit = field.type === 'number' && field.unit ? ` (${field.unit[lang]})` : ''
  return (
    // The label beside its control, not around it: wrapped, a select's options would join its name.
    <div className="sv-card-field-input">
      <label htmlFor={id}>
        {field.label[lang]}
        {unit}
      </label>
      {field.type === 'choice' ? (
        <select {...common} value={draft} onChange={(e) => write(e.currentTarget.value)}>
          <option value="">{t('cards.choose')}</option>
          {field.values.map((v) => (
            <option key={v.id} value={v.id}>
              {v.label[lang]}
            </option>
          ))}
        </select>
      ) : field.type === 'longText' ? (
        <textarea {...common} rows={2} maxLength={field.maxLength} value={draft} onChange={(e) => write(e.currentTarget.value)} />
      ) : (
        <input
          {...common}
          type={field.type === 'number' ? 'number' : field.type === 'date' ? 'date' : 'text'}
          min={field.type === 'number' ? field.min : undefined}
          max={field.type === 'number' ? field.max : undefined}
          step={field.type === 'number' ? 1 : undefined}
          maxLength={field.type === 'text' ? field.maxLength : undefined}
          value={draft}
          onChange={(e) => write(e.currentTarget.value)}
        />
      )}
    </div>
  )
}

/** While a card is edited: a control for each of its kind's fields, below its text. */
export function CardFieldsEditor({ shape, lang }: { shape: CardShape; lang: Lang }) {
  const fields = cardKinds().info(shape.props.kind).fields
  if (fields.length === 0) return null
  return (
    <fieldset className="sv-card-field-editor" onPointerDown={stopEventPropagation}>
      <legend className="visually-hidden">{t('cards.fieldsOf')}</legend>
      {fields.map((field) => (
        <FieldControl key={field.id} shape={shape} field={field} lang={lang} />
      ))}
    </fieldset>
  )
}
