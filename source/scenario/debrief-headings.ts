// The debrief's headings, in one place for every renderer: the Ink debrief, the plain-text score and
// debrief, and the HTML and Markdown exports. Each renderer adds only its own marks around them (a ⚑,
// a heading level, a full stop), so a heading reworded here is reworded everywhere.

export const DEBRIEF_HEADINGS = {
	modelReply: 'A model reply',
	whyItWorks: 'Why it works: ',
	anchors: 'GMC and professional anchors',
	keyPoints: 'Key points',
	whyItMatters: 'Why it matters: ',
	noRedFlags: 'Red flags: none',
} as const;

/** "Red flags (2)": the heading over the red flags raised. */
export function redFlagsHeading(count: number): string {
	return `Red flags (${count})`;
}

/** "Structure: 2 of 3 steps": an interview answer's steps taken, of all of them. */
export function structureHeading(steps: readonly { readonly met: boolean }[]): string {
	return `Structure: ${steps.filter(step => step.met).length} of ${steps.length} steps`;
}
