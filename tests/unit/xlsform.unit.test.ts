import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { BuilderContent } from '../../src/server/services/builder-schema';
import { fromXlsform, toXlsform } from '../../src/server/services/xlsform';
import { DEFAULT_RATE_CARD } from '../../src/shared/ratecard';

const t = (en: string, pl: string, easy = false) => ({
  en: { standard: en, ...(easy ? { easy: `${en} (easy)` } : {}) },
  pl: { standard: pl, ...(easy ? { easy: `${pl} (łatwe)` } : {}) },
});
const clip = `/media/${'a'.repeat(64)}`;

/** Every question type, both formats, pictures with alt text, clips, and the yes/no/unset flags. */
const CONTENT: BuilderContent = {
  defaultLocale: 'en',
  locales: ['en', 'pl'],
  title: t('Your library', 'Twoja biblioteka', true),
  purpose: t('Tell us what you think.', 'Powiedz nam, co myślisz.', true),
  privacy: t('We keep your answers safe.', 'Chronimy Twoje odpowiedzi.'),
  questions: [
    {
      id: 'visit',
      type: 'single',
      title: t('How do you get here?', 'Jak tu docierasz?', true),
      hint: t('Pick one.', 'Wybierz jedno.'),
      required: true,
      options: [
        { id: 'bus', label: t('Bus', 'Autobus', true), picture: { src: '/pictograms/bus.svg', alt: t('A bus', 'Autobus') } },
        { id: 'walk', label: t('Walk', 'Pieszo') },
      ],
      picture: { src: '/pictograms/home.svg', alt: t('A house', 'Dom', true) },
      audio: { en: { standard: clip, easy: clip }, pl: { easy: clip } },
    },
    {
      id: 'likes',
      type: 'multiple',
      title: t('What do you like?', 'Co lubisz?'),
      allowSkip: false,
      options: [
        { id: 'books', label: t('Books', 'Książki') },
        { id: 'cafe', label: t('The café', 'Kawiarnia') },
      ],
    },
    {
      id: 'spend',
      type: 'priorities',
      title: t('Share 10 tokens', 'Podziel 10 żetonów'),
      tokens: 10,
      options: [
        { id: 'hours', label: t('Longer hours', 'Dłuższe godziny') },
        { id: 'events', label: t('Events', 'Wydarzenia') },
      ],
    },
    { id: 'feel', type: 'faces', title: t('How do you feel?', 'Jak się czujesz?', true), allowSkip: true },
    { id: 'again', type: 'yesno', title: t('Would you come again?', 'Czy przyjdziesz ponownie?') },
    { id: 'else', type: 'text', title: t('Anything else?', 'Coś jeszcze?'), required: false },
    { id: 'say', type: 'voice', title: t('Say it out loud', 'Powiedz to na głos') },
  ],
  opensOn: '2026-12-01',
  closesOn: '2027-01-31',
  monitoring: ['ageBand', 'area'],
};

