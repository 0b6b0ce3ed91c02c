/**
 * The write routes: create, change and delete slices, onboard and offboard namespaces,
 * export services, register and deregister clusters, hand out the worker registration
 * values, and create or update QoS profiles. The backend compiles its request validation
 * from these schemas (`plugins/slice-backend/src/write/validation.ts`), so what the
 * document says is what the routes accept.
 *
 * Bodies are closed (`additionalProperties: false`), every string and list has a bound (a
 * 10 000-element list or a megabyte string is a 400, not work for the server), and names,
 * namespaces and CIDRs carry the patterns the API server would check. What needs the
 * fleet's state (subnet overlaps, membership, namespaces bound elsewhere) is preflight's.
 * Field names are those of the KubeSlice objects, so a 400's field path
 * (`spec.sliceSubnet`), a preflight finding's path and an API server's cause name the
 * same field.
 */
import {
  arrayOf,
  boolean,
  integer,
  jsonRequestBody,
  jsonResponse,
  pathParam,
  queryParam,
  ref,
  string,
  strings,
} from './helpers';
import { DNS_SUBDOMAIN_PATTERN, dnsLabel, dnsSubdomain } from './names';

const OCTET = '(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])';
/** An IPv4 CIDR that parses (`10.1.0.0/16`); whether it is private, /16 and free is preflight's. */
const IPV4_CIDR = `^${OCTET}(\\.${OCTET}){3}/(3[0-2]|[12]?[0-9])$` as const;
const SUBDOMAIN = DNS_SUBDOMAIN_PATTERN.slice(1, -1);

const MAX_MEMBERS = 32;
const MAX_NAMESPACES = 256;

/** Descriptions of patterned strings read after "must be": 400s quote them. */
const clusterName = dnsSubdomain;
const clusterOrStar = {
  type: 'string',
  pattern: `^(\\*|${SUBDOMAIN})$`,
  maxLength: 253,
  description:
    'a member cluster name (DNS-1123 subdomain), or "*" for every member',
} as const;
const namespaceName = {
  ...dnsLabel,
  description: 'a namespace name (DNS-1123 label, at most 63 characters)',
} as const;
const clusterList = {
  type: 'array',
  maxItems: MAX_MEMBERS,
  items: clusterName,
} as const;
const selectionClusters = {
  type: 'array',
  minItems: 1,
  maxItems: MAX_MEMBERS,
  items: clusterOrStar,
  description:
    'Clusters the namespace is on; ["*"] for every member, now and later',
} as const;
const namespaceList = {
  type: 'array',
  maxItems: MAX_NAMESPACES,
  items: ref('NamespaceSelection'),
} as const;
const port = { type: 'integer', minimum: 1, maximum: 65535 } as const;
const bandwidth = { type: 'integer', minimum: 0, maximum: 1e12 } as const;

