import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scoreConversation } from '../source/rubric/score.js';
import { Transcript } from '../source/transcript/schema.js';
import { runCli } from './helpers/cli.js';
import { bundledLibrary, rubricFor } from './helpers/library.js';

const interviews = bundledLibrary().scenarios.filter(loaded => loaded.scenario.mode === 'interview');

describe('interview practice', () => {
	it('runs in plain mode from piped answers: the panel follows up on what was left out, and the debrief scores structure too', () => {
		const transcripts = mkdtempSync(join(tmpdir(), 'postsafe-interview-'));
		const result = runCli(['interview', 'interview-colleague-post', '--learner', 'Asha', '--offline', '--transcripts', transcripts], {
			input: [
				"The problem is that details in the photo could identify the patient, which breaches their confidentiality. I'd message my colleague privately and ask them to take it down straight away.",
				"If they refused, I'd speak to my consultant or the information governance lead.",
				"Afterwards I'd help them reflect on it, and suggest we remind the team about the Trust's social media policy.",
			].join('\n'),
		});
		expect(result.code).toBe(0);
		// Asked about what the first answer left out: escalation, then what comes afterwards.
		expect(result.stdout).toContain('Mr Daniel Price: And what would you do if your colleague refused to take it down');
		expect(result.stdout).toContain('Mr Daniel Price: Once it has all been dealt with, is there anything else you would do');
		expect(result.stdout).toContain('Score 7/7');
		expect(result.stdout).toContain('Structure: 5 of 5 steps');
		expect(result.stdout).toMatch(/✓ taken {3}3\. Speaks to the colleague privately first\n\s+reply 1: “.*message my colleague privately/);
		const transcript = Transcript.parse(JSON.parse(readFileSync(join(transcripts, readdirSync(transcripts)[0]!), 'utf8')));
		expect(transcript.status).toBe('complete');
		expect((transcript.score as { structure?: { met: boolean }[] }).structure?.every(step => step.met)).toBe(true);
	});

	it('names a missed step and what it should have held', () => {
		const result = runCli(
			[
				'interview',
				'interview-colleague-post',
				'--learner',
				'Asha',
				'--offline',
				'--turns',
				'1',
				'--json',
				'--transcripts',
				mkdtempSync(join(tmpdir(), 'postsafe-interview-')),
			],
			{
				input: "I would comment under the post to say it's a breach.\n",
			},
		);
		const { score } = JSON.parse(result.stdout);
		const steps = Object.fromEntries(score.structure.map((step: { id: string; met: boolean; missed?: string }) => [step.id, step]));
		expect(steps['speak-privately']).toMatchObject({ met: false, missed: expect.stringContaining('privately and without blame') });
		expect(score.redFlags.map((flag: { id: string }) => flag.id)).toContain('public-callout');
	});

	it("the panel asks what the candidate would do first when they name the risk but not getting the photo down (colleague's post)", () => {
		const result = runCli(
			[
				'interview',
				'interview-colleague-post',
				'--learner',
				'Asha',
				'--offline',
				'--turns',
				'2',
				'--transcripts',
				mkdtempSync(join(tmpdir(), 'postsafe-interview-')),
			],
			{
				input: [
					"The details in the photo could identify the patient, which is a breach of confidentiality. I'd raise it with my colleague privately and kindly.",
					"I'd ask them to delete it straight away.",
				].join('\n'),
			},
		);
		expect(result.stdout).toContain('Mr Daniel Price: What would you do first, and how soon?');
		expect(result.stdout).toMatch(/✓ taken {3}2\. Acts first to protect the patient\n\s+reply 2: “I'd ask them to delete it straight away\.”/);
	});

	it('the panel asks about the risk when the candidate never names it (patient contact)', () => {
		const result = runCli(
			['interview', 'interview-patient-contact', '--learner', 'Asha', '--offline', '--transcripts', mkdtempSync(join(tmpdir(), 'postsafe-interview-'))],
			{
				input: [
					"I'd kindly tell her I can't advise her through Facebook and ask her to ring the medicines helpline or her GP, or 111 if it's urgent.",
					"I'd note the contact in her record.",
					'Because there is no assessment and no record, and it blurs the boundary.',
					'I would reflect on it and check my privacy settings.',
				].join('\n'),
			},
		);
		expect(result.stdout).toContain("Dr Priya Raman: It's a quick question about a medicine you prescribed. Why not just answer it?");
		expect(result.stdout).toContain('Structure: 5 of 5 steps');
	});

	it('counts asking the colleague to take the post down as acting to protect the patient', () => {
		const score = scoreConversation(rubricFor('interview-colleague-post'), ['I would speak to my colleague privately and ask them to take the post down.']);
		expect(score.structure.filter(step => step.met).map(step => step.id)).toEqual(['protect-patient', 'speak-privately']);
		expect(score.criteria.find(criterion => criterion.id === 'confidentiality')?.met).toBe(true);
	});

	it.each(interviews.map(loaded => [loaded.scenario.id, loaded] as const))('%s: the model answer takes every step of the structure', (id, loaded) => {
		const score = scoreConversation(rubricFor(id), [loaded.scenario.debrief.modelReply]);
		expect(score.structure.length).toBeGreaterThanOrEqual(4);
		expect(score.structure.filter(step => !step.met).map(step => step.id)).toEqual([]);
	});

	it('takes only interviews, and says where a role-play is played', () => {
		const result = runCli(['interview', 'patient-dm-rash', '--offline']);
		expect(result.code).toBe(2);
		expect(result.stderr).toBe(
			'postsafe: patient-dm-rash is a role-play, not an interview: run `postsafe play patient-dm-rash`, or `postsafe list interview` for the interviews\n',
		);
	});
});
