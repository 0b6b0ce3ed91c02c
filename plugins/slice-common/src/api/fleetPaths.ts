/** Paths of the fleet read routes. Their schemas are in `fleetSchemas.ts`. */
import { jsonResponse, pathParam, queryParam, readErrors } from './helpers';
import { healthState } from './common';
import { dnsLabel, dnsSubdomain } from './names';

const errors = readErrors(
  'Invalid parameters; the message names the parameter',
);
const healthParam = (what: string) =>
  queryParam('health', healthState, `Only ${what} in this health state`);
const text = (what: string) =>
  queryParam(
    'text',
    { type: 'string', maxLength: 200 } as const,
    `Case-insensitive text in ${what}`,
  );

const sliceRef = [
  pathParam('hub', dnsLabel, 'Hub name'),
  pathParam('project', dnsLabel, 'Project name'),
  pathParam('name', dnsLabel, 'Slice name'),
] as const;

export const fleetPaths = {
  '/v1/fleet': {
    get: {
      operationId: 'getFleet',
      summary: 'Hubs with their sync state, clusters, slices and health counts',
      responses: {
        '200': jsonResponse('FleetResponse', 'The fleet'),
        ...errors,
      },
    },
  },
  '/v1/clusters': {
    get: {
      operationId: 'listClusters',
      parameters: [
        queryParam('hub', dnsLabel, 'Only this hub'),
        queryParam('project', dnsLabel, 'Only this project'),
        healthParam('clusters'),
        text('name, project, provider, region or slices'),
      ],
      responses: { '200': jsonResponse('ClusterList', 'Clusters'), ...errors },
    },
  },
  '/v1/clusters/{hub}/{name}': {
    get: {
      operationId: 'getCluster',
      parameters: [
        pathParam('hub', dnsLabel, 'Hub name'),
        pathParam('name', dnsSubdomain, 'Cluster name'),
        queryParam(
          'project',
          dnsLabel,
          'Disambiguates a name used in several projects',
        ),
      ],
      responses: {
        '200': jsonResponse('ClusterDetail', 'The cluster'),
        ...errors,
        '409': jsonResponse(
          'Error',
          'The name is used in several projects; the message says to add ?project=',
        ),
      },
    },
  },
  '/v1/slices': {
    get: {
      operationId: 'listSlices',
      parameters: [
        queryParam('hub', dnsLabel, 'Only this hub'),
        queryParam('project', dnsLabel, 'Only this project'),
        queryParam('cluster', dnsSubdomain, 'Only slices with this member'),
        healthParam('slices'),
        text('name, project, subnet, namespaces or members'),
      ],
      responses: { '200': jsonResponse('SliceList', 'Slices'), ...errors },
    },
  },
  '/v1/slices/{hub}/{project}/{name}': {
    get: {
      operationId: 'getSlice',
      parameters: sliceRef,
      responses: { '200': jsonResponse('SliceDetail', 'The slice'), ...errors },
    },
  },
  '/v1/slices/{hub}/{project}/{name}/topology': {
    get: {
      operationId: 'getSliceTopology',
      parameters: sliceRef,
      responses: {
        '200': jsonResponse('Topology', 'Nodes and edges'),
        ...errors,
      },
    },
  },
  '/v1/tunnels': {
    get: {
      operationId: 'listTunnels',
      summary:
        'Every tunnel of every slice the caller may read (one request for a fleet map)',
      parameters: [
        queryParam('hub', dnsLabel, 'Only this hub'),
        queryParam('project', dnsLabel, 'Only this project'),
        queryParam('slice', dnsLabel, 'Only this slice'),
      ],
      responses: { '200': jsonResponse('TunnelList', 'Tunnels'), ...errors },
    },
  },
  '/v1/events': {
    get: {
      operationId: 'listEvents',
      parameters: [
        queryParam('hub', dnsLabel, 'Only this hub'),
        queryParam('project', dnsLabel, 'Only this project'),
        queryParam('slice', dnsLabel, 'Only this slice'),
        queryParam('cluster', dnsSubdomain, 'Only this cluster'),
        queryParam(
          'type',
          { type: 'string', enum: ['Normal', 'Warning'] } as const,
          'Event type',
        ),
        queryParam(
          'since',
          { type: 'string', format: 'date-time' } as const,
          'Only events at or after this time',
        ),
        queryParam(
          'limit',
          { type: 'integer', minimum: 1, maximum: 1000 } as const,
          'At most this many (default 200)',
        ),
      ],
      responses: {
        '200': jsonResponse('EventList', 'Events, newest first'),
        ...errors,
      },
    },
  },
} as const;
