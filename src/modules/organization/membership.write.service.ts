import type { RequestContext } from '../../graphql/context';
import { NotFoundError } from '../../graphql/errors';
import { runMutation } from '../../graphql/mutation';
import { UserError, UserErrors } from '../../graphql/payload';
import { assertCanWrite } from '../access/authorization';
import { recordAudit } from '../access/audit';
import { previousCreation, rememberCreation } from '../access/idempotency';
import { decodeId } from '../convention/convention.service';
import { OrganizationLink } from './organization-link.entity';
import { Organization } from './organization.entity';
import { LinkKind, OrganizationKind } from './organization.enums';
import { AddMembershipInput, EndMembershipInput } from './membership.inputs';
import { insertRow } from '../../db/insert-row';

type OrganizationRow = { id: number; name: string; kind: OrganizationKind; founded_on: string | null; dissolved_on: string | null };

/** Who may be a member of whom, and by which kind of link. */
const NETWORK_LINKS: Partial<Record<OrganizationKind, { parent: OrganizationKind; kind: LinkKind }>> = {
  [OrganizationKind.MISSION_LOCALE]: { parent: OrganizationKind.ARML, kind: LinkKind.MEMBER },
  [OrganizationKind.ARML]: { parent: OrganizationKind.UNML, kind: LinkKind.MEMBER_BY_RIGHT },
};

/** The rules a new membership obeys, read from the stored organizations; every broken one is reported. */
function check(input: AddMembershipInput, member: OrganizationRow, parent: OrganizationRow): UserError[] {
  const errors: UserError[] = [];
  const expected = NETWORK_LINKS[member.kind];
  if (!expected) {
    errors.push({ code: 'WRONG_MEMBER_KIND', field: ['input', 'memberId'], message: `${member.name} is ${member.kind}: only Missions Locales and ARML are members of the network` });
  } else {
    if (parent.kind !== expected.parent) {
      errors.push({ code: 'WRONG_PARENT_KIND', field: ['input', 'parentId'], message: `A ${member.kind} is a member of a ${expected.parent}, and ${parent.name} is ${parent.kind}` });
    }
    if (input.kind !== expected.kind) {
      errors.push({ code: 'WRONG_LINK_KIND', field: ['input', 'kind'], message: `A ${member.kind} is a ${expected.kind} of its ${expected.parent}, not ${input.kind}` });
    }
  }
  for (const [org, field] of [[member, 'memberId'], [parent, 'parentId']] as const) {
    if (org.dissolved_on && String(org.dissolved_on) <= input.startDate) errors.push({ code: 'ORGANIZATION_DISSOLVED', field: ['input', field], message: `${org.name} was dissolved on ${org.dissolved_on}` });
    if (org.founded_on && String(org.founded_on) > input.startDate) errors.push({ code: 'BEFORE_FOUNDING', field: ['input', 'startDate'], message: `${org.name} was founded on ${org.founded_on}` });
  }
  return errors;
}

/**
 * Writes on memberships (organization_link): dated, never overwritten. Both ends are authorized, so
 * moving a Mission Locale to another ARML needs rights on the Mission Locale and on the new ARML.
 */
export class MembershipWriteService {
  constructor(private readonly ctx: RequestContext) {}

  private load(id: number | null) {
    return id === null ? null : this.ctx.em.findOne(OrganizationLink, id, { refresh: true });
  }

  async add(input: AddMembershipInput): Promise<{ membership: OrganizationLink | null; userErrors: UserError[] }> {
    const memberId = decodeId(input.memberId, Organization.typename, 'input.memberId');
    const parentId = decodeId(input.parentId, Organization.typename, 'input.parentId');
    const { result, userErrors } = await runMutation(this.ctx, async (trx) => {
      await assertCanWrite(trx, this.ctx, [memberId, parentId], 'both the member and the structure it joins');
      const previous = await previousCreation(trx, this.ctx, input.idempotencyKey, 'addMembership');
      if (previous) return Number(previous);
      // The member's row is locked (PostgreSQL; SQLite writes one at a time) so two concurrent adds cannot both pass the overlap check.
      const member = (await trx('organization').where('id', memberId).forUpdate().first()) as OrganizationRow | undefined;
      if (!member) throw new NotFoundError('Organization', input.memberId);
      const parent = (await trx('organization').where('id', parentId).first()) as OrganizationRow | undefined;
      if (!parent) throw new NotFoundError('Organization', input.parentId);
      const errors = check(input, member, parent);
      // A second link to a parent of the same kind (another ARML, say) may not run at the same time: the new one is open-ended.
      const overlapping = await trx('organization_link as l').join('organization as p', 'p.id', 'l.parent_id')
        .where('l.member_id', memberId).where('p.kind', parent.kind)
        .where((w) => w.whereNull('l.end_date').orWhere('l.end_date', '>', input.startDate))
        .select('l.start_date', 'l.end_date', 'p.name').first();
      if (overlapping) {
        errors.push({
          code: 'MEMBERSHIP_OVERLAP', field: ['input', 'startDate'],
          message: `${member.name} is already a member of ${overlapping.name} from ${overlapping.start_date}${overlapping.end_date ? ` until ${overlapping.end_date}` : ''}: end that membership first`,
        });
      }
      if (errors.length) throw new UserErrors(errors);
      const row = {
        member_id: memberId, parent_id: parentId, kind: input.kind, start_date: input.startDate, end_date: null,
        provenance_status: 'OFFICIAL', provenance_source: 'registry API',
      };
      const id = await insertRow(trx, 'organization_link', row);
      await recordAudit(trx, this.ctx, { operation: 'addMembership', entityType: OrganizationLink.typename, entityId: id, before: null, after: { id, ...row } });
      await rememberCreation(trx, this.ctx, input.idempotencyKey, 'addMembership', OrganizationLink.typename, id);
      return id;
    });
    return { membership: await this.load(result), userErrors };
  }

  async end(input: EndMembershipInput): Promise<{ membership: OrganizationLink | null; userErrors: UserError[] }> {
    const id = decodeId(input.id, OrganizationLink.typename, 'input.id');
    const { result, userErrors } = await runMutation(this.ctx, async (trx) => {
      const before = await trx('organization_link').where('id', id).first();
      if (!before) {
        // Memberships are public reads: a missing one is NOT_FOUND, once the caller is known.
        await assertCanWrite(trx, this.ctx, [], 'this membership');
        throw new NotFoundError('Membership', input.id);
      }
      await assertCanWrite(trx, this.ctx, [Number(before.member_id), Number(before.parent_id)], 'both the member and the structure it belongs to');
      if (before.end_date) throw UserErrors.of('ALREADY_ENDED', `This membership already ended on ${before.end_date}`, 'id');
      if (input.endDate <= String(before.start_date)) throw UserErrors.of('END_BEFORE_START', `The membership started on ${before.start_date}: it must end after that day`, 'endDate');
      // No version: ending is one-way, so the guard is that it is still open when we write.
      const updated = await trx('organization_link').where('id', id).whereNull('end_date').update({ end_date: input.endDate });
      if (Number(updated) !== 1) throw UserErrors.of('ALREADY_ENDED', 'This membership was ended while you were saving', 'id');
      await recordAudit(trx, this.ctx, { operation: 'endMembership', entityType: OrganizationLink.typename, entityId: id, before, after: { ...before, end_date: input.endDate } });
      return id;
    });
    return { membership: await this.load(result), userErrors };
  }
}
