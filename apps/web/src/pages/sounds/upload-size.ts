import { formatBytes } from '../../lib/format-bytes';

/**
 * Why a file is too large to upload, naming the limit, or null when it fits (or the limit is not known yet:
 * then the server judges it).
 */
export function tooLargeMessage(
  file: Pick<File, 'name' | 'size'>,
  maxUploadBytes: number | undefined,
): string | null {
  if (maxUploadBytes === undefined || file.size <= maxUploadBytes) return null;
  const limit = formatBytes(maxUploadBytes);
  const size = formatBytes(file.size);
  return `${file.name} is ${size === limit ? `over ${limit}` : size}: the limit is ${limit} per file. Nothing was sent.`;
}
