import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './load-config.js';

describe('loadConfig', () => {
  it('applies defaults to an empty environment and runs without a PBX (simulated mode)', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.logLevel).toBe('info');
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir).toBe(path.resolve('./data'));
    expect(config.uploadSoundsDir).toBe(path.resolve('./data/uploads'));
    expect(config.pbx).toEqual([]);
  });

  it('puts sounds and recordings in the simulator folders without a PBX, in Asterisk folders with one', () => {
    const simulated = loadConfig({ DATA_DIR: '/srv/sb' });
    expect(simulated.asteriskSoundsDir).toBe(path.resolve('/srv/sb/pbx-sim/sounds/custom'));
    expect(simulated.asteriskMonitorDir).toBe(path.resolve('/srv/sb/pbx-sim/monitor'));
    expect(simulated.maxUploadBytes).toBe(50 * 1024 * 1024);
    expect(simulated.maxSoundSeconds).toBe(600);
    const real = loadConfig({
      AMI_HOST: 'pbx',
      AMI_USER: 'u',
      AMI_PASSWORD: 'p',
      SOUNDS_MAX_UPLOAD_MB: '10',
    });
    expect(real.asteriskSoundsDir).toBe('/var/lib/asterisk/sounds/custom');
    expect(real.asteriskMonitorDir).toBe('/var/spool/asterisk/monitor');
    expect(real.maxUploadBytes).toBe(10 * 1024 * 1024);
    expect(() => loadConfig({ SOUNDS_MAX_DURATION_SECONDS: '-1' })).toThrow(/SOUNDS_MAX_DURATION_SECONDS/);
  });

  it('reads the call retention, the maximum call duration and the instance id', () => {
    const defaults = loadConfig({});
    expect([defaults.callRetentionDays, defaults.maxCallDurationSeconds]).toEqual([90, 14_400]);
    expect(defaults.instanceId).toMatch(/.+/);
    const set = loadConfig({
      CALLS_RETENTION_DAYS: '30',
      CALLS_MAX_DURATION_SECONDS: '3600',
      SWITCHBOARD_INSTANCE_ID: 'sb-2',
    });
    expect([set.callRetentionDays, set.maxCallDurationSeconds, set.instanceId]).toEqual([30, 3600, 'sb-2']);
    let error: unknown;
    try {
      loadConfig({
        CALLS_RETENTION_DAYS: '0',
        CALLS_MAX_DURATION_SECONDS: '5',
        SWITCHBOARD_INSTANCE_ID: 'a b',
      });
    } catch (err) {
      error = err;
    }
    expect((error as ConfigError).problems.map((p) => p.split(':')[0]).sort()).toEqual([
      'CALLS_MAX_DURATION_SECONDS',
      'CALLS_RETENTION_DAYS',
      'SWITCHBOARD_INSTANCE_ID',
    ]);
  });

  it('builds one PBX entry from the AMI_* variables', () => {
    const config = loadConfig({
      AMI_HOST: 'pbx.local',
      AMI_PORT: '5039',
      AMI_USER: 'sb',
      AMI_PASSWORD: 's3cret',
    });
    expect(config.pbx).toEqual([
      { name: 'main', host: 'pbx.local', port: 5039, username: 'sb', secret: 's3cret' },
    ]);
  });

  it('lists every bad variable in one error, without echoing secrets', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'abc',
        AMI_PORT: '70000',
        LOG_LEVEL: 'loud',
        DATABASE_URL: 'mysql://x',
        ADMIN_API_KEY: 'short',
        AMI_HOST: 'pbx.local',
      });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const { problems, message } = error as ConfigError;
    const keys = problems.map((p) => p.split(':')[0]).sort();
    expect(keys).toEqual(
      ['ADMIN_API_KEY', 'AMI_PASSWORD', 'AMI_PORT', 'AMI_USER', 'DATABASE_URL', 'LOG_LEVEL', 'PORT'].sort(),
    );
    expect(message).toContain('PORT: must be a number (got "abc")');
    expect(message).not.toContain('short');
  });

  it('treats empty strings as unset, as .env files often contain them', () => {
    const config = loadConfig({ AMI_HOST: '', AMI_USER: '', AMI_PASSWORD: '', PORT: '' });
    expect(config.pbx).toEqual([]);
    expect(config.port).toBe(3000);
  });
});

describe('web UI and simulator settings', () => {
  it('serves apps/web/dist by default and WEB_DIST_DIR when set', () => {
    expect(loadConfig({}).webDistDir).toMatch(/apps[/\\]web[/\\]dist$/);
    expect(loadConfig({ WEB_DIST_DIR: '/srv/ui' }).webDistDir).toBe('/srv/ui');
  });

  it('runs the simulator in real time unless PBX_SIM_SPEED says otherwise, and refuses nonsense', () => {
    expect(loadConfig({}).pbxSimSpeed).toBe(1);
    expect(loadConfig({ PBX_SIM_SPEED: '4' }).pbxSimSpeed).toBe(4);
    expect(() => loadConfig({ PBX_SIM_SPEED: 'fast' })).toThrow(/PBX_SIM_SPEED: must be a number/);
  });
});
