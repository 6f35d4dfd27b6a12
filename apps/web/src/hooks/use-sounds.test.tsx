import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderWithApp, TENANT_ID } from '../../test/render';
import { aSound } from '../pages/sounds/sound-fixtures';
import { useActivateVersion, useSounds, type SoundFilters } from './use-sounds';

function List({ filters }: { filters: SoundFilters }) {
  const sounds = useSounds(filters);
  const names = sounds.data?.pages.flatMap((p) => p.items.map((s) => s.name)) ?? [];
  return (
    <div>
      <p data-testid="names">{names.join(',')}</p>
      {sounds.hasNextPage && <button onClick={() => void sounds.fetchNextPage()}>more</button>}
    </div>
  );
}

describe('useSounds', () => {
  it("asks for the session's tenant with the filters, and pages on with the cursor", async () => {
    const { api } = renderWithApp(<List filters={{ search: 'wel', status: 'ready' }} />, {
      routes: {
        'GET /api/sounds': (request) =>
          new URL(request.url).searchParams.get('cursor') === 'c2'
            ? { items: [aSound({ id: 's2', name: 'second' })], nextCursor: null }
            : { items: [aSound()], nextCursor: 'c2' },
      },
    });
    await waitFor(() => expect(screen.getByTestId('names')).toHaveTextContent('welcome'));
    const query = new URL(api.requests[0]!.url).searchParams;
    expect(Object.fromEntries(query)).toEqual({
      limit: '50',
      tenantId: TENANT_ID,
      search: 'wel',
      status: 'ready',
    });
    await userEvent.click(screen.getByRole('button', { name: 'more' }));
    await waitFor(() => expect(screen.getByTestId('names')).toHaveTextContent('welcome,second'));
    expect(screen.queryByRole('button', { name: 'more' })).not.toBeInTheDocument();
  });

  it('lists every tenant for a super-admin with none picked', async () => {
    const { api } = renderWithApp(<List filters={{}} />, {
      principal: { tenantId: null },
      routes: { 'GET /api/sounds': () => ({ items: [], nextCursor: null }) },
    });
    await waitFor(() => expect(api.requests).toHaveLength(1));
    expect(new URL(api.requests[0]!.url).searchParams.has('tenantId')).toBe(false);
  });
});

function Activate() {
  const activate = useActivateVersion();
  return <button onClick={() => activate.mutate({ soundId: 's1', versionId: 'v1' })}>activate</button>;
}

describe('useActivateVersion', () => {
  it('activates the version and drops the cached preview audio so the player fetches the new one', async () => {
    const { api, queryClient } = renderWithApp(<Activate />, {
      routes: { 'POST /api/sounds/:id/versions/:versionId/activate': () => aSound() },
    });
    queryClient.setQueryData(['media', '/api/sounds/s1/preview'], new Blob(['old']));
    await userEvent.click(screen.getByRole('button', { name: 'activate' }));
    await waitFor(() =>
      expect(queryClient.getQueryState(['media', '/api/sounds/s1/preview'])?.isInvalidated).toBe(true),
    );
    expect(api.requests[0]!.url).toBe('http://localhost/api/sounds/s1/versions/v1/activate');
  });
});
