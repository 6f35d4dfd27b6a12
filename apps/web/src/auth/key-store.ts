import { keyStorage } from './key-storage';

/**
 * The current API key, outside React so the API client reads it on every request; React subscribes to it
 * with useSyncExternalStore. Backed by sessionStorage.
 */
export class KeyStore {
  private key: string | null;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly storage = keyStorage) {
    this.key = storage.read();
  }

  readonly get = (): string | null => this.key;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  set(key: string): void {
    this.storage.write(key);
    this.update(key);
  }

  clear(): void {
    this.storage.clear();
    this.update(null);
  }

  private update(key: string | null): void {
    this.key = key;
    for (const listener of this.listeners) listener();
  }
}
