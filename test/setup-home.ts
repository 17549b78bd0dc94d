// Every test runs with a home of its own: nothing a test saves (a transcript in the default folder, the
// remembered learner name) may reach the real user's files. Spawned CLIs inherit these.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const home = mkdtempSync(join(tmpdir(), 'postsafe-home-'));
process.env.HOME = home;
process.env.USERPROFILE = home;
process.env.XDG_DATA_HOME = join(home, '.local', 'share');
process.env.XDG_CONFIG_HOME = join(home, '.config');
process.env.APPDATA = join(home, 'AppData', 'Roaming');
delete process.env.POSTSAFE_TRANSCRIPTS;
