import { describe, expect, it } from 'vitest';
import { findIdentifiers, isValidNhsNumber } from '../source/rubric/identifiers.js';

const kinds = (text: string) => findIdentifiers(text).map(hit => [hit.kind, hit.text]);

describe('patient identifiers in the learner’s words', () => {
	it('accepts NHS numbers only when the modulus-11 check digit is right', () => {
		expect(isValidNhsNumber('9434765919')).toBe(true);
		expect(isValidNhsNumber('9434765918')).toBe(false);
		// A check value of 10 is never issued.
		expect(isValidNhsNumber('0000000060')).toBe(false);
	});

	it.each([
		['Her NHS number is 943 476 5919.', [['nhs-number', '943 476 5919']]],
		['NHS no 9434765919', [['nhs-number', '9434765919']]],
		['Reference 9434765918 (wrong check digit)', []],
		['call me on 07700 900123', [['phone', '07700 900123']]],
		['ring +44 7700 900123 tonight', [['phone', '+44 7700 900123']]],
		// A service's own line is not a patient identifier; a landline said to be someone's is.
		['the ward is on 0161 496 0000', []],
		['the fracture clinic is on 0118 496 0777, or ring 111', []],
		['his home number is 0161 496 0222', [['phone', '0161 496 0222']]],
		['wait is that Mr Okonkwo from cubicle 6 on the trolley??', [['name-and-location', 'Mr Okonkwo from cubicle 6']]],
		['Yes, Keith Marsh in bed 14, I saw him', [['name-and-location', 'Keith Marsh in bed 14']]],
		["you can read 'Smith bed 4' on the board", [['name-and-location', "'Smith bed 4"]]],
		['Is this Callum Reid, hosp no 4471823?', [['hospital-number', 'Callum Reid, hosp no 4471823']]],
		['Hey Tom, bed 4 is free and Dr Shah is on Ward 7', []],
		// A pair that opens with no name is read again from its second word.
		["It's John Ellis, hosp no 4471832, bed 12", [['hospital-number', 'John Ellis, hosp no 4471832']]],
		// A first name alone, right beside a bed or bay, narrows it to one patient.
		["I'm not pretending 'bed 9 Karen' was the nurses' joke", [['name-and-location', 'bed 9 Karen']]],
		['Is this the lad in bed 14, Jordan something?', [['name-and-location', 'bed 14, Jordan']]],
		["Keith's in bed 14 if you want to visit", [['name-and-location', "Keith's in bed 14"]]],
		['Patient in bed 4 needs a review, and Visiting in bay 2 is from 11', []],
		['call 111 or 999', []],
		['email jade.h@example.com', [['email', 'jade.h@example.com']]],
		['she lives at SW1A 1AA', [['postcode', 'SW1A 1AA']]],
		['postcode m1 1ae', [['postcode', 'm1 1ae']]],
		['see you b4 3pm', []],
		['DOB 12/03/2026', [['date-of-birth', '12/03/2026']]],
		['born on 3 March 1985', [['date-of-birth', '3 March 1985']]],
		['she was seen on 14/02/1987', [['date-of-birth', '14/02/1987']]],
		['your appointment is on 14/02/2027', []],
	])('%s', (text, expected) => {
		expect(kinds(text)).toEqual(expected);
	});
});
