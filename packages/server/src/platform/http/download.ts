/** A Content-Disposition for a download named after a title (ASCII fallback plus the UTF-8 name). */
export function attachmentName(title: string, fallbackStem: string, ext: string): string {
  const fallback = `${fallbackStem}.${ext}`;
  const name = `${title.replace(/[\\/:*?"<>|\r\n]+/g, '_').slice(0, 80)}.${ext}`;
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
