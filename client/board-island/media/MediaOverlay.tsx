/** @jsxImportSource react */
import { PlayForAllButton } from './PlayForAllButton'
import { UploadTray } from './UploadTray'

/** What media puts in front of the canvas: the upload tray and the facilitator's "Spela för alla". */
export function MediaOverlay() {
  return (
    <>
      <UploadTray />
      <PlayForAllButton />
    </>
  )
}
