/**
 * One blob: URL per Blob, shared by every component showing it and revoked a few seconds after the last one lets
 * go. The grace period lets React StrictMode's unmount/remount (and a quick remount on navigation) keep the
 * same URL instead of being handed one that was just revoked.
 */
interface Entry {
  url: string;
  refs: number;
  timer: ReturnType<typeof setTimeout> | undefined;
}

const entries = new Map<Blob, Entry>();
export const REVOKE_GRACE_MS = 5_000;

function entryFor(blob: Blob): Entry {
  let entry = entries.get(blob);
  if (!entry) {
    entry = { url: URL.createObjectURL(blob), refs: 0, timer: undefined };
    entries.set(blob, entry);
    // A URL made for a render that never commits is released too.
    scheduleRevoke(blob, entry);
  }
  return entry;
}

function scheduleRevoke(blob: Blob, entry: Entry): void {
  clearTimeout(entry.timer);
  entry.timer = setTimeout(() => {
    if (entry.refs > 0) return;
    URL.revokeObjectURL(entry.url);
    entries.delete(blob);
  }, REVOKE_GRACE_MS);
}

/** The blob's URL (made on first use); safe to call during render. */
export function objectUrlFor(blob: Blob): string {
  return entryFor(blob).url;
}

/** Keeps the blob's URL alive until the returned release is called (then revoked after the grace period). */
export function retainObjectUrl(blob: Blob): () => void {
  const entry = entryFor(blob);
  entry.refs += 1;
  clearTimeout(entry.timer);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    entry.refs -= 1;
    if (entry.refs === 0) scheduleRevoke(blob, entry);
  };
}
