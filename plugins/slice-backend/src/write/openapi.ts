/**
 * The write routes' part of the OpenAPI document: paths, request bodies and answers.
 * Request validation (write/validation.ts) is compiled from these very schemas, so what
 * the document says is what the routes accept.
 *
 * Bodies are closed (`additionalProperties: false`), every string and list has a bound
 * (a 10 000-element list or a megabyte string is a 400, not work for the server), and
 * names, namespaces and CIDRs carry the patterns the API server would check. What needs
 * the fleet's state (subnet overlaps, membership, quotas of the webhooks) is preflight's.
 * Field names are those of the KubeSlice objects, so a 400 path (`spec.sliceSubnet`), a
 * preflight path and an API server's cause path name the same field.
 */

const DNS_LABEL = '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$';
/** RFC 1123 subdomain: dot-separated labels of at most 63 characters each. */
const DNS_SUBDOMAIN =
  '^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)*$';
const OCTET = '(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])';
/** An IPv4 CIDR that parses (`10.1.0.0/16`); whether it is private, /16 and free is preflight's. */
const IPV4_CIDR = `^${OCTET}(\\.${OCTET}){3}/(3[0-2]|[12]?[0-9])$`;

const dnsLabel = {
  type: 'string',
  pattern: DNS_LABEL,
  maxLength: 63,
  description:
    "DNS-1123 label: lowercase letters, digits and '-', starting and ending with a letter or digit, at most 63 characters",
} as const;
const clusterName = {
  type: 'string',
  pattern: DNS_SUBDOMAIN,
  maxLength: 253,
  description: 'Name of a registered cluster (DNS-1123 subdomain)',
} as const;
const clusterOrStar = {
  type: 'string',
  pattern: `^(\\*|${DNS_SUBDOMAIN.slice(1, -1)})$`,
  maxLength: 253,
  description: 'A member cluster, or "*" for every member',
} as const;
const namespaceName = {
  ...dnsLabel,
  description: 'Kubernetes namespace name (DNS-1123 label)',
} as const;
const boolean = { type: 'boolean' } as const;
const MAX_MEMBERS = 32;
const MAX_NAMESPACES = 256;

const namespaceSelection = {
  type: 'object',
  additionalProperties: false,
  required: ['namespace', 'clusters'],
  properties: {
    namespace: namespaceName,
    clusters: {
      type: 'array',
      minItems: 1,
      maxItems: MAX_MEMBERS,
      items: clusterOrStar,
      description: 'Clusters the namespace is on; ["*"] for every member',
    },
  },
} as const;