async function sheetOf(rows: Record<string, string[][]>): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const [name, cells] of Object.entries(rows)) wb.addWorksheet(name).addRows(cells);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('XLSForm import and export', () => {
  it('round-trips an engagement exactly, keeping the rate card the spreadsheet does not carry', async () => {
    const withCard = { ...CONTENT, rateCard: DEFAULT_RATE_CARD };
    const bytes = await toXlsform(withCard);
    expect(await fromXlsform(bytes, { rateCard: DEFAULT_RATE_CARD })).toEqual(withCard);
    expect(await fromXlsform(bytes)).toEqual(CONTENT);
  });

  it('writes the columns a translator and ODK expect', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await toXlsform(CONTENT)) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['survey', 'choices', 'settings']);
    const header = (name: string) => ((wb.getWorksheet(name)?.getRow(1).values ?? []) as string[]).filter(Boolean);
    expect(header('survey')).toEqual(
      expect.arrayContaining([
        'type',
        'name',
        'label::English (en)',
        'label::Polski (pl)',
        'easy_label::Polski (pl)',
        'hint::English (en)',
        'image',
        'audio::English (en)',
      ]),
    );
    expect(header('choices').slice(0, 3)).toEqual(['list_name', 'name', 'label::English (en)']);
    const survey = wb.getWorksheet('survey');
    expect(survey?.getRow(2).getCell(1).text).toBe('select_one visit');
    expect(survey?.getRow(8).getCell(1).text).toBe('audio');
  });

  it('reads a one-language form with bare columns, `label::pl` short headers and ODK yes/no words', async () => {
    const bytes = await sheetOf({
      survey: [
        ['type', 'name', 'label', 'label::pl', 'required'],
        ['select_one transport', 'how', 'How?', 'Jak?', 'TRUE'],
        ['text', 'why', 'Why?', 'Dlaczego?', ''],
      ],
      choices: [
        ['list_name', 'name', 'label', 'label::pl'],
        ['transport', 'bus', 'Bus', 'Autobus'],
        ['transport', 'car', 'Car', 'Samochód'],
      ],
      settings: [
        ['form_title', 'default_language'],
        ['Travel', 'en'],
      ],
    });
    const c = await fromXlsform(bytes);
    expect(c.locales).toEqual(['en', 'pl']);
    expect(c.title).toEqual({ en: { standard: 'Travel' } });
    expect(c.questions[0]).toEqual({
      id: 'how',
      type: 'single',
      title: { en: { standard: 'How?' }, pl: { standard: 'Jak?' } },
      required: true,
      options: [
        { id: 'bus', label: { en: { standard: 'Bus' }, pl: { standard: 'Autobus' } } },
        { id: 'car', label: { en: { standard: 'Car' }, pl: { standard: 'Samochód' } } },
      ],
    });
  });

  it.each([
    [
      {
        survey: [
          ['type', 'name', 'label'],
          ['geopoint', 'where', 'Where?'],
        ],
      },
      /survey row 2: "geopoint" is not a question type/,
    ],
    [
      {
        survey: [
          ['type', 'name', 'label'],
          ['select_one colours', 'c', 'Colour?'],
        ],
      },
      /survey row 2: the choices sheet has no list called "colours"/,
    ],
    [
      {
        survey: [
          ['type', 'name', 'label'],
          ['text', 'a', 'A?'],
          ['text', 'Bad Id!', 'B?'],
        ],
      },
      /survey row 3, id: Ids use a-z/,
    ],
    [{ choices: [['list_name']] }, /no "survey" sheet/],
  ])('names the sheet and row of a problem (%#)', async (rows, message) => {
    await expect(fromXlsform(await sheetOf(rows))).rejects.toThrow(message);
  });

  it("reads the translators' fixture: 10 questions in English and Polish, easy read, one picture, two gaps", async () => {
    const c = await fromXlsform(fs.readFileSync(path.join(import.meta.dirname, '../fixtures/xlsform/library-bilingual.xlsx')));
    expect(c.locales).toEqual(['en', 'pl']);
    expect(c.defaultLocale).toBe('en');
    expect(c.questions.map((q) => q.type)).toEqual([
      'single',
      'multiple',
      'faces',
      'yesno',
      'single',
      'priorities',
      'single',
      'multiple',
      'text',
      'text',
    ]);
    expect(c.questions[0]?.options?.[0]?.label.pl).toEqual({ standard: 'Autobusem' });
    expect(c.questions[0]?.title.pl).toEqual({ standard: 'Jak dotarłeś dziś do biblioteki?', easy: 'Jak tu przyszedłeś?' });
    expect(c.questions[0]?.picture).toEqual({ src: '/pictograms/openmoji/1F68C.svg', alt: {} });
    expect(c.questions[5]?.tokens).toBe(10);
    expect(c.questions[9]?.title.pl).toEqual({ standard: 'Czy chcesz nam powiedzieć coś jeszcze?' });
    expect(c.privacy.pl?.standard).toMatch(/Chronimy/);
  });

  it('refuses a file that is not a spreadsheet with a plain message', async () => {
    await expect(fromXlsform(new TextEncoder().encode('type,name\ntext,a'))).rejects.toThrow(/not an \.xlsx spreadsheet/);
  });
});
