// Child process for the kill -9 test: rewrites the settings file as fast as it can until killed.
import { SettingsStore } from '../../core/service/settings-store.js';

const store = new SettingsStore(process.argv[2]);
store.update({ axon: { port: 2000 }, wallet: { name: 'w0' } });
process.stdout.write('ready\n');
for (let i = 1; ; i++) store.update({ axon: { port: 2000 + (i % 60000) }, wallet: { name: `w${i}` } });
