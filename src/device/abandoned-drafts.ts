/** The facilitator's list of drafts left behind (behind the PIN), out of the journey's chunk. */
import { deleteDraft, listDrafts } from '../db/drafts';
import { type HandOverDraft, hasContent } from './draft';

/** Drafts no open hand-over owns, with something in them: shown to the facilitator behind the PIN. */
export async function abandonedDrafts(openId: string | null): Promise<{ id: string; updatedAt: string; value: HandOverDraft }[]> {
  const all = await listDrafts<HandOverDraft>();
  const out = [];
  for (const d of all) {
    if (d.id === openId || d.value.kind === 'paper') continue;
    if (hasContent(d.value)) out.push(d);
    else await deleteDraft(d.id);
  }
  return out;
}
