import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { vi } from 'vitest';
import { createApiClient } from '../src/api/api-client';
import { ApiContext, type Api } from '../src/api/api-context';
import { createAuthorizedFetch } from '../src/api/authorized-fetch';
import { createUploader } from '../src/api/upload-with-progress';
import { theme } from '../src/app-providers';
import { SessionContext, type Principal, type Session } from '../src/auth/session';
import { createFakeApi, type FakeApi, type FakeHandler } from './fake-api';
import { FakeApiXhr } from './fake-xhr';

export const TENANT_ID = '11111111-1111-4111-8111-111111111111';

export interface RenderOptions {
  /** Fake API routes, e.g. `{ 'GET /api/calls': () => ({ items: [], nextCursor: null }) }`. */
  routes?: Record<string, FakeHandler>;
  principal?: Partial<Principal>;
  /** The URL the page starts at. */
  path?: string;
  /** The route pattern the element is mounted at (default: `*`), for pages that read params. */
  routePath?: string;
}

export interface AppRenderResult extends RenderResult {
  api: FakeApi;
  session: Session;
  queryClient: QueryClient;
}

/** Renders a page or component inside the app's providers, a signed-in session and a fake API. */
export function renderWithApp(ui: ReactElement, options: RenderOptions = {}): AppRenderResult {
  const fake = createFakeApi(options.routes ?? {});
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  const principal: Principal = { keyId: 'k1', tenantId: TENANT_ID, role: 'admin', ...options.principal };
  const session: Session = {
    principal,
    tenantId: principal.tenantId,
    setTenantId: vi.fn(),
    signOut: vi.fn(),
  };
  const onUnauthorized = () => session.signOut();
  const getKey = () => 'test-key';
  const api: Api = {
    client: createApiClient({ getKey, onUnauthorized, baseUrl: 'http://localhost', fetch: fake.fetch }),
    fetch: createAuthorizedFetch(getKey, onUnauthorized, fake.fetch),
    // Uploads go through the same fake API (progress in two steps).
    upload: createUploader({
      getKey,
      onUnauthorized,
      createXhr: () => new FakeApiXhr(fake.fetch) as unknown as XMLHttpRequest,
    }),
  };
  const result = render(
    <MantineProvider theme={theme}>
      <QueryClientProvider client={queryClient}>
        <ApiContext.Provider value={api}>
          <SessionContext.Provider value={session}>
            <MemoryRouter initialEntries={[options.path ?? '/']}>
              <Routes>
                <Route path={options.routePath ?? '*'} element={ui} />
              </Routes>
            </MemoryRouter>
          </SessionContext.Provider>
        </ApiContext.Provider>
      </QueryClientProvider>
    </MantineProvider>,
  );
  return { ...result, api: fake, session, queryClient };
}
