/**
 * A voice answer's clip, opened on the server for the analyst. preload="none": the clip is fetched (and
 * its playback audited) only when the analyst plays it, not for every answer in the list.
 */
export function VoiceClip({
  engagementId,
  bundleId,
  questionId,
  canPlay,
}: {
  engagementId: string;
  bundleId: string;
  questionId: string;
  canPlay: boolean;
}) {
  if (!canPlay) return <p>Voice answer (an analyst can play it).</p>;
  const src = `/api/staff/insight/${engagementId}/voice/${bundleId}/${encodeURIComponent(questionId)}`;
  return (
    <div class="insight-voice">
      <p id={`voice-${bundleId}-${questionId}`}>Voice answer</p>
      {/* biome-ignore lint/a11y/useMediaCaption: a participant's own recording has no transcript to caption it with */}
      <audio controls preload="none" src={src} aria-labelledby={`voice-${bundleId}-${questionId}`}>
        <a href={src}>Download the voice answer</a>
      </audio>
    </div>
  );
}
