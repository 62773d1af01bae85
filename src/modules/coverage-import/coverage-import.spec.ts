import { parseArgs, progressBar } from '../../cli/import-coverage';
import {
  COVERAGE_COLUMNS, CoverageReferences, CoverageRow, FileErrorCode, groupByMissionLocale, isRowIssue,
  MalformedCoverageFileError, parseRow, readCoverageFile, RejectionCode, RowIssue, splitLine, validateRows,
} from './coverage-file';
import { choosePlace, departementsOfPostalCode, PlaceCandidate, placeKey } from './head-office';

const HEADER = COVERAGE_COLUMNS.join(';');

/** A data line in the file's format; `over` replaces columns by name. */
function line(over: Partial<Record<(typeof COVERAGE_COLUMNS)[number], string>> = {}): string {
  const base: Record<string, string> = {
    'Code INSEE': '35115', 'Nom Commune': 'Fougères', 'Département Commune': 'Ille-et-Vilaine(35)',
    'Région Commune': 'Bretagne(53)', 'Code Région Commune': '53', 'Code ML': '35115',
    'Nom Officiel ML': '35-ML PAYS DE FOUGERES', 'Région ML': 'Bretagne', 'Code Région ML': '53',
    'Commune présente sur plusieurs ML': 'Non', 'Adresse ML': '3 r des freres deveria',
    'Code Postal ML': '35300', 'Ville ML': 'Fougères',
  };
  return COVERAGE_COLUMNS.map((c) => over[c] ?? base[c]).join(';');
}

/** The parse of one data line (line 2 of a file). */
function parse(text: string): CoverageRow | RowIssue {
  return parseRow({ line: 2, fields: splitLine(text) });
}

function fileError(content: Buffer | string): FileErrorCode | undefined {
  try {
    readCoverageFile(content);
    return undefined;
  } catch (err) {
    if (err instanceof MalformedCoverageFileError) return err.code;
    throw err;
  }
}

describe('reading the coverage file', () => {
  it('reads UTF-8 with a BOM and CRLF line ends, skipping blank lines but keeping line numbers', () => {
    const rows = readCoverageFile(Buffer.from(`\uFEFF${HEADER}\r\n${line()}\r\n\r\n${line({ 'Code INSEE': '35062' })}\r\n`, 'utf8'));
    expect(rows.map((r) => r.line)).toEqual([2, 4]);
    expect(rows[0].fields).toHaveLength(13);
    expect(rows[0].fields[1]).toBe('Fougères');
    expect(rows[1].fields[0]).toBe('35062');
  });

  it('reads a file without BOM, with LF line ends, and a header whose case or accents differ', () => {
    const rows = readCoverageFile(`${HEADER.toUpperCase().replace('É', 'E')}\n${line()}`);
    expect(rows).toEqual([{ line: 2, fields: splitLine(line()) }]);
  });

  it.each([
    ['an empty file', '', FileErrorCode.EMPTY_FILE],
    ['a file of blank lines', '\r\n \n', FileErrorCode.EMPTY_FILE],
    ['a header and no row', `${HEADER}\n\n`, FileErrorCode.NO_DATA_ROWS],
    ['a comma-separated file', `${HEADER.replace(/;/g, ',')}\n${line().replace(/;/g, ',')}`, FileErrorCode.NOT_SEMICOLON_SEPARATED],
    ['a tab-separated file', `${HEADER.replace(/;/g, '\t')}\n${line().replace(/;/g, '\t')}`, FileErrorCode.NOT_SEMICOLON_SEPARATED],
    ['a renamed column', `${HEADER.replace('Code INSEE', 'Code Commune')}\n${line()}`, FileErrorCode.WRONG_HEADER],
    ['a missing column', `${HEADER.replace(';Ville ML', '')}\n${line()}`, FileErrorCode.WRONG_HEADER],
    ['an extra column', `${HEADER};Téléphone ML\n${line()}`, FileErrorCode.WRONG_HEADER],
    ['no header (data first)', `${line()}\n${line()}`, FileErrorCode.WRONG_HEADER],
  ])('refuses %s', (_what, content, code) => {
    expect(fileError(content)).toBe(code);
  });

  it('refuses a Latin-1 file instead of importing mangled names', () => {
    expect(fileError(Buffer.from(`${HEADER}\n${line()}\n`, 'latin1'))).toBe(FileErrorCode.NOT_UTF8);
  });

  it('says which header column is wrong', () => {
    expect(() => readCoverageFile(`${HEADER.replace('Code ML', 'Code Mission Locale')}\n${line()}`))
      .toThrow('column 6 should be "Code ML", found "Code Mission Locale"');
  });

  it('splits on semicolons, trims and collapses spaces, and reads quoted fields', () => {
    expect(splitLine(' 35115 ;  17,  rue des tanneurs ;;x')).toEqual(['35115', '17, rue des tanneurs', '', 'x']);
    expect(splitLine('a;"b;c";"say ""oui""";d')).toEqual(['a', 'b;c', 'say "oui"', 'd']);
  });
});

