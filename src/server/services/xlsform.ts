/**
 * An engagement as an XLSForm-style workbook (survey, choices and settings sheets), so teams that know ODK or
 * KoboToolbox, and translators, can work in a spreadsheet. Text columns follow XLSForm: `label::English (en)`
 * (`label::en` is read too); easy read has its own columns (`easy_label::…`, `easy_hint::…`), since XLSForm
 * has no such idea. Blether's own question types keep their names (`faces`, `yesno`, `priorities <list>`); the
 * others are XLSForm's (`select_one`, `select_multiple`, `text`, `audio`). Rate card and payment options stay
 * in the builder: a spreadsheet is for words, not money.
 */
import ExcelJS from 'exceljs';
import * as v from 'valibot';
import { HttpError } from '../errors';
import { type BuilderContent, BuilderContentSchema } from './builder-schema';
import { type Columns, codeOfSuffix, columnsOf, localeColumns, readText, writeText } from './xlsform-columns';

type Question = BuilderContent['questions'][number];
type Row = Record<string, string>;

const SURVEY_TYPE: Record<Question['type'], (q: Question) => string> = {
  single: (q) => `select_one ${q.id}`,
  multiple: (q) => `select_multiple ${q.id}`,
  priorities: (q) => `priorities ${q.id}`,
  text: () => 'text',
  voice: () => 'audio',
  faces: () => 'faces',
  yesno: () => 'yesno',
};
const READ_TYPE: Record<string, Question['type']> = {
  select_one: 'single',
  select_multiple: 'multiple',
  priorities: 'priorities',
  text: 'text',
  audio: 'voice',
  faces: 'faces',
  yesno: 'yesno',
};
const yesNo = (b: boolean | undefined) => (b === undefined ? '' : b ? 'yes' : 'no');
const readYesNo = (s: string | undefined) => (!s ? undefined : /^(yes|true|true\(\)|1)$/i.test(s.trim()));

/** The workbook of a draft or version: one row per question, one per option, one of settings. */
export async function toXlsform(c: BuilderContent): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const cols = localeColumns(c.locales);
  const survey: Row[] = c.questions.map((q) => ({
    type: SURVEY_TYPE[q.type](q),
    name: q.id,
    ...writeText('label', q.title, c.locales),
    ...writeText('hint', q.hint, c.locales),
    required: yesNo(q.required),
    allow_skip: yesNo(q.allowSkip),
    parameters: q.tokens === undefined ? '' : `tokens=${q.tokens}`,
    image: q.picture?.src ?? '',
    ...writeText('image_alt', q.picture?.alt, c.locales),
    ...Object.fromEntries(
      c.locales.flatMap((l) => [
        [`audio::${cols[l]}`, q.audio?.[l]?.standard ?? ''],
        [`easy_audio::${cols[l]}`, q.audio?.[l]?.easy ?? ''],
      ]),
    ),
  }));
  const choices: Row[] = c.questions.flatMap((q) =>
    (q.options ?? []).map((o) => ({
      list_name: q.id,
      name: o.id,
      ...writeText('label', o.label, c.locales),
      image: o.picture?.src ?? '',
      ...writeText('image_alt', o.picture?.alt, c.locales),
    })),
  );
  const settings: Row = {
    form_title: c.title[c.defaultLocale]?.standard ?? '',
    default_language: cols[c.defaultLocale] ?? c.defaultLocale,
    languages: c.locales.join(' '),
    ...writeText('title', c.title, c.locales),
    ...writeText('purpose', c.purpose, c.locales),
    ...writeText('privacy', c.privacy, c.locales),
    opens_on: c.opensOn ?? '',
    closes_on: c.closesOn ?? '',
    monitoring: c.monitoring?.join(' ') ?? '',
  };
  addSheet(wb, 'survey', survey, ['type', 'name']);
  addSheet(wb, 'choices', choices, ['list_name', 'name']);
  addSheet(wb, 'settings', [settings], ['form_title']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function addSheet(wb: ExcelJS.Workbook, name: string, rows: Row[], first: string[]) {
  const ws = wb.addWorksheet(name);
  const headers = [...new Set([...first, ...rows.flatMap((r) => Object.keys(r))])];
  ws.addRow(headers).font = { bold: true };
  for (const r of rows) ws.addRow(headers.map((h) => r[h] ?? ''));
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  ws.columns.forEach((col) => {
    col.width = 24;
  });
}

/** Reads a workbook into builder content; `keep` supplies what a spreadsheet does not carry (the rate card). */
export async function fromXlsform(bytes: Uint8Array, keep: Partial<BuilderContent> = {}): Promise<BuilderContent> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw bad('This file is not an .xlsx spreadsheet. Save it as an Excel workbook (.xlsx) and try again.');
  }
  const survey = readSheet(wb, 'survey', true);
  const choices = readSheet(wb, 'choices', false);
  const [settings = { row: 2, cells: {} }] = readSheet(wb, 'settings', false);
  const s = settings.cells;
  const named = s.default_language ? codeOfSuffix(s.default_language) : null;
  const cols = columnsOf(headersOf(wb), named ?? 'en');
  const locales = s.languages ? s.languages.split(/\s+/).filter(Boolean) : cols.locales;
  const defaultLocale = named ?? locales[0] ?? 'en';
  const questions = survey.filter((r) => r.cells.type || r.cells.name).map((r) => question(r, choices, cols, locales));
  const content: BuilderContent = {
    defaultLocale,
    locales,
    title: readText('title', s, cols, locales),
    purpose: readText('purpose', s, cols, locales),
    privacy: readText('privacy', s, cols, locales),
    questions,
    ...(s.opens_on ? { opensOn: s.opens_on } : {}),
    ...(s.closes_on ? { closesOn: s.closes_on } : {}),
    ...(s.monitoring ? { monitoring: s.monitoring.split(/\s+/).filter(Boolean) } : {}),
    ...(keep.rateCard ? { rateCard: keep.rateCard } : {}),
    ...(keep.paymentOptions ? { paymentOptions: keep.paymentOptions } : {}),
  };
  if (!Object.keys(content.title).length && s.form_title) content.title = { [defaultLocale]: { standard: s.form_title } };
  const checked = v.safeParse(BuilderContentSchema, content);
  if (!checked.success) {
    const issue = checked.issues[0];
    throw bad(`${whereIs(issue.path?.map((p) => p.key) ?? [], survey)}${issue.message}`);
  }
  return checked.output;
}

