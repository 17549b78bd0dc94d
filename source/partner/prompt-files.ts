import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PARTNER_ROLES } from '../scenario/constants.js';
import type { PartnerRole } from '../scenario/schema.js';
import { placeholders, REMINDER_PLACEHOLDERS, SYSTEM_PLACEHOLDERS, type PromptTemplates } from './prompt.js';

function readTemplate(file: string, allowed: readonly string[]): string {
	const text = readFileSync(file, 'utf8');
	const unknown = placeholders(text).find(name => !allowed.includes(name));
	if (unknown) throw new Error(`${file}: {{${unknown}}} is not a placeholder postsafe fills (it fills ${allowed.map(name => `{{${name}}}`).join(', ')})`);
	return text.trim();
}

/** The prompt templates in a folder: one file per partner role, and reminder.md; checked as they load. */
export function loadPromptTemplates(directory: string): (role: PartnerRole) => PromptTemplates {
	const reminder = readTemplate(join(directory, 'reminder.md'), REMINDER_PLACEHOLDERS);
	const byRole = new Map(PARTNER_ROLES.map(role => [role, readTemplate(join(directory, `${role}.md`), SYSTEM_PLACEHOLDERS)] as const));
	return role => ({ system: byRole.get(role)!, reminder });
}
