import { RequestContext } from '../../graphql/context';
import { BadInputError, NotFoundError } from '../../graphql/errors';
import { identifierProblem, normalizeIdentifier } from './identifier.rules';
import { PageArgs, Page, pageWindow } from '../../graphql/pagination';
import { isActiveOn } from '../../shared/dates';
import { Organization } from './organization.entity';
import { OrganizationLink } from './organization-link.entity';
import { IdentifierScheme, OrganizationKind } from './organization.enums';
import { OrganizationFilter, OrganizationOrder } from './organization.inputs';
import { memberPagesLoader, organizationLoaders } from './organization.loaders';
import { MemberCounts, OrganizationRepository } from './organization.repository';

const byName = (a: Organization, b: Organization) =>
  a.searchName < b.searchName ? -1 : a.searchName > b.searchName ? 1 : a.id - b.id;

/** Reads of organizations and of the network's membership tree. */
export class OrganizationService {
  private readonly repo: OrganizationRepository;

  constructor(private readonly ctx: RequestContext) {
    this.repo = new OrganizationRepository(ctx.em);
  }

  /** The national union (UNML). */
  async unml(): Promise<Organization> {
    const unml = await this.repo.findOneByKind(OrganizationKind.UNML);
    if (!unml) throw new NotFoundError('Organization', 'UNML');
    return unml;
  }

  byId(id: number): Promise<Organization | null> {
    return organizationLoaders.byId(this.ctx).load(id);
  }

  /** Lookup by business key; a value that cannot be an identifier of that scheme is bad input, not a miss. */
  byIdentifier(scheme: IdentifierScheme, value: string): Promise<Organization | null> {
    const normalized = normalizeIdentifier(value);
    const problem = identifierProblem(scheme, normalized);
    if (problem) throw new BadInputError(`Invalid ${scheme} "${value}": ${problem}`, 'value');
    return this.repo.findByIdentifier(scheme, normalized);
  }

  list(filter: OrganizationFilter = {}, order: OrganizationOrder | undefined, page: PageArgs): Promise<Page<Organization>> {
    return this.repo.findPage(filter, order, page);
  }

  /** Links where `org` is the member; only those in effect on `asOf` unless `asOf` is null. */
  async memberships(org: Organization, asOf: string | null): Promise<OrganizationLink[]> {
    const links = await organizationLoaders.linksAsMember(this.ctx).load(org.id);
    return links
      .filter((l) => asOf === null || isActiveOn(asOf, l.startDate, l.endDate))
      .sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : a.id - b.id));
  }

  /** The organization `org` belongs to on `asOf`: its ARML for a Mission Locale, UNML for an ARML. */
  async parent(org: Organization, asOf: string): Promise<Organization | null> {
    const [link] = await this.memberships(org, asOf);
    return link?.parent ?? null;
  }

  /** Members of `org` on `asOf`, by name; optionally only some kinds. */
  async members(org: Organization, asOf: string, kinds?: OrganizationKind[]): Promise<Organization[]> {
    const links = await organizationLoaders.members(this.ctx).load(org.id);
    return links
      .filter((l) => isActiveOn(asOf, l.startDate, l.endDate) && (!kinds?.length || kinds.includes(l.member.kind)))
      .map((l) => l.member)
      .sort(byName);
  }

  /**
   * A page of the members of `org` on `asOf`, by name (only `kinds`, when given). Read page by page in
   * SQL, with the `counts` the caller will ask of each member, unless the page is counted from the end
   * (`last`), which needs the whole list first.
   */
  async memberPage(org: Organization, asOf: string, kinds: OrganizationKind[] | undefined, args: PageArgs, counts: MemberCounts): Promise<Page<Organization>> {
    const window = args.last == null ? pageWindow(args, Number.MAX_SAFE_INTEGER) : undefined;
    if (window && window.limit > 0) {
      return memberPagesLoader(this.ctx, asOf, [...new Set(kinds ?? [])].sort(), window.offset, window.limit, counts).load(org.id);
    }
    const all = await this.members(org, asOf, kinds);
    const { offset, limit } = pageWindow(args, all.length);
    return { items: all.slice(offset, offset + limit), offset, totalCount: all.length };
  }

  identifiers(org: Organization) {
    return organizationLoaders.identifiers(this.ctx).load(org.id);
  }

  formerNames(org: Organization) {
    return organizationLoaders.formerNames(this.ctx).load(org.id);
  }

  /** INSEE codes of the regions an ARML covers on `asOf`. */
  async regionCodes(org: Organization, asOf: string): Promise<string[]> {
    const rows = await organizationLoaders.regions(this.ctx).load(org.id);
    return rows.filter((r) => isActiveOn(asOf, r.startDate, r.endDate)).map((r) => r.regionCode);
  }
}