const qosDetails = {
  type: 'object',
  additionalProperties: false,
  required: [
    'priority',
    'bandwidthCeilingKbps',
    'bandwidthGuaranteedKbps',
    'dscpClass',
  ],
  properties: {
    queueType: { type: 'string', enum: ['HTB'], default: 'HTB' },
    tcType: {
      type: 'string',
      enum: ['BANDWIDTH_CONTROL'],
      default: 'BANDWIDTH_CONTROL',
    },
    priority: {
      type: 'integer',
      minimum: 0,
      maximum: 1000,
      description: '0 (highest) to 3',
    },
    bandwidthCeilingKbps: { type: 'integer', minimum: 0, maximum: 1e12 },
    bandwidthGuaranteedKbps: { type: 'integer', minimum: 0, maximum: 1e12 },
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
} as const;

const namespaceList = {
  type: 'array',
  maxItems: MAX_NAMESPACES,
  items: { $ref: '#/components/schemas/NamespaceSelection' },
} as const;

const clusterList = {
  type: 'array',
  maxItems: MAX_MEMBERS,
  items: clusterName,
} as const;

export const writeSchemas = {
  NamespaceSelection: namespaceSelection,
  QosProfileDetails: qosDetails,
  SliceSpecInput: {
    type: 'object',
    additionalProperties: false,
    required: ['clusters'],
    description:
      'The SliceConfig spec the portal writes (REFERENCE §2.3); sliceType, sliceIpamType and, for network slices, sliceGatewayProvider (OpenVPN, Local CA) are filled in',
    properties: {
      clusters: clusterList,
      maxClusters: { type: 'integer', minimum: 2, maximum: 32, default: 16 },
      overlayNetworkDeploymentMode: {
        type: 'string',
        enum: ['single-network', 'multi-network', 'no-network'],
        default: 'single-network',
      },
      sliceSubnet: {
        type: 'string',
        pattern: IPV4_CIDR,
        maxLength: 18,
        description:
          'Private IPv4 /16 ending in .0.0 (e.g. 10.20.0.0/16); network slices only',
      },
      standardQosProfileName: {
        ...clusterName,
        description: 'A SliceQoSConfig of the project (QoS by profile)',
      },
      qosProfileDetails: { $ref: '#/components/schemas/QosProfileDetails' },
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
          'Slice name (keep it ≤ 15 characters: longer names break service export)',
      },
      spec: { $ref: '#/components/schemas/SliceSpecInput' },
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
          "Members to remove; the namespaces listed only for them leave the slice, '*' entries stay",
      },
      qos: {
        type: 'object',
        additionalProperties: false,
        minProperties: 1,
        description:
          'Replaces the slice QoS: a profile name or inline details (the other is cleared)',
        properties: {
          standardQosProfileName: clusterName,
          qosProfileDetails: { $ref: '#/components/schemas/QosProfileDetails' },
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
        ...namespaceSelection.properties.clusters,
        description:
          'Clusters to onboard the namespace on (added to those it is on); ["*"] for every member, now and later',
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
        description: 'Member cluster the service runs on',
      },
      namespace: namespaceName,
      name: {
        ...dnsLabel,
        description: 'Name of the ServiceExport (the service name)',
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
                  pattern:
                    '^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$',
                  maxLength: 317,
                },
                additionalProperties: {
                  type: 'string',
                  pattern: '^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$',
                  maxLength: 63,
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
                  description: 'Prefix it with http or tcp (KubeSlice docs)',
                },
                containerPort: { type: 'integer', minimum: 1, maximum: 65535 },
                protocol: { type: 'string', enum: ['TCP', 'UDP', 'SCTP'] },
                servicePort: { type: 'integer', minimum: 1, maximum: 65535 },
                serviceProtocol: { type: 'string', enum: ['HTTP', 'HTTPS'] },
              },
            },
          },
          aliases: {
            type: 'array',
            maxItems: 16,
            items: { type: 'string', pattern: DNS_SUBDOMAIN, maxLength: 253 },
          },
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
            description: 'Gateway node IPs; detected by the worker when empty',
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
          "The worker's API server URL (Helm value cluster.endpoint, used for the dashboard credentials)",
      },
    },
  },
  QosProfileRequest: {
    type: 'object',
    additionalProperties: false,
    required: ['spec'],
    properties: { spec: { $ref: '#/components/schemas/QosProfileDetails' } },
  },
  PreflightFinding: {
    type: 'object',
    required: ['path', 'code', 'message', 'severity'],
    properties: {
      path: { type: 'string' },
      code: { type: 'string' },
      message: { type: 'string' },
      severity: { type: 'string', enum: ['error', 'warning'] },
    },
  },
  WriteDiff: {
    type: 'object',
    required: ['changes', 'text'],
    properties: {
      changes: {
        type: 'array',
        items: {
          type: 'object',
          required: ['path', 'op'],
          properties: {
            path: { type: 'string' },
            op: { type: 'string', enum: ['add', 'remove', 'replace'] },
            before: {},
            after: {},
          },
        },
      },
      text: { type: 'string', description: 'Unified diff of the YAML' },
    },
  },
  WriteOperation: {
    type: 'object',
    description:
      'A tracked operation; poll it until its state is no longer running',
    required: ['id', 'kind', 'state', 'steps'],
    properties: {
      id: { type: 'string' },
      kind: { type: 'string' },
      state: {
        type: 'string',
        enum: ['running', 'done', 'failed', 'timedOut'],
      },
      reason: { type: 'string' },
      steps: {
        type: 'array',
        items: {
          type: 'object',
          required: ['id', 'title', 'state'],
          properties: {
            id: { type: 'string' },
            title: { type: 'string' },
            state: {
              type: 'string',
              enum: ['pending', 'running', 'done', 'failed'],
            },
            detail: { type: 'string' },
          },
        },
      },
    },
  },
  WriteResult: {
    type: 'object',
    required: ['dryRun', 'object', 'yaml', 'diff', 'preflight'],
    properties: {
      dryRun: boolean,
      object: {
        type: 'object',
        description:
          'The object as the API server stored it, or (dry run) would store it: defaults and mutating webhooks applied',
      },
      yaml: { type: 'string' },
      diff: { $ref: '#/components/schemas/WriteDiff' },
      preflight: {
        type: 'array',
        items: { $ref: '#/components/schemas/PreflightFinding' },
        description:
          'Findings of preflight (warnings only: errors refuse the write with 400)',
      },
      resourceVersion: {
        type: 'string',
        description:
          'resourceVersion of the stored object before the write (absent for a create)',
      },
      attempts: {
        type: 'integer',
        description:
          'Writes it took: more than 1 when others changed the object meanwhile (409, retried)',
      },
      applied: {
        type: 'boolean',
        description:
          'Service export: false when the portal may not write to the worker; apply `yaml` there',
      },
      instructions: { type: 'string' },
      plan: { type: 'array', items: { type: 'string' } },
      operation: { $ref: '#/components/schemas/WriteOperation' },
    },
  },
  RegistrationValues: {
    type: 'object',
    required: ['cluster', 'values', 'yaml'],
    properties: {
      cluster: { type: 'string' },
      values: {
        type: 'object',
        description:
          'Helm values of the kubeslice-worker chart, copied from the controller Secret (secret: shown once, not stored)',
      },
      yaml: { type: 'string' },
      command: { type: 'string' },
    },
  },
} as const;

