package org.rehabnet.monitoring.alert;

/** An alert a rule wants raised; the reason names the rule, never the patient's values. */
public record AlertSignal(AlertKind kind, AlertSeverity severity, String reason) {}
