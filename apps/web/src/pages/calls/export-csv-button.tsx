import { Button, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useApi } from '../../api/api-context';
import { errorMessage } from '../../api/api-error';

/** Saves a blob as a file through a temporary object URL. */
function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Downloads the call logs with the current filters as CSV (fetched with the key, saved from a blob). */
export function ExportCsvButton({ query }: { query: string }) {
  const api = useApi();
  const exportCsv = useMutation({
    mutationFn: async () => {
      const response = await api.fetch(`/api/calls/export.csv${query ? `?${query}` : ''}`);
      saveBlob(await response.blob(), `calls-${new Date().toISOString().slice(0, 10)}.csv`);
    },
  });
  return (
    <>
      <Button
        variant="default"
        leftSection={<IconDownload size={16} aria-hidden />}
        loading={exportCsv.isPending}
        onClick={() => exportCsv.mutate()}
      >
        Export CSV
      </Button>
      {exportCsv.error && (
        <Text size="sm" c="red.9" role="alert">
          Export failed: {errorMessage(exportCsv.error)}
        </Text>
      )}
    </>
  );
}
