import { Modal, type ModalProps } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';

/** A settings dialog: centred on a laptop, the whole screen on a phone so forms stay usable. */
export function SettingsModal(props: ModalProps) {
  const phone = useMediaQuery('(max-width: 36em)') ?? false;
  return <Modal centered fullScreen={phone} {...props} />;
}
