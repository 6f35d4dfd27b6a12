import fs from 'node:fs/promises';
import path from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';

/** Writes the first-start admin key to DATA_DIR/admin-key, readable by the owner only. */
@Injectable()
export class AdminKeyFile {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get path(): string {
    return path.join(this.config.dataDir, 'admin-key');
  }

  async write(key: string): Promise<string> {
    await fs.mkdir(this.config.dataDir, { recursive: true });
    await fs.writeFile(this.path, `${key}\n`, { mode: 0o600 });
    await fs.chmod(this.path, 0o600);
    return this.path;
  }
}
