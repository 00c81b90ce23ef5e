/**
 * A site's waiting list as an intake coordinator works it on one screen: who waits, how urgently,
 * how far the referral has come, how many days in the site's calendar, and whether the assessment
 * is done. A read of referrals, patients and assessments together.
 */
@NullMarked
package org.rehabnet.intake.waitinglist;

import org.jspecify.annotations.NullMarked;