export const writeSchemas = {
  NamespaceSelection: {
    type: 'object',
    additionalProperties: false,
    required: ['namespace', 'clusters'],
    properties: { namespace: namespaceName, clusters: selectionClusters },
  },
  QosProfileDetails: {
    type: 'object',
    additionalProperties: false,
    required: [
      'priority',
      'bandwidthCeilingKbps',
      'bandwidthGuaranteedKbps',
      'dscpClass',
    ],
    properties: {
      queueType: { type: 'string', enum: ['HTB'], description: 'Default HTB' },
      tcType: {
        type: 'string',
        enum: ['BANDWIDTH_CONTROL'],
        description: 'Default BANDWIDTH_CONTROL',
      },
      priority: {
        type: 'integer',
        minimum: 0,
        maximum: 1000,
        description: '0 (highest) to 3; preflight warns outside that',
      },
      bandwidthCeilingKbps: bandwidth,
      bandwidthGuaranteedKbps: bandwidth,
      dscpClass: {
        type: 'string',
        enum: [
          'Default',
          'AF11',
          'AF12',
          'AF13',
          'AF21',
          'AF22',
          'AF23',
          'AF31',
          'AF32',
          'AF33',
          'AF41',
          'AF42',
          'AF43',
          'EF',
        ],
      },
    },
  },
  SliceSpecInput: {
    type: 'object',
    additionalProperties: false,
    required: ['clusters'],
    description:
      'The SliceConfig spec the portal writes (REFERENCE §2.3). sliceType and sliceIpamType are filled in, and for network slices sliceGatewayProvider (OpenVPN, Local CA); the API server adds the CRD defaults',
    properties: {
      clusters: clusterList,
      maxClusters: {
        type: 'integer',
        minimum: 2,
        maximum: 32,
        description: 'Default 16; immutable',
      },
      overlayNetworkDeploymentMode: {
        type: 'string',
        enum: ['single-network', 'multi-network', 'no-network'],
        description: 'Default single-network',
      },
      sliceSubnet: {
        type: 'string',
        pattern: IPV4_CIDR,
        maxLength: 18,
        description:
          'an IPv4 CIDR; for network slices a private /16 ending in .0.0, e.g. 10.20.0.0/16',
      },
      standardQosProfileName: {
        ...dnsSubdomain,
        description:
          'the name of a SliceQoSConfig of the project (QoS by profile; a DNS-1123 subdomain)',
      },
      qosProfileDetails: ref('QosProfileDetails'),
      namespaceIsolationProfile: {
        type: 'object',
        additionalProperties: false,
        properties: {
          isolationEnabled: boolean,
          applicationNamespaces: namespaceList,
          allowedNamespaces: namespaceList,
        },
      },
      sliceGatewayProvider: {
        type: 'object',
        additionalProperties: false,
        properties: {
          sliceGatewayType: { type: 'string', enum: ['OpenVPN', 'Wireguard'] },
          sliceCaType: { type: 'string', enum: ['Local'] },
          sliceGatewayServiceType: {
            type: 'array',
            maxItems: MAX_MEMBERS + 1,
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['cluster'],
              properties: {
                cluster: clusterOrStar,
                type: { type: 'string', enum: ['NodePort', 'LoadBalancer'] },
                protocol: { type: 'string', enum: ['TCP', 'UDP'] },
              },
            },
          },
        },
      },
      vpnConfig: {
        type: 'object',
        additionalProperties: false,
        required: ['cipher'],
        properties: {
          cipher: { type: 'string', enum: ['AES-256-CBC', 'AES-128-CBC'] },
        },
      },
      rotationInterval: { type: 'integer', minimum: 30, maximum: 90 },
    },
  },
  SliceCreateRequest: {
    type: 'object',
    additionalProperties: false,
    required: ['name', 'spec'],
    properties: {
      name: {
        ...dnsLabel,
        description:
          'a DNS-1123 label (keep slice names to 15 characters or fewer: longer ones break service export)',
      },
      spec: ref('SliceSpecInput'),
    },
  },
  SliceUpdateRequest: {
    type: 'object',
    additionalProperties: false,
    minProperties: 1,
    description:
      'Changes, applied to the slice as stored at the time of the write (again after a conflict), so concurrent changes by others are kept',
    properties: {
      addClusters: clusterList,
      removeClusters: {
        ...clusterList,
        description:
          'Members to remove; namespace entries listed only for them leave the slice, "*" entries stay',
      },
      qos: {
        type: 'object',
        additionalProperties: false,
        minProperties: 1,
        description:
          'Replaces the slice QoS: a profile name or inline details (the other is cleared)',
        properties: {
          standardQosProfileName: dnsSubdomain,
          qosProfileDetails: ref('QosProfileDetails'),
        },
      },
      isolationEnabled: boolean,
      addAllowedNamespaces: namespaceList,
      removeAllowedNamespaces: {
        type: 'array',
        maxItems: MAX_NAMESPACES,
        items: namespaceName,
      },
    },
  },
  NamespaceOnboardRequest: {
    type: 'object',
    additionalProperties: false,
    required: ['namespace', 'clusters'],
    properties: {
      namespace: namespaceName,
      clusters: {
        ...selectionClusters,
        description:
          'Clusters to onboard it on (added to those it is on); ["*"] for every member, now and later',
      },
    },
  },
  ServiceExportRequest: {
    type: 'object',
    additionalProperties: false,
    required: ['cluster', 'namespace', 'name', 'spec'],
    properties: {
      cluster: {
        ...clusterName,
        description:
          'the member cluster the service runs on (a DNS-1123 subdomain)',
      },
      namespace: namespaceName,
      name: {
        ...dnsLabel,
        description: 'a DNS-1123 label: the ServiceExport (service) name',
      },
      spec: {
        type: 'object',
        additionalProperties: false,
        required: ['selector', 'ports'],
        properties: {
          selector: {
            type: 'object',
            additionalProperties: false,
            required: ['matchLabels'],
            properties: {
              matchLabels: {
                type: 'object',
                minProperties: 1,
                maxProperties: 32,
                propertyNames: {
                  type: 'string',
                  pattern:
                    '^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$',
                  maxLength: 317,
                },
                additionalProperties: {
                  type: 'string',
                  pattern: '^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$',
                  maxLength: 63,
                  description: 'a label value',
                },
              },
            },
          },
          ports: {
            type: 'array',
            minItems: 1,
            maxItems: 64,
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['containerPort'],
              properties: {
                name: {
                  type: 'string',
                  pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$',
                  maxLength: 15,
                  description:
                    'a port name (prefix it with http or tcp, as the KubeSlice docs say)',
                },
                containerPort: port,
                protocol: { type: 'string', enum: ['TCP', 'UDP', 'SCTP'] },
                servicePort: port,
                serviceProtocol: { type: 'string', enum: ['HTTP', 'HTTPS'] },
              },
            },
          },
          aliases: { type: 'array', maxItems: 16, items: dnsSubdomain },
          ingressEnabled: boolean,
        },
      },
    },
  },
  ClusterRegisterRequest: {
    type: 'object',
    additionalProperties: false,
    required: ['name'],
    properties: {
      name: clusterName,
      spec: {
        type: 'object',
        additionalProperties: false,
        properties: {
          networkInterface: {
            type: 'string',
            maxLength: 15,
            description: 'Interface QoS shapes traffic on (usually eth0)',
          },
          nodeIPs: {
            type: 'array',
            maxItems: 64,
            items: { type: 'string', minLength: 2, maxLength: 45 },
            description: 'Gateway node IPs; the worker detects them when empty',
          },
          clusterProperty: {
            type: 'object',
            additionalProperties: false,
            properties: {
              geoLocation: {
                type: 'object',
                additionalProperties: false,
                properties: {
                  cloudProvider: { type: 'string', maxLength: 63 },
                  cloudRegion: { type: 'string', maxLength: 63 },
                  latitude: {
                    type: 'string',
                    maxLength: 32,
                    description: 'Decimal degrees, -90 to 90',
                  },
                  longitude: {
                    type: 'string',
                    maxLength: 32,
                    description: 'Decimal degrees, -180 to 180',
                  },
                },
              },
            },
          },
        },
      },
    },
  },
  RegistrationValuesRequest: {
    type: 'object',
    additionalProperties: false,
    properties: {
      clusterEndpoint: {
        type: 'string',
        pattern: '^https://[^\\s]+$',
        maxLength: 2048,
        description:
          "an https URL: the worker's API server (Helm value cluster.endpoint, used for the dashboard credentials)",
      },
    },
  },
  QosProfileRequest: {
    type: 'object',
    additionalProperties: false,
    required: ['spec'],
    properties: { spec: ref('QosProfileDetails') },
  },
  WriteFinding: {
    type: 'object',
    additionalProperties: false,
    required: ['path', 'code', 'message', 'severity'],
    description:
      'A preflight finding; the path is in the written object (spec.sliceSubnet)',
    properties: {
      path: string,
      code: {
        ...string,
        description: 'e.g. subnet.notPrivate, export.namespaceNotOnboarded',
      },
      message: string,
      severity: { type: 'string', enum: ['error', 'warning'] },
    },
  },
  WriteDiffChange: {
    type: 'object',
    additionalProperties: false,
    required: ['path', 'op'],
    properties: {
      path: {
        ...string,
        description:
          'Field path; list entries by key: spec.namespaceIsolationProfile.applicationNamespaces[namespace=web]',
      },
      op: { type: 'string', enum: ['add', 'remove', 'replace'] },
      before: {},
      after: {},
    },
  },
  WriteDiff: {
    type: 'object',
    additionalProperties: false,
    required: ['changes', 'text'],
    properties: {
      changes: arrayOf(ref('WriteDiffChange')),
      text: {
        ...string,
        description:
          'Unified diff of the YAML (--- current / +++ proposed); empty when equal',
      },
    },
  },
  WriteResult: {
    type: 'object',
    additionalProperties: false,
    required: ['dryRun', 'object', 'yaml', 'diff', 'preflight'],
    properties: {
      dryRun: boolean,
      object: {
        type: 'object',
        description:
          'The object as the API server stored it or (dry run, dryRun=All) would store it: schema defaults and mutating webhooks applied. For a deregistration: the cluster as it was. For a guided delete: the slice with its namespaces offboarded',
      },
      yaml: {
        ...string,
        description:
          'The object as YAML, without status and server-maintained metadata',
      },
      diff: ref('WriteDiff'),
      preflight: {
        ...arrayOf(ref('WriteFinding')),
        description:
          'Warnings of preflight (an error refuses the write with 400)',
      },
      resourceVersion: {
        ...string,
        description:
          'resourceVersion of the stored object before the write (absent for a create); after a dry run it is unchanged',
      },
      attempts: {
        ...integer,
        description:
          'Writes it took: more than 1 when others changed the object meanwhile (409, retried)',
      },
      applied: {
        ...boolean,
        description:
          'Service export: false when the portal may not write to the worker; apply `yaml` there',
      },
      instructions: string,
      plan: {
        ...strings,
        description: 'Guided delete and deregistration: the steps, in order',
      },
      operation: {
        ...ref('Operation'),
        description:
          'The tracked operation as it was when the write answered; follow it at /v1/operations/{id}',
      },
    },
  },
  RegistrationValues: {
    type: 'object',
    additionalProperties: false,
    required: ['cluster', 'values', 'yaml', 'command'],
    properties: {
      cluster: string,
      values: {
        type: 'object',
        description:
          'Helm values of the kubeslice-worker chart: controllerSecret.{namespace,endpoint,ca.crt,token} copied as they are (base64) from the controller Secret, cluster.{name,endpoint}. Secret: answered with Cache-Control: no-store, never stored or logged',
      },
      yaml: string,
      command: string,
    },
  },
  WriteError: {
    type: 'object',
    additionalProperties: false,
    required: ['error'],
    properties: {
      error: {
        type: 'object',
        required: ['name', 'message'],
        properties: {
          name: string,
          message: string,
          fields: {
            type: 'array',
            description: 'What the refusal is about, field by field',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['path', 'message', 'source'],
              properties: {
                path: {
                  ...string,
                  description:
                    'spec.clusters[1] (body), params.name, query.dryRun; empty for the body as a whole',
                },
                message: string,
                source: {
                  type: 'string',
                  enum: ['request', 'preflight', 'cluster'],
                },
                code: {
                  ...string,
                  description:
                    "Preflight code, or the API server cause's reason",
                },
              },
            },
          },
          cluster: {
            type: 'object',
            additionalProperties: false,
            description: 'Present when a cluster API server gave the answer',
            required: ['target', 'httpStatus'],
            properties: {
              target: { ...string, description: 'hub <name> or worker <name>' },
              httpStatus: integer,
              reason: string,
            },
          },
          permission: {
            ...string,
            description: 'The permission the policy refused (403)',
          },
        },
      },
      request: {
        type: 'object',
        properties: { method: string, url: string },
      },
      response: {
        type: 'object',
        properties: { statusCode: integer },
      },
    },
  },
} as const;

