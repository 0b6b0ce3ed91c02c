import { seededRandom } from './random';
import type {
  ClusterSpec,
  ProjectSpec,
  ScenarioSpec,
  SliceSpec,
} from './types';

/**
 * `scale:<clusters>x<slices>`: generated fleets for load tests and
 * benchmarks. Deterministic (same name → same fleet), realistic enough that
 * a portal's maps and matrices look like a real estate: clusters spread over
 * real cloud regions and edge sites on every continent, tenants whose
 * clusters span the globe, and slice sizes spread from 2 to 32 members —
 * mostly small, a few large, at least one of 32 — with onboarded namespaces
 * and exported services.
 */

export const SCALE_PATTERN = /^scale:(\d+)x(\d+)$/;
export const MAX_SCALE_CLUSTERS = 200;
/** Network slices need distinct private /16s; `10.<k>.0.0/16` gives 256. */
export const MAX_SCALE_SLICES = 250;
/** Clusters per project (tenant); a 32-member slice needs at least 32. */
const CLUSTERS_PER_PROJECT = 50;

interface Region {
  code: string;
  provider: string;
  region: string;
  latitude: number;
  longitude: number;
  site: string;
}

/** Real cloud regions (approximate coordinates of their metro areas) and a few edge sites. */
const REGIONS: Region[] = [
  ['aws-use1', 'aws', 'us-east-1', 38.95, -77.45, 'AWS N. Virginia'],
  ['aws-use2', 'aws', 'us-east-2', 39.96, -83.0, 'AWS Ohio'],
  ['aws-usw2', 'aws', 'us-west-2', 45.84, -119.7, 'AWS Oregon'],
  ['aws-cac1', 'aws', 'ca-central-1', 45.5, -73.57, 'AWS Montreal'],
  ['aws-sae1', 'aws', 'sa-east-1', -23.55, -46.63, 'AWS Sao Paulo'],
  ['aws-euw1', 'aws', 'eu-west-1', 53.35, -6.26, 'AWS Ireland'],
  ['aws-euc1', 'aws', 'eu-central-1', 50.11, 8.68, 'AWS Frankfurt'],
  ['aws-eun1', 'aws', 'eu-north-1', 59.33, 18.07, 'AWS Stockholm'],
  ['aws-mes1', 'aws', 'me-south-1', 26.07, 50.56, 'AWS Bahrain'],
  ['aws-afs1', 'aws', 'af-south-1', -33.92, 18.42, 'AWS Cape Town'],
  ['aws-aps1', 'aws', 'ap-south-1', 19.08, 72.88, 'AWS Mumbai'],
  ['aws-apse1', 'aws', 'ap-southeast-1', 1.35, 103.82, 'AWS Singapore'],
  ['aws-apse2', 'aws', 'ap-southeast-2', -33.87, 151.21, 'AWS Sydney'],
  ['aws-apne1', 'aws', 'ap-northeast-1', 35.68, 139.69, 'AWS Tokyo'],
  ['gcp-usc1', 'gcp', 'us-central1', 41.26, -95.86, 'Google Cloud Iowa'],
  ['gcp-use4', 'gcp', 'us-east4', 39.04, -77.49, 'Google Cloud N. Virginia'],
  ['gcp-usw1', 'gcp', 'us-west1', 45.6, -121.18, 'Google Cloud Oregon'],
  [
    'gcp-sae1',
    'gcp',
    'southamerica-east1',
    -23.55,
    -46.63,
    'Google Cloud Sao Paulo',
  ],
  ['gcp-euw1', 'gcp', 'europe-west1', 50.45, 3.82, 'Google Cloud Belgium'],
  ['gcp-euw2', 'gcp', 'europe-west2', 51.51, -0.13, 'Google Cloud London'],
  ['gcp-euw3', 'gcp', 'europe-west3', 50.11, 8.68, 'Google Cloud Frankfurt'],
  [
    'gcp-ase1',
    'gcp',
    'asia-southeast1',
    1.35,
    103.82,
    'Google Cloud Singapore',
  ],
  ['gcp-ane1', 'gcp', 'asia-northeast1', 35.68, 139.69, 'Google Cloud Tokyo'],
  ['gcp-as1', 'gcp', 'asia-south1', 19.08, 72.88, 'Google Cloud Mumbai'],
  [
    'gcp-ause1',
    'gcp',
    'australia-southeast1',
    -33.87,
    151.21,
    'Google Cloud Sydney',
  ],
  ['az-eus2', 'azure', 'eastus2', 36.67, -78.39, 'Azure Virginia'],
  ['az-cus', 'azure', 'centralus', 41.59, -93.6, 'Azure Iowa'],
  ['az-wus2', 'azure', 'westus2', 47.23, -119.85, 'Azure Washington'],
  ['az-weu', 'azure', 'westeurope', 52.37, 4.89, 'Azure Netherlands'],
  ['az-neu', 'azure', 'northeurope', 53.35, -6.26, 'Azure Ireland'],
  ['az-uks', 'azure', 'uksouth', 51.51, -0.13, 'Azure London'],
  ['az-sea', 'azure', 'southeastasia', 1.35, 103.82, 'Azure Singapore'],
  ['az-jpe', 'azure', 'japaneast', 35.68, 139.69, 'Azure Tokyo'],
  ['az-aue', 'azure', 'australiaeast', -33.87, 151.21, 'Azure Sydney'],
  ['az-bs', 'azure', 'brazilsouth', -23.55, -46.63, 'Azure Sao Paulo'],
  ['az-san', 'azure', 'southafricanorth', -26.2, 28.05, 'Azure Johannesburg'],
  ['edge-nyc', 'onprem', 'edge-nyc', 40.71, -74.01, 'Edge site, New York'],
  ['edge-chi', 'onprem', 'edge-chi', 41.88, -87.63, 'Edge site, Chicago'],
  ['edge-par', 'onprem', 'edge-par', 48.86, 2.35, 'Edge site, Paris'],
  ['edge-ber', 'onprem', 'edge-ber', 52.52, 13.4, 'Edge site, Berlin'],
  ['edge-sel', 'onprem', 'edge-sel', 37.57, 126.98, 'Edge site, Seoul'],
  ['edge-mex', 'onprem', 'edge-mex', 19.43, -99.13, 'Edge site, Mexico City'],
].map(([code, provider, region, latitude, longitude, site]) => ({
  code: code as string,
  provider: provider as string,
  region: region as string,
  latitude: latitude as number,
  longitude: longitude as number,
  site: site as string,
}));

