/**
 * Safety alerts raised at intake, before any admission: today a pre-admission PHQ-9 with item 9
 * above 0 (thoughts of self-harm), for the site's intake coordinators, nurses and physicians and the
 * clinical lead (docs/clinical-rules.md, "Intake").
 */
@NullMarked
package org.rehabnet.intake.safety;

import org.jspecify.annotations.NullMarked;
