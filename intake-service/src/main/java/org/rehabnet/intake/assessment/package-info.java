/**
 * Pre-admission assessment of a referral: substance history, body measures, DSM-5 OUD severity,
 * urine drug screen, PHQ-9 and GAD-7, mental-health history, and the expected detox length.
 */
@NullMarked
package org.rehabnet.intake.assessment;

import org.jspecify.annotations.NullMarked;
