/** The staff portal (issue #13): pages by feature (ward, chart, intake, aftercare, audit), SVG charts, the BFF. */
@NullMarked
package org.rehabnet.portal;

import org.jspecify.annotations.NullMarked;
