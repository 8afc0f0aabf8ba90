/** A picture (bundled pictogram or upload) with alt text per language; audio clips per language and format. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { AudioRefs, Picture } from '../../shared/engagement';
import type { Format } from '../../shared/locales';
import { api, uploadMedia } from './api';
import { current, localeName } from './content';
import { TextEditor } from './TextEditor';

interface Pictogram {
  src: string;
  name: string;
  keywords: string[];
}

/** OpenMoji symbols for a word, asked of the server a moment after typing stops. */
function usePictogramSearch(query: string): Pictogram[] | null {
  const [found, setFound] = useState<Pictogram[] | null>(null);
  useEffect(() => {
    const q = query.trim();
    if (!q) return setFound(null);
    const timer = setTimeout(() => {
      api<{ pictograms: Pictogram[] }>('GET', `/api/staff/pictograms?q=${encodeURIComponent(q)}`)
        .then((r) => setFound(r.pictograms))
        .catch(() => setFound([]));
    }, 250);
    return () => clearTimeout(timer);
  }, [query]);
  return found;
}

export function PictureField({
  id,
  value,
  onChange,
}: {
  id: string;
  value: Picture | undefined;
  onChange: (p: Picture | undefined) => void;
}) {
  const [query, setQuery] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const found = usePictogramSearch(query);
  const choose = (src: string) => onChange({ src, alt: value?.alt ?? {} });

  return (
    <fieldset class="staff-picture">
      <legend>Picture</legend>
      {value ? (
        <div class="staff-picture-current">
          <img src={value.src} alt="" width={96} height={96} />
          <button type="button" class="button secondary small" onClick={() => onChange(undefined)}>
            Remove picture
          </button>
          <TextEditor
            id={`${id}-alt`}
            label="Describe the picture (alt text)"
            easy={false}
            value={value.alt}
            onChange={(alt) => onChange({ ...value, alt })}
          />
        </div>
      ) : (
        <p>No picture.</p>
      )}
      <div class="field">
        <label class="label" for={`${id}-search`}>
          Search the pictograms
        </label>
        <p class="hint" id={`${id}-search-hint`}>
          Over 4,000 OpenMoji symbols (<a href="/staff/credits">open licence, credited</a>). Type a word such as bus, food or home.
        </p>
        <input
          id={`${id}-search`}
          class="input"
          type="search"
          aria-describedby={`${id}-search-hint`}
          value={query}
          onInput={(e) => setQuery(e.currentTarget.value)}
        />
      </div>
      {found && (
        <ul class="staff-pictograms" aria-label="Matching pictures">
          {found.length === 0 && <li>No picture matches "{query}".</li>}
          {found.map((p) => (
            <li key={p.src}>
              <button type="button" class="button secondary" aria-pressed={value?.src === p.src} onClick={() => choose(p.src)}>
                <img src={p.src} alt="" width={48} height={48} />
                {p.name}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="field">
        <label class="label" for={`${id}-upload`}>
          Or upload a picture (PNG, JPEG or WebP, up to 5 MB)
        </label>
        {problem && <p class="error-message">{problem}</p>}
        <input
          id={`${id}-upload`}
          type="file"
          accept="image/png,image/jpeg,image/webp"
          onChange={async (e) => {
            const file = e.currentTarget.files?.[0];
            if (!file) return;
            setProblem(null);
            try {
              choose(await uploadMedia(file, file.name));
            } catch (err) {
              setProblem((err as Error).message);
            }
          }}
        />
      </div>
    </fieldset>
  );
}

function Recorder({ label, onDone }: { label: string; onDone: (b: Blob) => void }) {
  const rec = useRef<MediaRecorder | null>(null);
  const [on, setOn] = useState(false);
  if (typeof MediaRecorder === 'undefined') return null;
  const toggle = async () => {
    if (rec.current) {
      rec.current.stop();
      return;
    }
    const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    const r = new MediaRecorder(stream);
    const chunks: Blob[] = [];
    r.ondataavailable = (e) => chunks.push(e.data);
    r.onstop = () => {
      for (const t of stream.getTracks()) t.stop();
      rec.current = null;
      setOn(false);
      onDone(new Blob(chunks, { type: r.mimeType.split(';')[0] || 'audio/webm' }));
    };
    rec.current = r;
    r.start();
    setOn(true);
  };
  return (
    <button type="button" class="button secondary small" aria-pressed={on} onClick={() => void toggle().catch(() => setOn(false))}>
      {on ? 'Stop recording' : 'Record'} <span class="visually-hidden">{label}</span>
    </button>
  );
}

export function AudioField({ id, value, onChange }: { id: string; value: AudioRefs | undefined; onChange: (a: AudioRefs) => void }) {
  const locales = current.value?.content.locales ?? ['en'];
  const [problem, setProblem] = useState<string | null>(null);
  const set = (l: string, f: Format, src: string | undefined) => onChange({ ...(value ?? {}), [l]: { ...(value?.[l] ?? {}), [f]: src } });
  const upload = async (l: string, f: Format, blob: Blob, name: string) => {
    setProblem(null);
    try {
      set(l, f, await uploadMedia(blob, name));
    } catch (err) {
      setProblem((err as Error).message);
    }
  };
  return (
    <fieldset class="staff-audio">
      <legend>Read-aloud clips of the question</legend>
      {problem && <p class="error-message">{problem}</p>}
      {locales.flatMap((l) =>
        (['standard', 'easy'] as const).map((f) => {
          const label = `${localeName(l)} (${l}), ${f === 'easy' ? 'easy read' : 'standard'}`;
          const src = value?.[l]?.[f];
          return (
            <div class="staff-audio-row" key={`${l}-${f}`}>
              <label class="label" for={`${id}-${l}-${f}`}>
                Clip: {label}
              </label>
              {/* biome-ignore lint/a11y/useMediaCaption: the clip reads aloud the question text shown beside it */}
              {src && <audio controls src={src} />}
              <input
                id={`${id}-${l}-${f}`}
                type="file"
                accept="audio/*"
                onChange={(e) => {
                  const file = e.currentTarget.files?.[0];
                  if (file) void upload(l, f, file, file.name);
                }}
              />
              <Recorder label={label} onDone={(b) => void upload(l, f, b, `recording-${l}-${f}`)} />
              {src && (
                <button type="button" class="button secondary small" onClick={() => set(l, f, undefined)}>
                  Remove <span class="visually-hidden">clip {label}</span>
                </button>
              )}
            </div>
          );
        }),
      )}
    </fieldset>
  );
}
