import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

type Environment = Readonly<Record<string, string | undefined>>;

/**
 * The per-user folder postsafe keeps its files in: XDG_DATA_HOME/postsafe (else ~/.local/share/postsafe)
 * on Linux and the BSDs, ~/Library/Application Support/postsafe on macOS, %APPDATA%\postsafe on Windows.
 * Out of any checkout, so a clone's files never count as the user's sessions.
 */
export function userDataDirectory(env: Environment = process.env, platform: NodeJS.Platform = process.platform, home = env.HOME || homedir()): string {
	if (platform === 'win32') return join(env.APPDATA || join(env.USERPROFILE || home, 'AppData', 'Roaming'), 'postsafe');
	if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'postsafe');
	return join(env.XDG_DATA_HOME?.startsWith('/') ? env.XDG_DATA_HOME : join(home, '.local', 'share'), 'postsafe');
}

/** The per-user settings folder: XDG_CONFIG_HOME/postsafe (else ~/.config/postsafe); the data folder on macOS and Windows. */
export function userConfigDirectory(env: Environment = process.env, platform: NodeJS.Platform = process.platform, home = env.HOME || homedir()): string {
	if (platform === 'win32' || platform === 'darwin') return userDataDirectory(env, platform, home);
	return join(env.XDG_CONFIG_HOME?.startsWith('/') ? env.XDG_CONFIG_HOME : join(home, '.config'), 'postsafe');
}

/** Where transcripts go: --transcripts, then POSTSAFE_TRANSCRIPTS, then the per-user data folder. (No file writer here, so readers stay light.) */
export function transcriptDirectory(option?: string): string {
	return resolve(option ?? (process.env.POSTSAFE_TRANSCRIPTS || userDataDirectory()));
}
