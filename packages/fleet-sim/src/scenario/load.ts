import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { PACKAGE_ROOT } from '../paths';
import { isScaleScenario, scaleScenario } from './scale';
import type {
  ClusterSpec,
  NamespaceBinding,
  ProjectSpec,
  ScenarioSpec,
  SliceSpec,
} from './types';

/** The package's `scenarios/` folder. */
export const BUNDLED_SCENARIO_DIR = path.join(PACKAGE_ROOT, 'scenarios');

export class ScenarioError extends Error {
  constructor(source: string, problems: string[]) {
    super(`Invalid scenario ${source}:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ScenarioError';
  }
}

/** Names of the scenarios shipped with the package. */
export function bundledScenarioNames(): string[] {
  if (!fs.existsSync(BUNDLED_SCENARIO_DIR)) return [];
  return fs
    .readdirSync(BUNDLED_SCENARIO_DIR)
    .filter(f => /\.(ya?ml|json)$/.test(f))
    .map(f => f.replace(/\.(ya?ml|json)$/, ''))
    .sort();
}

function resolveScenarioFile(nameOrPath: string): string {
  const looksLikePath =
    /[\\/]/.test(nameOrPath) || /\.(ya?ml|json)$/.test(nameOrPath);
  if (looksLikePath) {
    const file = path.resolve(nameOrPath);
    if (!fs.existsSync(file))
      throw new Error(`Scenario file not found: ${nameOrPath}`);
    return file;
  }
  for (const ext of ['yaml', 'yml', 'json']) {
    const file = path.join(BUNDLED_SCENARIO_DIR, `${nameOrPath}.${ext}`);
    if (fs.existsSync(file)) return file;
  }
  throw new Error(
    `Unknown scenario "${nameOrPath}": expected one of [${bundledScenarioNames().join(
      ', ',
    )}], scale:<clusters>x<slices>, or a path to a .yaml/.json file`,
  );
}

/**
 * Loads a bundled scenario by name (`demo`) or a scenario file by path, and
 * validates it. Throws a ScenarioError listing every problem found.
 */
export function loadScenario(nameOrPath: string): ScenarioSpec {
  // Generated fleets: `scale:<clusters>x<slices>`.
  if (isScaleScenario(nameOrPath))
    return validateScenario(scaleScenario(nameOrPath), nameOrPath);
  const file = resolveScenarioFile(nameOrPath);
  let parsed: unknown;
  try {
    parsed = yaml.load(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(
      `Cannot parse scenario ${nameOrPath}: ${(e as Error).message}`,
    );
  }
  return validateScenario(parsed, nameOrPath);
}

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

function parseIPv4(ip: string): number[] | undefined {
  const parts = ip.split('.');
  if (parts.length !== 4) return undefined;
  const nums = parts.map(p => (/^\d{1,3}$/.test(p) ? Number(p) : NaN));
  return nums.every(n => n >= 0 && n <= 255) ? nums : undefined;
}

function isPrivate(octets: number[]): boolean {
  const [a, b] = octets;
  return (
    a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)
  );
}

/** The SliceConfig webhook's sliceSubnet rule: private IPv4, `/16`, third and fourth octets 0. */
export function checkSliceSubnet(subnet: string): string | undefined {
  const [ip, prefix] = subnet.split('/');
  const octets = parseIPv4(ip ?? '');
  if (!octets || prefix !== '16')
    return `sliceSubnet "${subnet}" must be an IPv4 CIDR with prefix /16`;
  if (!isPrivate(octets))
    return `sliceSubnet "${subnet}" must be a private (RFC 1918) range`;
  if (octets[2] !== 0 || octets[3] !== 0)
    return `sliceSubnet "${subnet}" must end in .0.0`;
  return undefined;
}

function checkBindings(
  where: string,
  bindings: NamespaceBinding[] | undefined,
  members: string[],
  problems: string[],
): void {
  const seen = new Set<string>();
  for (const [i, b] of (bindings ?? []).entries()) {
    const at = `${where}[${i}]`;
    if (!b?.namespace || !/^[a-zA-Z0-9-]+$/.test(b.namespace))
      problems.push(`${at}.namespace must match ^[a-zA-Z0-9-]+$`);
    if (seen.has(b?.namespace))
      problems.push(`${at}: duplicate namespace ${b.namespace}`);
    seen.add(b?.namespace);
    if (!Array.isArray(b?.clusters) || b.clusters.length === 0) {
      problems.push(`${at}.clusters must list member clusters or "*"`);
      continue;
    }
    if (b.clusters.includes('*') && b.clusters.length > 1)
      problems.push(`${at}.clusters: "*" must be the only element`);
    for (const c of b.clusters)
      if (c !== '*' && !members.includes(c))
        problems.push(`${at}.clusters: ${c} is not a member of the slice`);
  }
}

/** Clusters a namespace binding applies to, with `*` expanded to all members. */
export function bindingClusters(
  binding: NamespaceBinding,
  members: string[],
): string[] {
  return binding.clusters.includes('*') ? members : binding.clusters;
}

function checkCluster(c: ClusterSpec, at: string, problems: string[]): void {
  if (
    typeof c?.name !== 'string' ||
    !DNS_LABEL.test(c.name) ||
    c.name.length > 15
  ) {
    problems.push(
      `${at}.name "${c?.name}" must be a DNS label of at most 15 characters`,
    );
  }
  if (typeof c?.cloudProvider !== 'string' || !c.cloudProvider)
    problems.push(`${at}.cloudProvider is required`);
  if (typeof c?.cloudRegion !== 'string' || !c.cloudRegion)
    problems.push(`${at}.cloudRegion is required`);
  if (typeof c?.latitude !== 'number' || c.latitude < -90 || c.latitude > 90)
    problems.push(`${at}.latitude must be a number in [-90, 90]`);
  if (
    typeof c?.longitude !== 'number' ||
    c.longitude < -180 ||
    c.longitude > 180
  )
    problems.push(`${at}.longitude must be a number in [-180, 180]`);
}

function checkSlice(
  s: SliceSpec,
  at: string,
  project: ProjectSpec,
  problems: string[],
  subnets: Map<string, string>,
): void {
  if (
    typeof s?.name !== 'string' ||
    !DNS_LABEL.test(s.name) ||
    s.name.length > 15
  ) {
    problems.push(
      `${at}.name "${s?.name}" must be a DNS label of at most 15 characters`,
    );
  }
  const projectClusters = (project.clusters ?? []).map(c => c.name);
  const members = Array.isArray(s?.clusters) ? s.clusters : [];
  if (members.length === 0)
    problems.push(`${at}.clusters must list at least one cluster`);
  if (new Set(members).size !== members.length)
    problems.push(`${at}.clusters has duplicates`);
  for (const c of members)
    if (!projectClusters.includes(c))
      problems.push(
        `${at}.clusters: ${c} is not a cluster of project ${project.name}`,
      );
  const maxClusters = s?.maxClusters ?? 16;
  if (!Number.isInteger(maxClusters) || maxClusters < 2 || maxClusters > 32)
    problems.push(`${at}.maxClusters must be an integer in [2, 32]`);
  if (members.length > maxClusters)
    problems.push(
      `${at}: ${members.length} clusters exceed maxClusters ${maxClusters}`,
    );
  const mode = s?.overlayNetworkDeploymentMode ?? 'single-network';
  if (!['single-network', 'multi-network', 'no-network'].includes(mode))
    problems.push(
      `${at}.overlayNetworkDeploymentMode "${mode}" is not one of single-network, multi-network, no-network`,
    );
  if (mode !== 'no-network') {
    if (!s?.sliceSubnet)
      problems.push(`${at}.sliceSubnet is required for ${mode} slices`);
    else {
      const err = checkSliceSubnet(s.sliceSubnet);
      if (err) problems.push(`${at}: ${err}`);
      const other = subnets.get(s.sliceSubnet);
      if (other)
        problems.push(
          `${at}: sliceSubnet ${s.sliceSubnet} is already used by slice ${other}`,
        );
      subnets.set(s.sliceSubnet, s.name);
    }
    if (s?.standardQosProfileName && s?.qosProfileDetails)
      problems.push(
        `${at}: set only one of standardQosProfileName and qosProfileDetails`,
      );
    const profiles = [
      'default',
      ...(project.qosProfiles ?? []).map(q => q.name),
    ];
    if (
      s?.standardQosProfileName &&
      !profiles.includes(s.standardQosProfileName)
    ) {
      problems.push(
        `${at}.standardQosProfileName: no SliceQoSConfig named ${s.standardQosProfileName} in project ${project.name}`,
      );
    }
    const q = s?.qosProfileDetails;
    if (q && q.bandwidthCeilingKbps < q.bandwidthGuaranteedKbps)
      problems.push(
        `${at}.qosProfileDetails: bandwidthCeilingKbps must be >= bandwidthGuaranteedKbps`,
      );
  }
  checkBindings(
    `${at}.applicationNamespaces`,
    s?.applicationNamespaces,
    members,
    problems,
  );
  checkBindings(
    `${at}.allowedNamespaces`,
    s?.allowedNamespaces,
    members,
    problems,
  );
  for (const [k, svc] of (s?.services ?? []).entries()) {
    const sat = `${at}.services[${k}]`;
    if (mode === 'no-network')
      problems.push(
        `${sat}: services cannot be exported on a no-network slice`,
      );
    if (!svc?.name || !DNS_LABEL.test(svc.name))
      problems.push(`${sat}.name must be a DNS label`);
    const binding = (s.applicationNamespaces ?? []).find(
      b => b.namespace === svc?.namespace,
    );
    const pending = svc?.onboarded === false;
    if (svc?.onboarded !== undefined && typeof svc.onboarded !== 'boolean')
      problems.push(`${sat}.onboarded must be a boolean`);
    if (!binding && !pending)
      problems.push(
        `${sat}.namespace ${svc?.namespace} is not an application namespace of the slice`,
      );
    if (pending && !DNS_LABEL.test(String(svc.namespace ?? '')))
      problems.push(`${sat}.namespace must be a DNS label`);
    for (const c of svc?.exportedFrom ?? []) {
      if (!members.includes(c))
        problems.push(`${sat}.exportedFrom: ${c} is not a member of the slice`);
      else if (
        pending &&
        binding &&
        bindingClusters(binding, members).includes(c)
      )
        problems.push(
          `${sat}: onboarded is false, but namespace ${svc.namespace} is onboarded on ${c}`,
        );
      else if (
        !pending &&
        binding &&
        !bindingClusters(binding, members).includes(c)
      )
        problems.push(
          `${sat}.exportedFrom: namespace ${svc.namespace} is not onboarded on ${c}`,
        );
    }
    if (!Array.isArray(svc?.exportedFrom) || svc.exportedFrom.length === 0)
      problems.push(`${sat}.exportedFrom must list at least one cluster`);
    if (!Array.isArray(svc?.ports) || svc.ports.length === 0)
      problems.push(`${sat}.ports must list at least one port`);
  }
}

/** Checks a parsed scenario against the format and KubeSlice's own admission rules. */
export function validateScenario(
  input: unknown,
  source = 'scenario',
): ScenarioSpec {
  const problems: string[] = [];
  const spec = input as ScenarioSpec;
  if (!spec || typeof spec !== 'object')
    throw new ScenarioError(source, ['the document must be a mapping']);
  if (typeof spec.name !== 'string' || !spec.name)
    problems.push('name is required');
  if (typeof spec.hub?.name !== 'string' || !DNS_LABEL.test(spec.hub.name))
    problems.push('hub.name must be a DNS label');
  if (!Array.isArray(spec.projects) || spec.projects.length === 0)
    problems.push('projects must list at least one project');
  const clusterOwner = new Map<string, string>();
  const subnets = new Map<string, string>();
  for (const [i, p] of (spec.projects ?? []).entries()) {
    const at = `projects[${i}]`;
    if (
      typeof p?.name !== 'string' ||
      !DNS_LABEL.test(p.name) ||
      p.name.length > 30
    )
      problems.push(
        `${at}.name "${p?.name}" must be a DNS label of at most 30 characters`,
      );
    for (const [j, c] of (p?.clusters ?? []).entries()) {
      checkCluster(c, `${at}.clusters[${j}]`, problems);
      if (c?.name === spec.hub?.name)
        problems.push(`${at}.clusters[${j}]: ${c.name} is the hub's name`);
      const owner = clusterOwner.get(c?.name);
      if (owner)
        problems.push(
          `${at}.clusters[${j}]: cluster ${c.name} already belongs to project ${owner} (a worker registers with one project)`,
        );
      clusterOwner.set(c?.name, p?.name);
    }
    const sliceNames = new Set<string>();
    for (const [j, s] of (p?.slices ?? []).entries()) {
      checkSlice(s, `${at}.slices[${j}]`, p, problems, subnets);
      if (sliceNames.has(s?.name))
        problems.push(`${at}.slices[${j}]: duplicate slice ${s.name}`);
      sliceNames.add(s?.name);
    }
  }
  if (problems.length) throw new ScenarioError(source, problems);
  return spec;
}
