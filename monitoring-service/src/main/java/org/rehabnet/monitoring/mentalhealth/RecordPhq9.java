package org.rehabnet.monitoring.mentalhealth;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A PHQ-9 re-screen: the nine item scores in questionnaire order, each 0-3 (a fraction is a 400). */
record RecordPhq9(@NotNull @Size(min = 9, max = 9) List<@NotNull @Min(0) @Max(3) Integer> items) {}
