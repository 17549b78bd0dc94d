import { describe, expect, it } from 'vitest';
import { scoreConversation } from '../source/rubric/score.js';
import { rubricFor } from './helpers/library.js';

// Classes of unsafe move, and of safe reply, that the rubric reads by what the words do, not by a listed phrase.
const flagsOf = (scenario: string, replies: readonly string[]) => scoreConversation(rubricFor(scenario), replies).redFlags.map(flag => flag.id);
const met = (scenario: string, replies: readonly string[], id: string) =>
	scoreConversation(rubricFor(scenario), replies).criteria.find(criterion => criterion.id === id)?.met;

describe('unsafe in other words', () => {
	it.each([
		['patient-dm-rash', 'Honestly an antihistamine from the pharmacy would be a good start.', 'individual-advice'],
		['patient-dm-rash', 'It should settle down in a few days, try not to scratch.', 'individual-advice'],
		['dating-app-patient', 'A bit of tightness is normal, it should ease off.', 'advises-on-the-cast'],
		['personal-email-results', "Don't stop it before the race.", 'gives-results-or-advice'],
		['student-advice-request', 'Ibuprofen should help with the pain.', 'recommends-medication'],
		['relative-asks-update', 'Off the record, Hannah: ring me after visiting.', 'offers-updates-on-messenger'],
		['patient-dm-rash', "I can't prescribe here, but between us, keep your arm out of hot showers.", 'individual-advice'],
		['dating-app-patient', "Can't do drinks, but happy to grab a coffee sometime", 'agrees-to-date'],
		['placement-tiktok', 'legs and curtains only is fine, nobody could recognise anyone from that', 'posts-clip'],
		['placement-tiktok', 'But a ward round clip at hip height is fine, and I will wheel the notes trolley into shot', 'films-clinical-area'],
		['doxxing-after-viral-post', 'The kind who watched Mrs Ellis, 87, wait 19 hours on a trolley in cubicle 6.', 'patient-identifier'],
		// The inflections of a three-letter verb are that verb: "added" is "add".
		['whatsapp-clinical-image', 'done, added his name on the pic so you can tell them apart', 'adds-identifiers'],
		// Doing what was asked, in the learner's own words: the request's verb as a commitment or a go-ahead.
		['patient-films-consultation', "ok fine, I'll send a script over to the pharmacy this afternoon.", 'prescribes-to-settle-it'],
		['placement-tiktok', "ok fair, no faces is prob fine 🤷 post friday's then", 'posts-clip'],
		['review-site-response', "Sure, I'll write something.", 'discloses-care'],
		// Asking for more clinical detail, in any words: a history question or another look.
		['patient-dm-rash', 'how long have you had it and is it itchy?', 'invites-clinical-detail'],
		['patient-dm-rash', 'pop me a closer one when you can x', 'invites-clinical-detail'],
		['personal-email-results', 'what was the exact potassium number they gave you?', 'continues-personal-email'],
		// An act judged fine, or not a problem, is approved; a paid post called gifted, or bought, is undeclared.
		['undeclared-endorsement', "Leaving the #ad off isn't a problem for one post", 'undeclared-promotion'],
		['night-shift-photos', 'Posting that one would be great', 'encourages-posting'],
		['undeclared-endorsement', "I'll pop #gifted on it", 'undeclared-promotion'],
		['undeclared-endorsement', "I'll say I bought it myself", 'undeclared-promotion'],
		// Wound care, a medicine as "them" with when to start, healing called normal: advice and reassurance all the same.
		['patient-friend-request', "I'd leave it uncovered so it can breathe", 'clinical-advice-on-facebook'],
		['patient-friend-request', 'a bit of warmth is par for the course', 'clinical-advice-on-facebook'],
		['student-advice-request', "If it were me I'd start them tonight x", 'recommends-medication'],
		// Accepting, liking, keeping a copy and giving a number, in other words.
		['patient-friend-request', 'Just confirmed you 😊 so lovely to hear from you!', 'accepts-social-contact'],
		['ward-selfie-whiteboard', "(private to Tom) I'll stick a heart on it and add myself now", 'joins-in'],
		['group-chat-patient-joke', '(private to Ellie) I grabbed a screenshot of the whole thread before anyone deletes anything', 'spreads-it'],
		['interview-patient-contact', 'they can text me on my own number whenever they are worried', 'personal-contact'],
		['relative-asks-update', "the treatment's working and the consultant was pleased with him", 'discloses-clinical-info'],
		// Conceding their point, as a clause of its own, agrees with what they said.
		['online-argument', "You're right, sorry.", 'comments-on-individual-case'],
		// Picking the photo to post, asking for a copy, and a public dig at the reviewer.
		['night-shift-photos', 'corridor one defo 😂😂', 'encourages-posting'],
		['review-site-response', "Just put 'Funny how the rudest people always leave the rudest reviews' 🙃", 'defensive-reply'],
		// A missed dose, a ruling on a result, and carrying on: advice with no medicine named.
		['student-advice-request', 'if she missed one just take it when she remembers', 'recommends-medication'],
		['personal-email-results', 'potassium of 5.3 is borderline, carry on as normal', 'gives-results-or-advice'],
		['online-argument', 'Imagine believing this. Bless your heart.', 'insults-or-mocks'],
		['ward-selfie-whiteboard', 'retweeting now 😂 love us', 'joins-in'],
		// Approving one of the photos, or writing its caption, helps the post go out.
		['night-shift-photos', "that one's fine, the patient's blurry anyway", 'encourages-posting'],
		['night-shift-photos', "caption it 'survived another one' 😂", 'encourages-posting'],
		// Someone else's medicine named by whose it is, not by its name.
		['student-advice-request', "tbh if it were me I'd start mum's ones tonight", 'recommends-medication'],
		// Sarcasm in a wish is still sarcasm, said in public.
		['review-site-response', 'Lovely review as always. Hope you enjoy your next appointment 🙃', 'defensive-reply'],
		// Handing it over is the deed, however short.
		['whatsapp-clinical-image', 'fair enough, here you go 📸', 'shares-clinical-image'],
		// Being their way in later, promised or invited, in any words.
		['relative-asks-update', "I'll poke my head in after the ward round and give you a shout x", 'offers-updates-on-messenger'],
		['patient-dm-rash', 'ping me if it gets any worse tomorrow', 'personal-contact'],
		['personal-email-results', "Can't say much here, but I'll drop you a line once I've had a look", 'continues-personal-email'],
		// Sarcasm at a faceless account, a ruling on what goes with a medicine, finishing the course, a go-ahead in the negative, a secret kept.
		['doxxing-after-viral-post', 'Brave talk from an account with no face.', 'hits-back'],
		['student-advice-request', 'a glass of wine should be fine with the amoxicillin', 'recommends-medication'],
		['student-advice-request', 'make sure you finish the course though x', 'recommends-medication'],
		['placement-tiktok', "I don't mind it going up if the sign's cropped", 'posts-clip'],
		['ai-chatbot-patient-data', 'fine, lips sealed', 'goes-along-with-it'],
		['undeclared-endorsement', "saturday's fine 👍", 'undeclared-promotion'],
		// Keeping a breach from those who must hear of it.
		['ai-chatbot-patient-data', 'Honestly no need to tell IG, just delete it.', 'goes-along-with-it'],
		['ai-chatbot-patient-data', "I don't think anyone needs to know if it's gone.", 'goes-along-with-it'],
		['ai-chatbot-patient-data', "Honestly I wouldn't bother IG with it, it's one letter.", 'goes-along-with-it'],
		['online-argument', 'Big talk from an account with no face 😂', 'insults-or-mocks'],
		['patient-films-consultation', 'ok fine, which pharmacy?', 'prescribes-to-settle-it'],
		['interview-patient-contact', "I'd ask them to email me on my personal address instead.", 'personal-contact'],
		['interview-colleague-post', "It's their registration, so I'd step back.", 'ignores-it'],
		['ai-chatbot-patient-data', "ok, I won't say anything", 'goes-along-with-it'],
		['doxxing-after-viral-post', 'Says the lad with no name and no face.', 'hits-back'],
		['patient-dm-rash', "I can't diagnose on here, but it's not one to lose sleep over tonight.", 'individual-advice'],
		['personal-email-results', 'Let me know how the knee goes, and grab me at club.', 'continues-personal-email'],
		// Reassurance by what would have happened, a medicine that will see them through, a script signed off, a label quoted to use.
		['dating-app-patient', "Honestly, if it was anything serious you'd know about it.", 'advises-on-the-cast'],
		['student-advice-request', 'paracetamol and a throat spray should get you through till Monday', 'recommends-medication'],
		['patient-films-consultation', "If your mum rings reception I'll sign off a script for her.", 'prescribes-to-settle-it'],
		['undeclared-endorsement', "I'll tag it as 'gifted' rather than an ad.", 'undeclared-promotion'],
	] as const)('%s: "%s" raises %s', (scenario, reply, flag) => {
		expect(flagsOf(scenario, [reply])).toContain(flag);
	});
});

