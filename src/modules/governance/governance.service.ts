import { RequestContext } from '../../graphql/context';
import { isActiveOn } from '../../shared/dates';
import { Organization } from '../organization/organization.entity';
import { Person } from '../person/person.entity';
import { BodyTerm, GoverningBody, Mandate, Post } from './governance.entity';
import { BodyKind, MandateRole, PostKind } from './governance.enums';
import { governanceLoaders } from './governance.loaders';

/** A post with seats nobody holds on a date. */
export interface Vacancy {
  post: Post;
  vacantSeats: number;
}

/** In effect on `asOf` and not replaced by a correction. */
export function isMandateActive(m: Mandate, asOf: string): boolean {
  return !m.correctedBy && isActiveOn(asOf, m.startDate, m.endDate);
}

const byPostThenStart = (a: Mandate, b: Mandate) =>
  a.post.id - b.post.id || (a.role === b.role ? 0 : a.role === MandateRole.TITULAIRE ? -1 : 1) ||
  (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : a.id - b.id);

/**
 * The composition last worked out from a body's mandates as its loader returned them (one array per
 * body and request, so an entry lives as long as the request), with its date: a network map asks each
 * Mission Locale's board twice on one date, for its president and for its composition.
 */
const compositions = new WeakMap<readonly Mandate[], { asOf: string; composition: readonly Mandate[] }>();

/**
 * The mandates of `all` in effect on `asOf`, post by post, titulaires first: `all` itself when it is
 * that already. Mandates mostly come in that order and all in effect, and a map works out 1,408
 * compositions: a copy and a sort each were a tenth of its garbage.
 */
function compositionOn(all: readonly Mandate[], asOf: string): readonly Mandate[] {
  for (let i = 0; i < all.length; i++) {
    if (!isMandateActive(all[i], asOf) || (i > 0 && byPostThenStart(all[i - 1], all[i]) > 0)) {
      return all.filter((m) => isMandateActive(m, asOf)).sort(byPostThenStart);
    }
  }
  return all;
}

/** Reads of bodies, their compositions at a date, and who represents whom. */
export class GovernanceService {
  constructor(private readonly ctx: RequestContext) {}

  bodiesOf(org: Organization): Promise<GoverningBody[]> {
    return governanceLoaders.bodiesOfOrganization(this.ctx).load(org.id);
  }

  terms(body: GoverningBody): Promise<BodyTerm[]> {
    return governanceLoaders.termsOfBody(this.ctx).load(body.id);
  }

  /** The term of the body in effect on `asOf`, if any. */
  async termOn(body: GoverningBody, asOf: string): Promise<BodyTerm | null> {
    return (await this.terms(body)).find((t) => isActiveOn(asOf, t.startDate, t.endDate)) ?? null;
  }

  posts(body: GoverningBody): Promise<Post[]> {
    return governanceLoaders.postsOfBody(this.ctx).load(body.id);
  }

  /**
   * Mandates of the body in effect on `asOf`: titulaires then suppléants, post by post. `brief`: as a
   * network map shows them, holding only the fields `mandatesOfBodyBrief` reads.
   */
  async composition(body: GoverningBody, asOf: string, brief = false): Promise<readonly Mandate[]> {
    const all = await (brief ? governanceLoaders.mandatesOfBodyBrief : governanceLoaders.mandatesOfBody)(this.ctx).load(body.id);
    const known = compositions.get(all);
    if (known?.asOf === asOf) return known.composition;
    const composition = compositionOn(all, asOf);
    compositions.set(all, { asOf, composition });
    return composition;
  }

  /** Holders of one post on `asOf`. */
  async holders(post: Post, asOf: string): Promise<Mandate[]> {
    const all = await governanceLoaders.mandatesOfBody(this.ctx).load(post.body.id);
    return all.filter((m) => m.post.id === post.id && isMandateActive(m, asOf)).sort(byPostThenStart);
  }

  /** Seats of each post of the body that no titulaire holds on `asOf` (only while a term is running). */
  async vacancies(body: GoverningBody, asOf: string): Promise<Vacancy[]> {
    const [term, posts, composition] = await Promise.all([this.termOn(body, asOf), this.posts(body), this.composition(body, asOf)]);
    if (!term) return [];
    const held = new Map<number, number>();
    for (const m of composition) if (m.role === MandateRole.TITULAIRE) held.set(m.post.id, (held.get(m.post.id) ?? 0) + 1);
    return posts
      .map((post) => ({ post, vacantSeats: Math.max(0, post.seats - (held.get(post.id) ?? 0)) }))
      .filter((v) => v.vacantSeats > 0);
  }

  /** Who presides the organization on `asOf`: the titulaire of its board's PRESIDENT post (`brief`: see `composition`). */
  async presidentMandate(org: Organization, asOf: string, brief = false): Promise<Mandate | null> {
    const board = (await this.bodiesOf(org)).find((b) => b.kind === BodyKind.BOARD);
    if (!board) return null;
    return (await this.composition(board, asOf, brief)).find((m) => m.post.kind === PostKind.PRESIDENT && m.role === MandateRole.TITULAIRE) ?? null;
  }

  /** A person's mandates: those in effect on `asOf`, or the whole history when `asOf` is null (oldest first). */
  async mandatesOf(person: Person, asOf: string | null): Promise<Mandate[]> {
    const all = await governanceLoaders.mandatesOfPerson(this.ctx).load(person.id);
    return asOf === null ? all : all.filter((m) => isMandateActive(m, asOf));
  }

  /** Seats held by the organization itself (members by right) or on its behalf, on `asOf` (all dates when null). */
  async representedBy(org: Organization, asOf: string | null): Promise<Mandate[]> {
    const all = await governanceLoaders.mandatesRepresenting(this.ctx).load(org.id);
    return asOf === null ? all : all.filter((m) => isMandateActive(m, asOf));
  }
}
