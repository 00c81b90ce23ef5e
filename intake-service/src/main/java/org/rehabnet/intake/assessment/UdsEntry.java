package org.rehabnet.intake.assessment;

import org.jspecify.annotations.Nullable;
import org.springframework.data.relational.core.mapping.Table;

/** One analyte of an assessment's urine drug screen. */
@Table("assessment_uds_result")
record UdsEntry(UrineDrugScreen.Analyte analyte, UrineDrugScreen.Result result, @Nullable Integer cutoffNgPerMl) {}
