import { AppShell, Badge, Burger, Button, Divider, Group, NavLink, Stack, Text, Title } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { NavLink as RouterNavLink, Outlet, useLocation } from 'react-router';
import { hasRole, useSession } from '../auth/session';
import { usePbxStatus } from '../hooks/use-pbx-status';
import { NAV_ITEMS } from './nav-items';
import { PbxBadge } from './pbx-badge';
import { TenantPicker } from './tenant-picker';

/**
 * Header (tenant, role, PBX state, sign out) and navigation around every signed-in page. At phone width the
 * header keeps the menu button, the name and the PBX state; tenant, role and sign-out move into the menu.
 */
export function AppLayout() {
  const session = useSession();
  const pbx = usePbxStatus();
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();
  const items = NAV_ITEMS.filter((item) => hasRole(session.principal.role, item.minRole));
  // Rendered in one place only (not hidden twice with CSS), so labels and test ids stay unique.
  const wide = useMediaQuery('(min-width: 48em)', true) ?? true;
  const identity = (
    <>
      <TenantPicker />
      <Badge data-testid="role" variant="outline">
        {session.principal.role}
      </Badge>
    </>
  );

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 210, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label="Toggle navigation"
            />
            <Title order={1} size="h4">
              Switchboard
            </Title>
          </Group>
          <Group gap="xs" wrap="nowrap">
            {wide && identity}
            <PbxBadge status={pbx.status} />
            {wide && (
              <Button size="xs" variant="subtle" onClick={session.signOut}>
                Sign out
              </Button>
            )}
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main navigation">
        {items.map((item) => (
          <NavLink
            key={item.to}
            component={RouterNavLink}
            to={item.to}
            end={item.to === '/' || item.to === '/calls'}
            label={item.label}
            active={item.to === '/' ? location.pathname === '/' : location.pathname === item.to}
            onClick={close}
          />
        ))}
        {pbx.status.simulated && (
          <Text size="xs" c="orange.9" mt="auto" p="xs">
            Simulated PBX: calls are not real.
          </Text>
        )}
        {!wide && (
          <Stack gap="xs" p="xs" mt={pbx.status.simulated ? 0 : 'auto'}>
            <Divider />
            <Group gap="xs">{identity}</Group>
            <Button size="xs" variant="light" onClick={session.signOut}>
              Sign out
            </Button>
          </Stack>
        )}
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
