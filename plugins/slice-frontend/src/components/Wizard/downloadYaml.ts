/** Offers `yaml` as a file download (for review or GitOps), without a round trip. */
export function downloadYaml(fileName: string, yaml: string): void {
  const blob = new Blob([yaml], { type: 'application/yaml' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  URL.revokeObjectURL(url);
}
