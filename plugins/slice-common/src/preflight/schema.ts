import type { Findings } from './findings';
import type { PreflightCode } from './types';

/**
 * What the API server's structural schema refuses before any webhook runs:
 * wrong types, values outside an enum, missing required fields, numbers out
 * of bounds. The schemas below are the CRD `openAPIV3Schema` facts listed in
 * REFERENCE §2.3/§2.4/§2.2, reduced to the fields a portal form writes;
 * unknown fields are not flagged because the API server silently drops them.
 * Run on the object after defaults, as the API server validates it.
 */

export interface MiniSchema {
  type: 'object' | 'array' | 'string' | 'integer' | 'boolean';
  properties?: Record<string, MiniSchema>;
  items?: MiniSchema;
  required?: string[];
  enum?: readonly string[];
  minimum?: number;
  maximum?: number;
  format?: 'date-time';
  /** Code for a bound violation, when a rule module owns the field (default `schema.range`). */
  rangeCode?: PreflightCode;
}

const str: MiniSchema = { type: 'string' };
const int: MiniSchema = { type: 'integer' };
const bool: MiniSchema = { type: 'boolean' };
const strings: MiniSchema = { type: 'array', items: str };
const enabled: MiniSchema = { type: 'object', properties: { enabled: bool } };

export const DSCP_CLASSES = [
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
] as const;

export const OVERLAY_MODES = [
  'single-network',
  'multi-network',
  'no-network',
] as const;

const namespaceSelections: MiniSchema = {
  type: 'array',
  items: {
    type: 'object',
    properties: { namespace: str, clusters: strings },
  },
};

/** `SliceConfig.spec` (REFERENCE §2.3). */
export const SLICE_CONFIG_SPEC_SCHEMA: MiniSchema = {
  type: 'object',
  required: ['maxClusters'],
  properties: {
    clusters: strings,
    externalGatewayConfig: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          clusters: strings,
          egress: enabled,
          ingress: enabled,
          nsIngress: enabled,
          gatewayType: { type: 'string', enum: ['none', 'istio', 'envoy'] },
          vpcServiceAccess: {
            type: 'object',
            properties: { egress: enabled, ingress: enabled },
          },
        },
      },
    },
    maxClusters: {
      type: 'integer',
      minimum: 2,
      maximum: 32,
      rangeCode: 'maxClusters.outOfRange',
    },
    namespaceIsolationProfile: {
      type: 'object',
      properties: {
        allowedNamespaces: namespaceSelections,
        applicationNamespaces: namespaceSelections,
        isolationEnabled: bool,
      },
    },
    overlayNetworkDeploymentMode: { type: 'string', enum: OVERLAY_MODES },
    qosProfileDetails: {
      type: 'object',
      required: [
        'bandwidthCeilingKbps',
        'bandwidthGuaranteedKbps',
        'dscpClass',
        'priority',
        'queueType',
        'tcType',
      ],
      properties: {
        bandwidthCeilingKbps: int,
        bandwidthGuaranteedKbps: int,
        dscpClass: { type: 'string', enum: DSCP_CLASSES },
        priority: int,
        queueType: str,
        tcType: str,
      },
    },
    renewBefore: { type: 'string', format: 'date-time' },
    rotationInterval: { type: 'integer', minimum: 30, maximum: 90 },
    sliceGatewayProvider: {
      type: 'object',
      required: ['sliceCaType', 'sliceGatewayType'],
      properties: {
        sliceCaType: str,
        sliceGatewayType: { type: 'string', enum: ['OpenVPN', 'Wireguard'] },
        sliceGatewayServiceType: {
          type: 'array',
          items: {
            type: 'object',
            required: ['cluster', 'protocol', 'type'],
            properties: {
              cluster: str,
              protocol: { type: 'string', enum: ['TCP', 'UDP'] },
              type: { type: 'string', enum: ['NodePort', 'LoadBalancer'] },
            },
          },
        },
      },
    },
    sliceIpamType: str,
    sliceSubnet: str,
    sliceType: str,
    standardQosProfileName: str,
    vpnConfig: {
      type: 'object',
      required: ['cipher'],
      properties: {
        cipher: { type: 'string', enum: ['AES-256-CBC', 'AES-128-CBC'] },
      },
    },
  },
};

