import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from './config.js';
import { BackofficeError, BackofficeService } from './modules/backoffice/backoffice.service.js';
import { openContext } from './runtime.js';

const USAGE = `Back office (operator staff). Usage: npm run backoffice -- <command> [options]

  company:create   --bin 041058570298 --name "ТОО «Пример»" [--address "…"]
  admin:create     --phone "+7 701 000 00 00" --email admin@company.kz --name "Full Name" [--language ru|en|kk]
                   (the administrator sets a password with "Forgot password?" on the login page)
  access:grant     --phone … --bin … [--role owner|administrator|accountant|viewer]
  access:revoke    --phone … --bin …          (also ends the administrator's sessions)
  announcement:set --language en|ru|kk --title "…" --body "…"
  contact:set      --phone … [--email new@company.kz] [--new-phone …]
  admin:list

Every command is recorded in the actions history with the operator's name (BACKOFFICE_OPERATOR or the OS user).`;

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  if (!command || command === 'help' || command === '--help') {
    console.log(USAGE);
    return;
  }
  const { values } = parseArgs({
    args: rest,
    options: {
      bin: { type: 'string' },
      name: { type: 'string' },
      address: { type: 'string' },
      phone: { type: 'string' },
      email: { type: 'string' },
      language: { type: 'string' },
      role: { type: 'string' },
      title: { type: 'string' },
      body: { type: 'string' },
      'new-phone': { type: 'string' },
    },
    strict: true,
  });
  const config = loadConfig();
  const ctx = await openContext(config, { seed: false });
  const operator = process.env.BACKOFFICE_OPERATOR ?? userInfo().username;
  const bo = new BackofficeService(ctx.db, operator);
  try {
    switch (command) {
      case 'company:create':
        console.log('company created:', await bo.createCompany(values));
        break;
      case 'admin:create':
        console.log('administrator created:', await bo.createAdministrator(values));
        break;
      case 'access:grant':
        await bo.grant(values);
        console.log('access granted');
        break;
      case 'access:revoke':
        await bo.revoke(values);
        console.log('access revoked; the administrator’s sessions were ended');
        break;
      case 'announcement:set':
        await bo.setAnnouncement(values);
        console.log('announcement set');
        break;
      case 'contact:set':
        await bo.setContact({ phone: values.phone, email: values.email, newPhone: values['new-phone'] });
        console.log('contact details changed');
        break;
      case 'admin:list':
        console.table(await bo.listAdministrators());
        break;
      default:
        throw new BackofficeError(`unknown command "${command}"\n\n${USAGE}`);
    }
  } finally {
    await ctx.db.close();
  }
}

main().catch((err) => {
  if (err instanceof BackofficeError || err instanceof ConfigError) console.error(`error: ${err.message}`);
  else if (err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS'))
    console.error(`error: ${err.message}\n\n${USAGE}`);
  else console.error(err);
  process.exit(2);
});
