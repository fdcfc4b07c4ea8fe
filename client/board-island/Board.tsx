/** @jsxImportSource react */
import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite'
import {
  DefaultStylePanel,
  DefaultToolbar,
  DefaultToolbarContent,
  Tldraw,
  TldrawUiMenuItem,
  useIsToolSelected,
  VideoShapeUtil,
  useTools,
  useEditor,
  useValue,
  type Editor,
  type TLComponents,
  type TLCurrentUser,
  type TLStore,
  type TLUiOverrides,
} from 'tldraw'
import 'tldraw/tldraw.css'
import { CardShapeUtil } from './CardShapeUtil'
import { CardTool } from './CardTool'
import { KindPalette } from './KindPalette'
import { dictionaries } from '../i18n/catalog'
import { SafeEmbedShapeUtil } from './SafeEmbedShapeUtil'
import { MEDIA_TYPES } from '../../workshops/media/mediaTypes'
import { MediaOverlay } from './media/MediaOverlay'
import './media/media.css'

// Every font, icon and translation comes from our own server, never tldraw's CDN.
const assetUrls = getAssetUrlsByImport()

// SafeEmbedShapeUtil replaces tldraw's embed (same type): no frames of other hosts.
// A film on the board waits to be played (or shown to everyone) instead of streaming to every browser at once.
export const shapeUtils = [CardShapeUtil, SafeEmbedShapeUtil, VideoShapeUtil.configure({ autoplay: false })]
const tools = [CardTool]

const overrides: TLUiOverrides = {
  // Our card tool's name, and a name of its own for tldraw's check box (its Swedish calls the x-box the same).
  translations: {
    sv: { 'tool.sv-card': dictionaries.sv['a11y.cardTool'], 'tool.check-box': dictionaries.sv['a11y.checkBoxTool'] },
    en: { 'tool.sv-card': dictionaries.en['a11y.cardTool'] },
  },
  actions(_editor, actions) {
    // External links become link cards, never embeds (see linkCards.ts).
    const { 'insert-embed': _insert, 'convert-to-embed': _convert, ...rest } = actions
    return rest
  },
  tools(editor, toolsById) {
    const { embed: _embed, ...rest } = toolsById
    return {
      ...rest,
      card: {
        id: 'card',
        icon: 'tool-note',
        // Its own name: tldraw's sticky note is "tool.note" ("Anmärkning") too, and two tools had one name.
        label: 'tool.sv-card' as 'tool.note',
        kbd: 'c',
        onSelect: () => editor.setCurrentTool('card'),
      },
    }
  },
}

function Toolbar() {
  const tools = useTools()
  const isCardSelected = useIsToolSelected(tools.card)
  return (
    <DefaultToolbar>
      <TldrawUiMenuItem {...tools.card} isSelected={isCardSelected} />
      <DefaultToolbarContent />
    </DefaultToolbar>
  )
}

/** tldraw's drawing tools: while one is chosen, its styles are what the next shape gets. */
const STYLED_TOOLS = new Set(['draw', 'highlight', 'geo', 'arrow', 'line', 'text', 'note', 'frame'])

/** The style panel only for tldraw's own shapes (cards take no styles): it no longer covers the board's corner all the time. */
function StylePanel() {
  const editor = useEditor()
  const shown = useValue('style panel shown', () => editor.getSelectedShapes().some((s) => s.type !== 'card') || STYLED_TOOLS.has(editor.getCurrentToolId()), [editor])
  return shown ? <DefaultStylePanel /> : null
}

// The media picker offers what the server takes (no SVG).
const imageTypes = MEDIA_TYPES.filter((m) => m.kind === 'image').map((m) => m.mime)
const videoTypes = MEDIA_TYPES.filter((m) => m.kind === 'video').map((m) => m.mime)

const components: TLComponents = { Toolbar, TopPanel: KindPalette, InFrontOfTheCanvas: MediaOverlay, StylePanel }

export interface BoardProps {
  store: TLStore
  licenseKey: string | null
  user: TLCurrentUser
  onMount: (editor: Editor) => void | (() => void)
}

export function Board(props: BoardProps) {
  return (
    <Tldraw
      store={props.store}
      shapeUtils={shapeUtils}
      tools={tools}
      overrides={overrides}
      components={components}
      assetUrls={assetUrls}
      acceptedImageMimeTypes={imageTypes}
      acceptedVideoMimeTypes={videoTypes}
      licenseKey={props.licenseKey ?? undefined}
      user={props.user}
      onMount={props.onMount}
    />
  )
}
