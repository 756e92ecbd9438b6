// Child process for the kill-safety test: rewrites one hotkey file forever, alternating two keys.
import { Keypair } from '../../../core/bittensor/keys/index.js';
import { writeSecretKeyfile } from '../../../core/bittensor/wallet/index.js';

const [file] = process.argv.slice(2);
const keys = [await Keypair.fromUri('//Alice'), await Keypair.fromUri('//Bob')];
process.stdout.write('ready\n');
for (let i = 0; ; i++) await writeSecretKeyfile(file, keys[i % 2], { overwrite: true });
