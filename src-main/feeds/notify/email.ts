import { createTransport } from 'nodemailer';
import { bodyText, defineChannelKind } from './channel-kind';

// E-mail over SMTP with nodemailer: one connection per message (alerts are rare), the
// message id as the Message-ID header so a mail client shows a re-sent message once.

const TIMEOUT_MS = 10_000;

export const emailChannel = defineChannelKind({
  kind: 'email',
  label: 'E-mail',
  async send(channel, secrets, message) {
    const transport = createTransport({
      host: channel.host,
      port: channel.port,
      secure: channel.secure,
      ...(channel.user ? { auth: { user: channel.user, pass: secrets.password ?? '' } } : {}),
      connectionTimeout: TIMEOUT_MS,
      greetingTimeout: TIMEOUT_MS,
      socketTimeout: TIMEOUT_MS,
    });
    try {
      await transport.sendMail({
        from: channel.from,
        to: channel.to,
        subject: message.title,
        text: bodyText(message),
        messageId: `<${message.id.replace(/[^A-Za-z0-9.-]/g, '-')}@rigledger>`,
        headers: { 'X-RigLedger-Message-Id': message.id },
      });
      return { ok: true };
    } catch (error) {
      const code =
        typeof error === 'object' &&
        error !== null &&
        'code' in error &&
        typeof error.code === 'string'
          ? error.code
          : 'error';
      const status =
        typeof error === 'object' && error !== null && 'responseCode' in error
          ? ` (SMTP ${String(error.responseCode)})`
          : '';
      return {
        ok: false,
        error: `The mail server ${channel.host}:${channel.port} refused the message: ${code}${status}.`,
      };
    } finally {
      transport.close();
    }
  },
});
