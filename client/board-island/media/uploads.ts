import { atom } from 'tldraw'

export interface UploadEntry {
  id: string
  name: string
  total: number
  done: number
  /** A blob: preview of an image while it uploads; revoked when the entry goes. */
  preview: string | null
  cancel: () => void
}

export interface UploadNotice {
  id: string
  message: string
}

/** Uploads under way and refusals to show, for the tray at the board's edge. */
export const uploads = atom<UploadEntry[]>('uploads', [])
export const uploadNotices = atom<UploadNotice[]>('uploadNotices', [])

let next = 1

export function addUpload(entry: Omit<UploadEntry, 'id'>): string {
  const id = `u${next++}`
  uploads.update((list) => [...list, { ...entry, id }])
  return id
}

export function progressUpload(id: string, done: number): void {
  uploads.update((list) => list.map((u) => (u.id === id ? { ...u, done } : u)))
}

export function endUpload(id: string): void {
  const entry = uploads.get().find((u) => u.id === id)
  if (entry?.preview) URL.revokeObjectURL(entry.preview)
  uploads.update((list) => list.filter((u) => u.id !== id))
}

export function notify(message: string): void {
  uploadNotices.update((list) => [...list.slice(-4), { id: `n${next++}`, message }])
}

export function dismissNotice(id: string): void {
  uploadNotices.update((list) => list.filter((n) => n.id !== id))
}
