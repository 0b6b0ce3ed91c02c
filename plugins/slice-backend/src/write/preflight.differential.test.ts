import { startFleetSim, type FleetSim } from '@slice-portal/fleet-sim';
import {
  hasPreflightErrors,
  preflightCluster,
  preflightQos,
  preflightSliceConfig,
  type PreflightCode,
  type PreflightFleet,
  type PreflightResult,
} from '@slice-portal/plugin-slice-common';
import fs from 'fs';
import os from 'os';
import path from 'path';
import {
  CONTROLLER,
  HubClient,
  WORKER,
  verdictOf,
  type Verdict,
} from './preflight.differential.helpers';
import { START_TIMEOUT_MS } from '../__testUtils__/processes';

/**
 * Differential test of the portal's SliceConfig preflight (slice-common,
 * written from REFERENCE §2.3) against the simulator's admission webhooks
 * (fleet-sim, written independently from the same reference), over HTTPS
 * with client-node. Every case is judged by both on the same hub state: the
 * preflight fleet view is read from the simulator right before the case,
 * and the write is sent with `dryRun=All`, so cases do not affect each other.
 *
 * Agreement means: preflight has no `error` result ⇔ the API accepted.
 * Each case also pins the expected verdict and the preflight codes that
 * explain it, so a rule that silently stops firing on both sides fails too.
 */

const ARCADE = 'kubeslice-arcade';
const ACME = 'kubeslice-acme';
type Obj = Record<string, any>;
type Op = 'create' | 'update' | 'delete';

type Kind = 'SliceConfig' | 'Cluster' | 'SliceQoSConfig';

interface Case {
  title: string;
  op: Op;
  /** Default SliceConfig. */
  kind?: Kind;
  /** create: the SliceConfig to send. */
  object?: Obj;
  /** update/delete: name of the stored SliceConfig (in `ns`). */
  target?: string;
  ns?: string;
  /** update: edits a copy of the stored object into the proposed one. */
  change?: (slice: Obj) => void;
  /** The verdict REFERENCE calls for, which preflight must give. */
  expect: 'accept' | 'reject';
  /** Error codes preflight must report (at least these). */
  errors?: PreflightCode[];
  /** Warning codes preflight must report (at least these). */
  warnings?: PreflightCode[];
  /**
   * A case where the simulator does not do what REFERENCE says. It is left
   * out of the agreement check; instead both verdicts are pinned, so a fix
   * on either side shows up here and the exclusion can be dropped.
   */
  disagreement?: { simulator: 'accept' | 'reject'; note: string };
}

// ------------------------------------------------------------------ fixtures

const sliceConfig = (name: string, spec: Obj, ns = ARCADE): Obj => ({
  apiVersion: `${CONTROLLER}/v1alpha1`,
  kind: 'SliceConfig',
  metadata: { name, namespace: ns },
  spec,
});

/** A network slice on two healthy arcade clusters that both sides accept. */
const net = (spec: Obj = {}): Obj => ({
  sliceSubnet: '10.50.0.0/16',
  maxClusters: 4,
  clusters: ['aws-east', 'gcp-west'],
  sliceType: 'Application',
  sliceIpamType: 'Local',
  sliceGatewayProvider: { sliceGatewayType: 'OpenVPN', sliceCaType: 'Local' },
  standardQosProfileName: 'default',
  ...spec,
});

const noNet = (spec: Obj = {}): Obj => ({
  overlayNetworkDeploymentMode: 'no-network',
  maxClusters: 4,
  clusters: ['aws-east', 'gcp-west'],
  ...spec,
});

const qos = (details: Obj = {}): Obj => ({
  standardQosProfileName: undefined,
  qosProfileDetails: {
    queueType: 'HTB',
    tcType: 'BANDWIDTH_CONTROL',
    priority: 1,
    bandwidthCeilingKbps: 50000,
    bandwidthGuaranteedKbps: 10000,
    dscpClass: 'AF21',
    ...details,
  },
});

const apps = (applicationNamespaces: Obj[], allowedNamespaces?: Obj[]) => ({
  namespaceIsolationProfile: { applicationNamespaces, allowedNamespaces },
});

const provider = (sliceGatewayServiceType: Obj[]) => ({
  sliceGatewayProvider: {
    sliceGatewayType: 'OpenVPN',
    sliceCaType: 'Local',
    sliceGatewayServiceType,
  },
});

const create = (
  title: string,
  name: string,
  spec: Obj,
  expected: Omit<Case, 'title' | 'op' | 'object'>,
  ns = ARCADE,
): Case => ({
  title,
  op: 'create',
  object: sliceConfig(name, spec, ns),
  ...expected,
});

const update = (
  title: string,
  target: string,
  change: (slice: Obj) => void,
  expected: Omit<Case, 'title' | 'op' | 'target' | 'change'>,
): Case => ({ title, op: 'update', target, change, ...expected });

const remove = (
  title: string,
  target: string,
  expected: Omit<Case, 'title' | 'op' | 'target'>,
): Case => ({ title, op: 'delete', target, ...expected });

const unique = (codes: string[]) => [...new Set(codes)].sort();
const HOUR = 3600 * 1000;
const iso = (ms: number) =>
  new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

// --------------------------------------------------------------------- cases

