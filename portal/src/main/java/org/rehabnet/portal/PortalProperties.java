package org.rehabnet.portal;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The portal's settings ({@code rehabnet.portal}).
 *
 * @param gatewayUri the only backend the portal talks to
 * @param gatewayTimeout read timeout of one gateway call
 * @param idleTimeout automatic logoff after this long without a user action (polls and SSE do not count)
 * @param idleWarning how long before the logoff the page warns
 * @param censusPoll how often the census asks whether anything changed
 * @param wardTopics the topics whose events tell a ward's pages to refetch
 */
@Validated
@ConfigurationProperties("rehabnet.portal")
public record PortalProperties(URI gatewayUri, Duration gatewayTimeout, Duration idleTimeout, Duration idleWarning,
    Duration censusPoll, List<String> wardTopics) {}
