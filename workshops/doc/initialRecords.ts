import {
  DocumentRecordType,
  PageRecordType,
  TLDOCUMENT_ID,
  type TLPageId,
  type TLRecord,
} from '@tldraw/tlschema'

/** The one page every board has; templates and cards live on it. */
export const BOARD_PAGE_ID = 'page:board' as TLPageId

/** The records of an empty board: tldraw's document and our page. */
export function emptyBoardRecords(pageName: string): TLRecord[] {
  return [
    DocumentRecordType.create({ id: TLDOCUMENT_ID }),
    PageRecordType.create({ id: BOARD_PAGE_ID, name: pageName, index: 'a1' as never }),
  ]
}
