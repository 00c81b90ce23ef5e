/** Referrals, their lifecycle and each site's waiting list; readmission referrals from aftercare. */
@NullMarked
package org.rehabnet.intake.referral;

import org.jspecify.annotations.NullMarked;
