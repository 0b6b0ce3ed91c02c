import type { SliceService } from '../fleet/types';

export interface FailoverRow {
  /** The cluster assumed down. */
  down: string;
  /** Clusters that still hold endpoints. */
  remaining: string[];
  /** Endpoints left. */
  endpoints: number;
  /** Whether the service is still reachable on the slice. */
  available: boolean;
}

/**
 * What remains of a service if one member cluster goes down: the endpoints on the other
 * clusters keep serving every remaining member (through the slice), unless none is left.
 */
export function failoverRows(
  service: SliceService,
  members: string[],
): FailoverRow[] {
  return members.map(down => {
    const left = service.endpoints.filter(e => e.cluster !== down);
    const remaining = [...new Set(left.map(e => e.cluster))].sort();
    return {
      down,
      remaining,
      endpoints: left.length,
      available: left.length > 0,
    };
  });
}
