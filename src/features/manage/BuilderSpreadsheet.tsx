/** Builder: the engagement as an XLSForm-style spreadsheet, for translators and teams used to ODK or KoboToolbox. */

import { useState } from 'preact/hooks';
import * as v from 'valibot';
import { XLSFORM_MAX_BYTES, XLSX_TYPE, XlsformImportSchema } from '../../shared/xlsform';
import { api, download, fileToBase64, problemOf } from './api';
import { current, dirty, reload, saveDraft } from './content';
import { Problem, Saved } from './ui';

export function BuilderSpreadsheet() {
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const c = current.value;
  if (!c) return null;

  const run = async (work: () => Promise<string>) => {
    setProblem(null);
    setStatus(null);
    setBusy(true);
    try {
      setStatus(await work());
    } catch (e) {
      setProblem(problemOf(e));
    } finally {
      setBusy(false);
    }
  };
  const get = () =>
    run(async () => {
      // the spreadsheet is made from the saved draft, so unsaved edits are saved first
      if (dirty.value) await saveDraft();
      await download(`/api/staff/engagements/${c.id}/xlsform`, `${c.slug}-draft.xlsx`);
      return 'The spreadsheet is downloading.';
    });
  const put = () =>
    run(async () => {
      if (!file) throw new Error('Choose the spreadsheet to import first.');
      if (file.size > XLSFORM_MAX_BYTES) throw new Error('The spreadsheet is over 2 MB. Remove pictures pasted into it and try again.');
      const body = v.parse(XlsformImportSchema, { name: file.name, dataBase64: await fileToBase64(file) });
      const { content } = await api<{ content: { questions: unknown[]; locales: string[] } }>(
        'POST',
        `/api/staff/engagements/${c.id}/xlsform`,
        body,
      );
      await reload(c.id);
      return `Imported ${content.questions.length} questions in ${content.locales.length} languages. Check Completeness before you publish.`;
    });

  return (
    <section aria-labelledby="sheet-title" class="staff-sheet">
      <h2 id="sheet-title">Work on it in a spreadsheet</h2>
      <p>
        The spreadsheet has a survey, a choices and a settings sheet, as XLSForm does, with a column for each language and another for its
        easy-read version. Translators fill in their columns; importing it back replaces the draft. The rate card and payment options stay
        as they are.
      </p>
      <p>
        <button type="button" class="button" disabled={busy} onClick={() => void get()}>
          Download the draft as a spreadsheet (.xlsx)
        </button>
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void put();
        }}
      >
        <div class="field">
          <label class="label" for="sheet-file">
            Spreadsheet to import (.xlsx, up to 2 MB)
          </label>
          <p class="hint" id="sheet-hint">
            {dirty.value ? 'You have unsaved changes: importing replaces them. ' : ''}
            Importing replaces every question and text of the draft.
          </p>
          <input
            id="sheet-file"
            type="file"
            accept={`.xlsx,${XLSX_TYPE}`}
            aria-describedby="sheet-hint"
            onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
          />
        </div>
        <p>
          <button type="submit" class="button primary" disabled={busy}>
            Import and replace the draft
          </button>
        </p>
      </form>
      <Problem message={problem} />
      <Saved message={status} />
    </section>
  );
}
