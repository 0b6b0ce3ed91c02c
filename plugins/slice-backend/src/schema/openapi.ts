/**
 * The read API of the slice backend, as OpenAPI 3.1. Requests are validated against it
 * (`createValidatedOpenApiRouter`), it is served at `/api/slice/openapi.json`, and the
 * integration tests check real responses against its schemas.
 */
import { latencyPaths, latencySchemas } from '../latency/openapi';

const name = {
  type: 'string',
  pattern: '^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$',
  maxLength: 253,
} as const;
const healthState = {
  type: 'string',
  enum: ['ok', 'warning', 'error', 'unknown'],
} as const;
const sourceState = {
  type: 'string',
  enum: ['pending', 'ok', 'degraded', 'unreachable'],
} as const;

const query = (
  paramName: string,
  schema: object,
  description: string,
  required = false,
) => ({ name: paramName, in: 'query', required, description, schema } as const);
const path = (paramName: string, description: string) =>
  ({
    name: paramName,
    in: 'path',
    required: true,
    description,
    schema: name,
  } as const);

const json = (ref: string, description: string) =>
  ({
    description,
    content: { 'application/json': { schema: { $ref: ref } } },
  } as const);
const errorResponses = {
  '400': json(
    '#/components/schemas/Error',
    'Invalid parameters; the message names the parameter',
  ),
  '401': json('#/components/schemas/Error', 'Not authenticated'),
  '403': json(
    '#/components/schemas/Error',
    'Not allowed by the permission policy',
  ),
  '404': json('#/components/schemas/Error', 'No such hub, slice or cluster'),
} as const;

const listOf = (ref: string) =>
  ({
    type: 'object',
    required: ['items', 'errors'],
    properties: {
      items: { type: 'array', items: { $ref: ref } },
      errors: {
        type: 'array',
        items: { $ref: '#/components/schemas/SourceError' },
      },
    },
  } as const);

const sliceRef = [
  path('hub', 'Hub name'),
  path('project', 'Project name'),
  path('name', 'Slice name'),
] as const;