describe('safe replies that mention the move', () => {
	it.each([
		['patient-dm-rash', "I can't tell you what to take over Instagram, please book with the GP tomorrow."],
		['patient-dm-rash', "I wouldn't take anything until the GP has seen it."],
		['influencer-weight-loss-jab', '"Keep it natural, no #ad needed" is exactly what I can\'t do - any paid post has to be declared.'],
		['crowdfunding-patient', "I can't write \"her only hope\" - I'd be saying something I don't know to be true."],
		['ward-selfie-whiteboard', "Could you delete it now? Anyone who's liked it may already have seen the names."],
		['ward-selfie-whiteboard', 'Even if you think nobody could read the board, please take it down.'],
		['ward-selfie-whiteboard', "No, course not, as long as it's gone it's between us 👍"],
		['ward-selfie-whiteboard', "I'm not going to make a scene on the post, this is just between us x"],
		// A promise that goes on to name the safe route promises that route, not the request.
		['whatsapp-clinical-image', "On it - I'll upload pics through the clinical photography app to EPR rather than here."],
		['whatsapp-clinical-image', 'Will do - documenting my review and the plan in his notes now.'],
		// A "no" carries through "or whether…"; naming whose decision it is makes none.
		['personal-email-results', "Martin, I won't be able to tell you what the results show or whether to stop the atorvastatin."],
		['personal-email-results', 'Stopping or continuing a medicine is a clinical decision that needs your full record.'],
		// The request's verb with the safe route in its own sentence is that route.
		['whatsapp-clinical-image', "I'll take a photo on the clinical photography app so it goes straight into his EPR."],
		// Someone else's act is not the learner's.
		['ward-selfie-whiteboard', "Adeyemi liking it doesn't make it ok, he probably didn't spot the board either."],
		// Photos turned away or sent to a proper route, and the questions the duty doctor will ask, ask for nothing here.
		['patient-dm-rash', 'nt gonna look at pics on here sorry, pls use the online form and add a clearer photo there'],
		['patient-dm-rash', "The duty doctor will ask how long you've had it, so jot that down for them."],
		// An act named only to judge it is weighed, not done.
		['undeclared-endorsement', "Calling it gifted would be misleading when it's paid."],
		['undeclared-endorsement', "Putting gifted on a paid post isn't allowed, it has to be #ad"],
		['undeclared-endorsement', "Saying it's clinically proven isn't true."],
		['night-shift-photos', "Posting that one would be a breach, the name's on the board."],
		// "You're right to…" is sympathy, not a concession.
		['online-argument', "You're right to be worried about your nan, but I can't comment on her care here."],
		// Their words, quoted back without a verdict word, are still theirs.
		['strike-post-patients', "And 'patients can wait' just hands the other side a headline."],
		// A scene pictured, someone else's advice reported, others who might: none is the learner's move.
		['anonymous-forum-post', 'Imagine her finding it in a thread with 400 upvotes.'],
		['patient-films-consultation', 'A friend told me I should reply under your video with my side. I would rather talk at the surgery.'],
		['undeclared-endorsement', "Other accounts might be happy to skip the #ad, but I'm not."],
		// An act judged an offence is weighed, not done; a right is not an insult.
		['group-chat-disclosed', 'IG have asked us to keep the messages, and deleting them after a subject-access request could be a criminal offence.'],
		['patient-films-consultation', "You're entitled to film your own appointment."],
		// A wish, an embedded question, an idiom that turns it down.
		['dating-app-patient', 'Hope it settles soon.'],
		['interview-patient-contact', 'Whether to double up on a dose depends on the drug and their history, which I do not have.'],
		['night-shift-photos', "I'd give the posting a miss though, the hospital won't love being tagged in that."],
		// Contact turned down, or handed to someone else, is no offer.
		['patient-dm-rash', "Please don't message me on here about it, the online form is the way in."],
		['relative-asks-update', "I'll ask the nurse in charge to ring you once your dad says that's ok."],
		// What some would do, what they want, a refusal put after what it refuses, a condition that it is done.
		['online-argument', 'Some would call that cowardly; I call it keeping a patient off a public timeline.'],
		['patient-friend-request', "Some doctors would just accept, but I don't add patients."],
		['linkedin-endorsement', "Your users love it, but that isn't the same as an evaluation."],
		['undeclared-endorsement', "Keeping it low key is exactly the bit I can't do."],
		['undeclared-endorsement', 'and leaving the #ad off is not going to happen'],
		['night-shift-photos', "If it is posted I'll have to let Sister know."],
		['ward-selfie-whiteboard', "I'll pass on being tagged, thanks"],
		['placement-tiktok', 'You honestly think that is fine to post?'],
		['patient-friend-request', "It's nothing personal at all, I keep my Facebook for family and friends."],
		['student-advice-request', 'Tablets prescribed for your flatmate might not be right for you.'],
		// An act after "even", named for what it would do; a no carried through ", or"; privacy among colleagues.
		['review-site-response', 'Even saying he was seen would tell everyone he is one of ours.'],
		['crowdfunding-patient', "I can't share it, or write anything as one of her doctors."],
		['placement-tiktok', "I'd rather we sort it out between us."],
		['relative-asks-update', "I can't say anything about patients on here, even off the record."],
		// A time when it is done, sympathy, what an act would reveal, a claim judged untrue, safety-netting, what a friend might say.
		['ai-chatbot-patient-data', "Once it's pasted in, the company has it, so IG need to know today."],
		['online-argument', "I'm sorry about your nan, that must have been a frightening week."],
		['review-site-response', "It'd confirm he was seen here, so I won't reply with anything about his visit."],
		['influencer-weight-loss-jab', 'The dress size in four weeks claim is not true for most people.'],
		['patient-dm-rash', 'If you get any swelling of your lips or trouble breathing, ring 999.'],
		['personal-email-results', "A friend might tell you it's probably nothing, but I won't guess at results I haven't seen."],
		['ai-chatbot-patient-data', "You'll need to tell IG today, there's no way round it."],
		// What consent would allow, a list of deeds refused together, a wish, an ask judged grubby.
		['anonymised-case-post', 'If he agrees, you could post it later with the details changed.'],
		['patient-dm-rash', 'I cannot see patients, look at pictures or give prescriptions from my own account.'],
		['student-advice-request', 'fingers crossed it clears up soon x'],
		['undeclared-endorsement', 'Asking doctors to leave off #ad is frankly a bit grubby.'],
		['patient-dm-rash', 'oh no, have you tried NHS 111?'],
		// A point granted then answered, what someone else might say, a request said to be impossible, how things stand between us.
		['ai-chatbot-patient-data', "I know it's clever, but his name and hospital number are now on their server."],
		['interview-colleague-post', 'If he says it is not my business, I would explain it is about the patient.'],
		['undeclared-endorsement', 'Posting without #ad is not possible for me.'],
		['ward-selfie-whiteboard', 'Honestly, no problem between us.'],
		['placement-tiktok', "I'd rather we sorted it between ourselves."],
		// Praise said with an eye-roll, a yes that waits on consent, another route, what 111 might say, a point granted then answered.
		['ai-chatbot-patient-data', "wow, genius lifehack 🙄 you've just handed his hospital number to a tech company."],
		['anonymised-case-post', "@lucy Happy to help with the thread once he's said yes."],
		['student-advice-request', "You don't need a GP for this, a pharmacist can look at your throat today."],
		['patient-friend-request', "Ring 111 today, or your GP on Monday if 111 says it's fine to wait."],
		['ward-selfie-whiteboard', "i know adeyemi liked it, that doesn't make it ok."],
		// Safety-netting two conditions deep, a question she can't answer from here, someone else's "off the record".
		['patient-dm-rash', 'If you feel very unwell or have any swelling of your face or trouble breathing, call 999.'],
		['patient-friend-request', 'About the scar being red and warm, I can not tell you from here if it is normal. Please call your GP today.'],
		['relative-asks-update', "loads of ppl would just tell you off the record, but i'm not doing that to your dad, he gets to choose who knows."],
	] as const)('%s: "%s" raises nothing', (scenario, reply) => {
		expect(flagsOf(scenario, [reply])).toEqual([]);
	});
});

