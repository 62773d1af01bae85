import { COVERAGE_COLUMNS, splitLine } from '../coverage-import/coverage-file';
import { csvField, formatCoverageCsv } from './coverage-csv';
import { exportFileName, exportOptions, exportOptionsOfQuery, ExportRequestError } from './export-catalog';
import { popoloEndDate } from './popolo';

describe('open-data export rules', () => {
  it('turns the registry’s exclusive end dates into Popolo’s last day in effect', () => {
    expect(popoloEndDate('2016-01-01')).toBe('2015-12-31');
    expect(popoloEndDate('2024-03-01')).toBe('2024-02-29');
    expect(popoloEndDate('2023-03-01')).toBe('2023-02-28');
    expect(popoloEndDate(null)).toBeNull();
  });

  it('writes CSV fields the importer splits back to the same values', () => {
    const values = ['3 r charles sillard', 'ML "Avenir"; Pays de Redon', 'Bât. A\r\n2e étage', '', 'Saint-Étienne'];
    const line = values.map(csvField).join(';');
    expect(splitLine(line)).toEqual(['3 r charles sillard', 'ML "Avenir"; Pays de Redon', 'Bât. A 2e étage', '', 'Saint-Étienne']);
  });

  it('starts the file with a BOM and the importer’s header, and ends every line with CRLF', () => {
    const text = formatCoverageCsv([]);
    expect(text).toBe(`\uFEFF${COVERAGE_COLUMNS.join(';')}\r\n`);
  });

  it('refuses a day that is not a calendar date, and history outside Popolo', () => {
    expect(exportOptions('popolo', '2024-02-29', true)).toEqual({ asOf: '2024-02-29', history: true });
    expect(() => exportOptions('coverage', '2025-02-30', false)).toThrow(ExportRequestError);
    expect(() => exportOptions('coverage', '01/02/2025', false)).toThrow(/YYYY-MM-DD/);
    expect(() => exportOptions('sites', '2025-01-01', true)).toThrow(/Popolo export only/);
    expect(() => exportOptionsOfQuery('popolo', new URLSearchParams('history=yes'))).toThrow(/true or false/);
    expect(exportOptionsOfQuery('popolo', new URLSearchParams('asOf=2020-01-01&history=false'))).toEqual({ asOf: '2020-01-01', history: false });
  });

  it('names the downloaded file after the export and its day', () => {
    expect(exportFileName('popolo', { asOf: '2025-01-01', history: true })).toBe('missions-locales-popolo-2025-01-01-history.json');
    expect(exportFileName('head-offices', { asOf: '2025-01-01' })).toBe('missions-locales-head-offices-2025-01-01.geojson');
    expect(exportFileName('coverage', { asOf: '2025-01-01' })).toBe('missions-locales-coverage-2025-01-01.csv');
  });
});
