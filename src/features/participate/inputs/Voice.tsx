/**
 * Voice answer: record with MediaRecorder, play back, record again. No time limit. The clip stays in
 * memory until finishBundle seals it as an attachment of the bundle; Start again forgets it.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { announce } from '../../../a11y/live';
import type { Recording } from '../../../device/participant';
import { t } from '../../../i18n/index';

type Phase = 'idle' | 'recording' | 'failed';

export function Voice({ id, value, onChange }: { id: string; value: Recording | null; onChange: (r: Recording | null) => void }) {
  const [phase, setPhase] = useState<Phase>('idle');
  const [url, setUrl] = useState<string | null>(null);
  const recorder = useRef<MediaRecorder | null>(null);
  const player = useRef<HTMLAudioElement | null>(null);

  useEffect(() => {
    if (!value) return setUrl(null);
    const u = URL.createObjectURL(new Blob([value.bytes], { type: value.type }));
    setUrl(u);
    return () => URL.revokeObjectURL(u);
  }, [value]);
  // leaving the page stops the microphone
  useEffect(
    () => () => {
      for (const tr of recorder.current?.stream.getTracks() ?? []) tr.stop();
    },
    [],
  );

  const start = async () => {
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
      const rec = new MediaRecorder(stream);
      const chunks: Blob[] = [];
      rec.ondataavailable = (e) => chunks.push(e.data);
      rec.onstop = async () => {
        for (const tr of stream.getTracks()) tr.stop();
        const blob = new Blob(chunks, { type: rec.mimeType || 'audio/webm' });
        onChange({ type: blob.type, bytes: new Uint8Array(await blob.arrayBuffer()) });
        setPhase('idle');
        announce(t('voice.recorded'));
      };
      recorder.current = rec;
      rec.start();
      setPhase('recording');
      announce(t('voice.recording'));
    } catch {
      setPhase('failed');
    }
  };
  const stop = () => recorder.current?.state === 'recording' && recorder.current.stop();

  return (
    <div class="voice">
      {phase === 'failed' && (
        <p class="error-message" role="alert">
          {t('voice.noMicrophone')}
        </p>
      )}
      {phase === 'recording' ? (
        <button type="button" id={id} class="button warning" onClick={stop}>
          <span class="record-dot" aria-hidden="true" />
          {t('voice.stop')}
        </button>
      ) : (
        <button type="button" id={id} class="button secondary" onClick={() => void start()}>
          <span class="record-dot" aria-hidden="true" />
          {value ? t('voice.again') : t('voice.record')}
        </button>
      )}
      {value && url && phase !== 'recording' && (
        <>
          <p class="voice-status">{t('voice.recorded')}</p>
          {/* biome-ignore lint/a11y/useMediaCaption: this is the participant's own recording, just made */}
          <audio ref={player} src={url} data-testid="voice-playback" />
          <button type="button" class="button secondary" onClick={() => void player.current?.play()}>
            <svg viewBox="0 0 24 24" class="icon" aria-hidden="true" focusable="false">
              <path d="M7 4v16l13-8z" fill="currentColor" />
            </svg>
            {t('voice.play')}
          </button>
        </>
      )}
    </div>
  );
}
