/** The fleet map and the cluster graph: legends, summaries and what screen readers hear. */
export const fleetViewsMessages = {
  map: {
    colourBy: 'Tunnels coloured by',
    byState: 'state',
    byLatency: 'latency',
    unlocated: 'Not on the map (no latitude/longitude in geoLocation):',
    aria: 'Map of {{clusters}} clusters and {{tunnels}} tunnels',
  },
  graph: {
    summary: '{{clusters}} clusters, {{pairs}} cluster pairs sharing a slice',
    legend:
      "Edge colour: the pair's worst tunnel; width: slices they share. Rings are projects; clusters ordered by provider and region.",
    aria: 'Graph of {{clusters}} clusters and {{pairs}} cluster pairs',
    slices: '{{n}} slice(s)',
  },
} as const;
