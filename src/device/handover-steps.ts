/** What the hand-over's actions do to the participant's state and draft: one module for handover.ts to import(). */
export { deleteDraft } from '../db/drafts';
export { stopAutosave } from './draft';
export { resetParticipant } from './participant';
