import { Alert } from '@mantine/core';
import { AlertIcon } from '../../../components/ui/icons';

/** A refusal that names no field of the form (or a lost connection): shown above the button. */
export function FormError({ message }: { message: string }) {
  return (
    <Alert color="red" variant="light" icon={<AlertIcon />} role="alert">
      {message}
    </Alert>
  );
}