const CASES: Case[] = [
  // naming and namespace
  create('valid network slice', 'arena', net(), { expect: 'accept' }),
  create('valid no-network slice', 'arena', noNet(), { expect: 'accept' }),
  create('upper-case name', 'Arena', net(), {
    expect: 'reject',
    errors: ['name.invalid'],
  }),
  create('name with "_"', 'are_na', net(), {
    expect: 'reject',
    errors: ['name.invalid'],
  }),
  create(
    'name over 15 characters: only a warning',
    'averyverylongslicename',
    net(),
    {
      expect: 'accept',
      warnings: ['name.tooLong'],
    },
  ),
  create(
    'not a project namespace',
    'arena',
    net({ clusters: [] }),
    {
      expect: 'reject',
      // No project, so no "default" QoS profile there either.
      errors: ['namespace.notProject', 'qos.profileNotFound'],
    },
    'kubeslice-controller',
  ),

  // subnet
  create('public subnet', 'arena', net({ sliceSubnet: '11.50.0.0/16' }), {
    expect: 'reject',
    errors: ['subnet.notPrivate'],
  }),
  create('/24 subnet', 'arena', net({ sliceSubnet: '10.50.0.0/24' }), {
    expect: 'reject',
    errors: ['subnet.notSlash16'],
  }),
  create(
    'subnet not ending in .0.0',
    'arena',
    net({ sliceSubnet: '10.50.3.0/16' }),
    {
      expect: 'reject',
      errors: ['subnet.notNetworkAddress'],
    },
  ),
  create('subnet that is no CIDR', 'arena', net({ sliceSubnet: 'ten-fifty' }), {
    expect: 'reject',
    errors: ['subnet.invalid'],
  }),
  create(
    'network slice without subnet',
    'arena',
    net({ sliceSubnet: undefined }),
    {
      expect: 'reject',
      errors: ['subnet.required'],
    },
  ),
  create(
    '172.16/12 and 192.168/16 are private too',
    'arena',
    net({ sliceSubnet: '172.31.0.0/16', clusters: ['spare-1', 'spare-2'] }),
    {
      expect: 'accept',
    },
  ),
  create(
    'subnet overlapping a member CNI subnet',
    'arena',
    net({ sliceSubnet: '10.77.0.0/16', clusters: ['aws-east', 'cni-1'] }),
    {
      expect: 'reject',
      errors: ['subnet.overlapsCni'],
    },
  ),
  create(
    'subnet of another slice on a shared cluster: accepted, warned',
    'arena',
    net({ sliceSubnet: '10.1.0.0/16' }),
    {
      expect: 'accept',
      warnings: ['subnet.overlapsSlice'],
    },
  ),
  create(
    'subnet with a leading-zero octet',
    'arena',
    net({ sliceSubnet: '010.50.0.0/16' }),
    {
      expect: 'reject',
      errors: ['subnet.invalid'],
      disagreement: {
        simulator: 'accept',
        // REFERENCE §2.3 only says "a private (RFC 1918) IPv4 CIDR". Preflight
        // parses like Go's net.ParseCIDR (the controller is Go), which refuses
        // leading zeros since Go 1.17; the simulator reads "010" as 10. Not a
        // REFERENCE rule either way: preflight is deliberately the stricter side.
        note: 'preflight stricter than the simulator on leading zeros; REFERENCE silent',
      },
    },
  ),

  // maxClusters
  create(
    'maxClusters 1',
    'arena',
    net({ maxClusters: 1, clusters: ['aws-east'] }),
    {
      expect: 'reject',
      errors: ['maxClusters.outOfRange'],
    },
  ),
  create('maxClusters 33', 'arena', net({ maxClusters: 33 }), {
    expect: 'reject',
    errors: ['maxClusters.outOfRange'],
  }),
  create('maxClusters 32', 'arena', net({ maxClusters: 32 }), {
    expect: 'accept',
  }),
  create(
    'maxClusters below the member count',
    'arena',
    net({ maxClusters: 2, clusters: ['aws-east', 'gcp-west', 'azure-eu'] }),
    {
      expect: 'reject',
      errors: ['maxClusters.belowMembers'],
    },
  ),
  create(
    'maxClusters left out (schema default 16)',
    'arena',
    net({ maxClusters: undefined }),
    { expect: 'accept' },
  ),
  create('maxClusters not a whole number', 'arena', net({ maxClusters: 4.5 }), {
    expect: 'reject',
    errors: ['schema.type'],
  }),

  // clusters
  create('unknown cluster', 'arena', net({ clusters: ['aws-east', 'ghost'] }), {
    expect: 'reject',
    errors: ['cluster.notFound'],
  }),
  create(
    "another project's cluster",
    'arena',
    net({ clusters: ['aws-east', 'aws-eu'] }),
    {
      expect: 'reject',
      errors: ['cluster.notFound'],
    },
  ),
  create(
    'cluster not registered yet',
    'arena',
    net({ clusters: ['aws-east', 'pend-1'] }),
    {
      expect: 'reject',
      errors: ['cluster.notRegistered'],
    },
  ),
  create(
    'unhealthy cluster (edge-nyc forwarder Warning)',
    'arena',
    net({ clusters: ['aws-east', 'edge-nyc'] }),
    {
      expect: 'reject',
      errors: ['cluster.unhealthy'],
    },
  ),
  create(
    'cluster without node IPs',
    'arena',
    net({ clusters: ['aws-east', 'noip-1'] }),
    {
      expect: 'reject',
      errors: ['cluster.noNodeIPs'],
    },
  ),
  create(
    'cluster without NSM in a network slice',
    'arena',
    net({ clusters: ['aws-east', 'nonet-1'] }),
    {
      expect: 'reject',
      errors: ['cluster.noNetwork', 'cluster.noCniSubnet'],
    },
  ),
  create(
    'cluster without NSM in a no-network slice',
    'arena',
    noNet({ clusters: ['aws-east', 'nonet-1'] }),
    {
      expect: 'accept',
    },
  ),
  create(
    'unhealthy cluster in a no-network slice',
    'arena',
    noNet({ clusters: ['aws-east', 'edge-nyc'] }),
    {
      expect: 'reject',
      errors: ['cluster.unhealthy'],
    },
  ),
  create(
    'duplicate cluster',
    'arena',
    net({ clusters: ['aws-east', 'gcp-west', 'aws-east'] }),
    {
      expect: 'reject',
      errors: ['cluster.duplicate'],
    },
  ),

  // namespaces
  create(
    'application namespaces, "*" and explicit',
    'arena',
    net(
      apps(
        [
          { namespace: 'games', clusters: ['*'] },
          { namespace: 'scores', clusters: ['gcp-west'] },
        ],
        [{ namespace: 'monitoring', clusters: ['*'] }],
      ),
    ),
    { expect: 'accept' },
  ),
  create(
    'namespace with "_"',
    'arena',
    net(apps([{ namespace: 'bad_ns', clusters: ['aws-east'] }])),
    {
      expect: 'reject',
      errors: ['namespace.invalidName'],
    },
  ),
  create(
    '"*" together with a cluster',
    'arena',
    net(apps([{ namespace: 'games', clusters: ['*', 'aws-east'] }])),
    {
      expect: 'reject',
      errors: ['namespace.starNotAlone'],
    },
  ),
  create(
    'namespace on a non-member',
    'arena',
    net(apps([{ namespace: 'games', clusters: ['azure-eu'] }])),
    {
      expect: 'reject',
      errors: ['namespace.clusterNotMember'],
    },
  ),
  create(
    'namespace without clusters',
    'arena',
    net(apps([{ namespace: 'games' }])),
    {
      expect: 'reject',
      errors: ['namespace.incomplete'],
    },
  ),
  create(
    'namespace listed twice',
    'arena',
    net(
      apps([
        { namespace: 'games', clusters: ['aws-east'] },
        { namespace: 'games', clusters: ['gcp-west'] },
      ]),
    ),
    { expect: 'reject', errors: ['namespace.duplicate'] },
  ),
  create(
    'cluster listed twice for a namespace',
    'arena',
    net(apps([{ namespace: 'games', clusters: ['aws-east', 'aws-east'] }])),
    {
      expect: 'reject',
      errors: ['namespace.clusterDuplicate'],
    },
  ),
  create(
    "namespace another slice owns there (pacman's)",
    'arena',
    net(apps([{ namespace: 'pacman', clusters: ['*'] }])),
    {
      expect: 'reject',
      errors: ['namespace.boundToOtherSlice'],
    },
  ),
  create(
    'allowed namespace on a non-member',
    'arena',
    net(apps([], [{ namespace: 'monitoring', clusters: ['edge-nyc'] }])),
    {
      expect: 'reject',
      errors: ['namespace.clusterNotMember'],
    },
  ),
  create(
    'allowed namespace owned by another slice (no ownership rule)',
    'arena',
    net(apps([], [{ namespace: 'pacman', clusters: ['*'] }])),
    {
      expect: 'accept',
    },
  ),
  create(
    'upper-case namespace: hub accepts, warned',
    'arena',
    net(apps([{ namespace: 'Games', clusters: ['aws-east'] }])),
    {
      expect: 'accept',
      warnings: ['namespace.notDnsLabel'],
    },
  ),
  create(
    '"*" in the default slice',
    'arcade-default-slice',
    noNet(apps([{ namespace: 'games', clusters: ['*'] }])),
    {
      expect: 'reject',
      errors: ['namespace.starInDefaultSlice'],
    },
  ),
  create(
    'explicit clusters in the default slice',
    'arcade-default-slice',
    noNet(apps([{ namespace: 'games', clusters: ['aws-east'] }])),
    {
      expect: 'accept',
    },
  ),
  create(
    '"*" in allowed namespaces of the default slice',
    'arcade-default-slice',
    noNet(apps([], [{ namespace: 'monitoring', clusters: ['*'] }])),
    {
      expect: 'reject',
      errors: ['namespace.starInDefaultSlice'],
      disagreement: {
        simulator: 'accept',
        // REFERENCE §2.3 lists '"*" is not allowed in the default slice' under
        // applicationNamespaces and says allowedNamespaces follow "the same
        // rules, minus the ownership check"; the simulator applies the "*"
        // rule to applicationNamespaces only.
        note: 'REFERENCE §2.3 allowedNamespaces "same rules" vs simulator',
      },
    },
  ),

  // QoS
  create(
    'no QoS on a network slice',
    'arena',
    net({ standardQosProfileName: undefined }),
    {
      expect: 'reject',
      errors: ['qos.exactlyOne'],
    },
  ),
  create(
    'both QoS profile and details',
    'arena',
    net({ ...qos(), standardQosProfileName: 'default' }),
    {
      expect: 'reject',
      errors: ['qos.exactlyOne'],
    },
  ),
  create(
    'unknown QoS profile',
    'arena',
    net({ standardQosProfileName: 'gold' }),
    {
      expect: 'reject',
      errors: ['qos.profileNotFound'],
    },
  ),
  create(
    'acme has the gold profile',
    'vault',
    net({ standardQosProfileName: 'gold', clusters: ['aws-eu', 'azure-us'] }),
    {
      expect: 'accept',
    },
    ACME,
  ),
  create('inline QoS', 'arena', net(qos()), { expect: 'accept' }),
  create(
    'ceiling below guarantee',
    'arena',
    net(qos({ bandwidthCeilingKbps: 9999 })),
    {
      expect: 'reject',
      errors: ['qos.ceilingBelowGuaranteed'],
    },
  ),
  create(
    'ceiling equal to guarantee',
    'arena',
    net(qos({ bandwidthCeilingKbps: 10000 })),
    { expect: 'accept' },
  ),
  create('priority 7: accepted, warned', 'arena', net(qos({ priority: 7 })), {
    expect: 'accept',
    warnings: ['qos.priorityOutOfRange'],
  }),
  create('unknown dscpClass', 'arena', net(qos({ dscpClass: 'AF99' })), {
    expect: 'reject',
    errors: ['schema.enum'],
  }),
  create(
    'QoS details without priority',
    'arena',
    net(qos({ priority: undefined })),
    {
      expect: 'reject',
      errors: ['schema.required'],
    },
  ),
  create(
    'QoS details with queueType/tcType left to defaults',
    'arena',
    net(qos({ queueType: undefined, tcType: undefined })),
    {
      expect: 'accept',
    },
  ),
  create(
    'bad QoS on a no-network slice is not judged',
    'arena',
    noNet(qos({ bandwidthCeilingKbps: 1 })),
    {
      expect: 'accept',
      warnings: ['qos.ignored'],
    },
  ),

  // overlay, gateways, external gateways, VPN
  create(
    'unknown overlay mode',
    'arena',
    net({ overlayNetworkDeploymentMode: 'l3-overlay' }),
    {
      expect: 'reject',
      errors: ['schema.enum'],
    },
  ),
  create(
    'multi-network slice',
    'arena',
    net({ overlayNetworkDeploymentMode: 'multi-network' }),
    { expect: 'accept' },
  ),
  create(
    'network slice without gateway provider',
    'arena',
    net({ sliceGatewayProvider: undefined }),
    {
      expect: 'reject',
      errors: ['gateway.providerRequired'],
    },
  ),
  create(
    'unknown gateway type',
    'arena',
    net({
      sliceGatewayProvider: { sliceGatewayType: 'IPSec', sliceCaType: 'Local' },
    }),
    {
      expect: 'reject',
      errors: ['schema.enum'],
    },
  ),
  create(
    'gateway service types for a member and "*"',
    'arena',
    net(
      provider([
        { cluster: 'aws-east', type: 'LoadBalancer', protocol: 'TCP' },
        { cluster: '*' },
      ]),
    ),
    { expect: 'accept' },
  ),
  create(
    'gateway service type for a non-member',
    'arena',
    net(provider([{ cluster: 'azure-eu' }])),
    {
      expect: 'reject',
      errors: ['gateway.serviceClusterNotMember'],
    },
  ),
  create(
    'gateway service type twice for a cluster',
    'arena',
    net(
      provider([
        { cluster: 'aws-east' },
        { cluster: 'aws-east', type: 'LoadBalancer' },
      ]),
    ),
    {
      expect: 'reject',
      errors: ['gateway.serviceClusterDuplicate'],
    },
  ),
  create(
    'gateway service type without cluster',
    'arena',
    net(provider([{ cluster: '', type: 'NodePort' }])),
    {
      expect: 'reject',
      errors: ['gateway.serviceClusterRequired'],
    },
  ),
  create(
    'unknown gateway service type',
    'arena',
    net(provider([{ cluster: 'aws-east', type: 'ClusterIP' }])),
    {
      expect: 'reject',
      errors: ['schema.enum'],
    },
  ),
  create(
    'external gateways, "*" alone',
    'arena',
    net({ externalGatewayConfig: [{ clusters: ['*'], gatewayType: 'istio' }] }),
    {
      expect: 'accept',
    },
  ),
  create(
    'external gateway "*" with a cluster',
    'arena',
    net({ externalGatewayConfig: [{ clusters: ['*', 'aws-east'] }] }),
    {
      expect: 'reject',
      errors: ['externalGateway.starNotAlone'],
    },
  ),
  create(
    'external gateway "*" in two entries',
    'arena',
    net({ externalGatewayConfig: [{ clusters: ['*'] }, { clusters: ['*'] }] }),
    {
      expect: 'reject',
      errors: ['externalGateway.starRepeated'],
    },
  ),
  create(
    'external gateway cluster in two entries',
    'arena',
    net({
      externalGatewayConfig: [
        { clusters: ['aws-east'] },
        { clusters: ['aws-east', 'gcp-west'] },
      ],
    }),
    {
      expect: 'reject',
      errors: ['externalGateway.clusterDuplicate'],
    },
  ),
  create(
    'external gateway on a non-member',
    'arena',
    net({ externalGatewayConfig: [{ clusters: ['edge-nyc'] }] }),
    {
      expect: 'reject',
      errors: ['externalGateway.clusterNotMember'],
    },
  ),
  create(
    'unknown external gateway type',
    'arena',
    net({
      externalGatewayConfig: [{ clusters: ['aws-east'], gatewayType: 'nginx' }],
    }),
    {
      expect: 'reject',
      errors: ['schema.enum'],
    },
  ),
  create('unknown VPN cipher', 'arena', net({ vpnConfig: { cipher: 'DES' } }), {
    expect: 'reject',
    errors: ['schema.enum'],
  }),
  create(
    'AES-128-CBC cipher',
    'arena',
    net({ vpnConfig: { cipher: 'AES-128-CBC' } }),
    { expect: 'accept' },
  ),
  create(
    'cipher on a no-network slice (webhook drops vpnConfig)',
    'arena',
    noNet({ vpnConfig: { cipher: 'AES-128-CBC' } }),
    {
      expect: 'accept',
    },
  ),
  create('rotationInterval 10 days', 'arena', net({ rotationInterval: 10 }), {
    expect: 'reject',
    errors: ['schema.range'],
  }),

  // updates of existing slices
  update('pacman unchanged', 'pacman', () => {}, { expect: 'accept' }),
  update(
    'pacman subnet',
    'pacman',
    s => {
      s.spec.sliceSubnet = '10.9.0.0/16';
    },
    {
      expect: 'reject',
      errors: ['field.immutable'],
    },
  ),
  update(
    'pacman maxClusters',
    'pacman',
    s => {
      s.spec.maxClusters = 20;
    },
    {
      expect: 'reject',
      errors: ['field.immutable'],
    },
  ),
  update(
    'pacman maxClusters left out (defaults to the stored 16)',
    'pacman',
    s => {
      delete s.spec.maxClusters;
    },
    {
      expect: 'accept',
    },
  ),
  update(
    'leaderboard maxClusters left out (defaults to 16, stored 4)',
    'leaderboard',
    s => {
      delete s.spec.maxClusters;
    },
    {
      expect: 'reject',
      errors: ['field.immutable'],
    },
  ),
  update(
    'pacman sliceType',
    'pacman',
    s => {
      s.spec.sliceType = 'Platform';
    },
    {
      expect: 'reject',
      errors: ['field.immutable'],
    },
  ),
  update(
    'pacman gateway type',
    'pacman',
    s => {
      s.spec.sliceGatewayProvider.sliceGatewayType = 'Wireguard';
    },
    {
      expect: 'reject',
      errors: ['field.immutable'],
    },
  ),
  update(
    'pacman CA type',
    'pacman',
    s => {
      s.spec.sliceGatewayProvider.sliceCaType = 'Vault';
    },
    {
      expect: 'reject',
      errors: ['field.immutable'],
    },
  ),
  update(
    'pacman IPAM type',
    'pacman',
    s => {
      s.spec.sliceIpamType = 'Dynamic';
    },
    {
      expect: 'reject',
      errors: ['field.immutable'],
    },
  ),
  update(
    'pacman cipher',
    'pacman',
    s => {
      s.spec.vpnConfig = { cipher: 'AES-128-CBC' };
    },
    {
      expect: 'reject',
      errors: ['field.immutable'],
    },
  ),
  update(
    'pacman to multi-network',
    'pacman',
    s => {
      s.spec.overlayNetworkDeploymentMode = 'multi-network';
    },
    {
      expect: 'reject',
      errors: ['overlayMode.transitionNotAllowed'],
    },
  ),
  update(
    'pacman to no-network',
    'pacman',
    s => {
      s.spec.overlayNetworkDeploymentMode = 'no-network';
    },
    {
      expect: 'reject',
      // The mutating webhook drops vpnConfig of a no-network slice, so the cipher "changes" too.
      errors: ['overlayMode.transitionNotAllowed', 'field.immutable'],
    },
  ),
  update(
    'pacman adds a healthy cluster',
    'pacman',
    s => {
      s.spec.clusters.push('spare-1');
    },
    { expect: 'accept' },
  ),
  update(
    'pacman adds an unhealthy cluster',
    'pacman',
    s => {
      s.spec.clusters.push('edge-nyc');
    },
    {
      expect: 'reject',
      errors: ['cluster.unhealthy'],
    },
  ),
  update(
    'pacman adds an unregistered cluster',
    'pacman',
    s => {
      s.spec.clusters.push('pend-1');
    },
    {
      expect: 'reject',
      errors: ['cluster.notRegistered'],
    },
  ),
  update(
    'pacman adds a cluster without NSM',
    'pacman',
    s => {
      s.spec.clusters.push('nonet-1');
    },
    {
      expect: 'reject',
      errors: ['cluster.noNetwork', 'cluster.noCniSubnet'],
    },
  ),
  update(
    'quiet adds a cluster whose CNI overlaps its subnet',
    'quiet',
    s => {
      s.spec.clusters.push('cni-1');
    },
    {
      expect: 'reject',
      errors: ['subnet.overlapsCni'],
    },
  ),
  update(
    'pacman removes a member',
    'pacman',
    s => {
      s.spec.clusters = ['aws-east', 'gcp-west'];
    },
    { expect: 'accept' },
  ),
  update(
    "pacman onboards leaderboard's namespace on aws-east",
    'pacman',
    s => {
      s.spec.namespaceIsolationProfile.applicationNamespaces.push({
        namespace: 'leaderboard',
        clusters: ['aws-east'],
      });
    },
    { expect: 'reject', errors: ['namespace.boundToOtherSlice'] },
  ),
  update(
    'pacman onboards a new namespace',
    'pacman',
    s => {
      s.spec.namespaceIsolationProfile.applicationNamespaces.push({
        namespace: 'games',
        clusters: ['aws-east'],
      });
    },
    { expect: 'accept' },
  ),
  update(
    'pacman offboards mongodb',
    'pacman',
    s => {
      s.spec.namespaceIsolationProfile.applicationNamespaces =
        s.spec.namespaceIsolationProfile.applicationNamespaces.filter(
          (n: Obj) => n.namespace !== 'mongodb',
        );
    },
    { expect: 'accept' },
  ),
  update(
    'pacman inline QoS with ceiling below guarantee',
    'pacman',
    s => {
      Object.assign(s.spec, qos({ bandwidthCeilingKbps: 1 }));
      delete s.spec.standardQosProfileName;
    },
    { expect: 'reject', errors: ['qos.ceilingBelowGuaranteed'] },
  ),
  update(
    'pacman with both QoS kinds',
    'pacman',
    s => {
      s.spec.qosProfileDetails = qos().qosProfileDetails;
    },
    { expect: 'reject', errors: ['qos.exactlyOne'] },
  ),
  update(
    'pacman turns isolation on',
    'pacman',
    s => {
      s.spec.namespaceIsolationProfile.isolationEnabled = true;
    },
    { expect: 'accept' },
  ),
  update(
    'leaderboard with an unhealthy existing member: accepted, warned',
    'leaderboard',
    s => {
      s.spec.namespaceIsolationProfile.isolationEnabled = true;
    },
    { expect: 'accept', warnings: ['cluster.unhealthy'] },
  ),
  update(
    'leaderboard grows beyond maxClusters 4',
    'leaderboard',
    s => {
      s.spec.clusters.push('gcp-west', 'azure-eu', 'spare-1');
    },
    { expect: 'reject', errors: ['maxClusters.belowMembers'] },
  ),
  update(
    'gwtest LoadBalancer back to NodePort',
    'gwtest',
    s => {
      s.spec.sliceGatewayProvider.sliceGatewayServiceType[0].type = 'NodePort';
    },
    { ns: ACME, expect: 'reject', errors: ['gateway.typeDowngrade'] },
  ),
  update(
    'gwtest gateway protocol change',
    'gwtest',
    s => {
      s.spec.sliceGatewayProvider.sliceGatewayServiceType[0].protocol = 'UDP';
    },
    { ns: ACME, expect: 'reject', errors: ['gateway.protocolChanged'] },
  ),
  update(
    'gwtest NodePort to LoadBalancer',
    'gwtest',
    s => {
      s.spec.sliceGatewayProvider.sliceGatewayServiceType[1].type =
        'LoadBalancer';
    },
    { ns: ACME, expect: 'accept' },
  ),
  update(
    'analytics leaves no-network',
    'analytics',
    s => {
      Object.assign(
        s.spec,
        net({
          clusters: s.spec.clusters,
          maxClusters: s.spec.maxClusters,
          sliceSubnet: '10.40.0.0/16',
          standardQosProfileName: 'gold',
        }),
      );
      s.spec.overlayNetworkDeploymentMode = 'single-network';
    },
    { ns: ACME, expect: 'accept' },
  ),
  update(
    'analytics leaves no-network and changes maxClusters (immutability lifted)',
    'analytics',
    s => {
      Object.assign(
        s.spec,
        net({
          clusters: s.spec.clusters,
          maxClusters: 10,
          sliceSubnet: '10.40.0.0/16',
          standardQosProfileName: 'gold',
        }),
      );
      s.spec.overlayNetworkDeploymentMode = 'multi-network';
    },
    { ns: ACME, expect: 'accept' },
  ),
  update(
    'analytics leaves no-network without a subnet',
    'analytics',
    s => {
      Object.assign(
        s.spec,
        net({
          clusters: s.spec.clusters,
          maxClusters: s.spec.maxClusters,
          sliceSubnet: undefined,
          standardQosProfileName: 'gold',
        }),
      );
      s.spec.overlayNetworkDeploymentMode = 'single-network';
    },
    { ns: ACME, expect: 'reject', errors: ['subnet.required'] },
  ),
  update(
    'pacman rotationInterval 60 days',
    'pacman',
    s => {
      s.spec.rotationInterval = 60;
    },
    { expect: 'accept' },
  ),
  update(
    'pacman rotationInterval 100 days',
    'pacman',
    s => {
      s.spec.rotationInterval = 100;
    },
    {
      expect: 'reject',
      errors: ['schema.range'],
    },
  ),
  update(
    'pacman renewBefore in the past (renew now)',
    'pacman',
    s => {
      s.spec.renewBefore = iso(Date.now() - HOUR);
    },
    {
      expect: 'accept',
    },
  ),
  update(
    'pacman renewBefore in the future',
    'pacman',
    s => {
      s.spec.renewBefore = iso(Date.now() + 24 * HOUR);
    },
    {
      expect: 'reject',
      errors: ['renewBefore.notPast'],
      disagreement: {
        simulator: 'accept',
        // REFERENCE §2.3 (update): a changed renewBefore "must be in the past,
        // and every gateway's VpnKeyRotation ... must be COMPLETE". The
        // simulator's SliceConfig webhook has no renewBefore rule at all.
        note: 'REFERENCE §2.3 renewBefore rule not implemented by the simulator',
      },
    },
  ),

  // deletes
  remove('slice without namespaces or exports', 'quiet', { expect: 'accept' }),
  remove('pacman: namespaces onboarded and services exported', 'pacman', {
    expect: 'reject',
    errors: ['delete.namespacesOnboarded', 'delete.serviceExportsExist'],
  }),
  remove('analytics: namespaces onboarded (no-network slice)', 'analytics', {
    ns: ACME,
    expect: 'reject',
    errors: ['delete.namespacesOnboarded'],
  }),
  remove('busy: namespaces still listed', 'busy', {
    expect: 'reject',
    errors: ['delete.namespacesOnboarded'],
  }),
  remove('deboard: worker still offboarding', 'deboard', {
    expect: 'reject',
    errors: ['delete.deboardingInProgress'],
  }),
  remove('exported: a ServiceExportConfig remains', 'exported', {
    expect: 'reject',
    errors: ['delete.serviceExportsExist'],
  }),
];

