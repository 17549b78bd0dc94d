/**
 * Everyday words that are never corrected as typos, even when one letter away from a word a rubric
 * listens for ("content" is not a misspelt "consent", "sharing" is not "shaming"). Only words of six
 * letters or more matter: shorter words are never corrected.
 */
export const COMMON_WORDS: readonly string[] = `
about above accept access according account across action actually added address advance affect
afraid after afternoon again against already always amount another answer anyone anything anyway
appear around arrange arrived asking attach attention attitude available aware awful before behind
believe benefit better between beyond booked bother bottom bought brother budget building business
called calling calmly camera cannot career caring carried centre certain chance change changed
charge cheers chosen church clearly client closed coffee colour coming comment common company
completely concern condition consider contact content contents context continue control correct
cost could counter couple course cousin covered create credit current custom damage danger daughter
dealing decide decided deeply defend degree delete demand depend design detail details device
different dinner direct directly doctor doctors during easily either enough entire evening event
events everyone everything exactly example expect expert explain extra family father feeling fellow
figure finally finger finish follow follows forget formal former forward friend friends further
future garden gently getting glance global gotten ground growth happen happened happens having
health healthy hearing heavy helped helpful highly himself history holiday honest honestly hoping
horrible hospital housed however idea imagine improve include indeed inside instead intend invite
itself journey keeping kindly knowing latest leaving letter likely listen little living locally
looked looking lovely making manage manner market matter member mention message method middle
minute minutes moment monday morning mother moving myself nature nearly needed neither network
nobody normal notice number object office online options orange others ourselves overall parent
parents partly pasted people person phoned photos picked places planet player please pleased plenty
pocket police policy polite poorly posted poster posters posting prefer pretty prince private
probably problem process profile proper proudly public purpose putting quickly quietly rather
reached reader reading really reason recent recently regard regards relate relation relative
remain remember remote repeat replied report request result return review rights rolled saying
school screen search season second secure seeing seemed select sending senior sense series serious
service settle sharing should signed simple simply single sister slowly social someone something
sometimes soon sorted sought source speaking special spend spoken spread spring staff started
status steady street strong student students stupid submit success suffer summer sunday support
supposed surely surgery system taking talking tested thanks things thinking thought through
thursday ticket tomorrow tonight totally toward travel treated trouble truly trying tuesday turned
unless update upload useful usual usually valued various version visit waiting walked wanted
watching weekend welcome whatever whether within without wonder wonderful worried worry written
wrote yellow yourself
`.split(/\s+/).filter(Boolean);
