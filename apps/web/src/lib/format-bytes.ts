export interface FormatBytesOptions {
  /**
   * Keep the ".0" of a size under 10 units ("1.0 KB" rather than "1 KB"): the recordings list has always shown
   * it, the sounds pages never have.
   */
  keepTrailingZero?: boolean;
}

/** A size as people read it, in steps of 1024 up to GB: 1536 -> "1.5 KB", 52428800 -> "50 MB". */
export function formatBytes(bytes: number, { keepTrailingZero = false }: FormatBytesOptions = {}): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  if (value >= 10) return `${Math.round(value)} ${units[unit]}`;
  const oneDecimal = value.toFixed(1);
  return `${keepTrailingZero ? oneDecimal : oneDecimal.replace(/\.0$/, '')} ${units[unit]}`;
}