function question(r: SheetRow, choices: SheetRow[], cols: Columns, locales: string[]): Question {
  const [word = '', list] = r.cells.type?.trim().split(/\s+/) ?? [];
  const type = READ_TYPE[word.toLowerCase()];
  if (!type)
    throw bad(`survey row ${r.row}: "${r.cells.type ?? ''}" is not a question type Blether has (${Object.keys(READ_TYPE).join(', ')}).`);
  const c = r.cells;
  const q: Question = { id: c.name ?? '', type, title: readText('label', c, cols, locales) };
  const hint = readText('hint', c, cols, locales);
  if (Object.keys(hint).length) q.hint = hint;
  if (list) {
    const own = choices.filter((o) => o.cells.list_name === list);
    if (!own.length) throw bad(`survey row ${r.row}: the choices sheet has no list called "${list}".`);
    q.options = own.map((o) => ({
      id: o.cells.name ?? '',
      label: readText('label', o.cells, cols, locales),
      ...(o.cells.image ? { picture: { src: o.cells.image, alt: readText('image_alt', o.cells, cols, locales) } } : {}),
    }));
  }
  const required = readYesNo(c.required);
  if (required !== undefined) q.required = required;
  const allowSkip = readYesNo(c.allow_skip);
  if (allowSkip !== undefined) q.allowSkip = allowSkip;
  const tokens = /tokens=(\d+)/.exec(c.parameters ?? '')?.[1];
  if (tokens) q.tokens = Number(tokens);
  if (c.image) q.picture = { src: c.image, alt: readText('image_alt', c, cols, locales) };
  const audio = Object.fromEntries(
    locales.flatMap((l) => {
      const standard = cols.get(c, 'audio', l);
      const easy = cols.get(c, 'easy_audio', l);
      return standard || easy ? [[l, { ...(standard ? { standard } : {}), ...(easy ? { easy } : {}) }]] : [];
    }),
  );
  if (Object.keys(audio).length) q.audio = audio;
  return q;
}

interface SheetRow {
  row: number;
  cells: Row;
}

function headersOf(wb: ExcelJS.Workbook): string[] {
  return wb.worksheets.flatMap((ws) => {
    const out: string[] = [];
    ws.getRow(1).eachCell((cell) => {
      out.push(cell.text.trim());
    });
    return out;
  });
}

function readSheet(wb: ExcelJS.Workbook, name: string, required: boolean): SheetRow[] {
  const ws = wb.worksheets.find((w) => w.name.trim().toLowerCase() === name);
  if (!ws) {
    if (required) throw bad(`The spreadsheet has no "${name}" sheet.`);
    return [];
  }
  const headers: string[] = [];
  ws.getRow(1).eachCell((cell, col) => {
    headers[col] = cell.text.trim();
  });
  const rows: SheetRow[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const cells: Row = {};
    row.eachCell((cell, col) => {
      const h = headers[col];
      const text = cell.text.trim();
      if (h && text) cells[h] = text;
    });
    if (Object.keys(cells).length) rows.push({ row: n, cells });
  });
  return rows;
}

/** "survey row 4: " for a problem inside a question, so a translator can find it. */
function whereIs(path: unknown[], survey: SheetRow[]): string {
  if (path[0] === 'questions' && typeof path[1] === 'number') {
    const row = survey.filter((r) => r.cells.type || r.cells.name)[path[1]]?.row;
    return `survey row ${row}, ${path.slice(2).join('.') || 'question'}: `;
  }
  return path.length ? `settings, ${path.join('.')}: ` : '';
}

const bad = (message: string) => new HttpError(400, 'invalid_spreadsheet', message);
