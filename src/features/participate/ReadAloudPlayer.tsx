/**
 * Read aloud: a recorded clip for this text, language and format where the engagement has one; else an
 * on-device voice (never a network voice: the text may be personal and the venue may be offline); else
 * no control at all. Only ever starts on a press. Import()ed only once read aloud is switched on (ReadAloud.tsx).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { clipFor, localVoice } from '../../a11y/read-aloud';
import { t } from '../../i18n/index';
import type { AudioRefs } from '../../shared/engagement';

export function ReadAloudPlayer({ text, lang, audio }: { text: string; lang: string; audio?: AudioRefs }) {
  const [playing, setPlaying] = useState(false);
  const clipRef = useRef<HTMLAudioElement | null>(null);
  const clip = clipFor(audio, lang);
  const voice = clip ? undefined : localVoice(lang);
  const stop = () => {
    clipRef.current?.pause();
    if (voice) speechSynthesis.cancel();
    setPlaying(false);
  };
  useEffect(() => stop, [text, lang]);
  if (!clip && !voice) return null;

  const play = () => {
    if (clip) {
      const el = clipRef.current;
      if (!el) return;
      el.currentTime = 0;
      void el.play().then(
        () => setPlaying(true),
        () => setPlaying(false),
      );
    } else if (voice) {
      const u = new SpeechSynthesisUtterance(text);
      u.voice = voice;
      u.lang = voice.lang;
      u.onend = () => setPlaying(false);
      speechSynthesis.cancel();
      speechSynthesis.speak(u);
      setPlaying(true);
    }
  };
  return (
    <div class="read-aloud">
      {clip && (
        // biome-ignore lint/a11y/useMediaCaption: the clip speaks the text shown beside it, which is its caption
        <audio ref={clipRef} src={clip} preload="none" data-testid="read-aloud-clip" onEnded={() => setPlaying(false)} />
      )}
      <button type="button" class="button secondary small icon-button" onClick={playing ? stop : play}>
        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" class="icon">
          <path d="M3 9v6h4l5 4V5L7 9H3z" fill="currentColor" />
          <path d="M15.5 8.5a5 5 0 0 1 0 7M18 6a8.5 8.5 0 0 1 0 12" fill="none" stroke="currentColor" stroke-width="2" />
        </svg>
        {playing ? t('readAloud.stop') : t('readAloud.listen')}
      </button>
    </div>
  );
}