describe('checking one row', () => {
  it('keeps a well-formed row, with the UNML code normalized and the shared flag read', () => {
    expect(parse(line({ 'Code ML': ' ab12 ', 'Commune présente sur plusieurs ML': 'OUI' }))).toEqual({
      line: 2, inseeCode: '35115', communeName: 'Fougères', mlCode: 'AB12', mlName: '35-ML PAYS DE FOUGERES',
      mlRegionCode: '53', shared: true, address: '3 r des freres deveria', postalCode: '35300', city: 'Fougères',
    });
    expect(isRowIssue(parse(line({ 'Code INSEE': '2A004', 'Code Région ML': '94' })))).toBe(false);
  });

  it.each([
    ['12 columns', line().split(';').slice(0, 12).join(';'), RejectionCode.WRONG_COLUMN_COUNT, '12 columns instead of 13'],
    ['14 columns', `${line()};x`, RejectionCode.WRONG_COLUMN_COUNT, '14 columns instead of 13'],
    ['a postal code as INSEE code', line({ 'Code INSEE': '3511' }), RejectionCode.INVALID_INSEE_CODE, 'leading zero'],
    ['letters as INSEE code', line({ 'Code INSEE': 'FOUGE' }), RejectionCode.INVALID_INSEE_CODE, '"FOUGE"'],
    ['an empty Code ML', line({ 'Code ML': ' ' }), RejectionCode.EMPTY_ML_CODE, 'Code ML is empty'],
    ['a Code ML with a dash', line({ 'Code ML': '35-115' }), RejectionCode.INVALID_ML_CODE, '2 to 10 letters or digits'],
    ['an empty ML name', line({ 'Nom Officiel ML': '' }), RejectionCode.EMPTY_ML_NAME, 'ML 35115'],
    ['a 301-character name', line({ 'Nom Officiel ML': 'x'.repeat(301) }), RejectionCode.FIELD_TOO_LONG, 'Nom Officiel ML'],
    ['a 301-character address', line({ 'Adresse ML': 'x'.repeat(301) }), RejectionCode.FIELD_TOO_LONG, 'Adresse ML'],
    ['a region name as region code', line({ 'Code Région ML': 'Bretagne' }), RejectionCode.INVALID_REGION_CODE, '"Bretagne"'],
    ['a shared flag that is neither Oui nor Non', line({ 'Commune présente sur plusieurs ML': '' }), RejectionCode.INVALID_SHARED_FLAG, 'expected Oui or Non'],
  ])('rejects %s', (_what, text, code, message) => {
    const issue = parse(text) as RowIssue;
    expect(issue).toMatchObject({ line: 2, code });
    expect(issue.message).toContain(message);
  });
});

/** Registry lookups for the validation: Bretagne (53) has an ARML, Nantes is outside the scope. */
function refs(over: Partial<CoverageReferences> = {}): CoverageReferences {
  const communes: Record<string, { coverable: boolean }> = {
    35115: { coverable: true }, 35062: { coverable: true }, 35360: { coverable: true }, 35288: { coverable: true },
    44109: { coverable: false }, 75056: { coverable: false },
  };
  return {
    commune: (code) => communes[code],
    armlOfRegion: (region) => (region === '53' ? 2 : undefined),
    holderOfCode: () => undefined,
    ...over,
  };
}