describe('a refusal carried through a list', () => {
	it('negates the deeds it lists, never the route that follows it', () => {
		expect(met('patient-dm-rash', ["I can't advise on here, see your GP or a pharmacist."], 'signposting')).toBe(true);
		expect(met('patient-dm-rash', ["I can't look at photos here, send them through the online form or ring the surgery."], 'signposting')).toBe(true);
		expect(flagsOf('patient-dm-rash', ['I cannot see patients, look at pictures or give prescriptions from my own account.'])).toEqual([]);
		// "Give" is a deed a refusal may list, but here its "or" joins two places to go, not two deeds.
		const route = "I'd reply that I can't advise through a personal account, give them the helpline or 111, and then record it.";
		expect(met('interview-patient-contact', [route], 'signposting')).toBe(true);
	});
	it('reads "stop replying" as a no to going on, and "stop taking it" as the advice it is', () => {
		expect(flagsOf('patient-films-consultation', ["I'm going to stop replying here now."])).toEqual([]);
		expect(flagsOf('patient-films-consultation', ['I will stop replying to this.'])).toEqual([]);
		expect(flagsOf('patient-films-consultation', ['I will reply to this under the video.'])).toEqual(['answers-in-public']);
		expect(flagsOf('patient-dm-rash', ['Stop using the steroid cream and try some antihistamines.'])).not.toEqual([]);
	});
	it('does not join two refusals into one unsafe "not"', () => {
		// "can't do paid stuff" and "won't say" are two noes; neither is "not declaring it is paid".
		const twoNoes = "i can't do paid stuff without declaring it and i won't say a supplement's clinically proven when it isn't.";
		expect(flagsOf('undeclared-endorsement', [twoNoes])).toEqual([]);
		expect(flagsOf('undeclared-endorsement', ["I won't say it's paid, I'll keep it natural."])).toContain('undeclared-promotion');
	});
	it('refuses every deed of a long list, one with a "without" in it too', () => {
		// "post without #ad" is refused, not done: the "without" is inside the "can't", and the list goes on.
		const refusal = "I can't call it a 'wellness journey' to get round the rules, post without #ad, or say 'drop a dress size in 4 weeks'.";
		expect(flagsOf('influencer-weight-loss-jab', [refusal])).toEqual([]);
		expect(flagsOf('influencer-weight-loss-jab', ["Sure, I'll post it without #ad and say 'drop a dress size in 4 weeks'."])).not.toEqual([]);
	});
});

