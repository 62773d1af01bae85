import { isValidSiren, isValidSiret, luhnValid } from '../../seeds/luhn';

describe('Luhn checks', () => {
  it('accepts digit strings with a valid Luhn key and rejects the others', () => {
    expect(luhnValid('79927398713')).toBe(true);
    expect(luhnValid('79927398710')).toBe(false);
    expect(luhnValid('')).toBe(false);
    expect(luhnValid('12a4')).toBe(false);
  });

  it('checks SIREN numbers (9 digits)', () => {
    expect(isValidSiren('420067712')).toBe(true); // Mission Locale de Granville
    expect(isValidSiren('420067713')).toBe(false);
    expect(isValidSiren('42006771')).toBe(false);
  });

  it('checks SIRET numbers (14 digits starting with a valid SIREN)', () => {
    expect(isValidSiret('42006771200026')).toBe(true);
    expect(isValidSiret('42006771200027')).toBe(false);
    expect(isValidSiret('4200677120002')).toBe(false);
    // Luhn-valid over 14 digits, but its first 9 digits are not a valid SIREN.
    expect(luhnValid('42006771300016')).toBe(true);
    expect(isValidSiret('42006771300016')).toBe(false);
  });
});
