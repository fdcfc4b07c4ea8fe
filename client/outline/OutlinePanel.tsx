import { createMemo, For, Show } from 'solid-js'
import type { TLParentId } from '@tldraw/tlschema'
import type { CardFields } from '../../workshops/cards/catalog'
import { cardKinds } from '../../workshops/cards/kinds'
import { readBoard } from '../../workshops/chain/board'
import { buildChain } from '../../workshops/chain/buildChain'
import type { Card } from '../../workshops/chain/cards'
import { neighbours, readLinks } from '../../workshops/chain/links'
import { kindsUsed } from '../../workshops/method/kindsUsed'
import { deleteCard, linkCards, newCard, unlinkCards } from '../../workshops/doc/boardOps'
import { BOARD_PAGE_ID } from '../../workshops/doc/initialRecords'
import type { WorkshopDefinition } from '../../workshops/method/types'
import { t } from '../i18n/i18n'
import { CardProvenance, type ProvenanceOptions } from '../programme/CardProvenance'
import { withChosen } from '../../workshops/programme/provenance'
import type { BoardRecords } from '../workshop/createBoardRecords'
import type { Permissions } from '../workshop/permissions'
import { AddCardForm, type NewCardInput } from './AddCardForm'
import { ChainView } from './ChainView'
import { MethodViews } from './MethodViews'
import { OutlineCard, type CardActions, type OutlineVote } from './OutlineCard'
import { placeNewCard, type BoardView } from './placement'
import { QuoteImport, quoteStepFrame } from './QuoteImport'
import './outline.css'

export interface OutlineProps {
  workshopId: string
  board: BoardRecords
  definition: WorkshopDefinition | null
  author: string
  votes?: () => Record<string, number>
  /** The open vote, if any: eligible cards get dot buttons here too, for keyboard voting. */
  openVote?: () => OutlineVote | null
  /** What this person may change (the board's rules); without it, everything is offered. */
  permissions?: Permissions
  /** Where carried cards came from, the "vald" mark and each card's path (workshops of a programme, and the paths of any workshop). */
  provenance?: Omit<ProvenanceOptions, 'setChosen'>
  /** The step the workshop is on: new cards go into its frame. */
  currentStepId?: () => string | null
  /** This person's board view: new cards go where it shows, and into it. */
  view?: BoardView
}

/**
 * The board's accessible twin: the same cards as headings and lists, and
 * every edit the board allows (add, edit, link, unlink, delete) by keyboard.
 * It writes the same records the board does, so both stay one document.
 */
