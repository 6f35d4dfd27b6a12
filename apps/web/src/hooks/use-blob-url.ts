import { useEffect, useState } from 'react';

/**
 * A blob: URL for a blob, made in an effect and revoked by that effect's cleanup, so it stays valid for as long
 * as it is shown. (A URL made during render and revoked in an effect is revoked by React's StrictMode re-run
 * of effects while still in use, when the blob was already cached at mount.)
 */
export function useBlobUrl(blob: Blob | null): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!blob) {
      setUrl(null);
      return;
    }
    const made = URL.createObjectURL(blob);
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [blob]);
  return url;
}