/** `SliceQoSConfig.spec` (REFERENCE §2.4): stricter enums than the slice's inline QoS. */
export const SLICE_QOS_CONFIG_SPEC_SCHEMA: MiniSchema = {
  type: 'object',
  required: [
    'bandwidthCeilingKbps',
    'bandwidthGuaranteedKbps',
    'dscpClass',
    'priority',
    'queueType',
    'tcType',
  ],
  properties: {
    bandwidthCeilingKbps: int,
    bandwidthGuaranteedKbps: int,
    dscpClass: { type: 'string', enum: DSCP_CLASSES },
    priority: int,
    queueType: { type: 'string', enum: ['HTB'] },
    tcType: { type: 'string', enum: ['BANDWIDTH_CONTROL'] },
  },
};

/** `Cluster.spec` (REFERENCE §2.2), the fields a registration form writes. */
export const CLUSTER_SPEC_SCHEMA: MiniSchema = {
  type: 'object',
  properties: {
    networkInterface: str,
    nodeIP: str,
    nodeIPs: strings,
    clusterProperty: {
      type: 'object',
      properties: {
        geoLocation: {
          type: 'object',
          properties: {
            cloudProvider: str,
            cloudRegion: str,
            latitude: str,
            longitude: str,
          },
        },
      },
    },
  },
};

const DATE_TIME =
  /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

function typeMatches(type: MiniSchema['type'], v: unknown): boolean {
  switch (type) {
    case 'object':
      return typeof v === 'object' && v !== null && !Array.isArray(v);
    case 'array':
      return Array.isArray(v);
    case 'integer':
      return typeof v === 'number' && Number.isInteger(v);
    default:
      return typeof v === type;
  }
}

/** Reports every schema violation under `path` (e.g. `spec`). */
export function checkSchema(
  schema: MiniSchema,
  value: unknown,
  path: string,
  out: Findings,
): void {
  // `null` is how a JSON patch clears a field; the API server prunes it like an absent one.
  if (value === undefined || value === null) return;
  if (!typeMatches(schema.type, value)) {
    out.error(
      path,
      'schema.type',
      `${path} must be ${
        schema.type === 'integer' ? 'a whole number' : `of type ${schema.type}`
      }.`,
    );
    return;
  }
  if (schema.enum && !schema.enum.includes(value as string))
    out.error(
      path,
      'schema.enum',
      `${JSON.stringify(
        value,
      )} is not supported for ${path}; use one of ${schema.enum.join(', ')}.`,
    );
  if (typeof value === 'number') {
    const { minimum: min, maximum: max } = schema;
    if (
      (min !== undefined && value < min) ||
      (max !== undefined && value > max)
    )
      out.error(
        path,
        schema.rangeCode ?? 'schema.range',
        `${path} is ${value}; it must be between ${min} and ${max}.`,
      );
  }
  if (
    typeof value === 'string' &&
    schema.format === 'date-time' &&
    !DATE_TIME.test(value)
  )
    out.error(
      path,
      'schema.type',
      `${path} must be an RFC 3339 date-time such as 2025-01-31T12:00:00Z.`,
    );
  if (Array.isArray(value) && schema.items)
    value.forEach((item, i) =>
      checkSchema(schema.items!, item, `${path}[${i}]`, out),
    );
  if (schema.type === 'object') {
    const obj = value as Record<string, unknown>;
    for (const key of schema.required ?? [])
      if (obj[key] === undefined || obj[key] === null)
        out.error(
          `${path}.${key}`,
          'schema.required',
          `${path}.${key} is required.`,
        );
    for (const [key, sub] of Object.entries(schema.properties ?? {}))
      checkSchema(sub, obj[key], `${path}.${key}`, out);
  }
}