export function OutlinePanel(props: OutlineProps) {
  const board = createMemo(() => readBoard(props.board.records()))
  const cards = createMemo(() => board().cards)
  const chain = createMemo(() => buildChain(props.board.records(), { votes: props.votes?.(), board: board() }))
  const linked = createMemo(() => neighbours(readLinks(props.board.records())))
  const byId = createMemo(() => new Map(cards().map((c) => [c.id, c])))
  const cardIds = createMemo(
    () => cards().map((c) => c.id),
    [],
    { equals: (a, b) => a.length === b.length && a.every((id, i) => id === b[i]) },
  )

  const actions: CardActions = {
    edit(id, text, fields?: CardFields) {
      const record = props.board.source.get(id)
      if (record?.typeName === 'shape' && record.type === 'card') {
        props.board.apply({ put: [{ ...record, props: { ...record.props, text, ...(fields ? { fields } : {}) } }] })
      }
    },
    remove(id) {
      props.board.apply({ remove: deleteCard(props.board.source, id) })
    },
    link(a, b) {
      props.board.apply({ put: linkCards(props.board.source, a, b, BOARD_PAGE_ID as TLParentId) })
    },
    unlink(a, b) {
      props.board.apply({ remove: unlinkCards(props.board.source, a, b) })
    },
    moveToOwner(cardId, ownerId) {
      // The arrow decides which card it belongs to: replace every arrow to another card of that kind with one to this one.
      const ownerKind = byId().get(ownerId)?.kind
      const linksNow = linked().get(cardId) ?? new Set<string>()
      const remove = [...linksNow].filter((id) => byId().get(id)?.kind === ownerKind && id !== ownerId).flatMap((id) => unlinkCards(props.board.source, cardId, id))
      const put = linksNow.has(ownerId) ? [] : linkCards(props.board.source, cardId, ownerId, BOARD_PAGE_ID as TLParentId)
      props.board.apply({ put, remove })
    },
  }
  /** Cards of the kind `card` is part of (themes of a quote, sessions of a block). */
  const ownersFor = (card: Card) => {
    const kind = cardKinds().partOf(card.kind)
    return kind ? board().ofKind(kind) : []
  }

  const add = (input: NewCardInput) => {
    const { grown, ...at } = placeNewCard(props.board.records(), input.kind, props.definition, input.owner, {
      stepId: props.currentStepId?.(),
      viewport: props.view?.viewport(),
    })
    const card = newCard(props.board.source, { kind: input.kind, text: input.text, fields: input.fields, author: props.author, ...at })
    // A frame this person may not resize (a pinned template's) stays as it is.
    const frame = grown && !props.permissions?.whyNot(grown.id, grown) ? [grown] : []
    props.board.apply({ put: [...frame, card] })
    props.view?.reveal(card.id)
  }

  const quoteFrameId = createMemo(() => {
    props.board.records()
    return quoteStepFrame(props.definition, props.board, props.currentStepId?.())?.id ?? null
  })

  /** Why this person may not edit or delete a card now; the private document's own cards are theirs. */
  const blocked = (id: string, what: 'edit' | 'delete') => {
    const perms = props.permissions
    if (!perms) return null
    if (props.board.privateIds().has(id)) return perms.whyNotAdd()
    return perms.whyNot(id, what === 'edit' ? props.board.source.get(id) : undefined)
  }

  const recordById = createMemo(() => new Map(props.board.records().map((r) => [r.id as string, r])))
  const setChosen = (id: string, chosen: boolean) => {
    const record = props.board.source.get(id)
    if (record) props.board.apply({ put: [withChosen(record, chosen)] })
  }

  const linkedCards = (card: Card) => [...(linked().get(card.id) ?? [])].map((id) => byId().get(id)).filter((c): c is Card => !!c)

  return (
    <section class="outline" aria-labelledby="outline-heading" data-testid="outline">
      <h2 id="outline-heading">{t('outline.heading')}</h2>
      <Show when={props.permissions?.locked()}>
        <p class="outline-locked" role="status" data-testid="outline-locked">
          {t('refused.board-locked')} {t('outline.lockedHint')}
        </p>
      </Show>
      <AddCardForm onAdd={add} disabled={!!props.permissions?.whyNotAdd()} kinds={kindsUsed(props.definition)} cards={cards()} />
      <Show when={!props.permissions?.locked() && quoteFrameId()}>{(id) => <QuoteImport board={props.board} frameId={id()} author={props.author} workshopId={props.workshopId} />}</Show>
      <ChainView chain={chain()} definition={props.definition} />
      <MethodViews board={board()} definition={props.definition} />
      <section aria-labelledby="outline-all">
        <h3 id="outline-all">{t('outline.allCards', { n: cards().length })}</h3>
        <ul class="outline-cards">
          {/* Keyed by id (strings compare by value), so a card's open edit or link form survives remote changes. */}
          <For each={cardIds()}>
            {(id) => (
              <Show when={byId().get(id)}>
                {(card) => (
                  <OutlineCard
                    card={card()}
                    linked={linkedCards(card())}
                    others={cards().filter((c) => c.id !== id)}
                    owners={ownersFor(card())}
                    ownerId={board().ownersOf(card())[0]?.id}
                    isPrivate={props.board.privateIds().has(id)}
                    actions={actions}
                    vote={props.openVote?.() ?? null}
                    editBlocked={blocked(id, 'edit')}
                    deleteBlocked={blocked(id, 'delete')}
                    linkBlocked={props.permissions?.whyNotAdd() ?? null}
                    footer={
                      <Show when={props.provenance}>
                        {(options) => <CardProvenance record={recordById().get(id)} kind={card().kind} text={card().text} options={{ ...options(), setChosen }} />}
                      </Show>
                    }
                  />
                )}
              </Show>
            )}
          </For>
        </ul>
      </section>
    </section>
  )
}
