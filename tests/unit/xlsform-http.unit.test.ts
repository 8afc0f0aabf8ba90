import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestServer } from '../support/app';
import { ORIGIN, staffCookie } from '../support/staff';

let s: TestServer;
let organiser: string;
beforeAll(async () => {
  s = await startTestApp();
  organiser = (await staffCookie(s, ['organiser'])).cookie;
});
afterAll(async () => {
  await s.close();
});

const call = (method: 'GET' | 'POST', url: string, cookie: string, body?: unknown) =>
  s.app.inject({
    method,
    url,
    headers: { origin: ORIGIN, cookie, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { payload: JSON.stringify(body) } : {}),
  });

describe('the engagement as a spreadsheet, over HTTP', () => {
  it('downloads a published version, and importing it edited replaces the draft (rate card kept, audited)', async () => {
    const id = s.engagement.engagementId;
    const got = await call('GET', `/api/staff/engagements/${id}/xlsform?version=${s.engagement.version}`, organiser);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toContain('spreadsheetml');
    expect(got.headers['content-disposition']).toMatch(/attachment; filename=".+-v\d+\.xlsx"/);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(got.rawPayload as unknown as ArrayBuffer);
    const survey = wb.getWorksheet('survey');
    if (!survey) throw new Error('no survey sheet');
    const col = (survey.getRow(1).values as string[]).indexOf('label::English (en)');
    survey.getRow(2).getCell(col).value = 'Edited in a spreadsheet';
    const edited = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');

    const put = await call('POST', `/api/staff/engagements/${id}/xlsform`, organiser, { name: 'edited.xlsx', dataBase64: edited });
    expect(put.statusCode, put.body).toBe(200);
    const draft = await call('GET', `/api/staff/engagements/${id}`, organiser);
    const content = draft.json().content;
    expect(content.questions[0].title.en.standard).toBe('Edited in a spreadsheet');
    expect(content.questions.length).toBe(s.engagement.content.questions.length);
    expect(content.rateCard).toEqual(s.engagement.content.rateCard);
    const audit = await s.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', '=', 'engagement.draft_imported')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('refuses a broken spreadsheet with the row to fix, and changes nothing', async () => {
    const id = s.engagement.engagementId;
    const before = (await call('GET', `/api/staff/engagements/${id}`, organiser)).json().content;
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('survey').addRows([
      ['type', 'name', 'label'],
      ['geopoint', 'where', 'Where?'],
    ]);
    const res = await call('POST', `/api/staff/engagements/${id}/xlsform`, organiser, {
      name: 'bad.xlsx',
      dataBase64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64'),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'invalid_spreadsheet', message: expect.stringMatching(/survey row 2/) });
    expect((await call('GET', `/api/staff/engagements/${id}`, organiser)).json().content).toEqual(before);
  });

  it('is for organisers: an analyst may download but not import; finance may do neither', async () => {
    const id = s.engagement.engagementId;
    const analyst = (await staffCookie(s, ['analyst'])).cookie;
    const finance = (await staffCookie(s, ['finance'])).cookie;
    expect((await call('GET', `/api/staff/engagements/${id}/xlsform`, analyst)).statusCode).toBe(200);
    expect((await call('POST', `/api/staff/engagements/${id}/xlsform`, analyst, { name: 'a.xlsx', dataBase64: 'AAAA' })).statusCode).toBe(
      403,
    );
    expect((await call('GET', `/api/staff/engagements/${id}/xlsform`, finance)).statusCode).toBe(403);
  });
});
