import { Option } from 'commander';
import { addPartnerOptions, examples, transcriptsOption, wholeNumber, type CommandSpec } from './options.js';

export const group: CommandSpec = {
	name: 'group',
	description: 'small-group teaching round one screen: each learner replies in turn, unseen, then all side by side',
	define: command =>
		addPartnerOptions(command)
			.argument('[id]', 'scenario id (the picker without it; not with --sjt)')
			.option('--learners <names>', 'the learners, in reply order, separated by commas (asked at the start if not given)')
			.option('--sjt', 'SJT items instead of a scenario: everyone answers, then the spread of answers against the ideal')
			.option('--count <n>', 'with --sjt: how many items', wholeNumber(1, 100))
			.option('--topic <topic>', 'with --sjt: only items on this topic')
			.addOption(new Option('--type <type>', 'with --sjt: only rank or best3 items').choices(['rank', 'best3']))
			.option('--anonymous', 'show learners as Learner A, B, C… on screen (the transcript keeps their names)')
			.option('--offline', 'the scripted partner, with no model')
			.option('--turns <n>', "most replies each learner gives (overrides the scenario's limit)", wholeNumber(1, 50))
			.option('--plain', 'plain text: replies read one per line in learner order (automatic when stdin is not a terminal)')
			.addOption(transcriptsOption())
			.option(
				'--serve',
				'a room of laptops: learners join with `postsafe join` and reply on their own screens (listens on the local network: a trusted room network only)',
			)
			.option('--port <n>', 'with --serve: the port to listen on (default 4791)', wholeNumber(0, 65535))
			.option('--expect <n>', 'with --serve: start the first round once this many learners have joined', wholeNumber(2, 30))
			.option('--listen <address>', 'with --serve: the address to listen on (default every interface, 0.0.0.0; 127.0.0.1 for this machine only)')
			.addHelpText(
				'after',
				examples(
					'postsafe group patient-dm-rash --learners "Asha,Ben,Chloe"',
					'postsafe group --sjt --count 5 --learners "Asha,Ben,Chloe" --anonymous',
					'postsafe group patient-dm-rash --serve --expect 3',
				),
			),
	run: async ([id], options) =>
		options.serve ? (await import('../group-serve.js')).runGroupServe(id, options) : (await import('../group.js')).runGroup(id, options),
};
