/** Importing an engagement from an XLSForm-style spreadsheet: what the staff web sends and the server takes. */
import * as v from 'valibot';

export const XLSFORM_MAX_BYTES = 2 * 1024 * 1024;
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const XlsformImportSchema = v.strictObject({
  name: v.pipe(v.string(), v.trim(), v.minLength(1, 'Choose a file'), v.maxLength(200), v.regex(/\.xlsx$/i, 'Choose an .xlsx spreadsheet')),
  dataBase64: v.pipe(
    v.string(),
    v.maxLength(Math.ceil(XLSFORM_MAX_BYTES / 3) * 4, 'The spreadsheet is over 2 MB'),
    v.base64('The file is not base64'),
  ),
});
export type XlsformImport = v.InferOutput<typeof XlsformImportSchema>;