/** Rows of a file body (line 2 onwards), each well formed. */
function rows(...texts: string[]): CoverageRow[] {
  return texts.map((t, i) => parseRow({ line: i + 2, fields: splitLine(t) }) as CoverageRow);
}

const codes = (issues: RowIssue[]) => issues.map((r) => [r.line, r.code]);

describe('checking rows against each other and the registry', () => {
  it('accepts a consistent file', () => {
    const { accepted, rejected } = validateRows(rows(line(), line({ 'Code INSEE': '35062' })), refs());
    expect(accepted.map((r) => r.line)).toEqual([2, 3]);
    expect(rejected).toEqual([]);
  });

  it('keeps the name and region of an ML code from its first row and rejects rows that disagree', () => {
    const { accepted, rejected } = validateRows(rows(
      line(),
      line({ 'Code INSEE': '35062', 'Nom Officiel ML': '35-ML FOUGERES' }),
      line({ 'Code INSEE': '35360', 'Code Région ML': '52' }),
    ), refs());
    expect(accepted.map((r) => r.line)).toEqual([2]);
    expect(codes(rejected)).toEqual([[3, RejectionCode.ML_NAME_CONFLICT], [4, RejectionCode.ML_REGION_CONFLICT]]);
    expect(rejected[0].message).toBe('ML 35115 is named "35-ML FOUGERES" here but "35-ML PAYS DE FOUGERES" on line 2');
  });

  it('rejects communes and regions the registry cannot take', () => {
    const { rejected } = validateRows(rows(
      line({ 'Code INSEE': '35999' }),
      line({ 'Code INSEE': '44109' }),
      line({ 'Code ML': '44109', 'Code Région ML': '52', 'Code INSEE': '35062' }),
    ), refs());
    expect(codes(rejected)).toEqual([
      [2, RejectionCode.UNKNOWN_COMMUNE], [3, RejectionCode.COMMUNE_NOT_COVERABLE], [4, RejectionCode.REGION_WITHOUT_ARML],
    ]);
  });

  it('rejects an ML code held by another kind of organization or by a dissolved Mission Locale', () => {
    const holders: Record<string, { kind: string; dissolved: boolean; name: string }> = {
      35115: { kind: 'ARML', dissolved: false, name: 'ARML Bretagne' },
      35062: { kind: 'MISSION_LOCALE', dissolved: true, name: 'ML dissoute' },
    };
    const { rejected } = validateRows(rows(line(), line({ 'Code ML': '35062' })), refs({ holderOfCode: (c) => holders[c] }));
    expect(codes(rejected)).toEqual([[2, RejectionCode.CODE_NOT_A_MISSION_LOCALE], [3, RejectionCode.MISSION_LOCALE_DISSOLVED]]);
  });

  it('rejects a commune listed twice for the same ML', () => {
    const { accepted, rejected } = validateRows(rows(line(), line()), refs());
    expect(accepted.map((r) => r.line)).toEqual([2]);
    expect(codes(rejected)).toEqual([[3, RejectionCode.DUPLICATE_ROW]]);
  });

  it('rejects every row of a commune listed for several MLs unless every row says Oui', () => {
    const vitre = { 'Code INSEE': '35360' };
    const other = { ...vitre, 'Code ML': '35360', 'Nom Officiel ML': '35-ML PAYS DE VITRE' };
    const conflict = validateRows(rows(line(vitre), line(other), line()), refs());
    expect(codes(conflict.rejected)).toEqual([[2, RejectionCode.COMMUNE_ON_SEVERAL_ML], [3, RejectionCode.COMMUNE_ON_SEVERAL_ML]]);
    expect(conflict.rejected[0].message).toContain('(35115, 35360)');
    expect(conflict.accepted.map((r) => r.line)).toEqual([4]);

    const oneOui = validateRows(rows(line({ ...vitre, 'Commune présente sur plusieurs ML': 'Oui' }), line(other)), refs());
    expect(oneOui.accepted).toEqual([]);

    const shared = { 'Commune présente sur plusieurs ML': 'Oui' };
    const allOui = validateRows(rows(line({ ...vitre, ...shared }), line({ ...other, ...shared })), refs());
    expect(allOui.rejected).toEqual([]);
    expect(allOui.accepted).toHaveLength(2);
  });

  it('groups accepted rows by Mission Locale, head office from its first row', () => {
    const mls = groupByMissionLocale(rows(
      line({ 'Ville ML': 'FOUGERES' }),
      line({ 'Code ML': '35360', 'Code INSEE': '35360', 'Nom Officiel ML': '35-ML PAYS DE VITRE' }),
      line({ 'Code INSEE': '35062', 'Ville ML': 'Fougères' }),
    ));
    expect(mls.map((m) => [m.code, m.line, m.city, m.communes])).toEqual([
      ['35115', 2, 'FOUGERES', ['35115', '35062']],
      ['35360', 3, 'Fougères', ['35360']],
    ]);
  });
});

