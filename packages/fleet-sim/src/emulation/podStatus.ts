import { k8sTime } from '../scenario/time';

/** A Running pod's status with one ready container (what the kubelet reports). */
export function runningPodStatus(
  ip: string,
  hostIP: string | undefined,
  started: Date,
  container: string,
  image: string,
) {
  const t = k8sTime(started);
  return {
    phase: 'Running',
    ...(hostIP ? { hostIP } : {}),
    podIP: ip,
    podIPs: [{ ip }],
    startTime: t,
    conditions: ['Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map(
      type => ({ type, status: 'True', lastTransitionTime: t }),
    ),
    containerStatuses: [
      {
        name: container,
        image,
        ready: true,
        started: true,
        restartCount: 0,
        state: { running: { startedAt: t } },
      },
    ],
  };
}
