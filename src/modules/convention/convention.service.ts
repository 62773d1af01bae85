import { memoize, RequestContext } from '../../graphql/context';
import { BadInputError } from '../../graphql/errors';
import { fromGlobalId } from '../../graphql/node';
import { Page, PageArgs } from '../../graphql/pagination';
import { isActiveOn, today } from '../../shared/dates';
import { Organization } from '../organization/organization.entity';
import { OrganizationKind } from '../organization/organization.enums';
import { organizationLoaders } from '../organization/organization.loaders';
import { OrganizationRepository } from '../organization/organization.repository';
import { Convention } from './convention.entity';
import { PartyRole } from './convention.enums';
import { ConventionFilter, ConventionOrder, FundingDimension, FundingFilter, PartnershipFilter } from './convention.inputs';
import { conventionLoaders } from './convention.loaders';
import { ConventionCriteria, ConventionRepository } from './convention.repository';
import { Partnership } from './partnership.entity';

/** The numeric key of a global id of the expected type; a malformed or foreign id is bad input. */
export function decodeId(id: string, typename: string, field: string): number {
  const ref = fromGlobalId(id);
  if (!ref || ref.typename !== typename || !/^\d{1,9}$/.test(ref.key)) throw new BadInputError(`${field} is not a ${typename} id: ${id}`, field);
  return Number(ref.key);
}

export interface FundingTotalRow {
  financerId: number | null;
  year: number | null;
  axis: string | null;
  cents: bigint;
  lines: number;
}

/** Reads of conventions, their funding and partnerships. */
export class ConventionService {
  private readonly repo: ConventionRepository;

  constructor(private readonly ctx: RequestContext) {
    this.repo = new ConventionRepository(ctx.em);
  }

  private criteria({ partyId, ...rest }: ConventionFilter = {}): ConventionCriteria {
    return partyId ? Object.assign({}, rest, { partyIds: [decodeId(partyId, Organization.typename, 'filter.partyId')] }) : rest;
  }

  list(filter: ConventionFilter | undefined, order: ConventionOrder | undefined, page: PageArgs): Promise<Page<Convention>> {
    return this.repo.findPage(this.criteria(filter), order, page);
  }

  /** Conventions `org` is a party to, filtered and ordered (batched across organizations). */
  ofOrganization(org: Organization, filter: ConventionFilter | undefined, order: ConventionOrder | undefined): Promise<Convention[]> {
    return conventionLoaders.ofParty(this.ctx, this.criteria(filter), order).load(org.id);
  }

  /** Funding totals grouped along the dimensions asked, over one convention, one party, one region or the network. */
  async fundingTotals(filter: FundingFilter = {}, groupBy: FundingDimension[]): Promise<FundingTotalRow[]> {
    const criteria: ConventionCriteria = {
      kinds: filter.kinds,
      regionCode: filter.regionCode,
      partyIds: filter.partyId ? [decodeId(filter.partyId, Organization.typename, 'filter.partyId')] : undefined,
      conventionId: filter.conventionId ? decodeId(filter.conventionId, Convention.typename, 'filter.conventionId') : undefined,
    };
    const rows = await this.repo.fundingTotals(criteria, [...new Set(groupBy)]);
    return rows.map((r) => ({ financerId: r.financer_id, year: r.year, axis: r.axis, cents: r.cents, lines: r.lines }));
  }

  /** The ARML that signed a regional declination of this national convention. */
  async declinedBy(national: Convention): Promise<Organization[]> {
    const declinations = await conventionLoaders.children(this.ctx, 'nationalConvention').load(national.id);
    const parties = (await conventionLoaders.parties(this.ctx).loadMany(declinations.map((d) => d.id))).flatMap((p) => (Array.isArray(p) ? p : []));
    const orgs = await organizationLoaders.byId(this.ctx).loadMany([...new Set(parties.filter((p) => p.role === PartyRole.SIGNATORY).map((p) => p.organization.id))]);
    return (orgs.filter((o) => o instanceof Organization && o.kind === OrganizationKind.ARML) as Organization[])
      .sort((a, b) => (a.searchName < b.searchName ? -1 : 1));
  }

  /** The ARML existing today that have not declined this national convention. */
  async notDeclinedBy(national: Convention): Promise<Organization[]> {
    const [declined, armls] = await Promise.all([this.declinedBy(national), this.currentArmls()]);
    const ids = new Set(declined.map((o) => o.id));
    return armls.filter((a) => !ids.has(a.id));
  }

  /** Partnerships of an organization (as network structure or as partner), optionally filtered. */
  async partnerships(org: Organization, filter: PartnershipFilter = {}): Promise<Partnership[]> {
    const all = await conventionLoaders.partnerships(this.ctx).load(org.id);
    return all.filter((p) =>
      (!filter.themes?.length || filter.themes.includes(p.theme)) &&
      (!filter.scopes?.length || filter.scopes.includes(p.scope)) &&
      (!filter.activeOn || isActiveOn(filter.activeOn, p.startDate, p.endDate)));
  }

  /** The ARML existing today (one page of up to 100: there are 15), by name: read once per request. */
  private currentArmls(): Promise<Organization[]> {
    return memoize(this.ctx, 'convention.currentArmls', async () => (await new OrganizationRepository(this.ctx.em)
      .findPage({ kinds: [OrganizationKind.ARML], activeOn: today() }, undefined, {})).items);
  }
}
