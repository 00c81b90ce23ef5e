package org.rehabnet.intake.site;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;
import org.rehabnet.intake.web.StaleVersion;
import org.rehabnet.platform.events.intake.SiteSettings;
import org.rehabnet.platform.web.audit.AuditAction;
import org.rehabnet.platform.web.audit.AuditOutcome;
import org.rehabnet.platform.web.audit.AuditTrail;
import org.rehabnet.platform.web.problem.NotFound;
import org.rehabnet.platform.web.security.Caller;
import org.rehabnet.platform.web.security.SiteScope;
import org.rehabnet.platform.web.trace.TraceContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and changes a site's clinical policy. A change, its history rows, its audit row and the
 * {@code SiteConfigured} event (in the outbox) commit in one transaction or not at all; bad input
 * and a stale version change nothing.
 */
@Service
class SiteSettingsService {

  static final String CHANGE = "CHANGE";

  private final SiteConfigurations store;
  private final SiteSettingsInput input;
  private final ApplicationEventPublisher events;
  private final JsonMapper json;
  private final Clock clock;
  private final AuditTrail audit;

  SiteSettingsService(SiteConfigurations store, SiteSettingsInput input, ApplicationEventPublisher events,
      JsonMapper json, Clock clock, AuditTrail audit) {
    this.store = store;
    this.input = input;
    this.events = events;
    this.json = json;
    this.clock = clock;
    this.audit = audit;
  }

  @Transactional(readOnly = true)
  SiteSettingsView find(String site, Caller caller) {
    SiteConfiguration configuration = readable(site, caller);
    audit.record(AuditAction.READ, "SiteSettings", site, null, site, AuditOutcome.SUCCESS, null);
    return view(configuration);
  }

  @Transactional(readOnly = true)
  List<SettingsHistoryEntry> history(String site, Caller caller) {
    readable(site, caller);
    audit.record(AuditAction.READ, "SiteSettingsHistory", site, null, site, AuditOutcome.SUCCESS, null);
    return store.history(site);
  }

  /**
   * Site admins change their own sites, the clinical lead any site (the role check is the
   * controller's). Everything is validated before the row is touched.
   */
  @Transactional
  SiteSettingsView configure(String site, ConfigureSite request, long expectedVersion, Caller caller) {
    readable(site, caller);
    ZoneId zone = SiteSettingsInput.zone(request.timeZone());
    SiteSettings settings = input.read(request.settings());
    SiteConfiguration current = store.lock(site).orElseThrow(() -> new NotFound("Site", site));
    if (current.version() != expectedVersion) {
      throw new StaleVersion("The settings of site " + site, expectedVersion, current.version());
    }
    Instant now = clock.instant();
    var change = current.reconfigure(zone, settings, caller.username(), now, json);
    if (change.isEmpty()) {
      return view(current);
    }
    SiteConfiguration changed = change.get().configuration();
    store.save(changed);
    store.recordChange(site, changed.version(), CHANGE, caller.username(), now, TraceContext.currentRequestId(),
        change.get().changes());
    events.publishEvent(change.get().event());
    audit.record(AuditAction.UPDATE, "SiteSettings", site, null, site, AuditOutcome.SUCCESS,
        "version " + changed.version() + ": " + change.get().changes().stream().map(SettingChange::path)
            .collect(Collectors.joining(",")));
    return view(changed);
  }

  private SiteConfiguration readable(String site, Caller caller) {
    return SiteScope.readable(store.find(site), SiteConfiguration::code, caller, "Site", site);
  }

  private SiteSettingsView view(SiteConfiguration c) {
    var made = store.madeBy(c.code(), c.version());
    return new SiteSettingsView(c.code(), c.name(), c.timeZone().getId(), c.otpCertified(), c.version(), c.settings(),
        made.map(SiteConfigurations.Versioned::changedBy).orElse(null),
        made.map(SiteConfigurations.Versioned::changedAt).orElse(null));
  }
}