/**
 * Slice sizes after the first (which has 32 members): mostly small slices,
 * some medium, a few large — how slices are used in practice (a service
 * replicated to a handful of sites, a few fleet-wide platforms).
 */
const SIZE_PATTERN = [
  2, 3, 4, 2, 5, 3, 6, 2, 8, 4, 2, 12, 3, 16, 2, 5, 24, 3, 4, 2,
];

export function isScaleScenario(name: string): boolean {
  return SCALE_PATTERN.test(name);
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/** Generates the `scale:<clusters>x<slices>` scenario. */
export function scaleScenario(name: string): ScenarioSpec {
  const m = SCALE_PATTERN.exec(name);
  if (!m)
    throw new Error(`"${name}" is not of the form scale:<clusters>x<slices>`);
  const clusterCount = Number(m[1]);
  const sliceCount = Number(m[2]);
  if (clusterCount < 2 || clusterCount > MAX_SCALE_CLUSTERS)
    throw new Error(
      `scale scenarios have 2 to ${MAX_SCALE_CLUSTERS} clusters (got ${clusterCount})`,
    );
  if (sliceCount < 1 || sliceCount > MAX_SCALE_SLICES)
    throw new Error(
      `scale scenarios have 1 to ${MAX_SCALE_SLICES} slices (got ${sliceCount})`,
    );

  const projectCount = Math.max(
    1,
    Math.floor(clusterCount / CLUSTERS_PER_PROJECT),
  );
  const projects: ProjectSpec[] = Array.from(
    { length: projectCount },
    (_, p) => ({
      name: `tenant-${p + 1}`,
      description: `Generated tenant ${p + 1}`,
      serviceAccount: { readOnly: ['viewer'], readWrite: ['admin'] },
      clusters: [],
      slices: [],
    }),
  );

  // Clusters go round-robin to tenants, and walk the region list with a
  // stride so every tenant gets sites on several continents.
  for (let i = 0; i < clusterCount; i++) {
    // 11 is coprime with the region count, so the walk visits every region.
    const region = REGIONS[(i * 11) % REGIONS.length];
    const rng = seededRandom(1, 'scale-cluster', i);
    const cluster: ClusterSpec = {
      name: `${region.code}-${String(i + 1).padStart(3, '0')}`,
      cloudProvider: region.provider,
      cloudRegion: region.region,
      // Clusters of one region sit within ~50 km of each other.
      latitude: round2(region.latitude + (rng() - 0.5) * 0.8),
      longitude: round2(region.longitude + (rng() - 0.5) * 0.8),
      site: region.site,
      namespaces: ['monitoring'],
      ...(region.provider === 'onprem'
        ? {
            extraLatencyMs: 2 + Math.floor(rng() * 4),
            networkInterface: 'enp1s0',
          }
        : {}),
      // One cluster in 37 has a crash-looping NSM forwarder.
      ...(i % 37 === 36
        ? { componentHealth: { forwarder: 'Warning' as const } }
        : {}),
    };
    projects[i % projectCount].clusters.push(cluster);
  }

  for (let k = 0; k < sliceCount; k++) {
    const project = projects[k % projectCount];
    const available = project.clusters.length;
    const wanted =
      k === 0 || k % 50 === 0
        ? 32
        : SIZE_PATTERN[(k - 1) % SIZE_PATTERN.length];
    const size = Math.max(Math.min(wanted, available), Math.min(2, available));
    // A seeded pick of members, kept in the project's order (gateway roles follow it).
    const rng = seededRandom(1, 'scale-slice', k);
    const picked = project.clusters
      .map((c, idx) => ({ c, idx, r: rng() }))
      .sort((a, b) => a.r - b.r)
      .slice(0, size)
      .sort((a, b) => a.idx - b.idx)
      .map(x => x.c.name);
    const noNetwork = k % 10 === 9;
    const sliceName = `slice-${String(k + 1).padStart(3, '0')}`;
    const ns = `app-${String(k + 1).padStart(3, '0')}`;
    const slice: SliceSpec = {
      name: sliceName,
      clusters: picked,
      maxClusters: size <= 16 ? 16 : 32,
      applicationNamespaces: [{ namespace: ns, clusters: ['*'] }],
      ...(noNetwork
        ? { overlayNetworkDeploymentMode: 'no-network' as const }
        : {
            sliceSubnet: `10.${k}.0.0/16`,
            standardQosProfileName: 'default',
            allowedNamespaces: [{ namespace: 'monitoring', clusters: ['*'] }],
            services: [
              {
                name: `svc-${String(k + 1).padStart(3, '0')}`,
                namespace: ns,
                exportedFrom: picked.slice(0, Math.min(2, picked.length)),
                replicas: 1,
                ports: [
                  {
                    name: 'http',
                    containerPort: 8080,
                    protocol: 'TCP' as const,
                  },
                ],
              },
            ],
          }),
    };
    project.slices.push(slice);
  }

  return {
    name,
    description: `Generated fleet: ${clusterCount} workers in ${projectCount} tenants, ${sliceCount} slices`,
    hub: { name: 'hub' },
    projects,
  };
}
