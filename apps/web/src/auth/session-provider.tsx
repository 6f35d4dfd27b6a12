import { Center, Loader } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { createApiClient, unwrap } from '../api/api-client';
import { ApiContext, type Api } from '../api/api-context';
import { createAuthorizedFetch } from '../api/authorized-fetch';
import { createUploader } from '../api/upload-with-progress';
import { ErrorState } from '../components/states';
import { KeyStore } from './key-store';
import { SessionContext, type Principal, type Session } from './session';
import { SignInPage } from './sign-in-page';

/**
 * Holds the API key for the browser session. Without a key (or once the API answers 401: expired or revoked)
 * it shows the sign-in page; with one it provides the typed API and the session (role, tenant) to the app.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [store] = useState(() => new KeyStore());
  const key = useSyncExternalStore(store.subscribe, store.get);
  const [notice, setNotice] = useState<string | null>(null);
  // undefined: not chosen yet (a platform admin of a single tenant then works on it); null: "all tenants".
  const [pickedTenant, setPickedTenant] = useState<string | null | undefined>(undefined);

  const signOut = useCallback(
    (reason?: string) => {
      store.clear();
      setPickedTenant(undefined);
      setNotice(reason ?? null);
      queryClient.clear();
    },
    [store, queryClient],
  );

  const api = useMemo<Api>(() => {
    const onUnauthorized = () => {
      if (store.get()) signOut('Your API key was not accepted (expired or revoked). Sign in again.');
    };
    return {
      client: createApiClient({ getKey: store.get, onUnauthorized }),
      fetch: createAuthorizedFetch(store.get, onUnauthorized),
      upload: createUploader({ getKey: store.get, onUnauthorized }),
    };
  }, [store, signOut]);

  const me = useQuery({
    queryKey: ['auth', 'me', key],
    enabled: key !== null,
    queryFn: () => unwrap(api.client.GET('/api/auth/me')),
    staleTime: Infinity,
  });

  // A platform key spans tenants; when there is only one (a fresh `npm start` has just `demo`), start on it.
  const platform = me.data !== undefined && me.data.tenantId === null;
  const firstTenants = useQuery({
    // Under 'tenants', so creating or deleting a tenant (which invalidates them all) asks again.
    queryKey: ['tenants', 'only-tenant', key],
    enabled: platform,
    staleTime: Infinity,
    queryFn: () => unwrap(api.client.GET('/api/tenants', { params: { query: { limit: 2 } } })),
  });
  const onlyTenant = firstTenants.data?.items.length === 1 ? firstTenants.data.items[0]!.id : null;

  const signIn = useCallback(
    (newKey: string) => {
      setNotice(null);
      store.set(newKey);
    },
    [store],
  );

  const session = useMemo<Session | null>(() => {
    if (!me.data) return null;
    const principal: Principal = me.data;
    return {
      principal,
      tenantId: principal.tenantId ?? (pickedTenant === undefined ? onlyTenant : pickedTenant),
      setTenantId: setPickedTenant,
      signOut: () => signOut(),
    };
  }, [me.data, pickedTenant, onlyTenant, signOut]);

  if (key === null) return <SignInPage onSignIn={signIn} notice={notice} />;
  if (me.isPending) {
    return (
      <Center h="100vh">
        <Loader aria-label="Checking your API key" />
      </Center>
    );
  }
  if (!session) {
    return (
      <Center h="100vh" p="md">
        <ErrorState error={me.error} onRetry={() => void me.refetch()} />
      </Center>
    );
  }
  return (
    <ApiContext.Provider value={api}>
      <SessionContext.Provider value={session}>{children}</SessionContext.Provider>
    </ApiContext.Provider>
  );
}
