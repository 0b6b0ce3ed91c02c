/**
 * Geography → network: tunnel latency follows the distance between the two
 * sites, so the latency map a plugin draws looks like the real world.
 */

export interface Site {
  latitude: number;
  longitude: number;
  /** Extra last-mile latency at this end (ms). */
  extraLatencyMs?: number;
  packetLossPercent?: number;
}

const EARTH_RADIUS_KM = 6371;

/** Great-circle distance (haversine). */
export function greatCircleKm(a: Site, b: Site): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const dLat = rad(b.latitude - a.latitude);
  const dLon = rad(b.longitude - a.longitude);
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(rad(a.latitude)) *
      Math.cos(rad(b.latitude)) *
      Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Expected round-trip time in ms: light in fibre covers ~200 km/ms, so a round
 * trip costs ~1 ms per 100 km of distance, plus ~1 ms of switching, plus any
 * last-mile latency of the two sites.
 */
export function baseLatencyMs(a: Site, b: Site): number {
  return (
    greatCircleKm(a, b) / 100 +
    1 +
    (a.extraLatencyMs ?? 0) +
    (b.extraLatencyMs ?? 0)
  );
}

export interface TunnelSample {
  /** Average RTT in ms (integer, as the gateway sidecar reports it). */
  Latency: number;
  /** Percent, 0–100. */
  PacketLoss: number;
  /** ~kbit/s on the tun interface. */
  TxRate: number;
  RxRate: number;
}

/**
 * One sample of tunnel metrics: the base latency plus up to 5 % (at least
 * 1 ms) of jitter, loss from the worse end, and a plausible traffic rate.
 */
export function sampleTunnel(
  a: Site,
  b: Site,
  rng: () => number,
): TunnelSample {
  const base = baseLatencyMs(a, b);
  const jitter = rng() * Math.max(1, base * 0.05);
  const loss = Math.max(a.packetLossPercent ?? 0, b.packetLossPercent ?? 0);
  return {
    Latency: Math.round(base + jitter),
    PacketLoss: Math.round(loss),
    TxRate: Math.round(200 + rng() * 1800),
    RxRate: Math.round(200 + rng() * 1800),
  };
}
