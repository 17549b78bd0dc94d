import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { userConfigDirectory } from '../transcript/location.js';
import { savePrivateText } from '../transcript/store.js';
import { makeFolders } from './make-folder.js';

// The learner's name, remembered between runs of the terminal screens so it is not asked every time.
// A plain file, not JSON: on macOS and Windows it sits in the transcripts folder, which lists *.json.
const FILE = 'learner-name';

/** The name given last time, if any (and readable). */
export function rememberedName(directory = userConfigDirectory()): string | undefined {
	try {
		const name = readFileSync(join(directory, FILE), 'utf8').trim();
		return name === '' ? undefined : name;
	} catch {
		return undefined;
	}
}

/** Remembers the name for next time; a folder that can't be written only costs asking again. */
export function rememberName(name: string, directory = userConfigDirectory()): void {
	try {
		makeFolders(directory);
		savePrivateText(join(directory, FILE), `${name}\n`);
	} catch {
		// Not remembered: the name is asked next time, as before.
	}
}

/** The line said when the remembered name is used, with the way to change it. */
export function rememberedNameLine(name: string): string {
	return `Practising as ${name}, the name you gave last time (--learner NAME to change it).`;
}
