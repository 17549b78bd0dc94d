import { Box, Text } from 'ink';
import React, { useState } from 'react';
import { REFLECTION_QUESTIONS } from '../../session/coach.js';
import type { Reflection } from '../../transcript/schema.js';
import { TextBox } from '../input/text-box.js';
import { KeyHelp } from '../key-help.js';
import { HELP } from '../keys.js';

type ReflectionFormProps = {
	readonly width: number;
	readonly onDone: (reflection: Reflection) => void;
};

/** Three questions after the debrief — what happened, so what, now what — one at a time. */
export function ReflectionForm({ width, onDone }: ReflectionFormProps) {
	const [answers, setAnswers] = useState<string[]>([]);
	const step = REFLECTION_QUESTIONS[answers.length]!;
	const submit = (answer: string) => {
		const next = [...answers, answer.trim()];
		if (next.length === REFLECTION_QUESTIONS.length) {
			onDone({ whatHappened: next[0]!, soWhat: next[1]!, nowWhat: next[2]! });
		}
		setAnswers(next);
	};
	return (
		<Box flexDirection="column" marginTop={1} width={Math.min(width, 100)}>
			<Text bold>
				Reflection {answers.length + 1} of {REFLECTION_QUESTIONS.length}: {step.question}
			</Text>
			<TextBox key={step.key} prompt="› " width={Math.min(width, 100)} onSubmit={submit} />
			<KeyHelp keys={HELP.reflection} />
		</Box>
	);
}
