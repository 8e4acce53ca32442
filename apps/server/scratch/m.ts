import { openPglite } from '/work/main/apps/server/src/db/client.ts';
import { migrate } from '/work/main/apps/server/src/db/migrate.ts';
const t = Date.now();
const db = await openPglite(undefined);
console.log('open', Date.now() - t);
console.log(await migrate(db), Date.now() - t);
console.log((await db.query("select count(*) from pg_class where relname like 'usage_records%'")).rows);
console.log((await db.query("select 12345678901234::bigint as b, 1.5::numeric as n")).rows);