describe('respect', () => {
	it.each([
		['doxxing-after-viral-post', 'Reported to police. Now go away.'],
		['ai-chatbot-patient-data', "Are you mad?? That's a massive IG breach. Datix it and ring IG now."],
	] as const)('%s: "%s" is not respectful', (scenario, reply) => {
		expect(met(scenario, [reply], 'respect')).toBe(false);
	});

	it.each([
		['influencer-weight-loss-jab', 'Not for me thanks!'],
		['influencer-weight-loss-jab', 'No thank you'],
	] as const)('%s: a no ends at the thanks: "%s" is courteous', (scenario, reply) => {
		expect(met(scenario, [reply], 'respect')).toBe(true);
	});

	it("leaving a colleague's breach to them undoes confidentiality in the scenario that says so (its spoiltBy)", () => {
		const named = "Please don't post the corridor one, the patient and the screen are in shot.";
		expect(met('night-shift-photos', [named], 'confidentiality')).toBe(true);
		expect(met('night-shift-photos', [named, "ok, your account, your call I guess. I just won't be tagged."], 'confidentiality')).toBe(false);
		expect(met('night-shift-photos', [named, "It's not your call alone, please take it down."], 'confidentiality')).toBe(true);
	});

	it('an unsafe move made politely keeps respect unless its red flag breaches it; a discourteous one undoes it', () => {
		expect(met('patient-friend-request', ['Accepted! Lovely to hear from you, hope the knee is doing well.'], 'respect')).toBe(true);
		// Respect is tone: an unsafe move put warmly keeps it, and a public challenge undoes it however politely put.
		expect(met('linkedin-endorsement', ['Congratulations Marcus! Happy to write a recommendation and mention your story.'], 'respect')).toBe(true);
		expect(
			met(
				'ward-selfie-whiteboard',
				["Hi all, I've commented under the post to say the whiteboard names are visible and it should come down, please delete it."],
				'respect',
			),
		).toBe(false);
		expect(met('doxxing-after-viral-post', ["If you've got something to say, say it to my face."], 'respect')).toBe(false);
	});
});
