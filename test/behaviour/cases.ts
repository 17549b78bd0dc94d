// Minimal functionality cases for the behavioural suite (CheckList's MFT): for every criterion and red
// flag of every scenario, short replies a fair examiner would say meet it or raise it. Written from the
// criteria's meanings and the red flags' labels, in the ways learners write, not from the patterns.
// "{a|b}" in a template means either; a template stands for every combination.

/** Replies that meet a criterion, wherever the scenario scores it. */
export const CRITERION_CASES: Readonly<Record<string, readonly string[]>> = {
	boundaries: [
		"{Sorry, I|I'm afraid I|I} {can't|cannot|am not able to|won't} {give medical advice|give advice|advise you|help with medical things} {on here|through my personal account|over social media|by personal message}.",
		"{This|My personal account} isn't the right {place|way} {for this|to sort this out|for medical questions}.",
		"I {keep|have to keep} my {work and personal life separate|personal and professional life apart}, {sorry|I'm afraid}.",
	],
	signposting: [
		'{Please|Can you|Best to} {call|ring|contact} {the surgery|your GP|the practice|NHS 111|111} {tomorrow|in the morning|tonight|today}.',
		'{Please use|Fill in|Try} the {online consultation form|online form|practice portal} {tonight|today|and they will get back to you}.',
		'If it gets worse, {call 111|ring 111|go to A&E|call 999}.',
	],
	documentation: [
		"I'll {note this|make a note|add a note|write a short note|record this} in your {record|notes|medical record}.",
		"I'll {document|log|record} {this contact|that you got in touch|the message} in {the notes|your record|the clinical system}.",
	],
	confidentiality: [
		"{Please|Could you} {delete|take down|remove} {it|the post|the photo} {now|asap|straight away}, {the patient could be identified|he's identifiable|it breaches confidentiality}.",
		'{That|This} {is|would be} a {confidentiality breach|breach of confidentiality|breach of patient confidentiality}.',
		'{The patient|He|She} {could be recognised|could be identified|is identifiable} from {the details|the photo|that}.',
	],
	escalation: [
		"I'll {speak to|let|tell|mention it to|flag it with} {my supervisor|the consultant|my educational supervisor|the IG lead|the information governance team} {today|tomorrow|if it stays up|if it happens again}.",
		"{If it isn't sorted|If it stays up|Otherwise} I'll {raise it with|escalate it to|report it to} {the consultant|my supervisor|the IG team}.",
	],
	respect: [
		'{Thanks for|Thank you for} {letting me know|messaging|asking|thinking of me}, {I understand|I appreciate it|I can see why you asked}.',
		"{Sorry you're having|I'm sorry you've had} {such a rough night|a tough time|a horrible week}, {I get it|I understand}.",
	],
	transparency: [
		'{Any post|Anything I post|If I post it, it} {would need to be|has to be|must be} {clearly marked #ad|declared as an ad|labelled as sponsored}.',
		'{For transparency|To be clear|In the interest of openness}, I {receive no payment|am not paid by anyone|have no conflicts of interest|get no funding} from {pharma|drug companies|vaccine makers}.',
	],
};

