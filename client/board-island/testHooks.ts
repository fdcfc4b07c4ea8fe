import type { Editor } from 'tldraw'

declare global {
  interface Window {
    /** The live editor, for browser tests to read board state (as tldraw's own end-to-end tests do). */
    __samverkstadEditor?: Editor
  }
}

export function exposeForTests(editor: Editor): () => void {
  window.__samverkstadEditor = editor
  return () => {
    if (window.__samverkstadEditor === editor) delete window.__samverkstadEditor
  }
}
