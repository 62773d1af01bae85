/**
 * Reads, from the running service and before any measurement, the ids the workloads vary over
 * (Missions Locales across every département, the ARML, postal codes) and what data is loaded.
 */
import { Agent } from 'node:http';
import { post, Target } from './load';
import { DataFeatures, Sample, sampleDates, shuffled } from './workloads';

async function graphql<T>(target: Target, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const agent = new Agent({ keepAlive: false });
  try {
    const reply = await post(target, Buffer.from(JSON.stringify({ query, variables })), agent, 120_000);
    const body = JSON.parse(reply.body.toString('utf8')) as { data?: T; errors?: { message: string }[] };
    if (reply.status !== 200 || body.errors) throw new Error(`sampling query failed: ${reply.body.toString('utf8').slice(0, 500)}`);
    return body.data!;
  } finally {
    agent.destroy();
  }
}

interface Nodes<T> {
  nodes: T[];
}

export async function collectSample(target: Target): Promise<Sample> {
  const tree = await graphql<{
    unml: { members: Nodes<{ id: string }> };
    regions: Nodes<{ departements: { code: string; missionsLocales: Nodes<{ id: string }> }[] }>;
  }>(target, `{
    unml { members(first: 100) { nodes { id } } }
    regions(first: 100) { nodes { departements { code missionsLocales(first: 25) { nodes { id } } } } }
  }`);
  const departements = tree.regions.nodes.flatMap((r) => r.departements);
  const missionsLocales = departements.flatMap((d) => d.missionsLocales.nodes.map((n) => n.id));
  // Postal codes: the first communes of every département covered by a Mission Locale, in one request.
  const covered = departements.filter((d) => d.missionsLocales.nodes.length).map((d) => d.code);
  // In requests of at most 30 aliases (the service's limit).
  const aliases = covered.map((code, i) => `d${i}: communes(filter: { departementCode: "${code}" }, first: 15) { nodes { postalCodes } }`);
  const communes: Nodes<{ postalCodes: string[] }>[] = [];
  for (let i = 0; i < aliases.length; i += 30) {
    communes.push(...Object.values(await graphql<Record<string, Nodes<{ postalCodes: string[] }>>>(target, `{ ${aliases.slice(i, i + 30).join('\n')} }`)));
  }
  const postalCodes = [...new Set(communes.flatMap((c) => c.nodes.flatMap((n) => n.postalCodes)))].sort();
  return {
    missionsLocales: shuffled(missionsLocales, 11),
    armls: tree.unml.members.nodes.map((n) => n.id),
    postalCodes,
    dates: sampleDates(),
  };
}

/** Whether governance (governing bodies) and conventions are loaded. */
export async function probeFeatures(target: Target): Promise<DataFeatures> {
  const data = await graphql<{ governingBodies: { totalCount: number }; conventions: { totalCount: number } }>(target,
    '{ governingBodies(first: 1) { totalCount } conventions(first: 1) { totalCount } }');
  return { governance: data.governingBodies.totalCount > 0, conventions: data.conventions.totalCount > 0 };
}
