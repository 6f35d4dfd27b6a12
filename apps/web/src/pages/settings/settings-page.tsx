import { Stack, Tabs, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Navigate, Route, Routes, useNavigate, useParams } from 'react-router';
import { useSession } from '../../auth/session';
import { EmptyState } from '../../components/states';
import { ApiKeysTab } from './api-keys/api-keys-tab';
import { DidsTab } from './dids/dids-tab';
import { TenantsTab } from './tenants/tenants-tab';
import { TransferNumbersTab } from './transfer-numbers/transfer-numbers-tab';

const TAB_VALUES = ['tenants', 'dids', 'transfer-numbers', 'api-keys'] as const;
type TabValue = (typeof TAB_VALUES)[number];

const isTab = (value: string | undefined): value is TabValue => TAB_VALUES.includes(value as TabValue);

/**
 * Settings for admins, one tab per resource; the tab is in the URL (/settings/dids, ...), so it survives a
 * reload and can be linked to. Mounted at `settings/*`.
 */
export function SettingsPage() {
  const session = useSession();
  const navigate = useNavigate();
  const current = useParams()['*']?.split('/')[0];
  const labels: Record<TabValue, string> = {
    tenants: session.principal.tenantId === null ? 'Tenants' : 'Tenant',
    dids: 'DIDs',
    'transfer-numbers': 'Transfer numbers',
    'api-keys': 'API keys',
  };
  const panel = (value: TabValue, content: ReactNode) => (
    <Tabs.Panel value={value} pt="md">
      {content}
    </Tabs.Panel>
  );

  return (
    <Stack gap="md">
      <Title order={2}>Settings</Title>
      <Tabs
        value={isTab(current) ? current : null}
        onChange={(value) => value && void navigate(`/settings/${value}`)}
        keepMounted={false}
      >
        <Tabs.List>
          {TAB_VALUES.map((value) => (
            <Tabs.Tab key={value} value={value}>
              {labels[value]}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Routes>
          <Route index element={<Navigate to="tenants" replace />} />
          <Route path="tenants" element={panel('tenants', <TenantsTab />)} />
          <Route path="dids" element={panel('dids', <DidsTab />)} />
          <Route path="transfer-numbers" element={panel('transfer-numbers', <TransferNumbersTab />)} />
          <Route path="api-keys" element={panel('api-keys', <ApiKeysTab />)} />
          <Route
            path="*"
            element={<EmptyState title="No such settings page">Pick one of the tabs above.</EmptyState>}
          />
        </Routes>
      </Tabs>
    </Stack>
  );
}