/** Scenario-specific ways of meeting a criterion, where the library's generic ones do not fit. */
export const SCENARIO_CRITERION_CASES: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
	'interview-colleague-post': {
		respect: [
			'I would {speak to|message|approach} my colleague {privately|in private|one to one|quietly} {first|before anything else|to ask them to take it down}.',
		],
	},
	'interview-patient-contact': {
		boundaries: [
			"I would {politely|kindly|gently} {decline|explain that I can't give advice|say I can't advise} {through my personal account|over social media|on a personal profile}.",
		],
		signposting: ['I would {point|direct|signpost} them to {their GP|the pharmacist|NHS 111|the medicines helpline} {for advice|instead|as the right route}.'],
		documentation: ['I would {document|record|note} the {contact|message|request} in {their notes|the clinical record|the patient record}.'],
	},
	'online-argument': {
		respect: [
			"{I'm|I am} {so sorry|really sorry|sorry} {about your nan|to hear about your nan|your nan was unwell}, {that must have been frightening|that sounds awful|I understand why you're angry}.",
		],
	},
	'undeclared-endorsement': {
		respect: [
			"{Thanks|Thank you} {so much|very much} {for reaching out|for the kind words|for the offer}, {I really appreciate it|that's lovely|it is kind of you}.",
			'{Thanks so much|Thank you} for {thinking of me|the offer|getting in touch}, {I appreciate it|it is kind of you|I am flattered}.',
		],
	},
	'whatsapp-clinical-image': {
		signposting: [
			"I'll {take it on|use|upload it through} the {clinical photography app|approved app|Trust's secure system} {so it goes in his record|instead|now}.",
		],
		confidentiality: [
			"{Please don't|We shouldn't|We can't} {post|share|put} {patient photos|his wound photo|clinical images} {in the group|on WhatsApp|here}, {it's not secure|it breaches confidentiality|he could be identified}.",
		],
	},
	'personal-email-results': {
		confidentiality: [
			"{Please don't|Don't} {send|email} {your results|your date of birth|screenshots} {to this address|here|by email}, {it isn't secure|it's not confidential|it's not a secure route}.",
			"{Email|Personal email|This address} {isn't secure|is not confidential|isn't a secure way to share results}, {so please don't send your details here|so I can't discuss results here}.",
		],
	},
	'relative-asks-update': {
		confidentiality: [
			"{I can't|I'm not able to} {share|discuss|pass on} {anything about|information about|details of} {your dad|patients|his care} {without his consent|on here|over Messenger}.",
		],
		signposting: [
			'{Please|Can you} {ring|call} the {ward|nurse in charge} {tomorrow|in the morning|tonight} and {ask for the nurse in charge|they can update you}.',
		],
		boundaries: [
			"{I can't|I'm not able to} {give updates|talk about patients|discuss his care} {on here|over Messenger|through Facebook}, {sorry|I'm afraid}.",
		],
	},
	'review-site-response': {
		confidentiality: [
			"We {can't|shouldn't|mustn't} {say anything about|discuss|mention} his {care|consultation|visit} {publicly|online|in the reply}, it's {confidential|his private information}.",
		],
		signposting: [
			"{Let's|We should} {invite him to ring|ask him to contact} the {practice manager|surgery|complaints team} {directly|privately|to talk it through}.",
			'{Let us|We should} {invite him to contact|ask him to ring|point him to} {the practice manager|the complaints procedure|the practice directly}.',
		],
		escalation: [
			"I'll {speak to|run it past|check with} {the practice manager|Dr Marsh|the complaints lead|the MDU|my trainer} {first|before we reply|today}.",
		],
	},
};