const hub = pathParam('hub', dnsLabel, 'Hub name');
const project = pathParam('project', dnsLabel, 'Project name');
const slice = pathParam('name', dnsLabel, 'Slice name');
const cluster = pathParam('name', dnsSubdomain, 'Cluster name');
const dryRun = queryParam(
  'dryRun',
  boolean,
  'true: preflight and the API server (dryRun=All: schema, admission) judge the write and the answer shows what would be stored; nothing is stored',
);

const err = (description: string) => jsonResponse('WriteError', description);
const writeErrors = {
  '400': err(
    'Invalid request (error.fields names each field), refused by preflight, or refused by the API server (schema, admission webhook: its message and causes)',
  ),
  '401': err('Not authenticated'),
  '403': err(
    "Not allowed by the permission policy, or the API server refused the portal's write credentials",
  ),
  '404': err('No such hub, project, slice, cluster or namespace'),
  '409': err(
    'Already exists, or the object kept changing (409 after every retry)',
  ),
  '503': err(
    'The hub or worker could not be reached or answered with an error',
  ),
} as const;
const result = (description: string) =>
  jsonResponse('WriteResult', description);

export const writePaths = {
  '/v1/slices/{hub}/{project}': {
    post: {
      operationId: 'createSlice',
      summary: 'Create a slice (kubeslice.slice.create on the project)',
      parameters: [hub, project, dryRun],
      requestBody: jsonRequestBody('SliceCreateRequest'),
      responses: {
        '200': result('Dry run: what would be created'),
        '201': result(
          'Created; `operation` follows WorkerSliceConfigs, gateway tunnels and onboarding',
        ),
        ...writeErrors,
      },
    },
  },
  '/v1/slices/{hub}/{project}/{name}': {
    patch: {
      operationId: 'updateSlice',
      summary:
        'Change a slice: members, QoS, isolation, allowed namespaces (kubeslice.slice.update on the slice)',
      parameters: [hub, project, slice, dryRun],
      requestBody: jsonRequestBody('SliceUpdateRequest'),
      responses: {
        '200': result(
          'Changed, with `operation` (or, dry run, what would change)',
        ),
        ...writeErrors,
      },
    },
    delete: {
      operationId: 'deleteSlice',
      summary:
        'Guided delete: offboard every namespace, wait until no member reports one onboarded and no service export of the slice remains, then delete (kubeslice.slice.delete on the slice)',
      parameters: [hub, project, slice, dryRun],
      responses: {
        '200': result('Dry run: the plan and what would hold it up'),
        '202': result('Namespaces offboarded; `operation` waits and deletes'),
        ...writeErrors,
      },
    },
  },
  '/v1/slices/{hub}/{project}/{name}/namespaces': {
    post: {
      operationId: 'onboardNamespace',
      summary:
        'Onboard a namespace on some or every member (kubeslice.slice.update on the slice)',
      parameters: [hub, project, slice, dryRun],
      requestBody: jsonRequestBody('NamespaceOnboardRequest'),
      responses: {
        '200': result(
          'Listed on the slice; `operation` follows it per cluster (or, dry run, what would change)',
        ),
        ...writeErrors,
      },
    },
  },
  '/v1/slices/{hub}/{project}/{name}/namespaces/{namespace}': {
    delete: {
      operationId: 'offboardNamespace',
      summary:
        'Offboard a namespace from some or every member (kubeslice.slice.update on the slice)',
      parameters: [
        hub,
        project,
        slice,
        pathParam('namespace', namespaceName, 'Namespace to offboard'),
        queryParam(
          'clusters',
          {
            type: 'string',
            maxLength: 2048,
            pattern: `^${SUBDOMAIN}(,${SUBDOMAIN}){0,31}$`,
            description: 'comma-separated member cluster names',
          } as const,
          'Members to offboard it from; every member when absent',
        ),
        dryRun,
      ],
      responses: {
        '200': result(
          'Removed from the slice; `operation` follows it per cluster (or, dry run, what would change)',
        ),
        ...writeErrors,
      },
    },
  },
  '/v1/slices/{hub}/{project}/{name}/exports': {
    post: {
      operationId: 'exportService',
      summary:
        'Export a service: a ServiceExport on the worker where the portal has write credentials for it, else the manifest to apply (kubeslice.slice.update on the slice)',
      parameters: [hub, project, slice, dryRun],
      requestBody: jsonRequestBody('ServiceExportRequest'),
      responses: {
        '200': result('Dry run, or the manifest to apply (`applied: false`)'),
        '201': result(
          'Created on the worker; `operation` follows it to the imports',
        ),
        ...writeErrors,
      },
    },
  },
  '/v1/projects/{hub}/{project}/clusters': {
    post: {
      operationId: 'registerCluster',
      summary: 'Register a cluster (kubeslice.cluster.register on the project)',
      parameters: [hub, project, dryRun],
      requestBody: jsonRequestBody('ClusterRegisterRequest'),
      responses: {
        '200': result('Dry run: what would be created'),
        '201': result(
          'Created; `operation` ends when the controller has issued the worker Secret',
        ),
        ...writeErrors,
      },
    },
  },
  '/v1/projects/{hub}/{project}/clusters/{name}': {
    delete: {
      operationId: 'deregisterCluster',
      summary:
        'Deregister a cluster; refused, naming the slices, while it is in one (kubeslice.cluster.register on the project)',
      parameters: [hub, project, cluster, dryRun],
      responses: {
        '200': result('Dry run'),
        '202': result(
          'Deletion accepted; `operation` follows it until the Cluster is gone',
        ),
        ...writeErrors,
      },
    },
  },
  '/v1/projects/{hub}/{project}/clusters/{name}/registration-values': {
    post: {
      operationId: 'readRegistrationValues',
      summary:
        'The Helm values to install the worker chart with, from the controller Secret; answered to this caller only, never stored or logged (kubeslice.cluster.register on the project)',
      parameters: [hub, project, cluster],
      requestBody: jsonRequestBody('RegistrationValuesRequest', false),
      responses: {
        '200': jsonResponse(
          'RegistrationValues',
          'The values (Cache-Control: no-store)',
        ),
        ...writeErrors,
        '409': err(
          'The controller has not issued the worker Secret yet; try again shortly',
        ),
      },
    },
  },
  '/v1/projects/{hub}/{project}/qos-profiles/{name}': {
    put: {
      operationId: 'upsertQosProfile',
      summary:
        'Create or update a SliceQoSConfig (kubeslice.slice.update on the project)',
      parameters: [
        hub,
        project,
        pathParam('name', dnsSubdomain, 'Profile name'),
        dryRun,
      ],
      requestBody: jsonRequestBody('QosProfileRequest'),
      responses: {
        '200': result('Updated (or, dry run, what would be written)'),
        '201': result('Created'),
        ...writeErrors,
      },
    },
  },
} as const;
