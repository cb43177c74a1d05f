import { safeStorage } from 'electron';
import type { SecretSealer } from '#store/secrets';

// Notification channel secrets sealed with the OS keychain (Electron safeStorage: Keychain
// on macOS, DPAPI on Windows, libsecret/kwallet on Linux). Where the OS offers none —
// Linux without a keyring falls back to a hard-coded key — the file stays plain text with
// mode 0600, as in the web host (docs/notifications.md "Secrets").

export function osSecretSealer(): SecretSealer | undefined {
  if (!safeStorage.isEncryptionAvailable()) return undefined;
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text')
    return undefined;
  return {
    kind: 'electron-safe-storage',
    seal: (plain) => safeStorage.encryptString(plain).toString('base64'),
    unseal: (sealed) => safeStorage.decryptString(Buffer.from(sealed, 'base64')),
  };
}