/** Cluster registration and SliceQoSConfig writes, judged the same way (REFERENCE §2.2, §2.4). */
const clusterObject = (name: string, spec: Obj): Obj => ({
  apiVersion: `${CONTROLLER}/v1alpha1`,
  kind: 'Cluster',
  metadata: { name, namespace: ARCADE },
  spec,
});
const geo = (latitude: string, longitude: string) => ({
  networkInterface: 'eth0',
  clusterProperty: { geoLocation: { latitude, longitude } },
});
const qosObject = (name: string, spec: Obj = {}, ns = ARCADE): Obj => ({
  apiVersion: `${CONTROLLER}/v1alpha1`,
  kind: 'SliceQoSConfig',
  metadata: { name, namespace: ns },
  spec: {
    queueType: 'HTB',
    tcType: 'BANDWIDTH_CONTROL',
    priority: 2,
    bandwidthCeilingKbps: 30000,
    bandwidthGuaranteedKbps: 3000,
    dscpClass: 'AF31',
    ...spec,
  },
});

const OTHER_CASES: Case[] = [
  {
    title: 'register a cluster',
    kind: 'Cluster',
    op: 'create',
    object: clusterObject('new-1', geo('52.37', '4.89')),
    expect: 'accept',
  },
  {
    title: 'latitude 91',
    kind: 'Cluster',
    op: 'create',
    object: clusterObject('new-1', geo('91', '0')),
    expect: 'reject',
    errors: ['geo.latitudeInvalid'],
  },
  {
    title: 'longitude not a number',
    kind: 'Cluster',
    op: 'create',
    object: clusterObject('new-1', geo('0', '4.89E')),
    expect: 'reject',
    errors: ['geo.longitudeInvalid'],
  },
  {
    title: 'latitude in exponent notation',
    kind: 'Cluster',
    op: 'create',
    object: clusterObject('new-1', geo('1e1', '0')),
    expect: 'accept',
    disagreement: {
      simulator: 'reject',
      // REFERENCE §2.2: latitude/longitude "must parse as floats" in range;
      // "1e1" is the float 10. The simulator only takes -?digits(.digits).
      note: 'REFERENCE §2.2 "parse as floats" vs the simulator\'s decimal-only pattern',
    },
  },
  {
    title: 'node IPs v4 and v6',
    kind: 'Cluster',
    op: 'create',
    object: clusterObject('new-1', { nodeIPs: ['192.0.2.7', '2001:db8::7'] }),
    expect: 'accept',
  },
  {
    title: 'node IP that is a host name',
    kind: 'Cluster',
    op: 'create',
    object: clusterObject('new-1', { nodeIPs: ['gw.example.com'] }),
    expect: 'reject',
    errors: ['nodeIP.invalid'],
  },
  {
    title: 'deregister a cluster in no slice',
    kind: 'Cluster',
    op: 'delete',
    target: 'pend-1',
    expect: 'accept',
  },
  {
    title: 'deregister a cluster in a slice',
    kind: 'Cluster',
    op: 'delete',
    target: 'aws-east',
    expect: 'reject',
    errors: ['cluster.inUse'],
  },
  {
    title: 'QoS profile',
    kind: 'SliceQoSConfig',
    op: 'create',
    object: qosObject('silver-2'),
    expect: 'accept',
  },
  {
    title: 'QoS profile ceiling below guarantee',
    kind: 'SliceQoSConfig',
    op: 'create',
    object: qosObject('silver-2', { bandwidthCeilingKbps: 100 }),
    expect: 'reject',
    errors: ['qos.ceilingBelowGuaranteed'],
  },
  {
    title: 'QoS profile queueType other than HTB (enum)',
    kind: 'SliceQoSConfig',
    op: 'create',
    object: qosObject('silver-2', { queueType: 'FQ' }),
    expect: 'reject',
    errors: ['schema.enum'],
  },
  {
    title: 'QoS profile without dscpClass',
    kind: 'SliceQoSConfig',
    op: 'create',
    object: qosObject('silver-2', { dscpClass: undefined }),
    expect: 'reject',
    errors: ['schema.required'],
  },
  {
    title: 'QoS profile priority 5: accepted, warned',
    kind: 'SliceQoSConfig',
    op: 'create',
    object: qosObject('silver-2', { priority: 5 }),
    expect: 'accept',
    warnings: ['qos.priorityOutOfRange'],
  },
  {
    title: 'QoS profile edit',
    kind: 'SliceQoSConfig',
    op: 'update',
    target: 'silver',
    change: q => {
      q.spec.bandwidthCeilingKbps = 40000;
    },
    expect: 'accept',
  },
  {
    title: 'QoS profile edit below guarantee',
    kind: 'SliceQoSConfig',
    op: 'update',
    target: 'silver',
    change: q => {
      q.spec.bandwidthGuaranteedKbps = 90000;
    },
    expect: 'reject',
    errors: ['qos.ceilingBelowGuaranteed'],
  },
  {
    title: 'delete an unused QoS profile',
    kind: 'SliceQoSConfig',
    op: 'delete',
    target: 'silver',
    expect: 'accept',
  },
  {
    title: 'delete the QoS profile pacman uses',
    kind: 'SliceQoSConfig',
    op: 'delete',
    target: 'default',
    expect: 'reject',
    errors: ['qos.inUse'],
  },
  {
    title: 'delete the QoS profile payments uses',
    kind: 'SliceQoSConfig',
    op: 'delete',
    target: 'gold',
    ns: ACME,
    expect: 'reject',
    errors: ['qos.inUse'],
  },
];

