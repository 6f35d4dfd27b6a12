import { QueryClient, type InfiniteData } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { TENANT_ID } from '../../test/render';
import { applyCallChange, callKeys, matchesFilters, type CallDetail, type CallPage } from './call-cache';
import { aCall, aCallDetail } from './call-fixtures';

const pages = (...items: CallPage['items'][]): InfiniteData<CallPage> => ({
  pages: items.map((page) => ({ items: page, nextCursor: null })),
  pageParams: items.map(() => null),
});

describe('applyCallChange', () => {
  it('merges the change into the cached detail, keeping its event trail', () => {
    const client = new QueryClient();
    const event = { name: 'Newstate', at: '2026-11-25T09:00:00.200Z', headers: {} };
    client.setQueryData(callKeys.detail(aCall().id), aCallDetail({ events: [event] }));
    applyCallChange(client, aCall({ status: 'answered' }));
    const detail = client.getQueryData<CallDetail>(callKeys.detail(aCall().id))!;
    expect(detail.status).toBe('answered');
    expect(detail.events).toEqual([event]);
  });

  it('updates a listed call in place, adds a new matching call on top, drops one that stopped matching', () => {
    const client = new QueryClient();
    const older = aCall({ id: '66666666-6666-4666-8666-666666666666', status: 'completed' });
    const ringing = aCall({ status: 'ringing' });
    const allKey = callKeys.list(TENANT_ID, {}, 50);
    const ringingKey = callKeys.list(TENANT_ID, { status: 'ringing' }, 50);
    client.setQueryData(allKey, pages([ringing], [older]));
    client.setQueryData(ringingKey, pages([ringing]));

    applyCallChange(client, { ...ringing, status: 'answered' });
    expect(
      client.getQueryData<InfiniteData<CallPage>>(allKey)!.pages.map((p) => p.items.map((c) => c.status)),
    ).toEqual([['answered'], ['completed']]);
    expect(client.getQueryData<InfiniteData<CallPage>>(ringingKey)!.pages[0]!.items).toEqual([]);

    const fresh = aCall({ id: '77777777-7777-4777-8777-777777777777', status: 'ringing' });
    applyCallChange(client, fresh);
    expect(client.getQueryData<InfiniteData<CallPage>>(ringingKey)!.pages[0]!.items).toEqual([fresh]);
    expect(client.getQueryData<InfiniteData<CallPage>>(allKey)!.pages[0]!.items[0]).toEqual(fresh);
  });

  it("leaves another tenant's lists alone", () => {
    const client = new QueryClient();
    const key = callKeys.list('99999999-9999-4999-8999-999999999999', {}, 50);
    client.setQueryData(key, pages([]));
    applyCallChange(client, aCall());
    expect(client.getQueryData<InfiniteData<CallPage>>(key)!.pages[0]!.items).toEqual([]);
  });
});

describe('matchesFilters', () => {
  it('applies the list filters the server applies', () => {
    const call = aCall({ to: '+12025550100', from: '+12025550001', callerName: 'Acme Sales' });
    expect(matchesFilters(call, { number: '+12025550100', did: '+12025550001' })).toBe(true);
    expect(matchesFilters(call, { number: '+12025550999' })).toBe(false);
    expect(matchesFilters(call, { q: 'sales' })).toBe(true);
    expect(matchesFilters(call, { since: '2026-11-25T10:00:00.000Z' })).toBe(false);
    expect(matchesFilters(call, { until: '2026-11-25T09:00:00.000Z' })).toBe(false);
  });
});
