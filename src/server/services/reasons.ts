/**
 * Why the server keeps a bundle back, in words a facilitator or staff member can act on: given by the ingest
 * (services/ingest.ts) and by the opener's threads (services/open-row.ts). Its own module, importing nothing, so a
 * thread loads only what opening needs (ingest's imports bring the database library: 0.3 s of CPU per thread).
 */
export const REASONS = {
  malformed: 'This answer was saved in a form the server cannot read. Keep it and export it for staff.',
  unknownVersion:
    'The server does not know this engagement version. Check the device has the current engagement, then export it for staff.',
  unreadable: 'This answer could not be opened: it was changed after it was saved, or sealed for another engagement. Export it for staff.',
  invalidContent: 'This answer is not complete or has values the engagement does not allow. Export it for staff.',
  conflict: 'Another, different answer with the same number is already on the server. Export this one for staff.',
  attachmentsMissing: 'A photo or recording of this answer has not reached the server yet. It will be sent again.',
  attachmentsMismatch: 'The photos or recordings of this answer do not match what it lists. Staff can see it on the server.',
} as const;
