/**
 * Aftercare alerts: what the patient's counsellor and the site's clinical lead must act on now (an
 * overdose or an emergency relapse, a self-harm answer at a check-in), on a site-scoped worklist they
 * read and acknowledge through the API.
 */
@NullMarked
package org.rehabnet.aftercare.alert;

import org.jspecify.annotations.NullMarked;