/** Replies that raise a red flag, by scenario and flag. */
export const FLAG_CASES: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
	'patient-dm-rash': {
		'individual-advice': [
			"{It's|That's} {probably nothing|just a bit of irritation|only a heat rash|nothing nasty}, {don't worry|honestly|x}.",
			'{Pop|Get|Put} some {Piriton|Sudocrem|E45|antihistamine} on it {tonight|and see how it goes}.',
			'{Sounds|Looks} like {eczema|an allergic reaction|contact dermatitis|a fungal infection}.',
			'{Try|Use|Put on|Get some} {hydrocortisone cream|an antihistamine|some emollient|piriton|cetirizine} {tonight|for a few days|twice a day}.',
			'{It|The rash} {should settle|will clear up|looks mild|will calm down} {in a few days|by itself|on its own}.',
		],
		'invites-clinical-detail': [
			'{Can you|Could you|Please} send me {a closer photo|another picture|a clearer pic|a better photo} {of it|in daylight|tomorrow}.',
		],
		'personal-contact': [
			"{Drop me a message|Give me a shout|Message me back} {tomorrow|if it's no better|on here}.",
			'{Text|Ring|WhatsApp|Message} me {on my mobile|directly|anytime|tonight} {if it gets worse|if you need me|and I will help}.',
		],
	},
	'patient-friend-request': {
		'accepts-social-contact': [
			'{Follow|Add} me on {Instagram|Insta|Snapchat} {instead|x|!}',
			"{Once|When} you're {discharged|better|home} we {can|could} {grab a coffee|meet up}!",
			"{Aw|Oh|Hi} Maria, {I've accepted your request|accepted|I've added you|I'll accept it}{!| x| 😊}",
			'{A coffee|Meeting up|Catching up} {sounds lovely|would be great|sounds fun} {once you are better|next week|when you are home}!',
		],
		'clinical-advice-on-facebook': [
			'{Your|The} scar {looks like it is healing well|sounds normal|should fade|will settle} {in a few weeks|over time|by itself}.',
		],
	},
	'whatsapp-clinical-image': {
		'shares-clinical-image': [
			"{I'll|I will} {WhatsApp|text|DM} it to you {directly|now|separately}.",
			"{I'll|I will|Let me} {snap|take} a {pic|photo} {and pop it in here|and send it to the group|on my phone and post it here} {now|in five minutes|shortly}.",
			'{Sending|Posting} the {photo|pic|picture} {here|to the group|in the chat} {now|in a sec|shortly}.',
		],
		'adds-identifiers': ["I'll {write|put|add} his {name|hospital number|bed number} on the {photo|picture} {so you know who it is|before I send it|for you}."],
	},
	'anonymised-case-post': {
		// Written in the public replies under her thread.
		'public-callout': [
			"{Lucy|Dr Marsh|Hey Lucy}, {please don't post|you can't share|don't tweet} {the ECG|this case|that thread}, {he's identifiable|the rower could be recognised|you don't have his consent}.",
		],
		'endorses-posting': [
			'{Love it|Great thread|Brilliant}, {go for it|post it|share it}!',
			'{Tag|Mention} the {hospital|Trust} {for reach|too|in the thread}.',
			'{Looks|Sounds} {fine|good|great} to me, {post it|go for it|share it}{!| 🙌|, it will do numbers}',
			"{How about|Maybe|What about} '{When the ECG tells you to run|Fit at 19 until his heart said no|The rower whose heart stopped}' {as the hook|for the first tweet|to open the thread}?",
			"{I'll|I will} {retweet|share|repost} it {when it goes out|tonight|as soon as it is up}.",
		],
	},
	'group-chat-patient-joke': {
		'joins-in': [
			'{haha|lol|😂😂} {he sounds like a menace|what a nightmare|legend|classic Mr K} {😂|lol|!}',
			'{Haha|Lol} {47 times|that is hilarious|made my night} {😂|!|x}',
		],
		'spreads-it': ["{I've|I have} {screenshotted|forwarded|sent} it to {my housemates|my friends|the other group|my partner} {already|lol|😂}."],
		'public-callout': ['{Everyone|Guys|Folks}, {this is disgusting|this is so unprofessional|shame on Ellie} {and she should be reported|, delete it now|!}'],
	},
	'night-shift-photos': {
		// Written in the ED nights group.
		'public-callout': [
			'{Chloe|Hey Chloe|Guys}, {please delete|take down|remove} {those photos|the pics|them}, {there is a patient visible on the trolley|the tracking screen shows patients|that is a confidentiality breach}.',
		],
		'encourages-posting': [
			'{Go for it|Post away|Get it posted}{!| 😂| x}, {the corridor one is best|tag me|they are hilarious}',
			'{Go with|Post|Pick} the {corridor one|resus one|first one} {for the main pic|it is the funniest|!}',
		],
		'joins-in': ['{Send me|Forward me|Airdrop me} the {best one|photos|pics} {😂|x|lol}', "{Count me in|I'm in|My turn next} {for the next one|next time|😂}"],
	},
	'online-argument': {
		'insults-or-mocks': [
			"Oh yes, I'm {rolling in pharma money|loaded from big pharma|paid millions} {🙃|lol|!}",
			'{Only an idiot|Only a moron|Nobody with a brain} {believes|would believe} {that|this rubbish|conspiracy stuff}{.| 🤡| lol}',
			'{Educate yourself|Do your research|Grow up}, {troll|clown|mate}.',
		],
		'comments-on-individual-case': [
			'Your nan {probably had|likely had|must have had} {an underlying condition|something else going on|a coincidental infection} {already|before the jab|anyway}.',
		],
	},
	'personal-email-results': {
		'gives-results-or-advice': [
			"{It's|That's} {very common|usually nothing} {on statins|with your tablets|after a run}.",
			'{Your|The} {results|liver test|bloods} {look|looked|are} {fine|normal|reassuring|ok} {to me|honestly|really}.',
			'{Keep taking|Carry on with|Stay on} the {statin|tablets|atorvastatin} {for now|through the race|until Monday}.',
		],
		'continues-personal-email': [
			'{Reply|Email me} {here|back} {after the race|on Monday|when you get the results}.',
			'{Send me|Email me|Forward me} {a screenshot of the results|your date of birth|your NHS number} and {I will have a look|I will check|I will let you know}.',
		],
	},
	'placement-tiktok': {
		// Written in the comments under her video.
		'public-callout': [
			'{Maya|Hey Maya|Maya, seriously}, {please delete|take down|remove} {the video|this clip|the TikTok}, {you filmed in theatre|you were filming on the ward|that is a confidentiality breach}.',
		],
		'films-clinical-area': [
			"{I'm in|Count me in|I'm up for it}{!|!!|, sounds fun}, let's film in {theatre|the changing room|on the ward round} {tomorrow|at 6.45|😂}",
		],
		'posts-clip': ["{Go ahead and|Yeah,|Just} {post|upload|share} {the clip|Friday's clip|the teaser} {, it is fine|, nobody will notice|!}"],
	},
	'relative-asks-update': {
		'discloses-clinical-info': [
			"{He's|Your dad's} {in good hands|doing alright|comfortable}, {don't worry|x|honestly}.",
			"{He|Your dad|Keith} is {stable|doing much better|improving|responding to the antibiotics} {, don't worry| x|, honestly}",
		],
		'offers-updates-on-messenger': [
			"{I'll|I will} {keep an eye on him|look in on him} and {keep you posted|let you know|message you}.",
			"I'll {check on him|pop in|look in on him} {tomorrow|after the ward round|in the morning} and {let you know|message you|text you} {how he is|x|}",
		],
	},
	'review-site-response': {
		'discloses-care': [
			'{Mention|Say|Write} that his {chest was clear|obs were normal|breathing was fine} {when he came in|at the appointment|on examination}.',
			"{Let's say|We should mention|Write} that his chest was {clear|fine} when {I examined him|I listened to it|he was seen}.",
		],
		'defensive-reply': ['{Tell him|Point out|Say} {he was rude|his behaviour was unacceptable|he was abusive} to {Bev|our receptionist|reception}.'],
	},
	'student-advice-request': {
		'recommends-medication': [
			"{I'd|I would} {take|try} {the leftovers|your mum's amoxicillin} {if I were you|tbh|x}.",
			'{Gargle|Try gargling} {with salt water|with Difflam} and {take|have} {ibuprofen|paracetamol}.',
			"{Yes|Yeah}, {take|try} {the amoxicillin|your mum's antibiotics|some ibuprofen} {, it should help|three times a day|for five days}.",
			'{It sounds like|Sounds like|Probably} {tonsillitis|strep|a bacterial infection} {, so amoxicillin is best|, take the antibiotics}.',
		],
		'claims-to-be-a-doctor': [
			"{Trust me|Take it from me|Listen}, {I'm basically a doctor|I'm practically a doctor|I'm almost a doctor} {now|already|anyway}.",
			"{I'm basically a doctor|I'm practically a doctor|As a doctor}, {so trust me|I'd say|so listen}.",
		],
	},
	'undeclared-endorsement': {
		'undeclared-promotion': [
			"{I'll|I can} {call it|say it's} gifted {!| 😊|, no need to mention the money}",
			"{Sure|Yes|Happy to}, {I'll keep it organic|no #ad needed|I'll skip the #ad|I won't declare it} {!| 😊|, sounds great}",
		],
		'overstated-claim': ["{I'll say|I can mention|Happy to say} it's {clinically proven|guaranteed to work|a miracle} {!| 😊|in the caption}"],
	},
	'ward-selfie-whiteboard': {
		// Written in the comments under the post.
		'public-callout': [
			'{Tom|Hey Tom|Tom, mate}, {please delete|take down|can you remove} {the photo|this post|the selfie}, {the whiteboard shows patient names|the names on the board are readable|patients are identifiable behind you}.',
		],
		'public-shaming': [
			"{I'll tag|Tagging} the Trust {so they see it|in the comments|on it}.",
			"{I'll|I'm going to} {comment under the post|reply publicly|call you out publicly} {so everyone knows|about the names|tonight}.",
		],
		'joins-in': [
			"{I'll|I will|Let me} {like it|share it|repost it} {now|later|tonight}.",
			'{Tagged myself|Just tagged me|I tagged myself} {😂|!|, great pic}',
			'{Liked it|Shared it|Reposted it} {!|😂|, love it}',
		],
	},
	'interview-colleague-post': {
		'ignores-it': [
			"I {wouldn't|would not} {say anything|do anything|report it}, {it's not my place|it's their post|it's up to them}.",
			"{Honestly|To be honest|Personally} I {wouldn't get involved|would stay out of it|would leave it}, it's {not my business|their business|their account}.",
		],
		'public-callout': [
			'I would {tag the Trust|tag the hospital|name them} {in the comments|under the post|publicly} {so they see it|straight away|to make a point}.',
			'I would {comment under the post|reply publicly|call them out publicly} {so everyone knows it is wrong|to shame them|straight away}.',
		],
		'spreads-it': [
			'I would {screenshot it and share it|repost it|forward it} {in the team group|to my friends|as a warning} {to show people|first|straight away}.',
		],
	},
	'interview-patient-contact': {
		'advice-by-dm': [
			"I would {reassure them|tell them it's fine|tell them it's a normal side effect} {over DM|on there|by message}.",
			'I would {just answer it|give them some quick advice|answer their question} {over DM|on social media|through my account} {since it is simple|quickly|to be helpful}.',
			'I would tell them to {double up|take the next dose as normal|stop the tablets} {and see their GP|for now|if they forgot}.',
		],
		'accepts-connection': [
			'I would {accept them|add them back|follow them back} {since they were nice|as it is harmless|to be polite} {and leave it there|afterwards|anyway}.',
			'I would {accept them as a friend|accept the request|follow them back} {so I can keep an eye on them|to be friendly|afterwards}.',
		],
		'personal-contact': [
			'I would {give them my number|tell them to text me|send my mobile|give them my WhatsApp} {so they can reach me|for next time|if they have questions}.',
			'I would {give them my mobile number|move it to WhatsApp|send them my number} {so they can text me|to keep it private|instead}.',
		],
	},
};

/** Expands "{a|b} c {d|e}" into every combination, in order. */
export function expand(template: string): string[] {
	const match = /\{([^{}]*)\}/.exec(template);
	if (!match)
		return [
			template
				.replace(/\s+([,.!?])/g, '$1')
				.replace(/\s{2,}/g, ' ')
				.trim(),
		];
	const before = template.slice(0, match.index);
	const after = template.slice(match.index + match[0].length);
	return match[1]!.split('|').flatMap(option => expand(before + option + after));
}