// ---------------------------------------------------------------- the test

describe('SliceConfig preflight against the simulator’s admission webhooks', () => {
  let sim: FleetSim;
  let dir: string;
  let hub: HubClient;

  /** Extra arcade clusters, each with one precondition problem (or none). */
  const EXTRA_CLUSTERS: Record<string, Obj> = {
    'pend-1': { registrationStatus: 'Pending' },
    'nonet-1': {
      networkPresent: false,
      cniSubnet: [],
      nodeIPs: ['192.0.2.31'],
    },
    'noip-1': { nodeIPs: [] },
    'cni-1': { cniSubnet: ['10.77.0.0/16', '10.60.128.0/20'] },
    'spare-1': { cniSubnet: ['10.251.0.0/16'] },
    'spare-2': { cniSubnet: ['10.252.0.0/16'] },
  };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'preflight-diff-'));
    const kubeconfigPath = path.join(dir, 'kubeconfig');
    sim = await startFleetSim({
      scenario: 'demo',
      port: 0,
      kubeconfigPath,
      seed: 1,
    });
    hub = new HubClient(kubeconfigPath, 'hub');
    await sim.settle();

    for (const name of Object.keys(EXTRA_CLUSTERS))
      await hub.create('clusters', ARCADE, {
        apiVersion: `${CONTROLLER}/v1alpha1`,
        kind: 'Cluster',
        metadata: { name, namespace: ARCADE },
        spec: { networkInterface: 'eth0' },
      });
    await sim.settle();
    // No worker runs for these: the status is what a worker would have posted.
    for (const [name, status] of Object.entries(EXTRA_CLUSTERS))
      await hub.mergeStatus('clusters', ARCADE, name, {
        registrationStatus: 'Registered',
        networkPresent: true,
        nodeIPs: ['192.0.2.30'],
        cniSubnet: ['10.254.0.0/16'],
        clusterHealth: {
          clusterHealthStatus: 'Normal',
          componentStatuses: [
            { component: 'nsmgr', componentHealthStatus: 'Normal' },
          ],
        },
        ...status,
      });

    const spares = { clusters: ['spare-1', 'spare-2'] };
    await hub.create('sliceqosconfigs', ARCADE, qosObject('silver'));
    await hub.create(
      'sliceconfigs',
      ARCADE,
      sliceConfig('quiet', net({ ...spares, sliceSubnet: '10.60.0.0/16' })),
    );
    await hub.create(
      'sliceconfigs',
      ARCADE,
      sliceConfig('deboard', noNet(spares)),
    );
    await hub.create(
      'sliceconfigs',
      ARCADE,
      sliceConfig('exported', noNet(spares)),
    );
    await hub.create(
      'sliceconfigs',
      ARCADE,
      sliceConfig(
        'busy',
        noNet({
          ...spares,
          ...apps([{ namespace: 'batch', clusters: ['spare-1'] }]),
        }),
      ),
    );
    await hub.create(
      'sliceconfigs',
      ACME,
      sliceConfig(
        'gwtest',
        net({
          clusters: ['aws-eu', 'gcp-asia'],
          sliceSubnet: '10.30.0.0/16',
          standardQosProfileName: 'gold',
          ...provider([
            { cluster: 'aws-eu', type: 'LoadBalancer', protocol: 'TCP' },
            { cluster: '*', type: 'NodePort', protocol: 'UDP' },
          ]),
        }),
        ACME,
      ),
    );
    await sim.settle();
    // An export from spare-1, which has no emulated worker that could retract it.
    await hub.create('serviceexportconfigs', ARCADE, {
      apiVersion: `${CONTROLLER}/v1alpha1`,
      kind: 'ServiceExportConfig',
      metadata: {
        name: 'jobs-batch-spare-1',
        namespace: ARCADE,
        labels: {
          'original-slice-name': 'exported',
          'worker-cluster': 'spare-1',
        },
      },
      spec: {
        serviceName: 'jobs',
        serviceNamespace: 'batch',
        sliceName: 'exported',
        sourceCluster: 'spare-1',
      },
    });
    // deboard's namespaces are gone from the spec, but spare-1 still reports one onboarded.
    await hub.mergeStatus(
      'workersliceconfigs',
      ARCADE,
      'deboard-spare-1',
      { onboardedAppNamespaces: [{ name: 'olddata' }] },
      WORKER,
    );
    await sim.settle();
  }, START_TIMEOUT_MS);

  afterAll(async () => {
    await sim?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }, 20000);

  it('has the fixtures the cases rely on', async () => {
    const fleet = await hub.fleetView();
    const cluster = (name: string) =>
      fleet.clusters!.find(c => c.metadata?.name === name);
    expect(fleet.projectNamespaces).toEqual(
      expect.arrayContaining([ARCADE, ACME]),
    );
    expect(fleet.projectNamespaces).not.toContain('kubeslice-controller');
    expect(
      cluster('edge-nyc')?.status?.clusterHealth?.clusterHealthStatus,
    ).toBe('Warning');
    expect(cluster('pend-1')?.status?.registrationStatus).toBe('Pending');
    expect(cluster('spare-1')?.status?.registrationStatus).toBe('Registered');
    expect(
      cluster('aws-east')?.status?.namespaces?.find(
        n => n.name === 'leaderboard',
      )?.sliceName,
    ).toBe('leaderboard');
    expect(
      cluster('aws-east')?.status?.namespaces?.find(n => n.name === 'pacman')
        ?.sliceName,
    ).toBe('pacman');
    const wsc = (name: string) =>
      fleet.workerSliceConfigs!.find(w => w.metadata?.name === name);
    expect(
      wsc('busy-spare-1')?.spec?.namespaceIsolationProfile
        ?.applicationNamespaces,
    ).toEqual(['batch']);
    expect(wsc('deboard-spare-1')?.status?.onboardedAppNamespaces).toEqual([
      { name: 'olddata' },
    ]);
    expect(
      wsc('deboard-spare-1')?.spec?.namespaceIsolationProfile
        ?.applicationNamespaces ?? [],
    ).toEqual([]);
    expect(fleet.serviceExportConfigs!.map(e => e.metadata?.name)).toContain(
      'jobs-batch-spare-1',
    );
    const rotations = fleet.vpnKeyRotations!.find(
      r => r.metadata?.name === 'pacman',
    );
    expect(
      Object.values(rotations?.status?.currentRotationState ?? {}).length,
    ).toBeGreaterThan(0);
  });

  it('has enough cases, each with a unique title, covering create, update and delete', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
    const all = [...CASES, ...OTHER_CASES];
    expect(new Set(all.map(c => `${c.kind} ${c.title}`)).size).toBe(all.length);
    for (const op of ['create', 'update', 'delete'] as const)
      expect(
        CASES.filter(c => c.op === op && c.expect === 'reject').length,
      ).toBeGreaterThan(0);
    expect(
      all
        .filter(c => c.expect === 'reject' && !c.errors?.length)
        .map(c => c.title),
    ).toEqual([]);
    // A disagreement is only one if the simulator's verdict differs from REFERENCE's.
    expect(
      all
        .filter(c => c.disagreement && c.disagreement.simulator === c.expect)
        .map(c => c.title),
    ).toEqual([]);
  });

  const PLURAL: Record<Kind, string> = {
    SliceConfig: 'sliceconfigs',
    Cluster: 'clusters',
    SliceQoSConfig: 'sliceqosconfigs',
  };

  /** The preflight of a kind, for one operation on the given objects. */
  function runPreflight(
    kind: Kind,
    op: Op,
    objects: { proposed?: Obj; current?: Obj },
    fleet: PreflightFleet,
  ): PreflightResult[] {
    const { proposed, current } = objects;
    if (kind === 'Cluster')
      return op === 'delete'
        ? preflightCluster({ operation: 'delete', current: current!, fleet })
        : preflightCluster({ operation: op, proposed: proposed!, fleet });
    if (kind === 'SliceQoSConfig')
      return op === 'delete'
        ? preflightQos({ operation: 'delete', current: current!, fleet })
        : preflightQos({ operation: op, proposed: proposed!, fleet });
    const now = { now: new Date() };
    if (op === 'create')
      return preflightSliceConfig(
        { operation: 'create', proposed: proposed!, fleet },
        now,
      );
    if (op === 'delete')
      return preflightSliceConfig(
        { operation: 'delete', current: current!, fleet },
        now,
      );
    return preflightSliceConfig(
      { operation: 'update', current: current!, proposed: proposed!, fleet },
      now,
    );
  }

  /** Runs one case through preflight and through the API (dry run), on the same state. */
  async function judge(
    c: Case,
  ): Promise<{ results: PreflightResult[]; api: Verdict }> {
    const kind = c.kind ?? 'SliceConfig';
    const plural = PLURAL[kind];
    const ns = c.ns ?? c.object?.metadata?.namespace ?? ARCADE;
    const fleet = await hub.fleetView();
    const dryRun = { dryRun: true };
    if (c.op === 'create') {
      // JSON drops the `undefined`s the fixtures use for "leave this field out".
      const body = JSON.parse(JSON.stringify(c.object));
      const results = runPreflight(kind, 'create', { proposed: body }, fleet);
      return {
        results,
        api: await verdictOf(() => hub.create(plural, ns, body, dryRun)),
      };
    }
    const current = await hub.get(plural, ns, c.target!);
    if (c.op === 'delete') {
      const results = runPreflight(kind, 'delete', { current }, fleet);
      return {
        results,
        api: await verdictOf(() => hub.delete(plural, ns, c.target!, dryRun)),
      };
    }
    const edited = JSON.parse(JSON.stringify(current));
    c.change!(edited);
    const body = JSON.parse(JSON.stringify(edited));
    const results = runPreflight(
      kind,
      'update',
      { current, proposed: body },
      fleet,
    );
    return {
      results,
      api: await verdictOf(() => hub.replace(plural, ns, body, dryRun)),
    };
  }

  it.each(
    [...CASES, ...OTHER_CASES].map(
      c => [`${c.kind ?? 'SliceConfig'} ${c.op}: ${c.title}`, c] as const,
    ),
  )('%s', async (_title, c) => {
    const { results, api } = await judge(c);
    const preflightAccepts = !hasPreflightErrors(results);
    const errorCodes = results
      .filter(r => r.severity === 'error')
      .map(r => r.code);
    const warningCodes = results
      .filter(r => r.severity === 'warning')
      .map(r => r.code);
    // Shown on failure: both sides' reasons.
    const report = {
      preflight: results.map(
        r => `${r.severity} ${r.code} @ ${r.path}: ${r.message}`,
      ),
      api: api.accepted ? 'accepted' : api.message,
    };

    expect({ ...report, preflightAccepts }).toEqual({
      ...report,
      preflightAccepts: c.expect === 'accept',
    });
    // Exactly the listed errors: a case meant for one rule must not pass because of another.
    expect({ ...report, errors: unique(errorCodes) }).toEqual({
      ...report,
      errors: unique(c.errors ?? []),
    });
    expect(warningCodes).toEqual(expect.arrayContaining(c.warnings ?? []));

    // Agreement: the API accepts exactly when preflight has no error. A
    // disagreement case is excluded from that (see its note) and pins what
    // the simulator does today instead.
    const apiShouldAccept = c.disagreement
      ? c.disagreement.simulator === 'accept'
      : preflightAccepts;
    expect({ ...report, apiAccepts: api.accepted }).toEqual({
      ...report,
      apiAccepts: apiShouldAccept,
    });
  });
});
