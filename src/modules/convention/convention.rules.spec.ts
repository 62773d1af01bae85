import { ConventionKind, ConventionStatus, PartyRole } from './convention.enums';
import { checkConvention, ConventionDraft, ConventionRule } from './convention.rules';

const S = ConventionStatus;

/** A CPO État–ARML 2018-2020 that complies with every rule. */
function cpo(): ConventionDraft {
  return {
    kind: ConventionKind.CPO_STATE_ARML,
    startDate: '2018-01-01',
    endDate: '2020-12-31',
    signedOn: '2018-03-15',
    nationalConventionKind: null,
    parties: [
      { organizationId: 1, role: PartyRole.SIGNATORY },
      { organizationId: 1, role: PartyRole.BENEFICIARY },
      { organizationId: 2, role: PartyRole.SIGNATORY },
      { organizationId: 2, role: PartyRole.FINANCER },
    ],
    statusHistory: [
      { status: S.DRAFT, date: '2017-11-01' }, { status: S.IN_NEGOTIATION, date: '2017-12-01' },
      { status: S.SIGNED, date: '2018-03-15' }, { status: S.IN_FORCE, date: '2018-03-15' }, { status: S.EXPIRED, date: '2021-01-01' },
    ],
    fundingCents: [4825075n, 0n],
  };
}

const rules = (c: ConventionDraft) => checkConvention(c).map((v) => v.rule);

describe('convention rules', () => {
  it('accept a well-formed CPO État–ARML', () => {
    expect(checkConvention(cpo())).toEqual([]);
  });

  it('reject an end before the start', () => {
    expect(rules({ ...cpo(), kind: ConventionKind.OTHER, endDate: '2017-12-31' })).toEqual([ConventionRule.END_BEFORE_START]);
  });

  it('want a CPO État–ARML to span three calendar years unless an exception is stated', () => {
    expect(rules({ ...cpo(), endDate: '2019-12-31' })).toEqual([ConventionRule.CPO_NOT_THREE_YEARS]);
    expect(rules({ ...cpo(), endDate: '2019-12-31', durationException: 'Avenant de prolongation limité à deux ans' })).toEqual([]);
  });

  it('let the status move only along the lifecycle, forward in time', () => {
    const skip = { ...cpo(), statusHistory: [{ status: S.DRAFT, date: '2017-11-01' }, { status: S.IN_FORCE, date: '2018-01-01' }] };
    expect(rules(skip)).toEqual([ConventionRule.STATUS_TRANSITION_NOT_ALLOWED]);
    const back = { ...cpo(), statusHistory: [...cpo().statusHistory, { status: S.IN_FORCE, date: '2021-02-01' }] };
    expect(rules(back)).toEqual([ConventionRule.STATUS_TRANSITION_NOT_ALLOWED]);
    const terminated = { ...cpo(), statusHistory: [...cpo().statusHistory.slice(0, 4), { status: S.TERMINATED, date: '2019-06-30' }] };
    expect(rules(terminated)).toEqual([]);
  });

  it('want a signed convention to have its date and two signatories', () => {
    expect(rules({ ...cpo(), signedOn: null })).toEqual([ConventionRule.SIGNED_WITHOUT_DATE]);
    expect(rules({ ...cpo(), parties: cpo().parties.filter((p) => p.organizationId !== 2) })).toEqual([ConventionRule.SIGNED_WITHOUT_TWO_SIGNATORIES]);
  });

  it('reject a negative amount', () => {
    const v = checkConvention({ ...cpo(), fundingCents: [100n, -1n] });
    expect(v).toEqual([expect.objectContaining({ rule: ConventionRule.NEGATIVE_AMOUNT, field: 'funding.1.amount' })]);
  });

  it('want a declination to point to a national partnership convention', () => {
    const declination = { ...cpo(), kind: ConventionKind.REGIONAL_DECLINATION, nationalConventionKind: ConventionKind.CPO_STATE_ARML };
    expect(rules(declination)).toEqual([ConventionRule.DECLINATION_PARENT_NOT_NATIONAL]);
    expect(rules({ ...declination, nationalConventionKind: ConventionKind.NATIONAL_PARTNERSHIP })).toEqual([]);
  });

  it('accept a party once per role', () => {
    const v = checkConvention({ ...cpo(), parties: [...cpo().parties, { organizationId: 2, role: PartyRole.FINANCER }] });
    expect(v).toEqual([expect.objectContaining({ rule: ConventionRule.DUPLICATE_PARTY_ROLE, field: 'parties.4' })]);
  });
});
