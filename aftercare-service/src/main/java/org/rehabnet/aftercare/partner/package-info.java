/**
 * The partner API (/partner/v1, FHIR R4) with 42 CFR Part 2 consent enforcement at the moment of each
 * disclosure, DS4P security labels and the §2.32 redisclosure notice, and the disclosure log behind a
 * patient's accounting of disclosures (/v1/patients/{id}/disclosures).
 */
@NullMarked
package org.rehabnet.aftercare.partner;

import org.jspecify.annotations.NullMarked;
