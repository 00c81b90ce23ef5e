/** Consents to disclose (42 CFR Part 2 §2.31) and their revocation, shared as events. */
@NullMarked
package org.rehabnet.intake.consent;

import org.jspecify.annotations.NullMarked;
