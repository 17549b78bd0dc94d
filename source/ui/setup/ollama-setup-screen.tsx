import { ProgressBar, Spinner } from '@inkjs/ui';
import { Box, Text } from 'ink';
import React, { useEffect, useRef, useState } from 'react';
import type { OllamaCheck, PullProgress } from '../../partner/ollama-setup.js';
import { fractionOf, wholePercent } from '../../proportion.js';
import { useKeys } from '../input/key-router.js';
import { KeyHelp } from '../key-help.js';
import { HELP, isNo, isYes } from '../keys.js';

/** What the setup screen needs: where Ollama is, and how to check it and pull the model. */
export type OllamaServices = {
	readonly host: string;
	readonly model: string;
	readonly check: () => Promise<OllamaCheck>;
	readonly pull: (onProgress: (progress: PullProgress) => void, signal: AbortSignal) => Promise<void>;
	/** The line that explains why the scripted partner plays instead, for a check that isn't ready. */
	readonly notice: (check: OllamaCheck) => string | undefined;
};

type Stage = { readonly name: 'checking' } | { readonly name: 'offer' } | { readonly name: 'pulling'; readonly progress?: PullProgress };

type OllamaSetupScreenProps = {
	readonly ollama: OllamaServices;
	/** The LLM is ready (true), or the scripted partner plays, with the reason to show (false). */
	readonly onDone: (useModel: boolean, notice?: string) => void;
};

function pulledPercent(progress: PullProgress | undefined): number {
	return wholePercent(fractionOf(progress?.completed ?? 0, progress?.total ?? 0));
}

/** Before the first conversation: is Ollama there with the model? If the model is missing, offer to pull it. */
export function OllamaSetupScreen({ ollama, onDone }: OllamaSetupScreenProps) {
	const [stage, setStage] = useState<Stage>({ name: 'checking' });
	const pulling = useRef<AbortController | undefined>(undefined);
	useEffect(() => {
		let live = true;
		void ollama.check().then(check => {
			if (!live) return;
			if (check.kind === 'ready') onDone(true);
			else if (check.kind === 'missing-model') setStage({ name: 'offer' });
			else onDone(false, ollama.notice(check));
		});
		return () => {
			live = false;
			pulling.current?.abort();
		};
	}, []);
	const pull = () => {
		const controller = new AbortController();
		pulling.current = controller;
		setStage({ name: 'pulling' });
		ollama
			.pull(progress => setStage({ name: 'pulling', progress }), controller.signal)
			.then(
				() => onDone(true, `Pulled ${ollama.model}.`),
				(error: Error) =>
					onDone(
						false,
						controller.signal.aborted
							? `Stopped pulling ${ollama.model}; playing the scripted partner.`
							: `Couldn't pull ${ollama.model} (${error.message}); playing the scripted partner.`,
					),
			);
	};
	useKeys((input, key) => {
		if (stage.name === 'offer') {
			if (isYes(input)) pull();
			else if (isNo(input, key)) onDone(false, `Playing the scripted partner; \`ollama pull ${ollama.model}\` gets the model for next time.`);
		} else if (stage.name === 'pulling' && key.escape) {
			pulling.current?.abort();
		}
	});
	switch (stage.name) {
		case 'checking':
			return <Spinner label={`Connecting to Ollama at ${ollama.host}…`} />;
		case 'offer':
			return (
				<Box flexDirection="column">
					<Text>
						The model <Text bold>{ollama.model}</Text> isn't installed at {ollama.host}. Pull it now? (A small model is 2 GB or so.)
					</Text>
					<KeyHelp keys={HELP.pullOffer} />
				</Box>
			);
		case 'pulling':
			return (
				<Box flexDirection="column">
					<Text>
						Pulling {ollama.model}: {stage.progress?.status ?? 'starting'} ({pulledPercent(stage.progress)}%)
					</Text>
					<Box width={50}>
						<ProgressBar value={pulledPercent(stage.progress)} />
					</Box>
					<KeyHelp keys={HELP.pulling} />
				</Box>
			);
	}
}