describe('placing the head office', () => {
  it('matches place names as addresses write them', () => {
    expect(placeKey('ST MALO')).toBe(placeKey('Saint-Malo'));
    expect(placeKey('Ste Marie')).toBe(placeKey('Sainte-Marie'));
    expect(placeKey('RENNES CEDEX 7')).toBe(placeKey('Rennes'));
    expect(placeKey('Paris - 18ème Arrondissement')).toBe(placeKey('Paris 18e Arrondissement'));
    expect(placeKey('Paris - 1er Arrondissement')).toBe(placeKey('Paris 1er Arrondissement'));
    expect(placeKey('Val d’Anast')).toBe(placeKey("Val d'Anast"));
  });

  const place = (code: string, name: string, parentCode: string | null = null): PlaceCandidate => ({ code, name, parentCode, departementCode: code.slice(0, 2) });

  it('picks the one candidate of the postal code with that name', () => {
    const vitre = [place('35015', 'Balazé'), place('35360', 'Vitré'), place('35087', 'Cornillé')];
    expect(choosePlace('VITRE', vitre)?.code).toBe('35360');
    expect(choosePlace('Vitré-Centre', vitre)).toBeUndefined();
    expect(choosePlace('Rieux', [place('56194', 'Rieux'), place('56195', 'Rieux')])).toBeUndefined();
  });

  it('places a head office in Paris, Lyon or Marseille in the arrondissement of its postal code', () => {
    const p18 = [place('75056', 'Paris'), place('75118', 'Paris 18e Arrondissement', '75056')];
    expect(choosePlace('Paris - 18ème Arrondissement', p18)?.code).toBe('75118');
    expect(choosePlace('Paris', p18)?.code).toBe('75118');
  });

  it('knows the départements of a postal code, for CEDEX codes', () => {
    expect(departementsOfPostalCode('35702')).toEqual(['35']);
    expect(departementsOfPostalCode('20090')).toEqual(['2A', '2B']);
    expect(departementsOfPostalCode('97450')).toEqual(['974']);
    expect(departementsOfPostalCode('3570')).toEqual([]);
  });
});

describe('the command line', () => {
  it('reads its arguments', () => {
    expect(parseArgs(['f.csv', '--date', '2025-01-01', '--strict', '--dry-run'])).toEqual({ file: 'f.csv', date: '2025-01-01', strict: true, dryRun: true });
    expect(parseArgs(['--date=2025-01-01', 'f.csv'])).toMatchObject({ file: 'f.csv', date: '2025-01-01', strict: false, dryRun: false });
    expect(parseArgs([])).toBe('Missing the file to import');
    expect(parseArgs(['a.csv', 'b.csv'])).toBe('Unexpected argument: b.csv');
    expect(parseArgs(['a.csv', '--force'])).toBe('Unexpected argument: --force');
  });

  it('draws a plain-text progress bar, once per percent', () => {
    let out = '';
    const bar = progressBar({ write: (t: string) => (out += t) }, 10);
    for (let i = 1; i <= 400; i += 1) bar(i, 400);
    expect(out.split('\r').filter(Boolean)).toHaveLength(101); // 0% to 100%
    expect(out.endsWith('\rMissions Locales [##########] 100% (400/400)\n')).toBe(true);
  });
});
