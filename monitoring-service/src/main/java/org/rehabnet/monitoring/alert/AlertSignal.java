package org.rehabnet.monitoring.alert;

import org.rehabnet.platform.events.clinical.AlertKind;
import org.rehabnet.platform.events.clinical.AlertSeverity;

/** An alert a rule wants raised; the reason names the rule, never the patient's values. */
public record AlertSignal(AlertKind kind, AlertSeverity severity, String reason) {}
