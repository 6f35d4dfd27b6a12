/** The API key lives in sessionStorage: kept for the browser session (tab), gone when it ends or on sign-out. */
const STORAGE_KEY = 'switchboard.apiKey';

export const keyStorage = {
  read(): string | null {
    try {
      return sessionStorage.getItem(STORAGE_KEY);
    } catch {
      return null;
    }
  },
  write(key: string): void {
    sessionStorage.setItem(STORAGE_KEY, key);
  },
  clear(): void {
    try {
      sessionStorage.removeItem(STORAGE_KEY);
    } catch {
      // Storage unavailable (private mode): nothing to clear.
    }
  },
};