export const spec = {
  openapi: '3.1.0',
  info: {
    title: 'slice',
    version: '1',
    description:
      'Slice Portal: KubeSlice fleets, slices, tunnels and latency, answered from watch caches.',
    license: {
      name: 'Apache-2.0',
      url: 'http://www.apache.org/licenses/LICENSE-2.0.html',
    },
  },
  servers: [{ url: '/' }],
  components: {
    schemas: {
      Error: {
        type: 'object',
        required: ['error'],
        properties: {
          error: {
            type: 'object',
            required: ['name', 'message'],
            properties: {
              name: { type: 'string' },
              message: { type: 'string' },
            },
          },
        },
      },
      Health: {
        type: 'object',
        required: ['state', 'reasons'],
        properties: {
          state: healthState,
          reasons: { type: 'array', items: { type: 'string' } },
        },
      },
      SourceError: {
        type: 'object',
        required: ['source', 'state', 'message'],
        properties: {
          source: { type: 'string' },
          state: sourceState,
          message: { type: 'string' },
        },
      },
      HubSummary: {
        type: 'object',
        required: [
          'name',
          'title',
          'sync',
          'projects',
          'clusterCount',
          'sliceCount',
        ],
        properties: {
          name: { type: 'string' },
          title: { type: 'string' },
          sync: {
            type: 'object',
            required: ['state'],
            properties: {
              state: sourceState,
              lastSyncAt: { type: 'string' },
              message: { type: 'string' },
            },
          },
          projects: { type: 'array', items: { type: 'string' } },
          clusterCount: { type: 'integer' },
          sliceCount: { type: 'integer' },
        },
      },
      ClusterSummary: {
        type: 'object',
        required: [
          'hub',
          'project',
          'name',
          'geo',
          'networkPresent',
          'nodeIPs',
          'cniSubnets',
          'slices',
          'health',
        ],
        properties: {
          hub: { type: 'string' },
          project: { type: 'string' },
          name: { type: 'string' },
          geo: {
            type: 'object',
            properties: {
              cloudProvider: { type: 'string' },
              cloudRegion: { type: 'string' },
              latitude: { type: 'number' },
              longitude: { type: 'number' },
            },
          },
          registrationStatus: { type: 'string' },
          networkPresent: { type: 'boolean' },
          nodeIPs: { type: 'array', items: { type: 'string' } },
          cniSubnets: { type: 'array', items: { type: 'string' } },
          slices: { type: 'array', items: { type: 'string' } },
          health: { $ref: '#/components/schemas/Health' },
          lastUpdated: { type: 'string' },
        },
      },
      ClusterDetail: {
        allOf: [
          { $ref: '#/components/schemas/ClusterSummary' },
          {
            type: 'object',
            required: [
              'components',
              'namespaces',
              'workerConnection',
              'events',
            ],
            properties: {
              components: { type: 'array', items: { type: 'object' } },
              namespaces: { type: 'array', items: { type: 'object' } },
              workerConnection: {
                type: 'object',
                required: ['state'],
                properties: { state: sourceState },
              },
              events: {
                type: 'array',
                items: { $ref: '#/components/schemas/SliceEvent' },
              },
            },
          },
        ],
      },
      SliceMember: {
        type: 'object',
        required: ['cluster', 'onboardedNamespaces', 'health'],
        properties: {
          cluster: { type: 'string' },
          subnet: { type: 'string' },
          onboardedNamespaces: { type: 'array', items: { type: 'string' } },
          health: { $ref: '#/components/schemas/Health' },
        },
      },
      SliceSummary: {
        type: 'object',
        required: [
          'hub',
          'project',
          'name',
          'mode',
          'isolationEnabled',
          'namespaces',
          'members',
          'health',
        ],
        properties: {
          hub: { type: 'string' },
          project: { type: 'string' },
          name: { type: 'string' },
          mode: { type: 'string' },
          subnet: { type: 'string' },
          maxClusters: { type: 'integer' },
          isolationEnabled: { type: 'boolean' },
          namespaces: { type: 'array', items: { type: 'string' } },
          members: {
            type: 'array',
            items: { $ref: '#/components/schemas/SliceMember' },
          },
          health: { $ref: '#/components/schemas/Health' },
        },
      },
      Tunnel: {
        type: 'object',
        required: ['a', 'b', 'state', 'pods', 'health'],
        properties: {
          a: { type: 'string' },
          b: { type: 'string' },
          server: { type: 'string' },
          state: {
            type: 'string',
            enum: ['UP', 'DEGRADED', 'DOWN', 'UNKNOWN'],
          },
          latencyMs: { type: 'number' },
          packetLossPercent: { type: 'number' },
          pods: {
            type: 'array',
            items: {
              type: 'object',
              required: ['cluster', 'gateway', 'pod', 'state'],
            },
          },
          health: { $ref: '#/components/schemas/Health' },
        },
      },
      SliceEvent: {
        type: 'object',
        required: ['hub', 'project', 'type', 'count'],
        properties: {
          hub: { type: 'string' },
          project: { type: 'string' },
          slice: { type: 'string' },
          cluster: { type: 'string' },
          title: { type: 'string' },
          type: { type: 'string' },
          reason: { type: 'string' },
          message: { type: 'string' },
          count: { type: 'integer' },
          time: { type: 'string' },
          object: { type: 'string' },
        },
      },
      SliceDetail: {
        allOf: [
          { $ref: '#/components/schemas/SliceSummary' },
          {
            type: 'object',
            required: [
              'qos',
              'allowedNamespaces',
              'tunnels',
              'namespaceStates',
              'services',
              'events',
              'sliceConfig',
              'errors',
            ],
            properties: {
              qos: { type: 'object' },
              allowedNamespaces: { type: 'array', items: { type: 'string' } },
              tunnels: {
                type: 'array',
                items: { $ref: '#/components/schemas/Tunnel' },
              },
              namespaceStates: {
                type: 'array',
                items: {
                  type: 'object',
                  required: [
                    'namespace',
                    'cluster',
                    'role',
                    'requested',
                    'onboarded',
                    'state',
                  ],
                  properties: {
                    state: {
                      type: 'string',
                      enum: ['onboarded', 'pending', 'unrequested', 'allowed'],
                    },
                  },
                },
              },
              services: {
                type: 'array',
                items: {
                  type: 'object',
                  required: [
                    'name',
                    'namespace',
                    'dnsName',
                    'exportedFrom',
                    'exports',
                    'imports',
                    'endpoints',
                    'health',
                  ],
                },
              },
              events: {
                type: 'array',
                items: { $ref: '#/components/schemas/SliceEvent' },
              },
              sliceConfig: { type: 'object' },
              errors: {
                type: 'array',
                items: { $ref: '#/components/schemas/SourceError' },
              },
            },
          },
        ],
      },
      FleetResponse: {
        type: 'object',
        required: [
          'generatedAt',
          'hubs',
          'clusters',
          'slices',
          'counts',
          'errors',
        ],
        properties: {
          generatedAt: { type: 'string' },
          hubs: {
            type: 'array',
            items: { $ref: '#/components/schemas/HubSummary' },
          },
          clusters: {
            type: 'array',
            items: { $ref: '#/components/schemas/ClusterSummary' },
          },
          slices: {
            type: 'array',
            items: { $ref: '#/components/schemas/SliceSummary' },
          },
          counts: { type: 'object', required: ['clusters', 'slices'] },
          errors: {
            type: 'array',
            items: { $ref: '#/components/schemas/SourceError' },
          },
        },
      },
      Topology: {
        type: 'object',
        required: ['nodes', 'edges'],
        properties: {
          nodes: {
            type: 'array',
            items: {
              type: 'object',
              required: ['id', 'kind', 'label', 'health'],
              properties: {
                kind: {
                  type: 'string',
                  enum: ['cluster', 'namespace', 'service'],
                },
              },
            },
          },
          edges: {
            type: 'array',
            items: {
              type: 'object',
              required: ['id', 'source', 'target', 'kind'],
            },
          },
        },
      },
      FleetTunnel: {
        type: 'object',
        required: ['hub', 'project', 'slice', 'a', 'b', 'state'],
        properties: {
          hub: { type: 'string' },
          project: { type: 'string' },
          slice: { type: 'string' },
          a: { type: 'string' },
          b: { type: 'string' },
          state: {
            type: 'string',
            enum: ['UP', 'DEGRADED', 'DOWN', 'UNKNOWN'],
          },
          latencyMs: { type: 'number' },
          packetLossPercent: { type: 'number' },
        },
      },
      TunnelList: listOf('#/components/schemas/FleetTunnel'),
      ClusterList: listOf('#/components/schemas/ClusterSummary'),
      SliceList: listOf('#/components/schemas/SliceSummary'),
      EventList: listOf('#/components/schemas/SliceEvent'),
      ...latencySchemas,
    },
  },
  paths: {
    '/v1/fleet': {
      get: {
        operationId: 'getFleet',
        summary:
          'Hubs with their sync state, clusters, slices and health counts',
        responses: {
          '200': json('#/components/schemas/FleetResponse', 'The fleet'),
          ...errorResponses,
        },
      },
    },
    '/v1/clusters': {
      get: {
        operationId: 'listClusters',
        parameters: [
          query('hub', name, 'Only this hub'),
          query('project', name, 'Only this project'),
          query('health', healthState, 'Only clusters in this health state'),
          query(
            'text',
            { type: 'string', maxLength: 200 },
            'Case-insensitive text in name, project, provider, region or slices',
          ),
        ],
        responses: {
          '200': json('#/components/schemas/ClusterList', 'Clusters'),
          ...errorResponses,
        },
      },
    },
    '/v1/clusters/{hub}/{name}': {
      get: {
        operationId: 'getCluster',
        parameters: [
          path('hub', 'Hub name'),
          path('name', 'Cluster name'),
          query(
            'project',
            name,
            'Disambiguates a name used in several projects',
          ),
        ],
        responses: {
          '200': json('#/components/schemas/ClusterDetail', 'The cluster'),
          ...errorResponses,
        },
      },
    },
    '/v1/slices': {
      get: {
        operationId: 'listSlices',
        parameters: [
          query('hub', name, 'Only this hub'),
          query('project', name, 'Only this project'),
          query('cluster', name, 'Only slices with this member'),
          query('health', healthState, 'Only slices in this health state'),
          query(
            'text',
            { type: 'string', maxLength: 200 },
            'Case-insensitive text in name, project, subnet, namespaces or members',
          ),
        ],
        responses: {
          '200': json('#/components/schemas/SliceList', 'Slices'),
          ...errorResponses,
        },
      },
    },
    '/v1/slices/{hub}/{project}/{name}': {
      get: {
        operationId: 'getSlice',
        parameters: [...sliceRef],
        responses: {
          '200': json('#/components/schemas/SliceDetail', 'The slice'),
          ...errorResponses,
        },
      },
    },
    '/v1/slices/{hub}/{project}/{name}/topology': {
      get: {
        operationId: 'getSliceTopology',
        parameters: [...sliceRef],
        responses: {
          '200': json('#/components/schemas/Topology', 'Nodes and edges'),
          ...errorResponses,
        },
      },
    },
    '/v1/tunnels': {
      get: {
        operationId: 'listTunnels',
        summary:
          'Every tunnel of every slice the caller may read (one request for a fleet map)',
        parameters: [
          query('hub', name, 'Only this hub'),
          query('project', name, 'Only this project'),
          query('slice', name, 'Only this slice'),
        ],
        responses: {
          '200': json('#/components/schemas/TunnelList', 'Tunnels'),
          ...errorResponses,
        },
      },
    },
    '/v1/events': {
      get: {
        operationId: 'listEvents',
        parameters: [
          query('hub', name, 'Only this hub'),
          query('project', name, 'Only this project'),
          query('slice', name, 'Only this slice'),
          query('cluster', name, 'Only this cluster'),
          query(
            'type',
            { type: 'string', enum: ['Normal', 'Warning'] },
            'Event type',
          ),
          query(
            'since',
            { type: 'string', format: 'date-time' },
            'Only events at or after this time',
          ),
          query(
            'limit',
            { type: 'string', pattern: '^[0-9]+$' },
            'At most this many (1–1000, default 200)',
          ),
        ],
        responses: {
          '200': json('#/components/schemas/EventList', 'Events, newest first'),
          ...errorResponses,
        },
      },
    },
    ...latencyPaths,
  },
} as const;