const pathParam = (name: string, schema: object, description: string) =>
  ({ name, in: 'path', required: true, description, schema } as const);
const hub = pathParam('hub', dnsLabel, 'Hub name');
const project = pathParam(
  'project',
  { ...dnsLabel, maxLength: 30 },
  'KubeSlice project',
);
const slice = pathParam('name', dnsLabel, 'Slice name');
const dryRun = {
  name: 'dryRun',
  in: 'query',
  required: false,
  description:
    'true: run preflight and the API server (dryRun=All: schema, admission) and answer what would be written; nothing is stored',
  schema: boolean,
} as const;

const json = (ref: string, description: string) =>
  ({
    description,
    content: { 'application/json': { schema: { $ref: ref } } },
  } as const);
const body = (name: string, required = true) =>
  ({
    required,
    content: {
      'application/json': { schema: { $ref: `#/components/schemas/${name}` } },
    },
  } as const);
const err = (description: string) =>
  json('#/components/schemas/Error', description);
const writeErrors = {
  '400': err(
    'Invalid request (the message and `error.fields` name each field), refused by preflight, or refused by the API server (schema, admission webhook: its message and causes)',
  ),
  '401': err('Not authenticated'),
  '403': err(
    "Not allowed by the permission policy, or the API server refused the portal's write credentials",
  ),
  '404': err('No such hub, project, slice or cluster'),
  '409': err(
    'Already exists, or the object kept changing (409 after every retry)',
  ),
  '503': err(
    'The hub or worker could not be reached or answered with an error',
  ),
} as const;
const result = (description: string) =>
  json('#/components/schemas/WriteResult', description);

