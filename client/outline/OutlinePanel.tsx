import { createEffect, createMemo, createSignal, on, onCleanup, Show, type Accessor } from 'solid-js'
import type { TLRecord } from '@tldraw/tlschema'
import { createStore, reconcile } from 'solid-js/store'
import type { TLParentId } from '@tldraw/tlschema'
import type { CardFields } from '../../workshops/cards/catalog'
import { cardKinds } from '../../workshops/cards/kinds'
import { readBoard } from '../../workshops/chain/board'
import { buildChain, type Chain } from '../../workshops/chain/buildChain'
import type { Card } from '../../workshops/chain/cards'
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
import { createCardIndex, linkCandidates } from './cardIndex'
import { ChainView } from './ChainView'
import { MethodViews } from './MethodViews'
import { OutlineCard, type CardActions, type OutlineVote } from './OutlineCard'
import { placeNewCard, type BoardView } from './placement'
import { QuoteImport, quoteStepFrame } from './QuoteImport'
import { VirtualCardList, type CardListControl } from './VirtualCardList'
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

/** `records`, handed on when the page is idle (at the latest after a second). */
function settledRecords(records: Accessor<TLRecord[]>): Accessor<TLRecord[]> {
  const [settled, setSettled] = createSignal(records(), { equals: false })
  let pending: number | undefined
  const idle = (run: () => void) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(run, { timeout: 1000 }) : (setTimeout(run, 100) as unknown as number))
  const cancel = (id: number) => (typeof cancelIdleCallback === 'function' ? cancelIdleCallback(id) : clearTimeout(id))
  createEffect(
    on(records, (now) => {
      if (pending !== undefined) cancel(pending)
      pending = idle(() => {
        pending = undefined
        setSettled(now)
      })
    }, { defer: true }),
  )
  onCleanup(() => pending !== undefined && cancel(pending))
  return settled
}

/**
 * The board's accessible twin: the same cards as headings and lists, and
 * every edit the board allows (add, edit, link, unlink, delete) by keyboard.
 * It writes the same records the board does, so both stay one document.
 */
export function OutlinePanel(props: OutlineProps) {
  // The list of all cards follows the document change by change; the whole-board views (chain, method views, owners) follow the throttled snapshot.
  const index = createCardIndex(props.board)
  // They are a pass over the board (about 30 ms at 2,000 cards here): done when the page is idle, so they never hold up the next edit.
  const settled = settledRecords(props.board.records)
  const board = createMemo(() => readBoard(settled()))
  const [chain, setChain] = createStore<Chain>(buildChain([], {}))
  // Merged into the store in place, so a changed card re-renders only its own line of the chain.
  createEffect(() => setChain(reconcile(buildChain(settled(), { votes: props.votes?.(), board: board() }), { merge: true })))
  let list: CardListControl | undefined

  const actions: CardActions = {
    edit(id, text, fields?: CardFields) {
      const record = props.board.source.get(id)
      if (record?.typeName === 'shape' && record.type === 'card') {
        props.board.apply({ put: [{ ...record, props: { ...record.props, text, ...(fields ? { fields } : {}) } }] })
      }
    },
    remove(id) {
      const ids = index.ids()
      const at = ids.indexOf(id)
      props.board.apply({ remove: deleteCard(props.board.source, id) })
      // Focus goes on to the next card (else the one before, else the list): never to the page.
      const left = index.ids()
      const next = left[Math.min(at, left.length - 1)]
      if (list) queueMicrotask(() => (next && at >= 0 ? list!.focusCard(next) : list!.focusList()))
    },
    link(a, b) {
      props.board.apply({ put: linkCards(props.board.source, a, b, BOARD_PAGE_ID as TLParentId) })
    },
    unlink(a, b) {
      props.board.apply({ remove: unlinkCards(props.board.source, a, b) })
    },
    moveToOwner(cardId, ownerId) {
      // The arrow decides which card it belongs to: replace every arrow to another card of that kind with one to this one.
      const ownerKind = index.card(ownerId)?.kind
      const linksNow = new Set(index.linked(cardId))
      const remove = [...linksNow].filter((id) => index.card(id)?.kind === ownerKind && id !== ownerId).flatMap((id) => unlinkCards(props.board.source, cardId, id))
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
    settled()
    return quoteStepFrame(props.definition, props.board, props.currentStepId?.())?.id ?? null
  })

  /** Why this person may not edit or delete a card now; the private document's own cards are theirs. */
  const blocked = (id: string, what: 'edit' | 'delete') => {
    const perms = props.permissions
    if (!perms) return null
    if (props.board.privateIds().has(id)) return perms.whyNotAdd()
    return perms.whyNot(id, what === 'edit' ? props.board.source.get(id) : undefined)
  }

  const setChosen = (id: string, chosen: boolean) => {
    const record = props.board.source.get(id)
    if (record) props.board.apply({ put: [withChosen(record, chosen)] })
  }

  const linkedCards = (card: Card) => index.linked(card.id).map((id) => index.card(id)).filter((c): c is Card => !!c)
  /** The board's snapshot's reading of a card (owners), by id: the snapshot trails the list by a moment. */
  const ownersOfNow = (card: Card) => {
    const known = board().byId.get(card.id)
    return known ? board().ownersOf(known) : []
  }

  return (
    <section class="outline" aria-labelledby="outline-heading" data-testid="outline">
      <h2 id="outline-heading">{t('outline.heading')}</h2>
      <Show when={props.permissions?.locked()}>
        <p class="outline-locked" role="status" data-testid="outline-locked">
          {t('refused.board-locked')} {t('outline.lockedHint')}
        </p>
      </Show>
      <AddCardForm onAdd={add} disabled={!!props.permissions?.whyNotAdd()} kinds={kindsUsed(props.definition)} cards={board().cards} />
      <Show when={!props.permissions?.locked() && quoteFrameId()}>{(id) => <QuoteImport board={props.board} frameId={id()} author={props.author} workshopId={props.workshopId} />}</Show>
      <ChainView chain={chain} definition={props.definition} />
      <MethodViews board={board()} definition={props.definition} />
      <section aria-labelledby="outline-all">
        <h3 id="outline-all">{t('outline.allCards', { n: index.ids().length })}</h3>
        <p id="outline-list-hint" class="outline-hint">
          {t('outline.listHint')}
        </p>
        {/* Keyed by id, so a card's open edit or link form survives remote changes; each card follows only its own record. */}
        <VirtualCardList ids={index.ids} labelledBy="outline-all" describedBy="outline-list-hint" control={(c) => (list = c)}>
          {(item) => (
            <Show when={index.card(item.id)}>
              {(card) => (
                <OutlineCard
                  item={item}
                  card={card()}
                  linked={linkedCards(card())}
                  linkTargets={() => linkCandidates(index, card())}
                  owners={ownersFor(card())}
                  ownerId={ownersOfNow(card())[0]?.id}
                  isPrivate={props.board.privateIds().has(item.id)}
                  actions={actions}
                  vote={props.openVote?.() ?? null}
                  editBlocked={blocked(item.id, 'edit')}
                  deleteBlocked={blocked(item.id, 'delete')}
                  linkBlocked={props.permissions?.whyNotAdd() ?? null}
                  footer={
                    <Show when={props.provenance}>
                      {(options) => (
                        <CardProvenance record={(card(), props.board.source.get(item.id))} kind={card().kind} text={card().text} options={{ ...options(), setChosen }} />
                      )}
                    </Show>
                  }
                />
              )}
            </Show>
          )}
        </VirtualCardList>
      </section>
    </section>
  )
}
