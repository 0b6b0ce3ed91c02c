/** RFC 3339 without fractional seconds, as Kubernetes serialises `metav1.Time`. */
export function k8sTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
