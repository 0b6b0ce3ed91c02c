import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import {
  slicePagePath,
  sliceFleetReadPermission,
  type ApiPath,
  type SliceEntityKey,
} from '@slice-portal/plugin-slice-common';
import type { SliceApiClient } from '@slice-portal/plugin-slice-node';
import type { z as zod } from 'zod/v3';
import { refusalsAsErrors } from './refusals';

/** What the AI actions need: the registry, the slice API and where the portal's pages are. */
export interface SliceActionsOptions {
  registry: ActionsRegistryService;
  client: SliceApiClient;
  /** `app.baseUrl`, for links to the slices' pages. */
  appBaseUrl: string;
}

export type Z = typeof zod;

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** Input fields naming a slice, shared by the actions about one. */
export const sliceFields = (z: Z) => ({
  hub: z.string().regex(DNS_LABEL).describe('Hub name, e.g. demo'),
  project: z
    .string()
    .regex(DNS_LABEL)
    .describe('KubeSlice project (tenant), e.g. arcade'),
  slice: z.string().regex(DNS_LABEL).describe('Slice name, e.g. pacman'),
});

/** A GET of the slice API as the caller (tenancy and permissions apply), refusals as errors. */
export function reader(
  client: SliceApiClient,
  credentials: BackstageCredentials,
) {
  return <T>(
    path: ApiPath,
    params?: Record<string, string>,
    query?: Record<string, string | undefined>,
  ) =>
    refusalsAsErrors(() =>
      client.call<T>({ method: 'GET', path, params, query, credentials }),
    );
}

export const sliceRef = (s: { hub: string; project: string; name: string }) =>
  `${s.hub}/${s.project}/${s.name}`;

export const pageUrl = (appBaseUrl: string, slice: SliceEntityKey) =>
  `${appBaseUrl}${slicePagePath(slice)}`;

/** Who may see the actions at all: those who may read the fleet (each call is then tenant-scoped). */
export const visibilityPermission = sliceFleetReadPermission;

export const READ_ONLY = { readOnly: true, idempotent: true } as const;

/** A tunnel's latest latency and loss, where its gateways reported them. */
export const tunnelNow = (t: {
  latencyMs?: number;
  packetLossPercent?: number;
}) => ({
  ...(t.latencyMs !== undefined && { latencyMs: t.latencyMs }),
  ...(t.packetLossPercent !== undefined && {
    packetLossPercent: t.packetLossPercent,
  }),
});

export const healthSchema = (z: Z) =>
  z.object({
    state: z.string().describe('ok, warning, error or unknown'),
    reasons: z.array(z.string()).describe('Why, most important first'),
  });
