import { posix } from 'node:path';
import { ApiError, GrpcCode } from '@/lib/api-error';

/**
 * A file path inside an artifact from a URL, cleaned as argo-server's path.Clean; anything that would climb out of
 * the artifact (`..`, absolute after cleaning, NUL) is refused.
 */
export function toArtifactFilePath(segments: string[] | undefined): string | undefined {
  if (!segments?.length) return undefined;
  const decoded = segments.map((s) => s);
  if (decoded.some((s) => s === '..' || s.includes('\0') || s.includes('\\'))) {
    throw new ApiError(GrpcCode.InvalidArgument, 'artifact file path must stay inside the artifact');
  }
  const cleaned = posix.normalize(decoded.join('/')).replace(/^\/+/, '');
  if (cleaned === '' || cleaned === '.') return undefined;
  if (cleaned.split('/').includes('..')) throw new ApiError(GrpcCode.InvalidArgument, 'artifact file path must stay inside the artifact');
  return cleaned;
}

/** A path segment naming one thing (node ID, artifact name): no separators or dot segments. */
export function requireSegment(value: string, what: string): string {
  if (value === '' || value === '.' || value === '..' || value.includes('/') || value.includes('\0')) {
    throw new ApiError(GrpcCode.InvalidArgument, `invalid ${what}: ${JSON.stringify(value)}`);
  }
  return value;
}