export const writePaths = {
  '/v1/slices/{hub}/{project}': {
    post: {
      operationId: 'createSlice',
      summary: 'Create a slice (kubeslice.slice.create on the project)',
      parameters: [hub, project, dryRun],
      requestBody: body('SliceCreateRequest'),
      responses: {
        '200': result('Dry run: what would be created'),
        '201': result(
          'Created; `operation` reports WorkerSliceConfigs, gateways and onboarding',
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
      requestBody: body('SliceUpdateRequest'),
      responses: {
        '200': result('Changed (or, dry run, what would change)'),
        ...writeErrors,
      },
    },
    delete: {
      operationId: 'deleteSlice',
      summary:
        'Guided delete: offboard every namespace, wait until no member reports one onboarded and no service export of the slice remains, then delete (kubeslice.slice.delete on the slice)',
      parameters: [hub, project, slice, dryRun],
      responses: {
        '200': result('Dry run: the plan and what would block it'),
        '202': result('Started; follow `operation`'),
        ...writeErrors,
      },
    },
  },
  '/v1/slices/{hub}/{project}/{name}/namespaces': {
    post: {
      operationId: 'onboardNamespace',
      summary:
        'Onboard a namespace on some or all members (kubeslice.slice.update on the slice)',
      parameters: [hub, project, slice, dryRun],
      requestBody: body('NamespaceOnboardRequest'),
      responses: {
        '200': result(
          'Onboarding started (or, dry run, what would change); `operation` reports it per cluster',
        ),
        ...writeErrors,
      },
    },
  },
  '/v1/slices/{hub}/{project}/{name}/namespaces/{namespace}': {
    delete: {
      operationId: 'offboardNamespace',
      summary:
        'Offboard a namespace from some or all members (kubeslice.slice.update on the slice)',
      parameters: [
        hub,
        project,
        slice,
        pathParam('namespace', namespaceName, 'Namespace to offboard'),
        {
          name: 'clusters',
          in: 'query',
          required: false,
          description:
            'Comma-separated members to offboard it from; every member when absent',
          schema: {
            type: 'string',
            maxLength: 2048,
            pattern: `^${DNS_SUBDOMAIN.slice(1, -1)}(,${DNS_SUBDOMAIN.slice(
              1,
              -1,
            )}){0,31}$`,
          },
        },
        dryRun,
      ],
      responses: {
        '200': result('Offboarding started (or, dry run, what would change)'),
        ...writeErrors,
      },
    },
  },
  '/v1/slices/{hub}/{project}/{name}/exports': {
    post: {
      operationId: 'exportService',
      summary:
        'Export a service: a ServiceExport on the worker with write credentials, else the manifest to apply (kubeslice.slice.update on the slice)',
      parameters: [hub, project, slice, dryRun],
      requestBody: body('ServiceExportRequest'),
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
      requestBody: body('ClusterRegisterRequest'),
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
        'Deregister a cluster; refused while it is in a slice (kubeslice.cluster.register on the project)',
      parameters: [
        hub,
        project,
        pathParam('name', clusterName, 'Cluster name'),
        dryRun,
      ],
      responses: {
        '200': result('Dry run'),
        '202': result('Deregistration started; follow `operation`'),
        ...writeErrors,
      },
    },
  },
  '/v1/projects/{hub}/{project}/clusters/{name}/registration-values': {
    post: {
      operationId: 'readRegistrationValues',
      summary:
        'The Helm values to install the worker chart with, from the controller Secret; answered to this caller only, never stored or logged (kubeslice.cluster.register on the project)',
      parameters: [
        hub,
        project,
        pathParam('name', clusterName, 'Cluster name'),
      ],
      requestBody: body('RegistrationValuesRequest', false),
      responses: {
        '200': json(
          '#/components/schemas/RegistrationValues',
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
        pathParam('name', clusterName, 'Profile name'),
        dryRun,
      ],
      requestBody: body('QosProfileRequest'),
      responses: {
        '200': result('Updated (or, dry run, what would be written)'),
        '201': result('Created'),
        ...writeErrors,
      },
    },
  },
} as const;

export type WriteOperationId =
  (typeof writePaths)[keyof typeof writePaths][keyof (typeof writePaths)[keyof typeof writePaths]] extends infer O
    ? O extends { operationId: infer I }
      ? I
      : never
    : never;
