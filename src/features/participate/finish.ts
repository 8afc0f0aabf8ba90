/** Seals a finished journey and writes it to the outbox in one transaction. */
import { outbox } from '../../db/index';
import type { EngagementRecord } from '../../db/schema';
import type { Answer, BundlePayload } from '../../shared/bundle';
import { utf8 } from '../../shared/bytes';
import { importEngagementPublicKey, seal } from '../../shared/envelope';
import { referenceCode, uuid } from '../../shared/ids';
import type { Format } from '../../shared/locales';

export interface FinishInput {
  engagement: EngagementRecord;
  answers: Record<string, Answer>;
  locale: string;
  format: Format;
  consentAt: string;
  inputMethod?: BundlePayload['inputMethod'];
  sessionId?: string | null;
}

export async function finishBundle(input: FinishInput): Promise<{ id: string; reference: string }> {
  const id = uuid();
  const reference = referenceCode();
  const payload: BundlePayload = {
    id,
    engagementVersionId: input.engagement.versionId,
    sessionId: input.sessionId ?? null,
    createdAt: new Date().toISOString(),
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    inputMethod: input.inputMethod ?? 'self',
    locale: input.locale,
    format: input.format,
    consent: { given: true, at: input.consentAt },
    answers: input.answers,
    referenceCode: reference,
    attachments: [],
  };
  const key = await importEngagementPublicKey(input.engagement.publicKey);
  const { envelope } = await seal(utf8(JSON.stringify(payload)), key, id, input.engagement.versionId);
  const size = JSON.stringify(envelope).length + 200;
  await outbox.add({
    id,
    engagementVersionId: input.engagement.versionId,
    engagementSlug: input.engagement.slug,
    createdAt: payload.createdAt,
    state: 'waiting',
    envelope,
    size,
    attachments: [],
    attempts: 0,
  });
  return { id, reference };
}
