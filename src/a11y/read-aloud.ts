/**
 * What can be read aloud: a recorded clip for the text, language and format, else an on-device voice (never a
 * network voice: the text may be personal and the venue offline). Small, as the start page needs it.
 */

import { format } from '../i18n/index';
import type { AudioRefs } from '../shared/engagement';
import { signal } from '../shared/signal';

const voices = signal<SpeechSynthesisVoice[]>([]);
if (typeof speechSynthesis !== 'undefined') {
  const load = () => {
    voices.value = speechSynthesis.getVoices();
  };
  load();
  speechSynthesis.addEventListener?.('voiceschanged', load);
}

const SPEECH_LANG: Record<string, string> = { 'zh-Hans': 'zh-CN' };

export function localVoice(lang: string): SpeechSynthesisVoice | undefined {
  const want = (SPEECH_LANG[lang] ?? lang).toLowerCase();
  const base = want.split('-')[0];
  const local = voices.value.filter((v) => v.localService);
  return local.find((v) => v.lang.toLowerCase() === want) ?? local.find((v) => v.lang.toLowerCase().split(/[-_]/)[0] === base);
}

export function clipFor(audio: AudioRefs | undefined, lang: string): string | undefined {
  const refs = audio?.[lang];
  return format.value === 'easy' ? (refs?.easy ?? refs?.standard) : (refs?.standard ?? refs?.easy);
}

/** Whether anything can be read aloud in this language and format: a recorded clip in the content, or an on-device voice. */
export function readAloudAvailable(content: unknown, lang: string): boolean {
  if (localVoice(lang)) return true;
  const seen = (v: unknown): boolean => {
    if (!v || typeof v !== 'object') return false;
    const audio = (v as { audio?: AudioRefs }).audio;
    if (audio && clipFor(audio, lang)) return true;
    return Object.values(v).some(seen);
  };
  return seen(content);
}
